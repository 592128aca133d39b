// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "pluginregistry.h"
#include "theme.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUrl>

#include <memory>
#include <perses-desktop/panelplugin.h>

namespace {

// Two queries over disks, as Prometheus would answer an instant query for each.
struct Disks
{
    std::vector<std::int64_t> times{1700000000000};
    std::vector<double> used[2] = {{10}, {20}};
    std::vector<double> free[2] = {{50}, {60}};
    const QList<QPair<QString, QString>> root = {
        {QStringLiteral("instance"), QStringLiteral("a:9100")},
        {QStringLiteral("mount"), QStringLiteral("/")}};
    const QList<QPair<QString, QString>> boot = {
        {QStringLiteral("instance"), QStringLiteral("a:9100")},
        {QStringLiteral("mount"), QStringLiteral("/boot")}};

    PdPlugin::PanelData data()
    {
        PdPlugin::PanelData out;
        for (int q = 0; q < 2; ++q) {
            std::vector<double> *values = q == 0 ? used : free;
            PdPlugin::QueryView query;
            query.instant = true;
            query.series.push_back({QString(), root, times, values[0], {}});
            query.series.push_back({QString(), boot, times, values[1], {}});
            out.queries.push_back(std::move(query));
        }
        return out;
    }
};

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list.append(QString::fromUtf8(text));
    return list;
}

// JSON written with single quotes (moc reads no raw strings in this file).
QJsonObject spec(const char *json)
{
    QByteArray text(json);
    text.replace('\'', '"');
    return QJsonDocument::fromJson(text).object();
}

} // namespace

// The Table panel as a user meets it: transforms, data links, pagination, and the sort and
// filter they chose kept across refreshes.
class TestTablePanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PdPlugin::PanelView> m_view;
    std::vector<QUrl> m_opened;

    QTableView *table() const { return m_view->widget()->findChild<QTableView *>(); }

    void create(const QJsonObject &tableSpec)
    {
        PdPlugin::PanelContext context;
        context.kind = QStringLiteral("Table");
        context.spec = tableSpec;
        context.interpolate = [](const QString &text) {
            return QString(text).replace(QStringLiteral("$cluster"), QStringLiteral("eu-1"));
        };
        context.openUrl = [this](const QUrl &url) { m_opened.push_back(url); };
        m_view.reset(
            Pd::PluginRegistry::instance().panelPlugin(context.kind)->createPanel(context));
        m_view->widget()->setAttribute(Qt::WA_DontShowOnScreen);
        m_view->widget()->resize(900, 400);
        m_view->widget()->show();
    }

    QStringList headers() const
    {
        QStringList names;
        for (int c = 0; c < table()->model()->columnCount(); ++c)
            names.append(table()->model()->headerData(c, Qt::Horizontal).toString());
        return names;
    }

    QStringList column(const QString &header) const
    {
        const int c = int(headers().indexOf(header));
        QStringList cells;
        for (int r = 0; c >= 0 && r < table()->model()->rowCount(); ++r)
            cells.append(table()->model()->index(r, c).data().toString());
        return cells;
    }

