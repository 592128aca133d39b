// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// Start of `perses-desktop FILE` to the first painted frame of the dashboard with every panel
// in view answered (the app's startup probe, PD_STARTUP_PROBE=1, marks it and exits), against
// the start of a bare Qt Widgets window to its first painted frame (coldstart_bare), each as a
// new process, offscreen, timed from spawning to exit. "Cold" is the app's: a new process;
// the system's file cache is warm after the warm-ups, for both alike.
// usage: bench_coldstart PERSES_DESKTOP COLDSTART_BARE DASHBOARD [ARGUMENT...]
#include "benchharness.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace {

// One start: spawned, waited for, checked; the wall time goes to the caller's clock.
void start(const QString &program, const QStringList &arguments,
           const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0 ||
        !process.readAllStandardOutput().contains("startup-probe: painted")) {
        std::fprintf(stderr, "bench_coldstart: %s did not paint: %s\n", qPrintable(program),
                     process.readAllStandardError().right(2000).constData());
        std::exit(1);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_coldstart PERSES_DESKTOP COLDSTART_BARE DASHBOARD "
                             "[ARGUMENT...]\n");
        return 2;
    }
    QTemporaryDir home; // no recent files or settings from elsewhere
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("PD_STARTUP_PROBE"), QStringLiteral("1"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    QStringList arguments;
    for (int i = 3; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const QString app_ = QString::fromLocal8Bit(argv[1]);
    const QString bare = QString::fromLocal8Bit(argv[2]);

    std::printf("Start to first painted frame, offscreen; median (min-max) of %d runs after %d "
                "warm-ups\n",
                PdBench::defaultRuns, PdBench::defaultWarmups);
    const PdBench::Stats baseline = PdBench::measure([&] { start(bare, {}, environment); });
    const PdBench::Stats ours = PdBench::measure([&] { start(app_, arguments, environment); });
    PdBench::printStats("bare Qt Widgets window", baseline);
    PdBench::printStats("perses-desktop " + arguments.join(u' ').toStdString(), ours);
    PdBench::printRatio("ours / bare window", ours, baseline, "<= 2");
    return 0;
}
