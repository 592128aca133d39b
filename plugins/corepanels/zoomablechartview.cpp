// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "zoomablechartview.h"

#include "chartstyle.h"

#include <QMouseEvent>

namespace PdPanels {

ZoomableChartView::ZoomableChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent)
{
    setMouseTracking(true);
    styleChartView(this);
}

void ZoomableChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_dragStartX = mapToScene(event->position().toPoint()).x();
    event->accept();
}

void ZoomableChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF scene = mapToScene(event->position().toPoint());
    if (m_dragStartX)
        emit dragging(*m_dragStartX, scene.x());
    emit hovered(scene, event->globalPosition().toPoint());
    event->accept();
}

void ZoomableChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragStartX) {
        const double start = *std::exchange(m_dragStartX, std::nullopt);
        emit dragFinished(start, mapToScene(event->position().toPoint()).x());
    }
    event->accept();
}

void ZoomableChartView::leaveEvent(QEvent *event)
{
    emit left();
    QChartView::leaveEvent(event);
}

} // namespace PdPanels
