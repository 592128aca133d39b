// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "timeseriesplot.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QThreadPool>
#include <QWidget>

#include <array>
#include <cmath>
#include <future>
#include <numeric>

namespace PdPanels {

namespace {

// One thread kept waiting to take half of a dense chart's paint (decimation, stroking), so a
// paint neither waits for a thread to start nor for the pool that parses query answers.
QThreadPool &secondThread()
{
    static QThreadPool *pool = [] {
        auto *made = new QThreadPool; // lives as long as the process: paints may come late
        made->setMaxThreadCount(1);
        made->setExpiryTimeout(-1);
        return made;
    }();
    return *pool;
}

// Where a list of series splits between the two threads, the first part holding
// `firstPercent` of the points; the list's size (no split) when all hold fewer than
// `minimum`, which one thread does faster than two.
std::size_t splitByPoints(const std::vector<std::size_t> &points, std::size_t minimum,
                          std::size_t firstPercent)
{
    const std::size_t total = std::accumulate(points.begin(), points.end(), std::size_t(0));
    if (total < minimum)
        return points.size();
    std::size_t first = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        first += points[i];
        if (first * 100 >= total * firstPercent)
            return i + 1;
    }
    return points.size();
}

// Whether the painter puts a logical pixel on a device pixel, only moved (a widget painted at
// its place in a window, or into an image): what the two threads' image and the stamped dots
// need. Not on a high-density device or under a scale, where they would not come out alike.
// The engine's device is the one painted, also when a widget is rendered into an image.
bool paintsOneToOne(const QPainter &painter)
{
    return painter.paintEngine()->paintDevice()->devicePixelRatio() == 1 &&
           painter.deviceTransform().type() <= QTransform::TxTranslate;
}

} // namespace

TimeSeriesPlot::TimeSeriesPlot(QWidget *canvas)
    : m_canvas(canvas)
{}

void TimeSeriesPlot::update()
{
    m_canvas->update(m_area.adjusted(-4, -4, 4, 4).toAlignedRect());
}

void TimeSeriesPlot::setPlotArea(const QRectF &area)
{
    m_area = area;
    m_canvas->update();
}

void TimeSeriesPlot::setSeries(const std::vector<PlotSeries> *series)
{
    m_series = series;
    invalidate();
}

void TimeSeriesPlot::setScale(const ValueScale &scale)
{
    m_scale = scale;
    update();
}

void TimeSeriesPlot::setTimeRange(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + 1);
    invalidate();
}

void TimeSeriesPlot::setThresholds(std::vector<PlotThreshold> thresholds)
{
    m_thresholds = std::move(thresholds);
    update();
}

void TimeSeriesPlot::setHoverTime(std::optional<qint64> timeMs)
{
    m_hoverMs = timeMs;
    update();
}

void TimeSeriesPlot::setSelection(std::optional<std::pair<qint64, qint64>> range)
{
    m_selection = range;
    update();
}

void TimeSeriesPlot::invalidate()
{
    m_decimatedColumns = -1;
    update();
}

void TimeSeriesPlot::setDrawEveryPoint(bool every)
{
    m_everyPoint = every;
    invalidate();
}

qint64 TimeSeriesPlot::timeAt(double x) const
{
    const QRectF area = plotArea();
    const double fraction = std::clamp((x - area.left()) / std::max(1.0, area.width()), 0.0, 1.0);
    return m_fromMs + qint64(std::llround(fraction * double(m_toMs - m_fromMs)));
}

TimeSeriesPlot::PixelMap TimeSeriesPlot::pixelMap() const
{
    const QRectF area = plotArea();
    return {area,     m_fromMs,         area.width() / double(m_toMs - m_fromMs),
            &m_scale, !m_scale.isLog(), m_scale.max() - m_scale.min()};
}

