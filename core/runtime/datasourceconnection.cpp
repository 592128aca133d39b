// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourceconnection.h"

#include "httpproxy.h"
#include "jsonwriter.h"
#include "textpatterns.h"
#include "variableinterpolator.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace Pd {

namespace {

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::vector<std::pair<std::string, std::string>> stringMap(const Node *node)
{
    std::vector<std::pair<std::string, std::string>> out;
    if (!node)
        return out;
    for (const NodeMember &member : node->members()) {
        if (member.value.isString())
            out.emplace_back(member.key, member.value.text());
    }
    return out;
}

} // namespace

bool DatasourceOverrides::Override::isSecret(std::string_view header) const
{
    return std::ranges::find(secretHeaders, header) != secretHeaders.end();
}

void DatasourceOverrides::set(const std::string &name, Override value)
{
    m_overrides[lowered(name)] = std::move(value);
}

void DatasourceOverrides::remove(const std::string &name)
{
    m_overrides.erase(lowered(name));
}

std::optional<std::string> DatasourceOverrides::saveFile(const std::string &path) const
{
    Node datasources = Node::object();
    for (const auto &[name, value] : m_overrides) {
        Node entry = Node::object();
        if (!value.kind.empty())
            entry.set("kind", Node::string(value.kind));
        entry.set("url", Node::string(value.url));
        Node headers = Node::object();
        for (const auto &[header, text] : value.headers) {
            if (!value.isSecret(header))
                headers.set(header, Node::string(text));
        }
        if (headers.size() > 0)
            entry.set("headers", std::move(headers));
        if (!value.secretHeaders.empty()) {
            Node secret = Node::array();
            for (const std::string &header : value.secretHeaders)
                secret.append(Node::string(header));
            entry.set("secretHeaders", std::move(secret));
        }
        if (!value.caFile.empty() || value.insecureSkipVerify) {
            Node tls = Node::object();
            if (!value.caFile.empty())
                tls.set("caFile", Node::string(value.caFile));
            if (value.insecureSkipVerify)
                tls.set("insecureSkipVerify", Node::boolean(true));
            entry.set("tls", std::move(tls));
        }
        datasources.set(name, std::move(entry));
    }
    Node root = Node::object();
    root.set("datasources", std::move(datasources));
    std::string text = YamlWriter::write(root);
    if (text.starts_with("---\n"))
        text.erase(0, 4);
    std::error_code error;
    const std::filesystem::path target(path);
    std::filesystem::create_directories(target.parent_path(), error);
    // Written beside it, then renamed over it: a crash never leaves half a file.
    const std::filesystem::path temporary = target.string() + ".new";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush())
            return "cannot write " + temporary.string();
    }
    std::filesystem::rename(temporary, target, error);
    if (error)
        return "cannot replace " + path + ": " + error.message();
    return std::nullopt;
}

const DatasourceOverrides::Override *DatasourceOverrides::find(std::string_view name) const
{
    const auto it = m_overrides.find(lowered(name));
    return it == m_overrides.end() ? nullptr : &it->second;
}

std::optional<std::string> DatasourceOverrides::addFromArgument(std::string_view argument)
{
    const std::size_t equals = argument.find('=');
    if (equals == std::string_view::npos || equals == 0)
        return "expected NAME=URL, got \"" + std::string(argument) + "\"";
    const std::string_view url = argument.substr(equals + 1);
    if (!TextPatterns::isHttpUrl(url))
        return "the URL of datasource \"" + std::string(argument.substr(0, equals)) +
               "\" must start with http:// or https://";
    set(std::string(argument.substr(0, equals)), Override{std::string(url), {}, {}, false, {}});
    return std::nullopt;
}

std::optional<std::string> DatasourceOverrides::loadFile(const std::string &path)
{
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        return std::nullopt;
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    const ParseResult parsed = YamlReader::parse(text.str());
    if (parsed.hasErrors()) {
        const Diagnostic &d = parsed.diagnostics.front();
        return path + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " +
               d.message;
    }
    const Node *root = parsed.documents.empty() ? nullptr : &parsed.documents.front();
    const Node *datasources = root ? root->find("datasources") : nullptr;
    if (!datasources || !datasources->isObject())
        return path + ": expected a 'datasources' map of name to URL";
    for (const NodeMember &member : datasources->members()) {
        Override value;
        if (member.value.isString()) {
            value.url = member.value.text();
        } else if (const Node *url = member.value.find("url"); url && url->isString()) {
            value.url = url->text();
            value.kind = member.value.stringAt("kind");
            value.headers = stringMap(member.value.find("headers"));
            if (const Node *secret = member.value.find("secretHeaders"); secret) {
                for (const Node &header : secret->items()) {
                    if (header.isString() && !header.text().empty())
                        value.secretHeaders.push_back(header.text());
                }
            }
            if (const Node *tls = member.value.find("tls"); tls && tls->isObject()) {
                value.caFile = tls->stringAt("caFile");
                const Node *skip = tls->find("insecureSkipVerify");
                value.insecureSkipVerify = skip && skip->toBool();
            }
        }
        if (!TextPatterns::isHttpUrl(value.url))
            return path + ":" + std::to_string(member.keyPos.line) + ":" +
                   std::to_string(member.keyPos.column) + ": datasource \"" + member.key +
                   "\" needs an http:// or https:// url";
        set(member.key, std::move(value));
    }
    return std::nullopt;
}

