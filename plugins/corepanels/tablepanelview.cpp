// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "tablepanelview.h"

#include "tablepager.h"
#include "timeticks.h"
#include "valuemappings.h"

#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

namespace PdPanels {

namespace {

constexpr int sortRole = Qt::UserRole + 1;
constexpr int linkRole = Qt::UserRole + 2;
constexpr int columnRole = Qt::UserRole + 3; // on header items: the column's own name

QString timestampText(qint64 ms, const QString &zone)
{
    return zonedTime(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// Table's cell conditions (§11.1 CellSettings): the mapping conditions with min/max/expr.
bool conditionHolds(const QJsonObject &condition, const QString &text, std::optional<double> value)
{
    return conditionMatches(condition.value(QStringLiteral("kind")).toString(),
                            condition.value(QStringLiteral("spec")).toObject(), value, text,
                            tableFields);
}

void applyCellSettings(QStandardItem *item, const QJsonArray &settings, std::optional<double> value)
{
    for (const QJsonValue &entry : settings) {
        const QJsonObject setting = entry.toObject();
        if (!conditionHolds(setting.value(QStringLiteral("condition")).toObject(), item->text(),
                            value))
            continue;
        QString text = setting.value(QStringLiteral("text")).toString(item->text());
        text = setting.value(QStringLiteral("prefix")).toString() + text +
               setting.value(QStringLiteral("suffix")).toString();
        item->setText(text);
        if (const QColor color =
                QColor::fromString(setting.value(QStringLiteral("textColor")).toString());
            color.isValid())
            item->setForeground(color);
        if (const QColor color =
                QColor::fromString(setting.value(QStringLiteral("backgroundColor")).toString());
            color.isValid())
            item->setBackground(color);
        return;
    }
}

std::vector<Pd::TableTransform> transformsOf(const QJsonArray &list)
{
    using Kind = Pd::TableTransform::Kind;
    std::vector<Pd::TableTransform> transforms;
    for (const QJsonValue &entry : list) {
        const QString kind = entry.toObject().value(QStringLiteral("kind")).toString();
        const QJsonObject spec = entry.toObject().value(QStringLiteral("spec")).toObject();
        Pd::TableTransform transform;
        transform.kind = kind == u"JoinByColumnValue"     ? Kind::JoinByColumnValue
                         : kind == u"MergeColumns"        ? Kind::MergeColumns
                         : kind == u"MergeIndexedColumns" ? Kind::MergeIndexedColumns
                         : kind == u"MergeSeries"         ? Kind::MergeSeries
                                                          : Kind::Other;
        for (const QJsonValue &column : spec.value(QStringLiteral("columns")).toArray())
            transform.columns.push_back(column.toString().toStdString());
        transform.name = spec.value(QStringLiteral("name")).toString().toStdString();
        transform.column = spec.value(QStringLiteral("column")).toString().toStdString();
        transform.disabled = spec.value(QStringLiteral("disabled")).toBool(false);
        transforms.push_back(std::move(transform));
    }
    return transforms;
}

} // namespace

TablePanelView::TablePanelView(const PdPlugin::PanelContext &context, bool timeSeriesTable)
    : m_context(context)
    , m_timeSeriesTable(timeSeriesTable)
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(sortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    if (context.spec.value(QStringLiteral("enableFiltering")).toBool(false)) {
        auto *filterRow = new QHBoxLayout;
        m_filter = new QLineEdit(this);
        m_filter->setPlaceholderText(tr("Filter"));
        m_filter->setClearButtonEnabled(true);
        m_filterColumn = new QComboBox(this);
        m_filterColumn->setObjectName(QStringLiteral("filterColumn"));
        m_filterColumn->addItem(tr("All columns"));
        filterRow->addWidget(m_filter, 1);
        filterRow->addWidget(m_filterColumn);
        layout->addLayout(filterRow);
        connect(m_filter, &QLineEdit::textChanged, m_proxy,
                &QSortFilterProxyModel::setFilterFixedString);
        connect(m_filterColumn, &QComboBox::activated, this, [this](int index) {
            m_filterColumnName =
                index == 0 ? QString() : m_filterColumn->itemData(index).toString();
            m_proxy->setFilterKeyColumn(index - 1);
        });
    }
    // Sorting goes to the sorted rows, not to a page of them: the header is handled here.
    const bool sortable = context.spec.value(QStringLiteral("enableSorting")).toBool(true);
    m_table->horizontalHeader()->setSortIndicatorShown(sortable);
    m_table->horizontalHeader()->setSectionsClickable(sortable);
    // The header has turned its indicator by the time it says it was clicked.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        const Qt::SortOrder order = m_table->horizontalHeader()->sortIndicatorOrder();
        m_userSort =
            UserSort{m_model->horizontalHeaderItem(column)->data(columnRole).toString(), order};
        m_proxy->sort(column, order);
    });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QString density = context.spec.value(QStringLiteral("density")).toString();
    m_table->verticalHeader()->setDefaultSectionSize(density == u"compact"       ? 20
                                                     : density == u"comfortable" ? 34
                                                                                 : 26);
    connect(m_table, &QTableView::clicked, this, &TablePanelView::openLink);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this](int column, int, int width) {
                if (!m_fitting && column < int(m_columns.size()))
                    m_userWidths[m_columns[std::size_t(column)]] = width;
            });
    layout->addWidget(m_table, 1);
    if (context.spec.value(QStringLiteral("pagination")).toBool(false)) {
        m_pager = new TablePager(m_proxy, this);
        layout->addWidget(m_pager);
        m_table->setModel(m_pager->pageModel());
    } else {
        m_table->setModel(m_proxy);
    }
}

