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

void addVariable(PluginSchemaRegistry &registry, std::string kind,
                 const std::string &datasourceKind, std::vector<SchemaField> fields)
{
    if (!datasourceKind.empty())
        fields.insert(fields.begin(), optional("datasource", datasourceSelector()));
    registry.add(PluginSchema{std::move(kind),
                              PluginType::Variable,
                              Schema::object(std::move(fields)),
                              {},
                              {},
                              datasourceKind});
}

} // namespace

void registerVariables(PluginSchemaRegistry &registry)
{
    const Schema matchers = Schema::list(Schema::string());
    addVariable(registry, "PrometheusLabelNamesVariable", "PrometheusDatasource",
                {optional("matchers", matchers)});
    addVariable(registry, "PrometheusLabelValuesVariable", "PrometheusDatasource",
                {required("labelName", stringMin1()), optional("matchers", matchers)});
    addVariable(registry, "PrometheusPromQLVariable", "PrometheusDatasource",
                {required("expr", stringMin1()), required("labelName", stringMin1())});
    addVariable(registry, "LokiLabelNamesVariable", "LokiDatasource",
                {optional("matchers", matchers)});
    addVariable(registry, "LokiLabelValuesVariable", "LokiDatasource",
                {required("labelName", stringMin1()), optional("matchers", matchers)});
    addVariable(registry, "LokiLogQLVariable", "LokiDatasource",
                {required("expr", stringMin1()), required("labelName", stringMin1())});
    addVariable(registry, "VictoriaLogsFieldNamesVariable", "VictoriaLogsDatasource",
                {required("query", stringMin1())});
    addVariable(registry, "VictoriaLogsFieldValuesVariable", "VictoriaLogsDatasource",
                {required("field", stringMin1()), required("query", stringMin1())});
    const Schema staticValue =
        Schema::anyOf({stringMin1(), Schema::object({required("value", Schema::string()),
                                                     optional("label", Schema::string())})});
    // `values` is an open list in the server's CUE: missing, it is [].
    addVariable(registry, "StaticListVariable", {},
                {optional("values", Schema::list(staticValue))});
    addVariable(registry, "DatasourceVariable", {},
                {required("datasourcePluginKind", stringMin1())});
}

} // namespace Pd::CoreSchemas
