// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "cli/diffcommand.h"
#include "cli/exitcodes.h"
#include "cli/fmtcommand.h"
#include "cli/lintcommand.h"
#include "cli/pluginscommand.h"
#include "cli/pullcommand.h"
#include "cli/pushcommand.h"
#include "cli/querycommand.h"
#include "cli/rendercommand.h"
#include "cli/windowarguments.h"
#include "credentialstore.h"
#include "datasourcesecrets.h"
#include "mainwindow.h"
#include "memorytuning.h"
#include "sourceresolver.h"
#include "startupprobe.h"
#include "theme.h"

#include <QApplication>
#include <QFileInfo>
#include <QGuiApplication>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr const char *help =
    "Perses Desktop: Perses dashboards on the desktop and in CI.\n"
    "\n"
    "usage: perses-desktop [FILE|FOLDER|REV:PATH]... [--repo DIR] [--datasource NAME=URL]...\n"
    "                      [--theme light|dark]\n"
    "                                            open the window\n"
    "       perses-desktop --edit FILE[:LINE[:COLUMN]]\n"
    "                                            edit a file, the cursor at lint's position\n"
    "       perses-desktop FOLDER --kiosk [--cycle 60s]\n"
    "                                            the panels alone, full screen; the folder's\n"
    "                                            dashboards in turn (wall displays)\n"
    "       perses-desktop --review REV1..REV2|FOLDER|FILE [--repo DIR]\n"
    "       perses-desktop --review A --review B [--repo DIR]\n"
    "                                            review changes side by side, offline\n"
    "       perses-desktop COMMAND [ARGS...]\n"
    "\n"
    "commands:\n"
    "  lint     validate Perses resources as the server would, each problem at line:column\n"
    "  fmt      rewrite resources in the canonical key order and layout (--check: list only)\n"
    "  query    run a dashboard's variables and queries against Prometheus, print the results\n"
    "  render   draw a dashboard or a panel to PNG, SVG or PDF, headless\n"
    "  diff     what changed between two versions of dashboards: files, REV:PATH, REV1..REV2\n"
    "  pull     write a Perses server's resources as files, one per resource\n"
    "  push     create or update files' resources on a Perses server; conflicts stop it\n"
    "  plugins  list the plugins found and why any did not load\n"
    "\n"
    "Run 'perses-desktop COMMAND --help' for a command's options.\n";

