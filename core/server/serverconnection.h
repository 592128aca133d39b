// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace Pd {

// A Perses server the user added: where it is and how to log in. Tokens are never kept here:
// they go to the system keyring (CredentialStore).
struct ServerConnection
{
    enum class Authentication { None, Native, Token };

    QString name; // what the user calls it; unique
    QString url;  // with any api_prefix
    Authentication authentication = Authentication::Native;
    QString username;
    QString caFile;        // trusted besides the system's CAs
    bool insecure = false; // TLS not verified; warned about every time
};

// The user's servers, in $XDG_CONFIG_HOME/perses-desktop/servers.json (or the platform's
// configuration folder): names, URLs, how to log in. Read by the window and by the CLI's
// --connection NAME.
class ServerConnections
{
public:
    static QString filePath();
    // An empty list when there is no file; the problem when it does not read.
    static std::vector<ServerConnection> load(QString *error = nullptr);
    static QString save(const std::vector<ServerConnection> &connections);
    static std::optional<ServerConnection> find(const QString &name, QString *error = nullptr);
};

} // namespace Pd
