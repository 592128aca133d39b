// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// A Perses server of 100 projects × 50 dashboards (the test server, each dashboard a copy of
// the conformance Demo dashboard), measured in one run:
//  - browse and open: the project list, one project's dashboard list, and opening one
//    dashboard as the window does (ServerPull of the dashboard and of what it needs to run
//    into its ServerMirror, then adopted as the working copy);
//  - pull all 5,000 dashboards (with projects, datasources, variables, folders) into a fresh
//    folder, canonical YAML, one file per resource.
// Each against the floor: the very requests the product sent (recorded from PersesApi),
// replayed with a bare QNetworkAccessManager, bodies read and dropped.
#include "benchharness.h"
#include "persesapi.h"
#include "servermirror.h"
#include "serverpaths.h"
#include "serverpull.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace Pd;

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "bench_server: %s\n", qPrintable(message));
    std::exit(2);
}

struct Sent
{
    QByteArray method;
    QUrl url;
    QByteArray body;
};

// The requests `work` makes through `api`, as they left.
std::vector<Sent> record(PersesApi &api, const std::function<void()> &work)
{
    std::vector<Sent> sent;
    auto connection = QObject::connect(
        &api, &PersesApi::requestSent,
        [&sent](const QByteArray &method, const QUrl &url, const QByteArray &body) {
            sent.push_back({method, url, body});
        });
    work();
    QObject::disconnect(connection);
    return sent;
}

