// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "commonschemas.h"
#include "jsonreader.h"
#include "pluginschemaregistry.h"
#include "rules.h"
#include "testpaths.h"

#include <QTest>

using namespace Pd;

namespace {

Node readJson(const QString &path)
{
    ParseResult result = JsonReader::parse(PdTest::readText(path));
    return result.documents.empty() ? Node() : result.documents.front();
}

Node json(const char *text)
{
    return JsonReader::parse(text).documents.front();
}

std::vector<SchemaViolation> validate(const Node &plugin)
{
    const PluginSchemaRegistry &registry = PluginSchemaRegistry::builtin();
    const PluginSchema *schema = registry.find(plugin.find("kind")->text());
    return registry.validatePlugin(plugin, schema ? schema->type : PluginType::Panel);
}

QString messages(const std::vector<SchemaViolation> &violations)
{
    QStringList lines;
    for (const SchemaViolation &v : violations)
        lines << QString::fromStdString(v.message());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestPluginSchemas : public QObject
{
    Q_OBJECT

private slots:
    void validFixturesValidate_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &file :
             PdTest::filesBelow(PdTest::conformance(QStringLiteral("plugins/valid"))))
            QTest::newRow(qPrintable(file.section(QLatin1Char('/'), -2))) << file;
        // Upstream also validates every Grafana migration output against the plugin schemas.
        for (const QString &file :
             PdTest::filesBelow(PdTest::conformance(QStringLiteral("grafana/plugins")),
                                QStringLiteral("expected.json")))
            QTest::newRow(qPrintable(file.section(QLatin1Char('/'), -3))) << file;
    }

    void validFixturesValidate()
    {
        QFETCH(QString, path);
        const Node plugin = readJson(path);
        QVERIFY(plugin.isObject());
        const auto violations = validate(plugin);
        QVERIFY2(violations.empty(), qPrintable(messages(violations)));
    }

