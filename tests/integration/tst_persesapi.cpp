// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "devicelogin.h"
#include "persesapi.h"
#include "persesserverprocess.h"
#include "serversession.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

// PersesApi against the test Perses server: login, the token refreshed before it expires and
// after a 401, a session that ends when the refresh token expires, and no cookie ever sent.
using namespace Pd;

namespace {

ApiReply *finished(ApiReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy done(reply, &ApiReply::finished);
        done.wait(30000);
    }
    return reply;
}

// The test server on the conformance resources, with `options`.
QString start(PdTest::PersesServerProcess &server, const QStringList &options = {})
{
    return server.start(
        QStringList{QStringLiteral("--conformance"), QStringLiteral(PD_CONFORMANCE_DIR)} + options);
}

} // namespace

class TestPersesApi : public QObject
{
    Q_OBJECT

private slots:
    void loginGivesATokenThatReadsTheUser()
    {
        PdTest::PersesServerProcess server;
        QCOMPARE(start(server), QString());
        PersesApi api(server.url());
        ApiReply *login =
            finished(api.login(QStringLiteral("Admin"), QStringLiteral("admin-password")));
        QVERIFY2(login->ok(), qPrintable(login->error()));
        QCOMPARE(api.tokens().user, QStringLiteral("admin"));
        QVERIFY(!api.tokens().refreshToken.isEmpty());
        // expires_in, not the zero `expiry` of the answer.
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(api.tokens().accessExpiry);
        QVERIFY2(left > 800 && left <= 900, qPrintable(QString::number(left)));
        ApiReply *projects = finished(api.get(QStringLiteral("/api/v1/projects")));
        QVERIFY(projects->ok());
        QCOMPARE(projects->json().array().size(), 3);
    }

    void expiredTokenIsRefreshedAndTheCallReplayed()
    {
        PdTest::PersesServerProcess server;
        QCOMPARE(start(server, {QStringLiteral("--access-ttl"), QStringLiteral("1")}), QString());
        PersesApi api(server.url());
        QVERIFY(
            finished(api.login(QStringLiteral("admin"), QStringLiteral("admin-password")))->ok());
        // Without a known expiry nothing refreshes early: the call meets a 401 first.
        AuthTokens tokens = api.tokens();
        tokens.accessExpiry = {};
        api.setTokens(tokens);
        const QByteArray expired = api.tokens().accessToken;
        QTest::qWait(2100); // the token's `exp` is in whole seconds
        ApiReply *projects = finished(api.get(QStringLiteral("/api/v1/projects")));
        QVERIFY2(projects->ok(), qPrintable(projects->error()));
        QVERIFY(api.tokens().accessToken != expired);
        QCOMPARE(api.tokens().refreshToken, tokens.refreshToken); // no rotation
    }

    void tokenIsRefreshedBeforeItExpires()
    {
        PdTest::PersesServerProcess server;
        QCOMPARE(start(server, {QStringLiteral("--access-ttl"), QStringLiteral("2")}), QString());
        PersesApi api(server.url());
        QVERIFY(
            finished(api.login(QStringLiteral("admin"), QStringLiteral("admin-password")))->ok());
        QSignalSpy changed(&api, &PersesApi::tokensChanged);
        // At 80 % of two seconds, with no request made.
        QVERIFY(changed.wait(10000));
        QVERIFY(!api.tokens().isEmpty());
    }

    void sessionEndsWhenTheRefreshTokenExpires()
    {
        PdTest::PersesServerProcess server;
        QCOMPARE(start(server, {QStringLiteral("--access-ttl"), QStringLiteral("1"),
                                QStringLiteral("--refresh-ttl"), QStringLiteral("1")}),
                 QString());
        PersesApi api(server.url());
        QVERIFY(
            finished(api.login(QStringLiteral("admin"), QStringLiteral("admin-password")))->ok());
        AuthTokens tokens = api.tokens();
        tokens.accessExpiry = {};
        api.setTokens(tokens);
        QSignalSpy expired(&api, &PersesApi::sessionExpired);
        QTest::qWait(2100);
        ApiReply *projects = finished(api.get(QStringLiteral("/api/v1/projects")));
        QVERIFY(!projects->ok());
        QCOMPARE(projects->status(), 401);
        QCOMPARE(projects->error(),
                 QStringLiteral("not logged in: HTTP 400 Bad Request: bad request: invalid "
                                "refresh token"));
        QCOMPARE(expired.size(), 1);
        QVERIFY(api.tokens().isEmpty());
    }