// The floor: the same requests, one after the other as the product sends them, with the same
// headers; returns the bytes received.
qint64 replay(QNetworkAccessManager &network, const std::vector<Sent> &requests,
              const QByteArray &authorization)
{
    qint64 bytes = 0;
    for (const Sent &sent : requests) {
        QNetworkRequest request(sent.url);
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("Authorization", authorization);
        if (!sent.body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.sendCustomRequest(request, sent.method, sent.body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        bytes += reply->readAll().size();
        reply->deleteLater();
    }
    return bytes;
}

int countFiles(const QString &folder, const QString &pattern)
{
    int count = 0;
    QDirIterator it(folder, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(
        QStringLiteral(PD_TEST_PERSES_SERVER),
        {QStringLiteral("--generate"),
         QStringLiteral("100x50:" PD_CONFORMANCE_DIR "/dashboards/dev-data__perses__Demo.json")});
    if (!server.waitForStarted(30000) || !server.waitForReadyRead(120000))
        fail(QStringLiteral("the test server did not start"));
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    if (!line.startsWith(u"listening on "))
        fail(line);
    const QString url = line.mid(13);

    PersesApi api(url);
    ApiReply *login = api.login(QStringLiteral("admin"), QStringLiteral("admin-password"));
    login->waitForFinished();
    if (!login->ok())
        fail(login->error());
    QNetworkAccessManager bare;
    std::printf("bench_server: 100 projects x 50 dashboards (each %s), median of runs\n",
                "dev-data__perses__Demo.json");

    // Browse and open.
    QTemporaryDir mirrorDir;
    const ServerMirror mirror(QStringLiteral("bench"), mirrorDir.path());
    auto browseAndOpen = [&] {
        ApiReply *projects = api.get(ServerPaths::list(ResourceKind::Project, {}),
                                     {{QStringLiteral("metadata_only"), QStringLiteral("true")}});
        projects->waitForFinished();
        if (projects->json().array().size() != 100)
            fail(QStringLiteral("expected 100 projects"));
        ApiReply *dashboards =
            api.get(ServerPaths::list(ResourceKind::Dashboard, QStringLiteral("project-042")),
                    {{QStringLiteral("metadata_only"), QStringLiteral("true")}});
        dashboards->waitForFinished();
        if (dashboards->json().array().size() != 50)
            fail(QStringLiteral("expected 50 dashboards"));
        projects->deleteLater();
        dashboards->deleteLater();
        ServerPull::Options dashboard{QStringLiteral("project-042"),
                                      QStringLiteral("dashboard-017"), mirror.incomingFolder()};
        ServerPull::Options resources{QStringLiteral("project-042"), {}, mirror.root()};
        resources.resourcesOnly = true;
        for (const ServerPull::Options &options : {dashboard, resources}) {
            if (const QString problem = ServerPull::run(api, options).error; !problem.isEmpty())
                fail(problem);
        }
        ServerMirror copy = mirror;
        QFile::remove(
            mirror.workingFile(QStringLiteral("project-042"), QStringLiteral("dashboard-017")));
        if (copy.adopt(QStringLiteral("project-042"), QStringLiteral("dashboard-017")) !=
            ServerMirror::Adopted::Fresh)
            fail(QStringLiteral("the opened dashboard was not adopted"));
    };
    const std::vector<Sent> browseRequests = record(api, browseAndOpen);
    const PdBench::Stats browse = PdBench::measure(browseAndOpen);
    qint64 browseBytes = 0;
    const PdBench::Stats browseFloor =
        PdBench::measure([&] { browseBytes = replay(bare, browseRequests, api.authorization()); });
    PdBench::printStats("browse + open one dashboard (" + std::to_string(browseRequests.size()) +
                            " requests)",
                        browse);
    PdBench::printStats("  floor: the same requests, bodies dropped", browseFloor,
                        double(browseBytes) / 1e6);
    PdBench::printRatio("  browse + open / floor", browse, browseFloor, "as close to 1 as can be");

    // Pull everything, into a fresh folder each run.
    int pulledDashboards = 0;
    std::vector<std::pair<QString, QByteArray>> pulledFiles; // of the recorded run
    auto pullAll = [&] {
        QTemporaryDir out;
        const ServerPull::Result result = ServerPull::run(api, {{}, {}, out.path()});
        if (!result.error.isEmpty())
            fail(result.error);
        pulledDashboards = countFiles(out.path(), QStringLiteral("dashboard-*.yaml"));
        if (pulledFiles.empty()) {
            for (const ServerPull::File &file : result.files) {
                QFile written(out.path() + u'/' + file.path);
                written.open(QIODevice::ReadOnly);
                pulledFiles.emplace_back(file.path, written.readAll());
            }
        }
    };
    const std::vector<Sent> pullRequests = record(api, pullAll);
    if (pulledDashboards != 5000)
        fail(QStringLiteral("pulled %1 dashboards, not 5000").arg(pulledDashboards));
    constexpr int slowRuns = 5;
    const PdBench::Stats pull = PdBench::measure(pullAll, slowRuns, 1);
    qint64 pullBytes = 0;
    const PdBench::Stats pullFloor = PdBench::measure(
        [&] { pullBytes = replay(bare, pullRequests, api.authorization()); }, slowRuns, 1);
    PdBench::printStats("pull 5,000 dashboards to YAML files (" +
                            std::to_string(pullRequests.size()) + " requests)",
                        pull);
    PdBench::printStats("  floor: the same requests, bodies dropped", pullFloor,
                        double(pullBytes) / 1e6);
    PdBench::printRatio("  pull / floor", pull, pullFloor, "parse + canonical YAML + write");
    // The second floor also writes the files the pull wrote, byte for byte, into a fresh folder:
    // what is left above it is reading and canonicalising.
    const PdBench::Stats filesFloor = PdBench::measure(
        [&] {
            QTemporaryDir out;
            replay(bare, pullRequests, api.authorization());
            for (const auto &[path, bytes] : pulledFiles) {
                const QString target = out.path() + u'/' + path;
                QDir().mkpath(QFileInfo(target).path());
                QFile file(target);
                if (!file.open(QIODevice::NewOnly) || file.write(bytes) != bytes.size())
                    fail(QStringLiteral("cannot write ") + target);
            }
        },
        slowRuns, 1);
    PdBench::printStats(
        "  floor + the same " + std::to_string(pulledFiles.size()) + " files written", filesFloor);
    PdBench::printRatio("  pull / (floor + files)", pull, filesFloor, "parse + canonical YAML");
    server.kill();
    server.waitForFinished();
    return 0;
}
