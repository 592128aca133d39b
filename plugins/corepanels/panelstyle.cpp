// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "panelstyle.h"

#include "jsonbridge.h"

#include <QJsonArray>

#include <algorithm>
#include <array>

namespace PdPanels {

namespace {

// The colours Perses gives threshold steps that name none, after the default green.
constexpr std::array stepColors = {"#FFB249", "#EE6C6C", "#B259C6", "#4B86C9"};
constexpr const char *defaultThresholdColor = "#4CAF50";

} // namespace

Pd::UnitFormat unitFormat(const QJsonValue &format)
{
    return Pd::parseUnitFormat(Pd::fromQJsonValue(format));
}

QString unitText(double value, const Pd::UnitFormat &format)
{
    return QString::fromStdString(Pd::formatValue(value, format));
}

Pd::Calculation calculation(const QJsonObject &spec, Pd::Calculation fallback)
{
    const std::string name = spec.value(QStringLiteral("calculation")).toString().toStdString();
    return Pd::parseCalculation(name).value_or(fallback);
}

std::optional<double> number(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

QColor color(const QJsonValue &value, const QColor &fallback)
{
    const QColor parsed = QColor::fromString(value.toString());
    return parsed.isValid() ? parsed : fallback;
}

std::vector<QRectF> splitIntoCells(const QRectF &area, int count)
{
    std::vector<QRectF> cells;
    if (count <= 0)
        return cells;
    int bestColumns = 1;
    double bestScore = -1;
    for (int columns = 1; columns <= count; ++columns) {
        const int rows = (count + columns - 1) / columns;
        const double width = area.width() / columns;
        const double height = area.height() / rows;
        const double score = std::min(width, height * 1.6); // cells a bit wider than tall
        if (score > bestScore) {
            bestScore = score;
            bestColumns = columns;
        }
    }
    const int rows = (count + bestColumns - 1) / bestColumns;
    const QSizeF size(area.width() / bestColumns, area.height() / rows);
    for (int i = 0; i < count; ++i)
        cells.emplace_back(area.topLeft() + QPointF((i % bestColumns) * size.width(),
                                                    (i / bestColumns) * size.height()),
                           size);
    return cells;
}

QColor paletteColor(const QList<QColor> &palette, qsizetype index, const QColor &fallback)
{
    return palette.isEmpty() ? fallback : palette.at(index % palette.size());
}

Thresholds Thresholds::read(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    Thresholds thresholds;
    thresholds.m_percent = object.value(QStringLiteral("mode")).toString() == u"percent";
    thresholds.m_defaultColor = color(object.value(QStringLiteral("defaultColor")),
                                      QColor::fromString(QLatin1StringView(defaultThresholdColor)));
    const QJsonArray steps = object.value(QStringLiteral("steps")).toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonObject step = steps.at(i).toObject();
        const QColor fallback =
            QColor::fromString(QLatin1StringView(stepColors[std::size_t(i) % stepColors.size()]));
        thresholds.m_steps.push_back({step.value(QStringLiteral("value")).toDouble(),
                                      color(step.value(QStringLiteral("color")), fallback),
                                      step.value(QStringLiteral("name")).toString()});
    }
    std::ranges::sort(thresholds.m_steps, {}, &Step::value);
    return thresholds;
}

double Thresholds::absoluteValue(const Step &step, double max) const
{
    return m_percent ? step.value / 100.0 * max : step.value;
}

QColor Thresholds::colorFor(double value, double max) const
{
    QColor result = m_defaultColor;
    for (const Step &step : m_steps) {
        if (value >= absoluteValue(step, max))
            result = step.color;
    }
    return result;
}

} // namespace PdPanels
