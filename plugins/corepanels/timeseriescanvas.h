// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "timeseriesplot.h"

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

namespace PdPanels {

// The surface of a TimeSeriesChart: the axes' labels, the grid and the plot inside them, all
// painted on this one widget. A dashboard holds a hundred of these, and a Qt Charts scene
// (its items, text documents and layout) cost more to make and paint than a panel's answer
// costs to fetch. Reports the pointer for the tooltip, the crosshair and the drag zoom.
class TimeSeriesCanvas : public QWidget
{
    Q_OBJECT

public:
    // A tick label and where its tick is along the axis: 0 at the left or bottom, 1 at the
    // right or top of the plot.
    struct AxisLabel
    {
        QString text;
        double position = 0;
    };

    explicit TimeSeriesCanvas(QWidget *parent = nullptr);

    TimeSeriesPlot &plot() { return m_plot; }
    const TimeSeriesPlot &plot() const { return m_plot; }
    // Where the series are drawn, in this widget's pixels.
    QRectF plotArea() const { return m_plot.plotArea(); }

    void setTimeLabels(std::vector<AxisLabel> labels);
    void setValueLabels(std::vector<AxisLabel> labels);
    void setValueLabelsShown(bool shown);
    void setValueTitle(const QString &title);
    const std::vector<AxisLabel> &timeLabels() const { return m_timeLabels; }
    // Empty when the spec hides them.
    std::vector<AxisLabel> shownValueLabels() const;

signals:
    void plotAreaChanged();
    void hovered(QPointF position, QPoint globalPos);
    void left();
    void dragging(double fromX, double toX);
    void dragFinished(double fromX, double toX);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    QFont labelFont() const;
    // Places the plot inside the labels; tells when that moved it.
    void relayout();
    void paintGrid(QPainter &painter, const QRectF &area) const;
    void paintLabels(QPainter &painter, const QRectF &area) const;

    TimeSeriesPlot m_plot;
    std::vector<AxisLabel> m_timeLabels;
    std::vector<AxisLabel> m_valueLabels;
    std::vector<double> m_valueLabelWidths;
    bool m_valueLabelsShown = true;
    QString m_valueTitle;
    std::optional<double> m_dragStartX;
};

} // namespace PdPanels
