// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bucketgrid.h"
#include "panelstyle.h"

#include <QWidget>

#include <perses-desktop/panelplugin.h>

namespace PdPanels {

// HeatMapChart (§11.1): histogram buckets over time, a cell per bucket and sample coloured by
// its count (min/max, log scale with logBase), bucket bounds labelled with yAxisFormat and
// counts with countFormat on the visual map.
class HeatMapView : public QWidget, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit HeatMapView(const PdPlugin::PanelContext &context);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return !m_grid.isEmpty(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor colorFor(double count, double min, double max) const;
    void paintVisualMap(QPainter &painter, const QRectF &box, double min, double max) const;

    PdPlugin::PanelContext m_context;
    BucketGrid m_grid;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
};

} // namespace PdPanels
