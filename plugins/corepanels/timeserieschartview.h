// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "chartlegend.h"
#include "panelstyle.h"
#include "plotannotations.h"
#include "timeseriescanvas.h"

#include <QObject>
#include <QPointer>

#include <limits>
#include <perses-desktop/panelplugin.h>
#include <utility>

namespace PdPanels {

// TimeSeriesChart (§11.1): TimeSeriesCanvas draws the axes, grid and titles; the series are
// painted by TimeSeriesPlot from their M4 decimation. Hover shows every series at the hovered time,
// a drag zooms the dashboard, the legend isolates series.
class TimeSeriesChartView : public QObject, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit TimeSeriesChartView(const PdPlugin::PanelContext &context);
    ~TimeSeriesChartView() override;

    QWidget *widget() override { return m_root; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return !m_series.empty(); }

private:
    struct QueryStyle;
    QueryStyle queryStyle(int queryIndex) const;
    void buildSeries(const PdPlugin::PanelData &data);
    void stackSeries();
    void updateValueRange();
    void updateScale();
    int tickCount() const;
    void updateTimeAxis();
    void updateLegend();
    void showTooltip(QPointF position, QPoint globalPos);
    bool showAnnotationTooltip(QPointF position, QPoint globalPos);
    void isolate(int index, bool toggleOnly);

    PdPlugin::PanelContext m_context;
    Pd::UnitFormat m_format;
    std::vector<Pd::Calculation> m_legendValues;
    QPointer<QWidget> m_root;
    TimeSeriesCanvas *m_canvas;
    TimeSeriesPlot *m_plot;
    ChartLegend *m_legend = nullptr;
    std::vector<PlotSeries> m_series;
    PlotAnnotations m_annotations;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    int m_tickCount = 0;
    // updateValueRange(): none yet, as for a chart without data
    std::pair<double, double> m_valueRange{std::numeric_limits<double>::infinity(),
                                           -std::numeric_limits<double>::infinity()};
};

} // namespace PdPanels
