// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// Open-to-painted time of the corpus' NodeExporter dashboard (114 panels, 241 queries)
// against a Prometheus holding an hour of node exporter history (bench/run-dashboard-bench.sh
// sets it up), beside the network floor: the same query URLs fetched bare, six at a time,
// bodies read and not parsed.
// usage: bench_dashboard PROMETHEUS_URL
#include "builtinplugins.h"
#include "dashboardbundle.h"
#include "dashboardqueryengine.h"
#include "dashboardview.h"
#include "panelframe.h"
#include "theme.h"
#include "variableresolver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>

namespace {

constexpr QSize window(1600, 1000);

struct Inputs
{
    Pd::Model::Dashboard dashboard;
    Pd::DatasourceOverrides overrides;
    Pd::DashboardQueryEngine::Settings settings;
};

void spin(const std::function<bool()> &done)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

// Every query URL the engine sends for the dashboard with all groups open, from a run.
QStringList queryUrls(Pd::Gui::DashboardView &view)
{
    QStringList urls;
    for (Pd::Gui::PanelFrame *frame : view.frames()) {
        const std::shared_ptr<const Pd::PanelResult> result =
            view.engine().sharedPanelResult(frame->panelId().toStdString());
        for (std::size_t i = 0; result && i < result->queries.size(); ++i) {
            const Pd::QueryResult &query = result->queries[i];
            if (query.query.empty())
                continue;
            QUrl url(QString::fromStdString(query.url) +
                     (query.instant ? QStringLiteral("/api/v1/query")
                                    : QStringLiteral("/api/v1/query_range")));
            QUrlQuery parameters;
            parameters.addQueryItem(QStringLiteral("query"), QString::fromStdString(query.query));
            if (query.instant) {
                parameters.addQueryItem(QStringLiteral("time"),
                                        QString::number(query.window.endSeconds));
            } else {
                parameters.addQueryItem(QStringLiteral("start"),
                                        QString::number(query.window.startSeconds));
                parameters.addQueryItem(QStringLiteral("end"),
                                        QString::number(query.window.endSeconds));
                parameters.addQueryItem(QStringLiteral("step"),
                                        QString::number(query.window.stepSeconds));
            }
            url.setQuery(parameters);
            urls.append(url.toString());
        }
    }
    return urls;
}

// The floor: the same requests, six at a time (Qt's connections per host), bodies read.
double bareHttpMs(const QStringList &urls)
{
    QNetworkAccessManager network;
    QElapsedTimer clock;
    clock.start();
    int pending = int(urls.size());
    for (const QString &url : urls) {
        QNetworkReply *reply = network.get(QNetworkRequest(QUrl(url)));
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &pending] {
            reply->readAll();
            reply->deleteLater();
            --pending;
        });
    }
    spin([&] { return pending == 0; });
    return double(clock.nsecsElapsed()) / 1e6;
}

// The engine alone (variables, requests, parsing), no widgets: what the view adds is the rest.
double engineOnlyMs(const Inputs &in)
{
    QElapsedTimer clock;
    clock.start();
    Pd::DashboardQueryEngine engine(in.dashboard, {}, {}, in.overrides, in.settings);
    std::size_t finished = 0;
    QObject::connect(&engine, &Pd::DashboardQueryEngine::panelFinished, [&] { ++finished; });
    engine.start();
    for (const Pd::Model::Panel &panel : in.dashboard.spec.panels)
        engine.runPanel(panel.id, 760);
    spin([&] { return finished >= in.dashboard.spec.panels.size(); });
    return double(clock.nsecsElapsed()) / 1e6;
}

struct ViewTimes
{
    double settledMs = 0;
    double paintMs = 0;
    double repaintMs = 0;
    int panels = 0;
};