bool isCommand(const std::string &word)
{
    return word == "lint" || word == "fmt" || word == "query" || word == "render" ||
           word == "diff" || word == "pull" || word == "push" || word == "plugins" ||
           word == "help" || word == "--help" || word == "-h" || word == "--version";
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// No command: the window, with the files and folders given opened.
int runWindow(int argc, char **argv, const std::vector<std::string> &args)
{
    Pd::Cli::WindowArguments arguments;
    if (const std::optional<std::string> problem = Pd::Cli::parseWindowArguments(args, arguments)) {
        std::cerr << "perses-desktop: " << *problem << "\n\n" << help;
        return Pd::Cli::ExitCode::usage;
    }
    if (!hasDisplay()) {
        std::cerr << "perses-desktop: no display to open the window on (DISPLAY and "
                     "WAYLAND_DISPLAY are unset).\nUse 'perses-desktop render FILE --out "
                     "image.png' to draw dashboards without one.\n";
        return Pd::Cli::ExitCode::usage;
    }
    QApplication app(argc, argv);
    if (QGuiApplication::platformName() == u"offscreen" ||
        QGuiApplication::platformName() == u"minimal")
        std::cerr << "perses-desktop: no display (QT_QPA_PLATFORM="
                  << QGuiApplication::platformName().toStdString()
                  << "); the window is not visible. 'perses-desktop render' draws dashboards "
                     "to image files without one.\n";
    QApplication::setOrganizationName(QStringLiteral("perses-desktop"));
    QApplication::setApplicationName(QStringLiteral("perses-desktop"));
    Pd::Gui::Theme::apply(arguments.theme);
    // The user datasources' secret headers, now that an event loop can answer the keyring.
    Pd::DatasourceSecrets::fill(arguments.overrides);
    Pd::Gui::MainWindow window(std::move(arguments.overrides));
    if (!arguments.repository.empty())
        window.setRepository(QString::fromStdString(arguments.repository));
    for (const std::string &path : arguments.paths)
        window.open(QString::fromStdString(path));
    window.show();
    if (arguments.kiosk)
        window.setKiosk(true);
    if (arguments.cycleMs > 0)
        window.setCycle(std::chrono::milliseconds(arguments.cycleMs));
    if (!arguments.editFile.empty())
        window.edit(QString::fromStdString(arguments.editFile), arguments.editLine,
                    arguments.editColumn);
    if (!arguments.review.empty()) {
        QStringList operands;
        for (const std::string &operand : arguments.review)
            operands << QString::fromStdString(operand);
        window.review(QString::fromStdString(arguments.repository), operands);
    }
    if (qEnvironmentVariableIsSet("PD_STARTUP_PROBE"))
        new Pd::Gui::StartupProbe(&window); // bench_coldstart's end of a start

    const int code = app.exec();
    // A secret saved just before quitting is still on its way to the keyring.
    Pd::CredentialStore::instance().waitForWrites(std::chrono::seconds(3));
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    Pd::MemoryTuning::keepFreedMemoryForReuse();
    Pd::importBuiltinPlugins();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && !isCommand(args.front()) && !args.front().starts_with("-") &&
        !QFileInfo::exists(QString::fromStdString(args.front())) &&
        !Pd::SourceResolver::isRevisionPath(args.front())) {
        std::cerr << "perses-desktop: unknown command '" << args.front() << "'\n\n" << help;
        return Pd::Cli::ExitCode::usage;
    }
    if (args.empty() || !isCommand(args.front()))
        return runWindow(argc, argv, args);
    const std::string command = args.front();
    args.erase(args.begin());
    const bool wantsHelp = !args.empty() && (args.front() == "--help" || args.front() == "-h");
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << help;
        return Pd::Cli::ExitCode::success;
    }
    if (command == "--version") {
        std::cout << "perses-desktop " << PD_VERSION << '\n';
        return Pd::Cli::ExitCode::success;
    }
    if (command == "lint") {
        if (wantsHelp) {
            std::cout << Pd::Cli::lintUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runLint(args, std::cout, std::cerr);
    }
    if (command == "fmt") {
        if (wantsHelp) {
            std::cout << Pd::Cli::fmtUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runFmt(args, std::cout, std::cerr);
    }
    if (command == "query") {
        if (wantsHelp) {
            std::cout << Pd::Cli::queryUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runQuery(argc, argv, args, std::cout, std::cerr);
    }
    if (command == "render") {
        if (wantsHelp) {
            std::cout << Pd::Cli::renderUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runRender(argc, argv, args, std::cout, std::cerr);
    }
    if (command == "diff") {
        if (wantsHelp) {
            std::cout << Pd::Cli::diffUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runDiff(argc, argv, args, std::cout, std::cerr);
    }
    if (command == "pull") {
        if (wantsHelp) {
            std::cout << Pd::Cli::pullUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runPull(args, std::cin, std::cout, std::cerr);
    }
    if (command == "push") {
        if (wantsHelp) {
            std::cout << Pd::Cli::pushUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runPush(args, std::cin, std::cout, std::cerr);
    }
    if (command == "plugins") {
        if (wantsHelp) {
            std::cout << Pd::Cli::pluginsUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runPlugins(argc, argv, args, std::cout, std::cerr);
    }
    std::cerr << "perses-desktop: unknown option '" << command << "'\n\n" << help;
    return Pd::Cli::ExitCode::usage;
}
