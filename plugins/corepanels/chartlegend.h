// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractScrollArea>
#include <QColor>
#include <QStringList>

#include <vector>

namespace PdPanels {

// A chart's legend (§10.4): a list of names, or a table with one column per calculation.
// Clicking an entry isolates its series; clicking it again shows all; Ctrl-click toggles one.
// Painted row by row: a dashboard holds a hundred legends, and item views with their headers,
// models and delegates cost more to make and paint than the charts above them.
class ChartLegend : public QAbstractScrollArea
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

    const std::vector<Entry> &entries() const { return m_entries; }
    const QStringList &valueHeaders() const { return m_valueHeaders; }
    // Where an entry's row is in the viewport, scrolled; empty when out of range.
    QRect rowRect(int index) const;

    static constexpr int rowHeight = 20;

signals:
    void entryClicked(int index, bool toggleOnly);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    int headerHeight() const;
    int rowAt(QPoint position) const;
    // The value columns' widths, measured when the entries change.
    void measureColumns();
    void updateScrollRange();
    void paintHeader(QPainter &painter, int width) const;
    void paintRow(QPainter &painter, int index, int top, int width) const;
    // On the right: the width its columns want, but never more than 40 % of the panel, so a
    // narrow panel keeps most of its width for the plot.
    void fitWidth();

    bool m_tableMode;
    bool m_onRight;
    QStringList m_valueHeaders;
    std::vector<Entry> m_entries;
    std::vector<int> m_columnWidths; // of the value columns
    int m_wantedWidth = 0;
};

} // namespace PdPanels
