// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QRectF>
#include <QString>

#include <functional>
#include <perses-desktop/panelplugin.h>
#include <vector>

class QPainter;

namespace PdPanels {

// The annotation events over a time series plot, drawn as the Perses chart draws them: a
// dashed vertical line with a triangle on the time axis at a moment and at both ends of a
// region, and a region's time shaded. Hovering a triangle names its events.
class PlotAnnotations
{
public:
    void setEvents(std::vector<PdPlugin::AnnotationView> events) { m_events = std::move(events); }
    bool isEmpty() const { return m_events.empty(); }
    const std::vector<PdPlugin::AnnotationView> &events() const { return m_events; }

    // Under the series: the shaded regions.
    void paintRegions(QPainter *painter, const QRectF &area,
                      const std::function<double(qint64)> &xOf) const;
    // Over the series: the lines and the markers along the bottom of the plot.
    void paintMarkers(QPainter *painter, const QRectF &area,
                      const std::function<double(qint64)> &xOf) const;
    // The events drawn at x (a moment within a few pixels of it, a region around it).
    std::vector<const PdPlugin::AnnotationView *>
    eventsAt(double x, const std::function<double(qint64)> &xOf) const;
    // The tooltip's lines for those events: name, title, time, text and tags.
    static QString describe(const std::vector<const PdPlugin::AnnotationView *> &events,
                            const std::function<QString(qint64)> &formatTime);

    static constexpr double markerSize = 10;

private:
    std::vector<PdPlugin::AnnotationView> m_events;
};

} // namespace PdPanels
