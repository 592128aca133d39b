// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "heatmapview.h"

#include "timeticks.h"

#include <QLinearGradient>
#include <QPainter>

#include <cmath>

namespace PdPanels {

namespace {

constexpr double axisWidth = 64;
constexpr double axisHeight = 20;
constexpr double mapWidth = 56;

// Pale yellow to deep red, as Perses' default heat map colours run.
QColor gradientColor(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromHsvF(float(0.16 - 0.16 * t), float(0.25 + 0.75 * t), float(1.0 - 0.25 * t));
}

} // namespace

HeatMapView::HeatMapView(const PdPlugin::PanelContext &context)
    : m_context(context)
{
    setMinimumSize(80, 60);
}

void HeatMapView::setData(const PdPlugin::PanelData &input)
{
    m_fromMs = input.fromMs;
    m_toMs = std::max(input.toMs, input.fromMs + 1);
    m_grid = bucketGrid(input);
    update();
}

QColor HeatMapView::colorFor(double count, double min, double max) const
{
    const int logBase = m_context.spec.value(QStringLiteral("logBase")).toInt(0);
    if (!(max > min) || !std::isfinite(count))
        return gradientColor(0);
    double t = (count - min) / (max - min);
    if (logBase > 1)
        t = std::log1p(std::max(0.0, count - min)) / std::log1p(max - min);
    return gradientColor(t);
}

void HeatMapView::paintVisualMap(QPainter &painter, const QRectF &box, double min, double max) const
{
    QLinearGradient gradient(box.bottomLeft(), box.topLeft());
    for (double t : {0.0, 0.5, 1.0})
        gradient.setColorAt(t, gradientColor(t));
    const QRectF bar(box.left() + 4, box.top() + 16, 12, box.height() - 32);
    painter.fillRect(bar, gradient);
    const Pd::UnitFormat format = unitFormat(m_context.spec.value(QStringLiteral("countFormat")));
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRectF(box.left(), box.top(), box.width(), 14), Qt::AlignLeft,
                     unitText(max, format));
    painter.drawText(QRectF(box.left(), bar.bottom() + 2, box.width(), 14), Qt::AlignLeft,
                     unitText(min, format));
}

void HeatMapView::paintEvent(QPaintEvent *)
{
    if (m_grid.isEmpty())
        return;
    QPainter painter(this);
    const bool visualMap = m_context.spec.value(QStringLiteral("showVisualMap")).toBool(true);
    const QRectF plot(axisWidth, 4, width() - axisWidth - (visualMap ? mapWidth : 8),
                      height() - axisHeight - 8);
    if (plot.width() < 4 || plot.height() < 4)
        return;
    const double min = number(m_context.spec, QStringLiteral("min")).value_or(0);
    const double max = number(m_context.spec, QStringLiteral("max")).value_or(m_grid.maxCount());
    const std::size_t buckets = m_grid.upper.size();
    const double rowHeight = plot.height() / double(buckets);
    for (std::size_t c = 0; c < m_grid.timesMs.size(); ++c) {
        const std::int64_t time = m_grid.timesMs[c];
        const std::vector<std::int64_t> &times = m_grid.timesMs;
        const std::int64_t next =
            sampleEnd(time, c + 1 < times.size() ? std::optional(times[c + 1]) : std::nullopt,
                      c > 0 ? std::optional(times[c - 1]) : std::nullopt, m_toMs);
        const auto [left, right] = sampleExtent(plot, m_fromMs, m_toMs, time, next);
        for (std::size_t b = 0; b < buckets; ++b) {
            const double top = plot.bottom() - double(b + 1) * rowHeight;
            painter.fillRect(QRectF(QPointF(std::max(left, plot.left()), top),
                                    QPointF(std::min(right + 0.5, plot.right()), top + rowHeight)),
                             colorFor(m_grid.counts[c][b], min, max));
        }
    }
    const QColor text = palette().color(QPalette::WindowText);
    const Pd::UnitFormat yFormat = unitFormat(m_context.spec.value(QStringLiteral("yAxisFormat")));
    painter.setPen(text);
    for (std::size_t b = 0; b < buckets; ++b) {
        const double top = plot.bottom() - double(b + 1) * rowHeight;
        const QString label = std::isinf(m_grid.upper[b]) ? QStringLiteral("+Inf")
                                                          : unitText(m_grid.upper[b], yFormat);
        painter.drawText(QRectF(0, top, axisWidth - 6, rowHeight),
                         Qt::AlignRight | Qt::AlignVCenter, label);
    }
    paintTimeAxis(painter, plot, m_fromMs, m_toMs, m_context.timeZone, text);
    if (visualMap)
        paintVisualMap(painter, QRectF(plot.right() + 6, plot.top(), mapWidth - 8, plot.height()),
                       min, max);
}

} // namespace PdPanels
