// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "timeticks.h"

#include <QDateTime>
#include <QPainter>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>

namespace PdPanels {

namespace {

constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
constexpr std::array intervals = {second,      5 * second, 10 * second, 15 * second, 30 * second,
                                  minute,      2 * minute, 5 * minute,  10 * minute, 15 * minute,
                                  30 * minute, hour,       2 * hour,    3 * hour,    6 * hour,
                                  12 * hour,   day,        2 * day,     7 * day,     14 * day,
                                  30 * day,    90 * day,   365 * day};

QString labelFormat(qint64 interval, qint64 rangeMs)
{
    if (interval < minute)
        return QStringLiteral("HH:mm:ss");
    if (interval >= day)
        return QStringLiteral("MM/dd");
    return rangeMs > day ? QStringLiteral("MM/dd HH:mm") : QStringLiteral("HH:mm");
}

} // namespace

QDateTime zonedTime(qint64 ms, const QString &zone)
{
    if (zone.isEmpty() || zone == u"local")
        return QDateTime::fromMSecsSinceEpoch(ms);
    const QTimeZone timeZone(zone.toUtf8());
    return timeZone.isValid() ? QDateTime::fromMSecsSinceEpoch(ms, timeZone)
                              : QDateTime::fromMSecsSinceEpoch(ms);
}

std::vector<TimeTick> timeTicks(qint64 fromMs, qint64 toMs, int widthPx, const QString &zone,
                                int pixelsPerTick)
{
    std::vector<TimeTick> ticks;
    if (toMs <= fromMs || widthPx <= 0)
        return ticks;
    const qint64 range = toMs - fromMs;
    // Fractional: a 290 px plot holds 2.6 ticks of 110 px, not 2, which took the interval a
    // step coarser than it fits and often left a narrow panel a single label.
    const double fit = std::max(1.0, double(widthPx) / std::max(1, pixelsPerTick));
    const auto wanted = qint64(std::ceil(double(range) / fit));
    qint64 interval = intervals.back();
    for (qint64 candidate : intervals) {
        if (candidate >= wanted) {
            interval = candidate;
            break;
        }
    }
    // Round in the zone's wall-clock time, so hourly ticks fall on the hour where the user is,
    // and stay there across a daylight saving change.
    auto offsetAt = [&zone](qint64 ms) {
        return qint64(zonedTime(ms, zone).offsetFromUtc()) * second;
    };
    qint64 offsetMs = offsetAt(fromMs);
    qint64 tick = ((fromMs + offsetMs) / interval) * interval - offsetMs;
    if (tick < fromMs)
        tick += interval;
    const QString format = labelFormat(interval, range);
    while (tick <= toMs) {
        ticks.push_back({tick, zonedTime(tick, zone).toString(format)});
        tick += interval;
        if (interval >= hour) {
            const qint64 shifted = offsetAt(tick);
            tick -= shifted - offsetMs;
            offsetMs = shifted;
        }
    }
    return ticks;
}

std::int64_t sampleEnd(std::int64_t timeMs, std::optional<std::int64_t> nextMs,
                       std::optional<std::int64_t> previousMs, std::int64_t rangeEndMs)
{
    if (nextMs)
        return *nextMs;
    return previousMs ? timeMs + (timeMs - *previousMs) : rangeEndMs;
}

std::pair<double, double> sampleExtent(const QRectF &plot, qint64 fromMs, qint64 toMs,
                                       std::int64_t timeMs, std::int64_t nextMs)
{
    const double span = double(std::max<qint64>(1, toMs - fromMs));
    return {plot.left() + double(timeMs - fromMs) / span * plot.width(),
            plot.left() + double(nextMs - fromMs) / span * plot.width()};
}

void paintTickLabel(QPainter &painter, double x, double top, const QString &label)
{
    // A label at either end stays whole: centred on its tick, moved inside the device.
    const double right = painter.device() ? double(painter.device()->width()) : x;
    const double width = painter.fontMetrics().horizontalAdvance(label) + 2;
    const double left = std::clamp(x - width / 2, 0.0, std::max(0.0, right - width));
    painter.drawText(QRectF(left, top, width, 16), Qt::AlignHCenter | Qt::AlignTop, label);
}

void paintTimeAxis(QPainter &painter, const QRectF &plot, qint64 fromMs, qint64 toMs,
                   const QString &zone, const QColor &color)
{
    painter.setPen(color);
    const double span = double(std::max<qint64>(1, toMs - fromMs));
    for (const TimeTick &tick : timeTicks(fromMs, toMs, int(plot.width()), zone))
        paintTickLabel(painter, plot.left() + double(tick.ms - fromMs) / span * plot.width(),
                       plot.bottom() + 2, tick.label);
}

} // namespace PdPanels
