// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panelstyle.h"

#include <QWidget>

#include <perses-desktop/panelplugin.h>

namespace PdPanels {

// GaugeChart (§11.1): one arc per series from 0 to max, the threshold steps as a coloured
// outer ring, the value's arc in its threshold colour and the formatted value in the middle.
class GaugeChartView : public QWidget, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit GaugeChartView(const PdPlugin::PanelContext &context);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return !m_gauges.empty(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Gauge
    {
        QString name;
        std::optional<double> value;
    };
    void paintGauge(QPainter &painter, const Gauge &gauge, const QRectF &cell) const;
    void paintRing(QPainter &painter, const QRectF &ring) const;
    double maximum() const;

    PdPlugin::PanelContext m_context;
    Pd::UnitFormat m_format;
    Pd::Calculation m_calculation;
    Thresholds m_thresholds;
    std::vector<Gauge> m_gauges;
};

} // namespace PdPanels
