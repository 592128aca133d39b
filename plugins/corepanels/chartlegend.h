// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>

class QTableWidget;

namespace PdPanels {

// A chart's legend (§10.4): a list of names, or a table with one column per calculation.
// Clicking an entry isolates its series; clicking it again shows all; Ctrl-click toggles one.
class ChartLegend : public QWidget
{
    Q_OBJECT

public:
    struct Entry
    {
        QString name;
        QColor color;
        QStringList values; // one per column of valueHeaders
        bool visible = true;
    };

    ChartLegend(bool table, bool onRight, QWidget *parent = nullptr);
    void setEntries(const QStringList &valueHeaders, const std::vector<Entry> &entries);

signals:
    void entryClicked(int index, bool toggleOnly);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // On the right: the width its columns want, but never more than 40 % of the panel, so a
    // narrow panel keeps most of its width for the plot.
    void fitWidth();

    QTableWidget *m_table;
    bool m_tableMode;
    bool m_onRight;
    int m_wantedWidth = 0;
};

} // namespace PdPanels
