// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panelstyle.h"

#include <QJsonArray>
#include <QWidget>

#include <perses-desktop/panelplugin.h>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTableView;

namespace PdPanels {

// Table and TimeSeriesTable (§11.1). Table: a row per series, a column per label plus
// timestamp and value (one value column per query), shaped by columnSettings (header, hide,
// align, format, width, sort) and cellSettings (conditions that set text, prefix, suffix and
// colours), with sorting and a filter box. TimeSeriesTable: a row per series with its last
// sample and how many it has.
class TablePanelView : public QWidget, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    TablePanelView(const PdPlugin::PanelContext &context, bool timeSeriesTable);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override;

private:
    struct Column
    {
        QString name;
        bool numeric = false;
    };
    std::vector<Column> columnsFor(const PdPlugin::PanelData &input) const;
    void fillRows(const PdPlugin::PanelData &input, const std::vector<Column> &columns);
    void applyColumnSettings(const std::vector<Column> &columns);
    QStandardItem *makeCell(const QString &text, std::optional<double> value,
                            const QJsonObject &column) const;
    QJsonObject columnSettings(const QString &name) const;

    PdPlugin::PanelContext m_context;
    bool m_timeSeriesTable;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter = nullptr;
};

} // namespace PdPanels
