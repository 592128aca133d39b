// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// Drawing a large time series chart: 50 series x 10,000 points (the seeded data of the browser
// baselines, so ECharts and uPlot draw the very same) into 1200x600, by our
// TimeSeriesChart through the panel plugin API and by the alternatives measured in the same
// run; the fidelity of M4 against every point on the product's own drawing path; and the
// frame time of a zoom drag over a 1M-point series.
//
// Both sides do the same work. "Fresh": a new chart is made in a shown window (as the browsers
// make theirs in a loaded page) and handed the data, events are processed until it is laid
// out, and it is painted. "Refresh": a chart already showing the
// data is handed a new copy of it, events processed, painted. The browser side times the same
// two things to pixels (bench/browser). Every side strokes the width TimeSeriesPlot strokes
// dense lines with (strokeWidth); Perses' default lineWidth is 1.25, which our plot draws as 1 px
// on dense data, because QPainter's antialiased 1.25 px stroke costs some 150-250 ms here. Every
// figure is the median and range of 15 runs after 3 warm-ups, as there. Each of our frames is
// checked: lines in the plot, labels on both axes, and no change when more events are processed (so
// no stale layout was timed).
#include "benchharness.h"
#include "bringtofront.h"
#include "builtinplugins.h"
#include "m4decimator.h"
#include "pluginregistry.h"
#include "theme.h"
#include "timeseriescanvas.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QImage>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QStackedLayout>
#include <QValueAxis>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <perses-desktop/panelplugin.h>
#include <string_view>

namespace {

constexpr int seriesCount = 50;
constexpr int pointCount = 10000;
constexpr QSize canvas(1200, 600);
constexpr std::int64_t firstMs = 1700000000000;
constexpr std::int64_t stepMs = 15000;
// What TimeSeriesPlot strokes dense lines of lineWidth <= 1.5 with; scripts/bench hands the
// same to the browsers (BENCH_LINE_WIDTH).
constexpr double strokeWidth = 1.0;

struct Column
{
    std::vector<std::int64_t> timesMs;
    std::vector<double> values;
};

// The generator of bench/browser/data.mjs: xorshift32 seeded with 12345.
std::vector<Column> seededData(int series, int points)
{
    std::uint32_t x = 12345;
    auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return x;
    };
    std::vector<Column> data(static_cast<std::size_t>(series));
    for (int s = 0; s < series; ++s) {
        Column &column = data[std::size_t(s)];
        for (int i = 0; i < points; ++i) {
            column.timesMs.push_back(firstMs + std::int64_t(i) * stepMs);
            column.values.push_back(s * 10 + 20 * std::sin(i / 300.0 + s) +
                                    double(next()) / 4294967296.0 * 5);
        }
    }
    return data;
}

PdPlugin::PanelData panelData(const std::vector<Column> &columns)
{
    PdPlugin::PanelData data;
    data.fromMs = columns.front().timesMs.front();
    data.toMs = columns.front().timesMs.back();
    PdPlugin::QueryView query;
    for (std::size_t s = 0; s < columns.size(); ++s)
        query.series.push_back(
            {QStringLiteral("series %1").arg(s), {}, columns[s].timesMs, columns[s].values, {}});
    data.queries.push_back(std::move(query));
    return data;
}

void settle();

// The window charts are made in, shown once before anything is timed: a dashboard makes its
// panels' charts inside a shown window, as the browsers make theirs in a loaded page. (A chart
// shown as a window of its own is painted twice at its first show, which no panel is.)
QStackedLayout &hostWindow()
{
    static QStackedLayout *layout = nullptr;
    if (!layout) {
        auto *host = new QWidget; // lives as long as the process: never outlives the app
        host->setAttribute(Qt::WA_DontShowOnScreen);
        host->resize(canvas);
        layout = new QStackedLayout(host);
        layout->setContentsMargins(0, 0, 0, 0);
        host->show();
        settle();
    }
    return *layout;
}

// A new chart, the one the window shows. As a dashboard's panel frame does, the chart is made,
// handed its data, and only then brought to the front (with the frame's own function).
std::unique_ptr<PdPlugin::PanelView> timeSeriesChart(const PdPlugin::PanelData &data)
{
    PdPlugin::PanelContext context;
    context.kind = QStringLiteral("TimeSeriesChart");
    context.seriesPalette = Pd::Gui::Theme::seriesPalette();
    std::unique_ptr<PdPlugin::PanelView> view(
        Pd::PluginRegistry::instance().panelPlugin(context.kind)->createPanel(context));
    QStackedLayout &host = hostWindow();
    host.addWidget(view->widget());
    view->setData(data);
    Pd::Gui::bringToFront(host, *view->widget());
    return view;
}

