// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "chartlegend.h"
#include "dashboardbundle.h"
#include "dashboardrenderer.h"
#include "dashboardview.h"
#include "elidedlabel.h"
#include "imagecomparison.h"
#include "panelframe.h"
#include "panelviews.h"
#include "pluginregistry.h"
#include "prometheustestserver.h"
#include "theme.h"
#include "timeseriescanvas.h"
#include "variablesbar.h"

#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPieSeries>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <perses-desktop/panelplugin.h>

namespace {

// 2026-01-01T00:00:00Z: the data, and so the images, never depend on the clock.
constexpr std::int64_t dataEnd = 1767225600;
const QString goldenDir = QStringLiteral(PD_TEST_DATA_DIR "/gui/golden");

QString goldenPath(const QString &panel)
{
    return goldenDir + u'/' + panel + QStringLiteral(".png");
}

QImage golden(const QString &panel)
{
    return QImage(goldenPath(panel));
}

// The golden image with `area` painted over in the panel's background (its colour just inside
// the frame's top-left corner), as if what was drawn there had not been.
QImage erased(const QString &panel, const QRect &area)
{
    QImage image = golden(panel);
    const QColor background = image.pixelColor(3, 3);
    QPainter painter(&image);
    painter.fillRect(area, background);
    return image;
}

// Two series of one sample each, 925 and 75: a pie's two slices, "HTTP 200 <suffix>" and
// "HTTP 500 <suffix>".
struct PieSlices
{
    std::vector<std::int64_t> times{0};
    std::vector<double> big{925};
    std::vector<double> small{75};

    PdPlugin::PanelData data(const QString &suffix) const
    {
        PdPlugin::PanelData out;
        out.toMs = 1000;
        PdPlugin::QueryView query;
        query.series.push_back({QStringLiteral("HTTP 200 ") + suffix, {}, times, big, {}});
        query.series.push_back({QStringLiteral("HTTP 500 ") + suffix, {}, times, small, {}});
        out.queries.push_back(std::move(query));
        return out;
    }
};

} // namespace

class TestPanels : public QObject
{
    Q_OBJECT

private:
    PrometheusTestServer m_prometheus{dataEnd};
    Pd::DashboardBundle m_bundle;
    QTemporaryDir m_out;

    Pd::Gui::DashboardRenderer::Request request(std::optional<std::string> panel) const
    {
        Pd::Gui::DashboardRenderer::Request r;
        r.dashboard = m_bundle.dashboards.front();
        r.settings.range = Pd::TimeRange{(dataEnd - 3600) * 1000, dataEnd * 1000};
        r.overrides.addFromArgument("test=" + m_prometheus.url().toStdString());
        r.panelId = std::move(panel);
        r.timeout = std::chrono::seconds(20);
        return r;
    }

    QImage render(const std::string &panel, Pd::Gui::DashboardRenderer::Outcome *outcome = nullptr)
    {
        return render(request(panel), outcome);
    }

