// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "piechartview.h"

#include "chartstyle.h"
#include "namedvalues.h"

#include <QFontMetrics>
#include <QJsonArray>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>

namespace PdPanels {

PieChartView::PieChartView(const PdPlugin::PanelContext &context)
    : m_context(context)
    , m_format(valueFormat(context.spec))
{
    styleChartView(this);
    chart()->setMargins(QMargins(2, 2, 2, 2));
    const QJsonObject legend = context.spec.value(QStringLiteral("legend")).toObject();
    chart()->legend()->setVisible(!legend.isEmpty());
    m_legendOnRight = legend.value(QStringLiteral("position")).toString() == u"right";
    chart()->legend()->setAlignment(m_legendOnRight ? Qt::AlignRight : Qt::AlignBottom);
    chart()->legend()->setLabelColor(palette().color(QPalette::WindowText));
    connect(chart(), &QChart::plotAreaChanged, this, &PieChartView::fitPie);
}

void PieChartView::setData(const PdPlugin::PanelData &input)
{
    chart()->removeAllSeries();
    const std::vector<NamedValue> values = namedValues(input, m_context.spec);
    m_count = int(values.size());
    auto *series = new QPieSeries;
    // radius is a percentage of the panel; Qt's pie size is a fraction of the plot area.
    const double radius = m_context.spec.value(QStringLiteral("radius")).toDouble(50);
    const bool labels = m_context.spec.value(QStringLiteral("showLabels")).toBool(false);
    m_labels = labels;
    // Labels sit outside the pie: leave them room.
    m_wantedSize = std::clamp(radius / 100.0 * 1.6, 0.05, labels ? 0.7 : 1.0);
    series->setPieSize(m_wantedSize);
    QList<QColor> palette;
    for (const QJsonValue &value : m_context.spec.value(QStringLiteral("colorPalette")).toArray())
        palette.append(color(value, Qt::gray));
    if (palette.isEmpty())
        palette = m_context.seriesPalette;
    for (const NamedValue &value : values) {
        QPieSlice *slice = series->append(
            value.name + QStringLiteral(": ") + unitText(value.value, m_format), value.value);
        slice->setColor(paletteColor(palette, value.seriesIndex));
        slice->setBorderColor(this->palette().color(QPalette::Window));
        slice->setLabelVisible(labels);
        slice->setLabelColor(this->palette().color(QPalette::WindowText));
    }
    chart()->addSeries(series);
    m_series = series;
    placeLegend();
    fitPie();
}

void PieChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeLegend();
}

void PieChartView::placeLegend()
{
    if (!m_legendOnRight || !m_series)
        return;
    const QFontMetrics metrics(chart()->legend()->font());
    int widest = 0;
    for (const QPieSlice *slice : m_series->slices())
        widest = std::max(widest, metrics.horizontalAdvance(slice->label()));
    // Marker and margins beside the text; the pie keeps at least three fifths of the width.
    const bool fits = widest + 40 <= width() * 2 / 5;
    const Qt::Alignment wanted = fits ? Qt::AlignRight : Qt::AlignBottom;
    if (chart()->legend()->alignment() != wanted)
        chart()->legend()->setAlignment(wanted);
}

void PieChartView::fitPie()
{
    if (!m_series || m_series->slices().isEmpty() || !m_labels)
        return;
    const QRectF plot = chart()->plotArea();
    if (plot.width() <= 0 || plot.height() <= 0)
        return;
    int widest = 0;
    const QFontMetrics metrics(m_series->slices().front()->labelFont());
    for (const QPieSlice *slice : m_series->slices())
        widest = std::max(widest, metrics.horizontalAdvance(slice->label()));
    // Qt sizes the pie from the plot area's smaller side; the label arms take 15 % of the
    // radius besides the text.
    const double side = std::min(plot.width(), plot.height());
    const double fitting = (plot.width() - 2.0 * (widest + 16)) / side / 1.15;
    // Too narrow for labels beside a pie worth the name: the pie alone (the legend names the
    // slices), rather than a dot with its labels cut anyway.
    constexpr double smallestWithLabels = 0.35;
    const bool labelsFit = fitting >= smallestWithLabels;
    for (QPieSlice *slice : m_series->slices())
        slice->setLabelVisible(labelsFit);
    m_series->setPieSize(labelsFit ? std::min(m_wantedSize, fitting) : m_wantedSize);
}

} // namespace PdPanels
