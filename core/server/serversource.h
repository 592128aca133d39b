// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcekind.h"
#include "resourcesource.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>

namespace Pd {

class PersesApi;

// A Perses server as a place resources come from, laid out as `pull` writes it:
// <project>/project.json, <project>/dashboards/<name>.json, <project>/datasources/…,
// <project>/variables/…, globaldatasources/<name>.json, globalvariables/<name>.json.
// `lint`, `query` and `render` read server dashboards through it as they read files.
// It waits for each answer: for the command line and worker threads, never the GUI thread.
// Each resource comes as the server answers it, written as indented JSON so that
// diagnostics have useful line:column positions.
class ServerSource final : public ResourceSource
{
public:
    explicit ServerSource(PersesApi &api);

    EntryType entryType(const std::string &path) const override;
    std::vector<std::string> collectFiles(const std::string &folder) const override;
    std::variant<std::string, Diagnostic> readBytes(const std::string &path) const override;
    std::string displayName(const std::string &path) const override;

    // The path of a dashboard in this source.
    static std::string dashboardPath(const std::string &project, const std::string &name);
    // The last problem talking to the server (a listing that failed), for the caller to show.
    const QString &lastError() const { return m_lastError; }

private:
    struct Place
    {
        std::optional<ResourceKind> kind; // none: a folder (root, project)
        QString project;
        QString name; // empty: the collection itself
    };
    Place parse(const std::string &path) const;
    // The items of a collection (cached: a list answers whole documents).
    const std::map<QString, QByteArray> &listing(ResourceKind kind, const QString &project) const;

    PersesApi &m_api;
    mutable std::map<QString, std::map<QString, QByteArray>> m_listings;
    mutable std::map<QString, QByteArray> m_items; // resources read one by one, by API path
    mutable QString m_lastError;
};

} // namespace Pd
