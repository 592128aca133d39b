// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "chartlegend.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <numeric>

namespace PdPanels {

namespace {

constexpr int padding = 6;      // around a cell's text
constexpr int swatchWidth = 10; // the series' colour before its name
constexpr int nameIndent = 2 * padding + swatchWidth;

} // namespace

ChartLegend::ChartLegend(bool table, bool onRight, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_tableMode(table)
    , m_onRight(onRight)
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::NoFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // On the panel's background.
    viewport()->setAutoFillBackground(false);
    viewport()->setMouseTracking(true);
    verticalScrollBar()->setSingleStep(rowHeight);
}

void ChartLegend::setEntries(const QStringList &valueHeaders, const std::vector<Entry> &entries)
{
    m_valueHeaders = m_tableMode ? valueHeaders : QStringList();
    m_entries = entries;
    measureColumns();
    const int rows = std::min<int>(int(entries.size()), m_onRight ? 1000 : 4);
    if (!m_onRight) {
        setFixedHeight(headerHeight() + rows * rowHeight + 4);
    } else {
        m_wantedWidth = m_tableMode ? 120 + 80 * int(m_valueHeaders.size()) : 180;
        fitWidth();
    }
    updateScrollRange();
    viewport()->update();
}

int ChartLegend::headerHeight() const
{
    return m_tableMode ? rowHeight : 0;
}

void ChartLegend::measureColumns()
{
    const QFontMetrics metrics = fontMetrics();
    m_columnWidths.clear();
    for (qsizetype column = 0; column < m_valueHeaders.size(); ++column) {
        int widest = metrics.horizontalAdvance(m_valueHeaders[column]);
        for (const Entry &entry : m_entries)
            widest = std::max(widest, metrics.horizontalAdvance(entry.values.value(column)));
        m_columnWidths.push_back(widest + 2 * padding);
    }
}

void ChartLegend::updateScrollRange()
{
    const int rowsHeight = int(m_entries.size()) * rowHeight;
    const int shown = viewport()->height() - headerHeight();
    verticalScrollBar()->setRange(0, std::max(0, rowsHeight - shown));
    verticalScrollBar()->setPageStep(std::max(rowHeight, shown));
}

QRect ChartLegend::rowRect(int index) const
{
    if (index < 0 || index >= int(m_entries.size()))
        return {};
    const int top = headerHeight() + index * rowHeight - verticalScrollBar()->value();
    return QRect(0, top, viewport()->width(), rowHeight);
}

int ChartLegend::rowAt(QPoint position) const
{
    if (position.y() < headerHeight())
        return -1;
    const int row = (position.y() - headerHeight() + verticalScrollBar()->value()) / rowHeight;
    return row < int(m_entries.size()) ? row : -1;
}

void ChartLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const int width = viewport()->width();
    painter.setClipRect(QRect(0, headerHeight(), width, viewport()->height() - headerHeight()));
    const int first = verticalScrollBar()->value() / rowHeight;
    for (int index = first; index < int(m_entries.size()); ++index) {
        const int top = headerHeight() + index * rowHeight - verticalScrollBar()->value();
        if (top >= viewport()->height())
            break;
        paintRow(painter, index, top, width);
    }
    painter.setClipping(false);
    if (m_tableMode)
        paintHeader(painter, width);
}

// Names at the left, the calculations' titles over their right-aligned values, a line under.
void ChartLegend::paintHeader(QPainter &painter, int width) const
{
    const QColor text = palette().color(QPalette::Text);
    painter.setPen(text);
    const int baseline = (rowHeight + fontMetrics().ascent() - fontMetrics().descent()) / 2;
    painter.drawText(QPoint(nameIndent, baseline), tr("Name"));
    int right = width;
    for (qsizetype column = m_valueHeaders.size() - 1; column >= 0; --column) {
        const int columnWidth = m_columnWidths[std::size_t(column)];
        const QString &title = m_valueHeaders[column];
        painter.drawText(QPoint(right - padding - fontMetrics().horizontalAdvance(title), baseline),
                         title);
        right -= columnWidth;
    }
    QColor line = text;
    line.setAlphaF(0.2f);
    painter.fillRect(QRect(0, rowHeight - 1, width, 1), line);
}

void ChartLegend::paintRow(QPainter &painter, int index, int top, int width) const
{
    const Entry &entry = m_entries[std::size_t(index)];
    QColor text = palette().color(QPalette::Text);
    QColor swatch = entry.color;
    if (!entry.visible) {
        text.setAlphaF(0.45f);
        swatch.setAlphaF(0.25f);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(swatch);
    painter.drawRoundedRect(QRectF(padding, top + rowHeight / 2.0 - 2, swatchWidth, 4), 2, 2);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(text);
    const QFontMetrics metrics = fontMetrics();
    const int baseline = top + (rowHeight + metrics.ascent() - metrics.descent()) / 2;
    const int values = std::accumulate(m_columnWidths.begin(), m_columnWidths.end(), 0);
    const int nameWidth = std::max(0, width - values - nameIndent - padding);
    painter.drawText(QPoint(nameIndent, baseline),
                     metrics.elidedText(entry.name, Qt::ElideRight, nameWidth));
    int right = width;
    for (qsizetype column = m_valueHeaders.size() - 1; column >= 0; --column) {
        const QString value = entry.values.value(column);
        painter.drawText(QPoint(right - padding - metrics.horizontalAdvance(value), baseline),
                         value);
        right -= m_columnWidths[std::size_t(column)];
    }
}

void ChartLegend::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
}

void ChartLegend::scrollContentsBy(int, int)
{
    viewport()->update();
}

void ChartLegend::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && row >= 0)
        emit entryClicked(row, event->modifiers() & Qt::ControlModifier);
    event->accept();
}

bool ChartLegend::viewportEvent(QEvent *event)
{
    // The whole name of a row, which a narrow legend elides.
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0)
            QToolTip::showText(help->globalPos(), m_entries[std::size_t(row)].name, viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void ChartLegend::fitWidth()
{
    if (!m_onRight || m_wantedWidth == 0)
        return;
    const int panel = parentWidget() ? parentWidget()->width() : m_wantedWidth;
    setFixedWidth(std::min(m_wantedWidth, std::max(60, panel * 2 / 5)));
}

bool ChartLegend::event(QEvent *event)
{
    // The panel's width decides ours: watched from whichever widget holds us.
    if (event->type() == QEvent::ParentChange && parentWidget())
        parentWidget()->installEventFilter(this);
    if (event->type() == QEvent::FontChange) {
        measureColumns();
        viewport()->update();
    }
    return QAbstractScrollArea::event(event);
}

bool ChartLegend::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        fitWidth();
    return QAbstractScrollArea::eventFilter(watched, event);
}

} // namespace PdPanels
