// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "clirun.h"
#include "freeport.h"
#include "persesdemoproject.h"
#include "persesserverprocess.h"
#include "prometheustestserver.h"
#include "testpaths.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

// pull, push, lint --server, query and render --server against the test Perses server
// (perses-api.md to the letter) serving the conformance resources, and a real Prometheus
// behind its proxy.
namespace {

const QByteArray adminPassword = "admin-password\n";

QStringList asAdmin(const QString &url)
{
    return {QStringLiteral("--server"), url, QStringLiteral("--username"), QStringLiteral("admin"),
            QStringLiteral("--password-stdin")};
}

// Every file under `folder` by relative path, with its bytes.
QMap<QString, QByteArray> snapshot(const QString &folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(folder).relativeFilePath(path), PdTest::readFile(path));
    }
    return files;
}

QString replaced(QString text, const QString &from, const QString &to)
{
    // A replacement that finds nothing is a broken test: it then fails on what it reads back
    // (no qFatal, which would leave the servers running).
    if (!text.contains(from)) {
        qWarning("text to replace not found: %s", qPrintable(from));
        return {};
    }
    return text.replace(from, to);
}

} // namespace

class TestServerCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCOMPARE(m_prometheus.start(), QString());
        QVERIFY(PdTest::writeDemoProject(m_resources.path(), m_prometheus.url()));
        QCOMPARE(
            m_server.start({QStringLiteral("--require-display-name"),
                            QStringLiteral("--conformance"), QStringLiteral(PD_CONFORMANCE_DIR),
                            QStringLiteral("--resources"), m_resources.path()}),
            QString());
    }

    void pullWritesOneCanonicalFilePerResource()
    {
        QTemporaryDir out;
        const auto run =
            PdTest::runCli(QStringList{QStringLiteral("pull")} + asAdmin(m_server.url()) +
                               QStringList{QStringLiteral("--out"), out.path()},
                           120000, adminPassword);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("wrote     perses/dashboards/demo.yaml\n")),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("1 secret left out")));
        const QMap<QString, QByteArray> files = snapshot(out.path());
        for (const char *expected :
             {"perses/project.yaml", "perses/dashboards/nodeexporter.yaml",
              "perses/datasources/prometheusdemo.yaml", "perses/variables/job.yaml",
              "perses/folders/demos.yaml", "globaldatasources/prometheusdemo.yaml",
              "globalvariables/job.yaml", "demo/dashboards/board.yaml"})
            QVERIFY2(files.contains(QLatin1String(expected)), expected);
        QVERIFY(!files.contains(QStringLiteral("perses/secrets/turlututu.yaml")));
        const QByteArray demo = files.value(QStringLiteral("perses/dashboards/demo.yaml"));
        QVERIFY(demo.startsWith("kind: Dashboard\nmetadata:\n  name: demo\n  version: "));
        QVERIFY(!demo.contains("createdAt"));
        QVERIFY(!demo.contains("updatedAt"));
        // In canonical form: fmt has nothing to change.
        const auto fmt =
            PdTest::runCli({QStringLiteral("fmt"), QStringLiteral("--check"), out.path()});
        QCOMPARE(fmt.exitCode, 0);

        QTemporaryDir json;
        const auto one =
            PdTest::runCli(QStringList{QStringLiteral("pull")} + asAdmin(m_server.url()) +
                               QStringList{QStringLiteral("--project"), QStringLiteral("Perses"),
                                           QStringLiteral("--dashboard"), QStringLiteral("Demo"),
                                           QStringLiteral("--out"), json.path(),
                                           QStringLiteral("--format"), QStringLiteral("json")},
                           120000, adminPassword);
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(snapshot(json.path()).keys(),
                 QStringList{QStringLiteral("perses/dashboards/demo.json")});
    }

    void pullPushPullGivesTheSameBytes()
    {
        QTemporaryDir out;
        const QStringList pull = QStringList{QStringLiteral("pull")} + asAdmin(m_server.url()) +
                                 QStringList{QStringLiteral("--project"), QStringLiteral("testing"),
                                             QStringLiteral("--out"), out.path()};
        QCOMPARE(PdTest::runCli(pull, 120000, adminPassword).exitCode, 0);
        const QMap<QString, QByteArray> before = snapshot(out.path());
        QVERIFY(before.size() > 10);

        const auto push = PdTest::runCli(QStringList{QStringLiteral("push")} +
                                             asAdmin(m_server.url()) + QStringList{out.path()},
                                         120000, adminPassword);
        QCOMPARE(push.exitCode, 0);
        QVERIFY2(
            push.out.endsWith(
                QStringLiteral("0 created, 0 updated, %1 left unchanged\n").arg(before.size())),
            qPrintable(push.out + push.err));

        const auto again = PdTest::runCli(pull, 120000, adminPassword);
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QStringLiteral(": 0 written, %1 unchanged").arg(before.size())));
        QCOMPARE(snapshot(out.path()), before);
    }

    void pushUpdatesThenStopsOnAConflict()
    {
        QTemporaryDir out;
        QCOMPARE(
            PdTest::runCli(QStringList{QStringLiteral("pull")} + asAdmin(m_server.url()) +
                               QStringList{QStringLiteral("--project"), QStringLiteral("testing"),
                                           QStringLiteral("--dashboard"), QStringLiteral("table"),
                                           QStringLiteral("--out"), out.path()},
                           120000, adminPassword)
                .exitCode,
            0);
        const QString file = out.filePath(QStringLiteral("testing/dashboards/table.yaml"));
        const QString pulled = QString::fromUtf8(PdTest::readFile(file));
        const QString version = pulled.section(u'\n', 3, 3); // "  version: N"
        QVERIFY(version.startsWith(u"  version: "));
        const int pulledVersion = version.mid(11).toInt();
        QVERIFY(PdTest::writeFile(file,
                                  replaced(pulled, QStringLiteral("  display:\n    name: table\n"),
                                           QStringLiteral("  display:\n    name: table, mine\n"))
                                      .toUtf8()));

        const QStringList push =
            QStringList{QStringLiteral("push")} + asAdmin(m_server.url()) + QStringList{file};
        const auto first = PdTest::runCli(push, 120000, adminPassword);
        QCOMPARE(first.exitCode, 0);
        QVERIFY(first.out.startsWith(QStringLiteral("update   Dashboard testing/table  (")));
        // The file now carries the server's new version, and nothing else changed in it.
        const QString updated = QString::fromUtf8(PdTest::readFile(file));
        QCOMPARE(updated,
                 replaced(replaced(pulled, QStringLiteral("  display:\n    name: table\n"),
                                   QStringLiteral("  display:\n    name: table, mine\n")),
                          version, QStringLiteral("  version: %1").arg(pulledVersion + 1)));

        // Someone else saves; my next edit conflicts and nothing is sent.
        const QByteArray token = m_server.login(QStringLiteral("admin"));
        const QString url =
            m_server.url() + QStringLiteral("/api/v1/projects/testing/dashboards/table");
        QJsonObject theirs = PdTest::PersesServerProcess::call(url, "GET", {}, token).object();
        QJsonObject spec = theirs.value(u"spec").toObject();
        QJsonObject display = spec.value(u"display").toObject();
        display[u"name"] = QStringLiteral("table, theirs");
        spec[u"display"] = display;
        theirs[u"spec"] = spec;
        PdTest::PersesServerProcess::call(url, "PUT", QJsonDocument(theirs).toJson(), token);
        QVERIFY(PdTest::writeFile(file, replaced(updated, QStringLiteral("table, mine"),
                                                 QStringLiteral("table, mine again"))
                                            .toUtf8()));
        const auto second = PdTest::runCli(push, 120000, adminPassword);
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.out.startsWith(QStringLiteral("conflict Dashboard testing/table  (")),
                 qPrintable(second.out));
        QVERIFY(second.out.contains(QStringLiteral("the server's copy is at version %1, the file "
                                                   "was pulled at version %2")
                                        .arg(pulledVersion + 2)
                                        .arg(pulledVersion + 1)));
        QVERIFY(second.err.contains(QStringLiteral("nothing was sent")));
        const QJsonObject stored =
            PdTest::PersesServerProcess::call(url, "GET", {}, token).object();
        QCOMPARE(stored[u"spec"][u"display"][u"name"].toString(), QStringLiteral("table, theirs"));
    }

    void pushCreatesUnderTheServersName()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("new.yaml"));
        QVERIFY(PdTest::writeFile(file, "kind: Dashboard\nmetadata:\n  name: BrandNew\n"
                                        "  project: perses\nspec:\n  display:\n"
                                        "    name: Brand new\n  duration: 1h\n"
                                        "  panels: {}\n  layouts: []\n"));
        const QStringList push = QStringList{QStringLiteral("push")} + asAdmin(m_server.url());
        const auto dry = PdTest::runCli(push + QStringList{QStringLiteral("--dry-run"), file},
                                        120000, adminPassword);
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(dry.out.startsWith(QStringLiteral("create   Dashboard perses/BrandNew  (")));
        QVERIFY(dry.out.endsWith(
            QStringLiteral("dry run, nothing sent: 1 to create, 0 to update, 0 left unchanged\n")));
        const QByteArray token = m_server.login(QStringLiteral("admin"));
        int status = 0;
        const QString url =
            m_server.url() + QStringLiteral("/api/v1/projects/perses/dashboards/brandnew");
        PdTest::PersesServerProcess::call(url, "GET", {}, token, &status);
        QCOMPARE(status, 404);

        const auto real = PdTest::runCli(push + QStringList{file}, 120000, adminPassword);
        QCOMPARE(real.exitCode, 0);
        const QJsonObject stored =
            PdTest::PersesServerProcess::call(url, "GET", {}, token, &status).object();
        QCOMPARE(status, 200);
        QCOMPARE(stored[u"metadata"][u"name"].toString(), QStringLiteral("brandnew"));
        // Pushed again: the same content under the server's name is left alone.
        const auto again = PdTest::runCli(push + QStringList{file}, 120000, adminPassword);
        QVERIFY(again.out.startsWith(QStringLiteral("leave    Dashboard perses/BrandNew")));
    }

    void pushLintsFirstAndSendsNothingOnErrors()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("broken.yaml"));
        QVERIFY(PdTest::writeFile(file, "kind: Dashboard\nmetadata:\n  name: broken\n"
                                        "  project: perses\nspec:\n  duration: 1h\n"
                                        "  panels: {}\n  layouts:\n    - kind: Grid\n"
                                        "      spec:\n        items:\n          - x: 0\n"
                                        "            y: 0\n            width: 4\n"
                                        "            height: 4\n            content:\n"
                                        "              $ref: \"#/spec/panels/nope\"\n"));
        const auto run = PdTest::runCli(QStringList{QStringLiteral("push")} +
                                            asAdmin(m_server.url()) + QStringList{file},
                                        120000, adminPassword);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.startsWith(file + QStringLiteral(":17:")), qPrintable(run.out));
        QVERIFY(run.err.contains(QStringLiteral("the files have errors; nothing was sent")));
    }

    void lintAsksTheServerToo()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("ok.yaml"));
        QVERIFY(PdTest::writeFile(file, "kind: Dashboard\nmetadata:\n  name: ok\n"
                                        "  project: perses\nspec:\n  display:\n"
                                        "    name: OK\n  duration: 1h\n"
                                        "  panels: {}\n  layouts: []\n"));
        const auto clean = PdTest::runCli(
            {QStringLiteral("lint"), QStringLiteral("--server"), m_server.url(), file});
        QCOMPARE(clean.exitCode, 0);
        QCOMPARE(clean.out, QStringLiteral("0 errors, 0 warnings in 1 file (0 skipped)\n"));
        // The server's custom rule (no display name) is not one lint knows: its refusal is an
        // error at the resource's first line.
        const QString unnamed = dir.filePath(QStringLiteral("unnamed.yaml"));
        QVERIFY(PdTest::writeFile(unnamed, "kind: Dashboard\nmetadata:\n  name: unnamed\n"
                                           "  project: perses\nspec:\n  duration: 1h\n"
                                           "  panels: {}\n  layouts: []\n"));
        QCOMPARE(PdTest::runCli({QStringLiteral("lint"), unnamed}).exitCode, 0);
        const auto refused = PdTest::runCli(
            {QStringLiteral("lint"), QStringLiteral("--server"), m_server.url(), unnamed});
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.out,
                 unnamed + QStringLiteral(":1:1: error: the server refuses it: bad request: "
                                          "custom lint rule \"display-name\": the dashboard has "
                                          "no display name [server]\n1 error, 0 warnings in 1 "
                                          "file (0 skipped)\n"));
        const auto down = PdTest::runCli(
            {QStringLiteral("lint"), QStringLiteral("--server"),
             QStringLiteral("http://127.0.0.1:%1").arg(PdTest::freeLocalPort()), file});
        QCOMPARE(down.exitCode, 2);
        QVERIFY2(down.err.contains(QStringLiteral("connection refused")), qPrintable(down.err));
    }

    void credentialsAreNeverArguments()
    {
        const auto run = PdTest::runCli(
            {QStringLiteral("pull"), QStringLiteral("--server"), m_server.url(),
             QStringLiteral("--username"), QStringLiteral("admin"), QStringLiteral("--password"),
             QStringLiteral("x"), QStringLiteral("--out"), QStringLiteral("/tmp/x")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith(QStringLiteral(
            "perses-desktop pull: a password is never given on the command line: use "
            "--password-stdin\n")));
    }

    void failuresSayWhatHappened()
    {
        QTemporaryDir out;
        const QStringList pull =
            QStringList{QStringLiteral("pull"), QStringLiteral("--out"), out.path()};
        const auto wrong = PdTest::runCli(pull + asAdmin(m_server.url()), 120000, "nope\n");
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(wrong.err, QStringLiteral("perses-desktop pull: login as admin failed: HTTP 400 "
                                           "Bad Request: bad request: wrong login or password \n"));

        const auto anonymous =
            PdTest::runCli(pull + QStringList{QStringLiteral("--server"), m_server.url()});
        QCOMPARE(anonymous.exitCode, 1);
        QVERIFY2(anonymous.err.contains(QStringLiteral(
                     "not logged in: HTTP 401 Unauthorized: missing or malformed jwt")),
                 qPrintable(anonymous.err));

        const QString down = QStringLiteral("http://127.0.0.1:%1").arg(PdTest::freeLocalPort());
        const auto refused = PdTest::runCli(pull + asAdmin(down), 120000, adminPassword);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("connection refused")),
                 qPrintable(refused.err));

        // A reverse proxy in front of the server answers with its own HTML page.
        PdTest::PersesServerProcess::call(
            m_server.url() + QStringLiteral("/test/faults"), "POST",
            R"({"path":"/api/v1/projects","status":502,"html":true,"times":1})");
        const auto proxied = PdTest::runCli(pull + asAdmin(m_server.url()), 120000, adminPassword);
        QCOMPARE(proxied.exitCode, 1);
        QVERIFY2(proxied.err.contains(QStringLiteral("HTTP 502 Bad Gateway: 502 Bad Gateway")),
                 qPrintable(proxied.err));

        // A token from a file; a viewer may read but not write.
        const QString tokenFile = out.filePath(QStringLiteral("token"));
        QVERIFY(PdTest::writeFile(tokenFile, m_server.login(QStringLiteral("viewer")) + '\n'));
        const auto viewer =
            PdTest::runCli({QStringLiteral("pull"), QStringLiteral("--server"), m_server.url(),
                            QStringLiteral("--token-file"), tokenFile, QStringLiteral("--project"),
                            QStringLiteral("demo"), QStringLiteral("--out"), out.path()});
        QCOMPARE(viewer.exitCode, 0);
        const QString board = out.filePath(QStringLiteral("demo/dashboards/board.yaml"));
        QVERIFY(PdTest::writeFile(board,
                                  replaced(QString::fromUtf8(PdTest::readFile(board)),
                                           QStringLiteral("Board"), QStringLiteral("Board, edited"))
                                      .toUtf8()));
        const auto refusedWrite =
            PdTest::runCli({QStringLiteral("push"), QStringLiteral("--server"), m_server.url(),
                            QStringLiteral("--token-file"), tokenFile, board});
        QCOMPARE(refusedWrite.exitCode, 1);
        QVERIFY2(refusedWrite.err.contains(QStringLiteral(
                     "Dashboard demo/board: HTTP 403 Forbidden: forbidden access: missing "
                     "'update' permission in 'demo' project for 'Dashboard' kind")),
                 qPrintable(refusedWrite.err));
    }

    void queryGoesThroughTheServersProxy()
    {
        const auto run = PdTest::runCli(
            QStringList{QStringLiteral("query")} + asAdmin(m_server.url()) +
                QStringList{QStringLiteral("--project"), QStringLiteral("demo"),
                            QStringLiteral("--dashboard"), QStringLiteral("board"),
                            QStringLiteral("--format"), QStringLiteral("json"),
                            QStringLiteral("--to"), QString::number(m_prometheus.endSeconds())},
            120000, adminPassword);
        QCOMPARE(run.exitCode, 1); // the locked panel fails
        const QJsonArray panels = run.json.value(u"panels").toArray();
        QCOMPARE(panels.size(), 2);
        QJsonObject temperature;
        QJsonObject locked;
        for (const QJsonValue &panel : panels) {
            const QJsonObject query = panel[u"queries"].toArray().at(0).toObject();
            (panel[u"id"].toString() == u"temperature" ? temperature : locked) = query;
        }
        QCOMPARE(temperature.value(u"error"), QJsonValue(QJsonValue::Null));
        QCOMPARE(temperature.value(u"series").toArray().size(), 2);
        QCOMPARE(temperature.value(u"datasource").toString(), QStringLiteral("prom"));
        // The proxy's allow-list refuses the project datasource's query_range: said on the panel.
        QCOMPARE(locked.value(u"error").toString(),
                 QStringLiteral("HTTP 403 Forbidden: forbidden access: you are not allowed to use "
                                "this endpoint \"/api/v1/query_range\" with the HTTP method POST"));
    }

    void renderGoesThroughTheServersProxy()
    {
        QTemporaryDir dir;
        const QString image = dir.filePath(QStringLiteral("board.png"));
        const auto run =
            PdTest::runCli(QStringList{QStringLiteral("render")} + asAdmin(m_server.url()) +
                               QStringList{QStringLiteral("--project"), QStringLiteral("demo"),
                                           QStringLiteral("--dashboard"), QStringLiteral("board"),
                                           QStringLiteral("--panel"), QStringLiteral("temperature"),
                                           QStringLiteral("--out"), image},
                           120000, adminPassword);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(image + QStringLiteral(": ")));
        QVERIFY(QFileInfo(image).size() > 1000);
    }

private:
    PrometheusTestServer m_prometheus;
    QTemporaryDir m_resources;
    PdTest::PersesServerProcess m_server;
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
