// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "persestestserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

// pd-test-perses-server: the test Perses server as a process, for CLI tests, the GUI tests,
// benchmarks and trying the app by hand. Prints "listening on URL" once it accepts requests.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("port (0: any free)"),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption conformance(
        QStringLiteral("conformance"),
        QStringLiteral("serve the dev-data resources of this conformance corpus"),
        QStringLiteral("DIR"));
    const QCommandLineOption resources(QStringLiteral("resources"),
                                       QStringLiteral("serve every JSON resource under DIR"),
                                       QStringLiteral("DIR"));
    const QCommandLineOption accessTtl(QStringLiteral("access-ttl"),
                                       QStringLiteral("access token lifetime in seconds"),
                                       QStringLiteral("S"), QStringLiteral("900"));
    const QCommandLineOption refreshTtl(QStringLiteral("refresh-ttl"),
                                        QStringLiteral("refresh token lifetime in seconds"),
                                        QStringLiteral("S"), QStringLiteral("86400"));
    const QCommandLineOption noAuth(QStringLiteral("no-auth"), QStringLiteral("auth disabled"));
    const QCommandLineOption readonly(QStringLiteral("readonly"),
                                      QStringLiteral("no write routes"));
    const QCommandLineOption displayNameRule(
        QStringLiteral("require-display-name"),
        QStringLiteral("a custom lint rule: dashboards without a display name are refused"));
    const QCommandLineOption generate(
        QStringLiteral("generate"),
        QStringLiteral("PROJECTS projects of copies of FILE: PROJECTSxDASHBOARDS:FILE"),
        QStringLiteral("SPEC"));
    parser.addOptions({port, conformance, resources, accessTtl, refreshTtl, noAuth, readonly,
                       generate, displayNameRule});
    parser.process(app);

    PersesTestServer::Options options;
    options.auth = !parser.isSet(noAuth);
    options.readonly = parser.isSet(readonly);
    options.requireDisplayName = parser.isSet(displayNameRule);
    options.accessTtlSeconds = parser.value(accessTtl).toInt();
    options.refreshTtlSeconds = parser.value(refreshTtl).toInt();
    PersesTestServer server(options);
    auto fail = [](const QString &message) {
        std::fprintf(stderr, "pd-test-perses-server: %s\n", qPrintable(message));
        return 2;
    };
    if (parser.isSet(conformance)) {
        if (const QString problem = server.load(parser.value(conformance), true);
            !problem.isEmpty())
            return fail(problem);
    }
    for (const QString &folder : parser.values(resources)) {
        if (const QString problem = server.load(folder, false); !problem.isEmpty())
            return fail(problem);
    }
    if (parser.isSet(generate)) {
        const QString spec = parser.value(generate);
        const QStringList counts = spec.section(u':', 0, 0).split(u'x');
        QFile file(spec.section(u':', 1));
        if (counts.size() != 2 || !file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("--generate wants PROJECTSxDASHBOARDS:FILE"));
        server.generate(counts[0].toInt(), counts[1].toInt(),
                        QJsonDocument::fromJson(file.readAll()).object());
    }
    if (!server.listen(quint16(parser.value(port).toUInt())))
        return fail(QStringLiteral("cannot listen on port %1").arg(parser.value(port)));
    std::printf("listening on http://127.0.0.1:%u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
