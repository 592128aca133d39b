// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "annotationevents.h"
#include "builtinplugins.h"
#include "dashboardpage.h"
#include "dashboardview.h"
#include "modeldecoder.h"
#include "panelframe.h"
#include "prometheustestserver.h"
#include "resourcefile.h"
#include "theme.h"
#include "timeseriescanvas.h"
#include "yamlreader.h"

#include <QApplication>
#include <QImage>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

#include <cmath>

namespace {

// 2026-01-01T00:00:00Z: samples every 15 s for six hours before it, host-a's temperature
// 20 + (i % 10) at the i-th sample (tests/common/prometheustestserver.cpp).
constexpr std::int64_t dataEnd = 1767225600;
constexpr std::int64_t rangeFrom = dataEnd - 1800;

// Queried at 60 s steps, host-a reads the sample 4k: 20 + (4k % 10), so 20, 24, 28, 22, 26
// for k % 5 = 0..4. "> 27" holds at single steps (moments); "> 21" for four steps out of
// five (regions of three minutes).
constexpr const char *dashboardText = R"(kind: Dashboard
metadata: {name: annotated, project: test}
spec:
  duration: 30m
  annotations:
    - display: {name: Hot, color: "#ff00ff"}
      plugin:
        kind: PrometheusPromQLAnnotation
        spec:
          expr: pd_temperature_celsius{instance="host-a"} > 27
          title: hot {{instance}}
          tags: [instance]
    - display: {name: Warm, color: "#00c000", hidden: true}
      plugin:
        kind: PrometheusPromQLAnnotation
        spec: {expr: 'pd_temperature_celsius{instance="host-a"} > 21', legend: 'job {{job}}'}
    - display: {name: Broken, description: never answers well}
      plugin:
        kind: PrometheusPromQLAnnotation
        spec: {expr: 'rate(('}
  panels:
    chart:
      kind: Panel
      spec:
        display: {name: Info}
        plugin: {kind: TimeSeriesChart, spec: {}}
        queries:
          - kind: TimeSeriesQuery
            spec:
              plugin: {kind: PrometheusTimeSeriesQuery, spec: {query: 'pd_info{job="node"}'}}
  layouts:
    - kind: Grid
      spec:
        items:
          - {x: 0, 'y': 0, width: 24, height: 10, content: {$ref: '#/spec/panels/chart'}}
)";

Pd::Model::Dashboard readDashboard()
{
    const Pd::ResourceFile file =
        Pd::ResourceReader::readText(dashboardText, "annotated.yaml", Pd::DocumentFormat::Yaml);
    return Pd::ModelDecoder::dashboard(file.resources.front().node);
}

Pd::Series series(std::vector<std::int64_t> times, std::vector<double> values)
{
    Pd::Series s;
    s.labels = {{"__name__", "up"}, {"job", "node"}, {"instance", "host-a"}};
    s.timesMs = std::move(times);
    s.values = std::move(values);
    return s;
}

bool isColour(QColor pixel, QColor wanted)
{
    return std::abs(pixel.red() - wanted.red()) < 40 &&
           std::abs(pixel.green() - wanted.green()) < 40 &&
           std::abs(pixel.blue() - wanted.blue()) < 40;
}

} // namespace

// Annotations (§4.8): events from their queries, drawn on time series charts, toggled from
// the toolbar, errors on their toggle.
class TestAnnotations : public QObject
{
    Q_OBJECT

private:
    PrometheusTestServer m_prometheus{dataEnd};

    Pd::Gui::PanelFrame *chartFrame(Pd::Gui::DashboardPage &page)
    {
        return page.view()->frame("chart");
    }

    // The panel as drawn (the chart's own background is transparent), and where its plot
    // area is in the image.
    QImage chartImage(Pd::Gui::DashboardPage &page, QRect *plot)
    {
        Pd::Gui::PanelFrame *frame = chartFrame(page);
        auto *canvas = frame->findChild<PdPanels::TimeSeriesCanvas *>();
        if (!canvas)
            return {};
        QApplication::processEvents();
        const QRect inCanvas = canvas->plotArea().toAlignedRect();
        *plot = inCanvas.translated(canvas->mapTo(frame, QPoint(0, 0)));
        return frame->grab().toImage();
    }

