// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "plotannotations.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPolygonF>

#include <cmath>

namespace PdPanels {

namespace {

bool isRegion(const PdPlugin::AnnotationView &event)
{
    return event.endMs > event.startMs;
}

} // namespace

void PlotAnnotations::paintRegions(QPainter *painter, const QRectF &area,
                                   const std::function<double(qint64)> &xOf) const
{
    for (const PdPlugin::AnnotationView &event : m_events) {
        if (!isRegion(event))
            continue;
        QColor fill = event.color;
        fill.setAlphaF(0.3f); // as the Perses chart shades them
        const double left = std::max(area.left(), xOf(event.startMs));
        const double right = std::min(area.right(), xOf(event.endMs));
        if (right > left)
            painter->fillRect(QRectF(left, area.top(), right - left, area.height()), fill);
    }
}

void PlotAnnotations::paintMarkers(QPainter *painter, const QRectF &area,
                                   const std::function<double(qint64)> &xOf) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const double bottom = area.bottom();
    // A dashed line and a marker at a moment, at both ends of a region.
    auto mark = [&](const QColor &color, double x) {
        if (x < area.left() - 1 || x > area.right() + 1)
            return;
        painter->setPen(QPen(color, 1.5, Qt::DashLine));
        painter->drawLine(QPointF(x, area.top()), QPointF(x, bottom));
        const QPolygonF marker{QPointF(x, bottom - markerSize), QPointF(x - markerSize / 2, bottom),
                               QPointF(x + markerSize / 2, bottom)};
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPolygon(marker);
    };
    for (const PdPlugin::AnnotationView &event : m_events) {
        mark(event.color, xOf(event.startMs));
        if (isRegion(event))
            mark(event.color, xOf(event.endMs));
    }
    painter->restore();
}

std::vector<const PdPlugin::AnnotationView *>
PlotAnnotations::eventsAt(double x, const std::function<double(qint64)> &xOf) const
{
    std::vector<const PdPlugin::AnnotationView *> found;
    // The markers answer, as in Perses: a region at either end.
    const auto near = [x](double at) { return std::abs(x - at) <= markerSize / 2 + 1; };
    for (const PdPlugin::AnnotationView &event : m_events) {
        if (near(xOf(event.startMs)) || (isRegion(event) && near(xOf(event.endMs))))
            found.push_back(&event);
    }
    return found;
}

QString PlotAnnotations::describe(const std::vector<const PdPlugin::AnnotationView *> &events,
                                  const std::function<QString(qint64)> &formatTime)
{
    QString html;
    for (const PdPlugin::AnnotationView *event : events) {
        html += QStringLiteral("<div><span style=\"color:%1\">&#9650;</span> <b>%2</b>")
                    .arg(event->color.name(), event->title.toHtmlEscaped());
        if (!event->annotation.isEmpty())
            html += QStringLiteral(" <i>(%1)</i>").arg(event->annotation.toHtmlEscaped());
        QString when = formatTime(event->startMs);
        if (isRegion(*event))
            when = QCoreApplication::translate("PdPanels::PlotAnnotations", "%1 to %2")
                       .arg(when, formatTime(event->endMs));
        html += QStringLiteral("<br>") + when.toHtmlEscaped();
        if (!event->text.isEmpty())
            html += QStringLiteral("<br>") + event->text.toHtmlEscaped();
        QStringList tags;
        for (const auto &[name, value] : event->tags)
            tags.append(name + u'=' + value);
        if (!tags.isEmpty())
            html += QStringLiteral("<br><small>") +
                    tags.join(QStringLiteral(", ")).toHtmlEscaped() + QStringLiteral("</small>");
        html += QStringLiteral("</div>");
    }
    return html;
}

} // namespace PdPanels
