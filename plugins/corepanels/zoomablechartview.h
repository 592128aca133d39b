// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QChartView>

namespace PdPanels {

// A chart view that reports the pointer in scene coordinates: hover for the tooltip and the
// crosshair, and a horizontal drag for zooming into a time range.
class ZoomableChartView : public QChartView
{
    Q_OBJECT

public:
    explicit ZoomableChartView(QChart *chart, QWidget *parent = nullptr);

signals:
    void hovered(QPointF scenePos, QPoint globalPos);
    void left();
    void dragging(double fromX, double toX);
    void dragFinished(double fromX, double toX);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    std::optional<double> m_dragStartX;
};

} // namespace PdPanels
