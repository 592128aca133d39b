// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "pluginregistry.h"
#include "theme.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

#include <memory>
#include <perses-desktop/panelplugin.h>

namespace {

using Column = PdPlugin::TableColumn;

QJsonObject spec(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json).replace('\'', '"')).object();
}

// Alerts as the AlertManagerAlertsQuery writes them: one row per alert.
struct Alert
{
    std::string fingerprint;
    std::string name;
    bool suppressed = false;
    std::string labels; // JSON
    std::string annotations = "{}";
    double startsAtMs = 0;
};

PdPlugin::TableData alertTable(const std::vector<Alert> &alerts)
{
    PdPlugin::TableData table;
    table.columns = {
        {"fingerprint", Column::Type::Text, {}, {}}, {"alertname", Column::Type::Text, {}, {}},
        {"state", Column::Type::Text, {}, {}},       {"suppressed", Column::Type::Text, {}, {}},
        {"startsAt", Column::Type::Time, {}, {}},    {"labels", Column::Type::Text, {}, {}},
        {"annotations", Column::Type::Text, {}, {}}, {"silenceURL", Column::Type::Text, {}, {}}};
    for (const Alert &alert : alerts) {
        table.columns[0].text.push_back(alert.fingerprint);
        table.columns[1].text.push_back(alert.name);
        table.columns[2].text.push_back("firing");
        table.columns[3].text.push_back(alert.suppressed ? "true" : "false");
        table.columns[4].numbers.push_back(alert.startsAtMs);
        table.columns[5].text.push_back(alert.labels);
        table.columns[6].text.push_back(alert.annotations);
        table.columns[7].text.push_back("http://am/#/silences/new?filter=" + alert.fingerprint);
    }
    return table;
}

bool isRed(QRgb pixel)
{
    return qRed(pixel) > 180 && qGreen(pixel) < 80 && qBlue(pixel) < 80;
}

} // namespace

// AlertTable and SilenceTable, drawn offscreen from tables shaped as the Alertmanager queries
// return them.
class TestAlertPanels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PdPlugin::PanelView> m_view;
    std::vector<QUrl> m_opened;

    void create(const QString &kind, const QJsonObject &panelSpec)
    {
        PdPlugin::PanelContext context;
        context.kind = kind;
        context.spec = panelSpec;
        context.timeZone = QStringLiteral("UTC");
        context.interpolate = [](const QString &text) { return text; };
        context.openUrl = [this](const QUrl &url) { m_opened.push_back(url); };
        m_view.reset(Pd::PluginRegistry::instance().panelPlugin(kind)->createPanel(context));
        QVERIFY(m_view);
        m_view->widget()->setAttribute(Qt::WA_DontShowOnScreen);
        m_view->widget()->resize(1000, 400);
        m_view->widget()->show();
    }

    QTreeWidget *tree() const { return m_view->widget()->findChild<QTreeWidget *>(); }

    int column(const QString &header) const
    {
        for (int c = 0; c < tree()->columnCount(); ++c) {
            if (tree()->headerItem()->text(c) == header)
                return c;
        }
        return -1;
    }

    // Ages are counted from now when the view gets the data, a moment later.
    std::vector<Alert> threeAlerts() const
    {
        const double now = double(QDateTime::currentMSecsSinceEpoch());
        return {{"f1", "HighCPU", false,
                 "{\"alertname\":\"HighCPU\",\"instance\":\"a:9100\",\"severity\":\"critical\"}",
                 "{\"runbook_url\":\"https://runbooks/cpu\"}", now - 5 * 60000},
                {"f2", "HighCPU", false,
                 "{\"alertname\":\"HighCPU\",\"instance\":\"b:9100\",\"severity\":\"critical\"}",
                 "{}", now - 3 * 3600000 - 2 * 60000},
                {"f3", "DiskFull", true,
                 "{\"alertname\":\"DiskFull\",\"instance\":\"b:9100\",\"severity\":\"warning\"}",
                 "{}", now}};
    }

    void show(const std::vector<const PdPlugin::TableData *> &tables)
    {
        PdPlugin::PanelData data;
        data.queries.resize(tables.size());
        data.tables = tables;
        m_view->setData(data);
    }

