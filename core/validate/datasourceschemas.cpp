// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "commonschemas.h"
#include "coreschemas.h"
#include "pluginschemaregistry.h"

namespace Pd::CoreSchemas {

using namespace CommonSchemas;

void registerDatasources(PluginSchemaRegistry &registry)
{
    auto add = [&registry](std::string kind, Schema spec) {
        registry.add(
            PluginSchema{std::move(kind), PluginType::Datasource, std::move(spec), {}, {}, {}});
    };
    add("PrometheusDatasource",
        httpDatasource({optional("scrapeInterval", durationString()),
                        optional("queryParams", Schema::map(Schema::string()))}));
    for (const char *kind :
         {"TempoDatasource", "LokiDatasource", "JaegerDatasource", "PyroscopeDatasource",
          "OpenSearchDatasource", "VictoriaLogsDatasource", "ClickHouseDatasource",
          "SplunkDatasource", "AlertManagerDatasource"})
        add(kind, httpDatasource());
    add("GreptimeDBDatasource",
        httpDatasource({optional("headers", Schema::map(Schema::string()))}));

    // Annotations live with the datasources they read from.
    registry.add(PluginSchema{
        "PrometheusPromQLAnnotation",
        PluginType::Annotation,
        Schema::object({optional("datasource", datasourceSelector()),
                        required("expr", Schema::string().minRunes(1)),
                        optional("title", Schema::string()), optional("legend", Schema::string()),
                        // `tags?: [string]` is CUE for a list of exactly one string: the server
                        // refuses [] and [a, b] alike.
                        optional("tags", Schema::list(Schema::string()).minItems(1).maxItems(1))}),
        {},
        {},
        "PrometheusDatasource"});
}

} // namespace Pd::CoreSchemas