private slots:
    void initTestCase()
    {
        Pd::importBuiltinPlugins();
        Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
    }

    // Perses' recipe for a table of several queries: merge the indexed mount columns, then
    // join the rows by mount; the columns come in Perses' order.
    void transformsJoinQueries()
    {
        create(spec("{'transforms': [ "
                    "{'kind': 'MergeIndexedColumns', 'spec': {'column': 'mount'}}, "
                    "{'kind': 'JoinByColumnValue', 'spec': {'columns': ['mount']}}], "
                    "'columnSettings': [{'name': 'mount', 'header': 'Mount'}, "
                    "{'name': 'timestamp', 'hide': true}]}"));
        Disks disks;
        m_view->setData(disks.data());
        QCOMPARE(headers(),
                 strings({"Mount", "instance #1", "instance #2", "value #1", "value #2"}));
        QCOMPARE(column(QStringLiteral("Mount")), strings({"/", "/boot"}));
        QCOMPARE(column(QStringLiteral("value #1")), strings({"10", "20"}));
        QCOMPARE(column(QStringLiteral("value #2")), strings({"50", "60"}));
        // Nothing sorted: no arrow on any column.
        QCOMPARE(table()->horizontalHeader()->sortIndicatorSection(), -1);
        // Without the join: a row a series, value #2 empty on query 1's rows.
        create(spec("{'transforms': [{'kind': 'JoinByColumnValue', 'spec': {'columns': ['mount'], "
                    "'disabled': true}}]}"));
        m_view->setData(disks.data());
        QCOMPARE(table()->model()->rowCount(), 4);
        QCOMPARE(column(QStringLiteral("value #2")), strings({"", "", "50", "60"}));
    }

    // A data link: the dashboard's variables and the row's cells, even from a hidden column.
    void dataLinksOpenTheRowsUrl()
    {
        create(spec("{'transforms': [{'kind': 'MergeSeries', 'spec': {}}], "
                    "'columnSettings': [{'name': 'instance', 'hide': true}, "
                    "{'name': 'mount', 'dataLink': {'url': "
                    "'https://grafana.example/d/"
                    "disk?c=$cluster&i=${__data.fields.instance}&m=${__data.fields[\\'mount\\']}', "
                    "'openNewTab': true}}]}"));
        Disks disks;
        m_view->setData(disks.data());
        QCOMPARE(headers().first(), QStringLiteral("mount"));
        const QModelIndex boot = table()->model()->index(1, 0);
        QCOMPARE(boot.data().toString(), QStringLiteral("/boot"));
        QVERIFY(boot.data(Qt::FontRole).value<QFont>().underline());
        m_opened.clear();
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                          table()->visualRect(boot).center());
        QCOMPARE(m_opened.size(), 1u);
        QCOMPARE(m_opened.front().toString(QUrl::FullyEncoded),
                 QStringLiteral("https://grafana.example/d/disk?c=eu-1&i=a%3A9100&m=%2Fboot"));
        // A cell without a link opens nothing.
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                          table()->visualRect(table()->model()->index(1, 1)).center());
        QCOMPARE(m_opened.size(), 1u);
    }

    // Ten rows a page; the footer says where one is; the page stays over a refresh.
    void paginationPages()
    {
        create(spec("{'pagination': true}"));
        PdPlugin::PanelData data;
        PdPlugin::QueryView query;
        std::vector<std::int64_t> times{1000};
        std::vector<std::vector<double>> values;
        for (int i = 0; i < 23; ++i)
            values.push_back({double(i)});
        for (int i = 0; i < 23; ++i)
            query.series.push_back({QString(),
                                    {{QStringLiteral("n"), QString::number(i)}},
                                    times,
                                    values[std::size_t(i)],
                                    {}});
        data.queries.push_back(query);
        m_view->setData(data);
        QCOMPARE(table()->model()->rowCount(), 10);
        auto *range = m_view->widget()->findChild<QLabel *>(QStringLiteral("pageRange"));
        QVERIFY(range);
        QCOMPARE(range->text(), QStringLiteral("1–10 of 23"));
        QToolButton *next = nullptr;
        for (QToolButton *button : m_view->widget()->findChildren<QToolButton *>()) {
            if (button->arrowType() == Qt::RightArrow)
                next = button;
        }
        QVERIFY(next);
        next->click();
        next->click();
        QCOMPARE(table()->model()->rowCount(), 3);
        QCOMPARE(range->text(), QStringLiteral("21–23 of 23"));
        QVERIFY(!next->isEnabled());
        m_view->setData(data);
        QCOMPARE(range->text(), QStringLiteral("21–23 of 23"));
        auto *sizes = m_view->widget()->findChild<QComboBox *>();
        sizes->setCurrentIndex(1); // 25 a page: back to the first, all on it
        emit sizes->activated(1);
        QCOMPARE(table()->model()->rowCount(), 23);
        QCOMPARE(range->text(), QStringLiteral("1–23 of 23"));
    }

    // The user's sort and filter survive new data; the spec's sort applies until they sort.
    void sortAndFilterSurviveRefresh()
    {
        create(spec("{'enableFiltering': true, "
                    "'columnSettings': [{'name': 'value', 'sort': 'desc'}, {'name': 'timestamp', "
                    "'hide': true}]}"));
        PdPlugin::PanelData data;
        PdPlugin::QueryView query;
        std::vector<std::int64_t> times{1000};
        std::vector<double> v[3] = {{5}, {7}, {6}};
        const char *names[3] = {"alpha", "beta", "gamma"};
        for (int i = 0; i < 3; ++i)
            query.series.push_back({QString(),
                                    {{QStringLiteral("name"), QString::fromLatin1(names[i])}},
                                    times,
                                    v[i],
                                    {}});
        data.queries.push_back(query);
        m_view->setData(data);
        QCOMPARE(column(QStringLiteral("name")), strings({"beta", "gamma", "alpha"}));
        // The user sorts by name (ascending), then filters on the name column only.
        const int nameColumn = int(headers().indexOf(QStringLiteral("name")));
        QTest::mouseClick(
            table()->horizontalHeader()->viewport(), Qt::LeftButton, {},
            QPoint(table()->horizontalHeader()->sectionViewportPosition(nameColumn) + 5, 5));
        QCOMPARE(column(QStringLiteral("name")), strings({"alpha", "beta", "gamma"}));
        auto *filter = m_view->widget()->findChild<QLineEdit *>();
        auto *filterColumn =
            m_view->widget()->findChild<QComboBox *>(QStringLiteral("filterColumn"));
        QVERIFY(filter && filterColumn);
        const int nameEntry = filterColumn->findData(QStringLiteral("name"));
        filterColumn->setCurrentIndex(nameEntry);
        emit filterColumn->activated(nameEntry);
        filter->setText(QStringLiteral("a")); // alpha, beta, gamma all hold an "a"
        QCOMPARE(table()->model()->rowCount(), 3);
        filter->setText(QStringLiteral("mm"));
        QCOMPARE(column(QStringLiteral("name")), strings({"gamma"}));
        filter->setText(QStringLiteral("a"));
        // A refresh with other values: still sorted by name, still filtered on name, and the
        // width the user gave the value column kept.
        const int valueColumn = int(headers().indexOf(QStringLiteral("value")));
        table()->setColumnWidth(valueColumn, 222);
        v[0] = {1}; // by value alone alpha would now come last
        m_view->setData(data);
        QCOMPARE(column(QStringLiteral("name")), strings({"alpha", "beta", "gamma"}));
        QCOMPARE(filterColumn->currentData().toString(), QStringLiteral("name"));
        QCOMPARE(table()->columnWidth(valueColumn), 222);
        filter->setText(QStringLiteral("et"));
        QCOMPARE(column(QStringLiteral("name")), strings({"beta"}));
        QCOMPARE(column(QStringLiteral("value")), strings({"7"}));
    }
};

QTEST_MAIN(TestTablePanel)
#include "tst_tablepanel.moc"
