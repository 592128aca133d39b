// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// Open-to-painted time of the corpus' NodeExporter dashboard (114 panels) against a
// Prometheus holding an hour of node exporter history (bench/run-dashboard-bench.sh sets it
// up), beside the network floor: the very requests the engine sent in the same run (recorded
// from DashboardQueryEngine::requestSent: method, URL, headers and body byte for byte),
// replayed bare in the engine's order of dependency (each wave of variables' requests waits
// for the wave before, as the engine must; the panels' requests come last), six at a time,
// bodies read and not parsed. Both views are timed to the end of the window's own frame that
// shows every panel in scope answered: the first screen, and every panel (all groups open, in
// a window as tall as the dashboard, so every panel is painted by the window as its answer
// comes, as the panels in view are in the app). Each panel is checked to have been painted
// after its answer; painting every panel once more, one by one, is reported beside.
// The engine's own overhead is the engine alone against the same requests made by calling the
// Prometheus client directly (one transport, the same waves, every answer parsed): what the
// plugin dispatch, the datasource lookup, the interpolation and the bookkeeping add.
// usage: [PD_BENCH_END_MS=MS] bench_dashboard PROMETHEUS_URL
#include "benchharness.h"
#include "builtinplugins.h"
#include "dashboardbundle.h"
#include "dashboardqueryengine.h"
#include "dashboardview.h"
#include "datasourcetransport.h"
#include "panelframe.h"
#include "prometheusclient.h"
#include "theme.h"
#include "variableresolver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStackedLayout>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>

namespace {

constexpr QSize window(1600, 1000);

struct Inputs
{
    Pd::Model::Dashboard dashboard;
    Pd::DatasourceOverrides overrides;
    Pd::DashboardQueryEngine::Settings settings;
};

// Waits in the event loop, as the app does: asleep until an event comes. Polling instead
// would keep one of the machine's two cores busy, which Prometheus and Qt's network thread
// need, and would slow down both sides of every ratio by its own cost.
void spin(const std::function<bool()> &done)
{
    QElapsedTimer clock;
    clock.start();
    QTimer wake; // a second's tick, so a wait that never ends gives up after a minute
    wake.start(1000);
    while (!done() && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
}

// The requests of one open, in waves: a request belongs to the wave of the number of
// variables resolved when it left.
using Waves = std::map<int, std::vector<Pd::SentRequest>>;

// The floor: each wave's requests sent bare, the next wave after the last answer of the one
// before; six at a time per host (Qt's limit, and the engine's); bodies read.
double replayMs(const Waves &waves)
{
    QNetworkAccessManager network;
    QElapsedTimer clock;
    clock.start();
    for (const auto &[resolved, requests] : waves) {
        int pending = int(requests.size());
        for (const Pd::SentRequest &sent : requests) {
            QNetworkRequest request(sent.url);
            for (const auto &[name, value] : sent.headers)
                request.setRawHeader(name, value);
            QNetworkReply *reply = network.sendCustomRequest(request, sent.method, sent.body);
            QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &pending] {
                reply->readAll();
                reply->deleteLater();
                --pending;
            });
        }
        spin([&] { return pending == 0; });
    }
    return double(clock.nsecsElapsed()) / 1e6;
}

// One recorded request as a PrometheusClient call: its endpoint and parameters, read back
// from the form or URL before any timing, so the direct side does only the client's work.
struct DirectCall
{
    enum class Endpoint { QueryRange, Query, Labels, LabelValues } endpoint;
    std::string query;
    std::string label;
    std::vector<std::string> matchers;
    double start = 0, end = 0, step = 0;
    std::optional<double> time;
};
using DirectWaves = std::map<int, std::vector<DirectCall>>;

DirectWaves directCalls(const Waves &waves)
{
    DirectWaves calls;
    for (const auto &[resolved, requests] : waves) {
        for (const Pd::SentRequest &sent : requests) {
            const QUrlQuery form(QString::fromUtf8(
                sent.method == "POST" ? sent.body : sent.url.query(QUrl::FullyEncoded).toUtf8()));
            auto value = [&](const char *key) {
                return form.queryItemValue(QLatin1String(key), QUrl::FullyDecoded).toStdString();
            };
            auto number = [&](const char *key) {
                return form.hasQueryItem(QLatin1String(key)) ? std::stod(value(key)) : 0.0;
            };
            DirectCall call;
            const QString path = sent.url.path();
            call.endpoint =
                path.endsWith(QLatin1String("/query_range")) ? DirectCall::Endpoint::QueryRange
                : path.endsWith(QLatin1String("/query"))     ? DirectCall::Endpoint::Query
                : path.endsWith(QLatin1String("/labels"))    ? DirectCall::Endpoint::Labels
                                                             : DirectCall::Endpoint::LabelValues;
            call.query = value("query");
            call.label =
                path.section(QLatin1Char('/'), -2, -2, QString::SectionSkipEmpty).toStdString();
            for (const QString &matcher :
                 form.allQueryItemValues(QStringLiteral("match[]"), QUrl::FullyDecoded))
                call.matchers.push_back(matcher.toStdString());
            call.start = number("start");
            call.end = number("end");
            call.step = number("step");
            if (form.hasQueryItem(QStringLiteral("time")))
                call.time = number("time");
            calls[resolved].push_back(std::move(call));
        }
    }
    return calls;
}

