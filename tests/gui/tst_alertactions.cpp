// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "alertmanagertestserver.h"
#include "builtinplugins.h"
#include "dashboardview.h"
#include "jsonreader.h"
#include "modeldecoder.h"
#include "panelframe.h"
#include "theme.h"

#include <QDateTime>
#include <QDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

namespace {

const char *dashboardJson =
    "{\"kind\": \"Dashboard\", \"metadata\": {\"name\": \"alerts\", \"project\": \"test\"},"
    " \"spec\": {\"duration\": \"1h\", \"datasources\": {\"am\": {\"default\": true, \"plugin\":"
    " {\"kind\": \"AlertManagerDatasource\", \"spec\": {\"directUrl\": \"http://127.0.0.1:1\"}}}},"
    " \"panels\": {\"alerts\": {\"kind\": \"Panel\", \"spec\": {\"display\": {\"name\": "
    "\"Alerts\"},"
    " \"plugin\": {\"kind\": \"AlertTable\", \"spec\": {}}, \"queries\": [{\"kind\": "
    "\"AlertsQuery\","
    " \"spec\": {\"plugin\": {\"kind\": \"AlertManagerAlertsQuery\", \"spec\": {}}}}]}}},"
    " \"layouts\": [{\"kind\": \"Grid\", \"spec\": {\"items\": [{\"x\": 0, \"y\": 0, \"width\": 24,"
    " \"height\": 12, \"content\": {\"$ref\": \"#/spec/panels/alerts\"}}]}}]}}";

// The same dashboard with a SilenceTable in place of the AlertTable.
QByteArray silencesDashboard()
{
    return QByteArray(dashboardJson)
        .replace("AlertTable", "SilenceTable")
        .replace("AlertsQuery\"", "SilencesQuery\"")
        .replace("AlertManagerAlertsQuery", "AlertManagerSilencesQuery");
}

QTreeWidgetItem *alertNamed(QTreeWidget *tree, const QString &name)
{
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i) {
            if (tree->topLevelItem(g)->child(i)->text(1) == name)
                return tree->topLevelItem(g)->child(i);
        }
    }
    return nullptr;
}

int columnOf(QTreeWidget *tree, const QString &header)
{
    for (int c = 0; c < tree->columnCount(); ++c) {
        if (tree->headerItem()->text(c) == header)
            return c;
    }
    return -1;
}

} // namespace