private slots:
    void initTestCase()
    {
        Pd::importBuiltinPlugins();
        Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
    }

    void groupsStatesAgeAndLinks()
    {
        create(QStringLiteral("AlertTable"), spec("{}"));
        const PdPlugin::TableData table = alertTable(threeAlerts());
        show({&table});
        QVERIFY(m_view->hasContent());
        QCOMPARE(tree()->topLevelItemCount(), 2); // grouped by alertname, as Perses does
        QTreeWidgetItem *cpu = tree()->topLevelItem(0);
        QCOMPARE(cpu->text(0), QStringLiteral("alertname=HighCPU"));
        QCOMPARE(cpu->text(1), QStringLiteral("2 alerts"));
        QCOMPARE(cpu->text(column(QStringLiteral("Labels"))), QStringLiteral("2 firing"));
        QCOMPARE(cpu->child(0)->text(0), QStringLiteral("Firing"));
        QVERIFY(isRed(cpu->child(0)->foreground(0).color().rgb()));
        QCOMPARE(cpu->child(0)->text(column(QStringLiteral("Labels"))),
                 QStringLiteral("instance=a:9100, severity=critical"));
        QCOMPARE(cpu->child(0)->text(column(QStringLiteral("Age"))), QStringLiteral("5m"));
        QCOMPARE(cpu->child(1)->text(column(QStringLiteral("Age"))), QStringLiteral("3h 2m"));
        QCOMPARE(cpu->child(0)->text(column(QStringLiteral("Runbook"))), QStringLiteral("Runbook"));
        QCOMPARE(cpu->child(1)->text(column(QStringLiteral("Runbook"))), QString());
        QTreeWidgetItem *disk = tree()->topLevelItem(1)->child(0);
        QCOMPARE(disk->text(0), QStringLiteral("Silenced"));
        // A silenced alert offers no second silence.
        QCOMPARE(disk->text(column(QStringLiteral("Silence"))), QString());
        const int silence = column(QStringLiteral("Silence"));
        emit tree()->itemClicked(cpu->child(1), silence);
        QCOMPARE(m_opened.size(), 1u);
        QCOMPARE(m_opened.back(), QUrl(QStringLiteral("http://am/#/silences/new?filter=f2")));
        // The state is drawn in its colour: red pixels in the status column of the rows.
        const QImage image = m_view->widget()->grab().toImage();
        const QRect status = tree()
                                 ->visualItemRect(cpu->child(0))
                                 .translated(tree()->viewport()->mapTo(m_view->widget(), QPoint()));
        int red = 0;
        for (int x = status.left(); x < status.left() + tree()->columnWidth(0); ++x) {
            for (int y = status.top(); y <= status.bottom(); ++y)
                red += isRed(image.pixel(x, y));
        }
        QVERIFY2(red > 10, qPrintable(QString::number(red)));
    }

    void searchFilters()
    {
        create(QStringLiteral("AlertTable"), spec("{}"));
        const PdPlugin::TableData table = alertTable(threeAlerts());
        show({&table});
        auto *search = m_view->widget()->findChild<QLineEdit *>();
        auto *summary = m_view->widget()->findChild<QLabel *>();
        QCOMPARE(summary->text(), QStringLiteral("3 alerts in 2 groups"));
        search->setText(QStringLiteral("b:9100"));
        QCOMPARE(summary->text(), QStringLiteral("2 alerts in 2 groups"));
        QVERIFY(tree()->topLevelItem(0)->child(0)->isHidden());
        search->setText(QStringLiteral("silenced"));
        QCOMPARE(summary->text(), QStringLiteral("1 alert in 1 group"));
        QVERIFY(tree()->topLevelItem(0)->isHidden());
    }

    void statesSortByUrgency()
    {
        create(QStringLiteral("AlertTable"), spec("{'defaultGroupBy': []}"));
        const PdPlugin::TableData table = alertTable(threeAlerts());
        show({&table});
        QCOMPARE(tree()->topLevelItemCount(), 1);
        QTreeWidgetItem *all = tree()->topLevelItem(0);
        QCOMPARE(all->text(0), QStringLiteral("Ungrouped"));
        tree()->sortByColumn(0, Qt::DescendingOrder);
        QCOMPARE(all->child(0)->text(0), QStringLiteral("Silenced"));
        tree()->sortByColumn(0, Qt::AscendingOrder);
        QCOMPARE(all->child(0)->text(0), QStringLiteral("Firing"));
        QCOMPARE(all->child(2)->text(0), QStringLiteral("Silenced"));
        // Age sorts by time, not by its text: youngest first, then oldest first.
        tree()->sortByColumn(column(QStringLiteral("Age")), Qt::AscendingOrder);
        QCOMPARE(all->child(0)->text(column(QStringLiteral("Age"))), QStringLiteral("<1m"));
        QCOMPARE(all->child(1)->text(column(QStringLiteral("Age"))), QStringLiteral("5m"));
        tree()->sortByColumn(column(QStringLiteral("Age")), Qt::DescendingOrder);
        QCOMPARE(all->child(0)->text(column(QStringLiteral("Age"))), QStringLiteral("3h 2m"));
    }

    // Groups sort by their most urgent alert: by severity here, critical first when ascending.
    void groupsSortByTheirMostUrgentAlert()
    {
        create(QStringLiteral("AlertTable"),
               spec("{'columns': [{'name': 'severity', 'header': 'Severity', 'sortMode': "
                    "'severity'}]}"));
        const PdPlugin::TableData table = alertTable(threeAlerts());
        show({&table});
        const int severity = column(QStringLiteral("Severity"));
        tree()->sortByColumn(severity, Qt::DescendingOrder);
        // New data under a sort comes sorted by the groups' keys.
        show({&table});
        QCOMPARE(tree()->topLevelItem(0)->text(0), QStringLiteral("alertname=DiskFull"));
        tree()->sortByColumn(severity, Qt::AscendingOrder);
        QCOMPARE(tree()->topLevelItem(0)->text(0), QStringLiteral("alertname=HighCPU"));
        // Labels come last, after the age and the links.
        QCOMPARE(column(QStringLiteral("Labels")), tree()->columnCount() - 1);
    }

    // The window's case: the spec sorts by severity and the groups arrive least urgent first.
    // They are shown by their most urgent alert however they arrived.
    void theSpecsSortHoldsForEveryGroup()
    {
        create(QStringLiteral("AlertTable"),
               spec("{'columns': [{'name': 'severity', 'sortMode': 'severity', 'sort': 'asc'}]}"));
        std::vector<Alert> alerts;
        const char *severities[] = {"info", "warning", "info", "critical", "warning", "debug"};
        for (int i = 0; i < 6; ++i) {
            const std::string name = "A" + std::to_string(i);
            alerts.push_back(
                {"f" + std::to_string(i), name, false,
                 "{\"alertname\":\"" + name + "\",\"severity\":\"" + severities[i] + "\"}", "{}",
                 0});
        }
        const PdPlugin::TableData table = alertTable(alerts);
        show({&table});
        QStringList order;
        for (int g = 0; g < tree()->topLevelItemCount(); ++g)
            order.append(
                tree()->topLevelItem(g)->child(0)->text(column(QStringLiteral("severity"))));
        QCOMPARE(order, QStringList({QStringLiteral("critical"), QStringLiteral("warning"),
                                     QStringLiteral("warning"), QStringLiteral("info"),
                                     QStringLiteral("info"), QStringLiteral("debug")}));
    }

    // Mapped label columns are filled with Perses' colours: an override, the severity
    // palette, and the hashed colour ("critical" is hsl(166, 76%, 51%), as Perses' function
    // gives it when run in node).
    void mappedLabelsAreColoured()
    {
        create(QStringLiteral("AlertTable"),
               spec("{'columns': [{'name': 'severity'}, {'name': 'instance'}, {'name': "
                    "'alertname'}], 'labelColorMappings': [{'labelKey': 'severity', 'mode': "
                    "'severity', 'overrides': [{'value': 'warn.*', 'isRegex': true, 'color': "
                    "'#123456'}]}, {'labelKey': 'alertname', 'mode': 'auto'}]}"));
        const PdPlugin::TableData table = alertTable(threeAlerts());
        show({&table});
        const int severity = column(QStringLiteral("severity"));
        QTreeWidgetItem *cpu = tree()->topLevelItem(0)->child(0);
        QCOMPARE(cpu->background(severity).color(), QColor(QStringLiteral("#d32f2f")));
        QCOMPARE(cpu->foreground(severity).color(), QColor(Qt::white));
        QTreeWidgetItem *disk = tree()->topLevelItem(1)->child(0);
        QCOMPARE(disk->background(severity).color(), QColor(QStringLiteral("#123456")));
        // No mapping for instance: the cell keeps the table's colours.
        QCOMPARE(cpu->background(column(QStringLiteral("instance"))).style(), Qt::NoBrush);
        const QColor critical = QColor::fromHslF(166 / 360.0, 0.76, 0.51);
        const PdPlugin::TableData named =
            alertTable({{"f9", "critical", false, "{\"alertname\":\"critical\"}", "{}", 0}});
        show({&named});
        QCOMPARE(tree()
                     ->topLevelItem(0)
                     ->child(0)
                     ->background(column(QStringLiteral("alertname")))
                     .color(),
                 critical);
    }

    void duplicatesAcrossQueriesAreMerged()
    {
        create(QStringLiteral("AlertTable"),
               spec("{'columns': [{'name': 'severity', 'header': 'Severity', 'sortMode': "
                    "'severity', 'sort': 'asc'}], 'allowedActions': []}"));
        const PdPlugin::TableData first = alertTable(threeAlerts());
        const PdPlugin::TableData second = alertTable({threeAlerts().front()});
        show({&first, nullptr, &second});
        QCOMPARE(tree()->topLevelItem(0)->child(0)->text(1), QStringLiteral("HighCPU (×2)"));
        // No actions allowed: no Silence or Runbook column; severity has a column of its own.
        QCOMPARE(column(QStringLiteral("Silence")), -1);
        QCOMPARE(column(QStringLiteral("Runbook")), -1);
        QCOMPARE(tree()->topLevelItem(0)->child(0)->text(column(QStringLiteral("Severity"))),
                 QStringLiteral("critical"));
        QCOMPARE(tree()->topLevelItem(0)->child(0)->text(column(QStringLiteral("Labels"))),
                 QStringLiteral("instance=a:9100"));
    }

    void silencesByState()
    {
        create(QStringLiteral("SilenceTable"),
               spec("{'columns': [{'name': 'createdBy'}, {'name': 'duration'}, {'name': "
                    "'status', 'header': 'ignored'}]}"));
        PdPlugin::TableData table;
        table.columns = {
            {"id", Column::Type::Text, {"s1", "s2"}, {}},
            {"state", Column::Type::Text, {"expired", "active"}, {}},
            {"matchers", Column::Type::Text, {"a=\"1\"", "alertname=\"DiskFull\""}, {}},
            {"createdBy", Column::Type::Text, {"ann", "bob"}, {}},
            {"comment", Column::Type::Text, {"old", "disk swap"}, {}},
            {"startsAt", Column::Type::Time, {}, {0, 1000}},
            {"endsAt", Column::Type::Time, {}, {60000, 1000 + 2 * 3600000 + 86400000}},
            {"updatedAt", Column::Type::Time, {}, {0, 0}}};
        show({&table});
        QCOMPARE(tree()->columnCount(), 5); // status, matchers, comment, then the spec's two
        QCOMPARE(tree()->headerItem()->text(0), QStringLiteral("Status"));
        QCOMPARE(tree()->headerItem()->text(3), QStringLiteral("Creator"));
        QCOMPARE(tree()->topLevelItem(0)->text(0), QStringLiteral("Active")); // by state first
        QCOMPARE(tree()->topLevelItem(0)->text(1), QStringLiteral("alertname=\"DiskFull\""));
        QCOMPARE(tree()->topLevelItem(0)->text(4), QStringLiteral("1d 2h"));
        QCOMPARE(tree()->topLevelItem(1)->text(4), QStringLiteral("1m"));
        auto *search = m_view->widget()->findChild<QLineEdit *>();
        search->setText(QStringLiteral("ann"));
        QVERIFY(tree()->topLevelItem(0)->isHidden());
        QVERIFY(!tree()->topLevelItem(1)->isHidden());
    }

    void emptyHasNoContent()
    {
        create(QStringLiteral("AlertTable"), spec("{}"));
        const PdPlugin::TableData table = alertTable({});
        show({&table});
        QVERIFY(!m_view->hasContent()); // the frame then says "No data"
    }
};

QTEST_MAIN(TestAlertPanels)
#include "tst_alertpanels.moc"
