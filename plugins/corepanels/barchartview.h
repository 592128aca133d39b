// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "panelstyle.h"

#include <QChartView>

#include <perses-desktop/panelplugin.h>

namespace PdPanels {

// BarChart (§11.1) on Qt Charts: a bar per series (its calculation), sorted, as values or
// percentages, horizontal or vertical, coloured by palette or colorOverrides.
class BarChartView : public QChartView, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit BarChartView(const PdPlugin::PanelContext &context);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return m_count > 0; }

private:
    QColor colorFor(const QString &name, int index) const;

    PdPlugin::PanelContext m_context;
    Pd::UnitFormat m_format;
    int m_count = 0;
};

} // namespace PdPanels
