// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourcecatalog.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace Pd {

// How to reach a datasource: its base URL and what every request carries.
struct DatasourceConnection
{
    std::string name;
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::vector<std::pair<std::string, std::string>> queryParams; // appended to every request
    // The Authorization header value, asked for as each request leaves (a Perses session's
    // token changes when it is refreshed); none when empty.
    std::function<std::string()> authorization;
    // Through the server's `unsaved` proxy route: each request goes as a POST of
    // {"method", "body": base64, "spec": this datasource spec} (perses-api.md §7.1).
    std::string unsavedSpec;
    // TLS beyond the system's trust (the user's override): a PEM CA bundle trusted as well,
    // or no verification at all.
    std::string caFile;
    bool insecureSkipVerify = false;
};

// A dashboard opened from a Perses server: its datasources are reached through the server's
// proxy, at the route of the scope that defined them (perses-api.md §7.1), with the session's
// token.
struct ServerProxyRoute
{
    std::string baseUrl; // with any api_prefix
    std::string project;
    std::string dashboard;
    std::function<std::string()> authorization;
    // The dashboard's own datasources as saved on the server (name → plugin): one the unsaved
    // edit adds or changes is reached through the `unsaved` route, since the dashboard route
    // reads the saved dashboard.
    std::map<std::string, Node> savedDashboardPlugins;
    // The server connection's TLS settings: its proxy is reached as the server is.
    std::string caFile;
    bool insecureSkipVerify = false;

    std::string urlFor(const struct DatasourceEntry &entry) const;
    // The unsaved route's spec for a dashboard datasource the saved dashboard does not have
    // as it is now; empty when the saved one serves.
    std::string unsavedSpecFor(const struct DatasourceEntry &entry) const;
    // The datasources of a dashboard as the server has it saved.
    void rememberSaved(const std::vector<std::pair<std::string, Model::DatasourceSpec>> &saved);
    static Node pluginNode(const Model::Plugin &plugin);
};

// Where the user points datasources when viewing dashboards outside a Perses server: the
// file $XDG_CONFIG_HOME/perses-desktop/datasources.yaml and `--datasource NAME=URL`.
//
//   datasources:
//     prometheus-demo:
//       url: http://localhost:9090
//       headers: {X-Scope-OrgID: team-a}
//       tls: {caFile: /etc/ssl/company-ca.pem, insecureSkipVerify: false}
//       secretHeaders: [Authorization]       # values in the keyring
//     thanos: http://thanos:10902          # the short form
class DatasourceOverrides
{
public:
    struct Override
    {
        std::string url;
        std::vector<std::pair<std::string, std::string>> headers;
        std::string caFile; // a PEM bundle trusted beside the system's CAs
        bool insecureSkipVerify = false;
        // Headers whose values live in the system keyring, not in the file: the file names
        // them, and the keyring fills their values in `headers` when the file is read.
        std::vector<std::string> secretHeaders;
        // The plugin kind of a datasource the override defines (a name no dashboard knows);
        // empty: PrometheusDatasource.
        std::string kind = {};

        bool isSecret(std::string_view header) const;
    };

    void set(const std::string &name, Override value);
    void remove(const std::string &name);
    const Override *find(std::string_view name) const; // case-insensitive, as names are stored
    bool empty() const { return m_overrides.empty(); }
    // By lower-cased name, in name order.
    const std::map<std::string, Override> &all() const { return m_overrides; }

    // "NAME=URL"; an error message when it is not of that form.
    std::optional<std::string> addFromArgument(std::string_view argument);
    // Reads the user file; a missing file is no error.
    std::optional<std::string> loadFile(const std::string &path);
    // Writes every override to `path` in the user file's form (the folder made, the file
    // replaced atomically); an error message when it cannot be written.
    std::optional<std::string> saveFile(const std::string &path) const;
    static std::string userFilePath();

    // The connection for a resolved datasource: an override by name first, then its
    // directUrl. A datasource reached only through the Perses proxy needs an override here,
    // Then, for a dashboard from a Perses server, its proxy.
    std::variant<DatasourceConnection, std::string> connect(const DatasourceEntry &entry) const;
    void setServerProxy(ServerProxyRoute route) { m_server = std::move(route); }
    const std::optional<ServerProxyRoute> &serverProxy() const { return m_server; }

private:
    std::map<std::string, Override> m_overrides;
    std::optional<ServerProxyRoute> m_server;
};

} // namespace Pd
