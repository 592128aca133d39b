// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "alertmanagertestserver.h"
#include "clirun.h"
#include "freeport.h"
#include "prometheustestserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

using Run = PdTest::CliRun;

QString panelYaml(const QString &id, const QString &panelKind, const QString &queryType,
                  const QString &queryKind, const QString &querySpec)
{
    return QStringLiteral("    %1:\n      kind: Panel\n      spec:\n        display:\n"
                          "          name: %1\n        plugin:\n          kind: %2\n"
                          "          spec: {}\n        queries:\n          - kind: %3\n"
                          "            spec:\n              plugin:\n                kind: %4\n"
                          "                spec: %5\n")
        .arg(id, panelKind, queryType, queryKind, querySpec);
}

// A dashboard of alert and silence panels against the Alertmanager at `url`.
QByteArray dashboard(const QString &url)
{
    QString yaml = QStringLiteral("kind: Dashboard\nmetadata:\n  name: alerts\n  project: test\n"
                                  "spec:\n  duration: 1h\n  datasources:\n    am:\n"
                                  "      default: true\n      plugin:\n"
                                  "        kind: AlertManagerDatasource\n"
                                  "        spec:\n          directUrl: %1\n  panels:\n")
                       .arg(url);
    const QString alerts = QStringLiteral("AlertManagerAlertsQuery");
    yaml += panelYaml(QStringLiteral("all"), QStringLiteral("AlertTable"),
                      QStringLiteral("AlertsQuery"), alerts,
                      QStringLiteral("{filters: ['team=\"pd\"']}"));
    yaml += panelYaml(QStringLiteral("unsilenced"), QStringLiteral("AlertTable"),
                      QStringLiteral("AlertsQuery"), alerts,
                      QStringLiteral("{filters: ['team=\"pd\"'], silenced: false}"));
    yaml += panelYaml(QStringLiteral("fromrules"), QStringLiteral("AlertTable"),
                      QStringLiteral("AlertsQuery"), alerts,
                      QStringLiteral("{filters: ['alertname=\"PdTemperatureHigh\"']}"));
    yaml += panelYaml(QStringLiteral("silences"), QStringLiteral("SilenceTable"),
                      QStringLiteral("SilencesQuery"), QStringLiteral("AlertManagerSilencesQuery"),
                      QStringLiteral("{}"));
    yaml += QStringLiteral("  layouts:\n    - kind: Grid\n      spec:\n        items:\n");
    int y = 0;
    for (const char *panel : {"all", "unsilenced", "fromrules", "silences"}) {
        yaml += QStringLiteral("          - {x: 0, \"y\": %1, width: 24, height: 8, content: "
                               "{$ref: '#/spec/panels/%2'}}\n")
                    .arg(y)
                    .arg(QLatin1String(panel));
        y += 8;
    }
    return yaml.toUtf8();
}