    void invalidFixturesAreRejectedForTheirReason_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("reason");
        QTest::newRow("loki no label")
            << "LokiLogQLVariable/no-label.json"
            << "spec.labelName: invalid value \"\" (does not satisfy strings.MinRunes(1))";
        QTest::newRow("opensearch index") << "OpenSearchLogQuery/empty-index.json"
                                          << "spec.index: invalid value \"\"";
        QTest::newRow("opensearch message") << "OpenSearchLogQuery/empty-message-field.json"
                                            << "spec.messageField: invalid value \"\"";
        QTest::newRow("opensearch query") << "OpenSearchLogQuery/empty-query.json"
                                          << "spec.query: invalid value \"\"";
        QTest::newRow("opensearch timestamp") << "OpenSearchLogQuery/empty-timestamp-field.json"
                                              << "spec.timestampField: invalid value \"\"";
        QTest::newRow("prometheus both modes")
            << "PrometheusDatasource/both-modes.json"
            << "spec: directUrl and proxy are mutually exclusive";
        QTest::newRow("promql no label") << "PrometheusPromQLVariable/no-label.json"
                                         << "spec.labelName: invalid value \"\"";
    }

    void invalidFixturesAreRejectedForTheirReason()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, reason);
        const auto violations =
            validate(readJson(PdTest::conformance(QStringLiteral("plugins/invalid/") + fixture)));
        QCOMPARE(violations.size(), 1u);
        QVERIFY2(messages(violations).startsWith(reason), qPrintable(messages(violations)));
    }

    void everyInvalidFixtureIsCovered()
    {
        QCOMPARE(PdTest::filesBelow(PdTest::conformance(QStringLiteral("plugins/invalid"))).size(),
                 7);
    }

    void unknownKindsAreNamed()
    {
        const PluginSchemaRegistry &registry = PluginSchemaRegistry::builtin();
        auto violations =
            registry.validatePlugin(json(R"({"kind": "FooChart", "spec": {}})"), PluginType::Panel);
        QCOMPARE(messages(violations), QStringLiteral("schema not found for plugin FooChart"));
        violations = registry.validatePlugin(
            json(R"({"kind": "PrometheusTimeSeriesQuery", "spec": {"query": "up"}})"),
            PluginType::Panel);
        QVERIFY(
            messages(violations).contains(QStringLiteral("is a Query plugin, not a Panel plugin")));
    }

    void missingSpecIsAnEmptySpec()
    {
        // The server turns a missing spec into {} before checking it.
        QVERIFY(validate(json(R"({"kind": "TimeSeriesChart"})")).empty());
        QCOMPARE(messages(validate(json(R"({"kind": "Markdown"})"))),
                 QStringLiteral("spec.text: field is required but not present"));
    }

    void formatsPickTheClosestBranch()
    {
        const auto violations = validate(json(
            R"({"kind": "StatChart", "spec": {"format": {"unit": "datetime-iso", "decimalPlaces": 2}}})"));
        QCOMPARE(messages(violations),
                 QStringLiteral("spec.format.decimalPlaces: field not allowed"));
        const auto bytes = validate(json(
            R"({"kind": "StatChart", "spec": {"format": {"unit": "bytes", "shortValues": "yes"}}})"));
        QCOMPARE(messages(bytes),
                 QStringLiteral("spec.format.shortValues: conflicting values \"yes\" and bool "
                                "(mismatched types string and bool)"));
    }

    void crossFieldChecks()
    {
        QCOMPARE(
            messages(validate(json(R"({"kind": "HistogramChart", "spec": {"min": 5, "max": 1}})"))),
            QStringLiteral("spec: max (1) must be >= min (5)"));
        QCOMPARE(messages(validate(
                     json(R"({"kind": "TimeSeriesChart", "spec": {"yAxis": {"logBase": 3}}})"))),
                 QStringLiteral("spec.yAxis.logBase: invalid value 3 (must be 2 or 10)"));
        QCOMPARE(messages(validate(json(R"({"kind": "JaegerTraceQuery", "spec": {}})"))),
                 QStringLiteral("spec: service is required when no traceId is given"));
        QCOMPARE(
            messages(validate(json(
                R"({"kind": "TimeSeriesChart", "spec": {"querySettings": [{"queryIndex": 1.5}]}})"))),
            QStringLiteral("spec.querySettings[0].queryIndex: conflicting values 1.5 and int "
                           "(mismatched types float and int)"));
    }

    void datasourceSelectors()
    {
        QVERIFY(
            validate(
                json(
                    R"({"kind": "PrometheusTimeSeriesQuery", "spec": {"query": "up", "datasource": "$ds"}})"))
                .empty());
        QCOMPARE(
            messages(validate(json(
                R"({"kind": "PrometheusTimeSeriesQuery", "spec": {"query": "up", "datasource": "${ds}"}})"))),
            QStringLiteral(
                "spec.datasource: invalid value \"${ds}\" (out of bound =~\"^\\\\$\\\\w+$\")"));
        // Another kind: the server's CUE cannot tell (the plugin's `_kind` is package-scoped),
        // so it is a rule of its own, graded a warning, not a schema error.
        const auto mismatch = validate(json(
            R"({"kind": "PrometheusTimeSeriesQuery", "spec": {"query": "up", "datasource": {"kind": "LokiDatasource"}}})"));
        QCOMPARE(messages(mismatch),
                 QStringLiteral("spec.datasource.kind: the selector names kind 'LokiDatasource' "
                                "but PrometheusTimeSeriesQuery reads from a PrometheusDatasource"));
        QCOMPARE(mismatch.front().rule, std::string("datasource-kind-mismatch"));
        QCOMPARE(Rules::find(mismatch.front().rule)->severity, Severity::Warning);
    }

    // A format without a unit that two closed definitions take is refused by the server
    // (an incomplete disjunction); with a unit, or with a field only one takes, it is fine.
    void ambiguousFormatsAreIncomplete()
    {
        const Schema &format = CommonSchemas::format();
        const auto violations = format.validate(json(R"({"decimalPlaces": 1})"));
        QCOMPARE(violations.size(), std::size_t(1));
        QVERIFY2(violations.front().detail.starts_with("incomplete value: the format fits 2 of"),
                 violations.front().detail.c_str());
        QVERIFY(format.validate(json(R"({"unit": "bytes", "decimalPlaces": 1})")).empty());
        QVERIFY(format.validate(json(R"({"shortValues": true})")).empty());
        QVERIFY(format.validate(json(R"({"unit": "percent"})")).empty());
        QCOMPARE(format.validate(json(R"({"unit": "%"})")).size(), std::size_t(1));
    }

    // Where the server's CUE is stricter than the shared definitions: the Table's own Misc
    // condition takes no null, and ExtractColumnFields has no `disabled`.
    void tableSchemasRefuseWhatTheServerRefuses()
    {
        const PluginSchemaRegistry &registry = PluginSchemaRegistry::builtin();
        const auto misc = registry.validatePlugin(
            json(R"({"kind": "Table", "spec": {"cellSettings": [{"condition":
                {"kind": "Misc", "spec": {"value": null}}, "text": "none"}]}})"),
            PluginType::Panel);
        QCOMPARE(misc.size(), std::size_t(1));
        QVERIFY(registry
                    .validatePlugin(json(R"({"kind": "Table", "spec": {"cellSettings": [
                        {"condition": {"kind": "Misc", "spec": {"value": "null"}},
                         "text": "none"}]}})"),
                                    PluginType::Panel)
                    .empty());
        const auto extract = registry.validatePlugin(
            json(R"({"kind": "Table", "spec": {"transforms": [{"kind": "ExtractColumnFields",
                "spec": {"column": "c", "format": "JSON", "disabled": true}}]}})"),
            PluginType::Panel);
        QCOMPARE(extract.size(), std::size_t(1));
        QVERIFY2(extract.front().detail.find("not allowed") != std::string::npos,
                 extract.front().detail.c_str());
    }

    // The alertmanager module's panels and queries, closed like its CUE: what its editor
    // writes passes; the sort mode its editor offers but CUE refuses, an unknown action or
    // member, and a filter that is not a string are errors.
    void alertmanagerSchemasAreClosed()
    {
        const PluginSchemaRegistry &registry = PluginSchemaRegistry::builtin();
        QVERIFY(registry
                    .validatePlugin(json(R"({"kind": "AlertTable", "spec": {"defaultGroupBy":
                        ["alertname"], "columns": [{"name": "severity", "sortMode": "severity",
                        "sort": "asc"}], "deduplication": {"mode": "labels", "labels": ["a"]},
                        "allowedActions": ["silence"], "runbookAnnotationKey": "rb",
                        "labelColorMappings": [{"labelKey": "severity", "mode": "manual",
                        "overrides": [{"value": "x", "isRegex": false, "color": "#fff"}]}]}})"),
                                    PluginType::Panel)
                    .empty());
        QCOMPARE(messages(registry.validatePlugin(
                     json(R"({"kind": "AlertTable", "spec": {"columns": [{"name": "s",
                         "sortMode": "status"}]}})"),
                     PluginType::Panel)),
                 QStringLiteral("spec.columns[0].sortMode: invalid value \"status\" (must be one "
                                "of \"alphabetical\", \"numeric\", \"severity\")"));
        QCOMPARE(registry
                     .validatePlugin(json(R"({"kind": "SilenceTable", "spec": {"allowedActions":
                         ["silence"], "extra": 1}})"),
                                     PluginType::Panel)
                     .size(),
                 std::size_t(2));
        QVERIFY(registry
                    .validatePlugin(json(R"({"kind": "AlertManagerAlertsQuery", "spec":
                        {"filters": ["a=b"], "active": true, "receiver": "team"}})"),
                                    PluginType::Query)
                    .empty());
        QCOMPARE(registry
                     .validatePlugin(json(R"({"kind": "AlertManagerSilencesQuery", "spec":
                         {"filters": [1], "active": true}})"),
                                     PluginType::Query)
                     .size(),
                 std::size_t(2));
    }

    // What Go drops before CUE sees the plugin (members besides kind, spec and metadata, and
    // metadata's own extras), and open lists CUE makes [] when absent: accepted.
    void whatTheServerAcceptsIsAccepted()
    {
        const PluginSchemaRegistry &registry = PluginSchemaRegistry::builtin();
        QVERIFY(registry
                    .validatePlugin(json(R"({"kind": "Markdown", "spec": {"text": ""}, "foo": 1,
                                             "metadata": {"bar": 2}})"),
                                    PluginType::Panel)
                    .empty());
        QVERIFY(registry
                    .validatePlugin(json(R"({"kind": "Table", "spec": {"transforms": [
                        {"kind": "JoinByColumnValue", "spec": {}},
                        {"kind": "MergeColumns", "spec": {"name": "n"}}]}})"),
                                    PluginType::Panel)
                    .empty());
        QVERIFY(registry
                    .validatePlugin(
                        json(R"({"kind": "Table", "spec": {"actions": {"enabled": true}}})"),
                        PluginType::Panel)
                    .empty());
        // MergeColumns still needs its name.
        QCOMPARE(registry
                     .validatePlugin(json(R"({"kind": "Table", "spec": {"transforms": [
                        {"kind": "MergeColumns", "spec": {}}]}})"),
                                     PluginType::Panel)
                     .size(),
                 std::size_t(1));
    }

    // CUE details the server keeps: an annotation's `tags?: [string]` is one string; a Table
    // cell's embedded plugin needs its spec; a pie legend and Pyroscope filters are plain,
    // open structs; plugins come from the perses.dev registry only.
    void cueDetailsTheServerKeeps()
    {
        const PluginSchemaRegistry &registry = PluginSchemaRegistry::builtin();
        auto annotation = [&](const char *tags) {
            return registry
                .validatePlugin(
                    json(
                        (std::string(
                             R"({"kind": "PrometheusPromQLAnnotation", "spec": {"expr": "up", "tags": )") +
                         tags + "}}")
                            .c_str()),
                    PluginType::Annotation)
                .size();
        };
        QCOMPARE(annotation("[\"a\"]"), std::size_t(0));
        QCOMPARE(annotation("[\"a\", \"b\"]"), std::size_t(1));
        QCOMPARE(annotation("[]"), std::size_t(1));
        QCOMPARE(registry
                     .validatePlugin(json(R"({"kind": "Table", "spec": {"columnSettings": [
                        {"name": "a", "plugin": {"kind": "StatChart"}}]}})"),
                                     PluginType::Panel)
                     .size(),
                 std::size_t(1));
        QVERIFY(registry
                    .validatePlugin(
                        json(R"({"kind": "PieChart", "spec": {"calculation": "last", "radius": 50,
                        "legend": {"position": "bottom", "extra": 1}}})"),
                        PluginType::Panel)
                    .empty());
        const auto elsewhere = registry.validatePlugin(
            json(
                R"({"kind": "Markdown", "metadata": {"registry": "example.com"}, "spec": {"text": ""}})"),
            PluginType::Panel);
        QCOMPARE(elsewhere.size(), std::size_t(1));
        QCOMPARE(elsewhere.front().detail,
                 std::string("schema not found for plugin Markdown in registry example.com"));
    }

    void staticListsMayOmitTheirValues()
    {
        QVERIFY(PluginSchemaRegistry::builtin()
                    .validatePlugin(json(R"({"kind": "StaticListVariable", "spec": {}})"),
                                    PluginType::Variable)
                    .empty());
    }

    void registryIsOpenForPlugins()
    {
        PluginSchemaRegistry registry;
        registry.add(PluginSchema{"SparklineChart",
                                  PluginType::Panel,
                                  Schema::object({required("color", Schema::string())}),
                                  {},
                                  {"TimeSeriesQuery"},
                                  {}});
        QVERIFY(registry
                    .validatePlugin(json(R"({"kind": "SparklineChart", "spec": {"color": "red"}})"),
                                    PluginType::Panel)
                    .empty());
        QCOMPARE(registry
                     .validatePlugin(json(R"({"kind": "SparklineChart", "spec": {}})"),
                                     PluginType::Panel)
                     .size(),
                 1u);
    }

    void builtinSetCoversTheCatalogue()
    {
        const PluginSchemaRegistry &registry = PluginSchemaRegistry::builtin();
        for (const char *kind : {"TimeSeriesChart",
                                 "GaugeChart",
                                 "StatChart",
                                 "Table",
                                 "TimeSeriesTable",
                                 "BarChart",
                                 "PieChart",
                                 "ScatterChart",
                                 "StatusHistoryChart",
                                 "HeatMapChart",
                                 "HistogramChart",
                                 "Markdown",
                                 "LogsTable",
                                 "TraceTable",
                                 "TracingGanttChart",
                                 "FlameChart",
                                 "PrometheusTimeSeriesQuery",
                                 "TempoTraceQuery",
                                 "LokiLogQuery",
                                 "PrometheusLabelNamesVariable",
                                 "PrometheusLabelValuesVariable",
                                 "PrometheusPromQLVariable",
                                 "StaticListVariable",
                                 "DatasourceVariable",
                                 "PrometheusDatasource",
                                 "TempoDatasource",
                                 "PrometheusPromQLAnnotation"})
            QVERIFY2(registry.find(kind), kind);
        QCOMPARE(registry.find("TimeSeriesChart")->supportedQueryTypes,
                 std::vector<std::string>{"TimeSeriesQuery"});
        QCOMPARE(registry.find("PrometheusTimeSeriesQuery")->datasourceKind,
                 std::string("PrometheusDatasource"));
    }
};

QTEST_APPLESS_MAIN(TestPluginSchemas)
#include "tst_pluginschemas.moc"
