// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panelstyle.h"

#include <QPointer>
#include <QWidget>

#include <perses-desktop/panelplugin.h>

namespace PdPanels {

// StatChart (§11.1): one big value per series, its calculation formatted with the unit,
// mapped (mappings) and coloured (thresholds, colorMode), over an optional sparkline.
class StatChartView : public QWidget, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit StatChartView(const PdPlugin::PanelContext &context);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return !m_stats.empty(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Stat
    {
        QString name;
        QString text;
        QColor color;
        std::vector<QPointF> sparkline; // x, y in 0..1
    };
    Stat makeStat(const PdPlugin::SeriesView &series) const;
    void paintStat(QPainter &painter, const Stat &stat, const QRectF &cell, bool showName) const;

    PdPlugin::PanelContext m_context;
    Pd::UnitFormat m_format;
    Pd::Calculation m_calculation;
    Thresholds m_thresholds;
    std::vector<Stat> m_stats;
};

} // namespace PdPanels