bool TablePanelView::hasContent() const
{
    return m_model->rowCount() > 0;
}

QJsonObject TablePanelView::columnSettings(const QString &name) const
{
    for (const QJsonValue &value :
         m_context.spec.value(QStringLiteral("columnSettings")).toArray()) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

std::vector<Pd::TableRow> TablePanelView::rowsFor(const PdPlugin::PanelData &input) const
{
    if (m_timeSeriesTable) {
        std::vector<Pd::TableRow> rows;
        for (const PdPlugin::QueryView &query : input.queries) {
            for (const PdPlugin::SeriesView &series : query.series) {
                Pd::TableRow row{{"series", {series.name.toStdString(), std::nullopt}}};
                if (!series.values.empty()) {
                    row.emplace_back("timestamp",
                                     Pd::TableValue{{}, double(series.timesMs.back())});
                    row.emplace_back("value", Pd::TableValue{{}, series.values.back()});
                }
                row.emplace_back("samples", Pd::TableValue{{}, double(series.values.size())});
                rows.push_back(std::move(row));
            }
        }
        return rows;
    }
    std::vector<std::vector<Pd::TableRows::Series>> queries;
    for (const PdPlugin::QueryView &query : input.queries) {
        std::vector<Pd::TableRows::Series> &series = queries.emplace_back();
        for (const PdPlugin::SeriesView &view : query.series) {
            Pd::TableRows::Series one;
            for (const auto &[name, value] : view.labels)
                one.labels.emplace_back(name.toStdString(), value.toStdString());
            if (!view.values.empty())
                one.last = std::pair{std::int64_t(view.timesMs.back()), view.values.back()};
            series.push_back(std::move(one));
        }
    }
    // A cell that embeds a chart needs ranges: Perses then leaves the timestamp out.
    const QJsonArray settings = m_context.spec.value(QStringLiteral("columnSettings")).toArray();
    const bool ranges = std::any_of(settings.begin(), settings.end(), [](const QJsonValue &column) {
        return column.toObject().contains(QStringLiteral("plugin"));
    });
    return Pd::TableRows::transform(
        Pd::TableRows::fromQueries(queries, !ranges),
        transformsOf(m_context.spec.value(QStringLiteral("transforms")).toArray()));
}

// Perses' order: the columnSettings first, as listed (the first of a name wins, hidden ones
// dropped), then the rows' other columns unless defaultColumnHidden.
std::vector<QString> TablePanelView::columnsFor(const std::vector<Pd::TableRow> &rows) const
{
    std::vector<QString> columns;
    std::vector<QString> named;
    for (const QJsonValue &value :
         m_context.spec.value(QStringLiteral("columnSettings")).toArray()) {
        const QString name = value.toObject().value(QStringLiteral("name")).toString();
        if (std::ranges::find(named, name) != named.end())
            continue;
        named.push_back(name);
        if (!value.toObject().value(QStringLiteral("hide")).toBool(false))
            columns.push_back(name);
    }
    if (m_context.spec.value(QStringLiteral("defaultColumnHidden")).toBool(false))
        return columns;
    if (m_timeSeriesTable && rows.empty())
        return columns;
    for (const std::string &key :
         m_timeSeriesTable ? std::vector<std::string>{"series", "timestamp", "value", "samples"}
                           : Pd::TableRows::columns(rows)) {
        const QString name = QString::fromStdString(key);
        if (std::ranges::find(named, name) == named.end())
            columns.push_back(name);
    }
    return columns;
}

QStandardItem *TablePanelView::makeCell(const QString &column, const Pd::TableValue *value,
                                        const QJsonObject &settings) const
{
    std::optional<double> number = value ? value->number : std::nullopt;
    QString shown = value && !number ? QString::fromStdString(value->text) : QString();
    if (number && settings.contains(QStringLiteral("format")))
        shown = unitText(*number, unitFormat(settings.value(QStringLiteral("format"))));
    else if (number && column == u"timestamp")
        shown = timestampText(qint64(*number), m_context.timeZone);
    else if (number)
        shown = sampleText(number);
    auto *item = new QStandardItem(shown);
    item->setData(number ? QVariant(*number) : QVariant(shown), sortRole);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const QString align = settings.value(QStringLiteral("align")).toString();
    if (!align.isEmpty())
        item->setTextAlignment((align == u"center"  ? Qt::AlignHCenter
                                : align == u"right" ? Qt::AlignRight
                                                    : Qt::AlignLeft) |
                               Qt::AlignVCenter);
    applyCellSettings(item, m_context.spec.value(QStringLiteral("cellSettings")).toArray(), number);
    applyCellSettings(item, settings.value(QStringLiteral("cellSettings")).toArray(), number);
    if (settings.contains(QStringLiteral("cellDescription")))
        item->setToolTip(settings.value(QStringLiteral("cellDescription")).toString());
    return item;
}

// The URL a cell's data link opens: the dashboard's variables, then the row's fields.
QString TablePanelView::dataLink(const QJsonObject &settings, const Pd::TableRow &row) const
{
    QString url = settings.value(QStringLiteral("dataLink"))
                      .toObject()
                      .value(QStringLiteral("url"))
                      .toString();
    if (url.isEmpty())
        return {};
    if (m_context.interpolate)
        url = m_context.interpolate(url);
    return QString::fromStdString(Pd::TableRows::linkUrl(url.toStdString(), row));
}

void TablePanelView::fillRows(const std::vector<Pd::TableRow> &rows,
                              const std::vector<QString> &columns)
{
    std::vector<QJsonObject> settings;
    for (const QString &column : columns)
        settings.push_back(columnSettings(column));
    for (const Pd::TableRow &row : rows) {
        QList<QStandardItem *> cells;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            QStandardItem *cell = makeCell(
                columns[c], Pd::TableRows::cell(row, columns[c].toStdString()), settings[c]);
            if (const QString link = dataLink(settings[c], row); !link.isEmpty()) {
                cell->setData(link, linkRole);
                cell->setForeground(palette().color(QPalette::Link));
                QFont font = cell->font();
                font.setUnderline(true);
                cell->setFont(font);
                if (cell->toolTip().isEmpty())
                    cell->setToolTip(link);
            }
            cells.append(cell);
        }
        m_model->appendRow(cells);
    }
}

