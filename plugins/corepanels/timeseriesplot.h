// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "m4decimator.h"
#include "plotannotations.h"
#include "valuescale.h"

#include <QColor>
#include <QImage>
#include <QRectF>
#include <QString>

#include <cmath>
#include <optional>
#include <span>
#include <vector>

class QPainter;
class QWidget;

namespace PdPanels {

// One line of a time series chart, with what the spec and querySettings say about it.
struct PlotSeries
{
    QString name;
    QColor color;
    int queryIndex = 0;
    std::span<const std::int64_t> timesMs;
    std::span<const double> values; // as returned: legends and tooltips show these
    std::vector<double> negated;    // querySettings negativeY
    std::vector<double> top;        // stacked values
    std::vector<double> base;       // bottom of a stacked area
    bool stacked = false;
    Qt::PenStyle lineStyle = Qt::SolidLine;
    double areaOpacity = 0;
    bool visible = true;
    std::span<const double> ownValues() const { return negated.empty() ? values : negated; }
    std::span<const double> drawnValues() const { return top.empty() ? ownValues() : top; }
};

struct PlotStyle
{
    bool bars = false;
    double lineWidth = 1.25;
    bool alwaysShowPoints = false;
    double pointRadius = 2.75;
    bool connectNulls = false;
};

struct PlotThreshold
{
    double value = 0;
    QColor color;
};

// The series of a TimeSeriesChart painted with QPainter over its canvas' axes and grid, in
// the plot area the canvas gives it. Each series is drawn from its M4 decimation at the
// plot's width, so a million points cost what a few thousand do; decimations are kept until
// the data, the range or the width change.
class TimeSeriesPlot
{
public:
    // Changes repaint `canvas`, which paints this.
    explicit TimeSeriesPlot(QWidget *canvas);

    void setSeries(const std::vector<PlotSeries> *series);
    void setScale(const ValueScale &scale);
    const ValueScale &scale() const { return m_scale; }
    void setTimeRange(qint64 fromMs, qint64 toMs);
    void setStyle(const PlotStyle &style) { m_style = style; }
    void setThresholds(std::vector<PlotThreshold> thresholds);
    // Drawn with the series; the caller keeps them alive.
    void setAnnotations(const PlotAnnotations *annotations) { m_annotations = annotations; }
    void setHoverTime(std::optional<qint64> timeMs);
    void setSelection(std::optional<std::pair<qint64, qint64>> range);
    void invalidate(); // series changed visibility or values
    // Every point instead of the M4 decimation: what the decimation is measured against.
    void setDrawEveryPoint(bool every);
    // Dense charts are decimated and stroked on two threads (decimateIfNeeded, paintLines);
    // off, on this one alone. For tests that compare the two pictures.
    void setPaintOnTwoThreads(bool two)
    {
        m_twoThreads = two;
        invalidate();
    }
    // Whether the last paint stroked on two threads: for tests.
    bool strokedOnTwoThreads() const { return m_strokedOnTwoThreads; }

    void setPlotArea(const QRectF &area);
    void paint(QPainter *painter);

    QRectF plotArea() const { return m_area; }
    qint64 timeAt(double x) const;
    double xOf(qint64 timeMs) const { return pixelMap().x(timeMs); }
    double yOf(double value) const { return pixelMap().y(value); }

private:
    // How times and values become pixels for the plot area and scale of the moment: made once,
    // then applied to every point of a series (xOf() and yOf() make one per call).
    struct PixelMap
    {
        QRectF area;
        qint64 fromMs = 0;
        double msToPixels = 0;
        const ValueScale *scale = nullptr;
        bool linear = true;
        double valueSpan = 1;

        double x(qint64 timeMs) const { return area.left() + double(timeMs - fromMs) * msToPixels; }
        // NaN for what is not drawn: missing samples, values far below the axis, and values
        // at or below zero on a logarithmic scale.
        double y(double value) const
        {
            const double fraction =
                linear ? (value - scale->min()) / valueSpan : scale->fraction(value);
            if (!std::isfinite(value) || fraction < -0.5 || (!linear && value <= 0))
                return std::nan("");
            return area.bottom() - fraction * area.height();
        }
    };
    PixelMap pixelMap() const;
    void decimateIfNeeded(const QRectF &area);
    void paintLines(QPainter *painter) const;
    std::size_t laterHalf() const;
    void paintSeries(QPainter *painter, std::size_t index) const;
    void paintSeries(QPainter *painter, const PlotSeries &series,
                     const std::vector<Pd::M4Decimator::Point> &points) const;
    void paintDots(QPainter *painter, const std::vector<QPointF> &centres, const QColor &colour,
                   double radius) const;
    void paintArea(QPainter *painter, const PlotSeries &series,
                   const std::vector<Pd::M4Decimator::Point> &top,
                   const std::vector<Pd::M4Decimator::Point> &base) const;
    // The drawn line in pixels, split at gaps unless connectNulls.
    std::vector<QPolygonF> segments(const std::vector<Pd::M4Decimator::Point> &points) const;
    void paintBars(QPainter *painter, const PlotSeries &series,
                   const std::vector<Pd::M4Decimator::Point> &points) const;
    void paintOverlays(QPainter *painter) const;

    void update();

    QWidget *m_canvas;
    QRectF m_area;
    const std::vector<PlotSeries> *m_series = nullptr;
    ValueScale m_scale;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    PlotStyle m_style;
    std::vector<PlotThreshold> m_thresholds;
    const PlotAnnotations *m_annotations = nullptr;
    std::optional<qint64> m_hoverMs;
    std::optional<std::pair<qint64, qint64>> m_selection;
    std::vector<std::vector<Pd::M4Decimator::Point>> m_decimated;
    std::vector<std::vector<Pd::M4Decimator::Point>> m_decimatedBase; // stacked series
    int m_decimatedColumns = -1;
    bool m_everyPoint = false;
    bool m_twoThreads = true;
    mutable QImage m_laterStrokes; // the series stroked on the other thread (paintLines)
    mutable bool m_strokedOnTwoThreads = false;
};

} // namespace PdPanels