// What a window does before it paints a frame: posted events (Qt Charts' layout requests,
// the scene's updates) delivered until none is left to change the picture.
void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

// Counts the paints that a chart's views get from the event loop: the frames its window shows.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *chart)
    {
        // Our chart paints on its canvas, Qt Charts' on its views' viewports.
        for (QWidget *surface : chart->findChildren<PdPanels::TimeSeriesCanvas *>())
            surface->installEventFilter(this);
        QList<QGraphicsView *> views = chart->findChildren<QGraphicsView *>();
        if (auto *view = qobject_cast<QGraphicsView *>(chart))
            views.append(view);
        for (QGraphicsView *view : views)
            view->viewport()->installEventFilter(this);
    }
    int paints() const { return m_paints; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        m_paints += event->type() == QEvent::Paint;
        return false;
    }

private:
    int m_paints = 0;
};

// After a change, what a shown window does: events delivered until the change is laid out
// and painted into the window's backing store (the offscreen platform's is a real raster
// image), the frame a person sees. One paint, as the browsers' one draw; stops the benchmark
// when no paint came.
int showFrame(QWidget *chart)
{
    PaintCounter counter(chart);
    settle();
    if (counter.paints() == 0) {
        std::fprintf(stderr, "bench_render: the change was never painted\n");
        std::exit(1);
    }
    return counter.paints();
}

// A picture of the chart as it stands, for checking it: a paint of its own, never timed.
QImage paint(QWidget *widget)
{
    QImage image(canvas, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    widget->render(&image);
    return image;
}

// Qt Charts drawing the points itself, as a QLineSeries per series.
PdBench::Stats qtCharts(const std::vector<Column> &columns, bool decimated)
{
    QChartView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(canvas);
    view.show();
    return PdBench::measure(
        [&] {
            QChart *chart = new QChart;
            chart->legend()->hide();
            auto *x = new QValueAxis;
            auto *y = new QValueAxis;
            chart->addAxis(x, Qt::AlignBottom);
            chart->addAxis(y, Qt::AlignLeft);
            x->setRange(double(firstMs), double(columns.front().timesMs.back()));
            y->setRange(-30, 520);
            for (const Column &column : columns) {
                QList<QPointF> points;
                if (decimated) {
                    for (const auto &p : Pd::M4Decimator::decimate(column.timesMs, column.values,
                                                                   column.timesMs.front(),
                                                                   column.timesMs.back() + 1, 1150))
                        points.append(QPointF(double(p.timeMs), p.value));
                } else {
                    for (std::size_t i = 0; i < column.values.size(); ++i)
                        points.append(QPointF(double(column.timesMs[i]), column.values[i]));
                }
                auto *series = new QLineSeries;
                series->setPen(QPen(Qt::blue, strokeWidth));
                series->replace(points);
                chart->addSeries(series);
                series->attachAxis(x);
                series->attachAxis(y);
            }
            view.setChart(chart); // deletes the previous chart
            showFrame(&view);
        },
        decimated ? PdBench::defaultRuns : 5, decimated ? PdBench::defaultWarmups : 1);
}

// Plain QPainter polylines in plot coordinates: every point, or the M4 points.
QImage polylines(const std::vector<Column> &columns, bool decimated)
{
    QImage image(canvas, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QList<QColor> palette = Pd::Gui::Theme::seriesPalette();
    const double from = double(columns.front().timesMs.front());
    const double span = double(columns.front().timesMs.back()) - from;
    for (std::size_t s = 0; s < columns.size(); ++s) {
        const Column &column = columns[s];
        QPolygonF line;
        auto add = [&](std::int64_t t, double v) {
            line.append(QPointF((double(t) - from) / span * canvas.width(),
                                canvas.height() - (v + 30) / 550 * canvas.height()));
        };
        if (decimated) {
            for (const auto &p :
                 Pd::M4Decimator::decimate(column.timesMs, column.values, column.timesMs.front(),
                                           column.timesMs.back() + 1, canvas.width()))
                add(p.timeMs, p.value);
        } else {
            for (std::size_t i = 0; i < column.values.size(); ++i)
                add(column.timesMs[i], column.values[i]);
        }
        painter.setPen(QPen(palette.at(qsizetype(s) % palette.size()), strokeWidth));
        painter.drawPolyline(line);
    }
    return image;
}

// Pixels of `area` where some channel differs by more than 64/255.
double differingFraction(const QImage &a, const QImage &b, const QRect &area)
{
    qint64 differing = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            differing += std::abs(qRed(p) - qRed(q)) > 64 || std::abs(qGreen(p) - qGreen(q)) > 64 ||
                         std::abs(qBlue(p) - qBlue(q)) > 64;
        }
    }
    return double(differing) / double(qint64(area.width()) * area.height());
}

