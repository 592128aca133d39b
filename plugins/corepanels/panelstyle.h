// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "calculation.h"
#include "unitformat.h"

#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

namespace PdPanels {

// The shared spec pieces of §10 as the panels read them.
Pd::UnitFormat unitFormat(const QJsonValue &format);
QString unitText(double value, const Pd::UnitFormat &format);
Pd::Calculation calculation(const QJsonObject &spec, Pd::Calculation fallback);
std::optional<double> number(const QJsonObject &object, const QString &key);
QColor color(const QJsonValue &value, const QColor &fallback);
// The index-th colour of a palette, round and round; `fallback` when it is empty.
QColor paletteColor(const QList<QColor> &palette, qsizetype index,
                    const QColor &fallback = QColor(Qt::gray));

// Cells for one value per series (Stat, Gauge): as square as the area allows.
std::vector<QRectF> splitIntoCells(const QRectF &area, int count);

// #thresholds (§10.3): the colour a value takes, steps sorted by value.
class Thresholds
{
public:
    struct Step
    {
        double value = 0;
        QColor color;
        QString name;
    };

    static Thresholds read(const QJsonValue &thresholds);
    bool isEmpty() const { return m_steps.empty(); }
    const std::vector<Step> &steps() const { return m_steps; }
    QColor defaultColor() const { return m_defaultColor; }
    // The colour of `value`; percent steps are taken against [0, max].
    QColor colorFor(double value, double max = 100) const;
    // Absolute step values (percent ones scaled to max).
    double absoluteValue(const Step &step, double max) const;

private:
    bool m_percent = false;
    QColor m_defaultColor;
    std::vector<Step> m_steps;
};

} // namespace PdPanels