void TimeSeriesPlot::decimateIfNeeded(const QRectF &area)
{
    // M4 keeps a line's pixels only when its columns are the pixel columns the line is drawn
    // on. The plot rarely starts on a pixel edge, so the decimated range runs from the edge
    // left of the plot to the edge right of it, in whole pixels.
    const double left = std::floor(area.left());
    const int columns = int(std::ceil(area.right()) - left);
    if (!m_series || columns == m_decimatedColumns)
        return;
    const double msPerPixel = double(m_toMs - m_fromMs) / area.width();
    const auto fromMs = m_fromMs - std::llround((area.left() - left) * msPerPixel);
    const auto toMs = fromMs + std::llround(columns * msPerPixel);
    // Cleared, not replaced: their memory serves the next decimation.
    m_decimated.resize(m_series->size());
    m_decimatedBase.resize(m_series->size());
    const auto decimate = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            m_decimated[i].clear();
            m_decimatedBase[i].clear();
            const PlotSeries &series = (*m_series)[i];
            if (!series.visible)
                continue;
            if (m_everyPoint) {
                for (std::size_t p = 0; p < series.timesMs.size(); ++p) {
                    m_decimated[i].push_back({series.timesMs[p], series.drawnValues()[p]});
                    if (!series.base.empty())
                        m_decimatedBase[i].push_back({series.timesMs[p], series.base[p]});
                }
                continue;
            }
            Pd::M4Decimator::decimate(series.timesMs, series.drawnValues(), fromMs, toMs, columns,
                                      m_decimated[i]);
            if (!series.base.empty())
                Pd::M4Decimator::decimate(series.timesMs, series.base, fromMs, toMs, columns,
                                          m_decimatedBase[i]);
        }
    };
    // Many points are decimated on two threads, each series by one of them.
    std::vector<std::size_t> points;
    for (const PlotSeries &series : *m_series)
        points.push_back(series.visible ? series.timesMs.size() : 0);
    const std::size_t split = m_twoThreads ? splitByPoints(points, 200'000, 50) : points.size();
    if (split < m_series->size()) {
        std::promise<void> done;
        secondThread().start([&] {
            decimate(split, m_series->size());
            done.set_value();
        });
        decimate(0, split);
        done.get_future().get();
    } else {
        decimate(0, m_series->size());
    }
    m_decimatedColumns = columns;
}

void TimeSeriesPlot::paint(QPainter *painter)
{
    const QRectF area = m_area;
    if (!m_series || area.width() < 2 || area.height() < 2)
        return;
    decimateIfNeeded(area);
    painter->save();
    painter->setClipRect(area.adjusted(-1, -1, 1, 1));
    painter->setRenderHint(QPainter::Antialiasing, true);
    const auto x = [this](qint64 timeMs) { return xOf(timeMs); };
    if (m_annotations)
        m_annotations->paintRegions(painter, area, x);
    // Areas first, then lines over all of them, so no fill hides another series' line.
    for (std::size_t i = 0; i < m_series->size(); ++i) {
        const PlotSeries &series = (*m_series)[i];
        if (series.visible && !m_style.bars)
            paintArea(painter, series, m_decimated[i], m_decimatedBase[i]);
    }
    paintLines(painter);
    if (m_annotations)
        m_annotations->paintMarkers(painter, area, x);
    paintOverlays(painter);
    painter->restore();
}

void TimeSeriesPlot::paintLines(QPainter *painter) const
{
    const std::size_t count = m_series->size();
    // Cosmetic strokes in an image come out as on the device only one to one.
    const std::size_t split = paintsOneToOne(*painter) ? laterHalf() : count;
    m_strokedOnTwoThreads = split < count;
    if (split == count) {
        for (std::size_t i = 0; i < count; ++i)
            paintSeries(painter, i);
        return;
    }
    // Stroking is most of a dense chart's paint, so two cores share it: the later series are
    // stroked into a transparent image on another thread while this one strokes the first,
    // then the image goes on top. The picture is the same up to 8-bit rounding (laying A over
    // B, then C over both, equals laying B, then C, over A).
    const QTransform world = painter->worldTransform();
    const QRectF clip = m_area.adjusted(-1, -1, 1, 1);
    const QRect target = world.mapRect(clip).toAlignedRect();
    std::promise<void> strokedLater;
    std::future<void> later = strokedLater.get_future();
    secondThread().start([this, &strokedLater, &world, &clip, target, split, count] {
        // Kept from paint to paint: a new image would fault in its pages every time.
        if (m_laterStrokes.size() != target.size())
            m_laterStrokes = QImage(target.size(), QImage::Format_ARGB32_Premultiplied);
        m_laterStrokes.fill(Qt::transparent);
        QPainter imagePainter(&m_laterStrokes);
        imagePainter.setRenderHint(QPainter::Antialiasing, true);
        imagePainter.setTransform(world * QTransform::fromTranslate(-target.x(), -target.y()));
        imagePainter.setClipRect(clip);
        for (std::size_t i = split; i < count; ++i)
            paintSeries(&imagePainter, i);
        imagePainter.end();
        strokedLater.set_value();
    });
    for (std::size_t i = 0; i < split; ++i)
        paintSeries(painter, i);
    later.get();
    painter->save();
    painter->setWorldTransform(QTransform());
    painter->setClipping(false);
    painter->drawImage(target.topLeft(), m_laterStrokes);
    painter->restore();
}