    static int xAt(const QRect &plot, std::int64_t seconds)
    {
        return plot.left() +
               int(std::lround(double(seconds - rangeFrom) / 1800.0 * double(plot.width())));
    }

    // Pixels of the colour in the marker row along the bottom of the plot.
    static int markerPixels(const QImage &image, const QRect &plot, QColor colour)
    {
        int count = 0;
        for (int y = plot.bottom() - 6; y <= plot.bottom(); ++y) {
            for (int x = plot.left(); x <= plot.right(); ++x)
                count += isColour(image.pixelColor(x, y), colour);
        }
        return count;
    }

private slots:
    void initTestCase()
    {
        Pd::importBuiltinPlugins();
        Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
        const QString problem = m_prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // A series is an event a run of samples: gaps longer than a step and a half split it.
    void eventsFromSeries()
    {
        const Pd::Node spec = Pd::YamlReader::parse("title: '{{instance}} hot'\n"
                                                    "legend: 'job {{job}}'\ntags: [job]\n")
                                  .documents.front();
        const double nan = std::nan("");
        const std::vector<Pd::Series> input = {
            series({0, 60'000, 120'000, 300'000, 360'000, 600'000}, {1, 1, 1, 1, nan, 1})};
        const auto events = Pd::AnnotationEvents::fromSeries(input, spec, 60);
        QCOMPARE(events.size(), 3u);
        QCOMPARE(events[0].startMs, 0);
        QCOMPARE(events[0].endMs, 120'000);
        QCOMPARE(events[1].startMs, 300'000); // the NaN at 360 s ends it
        QCOMPARE(events[1].endMs, 300'000);
        QCOMPARE(events[2].startMs, 600'000);
        QCOMPARE(events[0].title, std::string("host-a hot"));
        QCOMPARE(events[0].text, std::string("job node"));
        QCOMPARE(events[0].tags, (Pd::Labels{{"job", "node"}}));
        // No title: the series' labels; no tags listed: all of them.
        const auto plain = Pd::AnnotationEvents::fromSeries(input, Pd::Node(), 60);
        QCOMPARE(plain[0].title, std::string("up{instance=\"host-a\",job=\"node\"}"));
        QCOMPARE(plain[0].tags.size(), 3u);
        QVERIFY(plain[0].text.empty());
    }

    // Against a real Prometheus: the events where the queries say, drawn where they are,
    // toggled off and on from the toolbar; a failed query says so on its toggle.
    void drawnWhereTheirQueriesSay()
    {
        Pd::DatasourceOverrides overrides;
        overrides.addFromArgument("test=" + m_prometheus.url().toStdString());
        Pd::Gui::DashboardPage page(readDashboard(), {}, {}, overrides);
        page.resize(1200, 600);
        page.show();
        page.view()->setTimeRange(Pd::TimeRange{rangeFrom * 1000, dataEnd * 1000});
        auto &engine = page.view()->engine();
        QTRY_VERIFY_WITH_TIMEOUT(
            engine.annotations().size() == 3 &&
                std::ranges::all_of(engine.annotations(), &Pd::AnnotationResult::finished),
            60000);
        const Pd::AnnotationResult &hot = engine.annotations()[0];
        QVERIFY2(hot.error.empty(), hot.error.c_str());
        QCOMPARE(hot.query, std::string("pd_temperature_celsius{instance=\"host-a\"} > 27"));
        QCOMPARE(hot.window.stepSeconds, 60.0);
        std::vector<std::int64_t> moments;
        for (const Pd::AnnotationEvent &event : hot.events) {
            QCOMPARE(event.startMs, event.endMs);
            QCOMPARE(event.title, std::string("hot host-a"));
            QCOMPARE(event.tags, (Pd::Labels{{"instance", "host-a"}}));
            moments.push_back(event.startMs / 1000);
        }
        // Steps k ≡ 2 (mod 5) counted from the data's start, six hours (360 steps) before
        // its end.
        const std::vector<std::int64_t> expected = {dataEnd - 1680, dataEnd - 1380, dataEnd - 1080,
                                                    dataEnd - 780,  dataEnd - 480,  dataEnd - 180};
        QCOMPARE(moments, expected);

        const Pd::AnnotationResult &warm = engine.annotations()[1];
        QCOMPARE(warm.events.size(), 6u);
        QCOMPARE(warm.events[0].startMs / 1000, dataEnd - 1740);
        QCOMPARE(warm.events[0].endMs / 1000, dataEnd - 1560);
        QCOMPARE(warm.events[0].text, std::string("job node"));

        const Pd::AnnotationResult &broken = engine.annotations()[2];
        QVERIFY2(broken.error.find("parse error") != std::string::npos, broken.error.c_str());

        // The toolbar: one toggle each, Warm off as its spec hides it, Broken in red with
        // Prometheus' words.
        const auto &toggles = page.annotationToggles();
        QCOMPARE(toggles.size(), 3u);
        QCOMPARE(toggles[0]->text(), QStringLiteral("Hot"));
        QVERIFY(toggles[0]->isChecked());
        QVERIFY(!toggles[1]->isChecked());
        QVERIFY2(toggles[2]->toolTip().contains(QStringLiteral("parse error")),
                 qPrintable(toggles[2]->toolTip()));
        QVERIFY(toggles[2]->styleSheet().contains(QStringLiteral("#d9534f")));

        // Drawn: a magenta marker at each moment, nothing green while Warm is off.
        QTRY_VERIFY_WITH_TIMEOUT(chartFrame(page)->findChild<PdPanels::TimeSeriesCanvas *>(),
                                 60000);
        QRect plot;
        QImage image;
        QTRY_VERIFY_WITH_TIMEOUT(
            (image = chartImage(page, &plot), markerPixels(image, plot, Qt::magenta) > 0), 60000);
        for (const std::int64_t moment : expected) {
            const int x = xAt(plot, moment);
            QVERIFY2(isColour(image.pixelColor(x, plot.bottom() - 2), Qt::magenta),
                     qPrintable(QStringLiteral("no marker at x %1").arg(x)));
            QVERIFY2(!isColour(image.pixelColor(x + 15, plot.bottom() - 2), Qt::magenta),
                     qPrintable(QStringLiteral("a marker beside x %1").arg(x)));
        }
        const QColor green(0, 0xc0, 0);
        QCOMPARE(markerPixels(image, plot, green), 0);

        // Hovering a marker names its event.
        auto *chart = chartFrame(page)->findChild<PdPanels::TimeSeriesCanvas *>();
        const QPoint marker =
            chart->mapFrom(chartFrame(page), QPoint(xAt(plot, expected[2]), plot.bottom() - 3));
        QTest::mouseMove(chart, marker);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("hot host-a")),
                 qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(QStringLiteral("instance=host-a")));

        // Hot off, Warm on: no magenta; green triangles at both ends of each region.
        toggles[0]->click();
        toggles[1]->click();
        QApplication::processEvents();
        image = chartImage(page, &plot);
        QCOMPARE(markerPixels(image, plot, Qt::magenta), 0);
        QVERIFY(isColour(image.pixelColor(xAt(plot, dataEnd - 1740), plot.bottom() - 2), green));
        QVERIFY(isColour(image.pixelColor(xAt(plot, dataEnd - 1560), plot.bottom() - 2), green));
        // Between the two ends the region is shaded, lighter than its markers.
        const QColor shade = image.pixelColor(xAt(plot, dataEnd - 1650), plot.center().y());
        QVERIFY2(shade.green() > shade.red() + 30 && shade.red() > 100, qPrintable(shade.name()));
        toggles[0]->click();
        QApplication::processEvents();
        QVERIFY(markerPixels(chartImage(page, &plot), plot, Qt::magenta) > 0);
    }
};

QTEST_MAIN(TestAnnotations)
#include "tst_annotations.moc"