PdPanels::TimeSeriesPlot *plotOf(QWidget *chart)
{
    auto *surface = chart->findChild<PdPanels::TimeSeriesCanvas *>();
    return surface ? &surface->plot() : nullptr;
}

// The plot area in widget pixels.
QRect plotRect(QWidget *chart)
{
    auto *surface = chart->findChild<PdPanels::TimeSeriesCanvas *>();
    if (!surface)
        return {};
    const QRect inCanvas = surface->plotArea().toAlignedRect();
    return QRect(surface->mapTo(chart, inCanvas.topLeft()), inCanvas.size()) &
           QRect(QPoint(), canvas);
}

int inkedPixels(const QImage &image, const QRect &area, double belowLightness)
{
    int inked = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            inked += image.pixelColor(x, y).lightnessF() < belowLightness;
    return inked;
}

// A frame we time must be a finished one: lines in the plot, labels left of and below it,
// and nothing left to change it when more events are processed. Stops the benchmark if not.
void checkFrame(const char *what, QWidget *chart)
{
    const QRect plot = plotRect(chart);
    const QImage timed = paint(chart);
    settle();
    const QImage settled = paint(chart);
    const char *problem = nullptr;
    if (plot.width() < 800 || plot.height() < 400)
        problem = "the plot area is missing or small";
    else if (inkedPixels(timed, plot, 0.9) < 50000)
        problem = "the plot has almost no lines";
    else if (inkedPixels(timed, QRect(0, plot.top(), plot.left() - 2, plot.height()), 0.5) < 150)
        problem = "the value axis has no labels";
    else if (inkedPixels(timed, QRect(plot.left(), plot.bottom() + 3, plot.width(), 16), 0.5) < 150)
        problem = "the time axis has no labels";
    else if (differingFraction(timed, settled, QRect(QPoint(), canvas)) > 0)
        problem = "the timed frame was stale: processing more events changed it";
    if (problem) {
        timed.save(QStringLiteral("bench_render-%1.png").arg(QLatin1String(what)));
        std::fprintf(stderr, "bench_render: %s frame: %s (saved as bench_render-%s.png)\n", what,
                     problem, what);
        std::exit(1);
    }
}

// M4 against every point, both drawn by the product's own TimeSeriesPlot, over the plot.
double fidelity(QWidget *chart)
{
    PdPanels::TimeSeriesPlot *plot = plotOf(chart);
    const QRect area = plotRect(chart);
    const QImage decimated = paint(chart);
    plot->setDrawEveryPoint(true);
    const QImage every = paint(chart);
    plot->setDrawEveryPoint(false);
    return differingFraction(decimated, every, area);
}

// The browser's figure for NAME (PD_NAME_MS and PD_NAME_RANGE="min-max" from scripts/bench).
std::optional<PdBench::Stats> browserStats(const char *name)
{
    const QByteArray median = qgetenv((std::string("PD_") + name + "_MS").c_str());
    const QList<QByteArray> range =
        qgetenv((std::string("PD_") + name + "_RANGE").c_str()).split('-');
    if (median.isEmpty() || range.size() != 2)
        return std::nullopt;
    return PdBench::Stats{median.toDouble(), range[0].toDouble(), range[1].toDouble(),
                          PdBench::defaultRuns};
}