void TablePanelView::openLink(const QModelIndex &index)
{
    const QUrl url(index.data(linkRole).toString());
    if (url.isEmpty())
        return;
    PdPlugin::openLink(m_context, url);
}

void TablePanelView::applyColumnSettings(const std::vector<QString> &columns)
{
    for (int c = 0; c < int(columns.size()); ++c) {
        const QJsonObject settings = columnSettings(columns[std::size_t(c)]);
        auto *header = new QStandardItem(
            settings.value(QStringLiteral("header")).toString(columns[std::size_t(c)]));
        header->setData(columns[std::size_t(c)], columnRole);
        header->setToolTip(settings.value(QStringLiteral("headerDescription")).toString());
        m_model->setHorizontalHeaderItem(c, header);
    }
}

// The user's sort and filter column, by name, else the spec's sort.
void TablePanelView::restoreUserState(const std::vector<QString> &columns)
{
    std::optional<std::pair<int, Qt::SortOrder>> sort;
    if (m_userSort) {
        if (const auto it = std::ranges::find(columns, m_userSort->column); it != columns.end())
            sort = std::pair{int(it - columns.begin()), m_userSort->order};
    }
    for (int c = 0; !sort && c < int(columns.size()); ++c) {
        const QString order =
            columnSettings(columns[std::size_t(c)]).value(QStringLiteral("sort")).toString();
        if (!order.isEmpty())
            sort = std::pair{c, order == u"desc" ? Qt::DescendingOrder : Qt::AscendingOrder};
    }
    if (sort) {
        m_table->horizontalHeader()->setSortIndicator(sort->first, sort->second);
        m_proxy->sort(sort->first, sort->second);
    } else {
        // No column sorted: no arrow on the first one either.
        m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        m_proxy->sort(-1);
    }
    if (!m_filterColumn)
        return;
    m_filterColumn->clear();
    m_filterColumn->addItem(tr("All columns"));
    for (int c = 0; c < int(columns.size()); ++c)
        m_filterColumn->addItem(m_model->horizontalHeaderItem(c)->text(), columns[std::size_t(c)]);
    const int chosen =
        m_filterColumnName.isEmpty() ? 0 : m_filterColumn->findData(m_filterColumnName);
    m_filterColumn->setCurrentIndex(std::max(0, chosen));
    m_proxy->setFilterKeyColumn(std::max(0, chosen) - 1);
}

