// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "commonschemas.h"
#include "coreschemas.h"
#include "pluginschemaregistry.h"

namespace Pd::CoreSchemas {

using namespace CommonSchemas;

namespace {

const std::vector<std::string> timeSeries = {"TimeSeriesQuery"};

void addPanel(PluginSchemaRegistry &registry, std::string kind, Schema spec,
              std::vector<std::string> queryTypes)
{
    registry.add(PluginSchema{
        std::move(kind), PluginType::Panel, std::move(spec), {}, std::move(queryTypes), {}});
}

Schema boolean()
{
    return Schema::boolean();
}
Schema text()
{
    return Schema::string();
}
Schema stringMin1()
{
    return Schema::string().minRunes(1);
}
Schema autoOrNumber()
{
    return Schema::anyOf({Schema::oneOfStrings({"auto"}), Schema::number()});
}

// The alertmanager module's panels (docs/spec/alertmanager.md §1.4, §1.5): closed, as its CUE.
void addAlertmanagerPanels(PluginSchemaRegistry &registry)
{
    const Schema sort = Schema::oneOfStrings({"asc", "desc"});
    auto column = [&](const Schema &sortModes) {
        return Schema::object({required("name", text()), optional("header", text()),
                               optional("enableSorting", boolean()), optional("sort", sort),
                               optional("sortMode", sortModes)});
    };
    const Schema override = Schema::object(
        {required("value", text()), required("isRegex", boolean()), required("color", text())});
    addPanel(
        registry, "AlertTable",
        Schema::object(
            {optional("defaultGroupBy", Schema::list(text())),
             optional("columns", Schema::list(column(Schema::oneOfStrings(
                                     {"alphabetical", "numeric", "severity"})))),
             optional("deduplication",
                      Schema::object({required("mode", Schema::oneOfStrings(
                                                           {"none", "fingerprint", "labels"})),
                                      optional("labels", Schema::list(text()))})),
             optional("allowedActions", Schema::list(Schema::oneOfStrings({"silence", "runbook"}))),
             optional("runbookAnnotationKey", text()),
             optional("labelColorMappings",
                      Schema::list(Schema::object(
                          {required("labelKey", text()),
                           required("mode", Schema::oneOfStrings({"auto", "severity", "manual"})),
                           optional("overrides", Schema::list(override))})))}),
        {"AlertsQuery"});
    addPanel(registry, "SilenceTable",
             Schema::object(
                 {optional("columns", Schema::list(column(Schema::oneOfStrings(
                                          {"alphabetical", "date", "status"})))),
                  optional("allowedActions", Schema::list(Schema::oneOfStrings({"expire"})))}),
             {"SilencesQuery"});
}

Schema timeSeriesChart()
{
    const Schema lineStyle = Schema::oneOfStrings({"solid", "dashed", "dotted"});
    const Schema areaOpacity = Schema::number().minimum(0).maximum(1);
    const Schema yAxis = Schema::object({
                                            optional("show", boolean()),
                                            optional("label", text()),
                                            optional("format", format()),
                                            optional("min", Schema::number()),
                                            optional("max", Schema::number()),
                                            optional("logBase", logBase()),
                                        })
                             .withCheck(maxNotBelowMin("min", "max"));
    const Schema visual = Schema::object({
        optional("display", Schema::oneOfStrings({"line", "bar"})),
        optional("lineWidth", Schema::number().minimum(0.25).maximum(3)),
        optional("lineStyle", lineStyle),
        optional("areaOpacity", areaOpacity),
        optional("showPoints", Schema::oneOfStrings({"auto", "always"})),
        optional("palette", palette()),
        optional("pointRadius", Schema::number().minimum(0).maximum(6)),
        optional("stack", Schema::oneOfStrings({"all", "percent"})),
        optional("connectNulls", boolean()),
    });
    const Schema querySettings = Schema::object({
        required("queryIndex", Schema::integer().minimum(0)),
        optional("colorMode", Schema::oneOfStrings({"fixed", "fixed-single"})),
        optional("colorValue", hexColor()),
        optional("lineStyle", lineStyle),
        optional("areaOpacity", areaOpacity),
        optional("format", format()),
        optional("negativeY", boolean()),
        optional("stack", boolean()),
    });
    return Schema::object({
        optional("legend", legendWithValues()),
        optional("tooltip", Schema::object({optional("enablePinning", boolean())})),
        optional("yAxis", yAxis),
        optional("thresholds", thresholds()),
        optional("visual", visual),
        optional("querySettings", Schema::list(querySettings)),
    });
}

Schema cellSettings()
{
    const Schema condition = Schema::anyOf({
        Schema::object({required("kind", Schema::oneOfStrings({"Value"})),
                        required("spec", Schema::object({required("value", stringMin1())}))}),
        Schema::object({required("kind", Schema::oneOfStrings({"Range"})),
                        required("spec", Schema::object({optional("min", Schema::number()),
                                                         optional("max", Schema::number())})
                                             .withCheck(maxNotBelowMin("min", "max")))}),
        Schema::object({required("kind", Schema::oneOfStrings({"Regex"})),
                        required("spec", Schema::object({required("expr", stringMin1())}))}),
        Schema::object(
            {required("kind", Schema::oneOfStrings({"Misc"})),
             // Unlike the shared value mappings, the Table's own condition never took null.
             required("spec", Schema::object(
                                  {required("value", Schema::oneOfStrings({"empty", "null", "NaN",
                                                                           "true", "false"}))}))}),
    });
    return Schema::object({
        required("condition", condition),
        optional("text", text()),
        optional("prefix", text()),
        optional("suffix", text()),
        optional("textColor", hexColor()),
        optional("backgroundColor", hexColor()),
    });
}

Schema table()
{
    // An embedded panel is checked as a plugin object, as CUE's closed #Plugin has it: a kind
    // (even empty), a spec (`spec: _` must be there), metadata of version and registry; its
    // own spec is validated when the table renders it.
    const Schema embeddedPlugin = Schema::object(
        {required("kind", text()), required("spec", Schema::any()),
         optional("metadata",
                  Schema::object({optional("version", text()), optional("registry", text())}))});
    const Schema columnSettings = Schema::object({
        required("name", stringMin1()),
        optional("header", text()),
        optional("headerDescription", text()),
        optional("cellDescription", text()),
        optional("plugin", embeddedPlugin),
        optional("format", format()),
        optional("align", Schema::oneOfStrings({"left", "center", "right"})),
        optional("enableSorting", boolean()),
        optional("sort", sortOrder()),
        optional("width", autoOrNumber()),
        optional("hide", boolean()),
        optional("cellSettings", Schema::list(cellSettings())),
        optional("dataLink", Schema::object({required("url", text()), optional("title", text()),
                                             required("openNewTab", boolean())})),
    });
    return Schema::object({
        optional("density", Schema::oneOfStrings({"compact", "standard", "comfortable"})),
        optional("defaultColumnWidth", autoOrNumber()),
        optional("defaultColumnHeight", autoOrNumber()),
        optional("defaultColumnHidden", boolean()),
        optional("pagination", boolean()),
        optional("enableFiltering", boolean()),
        optional("enableSorting", boolean()),
        optional("columnSettings", Schema::list(columnSettings)),
        optional("cellSettings", Schema::list(cellSettings())),
        optional("transforms", Schema::list(transform())),
        optional("selection", selection()),
        optional("actions", actions()),
    });
}

void addChartPanels(PluginSchemaRegistry &registry)
{
    addPanel(registry, "TimeSeriesChart", timeSeriesChart(), timeSeries);
    addPanel(
        registry, "GaugeChart",
        Schema::object({optional("calculation", calculation()), optional("format", format()),
                        optional("thresholds", thresholds()), optional("max", Schema::number()),
                        optional("legend", Schema::object({optional("show", boolean())}))}),
        timeSeries);
    addPanel(registry, "StatChart",
             Schema::object({
                 optional("calculation", calculation()),
                 optional("metricLabel", text()),
                 optional("format", format()),
                 optional("thresholds", thresholds()),
                 optional("sparkline", Schema::object({optional("color", text()),
                                                       optional("width", Schema::number())})),
                 optional("valueFontSize", Schema::number()),
                 optional("colorMode", Schema::oneOfStrings({"value", "background_solid", "none"})),
                 optional("legendMode", Schema::oneOfStrings({"auto", "on", "off"})),
                 optional("mappings", Schema::list(mappings())),
             }),
             timeSeries);
    addPanel(registry, "BarChart",
             Schema::object({
                 optional("calculation", calculation()),
                 optional("format", format()),
                 optional("sort", sortOrder()),
                 optional("mode", Schema::oneOfStrings({"value", "percentage"})),
                 optional("orientation", Schema::oneOfStrings({"horizontal", "vertical"})),
                 optional("groupBy", Schema::list(text())),
                 optional("isStacked", boolean()),
                 optional("visual", Schema::object({optional("colorOverrides",
                                                             Schema::list(Schema::object(
                                                                 {required("regex", text()),
                                                                  required("color", text())})))})),
             }),
             timeSeries);
    addPanel(
        registry, "PieChart",
        Schema::object({
            // A plain struct inside close({...}): open in CUE (close is not recursive).
            optional("legend", legend()
                                   .extended({optional("values", Schema::list(Schema::oneOfStrings(
                                                                     {"abs", "relative"})))})
                                   .opened()),
            optional("calculation", calculation()),
            optional("format", format()),
            optional("sort", sortOrder()),
            optional("mode", Schema::oneOfStrings({"value", "percentage"})),
            optional("showLabels", boolean()),
            required("radius", Schema::number()),
            optional("colorPalette", Schema::list(text())),
        }),
        timeSeries);
    addPanel(registry, "StatusHistoryChart",
             Schema::object({optional("legend", legend()),
                             optional("mappings", Schema::list(mappings())),
                             optional("sorting", sortOrder())}),
             timeSeries);
    addPanel(
        registry, "HeatMapChart",
        Schema::object({optional("yAxisFormat", format()), optional("countFormat", format()),
                        optional("showVisualMap", boolean()), optional("min", Schema::number()),
                        optional("max", Schema::number()), optional("logBase", logBase())})
            .withCheck(maxNotBelowMin("min", "max")),
        timeSeries);
    addPanel(registry, "HistogramChart",
             Schema::object({optional("format", format()), optional("min", Schema::number()),
                             optional("max", Schema::number()),
                             optional("thresholds", thresholds()), optional("logBase", logBase())})
                 .withCheck(maxNotBelowMin("min", "max")),
             timeSeries);
}

void addTablePanels(PluginSchemaRegistry &registry)
{
    addPanel(registry, "Table", table(), timeSeries);
    addPanel(registry, "TimeSeriesTable",
             Schema::object({optional("selection", selection()), optional("actions", actions())}),
             timeSeries);
    addPanel(registry, "LogsTable",
             Schema::object({optional("allowWrap", boolean()), optional("enableDetails", boolean()),
                             optional("showTime", boolean()), optional("selection", selection()),
                             optional("actions", actions())}),
             {"LogQuery"});
    addPanel(registry, "TraceTable",
             Schema::object({optional("visual", Schema::object({optional("palette", palette())})),
                             optional("links", Schema::object({optional("trace", text())})),
                             optional("selection", selection()), optional("actions", actions())}),
             {"TraceQuery"});
}

void addOtherPanels(PluginSchemaRegistry &registry)
{
    addPanel(registry, "Markdown", Schema::object({required("text", text())}), {});
    addPanel(registry, "ScatterChart",
             Schema::object(
                 {optional("sizeRange",
                           Schema::list(Schema::number())
                               .minItems(2)
                               .maxItems(2)
                               .withCheck([](const Node &range) -> std::optional<std::string> {
                                   if (range.size() == 2 &&
                                       range.items()[0].toNumber() >= range.items()[1].toNumber())
                                       return "the first size must be lower than the second";
                                   return std::nullopt;
                               })),
                  optional("link", text())}),
             {"TraceQuery"});
    addPanel(registry, "TracingGanttChart",
             Schema::object(
                 {optional("visual", Schema::object({optional("palette", palette())})),
                  optional("links", Schema::object({optional("trace", text()),
                                                    optional("attributes",
                                                             Schema::list(Schema::object(
                                                                 {required("name", text()),
                                                                  required("link", text())})))}))}),
             {"TraceQuery"});
    addPanel(
        registry, "FlameChart",
        Schema::object({required("palette", Schema::oneOfStrings({"package-name", "value"})),
                        required("showSettings", boolean()), required("showSeries", boolean()),
                        required("showTable", boolean()), required("showFlameGraph", boolean()),
                        optional("traceHeight", Schema::integer().minimum(0))}),
        {"ProfileQuery"});
    addAlertmanagerPanels(registry);
}

} // namespace

void registerPanels(PluginSchemaRegistry &registry)
{
    addChartPanels(registry);
    addTablePanels(registry);
    addOtherPanels(registry);
}

void registerAll(PluginSchemaRegistry &registry)
{
    registerPanels(registry);
    registerQueries(registry);
    registerVariables(registry);
    registerDatasources(registry);
}

} // namespace Pd::CoreSchemas
