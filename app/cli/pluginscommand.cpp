// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "pluginscommand.h"

#include "exitcodes.h"
#include "pluginregistry.h"

#include <QCoreApplication>

#include <ostream>

namespace Pd::Cli {

int runPlugins(int argc, char **argv, const std::vector<std::string> &args, std::ostream &out,
               std::ostream &err)
{
    if (!args.empty()) {
        err << "perses-desktop plugins: unexpected argument '" << args.front() << "'\n"
            << pluginsUsage;
        return ExitCode::usage;
    }
    QCoreApplication app(argc, argv);
    out << "plugin folders:\n";
    for (const QString &folder : PluginRegistry::pluginFolders())
        out << "  " << folder.toStdString() << '\n';
    for (const PluginRegistry::Entry &entry : PluginRegistry::instance().entries()) {
        out << entry.name.toStdString() << " (" << entry.origin.toStdString() << "): ";
        if (entry.loaded())
            out << "loaded: " << entry.kinds.join(QStringLiteral(", ")).toStdString() << '\n';
        else
            out << "not loaded: " << entry.error.toStdString() << '\n';
    }
    return ExitCode::success;
}

} // namespace Pd::Cli