void TablePanelView::setData(const PdPlugin::PanelData &input)
{
    // The view's scroll position, like the sort and the page, outlives the refresh.
    const int scrolled = m_table->verticalScrollBar()->value();
    const std::vector<Pd::TableRow> rows = rowsFor(input);
    const std::vector<QString> columns = columnsFor(rows);
    // Rows go in with the sort and the pages held back: each row inserted into a sorted,
    // paged table made both go over every row again (quadratic for thousands of rows).
    m_proxy->setDynamicSortFilter(false);
    if (m_pager)
        m_pager->setSuspended(true);
    m_model->clear();
    m_model->setColumnCount(int(columns.size()));
    fillRows(rows, columns);
    applyColumnSettings(columns);
    m_proxy->setDynamicSortFilter(true);
    restoreUserState(columns);
    if (m_pager)
        m_pager->setSuspended(false);
    // Fitted to the new contents, then the spec's widths, then those the user dragged (by
    // column name: they outlive a refresh, a column that comes and goes too).
    m_fitting = true;
    m_table->resizeColumnsToContents();
    for (int c = 0; c < int(columns.size()); ++c) {
        const QString &name = columns[std::size_t(c)];
        if (const auto dragged = m_userWidths.find(name); dragged != m_userWidths.end())
            m_table->setColumnWidth(c, dragged->second);
        else if (const QJsonValue width = columnSettings(name).value(QStringLiteral("width"));
                 width.isDouble())
            m_table->setColumnWidth(c, width.toInt());
    }
    m_fitting = false;
    m_columns = columns;
    m_table->verticalScrollBar()->setValue(scrolled);
}

} // namespace PdPanels