// Silencing an alert from the AlertTable, in the window's dashboard view, against a real
// Alertmanager: the form is filled from the alert, the silence is created through the
// datasource's transport, and the table shows the alert silenced after the refresh.
class TestAlertActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Pd::importBuiltinPlugins();
        Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
        QString problem = m_alertmanager.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = m_alertmanager.postAlerts(
            "[{\"labels\": {\"alertname\": \"HighCPU\", \"instance\": \"a:9100\"}}]");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void silenceFromTheTable()
    {
        Pd::DatasourceOverrides overrides;
        overrides.set("am", {m_alertmanager.url().toStdString(), {}, {}, false, {}});
        Pd::DashboardQueryEngine::Settings settings;
        settings.range = Pd::TimeRange::last(3600000, QDateTime::currentMSecsSinceEpoch());
        Pd::Gui::DashboardView view(
            Pd::ModelDecoder::dashboard(Pd::JsonReader::parse(dashboardJson).documents.front()), {},
            {}, overrides, settings);
        view.resize(1200, 500);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.isComplete(), 30000);
        auto *tree = view.frame("alerts")->findChild<QTreeWidget *>();
        QVERIFY(tree);
        QTreeWidgetItem *alert = alertNamed(tree, QStringLiteral("HighCPU"));
        QVERIFY(alert);
        QCOMPARE(alert->text(0), QStringLiteral("Firing"));
        const int silence = columnOf(tree, QStringLiteral("Silence"));
        QCOMPARE(alert->text(silence), QStringLiteral("Silence…"));

        emit tree->itemClicked(alert, silence);
        auto *dialog = view.findChild<QDialog *>();
        QVERIFY(dialog);
        QPushButton *create = dialog->findChild<QPushButton *>(QStringLiteral("create"));
        QVERIFY(create);
        // Who creates it is required: Create waits for it.
        auto *creator = dialog->findChildren<QLineEdit *>().last();
        creator->clear();
        QVERIFY(!create->isEnabled());
        creator->setText(QStringLiteral("tester-ui"));
        QVERIFY(create->isEnabled());
        create->click();

        // Alertmanager has it, with the alert's labels as matchers...
        QJsonArray silences;
        QTRY_VERIFY_WITH_TIMEOUT(
            (silences =
                 QJsonDocument::fromJson(m_alertmanager.get(QStringLiteral("/api/v2/silences")))
                     .array())
                    .size() == 1,
            30000);
        const QJsonObject created = silences.first().toObject();
        QCOMPARE(created.value(QStringLiteral("createdBy")).toString(),
                 QStringLiteral("tester-ui"));
        QCOMPARE(created.value(QStringLiteral("matchers")).toArray().size(), 2);
        // ...and the table, asked again, shows the alert silenced.
        QTRY_VERIFY_WITH_TIMEOUT(alertNamed(tree, QStringLiteral("HighCPU")) &&
                                     alertNamed(tree, QStringLiteral("HighCPU"))->text(0) ==
                                         QStringLiteral("Silenced"),
                                 30000);
    }

    void expireFromTheSilenceTable()
    {
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        QString problem;
        const QString id = m_alertmanager.postSilence(
            "{\"matchers\": [{\"name\": \"alertname\", \"value\": \"DiskFull\", "
            "\"isRegex\": false, \"isEqual\": true}], \"startsAt\": \"" +
                now.toUtf8() +
                "\", \"endsAt\": \"2099-01-01T00:00:00Z\", \"createdBy\": \"tester\", "
                "\"comment\": \"to expire\"}",
            &problem);
        QVERIFY2(!id.isEmpty(), qPrintable(problem));
        Pd::DatasourceOverrides overrides;
        overrides.set("am", {m_alertmanager.url().toStdString(), {}, {}, false, {}});
        Pd::DashboardQueryEngine::Settings settings;
        settings.range = Pd::TimeRange::last(3600000, QDateTime::currentMSecsSinceEpoch());
        Pd::Gui::DashboardView view(
            Pd::ModelDecoder::dashboard(
                Pd::JsonReader::parse(silencesDashboard().toStdString()).documents.front()),
            {}, {}, overrides, settings);
        view.resize(1200, 500);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.isComplete(), 30000);
        auto *tree = view.frame("alerts")->findChild<QTreeWidget *>();
        QVERIFY(tree);
        const int comment = columnOf(tree, QStringLiteral("Comment"));
        const int actions = columnOf(tree, QStringLiteral("Actions"));
        auto rowOf = [&]() -> QTreeWidgetItem * {
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                if (tree->topLevelItem(i)->text(comment) == QStringLiteral("to expire"))
                    return tree->topLevelItem(i);
            }
            return nullptr;
        };
        QVERIFY(rowOf());
        QCOMPARE(rowOf()->text(0), QStringLiteral("Active"));
        QCOMPARE(rowOf()->text(actions), QStringLiteral("Expire…"));
        emit tree->itemClicked(rowOf(), actions);
        auto *confirm = view.findChild<QMessageBox *>();
        QVERIFY(confirm);
        confirm->findChild<QPushButton *>(QStringLiteral("expire"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            QJsonDocument::fromJson(m_alertmanager.get(QStringLiteral("/api/v2/silence/") + id))
                .object()
                .value(QStringLiteral("status"))
                .toObject()
                .value(QStringLiteral("state"))
                .toString(),
            QStringLiteral("expired"), 30000);
        // Asked again, the table shows it expired, with nothing left to expire.
        QTRY_VERIFY_WITH_TIMEOUT(rowOf() && rowOf()->text(0) == QStringLiteral("Expired"), 30000);
        QCOMPARE(rowOf()->text(actions), QString());
    }

private:
    AlertmanagerTestServer m_alertmanager;
};

QTEST_MAIN(TestAlertActions)
#include "tst_alertactions.moc"
