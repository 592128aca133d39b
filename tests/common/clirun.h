// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

// The perses-desktop executable run as a user would, for tests of the command line. The
// including target defines PD_EXECUTABLE.
namespace PdTest {

struct CliRun
{
    int exitCode = -1; // -1: did not finish in time; -2: crashed
    QString out;
    QString err;
    QJsonObject json; // stdout as a JSON object, when it is one
};

// Runs with TZ=UTC (steps align to UTC) and no user configuration (XDG_CONFIG_HOME points
// nowhere), so that a developer's own datasources.yaml cannot change a result.
// `input` is written to its standard input (a password for --password-stdin).
inline CliRun runCli(const QStringList &arguments, int timeoutMs = 120000,
                     const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("/nonexistent"));
    // Never a window from a CLI test, whatever display the test runs under.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QLatin1StringView(name));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PD_EXECUTABLE), arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(timeoutMs))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    const QByteArray out = process.readAllStandardOutput();
    run.out = QString::fromUtf8(out);
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.json = QJsonDocument::fromJson(out).object();
    return run;
}

} // namespace PdTest
