// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "gaugechartview.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace PdPanels {

namespace {

// The arc runs clockwise from 210° to -30° (Qt angles: counter-clockwise from 3 o'clock).
constexpr double startAngle = 210;
constexpr double sweep = 240;

void drawArc(QPainter &painter, const QRectF &box, double fromFraction, double toFraction,
             const QColor &color, double width)
{
    painter.setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap));
    const double from = startAngle - fromFraction * sweep;
    const double span = -(toFraction - fromFraction) * sweep;
    painter.drawArc(box, int(from * 16), int(span * 16));
}

} // namespace

GaugeChartView::GaugeChartView(const PdPlugin::PanelContext &context)
    : m_context(context)
    , m_format(unitFormat(context.spec.value(QStringLiteral("format"))))
    , m_calculation(calculation(context.spec, Pd::Calculation::Last))
    , m_thresholds(Thresholds::read(context.spec.value(QStringLiteral("thresholds"))))
{
    setMinimumSize(40, 40);
}

// The spec's max, else 100 for percent and 1 for percent-decimal and other units (§11.1).
double GaugeChartView::maximum() const
{
    if (const std::optional<double> max = number(m_context.spec, QStringLiteral("max"));
        max && *max > 0)
        return *max;
    return m_format.unit == "percent" ? 100.0 : 1.0;
}

void GaugeChartView::setData(const PdPlugin::PanelData &input)
{
    m_gauges.clear();
    for (const PdPlugin::QueryView &query : input.queries) {
        for (const PdPlugin::SeriesView &series : query.series)
            m_gauges.push_back({series.name, Pd::calculate(m_calculation, series.values)});
    }
    update();
}

void GaugeChartView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const std::vector<QRectF> cells = splitIntoCells(rect(), int(m_gauges.size()));
    for (std::size_t i = 0; i < m_gauges.size(); ++i)
        paintGauge(painter, m_gauges[i], cells[i].adjusted(4, 4, -4, -4));
}

void GaugeChartView::paintRing(QPainter &painter, const QRectF &ring) const
{
    const double max = maximum();
    const double width = std::max(2.0, ring.width() * 0.025);
    double from = 0;
    QColor color = m_thresholds.defaultColor();
    for (const Thresholds::Step &step : m_thresholds.steps()) {
        const double to = std::clamp(m_thresholds.absoluteValue(step, max) / max, 0.0, 1.0);
        drawArc(painter, ring, from, to, color, width);
        from = to;
        color = step.color;
    }
    drawArc(painter, ring, from, 1.0, color, width);
}

void GaugeChartView::paintGauge(QPainter &painter, const Gauge &gauge, const QRectF &cell) const
{
    const bool showName = m_context.spec.value(QStringLiteral("legend"))
                              .toObject()
                              .value(QStringLiteral("show"))
                              .toBool(true);
    const double nameHeight = showName ? std::clamp(cell.height() * 0.12, 12.0, 20.0) : 0;
    const double side = std::min(cell.width(), (cell.height() - nameHeight) * 1.15);
    const QRectF outer(cell.center().x() - side / 2, cell.top() + 4, side, side);
    const double ringWidth = std::max(2.0, side * 0.025);
    paintRing(painter, outer.adjusted(ringWidth, ringWidth, -ringWidth, -ringWidth));

    const double barWidth = side * 0.09;
    const QRectF bar = outer.adjusted(ringWidth * 2 + barWidth, ringWidth * 2 + barWidth,
                                      -ringWidth * 2 - barWidth, -ringWidth * 2 - barWidth);
    QColor track = palette().color(QPalette::WindowText);
    track.setAlphaF(0.1f);
    drawArc(painter, bar, 0, 1, track, barWidth);
    const double max = maximum();
    if (gauge.value && std::isfinite(*gauge.value))
        drawArc(painter, bar, 0, std::clamp(*gauge.value / max, 0.0, 1.0),
                m_thresholds.colorFor(*gauge.value, max), barWidth);

    const QString text = gauge.value ? unitText(*gauge.value, m_format) : QStringLiteral("null");
    QFont valueFont = font();
    valueFont.setBold(true);
    valueFont.setPixelSize(std::max(9, int(side * 0.14)));
    // The value stays inside the arc's opening.
    const double room = bar.width() * 0.72;
    const double advance = QFontMetricsF(valueFont).horizontalAdvance(text);
    if (advance > room)
        valueFont.setPixelSize(std::max(8, int(valueFont.pixelSize() * room / advance)));
    painter.setFont(valueFont);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRectF(bar.left(), bar.center().y() - side * 0.12, bar.width(), side * 0.24),
                     Qt::AlignCenter, text);
    if (showName) {
        QFont nameFont = font();
        nameFont.setPixelSize(int(nameHeight * 0.7));
        painter.setFont(nameFont);
        const QRectF nameBox(cell.left(),
                             std::min(outer.top() + side * 0.86, cell.bottom() - nameHeight),
                             cell.width(), nameHeight);
        painter.drawText(
            nameBox, Qt::AlignCenter,
            QFontMetrics(nameFont).elidedText(gauge.name, Qt::ElideMiddle, int(cell.width())));
    }
}

} // namespace PdPanels