// Where the series split for stroking: this thread takes 55 % of the points, as the other
// also fills and hands over an image (about a millisecond's work).
std::size_t TimeSeriesPlot::laterHalf() const
{
    if (!m_twoThreads || m_style.bars)
        return m_series->size();
    std::vector<std::size_t> points;
    for (std::size_t i = 0; i < m_series->size(); ++i)
        points.push_back((*m_series)[i].visible ? m_decimated[i].size() : 0);
    return splitByPoints(points, 40'000, 55);
}

std::vector<QPolygonF>
TimeSeriesPlot::segments(const std::vector<Pd::M4Decimator::Point> &points) const
{
    std::vector<QPolygonF> lines(1);
    lines.back().reserve(qsizetype(points.size()));
    const PixelMap map = pixelMap(); // once: this runs for every point at every paint
    for (const Pd::M4Decimator::Point &point : points) {
        const double y = map.y(point.value);
        if (std::isnan(y)) {
            if (!m_style.connectNulls && !lines.back().isEmpty())
                lines.emplace_back();
            continue;
        }
        lines.back().append(QPointF(map.x(point.timeMs), y));
    }
    if (lines.back().isEmpty())
        lines.pop_back();
    return lines;
}

void TimeSeriesPlot::paintSeries(QPainter *painter, std::size_t index) const
{
    if ((*m_series)[index].visible)
        paintSeries(painter, (*m_series)[index], m_decimated[index]);
}

void TimeSeriesPlot::paintSeries(QPainter *painter, const PlotSeries &series,
                                 const std::vector<Pd::M4Decimator::Point> &points) const
{
    if (m_style.bars) {
        paintBars(painter, series, points);
        return;
    }
    painter->setBrush(Qt::NoBrush);
    // QPainter strokes an antialiased polyline wider than 1 px as one outline, which costs
    // some 80 ms for 4,600 M4 points; separate segments cost 3 ms and a 1 px polyline 1 ms.
    // Dense lines (more than a point per 2 px) therefore take a fast path: 1 px polylines up
    // to lineWidth 1.5 (on such lines the difference does not show), flat segments above.
    const bool dense = points.size() * 2 > std::size_t(plotArea().width());
    const bool solid = series.lineStyle == Qt::SolidLine;
    const bool thin = dense && solid && m_style.lineWidth <= 1.5;
    // A round join is an arc at every point, which QPainter flattens into many: at Perses'
    // 1.25 px a bevel covers the same pixels, in half the time for a sparse line.
    const bool roundJoins = !dense && m_style.lineWidth > 1.5;
    painter->setPen(QPen(series.color, thin ? 1.0 : m_style.lineWidth, series.lineStyle,
                         dense ? Qt::FlatCap : Qt::RoundCap,
                         roundJoins ? Qt::RoundJoin : Qt::BevelJoin));
    for (const QPolygonF &line : segments(points)) {
        if (line.size() == 1) {
            painter->drawPoint(line.front());
        } else if (dense && solid && !thin) {
            QList<QLineF> pieces;
            pieces.reserve(line.size());
            for (qsizetype i = 1; i < line.size(); ++i)
                pieces.append(QLineF(line[i - 1], line[i]));
            painter->drawLines(pieces);
        } else {
            painter->drawPolyline(line);
        }
    }
    const bool fewPoints = points.size() * 8 < std::size_t(plotArea().width());
    if (m_style.alwaysShowPoints || fewPoints) {
        std::vector<QPointF> centres;
        const PixelMap map = pixelMap();
        for (const Pd::M4Decimator::Point &point : points) {
            const double y = map.y(point.value);
            if (!std::isnan(y))
                centres.emplace_back(map.x(point.timeMs), y);
        }
        paintDots(painter, centres, series.color, std::max(m_style.pointRadius, m_style.lineWidth));
    }
}

// QPainter fills every antialiased ellipse as a path of its own, which cost more than the
// rest of a chart of sparse series. On a one-to-one device the dot is drawn once into small
// images, at each quarter-pixel offset, and stamped at whole pixels: a point lands within an
// eighth of a pixel of where the ellipse would be.
void TimeSeriesPlot::paintDots(QPainter *painter, const std::vector<QPointF> &centres,
                               const QColor &colour, double radius) const
{
    const QTransform device = painter->deviceTransform();
    const bool stamped = centres.size() > 32 && paintsOneToOne(*painter);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    if (!stamped) {
        for (const QPointF &centre : centres)
            painter->drawEllipse(centre, radius, radius);
        return;
    }
    constexpr int steps = 4;
    const int half = int(std::ceil(radius)) + 1;
    std::array<QImage, steps * steps> stamps;
    const QTransform back = device.inverted();
    for (const QPointF &centre : centres) {
        const QPointF at = device.map(centre);
        const double left = std::floor(at.x());
        const double top = std::floor(at.y());
        const int column = std::min(steps - 1, int((at.x() - left) * steps));
        const int row = std::min(steps - 1, int((at.y() - top) * steps));
        QImage &stamp = stamps[std::size_t(row * steps + column)];
        if (stamp.isNull()) {
            stamp = QImage(2 * half + 1, 2 * half + 1, QImage::Format_ARGB32_Premultiplied);
            stamp.fill(Qt::transparent);
            QPainter dot(&stamp);
            dot.setRenderHint(QPainter::Antialiasing);
            dot.setPen(Qt::NoPen);
            dot.setBrush(colour);
            dot.drawEllipse(QPointF(half + (column + 0.5) / steps, half + (row + 0.5) / steps),
                            radius, radius);
        }
        painter->drawImage(back.map(QPointF(left - half, top - half)), stamp);
    }
}

void TimeSeriesPlot::paintArea(QPainter *painter, const PlotSeries &series,
                               const std::vector<Pd::M4Decimator::Point> &top,
                               const std::vector<Pd::M4Decimator::Point> &base) const
{
    if (series.areaOpacity <= 0)
        return;
    QColor fill = series.color;
    fill.setAlphaF(float(series.areaOpacity));
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    const QRectF plot = plotArea();
    const double zero =
        std::isnan(yOf(0)) ? plot.bottom() : std::clamp(yOf(0), plot.top(), plot.bottom());
    for (QPolygonF area : segments(top)) {
        if (area.size() < 2)
            continue;
        const double left = area.front().x();
        const double right = area.back().x();
        if (base.empty()) {
            area.append(QPointF(right, zero));
            area.append(QPointF(left, zero));
        } else {
            // A stacked area ends on the series below it.
            const std::vector<QPolygonF> below = segments(base);
            for (auto line = below.rbegin(); line != below.rend(); ++line) {
                for (auto point = line->rbegin(); point != line->rend(); ++point) {
                    if (point->x() >= left - 0.5 && point->x() <= right + 0.5)
                        area.append(*point);
                }
            }
        }
        painter->drawPolygon(area);
    }
}

void TimeSeriesPlot::paintBars(QPainter *painter, const PlotSeries &series,
                               const std::vector<Pd::M4Decimator::Point> &points) const
{
    // Bars as wide as the step of the samples (at most 40 px), with a gap between them.
    std::int64_t stepMs = 0;
    for (std::size_t i = 1; i < std::min<std::size_t>(series.timesMs.size(), 64); ++i) {
        const std::int64_t delta = series.timesMs[i] - series.timesMs[i - 1];
        if (delta > 0 && (stepMs == 0 || delta < stepMs))
            stepMs = delta;
    }
    const double stepPx =
        stepMs > 0 ? double(stepMs) / double(m_toMs - m_fromMs) * plotArea().width() : 12.0;
    const double width = std::clamp(stepPx * 0.7, 1.0, 40.0);
    const double zero = std::isnan(yOf(0)) ? plotArea().bottom() : yOf(0);
    painter->setPen(Qt::NoPen);
    QColor fill = series.color;
    fill.setAlphaF(0.85f);
    painter->setBrush(fill);
    auto bar = [&](std::int64_t timeMs, double value, double bottom) {
        const double y = yOf(value);
        if (!std::isnan(y))
            painter->drawRect(QRectF(QPointF(xOf(timeMs) - width / 2, std::min(y, bottom)),
                                     QSizeF(width, std::abs(bottom - y))));
    };
    // Bars wider than a pixel are few: draw every sample, stacked ones from the series below.
    if (stepPx >= 2) {
        const std::span<const double> values = series.drawnValues();
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (series.timesMs[i] < m_fromMs || series.timesMs[i] > m_toMs)
                continue;
            const double bottom = series.base.empty() ? zero : yOf(series.base[i]);
            bar(series.timesMs[i], values[i], std::isnan(bottom) ? zero : bottom);
        }
        return;
    }
    for (const Pd::M4Decimator::Point &point : points)
        bar(point.timeMs, point.value, zero);
}

void TimeSeriesPlot::paintOverlays(QPainter *painter) const
{
    const QRectF area = plotArea();
    for (const PlotThreshold &threshold : m_thresholds) {
        const double y = yOf(threshold.value);
        if (std::isnan(y))
            continue;
        painter->setPen(QPen(threshold.color, 1.5, Qt::DashLine));
        painter->drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
    const QColor text = m_canvas->palette().color(QPalette::WindowText);
    if (m_hoverMs) {
        painter->setPen(QPen(text, 1, Qt::DotLine));
        const double x = xOf(*m_hoverMs);
        painter->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
    if (m_selection) {
        QColor fill = text;
        fill.setAlphaF(0.15f);
        const double left = xOf(std::min(m_selection->first, m_selection->second));
        const double right = xOf(std::max(m_selection->first, m_selection->second));
        painter->fillRect(QRectF(left, area.top(), right - left, area.height()), fill);
    }
}

} // namespace PdPanels
