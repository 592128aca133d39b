// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "serverconnection.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

namespace Pd {

class PersesApi;

// One server the window talks to: its configuration (GET /api/config: auth on or off,
// read-only, the native login), the session (a stored one renewed at start, or a login), who
// the user is and what they may do (whoami and the permissions map, §4). Tokens go to the
// keyring as they change. Asynchronous; state() and message() say where it stands.
class ServerSession : public QObject
{
    Q_OBJECT

public:
    enum class State { Connecting, NeedsLogin, Ready, Failed };
    // An OIDC or OAuth provider the server offers (security.authentication.providers).
    struct Provider
    {
        QString kind; // "oidc" or "oauth"
        QString slug;
        QString name; // the label for its button
    };

    explicit ServerSession(ServerConnection connection, QObject *parent = nullptr);
    ~ServerSession() override;

    const ServerConnection &connection() const { return m_connection; }
    PersesApi &api() { return *m_api; }
    State state() const { return m_state; }
    const QString &message() const { return m_message; }
    const QString &user() const { return m_user; }
    bool isReadOnlyServer() const { return m_readonly; }

    // Reads /api/config and, when auth is on, renews the stored session or asks for a login.
    void start();
    void login(const QString &user, const QString &password);
    void useToken(const QByteArray &token);
    // The providers of /api/config, and the device flow through one of them; the session
    // is ready once the returned login succeeds.
    const QList<Provider> &providers() const { return m_providers; }
    bool offersNativeLogin() const { return m_native; }
    class DeviceLogin *loginWithDevice(const Provider &provider);
    void logout();

    // Whether the user may `action` ("update", "create", "delete") resources of `kind` in
    // `project` ("*" for global ones), from the permissions map; the server stays the
    // authority. `reason` says why not, for the window to show.
    bool may(const QString &action, const QString &project, const QString &kind,
             QString *reason = nullptr) const;

signals:
    void stateChanged();

private:
    void configRead(class ApiReply *reply);
    void authenticated();
    void setState(State state, const QString &message = {});

    ServerConnection m_connection;
    std::unique_ptr<PersesApi> m_api;
    State m_state = State::Connecting;
    QString m_message;
    QString m_user;
    bool m_authEnabled = true;
    bool m_readonly = false;
    bool m_native = true;
    QList<Provider> m_providers;
    QJsonObject m_permissions;
};

} // namespace Pd
