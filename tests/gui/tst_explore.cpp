// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "codeeditor.h"
#include "dashboardpage.h"
#include "dashboardview.h"
#include "explorewindow.h"
#include "modeldecoder.h"
#include "panelframe.h"
#include "prometheustestserver.h"
#include "queryeditor.h"
#include "resourcefile.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QStandardPaths>
#include <QTest>

namespace {

constexpr std::int64_t dataEnd = 1767225600; // 2026-01-01T00:00:00Z

constexpr const char *dashboardText = R"(kind: Dashboard
metadata: {name: explored, project: test}
spec:
  variables:
    - kind: TextVariable
      spec: {name: job, value: node}
  panels:
    chart:
      kind: Panel
      spec:
        display: {name: Temperature}
        plugin: {kind: TimeSeriesChart, spec: {}}
        queries:
          - kind: TimeSeriesQuery
            spec:
              plugin:
                kind: PrometheusTimeSeriesQuery
                spec: {query: 'pd_temperature_celsius{job="$job"}'}
  layouts:
    - kind: Grid
      spec:
        items:
          - {x: 0, 'y': 0, width: 24, height: 8, content: {$ref: '#/spec/panels/chart'}}
)";

} // namespace

// Explore: a panel's queries opened with the dashboard's datasources, range and variables;
// a query typed and run; the metric browser and the history.
class TestExplore : public QObject
{
    Q_OBJECT

private:
    PrometheusTestServer m_prometheus{dataEnd};

    static std::size_t seriesOf(Pd::Gui::ExploreWindow &explore, const char *panel)
    {
        const Pd::PanelResult *result = explore.results()->engine().panelResult(panel);
        if (!result || !result->isFinished() || result->queries.empty())
            return 0;
        return result->queries.front().response.result.series().size();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the history goes to a test folder
        QCoreApplication::setOrganizationName(QStringLiteral("perses-desktop-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_explore"));
        Pd::importBuiltinPlugins();
        Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
        const QString problem = m_prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void panelQueriesRunInExplore()
    {
        const Pd::ResourceFile file =
            Pd::ResourceReader::readText(dashboardText, "explored.yaml", Pd::DocumentFormat::Yaml);
        Pd::DatasourceOverrides overrides;
        overrides.addFromArgument("test=" + m_prometheus.url().toStdString());
        Pd::Gui::DashboardPage page(Pd::ModelDecoder::dashboard(file.resources.front().node), {},
                                    {}, overrides);
        page.resize(1000, 600);
        page.show();
        page.view()->setTimeRange(Pd::TimeRange{(dataEnd - 1800) * 1000, dataEnd * 1000});
        QTRY_VERIFY_WITH_TIMEOUT(page.view()->isComplete(), 60000);
        // The panel's menu offers it.
        Pd::Gui::PanelFrame *frame = page.view()->frame("chart");
        QVERIFY(frame->findChild<QAction *>(QStringLiteral("explore")));

        Pd::Gui::ExploreWindow *explore = page.explore(QStringLiteral("chart"));
        QVERIFY(explore);
        QCOMPARE(explore->queries().size(), 1u);
        QCOMPARE(explore->queries().front()->promql()->toPlainText(),
                 QStringLiteral("pd_temperature_celsius{job=\"$job\"}"));
        // The dashboard's range and $job's value: host-a and host-b, on the chart and the table.
        QCOMPARE(explore->results()->timeRange().toMs, dataEnd * 1000);
        QTRY_COMPARE_WITH_TIMEOUT(seriesOf(*explore, "graph"), 2u, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(seriesOf(*explore, "table"), 2u, 60000);
        const Pd::QueryResult &sent =
            explore->results()->engine().panelResult("graph")->queries.front();
        QCOMPARE(sent.query, std::string("pd_temperature_celsius{job=\"node\"}"));
        QVERIFY(!sent.instant);
        QVERIFY(explore->results()->engine().panelResult("table")->queries.front().instant);

        // The metric browser lists the datasource's metrics; one chosen goes into the query.
        QTRY_VERIFY_WITH_TIMEOUT(!explore->metricBrowser()
                                      ->findItems(QStringLiteral("pd_info"), Qt::MatchExactly)
                                      .isEmpty(),
                                 60000);
        Pd::Gui::CodeEditor *promql = explore->queries().front()->promql();
        promql->clear();
        QListWidgetItem *info = explore->metricBrowser()
                                    ->findItems(QStringLiteral("pd_info"), Qt::MatchExactly)
                                    .front();
        emit explore->metricBrowser()->itemActivated(info);
        QCOMPARE(promql->toPlainText(), QStringLiteral("pd_info"));

        // Run: three pd_info series, and the query heads the history.
        explore->run();
        QTRY_COMPARE_WITH_TIMEOUT(seriesOf(*explore, "graph"), 3u, 60000);
        QCOMPARE(Pd::Gui::ExploreWindow::storedHistory().value(0), QStringLiteral("pd_info"));
        QCOMPARE(explore->history()->item(0)->text(), QStringLiteral("pd_info"));
        // A second query runs beside the first.
        Pd::Node second = Pd::Node::object();
        explore->addQuery(second)->promql()->setPlainText(QStringLiteral("pd_temperature_celsius"));
        explore->run();
        QTRY_VERIFY_WITH_TIMEOUT(
            explore->results()->engine().panelResult("graph") &&
                explore->results()->engine().panelResult("graph")->isFinished(),
            60000);
        const auto &queries = explore->results()->engine().panelResult("graph")->queries;
        QCOMPARE(queries.size(), 2u);
        QCOMPARE(queries[1].response.result.series().size(), 2u);
        QCOMPARE(
            Pd::Gui::ExploreWindow::storedHistory().mid(0, 2),
            (QStringList{QStringLiteral("pd_temperature_celsius"), QStringLiteral("pd_info")}));
        // A broken query says so on the chart's panel, as on a dashboard.
        promql->setPlainText(QStringLiteral("rate(("));
        explore->run();
        QTRY_VERIFY_WITH_TIMEOUT(explore->results()->frame("graph")->hasErrors(), 60000);
        QVERIFY(explore->results()->frame("graph")->errors().join(u' ').contains(
            QStringLiteral("parse error")));
    }
};

QTEST_MAIN(TestExplore)
#include "tst_explore.moc"
