// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panelstyle.h"

#include <QChartView>
#include <QPieSeries>

#include <perses-desktop/panelplugin.h>

namespace PdPanels {

// PieChart (§11.1) on Qt Charts: a slice per series (its calculation), sorted, radius as a
// percentage of the panel, labels on request, the legend at the bottom or right.
class PieChartView : public QChartView, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit PieChartView(const PdPlugin::PanelContext &context);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return m_count > 0; }

private:
    // The pie as large as the spec's radius asks, but small enough that the labels beside it
    // fit whole in the plot area (Qt cuts a label that does not fit to "HTTP 500: ..."); with
    // no room for both, the pie without its labels.
    void fitPie();
    // A legend asked for on the right goes below the pie while the panel is too narrow for its
    // names beside it (Qt would cut them to "HTTP ...").
    void placeLegend();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    PdPlugin::PanelContext m_context;
    Pd::UnitFormat m_format;
    int m_count = 0;
    QPieSeries *m_series = nullptr;
    double m_wantedSize = 1.0;
    bool m_labels = false; // showLabels
    bool m_legendOnRight = false;
};

} // namespace PdPanels
