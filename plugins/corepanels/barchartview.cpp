// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "barchartview.h"

#include "chartstyle.h"
#include "namedvalues.h"
#include "valuescale.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QHorizontalStackedBarSeries>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStackedBarSeries>

namespace PdPanels {

BarChartView::BarChartView(const PdPlugin::PanelContext &context)
    : m_context(context)
    , m_format(valueFormat(context.spec))
{
    styleChartView(this);
    chart()->legend()->hide();
    chart()->setMargins(QMargins(2, 2, 8, 2));
}

QColor BarChartView::colorFor(const QString &name, int index) const
{
    const QJsonArray overrides = m_context.spec.value(QStringLiteral("visual"))
                                     .toObject()
                                     .value(QStringLiteral("colorOverrides"))
                                     .toArray();
    for (const QJsonValue &value : overrides) {
        const QJsonObject override = value.toObject();
        if (QRegularExpression(override.value(QStringLiteral("regex")).toString())
                .match(name)
                .hasMatch())
            return color(override.value(QStringLiteral("color")), Qt::gray);
    }
    return paletteColor(m_context.seriesPalette, index);
}

void BarChartView::setData(const PdPlugin::PanelData &input)
{
    QChart *chart = this->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis), delete axis;
    std::vector<NamedValue> values = namedValues(input, m_context.spec);
    // One bar set per bar: beyond a hundred bars Qt Charts' items cost more than they show.
    constexpr std::size_t maxBars = 100;
    if (values.size() > maxBars)
        values.resize(maxBars);
    m_count = int(values.size());
    const bool vertical =
        m_context.spec.value(QStringLiteral("orientation")).toString() == u"vertical";
    QAbstractBarSeries *series = vertical ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
                                          : new QHorizontalStackedBarSeries;
    series->setBarWidth(0.7);
    QStringList categories;
    double low = 0;
    double high = 0;
    // One set per bar, with its value at its own category only: each bar keeps its colour.
    for (std::size_t i = 0; i < values.size(); ++i) {
        auto *set = new QBarSet(values[i].name);
        for (std::size_t j = 0; j < values.size(); ++j)
            set->append(i == j ? values[i].value : 0);
        set->setColor(colorFor(values[i].name, values[i].seriesIndex));
        set->setBorderColor(Qt::transparent);
        series->append(set);
        categories.append(values[i].name);
        low = std::min(low, values[i].value);
        high = std::max(high, values[i].value);
    }
    if (!vertical)
        std::reverse(categories.begin(), categories.end()); // first bar on top
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    categoryAxis->setLabelsColor(palette().color(QPalette::WindowText));
    categoryAxis->setGridLineVisible(false);
    auto *valueAxis = makeLabelAxis(palette());
    const ValueScale scale = ValueScale::fit(low, high, std::nullopt, std::nullopt, 0, 5);
    setScaleLabels(valueAxis, scale, m_format);
    chart->addAxis(categoryAxis, vertical ? Qt::AlignBottom : Qt::AlignLeft);
    chart->addAxis(valueAxis, vertical ? Qt::AlignLeft : Qt::AlignBottom);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
    if (!vertical) {
        // Horizontal bars list the first value at the top: reverse the value order to match.
        for (QBarSet *set : series->barSets()) {
            QList<qreal> reversed;
            for (int k = int(set->count()) - 1; k >= 0; --k)
                reversed.append(set->at(k));
            set->remove(0, int(set->count()));
            set->append(reversed);
        }
    }
}

} // namespace PdPanels
