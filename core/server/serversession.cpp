// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "serversession.h"

#include "credentialstore.h"
#include "devicelogin.h"
#include "persesapi.h"

#include <QJsonArray>

namespace Pd {

ServerSession::ServerSession(ServerConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_api(std::make_unique<PersesApi>(m_connection.url))
{
    m_api->setTls(m_connection.caFile, m_connection.insecure);
    connect(m_api.get(), &PersesApi::tokensChanged, this, [this] {
        if (!m_api->tokens().isEmpty())
            CredentialStore::instance().store(m_connection, m_api->tokens());
    });
    connect(m_api.get(), &PersesApi::sessionExpired, this,
            [this](const QString &reason) { setState(State::NeedsLogin, reason); });
}

ServerSession::~ServerSession() = default;

void ServerSession::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    emit stateChanged();
}

void ServerSession::start()
{
    setState(State::Connecting);
    ApiReply *reply = m_api->get(QStringLiteral("/api/config"));
    connect(reply, &ApiReply::finished, this, [this, reply] { configRead(reply); });
}

void ServerSession::configRead(ApiReply *reply)
{
    reply->deleteLater();
    if (!reply->ok())
        return setState(State::Failed, reply->error());
    const QJsonObject security = reply->json().object().value(u"security").toObject();
    m_authEnabled = security.value(u"enable_auth").toBool();
    m_readonly = security.value(u"readonly").toBool();
    const QJsonObject providers =
        security.value(u"authentication").toObject().value(u"providers").toObject();
    m_native = providers.value(u"enable_native").toBool(true);
    m_providers.clear();
    for (const QString &kind : {QStringLiteral("oidc"), QStringLiteral("oauth")}) {
        for (const QJsonValue &provider : providers.value(kind).toArray())
            m_providers.append(
                {kind, provider[u"slug_id"].toString(), provider[u"name"].toString()});
    }
    if (!m_authEnabled || m_connection.authentication == ServerConnection::Authentication::None)
        return authenticated();
    CredentialStore::instance().read(m_connection, [this](const AuthTokens &tokens) {
        if (tokens.refreshToken.isEmpty()) {
            if (!tokens.isEmpty()) {
                m_api->setTokens(tokens);
                return authenticated();
            }
            return setState(State::NeedsLogin);
        }
        m_api->setTokens(tokens);
        ApiReply *refresh = m_api->refresh();
        if (!refresh)
            return authenticated(); // a refresh already under way renews the same session
        connect(refresh, &ApiReply::finished, this, [this, refresh] {
            refresh->deleteLater();
            if (refresh->ok())
                authenticated();
            else
                setState(State::NeedsLogin, refresh->error());
        });
    });
}

void ServerSession::login(const QString &user, const QString &password)
{
    setState(State::Connecting);
    ApiReply *reply = m_api->login(user, password);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->ok())
            authenticated();
        else
            setState(State::NeedsLogin, reply->error());
    });
}

DeviceLogin *ServerSession::loginWithDevice(const Provider &provider)
{
    auto *login = new DeviceLogin(m_api.get(), provider.kind, provider.slug, this);
    connect(login, &DeviceLogin::succeeded, this, &ServerSession::authenticated);
    login->start();
    return login;
}

void ServerSession::useToken(const QByteArray &token)
{
    m_api->setTokens(AuthTokens::fromAccessToken(token));
    authenticated();
}

void ServerSession::logout()
{
    CredentialStore::instance().forget(m_connection);
    m_api->setTokens({});
    m_permissions = {};
    setState(State::NeedsLogin);
}

void ServerSession::authenticated()
{
    if (!m_authEnabled)
        return setState(State::Ready);
    ApiReply *whoami = m_api->get(QStringLiteral("/api/v1/user/whoami"));
    connect(whoami, &ApiReply::finished, this, [this, whoami] {
        whoami->deleteLater();
        if (!whoami->ok())
            return setState(whoami->status() == 401 ? State::NeedsLogin : State::Failed,
                            whoami->error());
        m_user = whoami->json()[u"metadata"][u"name"].toString();
        ApiReply *permissions = m_api->get(
            PersesApi::path({QStringLiteral("api"), QStringLiteral("v1"), QStringLiteral("users"),
                             m_user, QStringLiteral("permissions")}));
        connect(permissions, &ApiReply::finished, this, [this, permissions] {
            permissions->deleteLater();
            m_permissions = permissions->json().object();
            setState(State::Ready);
        });
    });
}

bool ServerSession::may(const QString &action, const QString &project, const QString &kind,
                        QString *reason) const
{
    if (m_readonly) {
        if (reason)
            *reason = tr("the server is read-only");
        return false;
    }
    if (!m_authEnabled)
        return true;
    for (const QString &scope : {QStringLiteral("*"), project}) {
        for (const QJsonValue &rule : m_permissions.value(scope).toArray()) {
            const QJsonArray actions = rule[u"actions"].toArray();
            const QJsonArray scopes = rule[u"scopes"].toArray();
            if ((actions.contains(action) || actions.contains(QStringLiteral("*"))) &&
                (scopes.contains(kind) || scopes.contains(QStringLiteral("*"))))
                return true;
        }
    }
    if (reason)
        *reason = tr("%1 has no '%2' permission on %3 resources in project '%4'")
                      .arg(m_user, action, kind, project);
    return false;
}

} // namespace Pd
