// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bucketgrid.h"
#include "panelstyle.h"

#include <QWidget>

#include <perses-desktop/panelplugin.h>

namespace PdPanels {

// HistogramChart (§11.1): the buckets of the latest sample as bars as wide as their bounds
// (log scale with logBase), coloured by thresholds, the axis from min to max in `format`.
class HistogramView : public QWidget, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit HistogramView(const PdPlugin::PanelContext &context);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return !m_grid.isEmpty(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double position(double bound, double low, double high) const; // 0..1 along the x axis

    PdPlugin::PanelContext m_context;
    BucketGrid m_grid;
    Thresholds m_thresholds;
};

} // namespace PdPanels
