// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "queryresult.h"

#include <QDialog>

#include <memory>

class QLabel;
class QTableWidget;
class QTreeWidget;

namespace Pd::Gui {

// Inspect…: what a panel asked and got. Each query as sent (the PromQL with the variables'
// values, the datasource and its URL, method and endpoint, range and step) and what came
// back (status, series, points, bytes, time taken, Prometheus' error and warnings); the data
// as a table, and all of it exported as CSV.
class PanelInspector : public QDialog
{
    Q_OBJECT

public:
    // Rows the table shows at most; the export has them all.
    static constexpr int maxRows = 20000;

    PanelInspector(const QString &title, std::shared_ptr<const PanelResult> result,
                   QWidget *parent = nullptr);

    QTreeWidget *queries() const { return m_queries; }
    QTableWidget *data() const { return m_data; }
    // Writes the data as CSV (PanelCsv); the reason when it cannot.
    std::optional<QString> exportCsv(const QString &path) const;

private:
    void fillQueries();
    void fillData();

    std::shared_ptr<const PanelResult> m_result;
    QTreeWidget *m_queries;
    QTableWidget *m_data;
    QLabel *m_dataNote;
};

} // namespace Pd::Gui
