// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "authtokens.h"
#include "serverconnection.h"

#include <QHash>
#include <QObject>

#include <chrono>
#include <functional>

namespace Pd {

// Secrets in the system keyring (QtKeychain: Secret Service, KWallet, macOS Keychain, Windows
// Credential Manager), never in a plain file: a server connection's tokens, a user
// datasource's secret headers. Without a keyring they are kept in memory only, for this
// process, and isPersistent() says so for the window to show.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    using ReadHandler = std::function<void(const AuthTokens &tokens)>;

    static CredentialStore &instance();

    void store(const ServerConnection &connection, const AuthTokens &tokens);
    // Calls `handler` with the stored tokens (empty when there are none).
    void read(const ServerConnection &connection, const ReadHandler &handler);
    void forget(const ServerConnection &connection);

    // Any secret by key. `handler` gets the value, empty when there is none.
    using SecretHandler = std::function<void(const QByteArray &value)>;
    void storeSecret(const QString &key, const QByteArray &value);
    void readSecret(const QString &key, const SecretHandler &handler);
    void forgetSecret(const QString &key);
    bool isPersistent() const { return m_persistent; }
    // Runs the event loop until every keyring write has finished, or `timeout` has passed
    // (at quit: a value saved a moment before must not be lost).
    void waitForWrites(std::chrono::milliseconds timeout);
    const QString &keyringProblem() const { return m_problem; }

signals:
    void persistenceChanged();
    void writesFinished(); // a keyring write finished, well or not

private:
    static QString key(const ServerConnection &connection);
    void keyringFailed(const QString &problem);

    bool m_persistent = true;
    QString m_problem;
    QHash<QString, QByteArray> m_memory; // used once the keyring has failed
    int m_pendingWrites = 0;
};

} // namespace Pd
