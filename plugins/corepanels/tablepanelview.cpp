// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "tablepanelview.h"

#include "timeticks.h"
#include "valuemappings.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace PdPanels {

namespace {

constexpr int sortRole = Qt::UserRole + 1;

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
    if (context.spec.value(QStringLiteral("enableFiltering")).toBool(false)) {
        m_filter = new QLineEdit(this);
        m_filter->setPlaceholderText(tr("Filter"));
        m_filter->setClearButtonEnabled(true);
        layout->addWidget(m_filter);
        connect(m_filter, &QLineEdit::textChanged, m_proxy,
                &QSortFilterProxyModel::setFilterFixedString);
    }
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(sortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(context.spec.value(QStringLiteral("enableSorting")).toBool(true));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QString density = context.spec.value(QStringLiteral("density")).toString();
    m_table->verticalHeader()->setDefaultSectionSize(density == u"compact"       ? 20
                                                     : density == u"comfortable" ? 34
                                                                                 : 26);
    layout->addWidget(m_table);
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

std::vector<TablePanelView::Column>
TablePanelView::columnsFor(const PdPlugin::PanelData &input) const
{
    if (m_timeSeriesTable)
        return {{QStringLiteral("series"), false},
                {QStringLiteral("timestamp"), false},
                {QStringLiteral("value"), true},
                {QStringLiteral("samples"), true}};
    std::vector<Column> columns{{QStringLiteral("timestamp"), false}};
    QStringList labels;
    for (const PdPlugin::QueryView &query : input.queries) {
        for (const PdPlugin::SeriesView &series : query.series) {
            for (const auto &[name, value] : series.labels) {
                if (!labels.contains(name))
                    labels.append(name);
            }
        }
    }
    for (const QString &label : labels)
        columns.push_back({label, false});
    if (input.queries.size() <= 1)
        columns.push_back({QStringLiteral("value"), true});
    for (std::size_t q = 0; input.queries.size() > 1 && q < input.queries.size(); ++q)
        columns.push_back({QStringLiteral("value #%1").arg(q + 1), true});
    return columns;
}

QStandardItem *TablePanelView::makeCell(const QString &text, std::optional<double> value,
                                        const QJsonObject &column) const
{
    QString shown = text;
    if (value && column.contains(QStringLiteral("format")))
        shown = unitText(*value, unitFormat(column.value(QStringLiteral("format"))));
    auto *item = new QStandardItem(shown);
    item->setData(value ? QVariant(*value) : QVariant(text), sortRole);
    if (value)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    const QString align = column.value(QStringLiteral("align")).toString();
    if (!align.isEmpty())
        item->setTextAlignment((align == u"center"  ? Qt::AlignHCenter
                                : align == u"right" ? Qt::AlignRight
                                                    : Qt::AlignLeft) |
                               Qt::AlignVCenter);
    applyCellSettings(item, m_context.spec.value(QStringLiteral("cellSettings")).toArray(), value);
    applyCellSettings(item, column.value(QStringLiteral("cellSettings")).toArray(), value);
    if (column.contains(QStringLiteral("cellDescription")))
        item->setToolTip(column.value(QStringLiteral("cellDescription")).toString());
    return item;
}

void TablePanelView::fillRows(const PdPlugin::PanelData &input, const std::vector<Column> &columns)
{
    for (std::size_t q = 0; q < input.queries.size(); ++q) {
        for (const PdPlugin::SeriesView &series : input.queries[q].series) {
            const std::optional<double> value =
                series.values.empty() ? std::nullopt : std::optional(series.values.back());
            const qint64 time = series.timesMs.empty() ? 0 : series.timesMs.back();
            QList<QStandardItem *> row;
            for (const Column &column : columns) {
                const QJsonObject settings = columnSettings(column.name);
                QString text;
                std::optional<double> number;
                if (column.name == u"timestamp") {
                    text = series.timesMs.empty() ? QString()
                                                  : timestampText(time, m_context.timeZone);
                } else if (column.name == u"series") {
                    text = series.name;
                } else if (column.name == u"samples") {
                    number = double(series.values.size());
                    text = QString::number(series.values.size());
                } else if (column.numeric) {
                    const bool mine = column.name == u"value" ||
                                      column.name == QStringLiteral("value #%1").arg(q + 1);
                    number = mine ? value : std::nullopt;
                    text = sampleText(number);
                } else {
                    for (const auto &[name, labelValue] : series.labels) {
                        if (name == column.name)
                            text = labelValue;
                    }
                }
                row.append(makeCell(text, number, settings));
            }
            m_model->appendRow(row);
        }
    }
}

void TablePanelView::applyColumnSettings(const std::vector<Column> &columns)
{
    const bool hiddenByDefault =
        m_context.spec.value(QStringLiteral("defaultColumnHidden")).toBool();
    for (int c = 0; c < int(columns.size()); ++c) {
        const QJsonObject settings = columnSettings(columns[std::size_t(c)].name);
        auto *header = new QStandardItem(
            settings.value(QStringLiteral("header")).toString(columns[std::size_t(c)].name));
        header->setToolTip(settings.value(QStringLiteral("headerDescription")).toString());
        m_model->setHorizontalHeaderItem(c, header);
        const bool hide =
            settings.value(QStringLiteral("hide")).toBool(hiddenByDefault && settings.isEmpty());
        m_table->setColumnHidden(c, hide);
        if (const QJsonValue width = settings.value(QStringLiteral("width")); width.isDouble())
            m_table->setColumnWidth(c, width.toInt());
        const QString sort = settings.value(QStringLiteral("sort")).toString();
        if (!sort.isEmpty())
            m_table->sortByColumn(c, sort == u"desc" ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
}

void TablePanelView::setData(const PdPlugin::PanelData &input)
{
    m_model->clear();
    const std::vector<Column> columns = columnsFor(input);
    m_model->setColumnCount(int(columns.size()));
    fillRows(input, columns);
    applyColumnSettings(columns);
    m_table->resizeColumnsToContents();
}

} // namespace PdPanels
