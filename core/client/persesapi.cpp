// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "persesapi.h"

#include "httpfailure.h"

#include <QJsonObject>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrl>

namespace Pd {

namespace {

// Keeps no cookie and sends none: the Perses server would let its jwt cookies override the
// Authorization header, including stale ones after a refresh or for another user (§3.3).
class NoCookieJar : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    QList<QNetworkCookie> cookiesForUrl(const QUrl &) const override { return {}; }
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
};

bool isTokenRoute(const QString &path)
{
    return path.startsWith(u"/api/auth/");
}

} // namespace

PersesApi::PersesApi(QString baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
{
    while (m_baseUrl.endsWith(u'/'))
        m_baseUrl.chop(1);
    m_network.setCookieJar(new NoCookieJar(&m_network));
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (ApiReply *reply = refresh())
            connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    });
}

PersesApi::~PersesApi() = default;

QString PersesApi::setTls(const QString &caFile, bool insecure)
{
    return m_tls.load(caFile, insecure);
}

void PersesApi::setTokens(AuthTokens tokens)
{
    m_tokens = std::move(tokens);
    scheduleRefresh();
    emit tokensChanged();
}

QByteArray PersesApi::authorization() const
{
    return m_tokens.isEmpty() ? QByteArray() : "Bearer " + m_tokens.accessToken;
}

QString PersesApi::path(const QStringList &segments)
{
    QString out;
    for (const QString &segment : segments)
        out += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(segment));
    return out;
}

ApiReply *PersesApi::get(const QString &path, const QUrlQuery &query)
{
    return start({"GET", path, query, {}, {}});
}

ApiReply *PersesApi::post(const QString &path, const QByteArray &json)
{
    return start({"POST", path, {}, json, {}});
}

ApiReply *PersesApi::put(const QString &path, const QByteArray &json)
{
    return start({"PUT", path, {}, json, {}});
}

ApiReply *PersesApi::remove(const QString &path)
{
    return start({"DELETE", path, {}, {}, {}});
}

ApiReply *PersesApi::login(const QString &user, const QString &password)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("login"), user},
                                                      {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    Call call{"POST", QStringLiteral("/api/auth/providers/native/login"), {}, body, {}};
    call.authenticated = false;
    ApiReply *reply = start(std::move(call));
    connect(reply, &ApiReply::finished, this, [this, reply] { takeTokenAnswer(reply); });
    return reply;
}

ApiReply *PersesApi::refresh()
{
    if (m_refreshing)
        return nullptr;
    if (m_tokens.refreshToken.isEmpty())
        return nullptr;
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"),
                                                       QString::fromUtf8(m_tokens.refreshToken)}})
                                .toJson(QJsonDocument::Compact);
    Call call{"POST", QStringLiteral("/api/auth/refresh"), {}, body, {}};
    call.authenticated = false;
    ApiReply *reply = start(std::move(call));
    m_refreshing = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_refreshing = nullptr;
        const QByteArray refreshToken = m_tokens.refreshToken;
        if (reply->ok()) {
            takeTokenAnswer(reply);
            if (m_tokens.refreshToken.isEmpty())
                m_tokens.refreshToken = refreshToken; // no rotation (§3.5)
        } else if (reply->status() == 400 || reply->status() == 401) {
            m_tokens = {};
            m_refreshTimer.stop();
            emit tokensChanged();
            emit sessionExpired(tr("the session expired (%1); log in again").arg(reply->error()));
        }
        // Calls that met a 401 go again with the new token, or fail with the reason.
        const QList<Call> waiting = std::exchange(m_waitingForRefresh, {});
        for (const Call &waitingCall : waiting) {
            if (!waitingCall.reply)
                continue;
            if (reply->ok())
                send(waitingCall);
            else
                waitingCall.reply->finish(401, {}, tr("not logged in: %1").arg(reply->error()));
        }
    });
    return reply;
}

