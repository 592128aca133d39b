// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcefile.h"

#include <QString>

#include <functional>
#include <vector>

namespace Pd {

class PersesApi;

// Server resources written as files in canonical form, one per resource, in the layout of
// ServerPaths::file: what `pull` and File ▸ Export Project do. `metadata.version` stays in
// each file, so that `push` can tell that the server's copy changed since (createdAt and
// updatedAt are dropped: they would change every file on every save). Secrets are not pulled:
// their values never leave the server. A file whose text would not change is not touched.
// Waits for the server's answers: run it from the command line or a worker thread.
class ServerPull
{
public:
    struct Options
    {
        QString project;   // empty: every project, and the global resources
        QString dashboard; // with a project: that dashboard alone
        QString folder;    // where to write
        DocumentFormat format = DocumentFormat::Yaml;
        // With a project and no dashboard: its datasources and variables alone (what a
        // dashboard needs to run), and the global ones with them.
        bool resourcesOnly = false;
    };
    struct File
    {
        QString path; // relative to the folder
        bool written = false;
    };
    struct Result
    {
        std::vector<File> files;
        int secretsLeftOut = 0;
        QString error; // the first failure; files before it were written
    };
    using Progress = std::function<void(const File &file)>;

    static Result run(PersesApi &api, const Options &options, const Progress &progress = {});
    // A resource as the server answers it, in the form pull writes; empty when it does not read.
    // Without the version: the form the window edits (the version is the server's business).
    static std::string fileText(const QByteArray &json, DocumentFormat format,
                                bool keepVersion = true);
    static std::string fileText(Node resource, DocumentFormat format, bool keepVersion = true);
};

} // namespace Pd