    QImage render(const Pd::Gui::DashboardRenderer::Request &request,
                  Pd::Gui::DashboardRenderer::Outcome *outcome = nullptr)
    {
        const QString path =
            m_out.filePath(QString::fromStdString(*request.panelId) + QStringLiteral(".png"));
        QString error;
        const auto result = Pd::Gui::DashboardRenderer::render(request, path, error);
        if (outcome)
            *outcome = result;
        return error.isEmpty() ? QImage(path) : QImage();
    }

private slots:
    void initTestCase()
    {
        Pd::importBuiltinPlugins();
        Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
        const QString problem = m_prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!m_bundle.add(PD_TEST_DATA_DIR "/gui/panels.json", true));
        QCOMPARE(m_bundle.dashboards.size(), 1u);
    }

    void goldenImages_data()
    {
        QTest::addColumn<QString>("panel");
        for (const char *panel :
             {"timeseries", "bars", "stat", "gauge", "table", "seriestable", "barchart", "pie",
              "markdown", "status", "histogram", "heatmap", "unknown", "broken"})
            QTest::newRow(panel) << QString::fromLatin1(panel);
    }

    // Each panel kind drawn from the test Prometheus looks as it did when a person checked it.
    void goldenImages()
    {
        QFETCH(QString, panel);
        const QImage image = render(panel.toStdString());
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(800, 400));
        const QString path = goldenPath(panel);
        if (qEnvironmentVariableIsSet("PD_UPDATE_GOLDEN")) {
            // Fail, so that a run which rewrote the goldens can never pass for a test run.
            QVERIFY(image.save(path));
            QFAIL(qPrintable(path + QStringLiteral(" rewritten: look at it, then run again "
                                                   "without PD_UPDATE_GOLDEN")));
        }
        const QImage expected(path);
        QVERIFY2(!expected.isNull(), qPrintable(path + QStringLiteral(" is missing")));
        const auto comparison = PdTest::ImageComparison::compare(image, expected);
        if (!comparison.matches()) {
            image.save(m_out.filePath(panel + QStringLiteral("-actual.png")));
            comparison.differenceImage().save(m_out.filePath(panel + QStringLiteral("-diff.png")));
            m_out.setAutoRemove(false);
        }
        QVERIFY2(comparison.matches(),
                 qPrintable(QStringLiteral("%1: %2 (kept in %3)")
                                .arg(panel, comparison.summary(), m_out.path())));
    }

    // The comparison fails when the smallest thing a person would miss is gone: a legend row,
    // the y axis' labels, an error text (painted over in the golden image itself, so nothing
    // else moves).
    void comparisonCatchesErasedDetails_data()
    {
        QTest::addColumn<QString>("panel");
        QTest::addColumn<QRect>("area");
        QTest::newRow("legend row host-b")
            << QStringLiteral("timeseries") << QRect(8, 370, 784, 18);
        QTest::newRow("y axis labels") << QStringLiteral("timeseries") << QRect(2, 32, 36, 282);
        QTest::newRow("one y label") << QStringLiteral("timeseries") << QRect(8, 165, 30, 13);
        QTest::newRow("error text") << QStringLiteral("broken") << QRect(120, 200, 560, 20);
        QTest::newRow("panel title") << QStringLiteral("stat") << QRect(4, 6, 60, 20);
    }

    void comparisonCatchesErasedDetails()
    {
        QFETCH(QString, panel);
        QFETCH(QRect, area);
        const QImage expected = golden(panel);
        QVERIFY(PdTest::ImageComparison::compare(expected, expected).matches(0));
        const auto comparison = PdTest::ImageComparison::compare(erased(panel, area), expected);
        QVERIFY2(!comparison.matches(), qPrintable(comparison.summary()));
    }

    // The same for real drawings of a changed spec: each must fail against the golden image.
    void comparisonCatchesChangedDrawings_data()
    {
        QTest::addColumn<QString>("panel");
        QTest::addColumn<QString>("change");
        QTest::newRow("no legend") << QStringLiteral("timeseries") << QStringLiteral("legend");
        QTest::newRow("no y labels") << QStringLiteral("timeseries") << QStringLiteral("yAxis");
        QTest::newRow("series colour") << QStringLiteral("timeseries") << QStringLiteral("colour");
        QTest::newRow("error text") << QStringLiteral("broken") << QStringLiteral("query");
    }

    void comparisonCatchesChangedDrawings()
    {
        QFETCH(QString, panel);
        QFETCH(QString, change);
        Pd::Gui::DashboardRenderer::Request r = request(panel.toStdString());
        auto it =
            std::ranges::find(r.dashboard.spec.panels, panel.toStdString(), &Pd::Model::Panel::id);
        QVERIFY(it != r.dashboard.spec.panels.end());
        Pd::Node &spec = it->plugin.spec;
        if (change == u"legend") {
            QVERIFY(spec.remove("legend"));
        } else if (change == u"yAxis") {
            Pd::Node axis = Pd::Node::object();
            axis.set("show", Pd::Node::boolean(false));
            spec.set("yAxis", axis);
        } else if (change == u"colour") {
            Pd::Node settings = Pd::Node::object();
            settings.set("queryIndex", Pd::Node::number(0));
            settings.set("colorMode", Pd::Node::string("fixed"));
            settings.set("colorValue", Pd::Node::string("#8e24aa"));
            Pd::Node list = Pd::Node::array();
            list.append(settings);
            spec.set("querySettings", list);
        } else {
            Pd::Node &query = it->queries.front().plugin.spec;
            query.set("query", Pd::Node::string("rate(pd_requests_total[5m]"));
        }
        const QImage image = render(r);
        QVERIFY(!image.isNull());
        const auto comparison = PdTest::ImageComparison::compare(image, golden(panel));
        QVERIFY2(!comparison.matches(), qPrintable(comparison.summary()));
    }

    // host-b is at 30 °C, above the 25 step: the stat's background takes the step's red.
    void statTakesThresholdColour()
    {
        const QImage image = render("stat");
        QVERIFY(!image.isNull());
        const QColor centre = image.pixelColor(40, 200);
        QCOMPARE(centre.name(), QStringLiteral("#ee6c6c"));
    }

    // A failed query is reported by render (exit 1) and shown in its panel; the others draw.
    void brokenQueryIsReportedOnItsPanel()
    {
        Pd::Gui::DashboardRenderer::Outcome outcome;
        QVERIFY(!render("broken", &outcome).isNull());
        QCOMPARE(outcome.errors.size(), 1);
        QVERIFY2(outcome.errors.front().startsWith(QStringLiteral("broken: Query 1: bad_data")),
                 qPrintable(outcome.errors.front()));
        QVERIFY(!outcome.timedOut);
        QVERIFY(render("timeseries", &outcome).width() > 0);
        QVERIFY(outcome.errors.isEmpty());
    }

    // Dragging across a time series chart asks the dashboard for the range under the drag;
    // clicking a legend row isolates its series (the other rows dim).
    void dragZoomsAndLegendIsolates()
    {
        std::optional<std::pair<qint64, qint64>> requested;
        PdPlugin::PanelContext context;
        context.kind = QStringLiteral("TimeSeriesChart");
        context.spec =
            QJsonObject{{QStringLiteral("legend"),
                         QJsonObject{{QStringLiteral("position"), QStringLiteral("bottom")}}}};
        context.seriesPalette = Pd::Gui::Theme::seriesPalette();
        context.requestTimeRange = [&](qint64 from, qint64 to) { requested = {from, to}; };
        std::unique_ptr<PdPlugin::PanelView> view = PdTest::createPanelView(context);
        const std::vector<std::int64_t> times = {0, 250'000, 500'000, 750'000, 1'000'000};
        const std::vector<double> a = {1, 2, 3, 2, 1};
        const std::vector<double> b = {3, 2, 1, 2, 3};
        PdPlugin::PanelData data;
        data.fromMs = 0;
        data.toMs = 1'000'000;
        PdPlugin::QueryView query;
        query.series.push_back({QStringLiteral("a"), {}, times, a, {}});
        query.series.push_back({QStringLiteral("b"), {}, times, b, {}});
        data.queries.push_back(query);
        view->widget()->setAttribute(Qt::WA_DontShowOnScreen);
        view->widget()->resize(800, 400);
        view->widget()->show();
        view->setData(data);
        QVERIFY(view->hasContent());
        auto *chart = view->widget()->findChild<PdPanels::TimeSeriesCanvas *>();
        QVERIFY(chart);
        QTRY_VERIFY(chart->plotArea().width() > 100);
        const QRectF plot = chart->plotArea();
        const QPoint start =
            QPointF(plot.left() + plot.width() * 0.25, plot.center().y()).toPoint();
        const QPoint end = QPointF(plot.left() + plot.width() * 0.75, plot.center().y()).toPoint();
        QTest::mousePress(chart, Qt::LeftButton, {}, start);
        QMouseEvent move(QEvent::MouseMove, QPointF(end), chart->mapToGlobal(QPointF(end)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(chart, &move);
        QTest::mouseRelease(chart, Qt::LeftButton, {}, end);
        QVERIFY(requested);
        QVERIFY2(std::abs(requested->first - 250'000) < 5'000,
                 qPrintable(QString::number(requested->first)));
        QVERIFY2(std::abs(requested->second - 750'000) < 5'000,
                 qPrintable(QString::number(requested->second)));

        auto *legend = view->widget()->findChild<PdPanels::ChartLegend *>();
        QVERIFY(legend);
        QCOMPARE(legend->entries().size(), 2u);
        QCOMPARE(legend->entries()[1].name, QStringLiteral("b"));
        QTest::mouseClick(legend->viewport(), Qt::LeftButton, {}, legend->rowRect(1).center());
        QVERIFY(!legend->entries()[0].visible); // a is hidden
        QVERIFY(legend->entries()[1].visible);
        QTest::mouseClick(legend->viewport(), Qt::LeftButton, {}, legend->rowRect(1).center());
        QVERIFY(legend->entries()[0].visible); // all shown again
        QVERIFY(legend->entries()[1].visible);
    }

    // A multi-value variable: the search hides what does not match, "All" and single values
    // exclude each other, and the choice is applied once, when the popup closes.
    void multiValueVariablePicker()
    {
        Pd::VariableState state;
        state.spec.kind = Pd::Model::VariableKind::List;
        state.spec.name = "instance";
        state.spec.allowMultiple = true;
        state.spec.allowAllValue = true;
        state.options = {{"web-1", "web-1"}, {"web-2", "web-2"}, {"db-1", "db-1"}};
        state.selected = Pd::VariableValue::list({"$__all"});
        Pd::Gui::VariablesBar bar;
        std::vector<std::map<std::string, Pd::VariableValue>> emitted;
        connect(&bar, &Pd::Gui::VariablesBar::valuesChanged, this,
                [&](const std::map<std::string, Pd::VariableValue> &values) {
                    emitted.push_back(values);
                });
        bar.setStates({state});
        auto *button = bar.findChild<QToolButton *>();
        QVERIFY(button && button->menu());
        QCOMPARE(button->text(), QStringLiteral("All"));
        auto *list = button->menu()->findChild<QListWidget *>();
        auto *search = button->menu()->findChild<QLineEdit *>();
        QVERIFY(list && search);
        QCOMPARE(list->count(), 4);
        search->setText(QStringLiteral("WEB"));
        QVERIFY(!list->item(0)->isHidden()); // All stays
        QVERIFY(!list->item(1)->isHidden());
        QVERIFY(list->item(3)->isHidden());                   // db-1
        list->item(2)->setCheckState(Qt::Checked);            // web-2
        QCOMPARE(list->item(0)->checkState(), Qt::Unchecked); // All left
        list->item(1)->setCheckState(Qt::Checked);            // web-1
        QVERIFY(emitted.empty());                             // nothing runs while picking
        QMetaObject::invokeMethod(button->menu(), "aboutToHide");
        QCOMPARE(emitted.size(), 1u);
        QCOMPARE(emitted.front().at("instance").values,
                 (std::vector<std::string>{"web-1", "web-2"}));
        list->item(0)->setCheckState(Qt::Checked); // All again
        QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
        QCOMPARE(list->item(2)->checkState(), Qt::Unchecked);
    }

    // The dashboard's timezone labels the time axis; "" is the user's zone (UTC in this test).
    void timeAxisFollowsTheDashboardZone_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("firstHour");
        QTest::newRow("local") << QString() << QStringLiteral("00:");
        QTest::newRow("Tokyo") << QStringLiteral("Asia/Tokyo") << QStringLiteral("09:");
        QTest::newRow("unknown falls back") << QStringLiteral("Mars/Base") << QStringLiteral("00:");
    }

    void timeAxisFollowsTheDashboardZone()
    {
        QFETCH(QString, zone);
        QFETCH(QString, firstHour);
        PdPlugin::PanelContext context;
        context.kind = QStringLiteral("TimeSeriesChart");
        context.timeZone = zone;
        std::unique_ptr<PdPlugin::PanelView> view = PdTest::createPanelView(context);
        const std::vector<std::int64_t> times = {dataEnd * 1000, dataEnd * 1000 + 3'600'000};
        const std::vector<double> values = {1, 2};
        PdPlugin::PanelData data;
        data.fromMs = times.front();
        data.toMs = times.back();
        PdPlugin::QueryView query;
        query.series.push_back({QStringLiteral("a"), {}, times, values, {}});
        data.queries.push_back(query);
        view->widget()->setAttribute(Qt::WA_DontShowOnScreen);
        view->widget()->resize(800, 300);
        view->widget()->show();
        view->setData(data);
        auto *chart = view->widget()->findChild<PdPanels::TimeSeriesCanvas *>();
        QVERIFY(chart);
        QTRY_VERIFY(!chart->timeLabels().empty());
        QVERIFY2(chart->timeLabels().front().text.startsWith(firstHour),
                 qPrintable(chart->timeLabels().front().text));
    }

    // Native histograms reach the heat map through the plugin interface: one row per bucket,
    // the fullest cell in the deepest colour, empty cells in the palest.
    void heatMapDrawsNativeHistograms()
    {
        PdPlugin::PanelContext context;
        context.kind = QStringLiteral("HeatMapChart");
        context.spec = QJsonObject{{QStringLiteral("showVisualMap"), false}};
        std::unique_ptr<PdPlugin::PanelView> view = PdTest::createPanelView(context);
        const std::vector<PdPlugin::HistogramBucketView> first = {{0, 0, 1, 10}, {0, 1, 2, 0}};
        const std::vector<PdPlugin::HistogramBucketView> second = {{0, 0, 1, 0}, {0, 1, 2, 10}};
        const std::vector<PdPlugin::HistogramSampleView> samples = {{0, 10, 5, first},
                                                                    {500'000, 10, 15, second}};
        const std::vector<std::int64_t> times = {0, 500'000};
        const std::vector<double> sums = {5, 15};
        PdPlugin::PanelData data;
        data.fromMs = 0;
        data.toMs = 1'000'000;
        PdPlugin::QueryView query;
        query.series.push_back({QStringLiteral("h"), {}, times, sums, samples});
        data.queries.push_back(query);
        view->widget()->setAttribute(Qt::WA_DontShowOnScreen);
        view->widget()->resize(400, 200);
        view->widget()->show();
        view->setData(data);
        QVERIFY(view->hasContent());
        const QImage image = view->widget()->grab().toImage();
        // Plot from x = 64 to 392, y = 4 to 172: bucket (0,1] is the lower row.
        const QColor fullLowEarly = image.pixelColor(100, 130);
        const QColor emptyHighEarly = image.pixelColor(100, 45);
        const QColor fullHighLate = image.pixelColor(300, 45);
        QVERIFY2(fullLowEarly.red() > 150 && fullLowEarly.green() < 60,
                 qPrintable(fullLowEarly.name()));
        QCOMPARE(fullHighLate.name(), fullLowEarly.name());
        QVERIFY2(emptyHighEarly.green() > 200, qPrintable(emptyHighEarly.name()));
    }

    // Pie labels beside the pie fit whole: in a narrower panel the pie gets smaller rather
    // than the labels cut to "HTTP 500: ...", in a narrow one it goes without them; with room
    // to spare it keeps the size the spec asks.
    void pieLabelsKeepTheirRoom()
    {
        PdPlugin::PanelContext context;
        context.kind = QStringLiteral("PieChart");
        context.spec = QJsonObject{{QStringLiteral("showLabels"), true},
                                   {QStringLiteral("radius"), 50},
                                   {QStringLiteral("calculation"), QStringLiteral("last")}};
        std::unique_ptr<PdPlugin::PanelView> view = PdTest::createPanelView(context);
        const PieSlices slices;
        const PdPlugin::PanelData data = slices.data(QStringLiteral("responses"));
        auto *chart = qobject_cast<QChartView *>(view->widget());
        QVERIFY(chart);
        chart->setAttribute(Qt::WA_DontShowOnScreen);
        chart->resize(1200, 600);
        chart->show();
        view->setData(data);
        QTest::qWait(50); // the plot area is laid out by the event loop
        auto pieSize = [chart] {
            const QList<QAbstractSeries *> series = chart->chart()->series();
            return series.isEmpty() ? -1.0 : static_cast<QPieSeries *>(series.front())->pieSize();
        };
        auto labelsShown = [chart] {
            const QList<QAbstractSeries *> series = chart->chart()->series();
            return !series.isEmpty() &&
                   static_cast<QPieSeries *>(series.front())->slices().front()->isLabelVisible();
        };
        QCOMPARE(pieSize(), 0.7 * 1.0); // the spec's radius 50 %, the label room kept
        QVERIFY(labelsShown());
        // Narrower: a smaller pie so that the labels still fit.
        chart->resize(560, 420);
        QTRY_VERIFY(pieSize() < 0.7);
        QVERIFY(labelsShown());
        // No room for both: the pie at its size, without labels cut to "HTTP ...".
        chart->resize(260, 220);
        QTRY_VERIFY(!labelsShown());
        QCOMPARE(pieSize(), 0.7 * 1.0);
    }

    // A legend on the right goes below the pie while the panel is too narrow for its names
    // beside it, rather than Qt cutting them to "HTTP ...".
    void pieLegendMovesBelowWhenNarrow()
    {
        PdPlugin::PanelContext context;
        context.kind = QStringLiteral("PieChart");
        context.spec =
            QJsonObject{{QStringLiteral("calculation"), QStringLiteral("last")},
                        {QStringLiteral("legend"),
                         QJsonObject{{QStringLiteral("position"), QStringLiteral("right")}}}};
        std::unique_ptr<PdPlugin::PanelView> view = PdTest::createPanelView(context);
        const PieSlices slices;
        const PdPlugin::PanelData data = slices.data(QStringLiteral("responses of the API"));
        auto *chart = qobject_cast<QChartView *>(view->widget());
        QVERIFY(chart);
        chart->setAttribute(Qt::WA_DontShowOnScreen);
        chart->resize(1200, 400);
        chart->show();
        view->setData(data);
        QCOMPARE(chart->chart()->legend()->alignment(), Qt::AlignRight);
        chart->resize(380, 400);
        QCOMPARE(chart->chart()->legend()->alignment(), Qt::AlignBottom);
        chart->resize(1200, 400);
        QCOMPARE(chart->chart()->legend()->alignment(), Qt::AlignRight);
    }

    // A status history narrower than 150 px still draws its rows: its label column once took a
    // fixed 140 px and left nothing to draw in (the narrow edit pane showed an empty panel).
    void narrowStatusHistoryDrawsItsRows()
    {
        PdPlugin::PanelContext context;
        context.kind = QStringLiteral("StatusHistoryChart");
        context.seriesPalette = {QColor(0, 200, 0)};
        std::unique_ptr<PdPlugin::PanelView> view = PdTest::createPanelView(context);
        const std::vector<std::int64_t> times = {0, 500'000};
        const std::vector<double> values = {1, 1};
        PdPlugin::PanelData data;
        data.toMs = 1'000'000;
        PdPlugin::QueryView query;
        query.series.push_back(
            {QStringLiteral("a service with a long name"), {}, times, values, {}});
        data.queries.push_back(query);
        view->widget()->resize(120, 150);
        view->setData(data);
        const QImage image = view->widget()->grab().toImage();
        int green = 0;
        for (int x = 0; x < image.width(); ++x)
            green += image.pixelColor(x, 40) == QColor(0, 200, 0);
        QVERIFY2(green > 60, qPrintable(QString::number(green)));
    }

    // A title wider than its panel ends in an ellipsis, whole in the tooltip, rather than
    // cut mid-letter ("Averag").
    void narrowTitlesEndInAnEllipsis()
    {
        Pd::Model::Panel panel;
        panel.id = "avg";
        panel.display.name = "Average CPU of every instance";
        panel.plugin.kind = "Markdown";
        PdPlugin::PanelContext context;
        context.kind = QStringLiteral("Markdown");
        Pd::Gui::PanelFrame frame(panel, context);
        frame.setAttribute(Qt::WA_DontShowOnScreen);
        frame.resize(600, 200);
        frame.show();
        QTest::qWait(20);
        auto *title = frame.findChild<Pd::Gui::ElidedLabel *>();
        QVERIFY(title);
        QCOMPARE(title->text(), QStringLiteral("Average CPU of every instance"));
        QVERIFY(title->toolTip().isEmpty());
        frame.resize(110, 200);
        QTRY_VERIFY(title->text().endsWith(QChar(0x2026)));
        QVERIFY(title->text().startsWith(QStringLiteral("Av")));
        QCOMPARE(title->toolTip(), QStringLiteral("Average CPU of every instance"));
        QCOMPARE(frame.title(), QStringLiteral("Average CPU of every instance"));
    }

    // A repeated item: a frame per value once the variable resolves, titled with its value;
    // a panel id finds its first copy (render --panel, Maximise).
    void repeatedPanelsGetFrames()
    {
        Pd::Model::Dashboard dashboard;
        dashboard.metadata.name = "repeat";
        Pd::Model::VariableSpec site;
        site.kind = Pd::Model::VariableKind::Text;
        site.name = "site";
        site.value = "lab";
        dashboard.spec.variables.push_back(site);
        Pd::Model::Panel notes;
        notes.id = "notes";
        notes.display.name = "Notes for $site";
        notes.plugin.kind = "Markdown";
        notes.plugin.spec = Pd::Node::object();
        dashboard.spec.panels.push_back(notes);
        Pd::Model::GridLayout grid;
        grid.items.push_back(
            Pd::Model::GridItem{0, 0, 12, 4, "notes", Pd::Model::ItemRepeat{"site", 4, false}, {}});
        dashboard.spec.layouts.push_back(grid);
        Pd::DashboardQueryEngine::Settings settings;
        settings.range = Pd::TimeRange{0, 3'600'000};
        Pd::Gui::DashboardView view(dashboard, {}, {}, {}, settings);
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.resize(800, 400);
        view.show();
        QTRY_VERIFY(view.frame("notes@site=lab"));
        QCOMPARE(view.frameIdFor("notes"), std::string("notes@site=lab"));
        QVERIFY(!view.frame("notes"));
        auto *title = view.frame("notes@site=lab")->findChild<QLabel *>();
        QVERIFY(title);
        QCOMPARE(title->text(), QStringLiteral("Notes for lab"));
    }

    // A theme change rebuilds the views in the new palette with the data they had: no query
    // runs again and the chart's labels take the dark theme's text colour.
    void themeChangeKeepsData()
    {
        Pd::Gui::DashboardRenderer::Request r = request(std::nullopt);
        Pd::Gui::DashboardView view(r.dashboard, {}, {}, r.overrides, r.settings);
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.resize(1200, 600);
        view.show();
        Pd::Gui::PanelFrame *frame = view.frame("timeseries");
        QTRY_VERIFY(frame->findChild<PdPanels::TimeSeriesCanvas *>());
        QTRY_VERIFY(!frame->isLoading());
        Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Dark);
        view.restyle();
        auto *chart = frame->findChild<PdPanels::TimeSeriesCanvas *>();
        QVERIFY(chart);
        // The canvas paints its labels in its palette's text colour, which follows the
        // application's once the change has reached it.
        QTRY_VERIFY2(chart->palette().color(QPalette::WindowText).lightnessF() > 0.6,
                     qPrintable(chart->palette().color(QPalette::WindowText).name()));
        Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
        QCOMPARE(view.engine().requestsInFlight(), 0);
        QVERIFY(!frame->isLoading());
        const auto values = chart->shownValueLabels();
        QVERIFY(std::ranges::find(values, QStringLiteral("30°C"),
                                  &PdPanels::TimeSeriesCanvas::AxisLabel::text) !=
                values.end()); // the data's scale
    }

    // The grid as Perses draws it at a known width: 24 columns of (1200 - 10) / 24 px with
    // 10 px margins, 8 rows of 30 px plus margins per panel.
    void layoutAtKnownWidth()
    {
        Pd::Gui::DashboardRenderer::Request r = request(std::nullopt);
        Pd::Gui::DashboardView view(r.dashboard, {}, {}, r.overrides, r.settings);
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.resize(1200 + view.verticalScrollBar()->sizeHint().width(), 600);
        view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
        view.show();
        QTRY_COMPARE(view.viewport()->width(), 1200);
        Pd::Gui::PanelFrame *first = view.frame("timeseries");
        Pd::Gui::PanelFrame *second = view.frame("bars");
        Pd::Gui::PanelFrame *third = view.frame("stat");
        QVERIFY(first && second && third);
        // column width (1200 - 10 * 25) / 24 = 39.583; 12 columns = 12 * 39.583 + 11 * 10
        QCOMPARE(first->geometry(), QRect(10, 10, 585, 8 * 30 + 7 * 10));
        QCOMPARE(second->geometry(), QRect(605, 10, 585, 310));
        QCOMPARE(third->geometry(), QRect(10, 330, 585, 310));
        // Panels below the fold have not queried: only what is seen runs.
        QTRY_VERIFY(!first->isLoading());
        QVERIFY(!view.frame("broken")->isLoading());
        QVERIFY(!view.frame("broken")->hasErrors());
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