ApiReply *PersesApi::deviceCode(const QString &kind, const QString &slug)
{
    Call call{"POST",
              path({QStringLiteral("api"), QStringLiteral("auth"), QStringLiteral("providers"),
                    kind, slug, QStringLiteral("device"), QStringLiteral("code")}),
              {},
              "{}",
              {}};
    call.authenticated = false;
    return start(std::move(call));
}

ApiReply *PersesApi::deviceToken(const QString &kind, const QString &slug,
                                 const QString &deviceCode)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"),
                      QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
    form.addQueryItem(QStringLiteral("device_code"),
                      QString::fromLatin1(QUrl::toPercentEncoding(deviceCode)));
    Call call{"POST",
              path({QStringLiteral("api"), QStringLiteral("auth"), QStringLiteral("providers"),
                    kind, slug, QStringLiteral("token")}),
              {},
              form.query(QUrl::FullyEncoded).toUtf8(),
              {}};
    call.authenticated = false;
    call.contentType = "application/x-www-form-urlencoded";
    ApiReply *reply = start(std::move(call));
    connect(reply, &ApiReply::finished, this, [this, reply] { takeTokenAnswer(reply); });
    return reply;
}

void PersesApi::takeTokenAnswer(ApiReply *reply)
{
    if (!reply->ok())
        return;
    AuthTokens tokens =
        AuthTokens::fromAnswer(reply->json().object(), QDateTime::currentDateTimeUtc());
    if (tokens.refreshToken.isEmpty())
        tokens.refreshToken = m_tokens.refreshToken;
    setTokens(std::move(tokens));
}

void PersesApi::scheduleRefresh()
{
    m_refreshTimer.stop();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime due = m_tokens.refreshDue(now);
    if (due.isValid())
        m_refreshTimer.start(std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(due))));
}

ApiReply *PersesApi::start(Call call)
{
    auto *reply = new ApiReply(this);
    call.reply = reply;
    send(std::move(call));
    return reply;
}

void PersesApi::send(Call call)
{
    QUrl url(m_baseUrl + call.path);
    if (!call.query.isEmpty())
        url.setQuery(call.query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!call.body.isEmpty() || call.method == "POST" || call.method == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader, call.contentType);
    if (call.authenticated && !m_tokens.isEmpty())
        request.setRawHeader("Authorization", authorization());
    request.setTransferTimeout(int(m_timeout.count()));
    m_tls.apply(request);
    emit requestSent(call.method, url, call.body);
    QNetworkReply *network = m_network.sendCustomRequest(request, call.method, call.body);
    connect(network, &QNetworkReply::finished, this,
            [this, network, call] { finished(network, call); });
}

void PersesApi::finished(QNetworkReply *network, Call call)
{
    network->deleteLater();
    if (!call.reply)
        return;
    const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray body = network->readAll();
    const std::string url = QString(m_baseUrl + call.path).toStdString();
    if (status == 0) {
        const std::string detail = network->errorString().toStdString();
        call.reply->finish(
            0, {},
            QString::fromStdString(
                HttpFailure::network(network->error(), detail, url, m_timeout, false).error));
        return;
    }
    // An expired access token: refresh once, then send the call again (the UI's strategy, §3.5).
    if (status == 401 && call.authenticated && !call.replayed && !isTokenRoute(call.path) &&
        !m_tokens.refreshToken.isEmpty()) {
        call.replayed = true;
        m_waitingForRefresh.append(call);
        if (ApiReply *refreshing = refresh())
            connect(refreshing, &ApiReply::finished, refreshing, &QObject::deleteLater);
        return;
    }
    if (status >= 200 && status < 300) {
        call.reply->finish(status, std::move(body), {});
        return;
    }
    const std::string contentType =
        network->header(QNetworkRequest::ContentTypeHeader).toString().toStdString();
    QString error =
        QString::fromStdString(HttpFailure::describe(status, body.toStdString(), contentType));
    if (status == 401)
        error = tr("not logged in: %1").arg(error);
    call.reply->finish(status, body, error);
}

} // namespace Pd
