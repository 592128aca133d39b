// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "valuescale.h"

#include <cmath>

namespace PdPanels {

namespace {

// The interval rounding of ECharts, which the Perses UI draws with (numberUtil.nice, rounding
// on): the nearest of 1, 2, 3, 5 or 10 times a power of ten, so 0..30 in five splits steps by
// 5, as the browser shows it, rather than by 10.
double niceStep(double range, int tickCount)
{
    const double rough = range / std::max(1, tickCount);
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    const double fraction = rough / power;
    const double nice = fraction < 1.5   ? 1
                        : fraction < 2.5 ? 2
                        : fraction < 4   ? 3
                        : fraction < 7   ? 5
                                         : 10;
    return nice * power;
}

} // namespace

ValueScale ValueScale::fit(double dataMin, double dataMax, std::optional<double> fixedMin,
                           std::optional<double> fixedMax, int logBase, int tickCount)
{
    // Plain values from here: gcc's -Wmaybe-uninitialized misreads optionals that are reset.
    Bounds bounds{fixedMin.has_value(), fixedMin.value_or(0), fixedMax.has_value(),
                  fixedMax.value_or(0)};
    if (!std::isfinite(dataMin) || !std::isfinite(dataMax)) {
        dataMin = 0;
        dataMax = 1;
    }
    return logBase > 1 ? fitLog(dataMin, dataMax, bounds, logBase)
                       : fitLinear(dataMin, dataMax, bounds, tickCount);
}

ValueScale ValueScale::fitLog(double dataMin, double dataMax, Bounds bounds, int logBase)
{
    ValueScale scale;
    scale.m_logBase = logBase;
    const double base = logBase;
    // A log axis cannot start at or below zero: such bounds are ignored.
    bounds.hasMin = bounds.hasMin && bounds.min > 0;
    bounds.hasMax = bounds.hasMax && bounds.max > 0;
    const double low = bounds.hasMin ? bounds.min : (dataMin > 0 ? dataMin : 1);
    const double high = bounds.hasMax ? bounds.max : (dataMax > low ? dataMax : low * base);
    const double lowPower = std::floor(std::log(std::max(low, 1e-300)) / std::log(base));
    const double highPower = std::ceil(std::log(std::max(high, 1e-300)) / std::log(base));
    scale.m_min = bounds.hasMin ? bounds.min : std::pow(base, lowPower);
    scale.m_max = bounds.hasMax ? bounds.max : std::pow(base, std::max(highPower, lowPower + 1));
    if (scale.m_max <= scale.m_min)
        scale.m_max = scale.m_min * base;
    for (double p = lowPower; p <= highPower + 0.5 && scale.m_ticks.size() < 64; ++p) {
        const double tick = std::pow(base, p);
        if (tick >= scale.m_min && tick <= scale.m_max)
            scale.m_ticks.push_back(tick);
    }
    return scale;
}

ValueScale ValueScale::fitLinear(double dataMin, double dataMax, Bounds bounds, int tickCount)
{
    ValueScale scale;
    // A flat line sits in the middle of a unit range, as charts usually draw it.
    if (dataMax <= dataMin) {
        const double pad = dataMin == 0 ? 1 : std::abs(dataMin) * 0.1;
        dataMin -= pad;
        dataMax += pad;
    }
    // Perses starts positive data at zero.
    if (dataMin > 0 && !bounds.hasMin)
        dataMin = 0;
    double low = bounds.hasMin ? bounds.min : dataMin;
    double high = bounds.hasMax ? bounds.max : dataMax;
    // Fixed bounds stay as written unless they leave nothing to draw (a min at or above the
    // data, min == max): then the range is padded and rounded like a free one.
    if (high <= low) {
        const double pad = std::max(std::abs(low) * 0.1, 1.0);
        if (bounds.hasMax && !bounds.hasMin)
            low = high - pad;
        else
            high = low + pad;
        bounds.hasMin = bounds.hasMax = false;
    }
    const double step = niceStep(std::max(high - low, 1e-300), tickCount);
    scale.m_min = bounds.hasMin ? low : std::floor(low / step) * step;
    scale.m_max = bounds.hasMax ? high : std::ceil(high / step) * step;
    if (scale.m_max <= scale.m_min)
        scale.m_max = scale.m_min + step;
    for (double tick = std::ceil(scale.m_min / step) * step;
         tick <= scale.m_max + step * 1e-9 && scale.m_ticks.size() < 64; tick += step)
        scale.m_ticks.push_back(std::abs(tick) < step * 1e-9 ? 0 : tick);
    return scale;
}

double ValueScale::fraction(double value) const
{
    if (m_logBase > 1) {
        if (value <= 0)
            return -1;
        return (std::log(value) - std::log(m_min)) / (std::log(m_max) - std::log(m_min));
    }
    return (value - m_min) / (m_max - m_min);
}

} // namespace PdPanels