// The recorded requests made again through PrometheusClient's own calls, parsed as the engine
// parses them: the engine's work without the engine.
double directClientMs(const DirectWaves &waves, const Pd::DatasourceConnection &connection)
{
    using Endpoint = DirectCall::Endpoint;
    QElapsedTimer clock;
    clock.start();
    Pd::DatasourceTransport transport(connection);
    Pd::PrometheusClient client(&transport);
    for (const auto &[resolved, calls] : waves) {
        int pending = int(calls.size());
        for (const DirectCall &call : calls) {
            Pd::PrometheusReply *reply =
                call.endpoint == Endpoint::QueryRange
                    ? client.queryRange(call.query, call.start, call.end, call.step)
                : call.endpoint == Endpoint::Query ? client.query(call.query, call.time)
                : call.endpoint == Endpoint::Labels
                    ? client.labelNames(call.matchers, call.start, call.end)
                    : client.labelValues(call.label, call.matchers, call.start, call.end);
            QObject::connect(reply, &Pd::PrometheusReply::finished, reply, [reply, &pending] {
                reply->deleteLater();
                --pending;
            });
        }
        spin([&] { return pending == 0; });
    }
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

// Times the frames a window paints, and when each panel was last painted. Qt paints a
// window's widgets while it delivers the window's UpdateRequest, so the end of that delivery
// is when the frame is painted: what a person sees, without painting anything a second time
// to find out.
class FrameTimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    void watch(QWidget *watched, const QElapsedTimer *clock)
    {
        m_window = watched;
        m_clock = clock;
        m_frameStart = m_frameEnd = -1;
        m_painted.clear();
    }
    qint64 frameStart() const { return m_frameStart; }
    qint64 frameEnd() const { return m_frameEnd; }
    // When a frame last painted this panel; -1 if none did.
    qint64 paintedAt(const QObject *frame) const
    {
        const auto it = m_painted.find(frame);
        return it == m_painted.end() ? -1 : it->second;
    }

    bool notify(QObject *receiver, QEvent *event) override
    {
        const bool frame =
            m_window && receiver == m_window && event->type() == QEvent::UpdateRequest;
        const qint64 start = frame ? m_clock->nsecsElapsed() : 0;
        if (m_window && event->type() == QEvent::Paint &&
            qobject_cast<Pd::Gui::PanelFrame *>(receiver))
            m_painted[receiver] = m_clock->nsecsElapsed();
        const bool result = QApplication::notify(receiver, event);
        if (frame) {
            m_frameStart = start;
            m_frameEnd = m_clock->nsecsElapsed();
        }
        return result;
    }

private:
    QWidget *m_window = nullptr;
    const QElapsedTimer *m_clock = nullptr;
    qint64 m_frameStart = -1;
    qint64 m_frameEnd = -1;
    std::map<const QObject *, qint64> m_painted;
};

// CPU time used so far, in ms: this thread's, or the whole process' (network thread and
// parsing pool included).
double cpuMs(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

struct ViewTimes
{
    double answeredMs = 0;       // open until the last panel in scope has its answer
    double paintedMs = 0;        // open until the window's frame that shows them all
    double frameMs = 0;          // that frame
    double paintEachAgainMs = 0; // every panel in scope painted again, one by one
    double guiCpuMs = 0;         // CPU time of this (the GUI) thread until that frame
    double processCpuMs = 0;     // and of the whole process
    int panels = 0;
};

bool inViewport(Pd::Gui::DashboardView &view, QWidget *frame)
{
    const QRect area(frame->mapTo(view.viewport(), QPoint()), frame->size());
    return frame->isVisible() && area.intersects(view.viewport()->rect());
}

void fail(const QString &problem)
{
    std::fprintf(stderr, "bench_dashboard: %s\n", qPrintable(problem));
    std::exit(1);
}

// The window a dashboard opens in, shown and kept from open to open: the app's window is
// there before a dashboard opens in it (its start is bench_coldstart's figure), and a new
// window would make every open pay for a new backing store.
class HostWindow
{
public:
    explicit HostWindow(QSize size)
    {
        m_window.setAttribute(Qt::WA_DontShowOnScreen);
        new QStackedLayout(&m_window);
        m_window.resize(size);
        m_window.show();
        // Its first, empty frame (and backing store) now, not in the first open timed.
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        }
    }
    QWidget &window() { return m_window; }
    void take(QWidget &view)
    {
        auto *stack = static_cast<QStackedLayout *>(m_window.layout());
        stack->addWidget(&view);
        stack->setCurrentWidget(&view);
    }

private:
    QWidget m_window;
};

