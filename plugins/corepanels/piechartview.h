// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panelstyle.h"

#include <QChartView>

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
    PdPlugin::PanelContext m_context;
    Pd::UnitFormat m_format;
    int m_count = 0;
};

} // namespace PdPanels