ViewTimes openAndPaint(const Inputs &in, bool allPanels, QStringList *urls = nullptr)
{
    QElapsedTimer clock;
    clock.start();
    Pd::Gui::DashboardView view(in.dashboard, {}, {}, in.overrides, in.settings);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(window);
    if (allPanels) {
        view.setAllGroupsOpen(true);
        view.setRunAllPanels(true);
    }
    view.show();
    spin([&] {
        return view.engine().variables().isResolved() && view.hasRunAllShown() && view.isSettled();
    });
    ViewTimes times;
    times.settledMs = double(clock.nsecsElapsed()) / 1e6;
    QElapsedTimer paint;
    paint.start();
    view.grab();
    times.paintMs = double(paint.nsecsElapsed()) / 1e6;
    paint.restart();
    view.grab();
    times.repaintMs = double(paint.nsecsElapsed()) / 1e6;
    for (Pd::Gui::PanelFrame *frame : view.frames())
        times.panels += frame->isVisible() ? 1 : 0;
    if (urls)
        *urls = queryUrls(view);
    return times;
}

double median(std::vector<double> values)
{
    std::ranges::sort(values);
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    Pd::importBuiltinPlugins();
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_dashboard PROMETHEUS_URL\n");
        return 2;
    }
    Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
    Pd::DashboardBundle bundle;
    if (auto problem = bundle.add(
            PD_CONFORMANCE_DIR "/dashboards/dev-data__perses__NodeExporter.json", true)) {
        std::fprintf(stderr, "%s\n", problem->c_str());
        return 1;
    }
    Inputs in;
    in.dashboard = bundle.dashboards.front();
    // The dashboard's panels select the datasource "PrometheusDemo".
    in.overrides.addFromArgument(std::string("PrometheusDemo=") + argv[1]);
    const std::int64_t now = Pd::currentTimeMs();
    in.settings.range = Pd::TimeRange::last(3'600'000, now);
    in.settings.timezoneOffsetSeconds = Pd::localTimezoneOffsetSeconds(now);

    QStringList urls;
    openAndPaint(in, true, &urls); // warm-up, and the URLs of every query
    if (urls.isEmpty()) {
        std::fprintf(stderr, "bench_dashboard: no query ran (is Prometheus at %s?)\n", argv[1]);
        return 1;
    }
    std::vector<double> engineOnly, floor, visible, visiblePaint, visibleRepaint, all, allPaint;
    int visiblePanels = 0;
    int allPanels = 0;
    for (int round = 0; round < 5; ++round) {
        floor.push_back(bareHttpMs(urls));
        engineOnly.push_back(engineOnlyMs(in));
        const ViewTimes first = openAndPaint(in, false);
        visible.push_back(first.settledMs);
        visiblePaint.push_back(first.paintMs);
        visibleRepaint.push_back(first.repaintMs);
        visiblePanels = first.panels;
        const ViewTimes every = openAndPaint(in, true);
        all.push_back(every.settledMs);
        allPaint.push_back(every.paintMs);
        allPanels = every.panels;
    }
    std::printf("NodeExporter dashboard (%lld queries), medians of 5 rounds\n",
                static_cast<long long>(urls.size()));
    std::printf("  %-52s %9.1f ms\n", "network floor: bare HTTP of every query", median(floor));
    std::printf("  %-52s %9.1f ms\n", "engine alone: variables, requests, parsing",
                median(engineOnly));
    std::printf("  %-52s %9.1f ms  (%d panels in the first screen)\n",
                "open to visible panels answered", median(visible), visiblePanels);
    std::printf("  %-52s %9.1f ms  (%.1f ms a panel; target: one frame, 16 ms)\n",
                "  then painting the window, first time", median(visiblePaint),
                median(visiblePaint) / std::max(1, visiblePanels));
    std::printf("  %-52s %9.1f ms\n", "  painting it again", median(visibleRepaint));
    std::printf("  %-52s %9.1f ms  (%d panels, all groups open)\n",
                "open to every panel answered and painted", median(all) + median(allPaint),
                allPanels);
    std::printf("  %-52s %9.1f ms + %.1f ms painting\n", "  of which answered", median(all),
                median(allPaint));
    std::printf("  %-52s %9.2f   (target <= 1.2)\n", "all panels / network floor",
                (median(all) + median(allPaint)) / median(floor));
    return 0;
}
