// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "serversource.h"

#include "jsonreader.h"
#include "jsonwriter.h"
#include "persesapi.h"
#include "serverpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Pd {

namespace {

constexpr ResourceKind projectKinds[] = {ResourceKind::Dashboard, ResourceKind::Datasource,
                                         ResourceKind::Variable};
constexpr ResourceKind globalKinds[] = {ResourceKind::GlobalDatasource,
                                        ResourceKind::GlobalVariable};

std::optional<ResourceKind> kindOfCollection(const QString &plural)
{
    for (ResourceKind kind :
         {ResourceKind::Project, ResourceKind::Dashboard, ResourceKind::Datasource,
          ResourceKind::Variable, ResourceKind::GlobalDatasource, ResourceKind::GlobalVariable}) {
        if (ServerPaths::collection(kind) == plural)
            return kind;
    }
    return std::nullopt;
}

// The server's compact JSON, indented, so that a diagnostic's line:column points somewhere.
std::string indented(const QByteArray &json)
{
    const ParseResult parsed = JsonReader::parse(json.toStdString());
    if (parsed.hasErrors() || parsed.documents.empty())
        return json.toStdString();
    return JsonWriter::write(parsed.documents.front());
}

} // namespace

ServerSource::ServerSource(PersesApi &api)
    : m_api(api)
{}

std::string ServerSource::dashboardPath(const std::string &project, const std::string &name)
{
    return project + "/dashboards/" + name + ".json";
}

ServerSource::Place ServerSource::parse(const std::string &path) const
{
    QString text = QString::fromStdString(path);
    while (text.endsWith(u'/'))
        text.chop(1);
    if (text.endsWith(u".json"))
        text.chop(5);
    const QStringList parts = text.split(u'/', Qt::SkipEmptyParts);
    Place place;
    if (parts.isEmpty())
        return place;
    if (const std::optional<ResourceKind> global = kindOfCollection(parts[0]);
        global && !isProjectScoped(*global) && *global != ResourceKind::Project) {
        place.kind = global;
        place.name = parts.value(1);
        return place;
    }
    place.project = parts[0];
    if (parts.size() == 1)
        return place;
    if (parts[1] == u"project") {
        place.kind = ResourceKind::Project;
        place.name = parts[0];
        return place;
    }
    place.kind = kindOfCollection(parts[1]);
    place.name = parts.value(2);
    return place;
}

const std::map<QString, QByteArray> &ServerSource::listing(ResourceKind kind,
                                                           const QString &project) const
{
    const QString path = ServerPaths::list(kind, project);
    if (const auto it = m_listings.find(path); it != m_listings.end())
        return it->second;
    std::map<QString, QByteArray> &items = m_listings[path];
    ApiReply *reply = m_api.get(path);
    reply->waitForFinished();
    reply->deleteLater();
    if (!reply->ok()) {
        // A route switched off by the server's configuration is no error (§1).
        if (reply->status() != 404)
            m_lastError = reply->error();
        return items;
    }
    for (const QJsonValue &item : reply->json().array()) {
        const QString name = item[u"metadata"][u"name"].toString();
        items[name] = QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact);
    }
    return items;
}

ResourceSource::EntryType ServerSource::entryType(const std::string &path) const
{
    const Place place = parse(path);
    if (!place.kind)
        return place.project.isEmpty() || listing(ResourceKind::Project, {}).contains(place.project)
                   ? EntryType::Folder
                   : EntryType::Missing;
    if (place.name.isEmpty())
        return EntryType::Folder;
    return std::holds_alternative<std::string>(readBytes(path)) ? EntryType::File
                                                                : EntryType::Missing;
}

std::vector<std::string> ServerSource::collectFiles(const std::string &folder) const
{
    const Place place = parse(folder);
    std::vector<std::string> files;
    auto addCollection = [&](ResourceKind kind, const QString &project) {
        const QString prefix = project.isEmpty() ? QString() : project + u'/';
        for (const auto &[name, body] : listing(kind, project)) {
            files.push_back(QString(prefix + ServerPaths::collection(kind).value_or(QString()) +
                                    u'/' + name + QStringLiteral(".json"))
                                .toStdString());
        }
    };
    auto addProject = [&](const QString &project) {
        files.push_back(QString(project + QStringLiteral("/project.json")).toStdString());
        for (ResourceKind kind : projectKinds)
            addCollection(kind, project);
    };
    if (place.kind && place.name.isEmpty()) {
        addCollection(*place.kind, place.project);
    } else if (!place.kind && !place.project.isEmpty()) {
        addProject(place.project);
    } else if (!place.kind) {
        for (ResourceKind kind : globalKinds)
            addCollection(kind, {});
        for (const auto &[project, body] : listing(ResourceKind::Project, {}))
            addProject(project);
    }
    return files;
}

std::variant<std::string, Diagnostic> ServerSource::readBytes(const std::string &path) const
{
    const Place place = parse(path);
    if (place.kind && !place.name.isEmpty()) {
        // From a listing already made; else one GET.
        const QString list = ServerPaths::list(*place.kind, place.project);
        if (const auto it = m_listings.find(list); it != m_listings.end()) {
            if (const auto item = it->second.find(place.name); item != it->second.end())
                return indented(item->second);
        }
        // A GET kept: entryType() and read() ask for the same resource one after the other.
        const QString item = ServerPaths::item(*place.kind, place.project, place.name);
        if (const auto it = m_items.find(item); it != m_items.end())
            return indented(it->second);
        ApiReply *reply = m_api.get(item);
        reply->waitForFinished();
        reply->deleteLater();
        if (reply->ok())
            return indented(m_items[item] = reply->body());
        Diagnostic diagnostic;
        diagnostic.severity = Severity::Error;
        diagnostic.rule = "server";
        diagnostic.file = displayName(path);
        diagnostic.message = reply->error().toStdString();
        return diagnostic;
    }
    Diagnostic diagnostic;
    diagnostic.severity = Severity::Error;
    diagnostic.rule = "server";
    diagnostic.file = displayName(path);
    diagnostic.message = "not a resource on the server";
    return diagnostic;
}

std::string ServerSource::displayName(const std::string &path) const
{
    return QString(m_api.baseUrl() + u'/').toStdString() + path;
}

} // namespace Pd