// The height of the dashboard with every group open, at the window's width.
int dashboardHeight(const Inputs &in)
{
    Pd::Gui::DashboardView probe(in.dashboard, {}, {}, in.overrides, in.settings);
    probe.resize(window);
    probe.setAllGroupsOpen(true);
    return probe.contentHeight() + 2 * probe.frameWidth();
}

// Opens the dashboard in `host` and waits for the window's frame that shows every panel in
// scope with its answer: the first screen, or (allPanels) every panel, all groups open, in a
// window as tall as the dashboard, so that the window's own frames paint each panel as its
// answer comes, as they do for the panels in view. Checks that each panel in scope was
// painted after its answer, then (allPanels) times painting every panel again, one by one.
ViewTimes openAndPaint(const Inputs &in, HostWindow &host, bool allPanels, Waves *waves = nullptr)
{
    QElapsedTimer clock;
    clock.start();
    const double guiCpuStart = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    const double processCpuStart = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    Pd::Gui::DashboardView view(in.dashboard, {}, {}, in.overrides, in.settings);
    if (waves) {
        QObject::connect(&view.engine(), &Pd::DashboardQueryEngine::requestSent, &view,
                         [&view, waves](const Pd::SentRequest &request) {
                             const auto &states = view.engine().variables().states();
                             const int resolved = int(std::ranges::count_if(
                                 states, [](const auto &state) { return state.resolved; }));
                             (*waves)[resolved].push_back(request);
                         });
    }
    qint64 lastAnswer = 0;
    std::map<QString, qint64> answers;
    QObject::connect(&view.engine(), &Pd::DashboardQueryEngine::panelFinished, &view,
                     [&](const QString &panelId) {
                         lastAnswer = clock.nsecsElapsed();
                         answers[panelId] = lastAnswer;
                     });
    if (allPanels) {
        view.setAllGroupsOpen(true);
        view.setRunAllPanels(true);
    }
    auto *app = static_cast<FrameTimingApplication *>(QCoreApplication::instance());
    app->watch(&host.window(), &clock);
    host.take(view);
    spin([&] { return view.isComplete() && app->frameEnd() > lastAnswer; });
    ViewTimes times;
    times.guiCpuMs = cpuMs(CLOCK_THREAD_CPUTIME_ID) - guiCpuStart;
    times.processCpuMs = cpuMs(CLOCK_PROCESS_CPUTIME_ID) - processCpuStart;
    times.answeredMs = double(lastAnswer) / 1e6;
    times.paintedMs = double(app->frameEnd()) / 1e6;
    times.frameMs = double(app->frameEnd() - app->frameStart()) / 1e6;
    std::vector<Pd::Gui::PanelFrame *> inScope;
    for (Pd::Gui::PanelFrame *frame : view.frames()) {
        if (!frame->isVisible() || (!allPanels && !inViewport(view, frame)))
            continue;
        if (!inViewport(view, frame))
            fail(QStringLiteral("panel %1 lies outside the window").arg(frame->panelId()));
        if (frame->isLoading())
            fail(QStringLiteral("panel %1 is still loading").arg(frame->panelId()));
        const auto answer = answers.find(frame->panelId());
        if (frame->takesQueries() && answer == answers.end())
            fail(QStringLiteral("panel %1 never had its answer").arg(frame->panelId()));
        if (answer != answers.end() && app->paintedAt(frame) < answer->second)
            fail(QStringLiteral("panel %1 was not painted after its answer").arg(frame->panelId()));
        inScope.push_back(frame);
    }
    app->watch(nullptr, nullptr);
    times.panels = int(inScope.size());
    if (allPanels) {
        const qint64 paintStart = clock.nsecsElapsed();
        for (Pd::Gui::PanelFrame *frame : inScope) {
            QImage image(frame->size(), QImage::Format_ARGB32_Premultiplied);
            frame->render(&image);
        }
        times.paintEachAgainMs = double(clock.nsecsElapsed() - paintStart) / 1e6;
    }
    return times;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    Pd::importBuiltinPlugins();
    FrameTimingApplication app(argc, argv);
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
    // PD_BENCH_END_MS fixes the range's end, so that builds measured one after another against
    // the same Prometheus draw the same data (an hour of history ages out of "the last hour").
    const std::int64_t now = qEnvironmentVariableIsSet("PD_BENCH_END_MS")
                                 ? qgetenv("PD_BENCH_END_MS").toLongLong()
                                 : Pd::currentTimeMs();
    in.settings.range = Pd::TimeRange::last(3'600'000, now);
    in.settings.timezoneOffsetSeconds = Pd::localTimezoneOffsetSeconds(now);

    Waves waves;
    HostWindow firstScreen(window);
    HostWindow everyPanel(QSize(window.width(), dashboardHeight(in)));
    // warm-up, and the requests of every panel and variable
    openAndPaint(in, everyPanel, true, &waves);
    std::size_t requests = 0;
    for (const auto &[resolved, sent] : waves)
        requests += sent.size();
    if (waves.size() < 2 || waves.rbegin()->second.size() < 100) {
        std::fprintf(stderr,
                     "bench_dashboard: %zu requests in %zu waves recorded (is Prometheus "
                     "at %s?)\n",
                     requests, waves.size(), argv[1]);
        return 1;
    }
    std::vector<double> engineOnly, direct, floor, visible, visibleFrame, visibleLag, all, allLag,
        paintAgain, allGuiCpu, allProcessCpu;
    const DirectWaves calls = directCalls(waves);
    Pd::DatasourceConnection connection;
    connection.name = "PrometheusDemo";
    connection.url = argv[1];
    int visiblePanels = 0;
    int allPanels = 0;
    constexpr int rounds = 9;
    for (int round = 0; round < rounds; ++round) {
        floor.push_back(replayMs(waves));
        engineOnly.push_back(engineOnlyMs(in));
        direct.push_back(directClientMs(calls, connection));
        const ViewTimes first = openAndPaint(in, firstScreen, false);
        visible.push_back(first.answeredMs);
        visibleFrame.push_back(first.frameMs);
        visibleLag.push_back(first.paintedMs - first.answeredMs);
        visiblePanels = first.panels;
        const ViewTimes every = openAndPaint(in, everyPanel, true);
        all.push_back(every.paintedMs);
        allLag.push_back(every.paintedMs - every.answeredMs);
        paintAgain.push_back(every.paintEachAgainMs);
        allGuiCpu.push_back(every.guiCpuMs);
        allProcessCpu.push_back(every.processCpuMs);
        allPanels = every.panels;
    }
    std::printf("NodeExporter dashboard: %zu requests recorded from the engine in %zu waves "
                "(the last, the panels', %zu); %d interleaved rounds\n",
                requests, waves.size(), waves.rbegin()->second.size(), rounds);
    using PdBench::summarize;
    PdBench::printStats("network floor: the same requests replayed bare", summarize(floor));
    PdBench::printStats("engine alone: variables, requests, parsing", summarize(engineOnly));
    PdBench::printStats("the same requests through PrometheusClient directly, parsed",
                        summarize(direct));
    PdBench::printRatio("engine alone / Prometheus client directly", summarize(engineOnly),
                        summarize(direct), "<= 1.02");
    PdBench::printStats("open to first-screen panels answered (" + std::to_string(visiblePanels) +
                            " panels)",
                        summarize(visible));
    PdBench::printStats("  the window's frame that showed them all", summarize(visibleFrame));
    PdBench::printStats("  last answer to first screen painted (<= 16 ms)", summarize(visibleLag));
    PdBench::printStats("open to every panel answered and painted (" + std::to_string(allPanels) +
                            ", a window as tall as the dashboard)",
                        summarize(all));
    PdBench::printStats("  last answer to that frame", summarize(allLag));
    PdBench::printStats("  CPU time of the GUI thread until then", summarize(allGuiCpu));
    PdBench::printStats("  CPU time of the whole process until then", summarize(allProcessCpu));
    PdBench::printStats("  every panel painted again, one by one (not in the ratio)",
                        summarize(paintAgain));
    PdBench::printRatio("every panel painted / network floor", summarize(all), summarize(floor),
                        "<= 1.2");
    return 0;
}
