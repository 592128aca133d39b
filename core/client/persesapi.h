// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "apireply.h"
#include "authtokens.h"
#include "tlssettings.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QStringList>
#include <QTimer>
#include <QUrlQuery>

#include <chrono>
#include <functional>

class QNetworkReply;

namespace Pd {

// The one HTTP transport to a Perses server (perses-api.md §1–§3): JSON in and out, the access
// token in the Authorization header and nowhere else (no cookie jar: the server lets cookies
// override the header, §3.3), the token refreshed at 80 % of its life and once more on a 401
// before the request is replayed, TLS verified unless the connection is marked insecure.
// Datasource queries through the server's proxy use network() and authorization(), so they
// travel the same way.
class PersesApi : public QObject
{
    Q_OBJECT

public:
    // `baseUrl` with any api_prefix, e.g. https://host/perses (§1: the prefix cannot be found).
    explicit PersesApi(QString baseUrl, QObject *parent = nullptr);
    ~PersesApi() override;

    const QString &baseUrl() const { return m_baseUrl; }
    // A CA file to trust besides the system's; `insecure` skips verification (the caller warns).
    QString setTls(const QString &caFile, bool insecure);
    bool isInsecure() const { return m_tls.isInsecure(); }
    const QString &caFile() const { return m_tls.caFile(); }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    void setTokens(AuthTokens tokens);
    const AuthTokens &tokens() const { return m_tokens; }
    // "Bearer <token>", or empty without a session.
    QByteArray authorization() const;
    QNetworkAccessManager *network() { return &m_network; }

    ApiReply *get(const QString &path, const QUrlQuery &query = {});
    ApiReply *post(const QString &path, const QByteArray &json);
    ApiReply *put(const QString &path, const QByteArray &json);
    ApiReply *remove(const QString &path);

    // POST /api/auth/providers/native/login; on success the tokens are taken.
    ApiReply *login(const QString &user, const QString &password);
    // POST /api/auth/refresh with the refresh token; on success the new access token is taken.
    ApiReply *refresh();
    // The device flow of an OIDC or OAuth provider of the server (§3.6, RFC 8628): the codes
    // to show, then one poll of the token endpoint; a poll that succeeds takes the tokens.
    ApiReply *deviceCode(const QString &kind, const QString &slug);
    ApiReply *deviceToken(const QString &kind, const QString &slug, const QString &deviceCode);

    // A path from segments, each percent-encoded: path({"api","v1","projects",p}).
    static QString path(const QStringList &segments);

signals:
    void tokensChanged();
    // Refresh refused (the refresh token expired or is invalid): log in again.
    void sessionExpired(const QString &reason);
    // Each request as it leaves (bench_server replays them as its network floor).
    void requestSent(const QByteArray &method, const QUrl &url, const QByteArray &body);

private:
    struct Call
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QPointer<ApiReply> reply;
        bool replayed = false; // after a refresh on 401
        bool authenticated = true;
        QByteArray contentType = "application/json";
    };

    ApiReply *start(Call call);
    void send(Call call);
    void finished(QNetworkReply *network, Call call);
    void takeTokenAnswer(ApiReply *reply);
    void scheduleRefresh();

    QString m_baseUrl;
    QNetworkAccessManager m_network;
    TlsSettings m_tls;
    std::chrono::milliseconds m_timeout{30000};
    AuthTokens m_tokens;
    QTimer m_refreshTimer;
    QPointer<ApiReply> m_refreshing;
    QList<Call> m_waitingForRefresh;
};

} // namespace Pd
