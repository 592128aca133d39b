// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "calculation.h"
#include "unitformat.h"

#include <QJsonObject>
#include <QString>

#include <perses-desktop/panelplugin.h>
#include <vector>

namespace PdPanels {

// One number per series, as BarChart and PieChart show them: the spec's calculation,
// sorted (`sort`), and as shares of the total when `mode` is "percentage".
struct NamedValue
{
    QString name;
    double value = 0;
    int seriesIndex = 0; // position among all series, for the palette
};
std::vector<NamedValue> namedValues(const PdPlugin::PanelData &data, const QJsonObject &spec);
bool isPercentageMode(const QJsonObject &spec);
// The unit the values are shown in: percent in percentage mode, else the spec's format.
Pd::UnitFormat valueFormat(const QJsonObject &spec);

} // namespace PdPanels
