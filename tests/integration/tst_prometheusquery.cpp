// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "clirun.h"
#include "prometheustestserver.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using Run = PdTest::CliRun;

} // namespace

// `perses-desktop query` against a real Prometheus over backfilled data with known values.
class TestPrometheusQuery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString problem = m_prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void chainedVariablesAndValues()
    {
        const Run r = query({QStringLiteral("--var"), QStringLiteral("job=node")});
        QCOMPARE(r.exitCode, 1); // the "broken" panel fails; the rest is printed all the same
        QCOMPARE(r.json.value(QStringLiteral("timeRange"))
                     .toObject()
                     .value(QStringLiteral("from"))
                     .toDouble(),
                 double(m_prometheus.startSeconds()) * 1000);

        const QJsonArray variables = r.json.value(QStringLiteral("variables")).toArray();
        QCOMPARE(variables.size(), 5);
        QCOMPARE(variable(variables, "job").value(QStringLiteral("options")).toArray(),
                 strings({"api", "node"}));
        QCOMPARE(variable(variables, "job").value(QStringLiteral("value")).toString(),
                 QStringLiteral("node"));
        // chained on $job; All selected first, as a list
        QCOMPARE(variable(variables, "instance").value(QStringLiteral("options")).toArray(),
                 strings({"host-a", "host-b"}));
        QCOMPARE(variable(variables, "instance").value(QStringLiteral("value")).toArray(),
                 strings({"$__all"}));
        QCOMPARE(variable(variables, "code").value(QStringLiteral("value")).toString(),
                 QStringLiteral("200"));
        // PromQL variable, sorted descending for display
        QCOMPARE(variable(variables, "hottest").value(QStringLiteral("options")).toArray(),
                 strings({"host-b", "host-a"}));
        QCOMPARE(variable(variables, "hottest").value(QStringLiteral("value")).toString(),
                 QStringLiteral("host-b"));
        QCOMPARE(variable(variables, "threshold").value(QStringLiteral("value")).toString(),
                 QStringLiteral("25"));

        const QJsonObject temperature = onlyQuery(r, "temperature");
        QCOMPARE(
            temperature.value(QStringLiteral("query")).toString(),
            QStringLiteral("pd_temperature_celsius{job=\"node\", instance=~\"(host-a|host-b)\"}"));
        QCOMPARE(temperature.value(QStringLiteral("step")).toDouble(), 60.0);
        QCOMPARE(temperature.value(QStringLiteral("datasource")).toString(),
                 QStringLiteral("prom"));
        QCOMPARE(temperature.value(QStringLiteral("error")), QJsonValue(QJsonValue::Null));
        const QJsonArray series = temperature.value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), 2);
        const QJsonObject hostA = series.at(0).toObject();
        QCOMPARE(hostA.value(QStringLiteral("name")).toString(), QStringLiteral("host-a"));
        QCOMPARE(hostA.value(QStringLiteral("points")).toInt(), 361); // 6 h at 60 s, both ends
        QCOMPARE(hostA.value(QStringLiteral("first")).toArray(),
                 (QJsonArray{double(m_prometheus.startSeconds()) * 1000, 20}));
        QCOMPARE(hostA.value(QStringLiteral("last")).toArray(),
                 (QJsonArray{double(m_prometheus.endSeconds()) * 1000, 20}));
        QCOMPARE(series.at(1).toObject().value(QStringLiteral("last")).toArray().at(1).toDouble(),
                 30.0);

        // rate over $__rate_interval = max(60 + 60, 4 × 60) s: 10 per 15 s
        const QJsonObject requests = onlyQuery(r, "requests");
        QCOMPARE(requests.value(QStringLiteral("query")).toString(),
                 QStringLiteral("rate(pd_requests_total{code=\"200\"}[4m])"));
        const QJsonObject rate =
            requests.value(QStringLiteral("series")).toArray().at(0).toObject();
        QCOMPARE(rate.value(QStringLiteral("name")).toString(), QStringLiteral("200 on host-a"));
        QVERIFY(std::abs(rate.value(QStringLiteral("last")).toArray().at(1).toDouble() -
                         10.0 / 15.0) < 1e-9);

        // 20 + (i % 10) > 25 at every fourth sample: 26 or 28 on two minutes out of five
        const QJsonArray hot = onlyQuery(r, "hot").value(QStringLiteral("series")).toArray();
        QCOMPARE(hot.size(), 2);
        QCOMPARE(hot.at(0).toObject().value(QStringLiteral("points")).toInt(), 144);
        QCOMPARE(hot.at(1).toObject().value(QStringLiteral("points")).toInt(), 361);

        // half of every ten requests are under 0.1 s
        const QJsonObject p50 =
            onlyQuery(r, "latency").value(QStringLiteral("series")).toArray().at(0).toObject();
        QCOMPARE(p50.value(QStringLiteral("name")).toString(), QStringLiteral("p50"));
        QVERIFY(std::abs(p50.value(QStringLiteral("last")).toArray().at(1).toDouble() - 0.1) <
                1e-9);

        const QJsonObject broken = onlyQuery(r, "broken");
        QVERIFY(broken.value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("parse error")));
        QVERIFY(
            broken.value(QStringLiteral("error")).toString().contains(QStringLiteral("HTTP 400")));
    }

    void variablesFromTheCommandLine()
    {
        const Run r = query({QStringLiteral("--var"), QStringLiteral("job=node"),
                             QStringLiteral("--var"), QStringLiteral("instance=host-b"),
                             QStringLiteral("--var"), QStringLiteral("code=500"),
                             QStringLiteral("--panel"), QStringLiteral("temperature"),
                             QStringLiteral("--panel"), QStringLiteral("requests")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("panels")).toArray().size(), 2);
        QCOMPARE(onlyQuery(r, "temperature").value(QStringLiteral("query")).toString(),
                 QStringLiteral("pd_temperature_celsius{job=\"node\", instance=~\"(host-b)\"}"));
        const QJsonObject rate =
            onlyQuery(r, "requests").value(QStringLiteral("series")).toArray().at(0).toObject();
        QVERIFY(std::abs(rate.value(QStringLiteral("last")).toArray().at(1).toDouble() -
                         1.0 / 15.0) < 1e-9);
    }

    void defaultJobIsTheFirstOption()
    {
        const Run r = query({QStringLiteral("--panel"), QStringLiteral("temperature")});
        QCOMPARE(r.exitCode, 0);
        // job = api has no temperature: an empty result is not an error
        QCOMPARE(onlyQuery(r, "temperature").value(QStringLiteral("series")).toArray().size(), 0);
        QCOMPARE(variable(r.json.value(QStringLiteral("variables")).toArray(), "instance")
                     .value(QStringLiteral("options"))
                     .toArray(),
                 strings({"host-a"}));
    }

    // No variables: queries go out at once (a CLI run once waited for ever here).
    void dashboardWithoutVariables()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plain.yaml"));
        QVERIFY(writePlainDashboard(path));
        const Run r = queryFile(path, {});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(onlyQuery(r, "info").value(QStringLiteral("series")).toArray().size(), 3);
        // The comma stays in the value of a single-value variable.
        const Run text = query({QStringLiteral("--var"), QStringLiteral("threshold=1,5"),
                                QStringLiteral("--panel"), QStringLiteral("hot")});
        QCOMPARE(variable(text.json.value(QStringLiteral("variables")).toArray(), "threshold")
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("1,5"));
    }

    // `query` prints the annotations after the panels, with their events; one that fails
    // makes the run fail as a failed panel query does.
    void annotationsArePrinted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("annotated.yaml"));
        QVERIFY(writePlainDashboard(
            path, "  annotations:\n    - display: {name: Hot}\n      plugin:\n"
                  "        kind: PrometheusPromQLAnnotation\n"
                  "        spec: {expr: 'pd_temperature_celsius{instance=\"host-a\"} > 27', "
                  "title: 'hot {{instance}}', tags: [instance]}\n"));
        QFile file(path);
        const Run r = queryFile(path, {});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray annotations = r.json.value(QStringLiteral("annotations")).toArray();
        QCOMPARE(annotations.size(), 1);
        const QJsonObject hot = annotations.at(0).toObject();
        QCOMPARE(hot.value(QStringLiteral("name")).toString(), QStringLiteral("Hot"));
        QCOMPARE(hot.value(QStringLiteral("panel")), QJsonValue(QJsonValue::Null));
        QCOMPARE(hot.value(QStringLiteral("error")), QJsonValue(QJsonValue::Null));
        // 28 at every fifth 60 s step, from the third: 72 moments in six hours.
        const QJsonArray events = hot.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 72);
        const QJsonObject first = events.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("start")).toDouble(),
                 double(m_prometheus.startSeconds() + 120) * 1000);
        QCOMPARE(first.value(QStringLiteral("end")), first.value(QStringLiteral("start")));
        QCOMPARE(first.value(QStringLiteral("title")).toString(), QStringLiteral("hot host-a"));
        QCOMPARE(first.value(QStringLiteral("tags")).toObject(),
                 (QJsonObject{{QStringLiteral("instance"), QStringLiteral("host-a")}}));

        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray text = file.readAll();
        text.replace("> 27", "> (");
        file.resize(0);
        file.write(text);
        file.close();
        const Run broken = queryFile(path, {});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY(broken.json.value(QStringLiteral("annotations"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("parse error")));
        // A hidden annotation is printed but does not fail the run: nobody sees it.
        QVERIFY(file.open(QIODevice::ReadWrite));
        text = file.readAll();
        text.replace("{name: Hot}", "{name: Hot, hidden: true}");
        file.resize(0);
        file.write(text);
        file.close();
        QCOMPARE(queryFile(path, {}).exitCode, 0);
        // A dashboard without annotations prints no such key: the output it always had.
        QVERIFY(!query({QStringLiteral("--panel"), QStringLiteral("temperature")})
                     .json.contains(QStringLiteral("annotations")));
    }

    // The window starts, and draws, when the user datasources file names a header kept in
    // the keyring: reading it once spun for ever, before the application existed to answer.
    void windowStartsWithKeyringHeaders()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("config/perses-desktop")));
        QFile config(dir.filePath(QStringLiteral("config/perses-desktop/datasources.yaml")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("datasources:\n  prom:\n    url: " + m_prometheus.url().toUtf8() +
                     "\n    secretHeaders: [X-Scope-OrgID]\n");
        config.close();
        const QString path = dir.filePath(QStringLiteral("plain.yaml"));
        QVERIFY(writePlainDashboard(path));
        QProcess window;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("PD_STARTUP_PROBE"), QStringLiteral("1"));
        window.setProcessEnvironment(environment);
        window.start(QStringLiteral(PD_EXECUTABLE), {path});
        // A bound for a hang, not a speed limit: the probe itself gives up after a minute.
        QVERIFY2(window.waitForFinished(120000), "the window never painted its dashboard");
        QCOMPARE(window.exitCode(), 0);
        QVERIFY(window.readAllStandardOutput().contains("startup-probe: painted"));
    }

    // Datasources kept beside the dashboards, as in a dashboards-as-code repository.
    void datasourcesFromResourceFolders()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkdir(QStringLiteral("datasources"));
        QFile datasource(dir.filePath(QStringLiteral("datasources/prometheus.yaml")));
        QVERIFY(datasource.open(QIODevice::WriteOnly));
        datasource.write("kind: GlobalDatasource\nmetadata: {name: prom}\nspec:\n  default: true\n"
                         "  plugin:\n    kind: PrometheusDatasource\n    spec: {directUrl: '" +
                         m_prometheus.url().toUtf8() + "'}\n");
        datasource.close();
        const Run run = PdTest::runCli(
            {QStringLiteral("query"), dashboard(), QStringLiteral("--resources"),
             dir.filePath(QStringLiteral("datasources")), QStringLiteral("--panel"),
             QStringLiteral("temperature"), QStringLiteral("--var"), QStringLiteral("job=node"),
             QStringLiteral("--from"), QString::number(m_prometheus.startSeconds()),
             QStringLiteral("--to"), QString::number(m_prometheus.endSeconds())});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject query = run.json.value(QStringLiteral("panels"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QStringLiteral("queries"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(query.value(QStringLiteral("datasource")).toString(), QStringLiteral("prom"));
        QCOMPARE(query.value(QStringLiteral("series")).toArray().size(), 2);
    }

    void textFormatAndUsageErrors()
    {
        QCOMPARE(PdTest::runCli({QStringLiteral("query"), QStringLiteral("--format"),
                                 QStringLiteral("xml"), dashboard()})
                     .exitCode,
                 2);
        const Run unknownPanel =
            PdTest::runCli({QStringLiteral("query"), dashboard(), QStringLiteral("--panel"),
                            QStringLiteral("nope")});
        QCOMPARE(unknownPanel.exitCode, 2);
        QVERIFY(unknownPanel.err.contains(QStringLiteral("no panel 'nope'")));
        const Run text = query({QStringLiteral("--var"), QStringLiteral("job=node"),
                                QStringLiteral("--panel"), QStringLiteral("temperature"),
                                QStringLiteral("--format"), QStringLiteral("text")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("variable job = node  (options: api, node)")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("host-a: 361 points, last 20")));
    }

private:
    QString dashboard() const { return PdTest::testData(QStringLiteral("query/chained.yaml")); }

    Run query(QStringList extra) { return queryFile(dashboard(), std::move(extra)); }

    // A dashboard of one pd_info chart and no variables; `spec` adds to its spec.
    static bool writePlainDashboard(const QString &path, const QByteArray &spec = {})
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) &&
               file.write("kind: Dashboard\nmetadata: {name: plain}\nspec:\n" + spec +
                          "  panels:\n    info:\n"
                          "      kind: Panel\n      spec:\n        plugin: {kind: "
                          "TimeSeriesChart}\n"
                          "        queries:\n          - kind: TimeSeriesQuery\n            spec:\n"
                          "              plugin: {kind: PrometheusTimeSeriesQuery, spec: {query: "
                          "pd_info}}\n"
                          "  layouts:\n    - kind: Grid\n      spec:\n        items:\n"
                          "          - {x: 0, 'y': 0, width: 24, height: 6, content: {$ref: "
                          "'#/spec/panels/info'}}\n") > 0;
    }

    Run queryFile(const QString &file, QStringList extra)
    {
        QStringList arguments = {
            QStringLiteral("query"),        file,
            QStringLiteral("--datasource"), QStringLiteral("prom=") + m_prometheus.url(),
            QStringLiteral("--from"),       QString::number(m_prometheus.startSeconds()),
            QStringLiteral("--to"),         QString::number(m_prometheus.endSeconds()),
            QStringLiteral("--width"),      QStringLiteral("1200")};
        arguments += extra;
        return PdTest::runCli(arguments);
    }

    static QJsonObject variable(const QJsonArray &variables, const char *name)
    {
        for (const QJsonValue &v : variables) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String(name))
                return v.toObject();
        }
        return {};
    }

    static QJsonObject onlyQuery(const Run &run, const char *panel)
    {
        for (const QJsonValue &p : run.json.value(QStringLiteral("panels")).toArray()) {
            if (p.toObject().value(QStringLiteral("id")).toString() == QLatin1String(panel))
                return p.toObject().value(QStringLiteral("queries")).toArray().at(0).toObject();
        }
        return {};
    }

    static QJsonArray strings(std::initializer_list<const char *> values)
    {
        QJsonArray array;
        for (const char *value : values)
            array.append(QString::fromLatin1(value));
        return array;
    }

    PrometheusTestServer m_prometheus;
};

QTEST_GUILESS_MAIN(TestPrometheusQuery)
#include "tst_prometheusquery.moc"
