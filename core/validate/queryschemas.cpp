// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "commonschemas.h"
#include "coreschemas.h"
#include "pluginschemaregistry.h"

namespace Pd::CoreSchemas {

using namespace CommonSchemas;

namespace {

Schema stringMin1()
{
    return Schema::string().minRunes(1);
}

// Every query plugin has an optional selector for its family's datasource kind.
void addQuery(PluginSchemaRegistry &registry, std::string kind, std::string queryType,
              const std::string &datasourceKind, std::vector<SchemaField> fields,
              Schema::Check check = {})
{
    fields.insert(fields.begin(), optional("datasource", datasourceSelector()));
    Schema spec = Schema::object(std::move(fields));
    if (check)
        spec = spec.withCheck(std::move(check));
    registry.add(PluginSchema{std::move(kind),
                              PluginType::Query,
                              std::move(spec),
                              std::move(queryType),
                              {},
                              datasourceKind});
}

void addPrometheus(PluginSchemaRegistry &registry)
{
    addQuery(registry, "PrometheusTimeSeriesQuery", "TimeSeriesQuery", "PrometheusDatasource",
             {required("query", stringMin1()), optional("seriesNameFormat", Schema::string()),
              optional("minStep", Schema::anyOf({durationString(), variableReference()})),
              optional("resolution", Schema::number()), optional("instant", Schema::boolean())});
}

void addTraceQueries(PluginSchemaRegistry &registry)
{
    addQuery(registry, "TempoTraceQuery", "TraceQuery", "TempoDatasource",
             {required("query", stringMin1()), optional("limit", Schema::number())});
    addQuery(registry, "JaegerTraceQuery", "TraceQuery", "JaegerDatasource",
             {optional("traceId", Schema::string()), optional("service", Schema::string()),
              optional("operation", Schema::string()), optional("spanKind", Schema::string()),
              optional("tags", Schema::string()), optional("minDuration", Schema::string()),
              optional("maxDuration", Schema::string()), optional("limit", Schema::number())},
             [](const Node &spec) -> std::optional<std::string> {
                 const Node *traceId = spec.find("traceId");
                 const Node *service = spec.find("service");
                 const bool hasTraceId = traceId && !traceId->text().empty();
                 const bool hasService = service && !service->text().empty();
                 if (!hasTraceId && !hasService)
                     return "service is required when no traceId is given";
                 return std::nullopt;
             });
    addQuery(registry, "GreptimeDBTraceQuery", "TraceQuery", "GreptimeDBDatasource",
             {required("query", stringMin1())});
}

void addLogQueries(PluginSchemaRegistry &registry)
{
    addQuery(registry, "LokiLogQuery", "LogQuery", "LokiDatasource",
             {required("query", stringMin1()),
              optional("direction", Schema::oneOfStrings({"forward", "backward"}))});
    addQuery(registry, "OpenSearchLogQuery", "LogQuery", "OpenSearchDatasource",
             {required("query", stringMin1()), optional("index", stringMin1()),
              optional("timestampField", stringMin1()), optional("messageField", stringMin1()),
              optional("disableTimeFilter", Schema::boolean())});
    addQuery(registry, "VictoriaLogsLogQuery", "LogQuery", "VictoriaLogsDatasource",
             {required("query", stringMin1())});
    addQuery(registry, "ClickHouseLogQuery", "LogQuery", "ClickHouseDatasource",
             {required("query", stringMin1())});
    addQuery(registry, "GreptimeDBLogQuery", "LogQuery", "GreptimeDBDatasource",
             {required("query", stringMin1())});
    addQuery(registry, "SplunkLogQuery", "LogQuery", "SplunkDatasource",
             {required("query", stringMin1()), optional("earliest_time", Schema::string()),
              optional("latest_time", Schema::string())});
}

void addMetricQueries(PluginSchemaRegistry &registry)
{
    addQuery(registry, "LokiTimeSeriesQuery", "TimeSeriesQuery", "LokiDatasource",
             {required("query", stringMin1())});
    addQuery(registry, "VictoriaLogsTimeSeriesQuery", "TimeSeriesQuery", "VictoriaLogsDatasource",
             {required("query", stringMin1())});
    addQuery(registry, "ClickHouseTimeSeriesQuery", "TimeSeriesQuery", "ClickHouseDatasource",
             {required("query", stringMin1())});
    addQuery(registry, "GreptimeDBTimeSeriesQuery", "TimeSeriesQuery", "GreptimeDBDatasource",
             {required("query", stringMin1()), optional("timeColumn", Schema::string())});
    addQuery(registry, "SplunkTimeSeriesQuery", "TimeSeriesQuery", "SplunkDatasource",
             {required("query", stringMin1()), optional("earliest_time", Schema::string()),
              optional("latest_time", Schema::string())});
}

void addOtherQueries(PluginSchemaRegistry &registry)
{
    addQuery(registry, "PyroscopeProfileQuery", "ProfileQuery", "PyroscopeDatasource",
             {required("profileType", stringMin1()), optional("maxNodes", Schema::number()),
              optional("filters",
                       // `[...{...}]`: a plain struct, open in CUE.
                       Schema::list(Schema::object({required("labelName", Schema::string()),
                                                    required("labelValue", Schema::string()),
                                                    required("operator", Schema::string())})
                                        .opened())),
              optional("service", Schema::string())});
    addQuery(registry, "AlertManagerAlertsQuery", "AlertsQuery", "AlertManagerDatasource",
             {optional("filters", Schema::list(Schema::string())),
              optional("active", Schema::boolean()), optional("silenced", Schema::boolean()),
              optional("inhibited", Schema::boolean()), optional("unprocessed", Schema::boolean()),
              optional("receiver", Schema::string())});
    addQuery(registry, "AlertManagerSilencesQuery", "SilencesQuery", "AlertManagerDatasource",
             {optional("filters", Schema::list(Schema::string()))});
}

} // namespace

void registerQueries(PluginSchemaRegistry &registry)
{
    addPrometheus(registry);
    addTraceQueries(registry);
    addLogQueries(registry);
    addMetricQueries(registry);
    addOtherQueries(registry);
}

} // namespace Pd::CoreSchemas