std::string DatasourceOverrides::userFilePath()
{
    const char *config = std::getenv("XDG_CONFIG_HOME");
    std::filesystem::path base;
    if (config && *config)
        base = config;
    else if (const char *home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".config";
    else
        return {};
    return (base / "perses-desktop" / "datasources.yaml").string();
}

std::variant<DatasourceConnection, std::string>
DatasourceOverrides::connect(const DatasourceEntry &entry) const
{
    DatasourceConnection connection;
    connection.name = entry.name;
    const Node &spec = entry.spec.plugin.spec;
    connection.queryParams = stringMap(spec.find("queryParams"));
    const Node *proxy = firstHttpProxy(spec);
    if (proxy)
        connection.headers = stringMap(proxy->find("headers"));
    if (const Override *override = find(entry.name)) {
        connection.url = override->url;
        for (const auto &header : override->headers)
            connection.headers.push_back(header);
        connection.caFile = override->caFile;
        connection.insecureSkipVerify = override->insecureSkipVerify;
        return connection;
    }
    if (const Node *direct = spec.find("directUrl"); direct && direct->isString()) {
        connection.url = direct->text();
        return connection;
    }
    if (proxy && m_server) {
        connection.url = m_server->urlFor(entry);
        connection.authorization = m_server->authorization;
        connection.caFile = m_server->caFile;
        connection.insecureSkipVerify = m_server->insecureSkipVerify;
        connection.unsavedSpec = m_server->unsavedSpecFor(entry);
        return connection;
    }
    if (proxy)
        return "datasource \"" + entry.name +
               "\" is reached through the Perses server's proxy; give its URL with "
               "--datasource " +
               entry.name + "=URL or in " + userFilePath();
    return "datasource \"" + entry.name + "\" has neither directUrl nor proxy";
}

std::string ServerProxyRoute::urlFor(const DatasourceEntry &entry) const
{
    const auto encode = VariableInterpolator::percentEncode;
    switch (entry.scope) {
    case DatasourceEntry::Scope::Global:
        return baseUrl + "/proxy/globaldatasources/" + encode(entry.name);
    case DatasourceEntry::Scope::Project:
        return baseUrl + "/proxy/projects/" + encode(project) + "/datasources/" +
               encode(entry.name);
    case DatasourceEntry::Scope::Dashboard:
        break;
    }
    if (!unsavedSpecFor(entry).empty())
        return baseUrl + "/proxy/unsaved/projects/" + encode(project) + "/dashboards/" +
               encode(dashboard) + "/datasources";
    return baseUrl + "/proxy/projects/" + encode(project) + "/dashboards/" + encode(dashboard) +
           "/datasources/" + encode(entry.name);
}

std::string ServerProxyRoute::unsavedSpecFor(const DatasourceEntry &entry) const
{
    if (entry.scope != DatasourceEntry::Scope::Dashboard)
        return {};
    Node plugin = pluginNode(entry.spec.plugin);
    const auto saved = savedDashboardPlugins.find(entry.name);
    if (saved != savedDashboardPlugins.end() && saved->second.equals(plugin))
        return {};
    Node spec = Node::object();
    spec.set("default", Node::boolean(entry.spec.isDefault));
    spec.set("plugin", std::move(plugin));
    return JsonWriter::write(spec);
}

Node ServerProxyRoute::pluginNode(const Model::Plugin &plugin)
{
    Node node = Node::object();
    node.set("kind", Node::string(plugin.kind));
    node.set("spec", plugin.spec);
    return node;
}

void ServerProxyRoute::rememberSaved(
    const std::vector<std::pair<std::string, Model::DatasourceSpec>> &saved)
{
    for (const auto &[name, spec] : saved)
        savedDashboardPlugins[name] = pluginNode(spec.plugin);
}

} // namespace Pd