// A zoom drag repaints the chart with the selection band at every mouse move.
PdBench::Stats dragFrame()
{
    const std::vector<Column> million = seededData(1, 1'000'000);
    const PdPlugin::PanelData data = panelData(million);
    std::unique_ptr<PdPlugin::PanelView> view = timeSeriesChart(data);
    paint(view->widget()); // the decimation is made once, then kept
    QWidget *chart = view->widget()->findChild<PdPanels::TimeSeriesCanvas *>();
    if (!chart) {
        std::fprintf(stderr, "bench_render: the chart has no canvas\n");
        std::exit(1);
    }
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(200, 300), QPointF(200, 300),
                      Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(chart, &press);
    int x = 200;
    return PdBench::measure(
        [&] {
            x = x >= 1000 ? 210 : x + 7;
            QMouseEvent move(QEvent::MouseMove, QPointF(x, 300), QPointF(x, 300), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(chart, &move);
            showFrame(view->widget()); // the window's own frame, with the band moved
        },
        51, 5);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    Pd::importBuiltinPlugins();
    QApplication app(argc, argv);
    Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
    if (argc > 1 && std::string_view(argv[1]) == "drag") {
        PdBench::printStats("zoom drag frame, 1M-point series (< 16 ms)", dragFrame());
        return 0;
    }
    const std::vector<Column> columns = seededData(seriesCount, pointCount);
    const std::vector<Column> copy = columns; // a refresh brings new arrays
    const PdPlugin::PanelData data = panelData(columns);
    const PdPlugin::PanelData refreshed = panelData(copy);

    std::printf("50 series x 10,000 points into 1200x600, spec lineWidth 1.25; median (min-max) "
                "of %d runs after %d warm-ups\n",
                PdBench::defaultRuns, PdBench::defaultWarmups);
    const QByteArray browserWidth = qgetenv("BENCH_LINE_WIDTH");
    if (browserWidth.isEmpty())
        std::printf("  stroked at %.2f px (no browser figures)\n", strokeWidth);
    else
        std::printf("  stroked at %.2f px here, at %s px in the browsers%s\n", strokeWidth,
                    browserWidth.constData(),
                    browserWidth.toDouble() == strokeWidth ? "" : ": NOT LIKE FOR LIKE");
    std::vector<std::unique_ptr<PdPlugin::PanelView>> made; // destroyed outside the timing
    std::vector<int> freshPaints; // paints each frame took: one, as the browsers draw once
    const PdBench::Stats fresh = PdBench::measure([&] {
        made.push_back(timeSeriesChart(data));
        freshPaints.push_back(showFrame(made.back()->widget()));
    });
    checkFrame("fresh", made.back()->widget());
    std::unique_ptr<PdPlugin::PanelView> ours = std::move(made.back());
    made.clear();
    bool flip = false;
    std::vector<int> refreshPaints;
    const PdBench::Stats refresh = PdBench::measure([&] {
        ours->setData((flip = !flip) ? refreshed : data);
        refreshPaints.push_back(showFrame(ours->widget()));
    });
    checkFrame("refresh", ours->widget());
    PdBench::printStats("TimeSeriesChart, fresh chart", fresh);
    PdBench::printStats("TimeSeriesChart, refresh of a shown chart", refresh);
    const auto once = [](const std::vector<int> &paints) { return std::ranges::count(paints, 1); };
    std::printf(
        "    frames painted once (warm-ups included): fresh %td of %zu, refresh %td of %zu\n",
        once(freshPaints), freshPaints.size(), once(refreshPaints), refreshPaints.size());
    // Where a refresh goes: handing over the data, then the events up to the painted frame.
    std::vector<double> handOver, shown;
    for (int i = 0; i < PdBench::defaultRuns; ++i) {
        using Clock = std::chrono::steady_clock;
        using Ms = std::chrono::duration<double, std::milli>;
        const auto start = Clock::now();
        ours->setData((flip = !flip) ? refreshed : data);
        const auto handed = Clock::now();
        showFrame(ours->widget());
        handOver.push_back(Ms(handed - start).count());
        shown.push_back(Ms(Clock::now() - handed).count());
    }
    PdBench::printStats("  refresh: setData", PdBench::summarize(handOver));
    PdBench::printStats("  refresh: layout and the window's paint", PdBench::summarize(shown));
    if (argc > 1 && std::string_view(argv[1]) == "chart")
        return 0; // ours alone, for a profiler
    PdBench::printStats("Qt Charts QLineSeries, all 500k points (fresh)", qtCharts(columns, false));
    PdBench::printStats("Qt Charts QLineSeries, M4 points (fresh)", qtCharts(columns, true));
    PdBench::printStats("QPainter polylines, all points",
                        PdBench::measure([&] { polylines(columns, false); }));
    PdBench::printStats("QPainter polylines, M4 points",
                        PdBench::measure([&] { polylines(columns, true); }));
    for (const auto &[name, label] :
         {std::pair{"ECHARTS", "ECharts"}, std::pair{"UPLOT", "uPlot"}}) {
        const auto browserFresh = browserStats((std::string(name) + "_FRESH").c_str());
        const auto browserRefresh = browserStats((std::string(name) + "_REFRESH").c_str());
        if (!browserFresh || !browserRefresh) {
            std::printf("  %s: no figures (run through scripts/bench)\n", label);
            continue;
        }
        const std::string target = std::string(name) == "ECHARTS" ? ">= 10" : ">= 3";
        PdBench::printStats(std::string(label) + " in headless Chromium, fresh", *browserFresh);
        PdBench::printStats(std::string(label) + " in headless Chromium, refresh", *browserRefresh);
        PdBench::printRatio(std::string(label) + " / ours, fresh", *browserFresh, fresh, target);
        PdBench::printRatio(std::string(label) + " / ours, refresh", *browserRefresh, refresh,
                            target);
    }
    std::printf("  %-50s %10.3f %%   (target <= 0.5 %%)\n",
                "M4 vs every point, product drawing, plot area: pixels off by > 64/255",
                fidelity(ours->widget()) * 100);
    PdBench::printStats("zoom drag frame, 1M-point series (< 16 ms)", dragFrame());
    return 0;
}
