// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <vector>

namespace PdPanels {

// A value axis: its range widened to round ticks (linear) or to whole powers (log), and the
// mapping from values to pixels the plot and the axis labels share.
class ValueScale
{
public:
    // `dataMin`/`dataMax` from the data; `fixedMin`/`fixedMax` from the spec win.
    static ValueScale fit(double dataMin, double dataMax, std::optional<double> fixedMin,
                          std::optional<double> fixedMax, int logBase, int tickCount);

    double min() const { return m_min; }
    double max() const { return m_max; }
    const std::vector<double> &ticks() const { return m_ticks; }
    bool isLog() const { return m_logBase > 1; }
    // 0 at min, 1 at max.
    double fraction(double value) const;

private:
    struct Bounds
    {
        bool hasMin = false;
        double min = 0;
        bool hasMax = false;
        double max = 0;
    };
    static ValueScale fitLog(double dataMin, double dataMax, Bounds bounds, int logBase);
    static ValueScale fitLinear(double dataMin, double dataMax, Bounds bounds, int tickCount);

    double m_min = 0;
    double m_max = 1;
    int m_logBase = 0;
    std::vector<double> m_ticks;
};

} // namespace PdPanels
