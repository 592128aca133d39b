// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "namedvalues.h"

#include "panelstyle.h"

#include <algorithm>
#include <cmath>

namespace PdPanels {

bool isPercentageMode(const QJsonObject &spec)
{
    return spec.value(QStringLiteral("mode")).toString() == u"percentage";
}

Pd::UnitFormat valueFormat(const QJsonObject &spec)
{
    if (isPercentageMode(spec))
        return Pd::UnitFormat{"percent", std::nullopt, std::nullopt};
    return unitFormat(spec.value(QStringLiteral("format")));
}

std::vector<NamedValue> namedValues(const PdPlugin::PanelData &data, const QJsonObject &spec)
{
    const Pd::Calculation how = calculation(spec, Pd::Calculation::Last);
    std::vector<NamedValue> values;
    int index = 0;
    for (const PdPlugin::QueryView &query : data.queries) {
        for (const PdPlugin::SeriesView &series : query.series) {
            const std::optional<double> value = Pd::calculate(how, series.values);
            if (value && std::isfinite(*value))
                values.push_back({series.name, *value, index});
            ++index;
        }
    }
    if (isPercentageMode(spec)) {
        double total = 0;
        for (const NamedValue &value : values)
            total += value.value;
        for (NamedValue &value : values)
            value.value = total == 0 ? 0 : value.value / total * 100;
    }
    const QString sort = spec.value(QStringLiteral("sort")).toString();
    if (sort == u"asc")
        std::ranges::stable_sort(values, {}, &NamedValue::value);
    else if (sort == u"desc")
        std::ranges::stable_sort(values, std::greater<>{}, &NamedValue::value);
    return values;
}

} // namespace PdPanels
