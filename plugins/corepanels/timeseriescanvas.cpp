// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "timeseriescanvas.h"

#include "chartstyle.h"
#include "timeticks.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace PdPanels {

namespace {

// Room around the plot, as the charts had it: the top keeps half of the highest value label
// inside the widget, the right half of a time label at the plot's end.
constexpr double topMargin = 10;
constexpr double rightMargin = 12;
constexpr double edgeMargin = 2;
constexpr double labelGap = 6;     // between a value label and the plot
constexpr double timeLabelGap = 4; // between the plot and the time labels
constexpr double titleGap = 4;     // between the y title and the value labels

} // namespace

TimeSeriesCanvas::TimeSeriesCanvas(QWidget *parent)
    : QWidget(parent)
    , m_plot(this)
{
    setMouseTracking(true); // hover: the tooltip and the crosshair
}

QFont TimeSeriesCanvas::labelFont() const
{
    return axisLabelFont(font());
}

void TimeSeriesCanvas::setTimeLabels(std::vector<AxisLabel> labels)
{
    m_timeLabels = std::move(labels);
    update();
}

void TimeSeriesCanvas::setValueLabels(std::vector<AxisLabel> labels)
{
    m_valueLabels = std::move(labels);
    relayout();
    update();
}

void TimeSeriesCanvas::setValueLabelsShown(bool shown)
{
    m_valueLabelsShown = shown;
    relayout();
    update();
}

void TimeSeriesCanvas::setValueTitle(const QString &title)
{
    m_valueTitle = title;
    relayout();
    update();
}

std::vector<TimeSeriesCanvas::AxisLabel> TimeSeriesCanvas::shownValueLabels() const
{
    return m_valueLabelsShown ? m_valueLabels : std::vector<AxisLabel>{};
}

void TimeSeriesCanvas::relayout()
{
    const QFontMetricsF metrics(labelFont());
    m_valueLabelWidths.clear();
    double widest = 0;
    for (const AxisLabel &label : m_valueLabels) {
        m_valueLabelWidths.push_back(metrics.horizontalAdvance(label.text));
        widest = std::max(widest, m_valueLabelWidths.back());
    }
    double left = edgeMargin;
    if (!m_valueTitle.isEmpty())
        left += metrics.height() + titleGap;
    if (m_valueLabelsShown && !m_valueLabels.empty())
        left += std::ceil(widest) + labelGap;
    const double bottom = edgeMargin + timeLabelGap + std::ceil(metrics.height());
    const QRectF area(QPointF(left, topMargin), QPointF(std::max(left, width() - rightMargin),
                                                        std::max(topMargin, height() - bottom)));
    if (area == m_plot.plotArea())
        return;
    m_plot.setPlotArea(area);
    emit plotAreaChanged();
}

void TimeSeriesCanvas::paintEvent(QPaintEvent *)
{
    const QRectF area = plotArea();
    if (area.width() < 2 || area.height() < 2)
        return;
    QPainter painter(this);
    paintGrid(painter, area);
    paintLabels(painter, area);
    m_plot.paint(&painter);
}

// The grid at every labelled tick, and the axes' lines along the left and the bottom: one
// pixel wide and on whole pixels, so they stay crisp.
void TimeSeriesCanvas::paintGrid(QPainter &painter, const QRectF &area) const
{
    const QColor grid = gridColor(palette(), backgroundRole());
    const QRect pixels = area.toRect();
    for (const AxisLabel &label : m_timeLabels) {
        const int x = pixels.left() + int(std::lround(label.position * area.width()));
        if (x != pixels.left())
            painter.fillRect(QRect(x, pixels.top(), 1, pixels.height() - 1), grid);
    }
    for (const AxisLabel &label : m_valueLabels) {
        const int y = pixels.bottom() - int(std::lround(label.position * area.height()));
        if (y != pixels.bottom())
            painter.fillRect(QRect(pixels.left() + 1, y, pixels.width() - 1, 1), grid);
    }
    painter.fillRect(QRect(pixels.left(), pixels.top(), 1, pixels.height()), grid);
    painter.fillRect(QRect(pixels.left() + 1, pixels.bottom(), pixels.width() - 1, 1), grid);
}

void TimeSeriesCanvas::paintLabels(QPainter &painter, const QRectF &area) const
{
    painter.setFont(labelFont());
    painter.setPen(palette().color(QPalette::WindowText));
    const QFontMetricsF metrics(painter.font());
    for (const AxisLabel &label : m_timeLabels)
        paintTickLabel(painter, area.left() + label.position * area.width(),
                       area.bottom() + timeLabelGap, label.text);
    if (m_valueLabelsShown) {
        // Centred on its tick: the baseline half the text's height below it.
        const double toBaseline = (metrics.ascent() - metrics.descent()) / 2;
        for (std::size_t i = 0; i < m_valueLabels.size(); ++i) {
            const AxisLabel &label = m_valueLabels[i];
            const double y = area.bottom() - label.position * area.height();
            painter.drawText(
                QPointF(area.left() - labelGap - m_valueLabelWidths[i], y + toBaseline),
                label.text);
        }
    }
    if (!m_valueTitle.isEmpty()) {
        painter.save();
        painter.translate(edgeMargin + metrics.ascent(), area.center().y());
        painter.rotate(-90);
        const double width = metrics.horizontalAdvance(m_valueTitle);
        painter.drawText(QPointF(-width / 2, 0), m_valueTitle);
        painter.restore();
    }
}

void TimeSeriesCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void TimeSeriesCanvas::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        relayout();
}

void TimeSeriesCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_dragStartX = event->position().x();
    event->accept();
}

void TimeSeriesCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragStartX)
        emit dragging(*m_dragStartX, event->position().x());
    emit hovered(event->position(), event->globalPosition().toPoint());
    event->accept();
}

void TimeSeriesCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragStartX) {
        const double start = *std::exchange(m_dragStartX, std::nullopt);
        emit dragFinished(start, event->position().x());
    }
    event->accept();
}

void TimeSeriesCanvas::leaveEvent(QEvent *event)
{
    emit left();
    QWidget::leaveEvent(event);
}

} // namespace PdPanels
