// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcekind.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace Pd {

class PersesApi;
class Node;

// Resource files created or updated on a server: what `push` and File ▸ Publish Folder do.
// First a plan: every resource is compared with the server's copy (names compared as the
// server stores them; createdAt, updatedAt and version left out). A file that carries
// `metadata.version` (pulled) whose server copy has another version is a conflict: someone
// saved since the pull. With any conflict, nothing is sent. Then apply() creates (POST) and
// updates (PUT), stopping at the first refusal, and writes the server's new version into
// each updated file, so that the next push compares with it.
// Waits for the server's answers: run it from the command line or a worker thread.
class ServerPush
{
public:
    enum class Action { Create, Update, Leave, Conflict };
    struct Item
    {
        QString file;
        std::size_t resourceIndex = 0; // in the file
        ResourceKind kind = ResourceKind::Dashboard;
        QString project;
        QString name;
        Action action = Action::Leave;
        std::optional<qint64> fileVersion;
        std::optional<qint64> serverVersion;
        QString detail;  // why a conflict, what the server answered
        QByteArray body; // what is sent
    };
    struct Plan
    {
        std::vector<Item> items;
        std::vector<QString> errors; // files that do not read, resources without a place
        bool hasConflicts() const;
    };

    // The resource files among `files` (read from disk), each compared with the server.
    static Plan plan(PersesApi &api, const std::vector<std::string> &files);
    // Sends the creates and updates; the first refusal, or an empty string.
    static QString apply(PersesApi &api, Plan &plan);
    // "Dashboard perses/demo", "GlobalDatasource prom".
    static QString describe(const Item &item);
    // Two versions of a resource are the same once server-kept metadata is left out.
    static bool sameContent(const Node &a, const Node &b);
};

} // namespace Pd