    void cookiesNeverOverrideTheToken()
    {
        // The server sets jwt cookies on login and lets them win over the header. A viewer's
        // token after an admin's login must act as the viewer.
        PdTest::PersesServerProcess server;
        QCOMPARE(start(server), QString());
        PersesApi api(server.url());
        QVERIFY(
            finished(api.login(QStringLiteral("admin"), QStringLiteral("admin-password")))->ok());
        api.setTokens(AuthTokens::fromAccessToken(server.login(QStringLiteral("viewer"))));
        ApiReply *read =
            finished(api.get(QStringLiteral("/api/v1/projects/perses/dashboards/demo")));
        QVERIFY(read->ok());
        ApiReply *write = finished(
            api.put(QStringLiteral("/api/v1/projects/perses/dashboards/demo"), read->body()));
        QCOMPARE(write->status(), 403);
        QCOMPARE(write->error(),
                 QStringLiteral("HTTP 403 Forbidden: forbidden access: missing 'update' "
                                "permission in 'perses' project for 'Dashboard' kind"));
    }

    void deviceFlowLogsInOnceTheCodeIsEntered()
    {
        PdTest::PersesServerProcess server;
        QCOMPARE(start(server), QString());
        ServerConnection connection;
        connection.name = QStringLiteral("idp");
        connection.url = server.url();
        ServerSession session(connection);
        session.start();
        QTRY_COMPARE(session.state(), ServerSession::State::NeedsLogin);
        QCOMPARE(session.providers().size(), 1);
        QCOMPARE(session.providers().front().name, QStringLiteral("Test IdP"));
        DeviceLogin *login = session.loginWithDevice(session.providers().front());
        QSignalSpy code(login, &DeviceLogin::codeReady);
        QSignalSpy succeeded(login, &DeviceLogin::succeeded);
        QVERIFY(code.wait(30000));
        const QString userCode = code.front().at(0).toString();
        QVERIFY(userCode.startsWith(u"WDJB-"));
        QCOMPARE(code.front().at(1).toString(), server.url() + QStringLiteral("/test/device"));
        // Polled while pending: nothing yet.
        QTest::qWait(2500);
        QCOMPARE(succeeded.size(), 0);
        QCOMPARE(session.state(), ServerSession::State::NeedsLogin);
        // The user enters the code at the provider.
        PdTest::PersesServerProcess::call(
            server.url() + QStringLiteral("/test/device/approve"), "POST",
            QJsonDocument(QJsonObject{{QStringLiteral("user_code"), userCode},
                                      {QStringLiteral("user"), QStringLiteral("dev")}})
                .toJson());
        QVERIFY(succeeded.wait(30000));
        QTRY_COMPARE(session.state(), ServerSession::State::Ready);
        QCOMPARE(session.user(), QStringLiteral("dev"));
        QVERIFY(session.may(QStringLiteral("update"), QStringLiteral("testing"),
                            QStringLiteral("Dashboard")));
        QString reason;
        QVERIFY(!session.may(QStringLiteral("update"), QStringLiteral("perses"),
                             QStringLiteral("Dashboard"), &reason));
        QCOMPARE(reason, QStringLiteral("dev has no 'update' permission on Dashboard resources "
                                        "in project 'perses'"));
    }

    void errorsReadAsTheServerWroteThem()
    {
        PdTest::PersesServerProcess server;
        QCOMPARE(start(server), QString());
        PersesApi api(server.url());
        QVERIFY(
            finished(api.login(QStringLiteral("admin"), QStringLiteral("admin-password")))->ok());
        ApiReply *missingProject = finished(api.get(PersesApi::path(
            {QStringLiteral("api"), QStringLiteral("v1"), QStringLiteral("projects"),
             QStringLiteral("nope"), QStringLiteral("dashboards")})));
        QCOMPARE(missingProject->status(), 400);
        QCOMPARE(missingProject->error(),
                 QStringLiteral("HTTP 400 Bad Request: bad request: "
                                "metadata.project \"nope\" doesn't exist"));
        ApiReply *exists = finished(api.post(QStringLiteral("/api/v1/projects"),
                                             R"({"kind":"Project","metadata":{"name":"Perses"}})"));
        QCOMPARE(exists->status(), 409);
        QCOMPARE(exists->error(), QStringLiteral("HTTP 409 Conflict: document already exists"));
        ApiReply *created = finished(api.post(QStringLiteral("/api/v1/projects"),
                                              R"({"kind":"Project","metadata":{"name":"MiXed"}})"));
        QVERIFY(created->ok());
        QCOMPARE(created->json()[u"metadata"][u"name"].toString(), QStringLiteral("mixed"));
        ApiReply *gone = finished(api.remove(QStringLiteral("/api/v1/projects/mixed")));
        QCOMPARE(gone->status(), 204);
        ApiReply *notFound = finished(api.get(QStringLiteral("/api/v1/projects/mixed")));
        QCOMPARE(notFound->error(), QStringLiteral("HTTP 404 Not Found: document not found"));
    }
};

QTEST_GUILESS_MAIN(TestPersesApi)
#include "tst_persesapi.moc"
