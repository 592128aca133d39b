// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QDateTime>
#include <QRectF>
#include <QString>

class QPainter;

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace PdPanels {

// Time axis ticks at round local times (every 5 minutes, every hour, every day...), about one
// per `pixelsPerTick`, labelled as precisely as their spacing needs.
struct TimeTick
{
    qint64 ms = 0;
    QString label;
};
std::vector<TimeTick> timeTicks(qint64 fromMs, qint64 toMs, int widthPx, const QString &zone,
                                int pixelsPerTick = 110);

// A moment in the dashboard's time zone ("" or "local": the user's; unknown names too).
QDateTime zonedTime(qint64 ms, const QString &zone);

// When a sample stops counting: at the next one; the last one lasts a step like the one before
// it (or to the range's end when it is alone), not to the end of the range.
std::int64_t sampleEnd(std::int64_t timeMs, std::optional<std::int64_t> nextMs,
                       std::optional<std::int64_t> previousMs, std::int64_t rangeEndMs);

// Where a sample that lasts until `nextMs` spans horizontally.
std::pair<double, double> sampleExtent(const QRectF &plot, qint64 fromMs, qint64 toMs,
                                       std::int64_t timeMs, std::int64_t nextMs);

// A tick's label with its top at `top`, centred on `x`, moved inside the painted device at
// either end so that it stays whole.
void paintTickLabel(QPainter &painter, double x, double top, const QString &label);

// Tick labels under `plot`, for panels painted without Qt Charts' axes.
void paintTimeAxis(QPainter &painter, const QRectF &plot, qint64 fromMs, qint64 toMs,
                   const QString &zone, const QColor &color);

} // namespace PdPanels
