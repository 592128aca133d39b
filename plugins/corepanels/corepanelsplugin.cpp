// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "corepanelsplugin.h"

#include "barchartview.h"
#include "builtinspeccheck.h"
#include "gaugechartview.h"
#include "heatmapview.h"
#include "histogramview.h"
#include "markdownview.h"
#include "piechartview.h"
#include "statchartview.h"
#include "statushistoryview.h"
#include "tablepanelview.h"
#include "timeserieschartview.h"

QList<PdPlugin::PanelKind> CorePanelsPlugin::panelKinds() const
{
    return {
        {QStringLiteral("TimeSeriesChart"), tr("Time Series Chart"), true},
        {QStringLiteral("GaugeChart"), tr("Gauge Chart"), true},
        {QStringLiteral("StatChart"), tr("Stat Chart"), true},
        {QStringLiteral("Table"), tr("Table"), true},
        {QStringLiteral("TimeSeriesTable"), tr("Time Series Table"), true},
        {QStringLiteral("BarChart"), tr("Bar Chart"), true},
        {QStringLiteral("PieChart"), tr("Pie Chart"), true},
        {QStringLiteral("Markdown"), tr("Markdown"), false},
        {QStringLiteral("StatusHistoryChart"), tr("Status History Chart"), true},
        {QStringLiteral("HistogramChart"), tr("Histogram Chart"), true},
        {QStringLiteral("HeatMapChart"), tr("Heat Map Chart"), true},
    };
}

PdPlugin::PanelView *CorePanelsPlugin::createPanel(const PdPlugin::PanelContext &context)
{
    using namespace PdPanels;
    const QString &kind = context.kind;
    if (kind == u"TimeSeriesChart")
        return new TimeSeriesChartView(context);
    if (kind == u"GaugeChart")
        return new GaugeChartView(context);
    if (kind == u"StatChart")
        return new StatChartView(context);
    if (kind == u"Table" || kind == u"TimeSeriesTable")
        return new TablePanelView(context, kind == u"TimeSeriesTable");
    if (kind == u"BarChart")
        return new BarChartView(context);
    if (kind == u"PieChart")
        return new PieChartView(context);
    if (kind == u"Markdown")
        return new MarkdownView(context);
    if (kind == u"StatusHistoryChart")
        return new StatusHistoryView(context);
    if (kind == u"HistogramChart")
        return new HistogramView(context);
    if (kind == u"HeatMapChart")
        return new HeatMapView(context);
    return nullptr;
}

PdPlugin::SpecIssues CorePanelsPlugin::validateSpec(const QString &kind,
                                                    const QJsonObject &spec) const
{
    return Pd::builtinSpecIssues(Pd::PluginType::Panel, kind, spec);
}
