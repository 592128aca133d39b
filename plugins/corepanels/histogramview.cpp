// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "histogramview.h"

#include <QPainter>

#include <cmath>

namespace PdPanels {

namespace {

constexpr double axisHeight = 20;
constexpr double axisWidth = 48;

} // namespace

HistogramView::HistogramView(const PdPlugin::PanelContext &context)
    : m_context(context)
    , m_thresholds(Thresholds::read(context.spec.value(QStringLiteral("thresholds"))))
{
    setMinimumSize(80, 60);
}

void HistogramView::setData(const PdPlugin::PanelData &input)
{
    m_grid = bucketGrid(input);
    update();
}

double HistogramView::position(double bound, double low, double high) const
{
    const int logBase = m_context.spec.value(QStringLiteral("logBase")).toInt(0);
    if (logBase > 1 && low > 0)
        return (std::log(std::max(bound, low)) - std::log(low)) / (std::log(high) - std::log(low));
    return (bound - low) / (high - low);
}

void HistogramView::paintEvent(QPaintEvent *)
{
    if (m_grid.isEmpty())
        return;
    QPainter painter(this);
    const QRectF plot(axisWidth, 6, width() - axisWidth - 10, height() - axisHeight - 10);
    if (plot.width() < 4 || plot.height() < 4)
        return;
    const std::vector<double> &latest = m_grid.counts.back();
    // The +Inf bucket is drawn as wide as the one before it.
    std::vector<double> upper = m_grid.upper;
    if (upper.size() > 1 && std::isinf(upper.back()))
        upper.back() = upper[upper.size() - 2] * 2 - m_grid.lower[upper.size() - 2];
    // A log axis starts at the first positive bound.
    const bool log = m_context.spec.value(QStringLiteral("logBase")).toInt(0) > 1;
    double firstBound = m_grid.lower.front();
    if (log && firstBound <= 0)
        firstBound = upper.front() > 0 ? upper.front() / 2 : 1;
    const double low = number(m_context.spec, QStringLiteral("min")).value_or(firstBound);
    const double high = number(m_context.spec, QStringLiteral("max")).value_or(upper.back());
    if (!std::isfinite(low) || !std::isfinite(high))
        return;
    double tallest = 0;
    for (double count : latest)
        tallest = std::max(tallest, count);
    if (high <= low || tallest <= 0)
        return;
    const Pd::UnitFormat format = unitFormat(m_context.spec.value(QStringLiteral("format")));
    const QColor text = palette().color(QPalette::WindowText);
    double labelsEnd = -1e9; // right edge of the last bound label drawn
    for (std::size_t b = 0; b < latest.size(); ++b) {
        const double left =
            plot.left() + std::clamp(position(m_grid.lower[b], low, high), 0.0, 1.0) * plot.width();
        const double right =
            plot.left() + std::clamp(position(upper[b], low, high), 0.0, 1.0) * plot.width();
        const double top = plot.bottom() - latest[b] / tallest * plot.height();
        QColor fill = m_thresholds.isEmpty() ? paletteColor(m_context.seriesPalette, 0)
                                             : m_thresholds.colorFor(upper[b]);
        painter.fillRect(QRectF(QPointF(left + 1, top), QPointF(right - 1, plot.bottom())), fill);
        painter.setPen(text);
        const QString label = unitText(m_grid.lower[b], format);
        const double labelWidth = fontMetrics().horizontalAdvance(label);
        if (left - labelWidth / 2 > labelsEnd + 4) {
            painter.drawText(
                QRectF(left - labelWidth / 2 - 2, plot.bottom() + 2, labelWidth + 4, 16),
                Qt::AlignHCenter, label);
            labelsEnd = left + labelWidth / 2;
        }
    }
    painter.drawText(QRectF(0, plot.top() - 6, axisWidth - 6, 16), Qt::AlignRight,
                     QString::number(tallest, 'g', 4));
    painter.drawText(QRectF(0, plot.bottom() - 10, axisWidth - 6, 16), Qt::AlignRight,
                     QStringLiteral("0"));
}

} // namespace PdPanels
