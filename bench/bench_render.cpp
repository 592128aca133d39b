// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// Drawing a large time series chart: 50 series x 10,000 points (the seeded data of
// bench/echarts, so ECharts draws the very same) into 1200x600, by our TimeSeriesChart and by
// the alternatives measured in the same run; the fidelity of M4 against all points; and the
// frame time of a zoom drag over a 1M-point series. Prints medians and ratios.
#include "benchharness.h"
#include "builtinplugins.h"
#include "m4decimator.h"
#include "pluginregistry.h"
#include "theme.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QValueAxis>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <perses-desktop/panelplugin.h>
#include <string_view>

namespace {

constexpr int seriesCount = 50;
constexpr int pointCount = 10000;
constexpr QSize canvas(1200, 600);
constexpr std::int64_t firstMs = 1700000000000;
constexpr std::int64_t stepMs = 15000;

struct Column
{
    std::vector<std::int64_t> timesMs;
    std::vector<double> values;
};

// The generator of bench/echarts/bench.mjs: xorshift32 seeded with 12345.
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

std::unique_ptr<PdPlugin::PanelView> timeSeriesChart()
{
    PdPlugin::PanelContext context;
    context.kind = QStringLiteral("TimeSeriesChart");
    context.seriesPalette = Pd::Gui::Theme::seriesPalette();
    std::unique_ptr<PdPlugin::PanelView> view(
        Pd::PluginRegistry::instance().panelPlugin(context.kind)->createPanel(context));
    view->widget()->setAttribute(Qt::WA_DontShowOnScreen);
    view->widget()->resize(canvas);
    view->widget()->show();
    return view;
}

QImage paint(QWidget *widget)
{
    QImage image(canvas, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    widget->render(&image);
    return image;
}

// Qt Charts drawing the points itself, as a QLineSeries per series.
double qtChartsMs(const std::vector<Column> &columns, bool decimated)
{
    QChartView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(canvas);
    view.show();
    return PdBench::medianMs(
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
                series->replace(points);
                chart->addSeries(series);
                series->attachAxis(x);
                series->attachAxis(y);
            }
            view.setChart(chart); // deletes the previous chart
            paint(&view);
        },
        3, 2.0);
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
        // 1 px: the pen TimeSeriesChart draws dense lines with (see TimeSeriesPlot).
        painter.setPen(QPen(palette.at(qsizetype(s) % palette.size()), 1.0));
        painter.drawPolyline(line);
    }
    return image;
}

double differingFraction(const QImage &a, const QImage &b)
{
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            differing += std::abs(qRed(p) - qRed(q)) > 64 || std::abs(qGreen(p) - qGreen(q)) > 64 ||
                         std::abs(qBlue(p) - qBlue(q)) > 64;
        }
    }
    return double(differing) / double(a.width() * a.height());
}

// A zoom drag repaints the chart with the selection band at every mouse move.
double dragFrameMs()
{
    const std::vector<Column> million = seededData(1, 1'000'000);
    std::unique_ptr<PdPlugin::PanelView> view = timeSeriesChart();
    const PdPlugin::PanelData data = panelData(million);
    view->setData(data);
    paint(view->widget()); // the decimation is made once, then kept
    QWidget *chart =
        view->widget()->findChild<QWidget *>(QStringLiteral("qt_scrollarea_viewport"))
            ? view->widget()->findChild<QWidget *>(QStringLiteral("qt_scrollarea_viewport"))
            : view->widget();
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(200, 300), QPointF(200, 300),
                      Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(chart, &press);
    int x = 200;
    const double ms = PdBench::medianMs(
        [&] {
            x = x >= 1000 ? 210 : x + 7;
            QMouseEvent move(QEvent::MouseMove, QPointF(x, 300), QPointF(x, 300), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(chart, &move);
            paint(view->widget());
        },
        50, 1.0);
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    Pd::importBuiltinPlugins();
    QApplication app(argc, argv);
    Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
    if (argc > 1 && std::string_view(argv[1]) == "drag") {
        std::printf("  %-44s %10.3f ms  (target < 16 ms)\n", "zoom drag frame, 1M-point series",
                    dragFrameMs());
        return 0;
    }
    const std::vector<Column> columns = seededData(seriesCount, pointCount);
    const PdPlugin::PanelData data = panelData(columns);

    std::printf("50 series x 10,000 points into 1200x600 (median of runs)\n");
    std::unique_ptr<PdPlugin::PanelView> ours = timeSeriesChart();
    const double oursMs = PdBench::medianMs(
        [&] {
            ours->setData(data);
            paint(ours->widget());
        },
        5, 2.0);
    PdBench::printRow("TimeSeriesChart (Qt Charts axes, QPainter M4)", oursMs, 0);
    const double allPointsMs = qtChartsMs(columns, false);
    PdBench::printRow("Qt Charts QLineSeries, all 500k points", allPointsMs, 0);
    const double m4ChartsMs = qtChartsMs(columns, true);
    PdBench::printRow("Qt Charts QLineSeries, M4 points", m4ChartsMs, 0);
    const double polyAllMs = PdBench::medianMs([&] { polylines(columns, false); }, 3, 1.0);
    PdBench::printRow("QPainter polylines, all points", polyAllMs, 0);
    const double polyM4Ms = PdBench::medianMs([&] { polylines(columns, true); }, 5, 1.0);
    PdBench::printRow("QPainter polylines, M4 points", polyM4Ms, 0);
    PdBench::printRatio("Qt Charts all points / TimeSeriesChart", allPointsMs / oursMs, "n/a");
    if (const char *echarts = std::getenv("PD_ECHARTS_MS")) {
        const double echartsMs = std::atof(echarts);
        PdBench::printRow("ECharts 5 in headless Chromium (bench/echarts)", echartsMs, 0);
        PdBench::printRatio("ECharts / TimeSeriesChart", echartsMs / oursMs, ">= 10");
    }
    const double differing = differingFraction(polylines(columns, true), polylines(columns, false));
    std::printf("  %-44s %10.3f %%   (target <= 0.5 %%)\n",
                "M4 vs all points: pixels off by > 64/255", differing * 100);
    std::printf("  %-44s %10.3f ms  (target < 16 ms)\n", "zoom drag frame, 1M-point series",
                dragFrameMs());
    return 0;
}
