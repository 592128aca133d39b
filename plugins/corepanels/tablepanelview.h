// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panelstyle.h"
#include "tablerows.h"

#include <QJsonArray>
#include <QWidget>

#include <map>
#include <optional>
#include <perses-desktop/panelplugin.h>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTableView;

namespace PdPanels {

class TablePager;

// Table and TimeSeriesTable (§11.1). Table: the rows Perses builds (a row per series, a
// column per label plus timestamp and value, "#N" columns with several queries) reshaped by
// the spec's transforms (§10.6), then columnSettings (order, header, hide, align, format,
// width, sort, data links) and cellSettings (conditions that set text, prefix, suffix and
// colours), with sorting, a filter on all or one column, and pagination. What the user sorts
// and filters by, and the page, stay when the data refreshes. TimeSeriesTable: a row per
// series with its last sample and how many it has.
class TablePanelView : public QWidget, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    TablePanelView(const PdPlugin::PanelContext &context, bool timeSeriesTable);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override;

private:
    std::vector<Pd::TableRow> rowsFor(const PdPlugin::PanelData &input) const;
    std::vector<QString> columnsFor(const std::vector<Pd::TableRow> &rows) const;
    void fillRows(const std::vector<Pd::TableRow> &rows, const std::vector<QString> &columns);
    void applyColumnSettings(const std::vector<QString> &columns);
    void restoreUserState(const std::vector<QString> &columns);
    QStandardItem *makeCell(const QString &column, const Pd::TableValue *value,
                            const QJsonObject &settings) const;
    QString dataLink(const QJsonObject &settings, const Pd::TableRow &row) const;
    void openLink(const QModelIndex &index);
    QJsonObject columnSettings(const QString &name) const;

    PdPlugin::PanelContext m_context;
    bool m_timeSeriesTable;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_filterColumn = nullptr;
    TablePager *m_pager = nullptr;
    // What the user chose, by column name: kept across refreshes, which rebuild the model.
    struct UserSort
    {
        QString column;
        Qt::SortOrder order;
    };
    std::optional<UserSort> m_userSort;
    QString m_filterColumnName;
    std::vector<QString> m_columns;      // as shown
    std::map<QString, int> m_userWidths; // dragged by the user, by column name
    bool m_fitting = false;              // widths set by the view, not the user
};

} // namespace PdPanels