QJsonArray rowsOf(const Run &run, const QString &panel)
{
    for (const QJsonValue &value : run.json.value(QStringLiteral("panels")).toArray()) {
        const QJsonObject object = value.toObject();
        if (object.value(QStringLiteral("id")).toString() == panel)
            return object.value(QStringLiteral("queries"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("rows"))
                .toArray();
    }
    return {};
}

// The first query of the first panel printed.
QJsonObject firstQuery(const Run &run)
{
    return run.json.value(QStringLiteral("panels"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("queries"))
        .toArray()
        .first()
        .toObject();
}

QJsonObject rowNamed(const QJsonArray &rows, const QString &alertname)
{
    for (const QJsonValue &row : rows) {
        if (row.toObject().value(QStringLiteral("alertname")).toString() == alertname)
            return row.toObject();
    }
    return {};
}

} // namespace

// Alertmanager as a datasource, end to end: a real Alertmanager fed through its API and by
// the alerting rules of a real Prometheus, read by `perses-desktop query`.
class TestAlertmanager : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString problem = m_alertmanager.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        problem = m_alertmanager.postAlerts(
            "[{\"labels\": {\"alertname\": \"HighCPU\", \"severity\": \"critical\", "
            "\"instance\": \"a:9100\", \"team\": \"pd\"}, \"annotations\": {\"summary\": "
            "\"CPU above 90%\", \"runbook_url\": \"https://runbooks/cpu\"}, \"generatorURL\": "
            "\"http://prometheus/graph\"},"
            " {\"labels\": {\"alertname\": \"DiskFull\", \"severity\": \"warning\", "
            "\"instance\": \"b:9100\", \"team\": \"pd\"}, \"annotations\": {\"summary\": "
            "\"disk\"}}]");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_silence = m_alertmanager.postSilence(
            "{\"matchers\": [{\"name\": \"alertname\", \"value\": \"DiskFull\", \"isRegex\": "
            "false, \"isEqual\": true}], \"startsAt\": \"" +
                now.toUtf8() +
                "\", \"endsAt\": \"2099-01-01T00:00:00Z\", \"createdBy\": \"tester\", "
                "\"comment\": \"disk swap\"}",
            &problem);
        QVERIFY2(!m_silence.isEmpty(), qPrintable(problem));
        m_prometheus.setAlerting(m_alertmanager.url(),
                                 "  - name: pd\n    rules:\n      - alert: PdTemperatureHigh\n"
                                 "        expr: pd_temperature_celsius{instance=\"host-b\"} > 25\n"
                                 "        labels: {severity: critical}\n"
                                 "        annotations: {summary: host-b is hot}\n");
        problem = m_prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(m_dir.isValid());
        QVERIFY(write(QStringLiteral("alerts.yaml"), dashboard(m_alertmanager.url())));
    }

    void alertsAreRows()
    {
        const Run r = query({QStringLiteral("--panel"), QStringLiteral("all")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = rowsOf(r, QStringLiteral("all"));
        QCOMPARE(rows.size(), 2);
        const QJsonObject cpu = rowNamed(rows, QStringLiteral("HighCPU"));
        QCOMPARE(cpu.value(QStringLiteral("state")).toString(), QStringLiteral("firing"));
        QCOMPARE(cpu.value(QStringLiteral("suppressed")).toString(), QStringLiteral("false"));
        QCOMPARE(cpu.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(cpu.value(QStringLiteral("generatorURL")).toString(),
                 QStringLiteral("http://prometheus/graph"));
        QVERIFY(cpu.value(QStringLiteral("startsAt")).toString().endsWith(u'Z'));
        // The link to silence it opens Alertmanager's form with its labels as matchers.
        QCOMPARE(cpu.value(QStringLiteral("silenceURL")).toString(),
                 m_alertmanager.url() +
                     QStringLiteral("/#/silences/new?filter=%7Balertname%3D%22HighCPU%22%2C"
                                    "instance%3D%22a%3A9100%22%2Cseverity%3D%22critical%22%2C"
                                    "team%3D%22pd%22%7D"));
        const QJsonObject disk = rowNamed(rows, QStringLiteral("DiskFull"));
        QCOMPARE(disk.value(QStringLiteral("suppressed")).toString(), QStringLiteral("true"));
        QCOMPARE(disk.value(QStringLiteral("silencedBy")).toString(), m_silence);
    }

    void flagsAndFiltersReachAlertmanager()
    {
        const Run r = query({QStringLiteral("--panel"), QStringLiteral("unsilenced")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = rowsOf(r, QStringLiteral("unsilenced"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("alertname")).toString(),
                 QStringLiteral("HighCPU"));
        // What was asked, as the inspector and the JSON show it.
        const QJsonObject asked = firstQuery(r);
        QCOMPARE(asked.value(QStringLiteral("query")).toString(),
                 QStringLiteral("{\"filters\":[\"team=\\\"pd\\\"\"],\"silenced\":false}"));
        QCOMPARE(asked.value(QStringLiteral("url")).toString(), m_alertmanager.url());
    }

    void silencesAreRows()
    {
        const Run r = query({QStringLiteral("--panel"), QStringLiteral("silences"),
                             QStringLiteral("--format"), QStringLiteral("text")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("    1 row\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(
                     QStringLiteral("id=") + m_silence +
                     QStringLiteral(
                         " state=active "
                         "matchers=alertname=\"DiskFull\" createdBy=tester comment=disk swap")),
                 qPrintable(r.out));
    }

    // Prometheus evaluates its rule every second and sends the alert on; it shows up within a
    // few evaluations, however long the machine takes to get there.
    void prometheusRulesFire()
    {
        QJsonObject hot;
        QElapsedTimer timer;
        timer.start();
        while (hot.isEmpty() && timer.elapsed() < 120000) {
            const Run r = query({QStringLiteral("--panel"), QStringLiteral("fromrules")});
            QCOMPARE(r.exitCode, 0);
            hot = rowNamed(rowsOf(r, QStringLiteral("fromrules")),
                           QStringLiteral("PdTemperatureHigh"));
            if (hot.isEmpty())
                QThread::msleep(500);
        }
        QVERIFY2(!hot.isEmpty(), "Prometheus' alert never reached Alertmanager");
        QCOMPARE(hot.value(QStringLiteral("state")).toString(), QStringLiteral("firing"));
        QVERIFY(hot.value(QStringLiteral("labels"))
                    .toString()
                    .contains(QStringLiteral("\"instance\":\"host-b\"")));
        QVERIFY(hot.value(QStringLiteral("generatorURL"))
                    .toString()
                    .contains(QStringLiteral("/graph?g0.expr=")));
    }

    // The window's drawing of the same dashboard, headless: the alert table's states, names
    // and link, the silence table's row.
    void panelsDrawLiveAlerts()
    {
        const QString svg = m_dir.filePath(QStringLiteral("alerts.svg"));
        const Run r = PdTest::runCli(
            {QStringLiteral("render"), m_dir.filePath(QStringLiteral("alerts.yaml")),
             QStringLiteral("--size"), QStringLiteral("1400x1400"), QStringLiteral("--out"), svg});
        QCOMPARE(r.exitCode, 0);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString drawing = QString::fromUtf8(file.readAll());
        for (const char *text : {">Firing<", ">Silenced<", ">HighCPU<", ">DiskFull<", ">Silence…<",
                                 ">Runbook<", ">Active<", ">disk swap<", ">2 alerts in 2 groups<"})
            QVERIFY2(drawing.contains(QString::fromUtf8(text)), text);
    }

    void alertmanagerDownShowsOnItsPanel()
    {
        const QString down = QStringLiteral("http://127.0.0.1:%1").arg(PdTest::freeLocalPort());
        QVERIFY(write(QStringLiteral("down.yaml"), dashboard(down)));
        const Run r =
            PdTest::runCli({QStringLiteral("query"), m_dir.filePath(QStringLiteral("down.yaml")),
                            QStringLiteral("--panel"), QStringLiteral("all")});
        QCOMPARE(r.exitCode, 1);
        const QString error = firstQuery(r).value(QStringLiteral("error")).toString();
        QCOMPARE(error, QStringLiteral("cannot connect to ") + down +
                            QStringLiteral(": connection refused"));
    }

private:
    Run query(QStringList extra)
    {
        return PdTest::runCli(
            QStringList{QStringLiteral("query"), m_dir.filePath(QStringLiteral("alerts.yaml"))} +
            extra);
    }

    bool write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }

    AlertmanagerTestServer m_alertmanager;
    PrometheusTestServer m_prometheus;
    QTemporaryDir m_dir;
    QString m_silence;
};

QTEST_GUILESS_MAIN(TestAlertmanager)
#include "tst_alertmanager.moc"
