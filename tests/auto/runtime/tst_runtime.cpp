// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinvariables.h"
#include "calculation.h"
#include "datasourcecatalog.h"
#include "datasourceconnection.h"
#include "jsonreader.h"
#include "modeldecoder.h"
#include "querystep.h"
#include "timerange.h"
#include "variableoptions.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace Pd;

namespace {

std::vector<VariableOption> options(std::initializer_list<const char *> values)
{
    std::vector<VariableOption> out;
    for (const char *v : values)
        out.push_back(VariableOption{v, v});
    return out;
}

std::vector<std::string> valuesOf(const std::vector<VariableOption> &options)
{
    std::vector<std::string> out;
    for (const VariableOption &o : options)
        out.push_back(o.value);
    return out;
}

Model::VariableSpec listVariable(const char *json)
{
    return ModelDecoder::variable(JsonReader::parse(json).documents.front());
}

constexpr std::int64_t hour = 3600 * 1000;

QStringList labels(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *text : texts)
        out << QString::fromLatin1(text);
    return out;
}

// Out of the class: moc does not parse lambdas with default arguments.
void checkDatasourceResolution()
{
    const Model::DashboardSpec dashboard = ModelDecoder::dashboardSpec(
        JsonReader::parse(
            R"({ "datasources": { "local": {"default": true, "plugin": {"kind": "PrometheusDatasource", "spec": {"directUrl": "http://local:9090"}}}, "Named": {"display": {"name": "Shown"}, "plugin": {"kind": "PrometheusDatasource", "spec": {"directUrl": "http://named:9090"}}} }})")
            .documents.front());
    std::vector<Model::Datasource> stored;
    auto add = [&](const char *name, const char *project, bool global, bool isDefault) {
        Model::Datasource d;
        d.metadata.name = name;
        d.metadata.project = project;
        d.global = global;
        d.spec.isDefault = isDefault;
        d.spec.plugin.kind = "PrometheusDatasource";
        d.spec.plugin.spec = Node::object();
        d.spec.plugin.spec.set("directUrl", Node::string(std::string("http://") + name));
        stored.push_back(d);
    };
    add("ProjectProm", "team", false, true);
    add("GlobalProm", "", true, true);
    add("OtherProject", "other", false, false);
    const DatasourceCatalog catalog(dashboard, "team", stored);
    const VariableValues none;
    auto resolve = [&](std::optional<std::string> name) {
        const auto entry =
            catalog.resolve(Model::DatasourceSelector{"PrometheusDatasource", name, {}}, none);
        return entry ? entry->name : std::string("<none>");
    };
    QCOMPARE(resolve(std::nullopt), std::string("local")); // dashboard default first
    QCOMPARE(resolve("Named"), std::string("Named"));
    QCOMPARE(resolve("projectprom"), std::string("ProjectProm")); // case-insensitive
    QCOMPARE(resolve("globalprom"), std::string("GlobalProm"));
    QCOMPARE(resolve("OtherProject"), std::string("<none>")); // another project's
    QCOMPARE(DatasourceCatalog::notFoundMessage({"PrometheusDatasource", "x", {}}),
             std::string("No datasource found for kind 'PrometheusDatasource' and name 'x'"));
    // "$ds" matches display names, else falls back to the default
    const VariableValues ds = {{"ds", VariableValue::single("Shown")}};
    QCOMPARE(catalog.resolve({"PrometheusDatasource", std::nullopt, "ds"}, ds)->name,
             std::string("Named"));
    const VariableValues unknown = {{"ds", VariableValue::single("nope")}};
    QCOMPARE(catalog.resolve({"PrometheusDatasource", std::nullopt, "ds"}, unknown)->name,
             std::string("local"));
    QCOMPARE(catalog.displayNames("PrometheusDatasource"),
             (std::vector<std::string>{"local", "Shown", "ProjectProm", "GlobalProm"}));
}

void checkOverrides(); // defined after the class: moc cannot read its body

} // namespace

class TestRuntime : public QObject
{
    Q_OBJECT

private slots:
    void timePoints_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        const qint64 now = 1700000000000;
        QTest::newRow("now") << "now" << now;
        QTest::newRow("now-6h") << "now-6h" << qint64(now - 6 * hour);
        QTest::newRow("now+5m") << "now+5m" << now + 5 * 60 * 1000;
        QTest::newRow("epoch") << "1700000000" << qint64(1700000000000);
        QTest::newRow("epoch decimal") << "1700000000.25" << qint64(1700000000250);
        QTest::newRow("rfc3339 Z") << "2023-11-14T22:13:20Z" << qint64(1700000000000);
        QTest::newRow("rfc3339 offset") << "2023-11-14T23:13:20+01:00" << qint64(1700000000000);
        QTest::newRow("rfc3339 millis") << "2023-11-14T22:13:20.5Z" << qint64(1700000000500);
    }

    void timePoints()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const TimePointParse parsed = parseTimePoint(text.toStdString(), 1700000000000);
        QVERIFY2(parsed.ms, parsed.error.c_str());
        QCOMPARE(*parsed.ms, ms);
    }

    void badTimePoints()
    {
        for (const char *text :
             {"yesterday", "now-5x", "2023-13-01T00:00:00Z", "2023-11-14T22:13:20"}) {
            const TimePointParse parsed = parseTimePoint(text, 0);
            QVERIFY2(!parsed.ms, text);
            QVERIFY(!parsed.error.empty());
        }
        QCOMPARE(formatRfc3339(1700000000000), std::string("2023-11-14T22:13:20Z"));
        QCOMPARE(formatRfc3339(1700000000250), std::string("2023-11-14T22:13:20.250Z"));
    }

    void suggestedSteps_data()
    {
        QTest::addColumn<qint64>("rangeMs");
        QTest::addColumn<int>("width");
        QTest::addColumn<qint64>("stepMs");
        QTest::newRow("6h over 1200px") << qint64(6 * hour) << 1200 << qint64(20000);
        QTest::newRow("7d over 800px") << qint64(168 * hour) << 800 << qint64(1200000);
        QTest::newRow("1h over 1000px") << qint64(hour) << 1000 << qint64(5000);
        QTest::newRow("5m over 1500px") << qint64(5 * 60 * 1000LL) << 1500 << qint64(200);
        QTest::newRow("unknown width") << qint64(hour) << 0 << qint64(0);
        QTest::newRow("100y over 10px") << qint64(876000 * hour) << 10 << qint64(15000);
    }

    void suggestedSteps()
    {
        QFETCH(qint64, rangeMs);
        QFETCH(int, width);
        QFETCH(qint64, stepMs);
        QCOMPARE(QueryStep::suggestedStepMs(rangeMs, width), stepMs);
    }

    // The worked examples of perses-api.md §9.3.
    void workedExamples()
    {
        StepRequest request;
        request.range = TimeRange{1700000000000 - 6 * hour, 1700000000000};
        request.widthPx = 1200;
        QueryWindow window = QueryStep::compute(request);
        QCOMPARE(window.stepSeconds, 60.0);
        QCOMPARE(window.startSeconds, 1699978380.0); // floored to the minute
        QCOMPARE(window.endSeconds, 1699999980.0);
        QCOMPARE(window.interval(), std::string("1m"));
        QCOMPARE(window.intervalMs(), std::string("60000"));
        QCOMPARE(window.rateInterval(), std::string("4m"));

        request.range = TimeRange{1700000000000 - 168 * hour, 1700000000000};
        request.widthPx = 800;
        QCOMPARE(QueryStep::compute(request).stepSeconds, 1200.0);
    }

    void minStepAndScrapeInterval()
    {
        StepRequest request;
        request.range = TimeRange{0, hour};
        request.widthPx = 1000; // suggested 5 s
        request.scrapeIntervalSeconds = 15;
        QCOMPARE(QueryStep::compute(request).stepSeconds, 15.0);
        request.minStepSeconds = 0; // an explicit 0 stays 0: the suggested step wins
        QCOMPARE(QueryStep::compute(request).stepSeconds, 5.0);
        request.minStepSeconds = 30.9; // floored
        QueryWindow window = QueryStep::compute(request);
        QCOMPARE(window.stepSeconds, 30.0);
        QCOMPARE(window.rateInterval(), std::string("2m"));
        // 30 days over 10 px: the range/10,000 floor, rounded up
        request = StepRequest{};
        request.range = TimeRange{0, 30 * 24 * hour};
        request.minStepSeconds = 0;
        QCOMPARE(QueryStep::compute(request).stepSeconds, 260.0);
    }

    void alignmentUsesTheLocalZone()
    {
        StepRequest request;
        request.range = TimeRange{1700000000000 - 7 * 24 * hour, 1700000000000};
        request.widthPx = 5; // a day step
        request.minStepSeconds = 0;
        request.timezoneOffsetSeconds = -3600; // UTC+1
        const QueryWindow window = QueryStep::compute(request);
        QCOMPARE(window.stepSeconds, 86400.0);
        // The plugin's formula: start = floor((start + off) / step) * step - off, with off as
        // getTimezoneOffset() gives it (-3600 for UTC+1). Replicated as it is.
        QCOMPARE(std::fmod(window.startSeconds - 3600, 86400.0), 0.0);
        QCOMPARE(window.interval(), std::string("1d"));
    }

    void builtins()
    {
        VariableValues values;
        BuiltinVariables::addDashboardScope(values, TimeRange{1000, 1000 + 86400255}, "d", "p");
        QCOMPARE(values["__from"].first(), std::string("1000"));
        QCOMPARE(values["__range"].first(), std::string("1d255ms"));
        QCOMPARE(values["__range_s"].first(), std::string("86400"));
        QCOMPARE(values["__range_ms"].first(), std::string("86400255"));
        QCOMPARE(values["__project"].first(), std::string("p"));
        QueryWindow window;
        window.stepSeconds = 90;
        window.minStepSeconds = 60;
        BuiltinVariables::addQueryScope(values, window);
        QCOMPARE(values["__interval"].first(), std::string("1m30s"));
        QCOMPARE(values["__interval_ms"].first(), std::string("90000"));
        QCOMPARE(values["__rate_interval"].first(), std::string("4m"));
        window.stepSeconds = 0.5;
        BuiltinVariables::addQueryScope(values, window);
        QCOMPARE(values["__interval"].first(), std::string("500ms"));
        QCOMPARE(values["__interval_ms"].first(), std::string("500"));
        window.stepSeconds = 2592000; // 30 days: still a plain number
        BuiltinVariables::addQueryScope(values, window);
        QCOMPARE(values["__interval_ms"].first(), std::string("2592000000"));
        QCOMPARE(values["__interval"].first(), std::string("4w2d"));
    }

    void capturingRegexp()
    {
        const auto in = options({"host-a:9100", "host-b:9100", "other", "host-a:9200"});
        QCOMPARE(valuesOf(VariableOptions::applyCapturingRegexp(in, "(host-.)")),
                 (std::vector<std::string>{"host-a", "host-b"}));
        QCOMPARE(valuesOf(VariableOptions::applyCapturingRegexp(in, "(host)-(.):(\\d)")),
                 (std::vector<std::string>{"hosta9", "hostb9"}));
        QVERIFY(VariableOptions::applyCapturingRegexp(in, "host").empty());
        std::string error;
        QCOMPARE(VariableOptions::applyCapturingRegexp(in, "(", &error).size(), 4u);
        QVERIFY(!error.empty());
    }

    void sortModes_data()
    {
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none") << "none" << labels({"b", "10", "A", "2", "a"});
        QTest::newRow("alphabetical-asc")
            << "alphabetical-asc" << labels({"10", "2", "A", "a", "b"});
        QTest::newRow("alphabetical-desc")
            << "alphabetical-desc" << labels({"b", "a", "A", "2", "10"});
        QTest::newRow("alphabetical-ci-asc")
            << "alphabetical-ci-asc" << labels({"10", "2", "A", "a", "b"});
        QTest::newRow("alphabetical-ci-desc")
            << "alphabetical-ci-desc" << labels({"b", "A", "a", "2", "10"});
        QTest::newRow("numerical-asc") << "numerical-asc" << labels({"2", "10", "b", "A", "a"});
        QTest::newRow("numerical-desc") << "numerical-desc" << labels({"10", "2", "b", "A", "a"});
    }

    void sortModes()
    {
        QFETCH(QString, sort);
        QFETCH(QStringList, expected);
        QStringList actual;
        for (const VariableOption &o :
             VariableOptions::sorted(options({"b", "10", "A", "2", "a"}), sort.toStdString()))
            actual << QString::fromStdString(o.label);
        QCOMPARE(actual, expected);
    }

    void selection()
    {
        const auto plain = listVariable(
            R"({"kind": "ListVariable", "spec": {"name": "v", "sort": "alphabetical-desc"}})");
        const auto opts = options({"a", "c", "b"});
        QCOMPARE(VariableOptions::select(plain, opts, std::nullopt), VariableValue::single("c"));
        QCOMPARE(VariableOptions::select(plain, opts, VariableValue::single("b")),
                 VariableValue::single("b"));
        QCOMPARE(VariableOptions::select(plain, opts, VariableValue::single("zzz")),
                 VariableValue::single("c"));

        const auto multi = listVariable(
            R"({"kind": "ListVariable", "spec": {"name": "v", "allowMultiple": true, "allowAllValue": true, "defaultValue": ["b", "nope"]}})");
        QCOMPARE(VariableOptions::select(multi, opts, std::nullopt), VariableValue::list({"b"}));
        const VariableValue all =
            VariableOptions::select(multi, opts, VariableValue::single("$__all"));
        QCOMPARE(all, VariableValue::list({"$__all"}));
        QCOMPARE(VariableOptions::effectiveValue(multi, all, opts),
                 VariableValue::list({"a", "c", "b"}));

        const auto custom = listVariable(
            R"({"kind": "ListVariable", "spec": {"name": "v", "allowAllValue": true, "customAllValue": ".*"}})");
        const VariableValue first = VariableOptions::select(custom, opts, std::nullopt);
        QCOMPARE(first, VariableValue::single("$__all")); // "All" leads the displayed list
        QCOMPARE(VariableOptions::effectiveValue(custom, first, opts), VariableValue::single(".*"));

        QCOMPARE(VariableOptions::select(plain, {}, std::nullopt), VariableValue::single(""));
        QCOMPARE(VariableOptions::select(multi, {}, std::nullopt), VariableValue::list({"$__all"}));
    }

    void calculations_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("expected");
        QTest::newRow("first") << "first" << qQNaN();
        QTest::newRow("last") << "last" << 4.0;
        QTest::newRow("first-number") << "first-number" << 2.0;
        QTest::newRow("last-number") << "last-number" << 4.0;
        QTest::newRow("mean") << "mean" << 3.0;
        QTest::newRow("sum") << "sum" << 9.0;
        QTest::newRow("min") << "min" << 2.0;
        QTest::newRow("max") << "max" << 4.0;
    }

    void calculations()
    {
        QFETCH(QString, name);
        QFETCH(double, expected);
        const std::vector<double> values = {qQNaN(), 2, 3, qQNaN(), 4};
        const auto calculation = parseCalculation(name.toStdString());
        QVERIFY(calculation);
        const std::optional<double> result = calculate(*calculation, values);
        QVERIFY(result);
        if (std::isnan(expected))
            QVERIFY(std::isnan(*result));
        else
            QCOMPARE(*result, expected);
        // Only missing samples: the number variants and the aggregates have no value.
        const std::vector<double> missing = {qQNaN(), qQNaN()};
        if (name != QLatin1String("first") && name != QLatin1String("last"))
            QVERIFY(!calculate(*calculation, missing));
        QVERIFY(!calculate(*calculation, {}));
        QVERIFY(!parseCalculation("median"));
    }

    void staticListOptions()
    {
        const Node spec =
            JsonReader::parse(
                R"({"values": ["1m", {"value": "5m"}, {"label": "Ten", "value": "10m"}]})")
                .documents.front();
        const auto opts = VariableOptions::staticList(spec);
        QCOMPARE(opts.size(), 3u);
        QCOMPARE(opts[2].label, std::string("Ten"));
        QCOMPARE(opts[2].value, std::string("10m"));
        QCOMPARE(opts[1].label, std::string("5m"));
    }

    void datasourceResolution() { checkDatasourceResolution(); }

    void overrides() { checkOverrides(); }
};

namespace {

void checkOverrides()
{
    DatasourceOverrides overrides;
    QVERIFY(overrides.addFromArgument("bad").has_value());
    QVERIFY(overrides.addFromArgument("x=ftp://a").has_value());
    QVERIFY(!overrides.addFromArgument("Prom=http://127.0.0.1:9090").has_value());
    QCOMPARE(overrides.find("prom")->url, std::string("http://127.0.0.1:9090"));

    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("datasources.yaml")).toStdString();
    std::ofstream(path) << "datasources:\n  thanos: http://thanos:10902\n  demo:\n    url: "
                           "https://demo\n    headers: {X-Scope-OrgID: team-a}\n";
    QVERIFY(!overrides.loadFile(path).has_value());
    QCOMPARE(overrides.find("demo")->headers.front().second, std::string("team-a"));
    std::ofstream(path) << "datasources:\n  broken: 12\n";
    const auto problem = overrides.loadFile(path);
    QVERIFY(problem && problem->find(":2:3:") != std::string::npos);
    // TLS options go to the file and come back.
    DatasourceOverrides saved;
    saved.set("secure", {"https://prom.internal", {}, "/etc/ssl/company.pem", false, {}});
    saved.set("lab", {"https://lab:9090", {}, {}, true, {}});
    QVERIFY(!saved.saveFile(path).has_value());
    DatasourceOverrides read;
    QVERIFY(!read.loadFile(path).has_value());
    QCOMPARE(read.find("secure")->caFile, std::string("/etc/ssl/company.pem"));
    QVERIFY(!read.find("secure")->insecureSkipVerify);
    QVERIFY(read.find("lab")->caFile.empty());
    QVERIFY(read.find("lab")->insecureSkipVerify);
    // Secret headers: named in the file, their values not written.
    DatasourceOverrides secret;
    secret.set("tenant", {"https://mimir",
                          {{"X-Scope-OrgID", "team-a"}, {"Authorization", "Bearer t0ken"}},
                          {},
                          false,
                          {"Authorization"}});
    QVERIFY(!secret.saveFile(path).has_value());
    std::ifstream written(path);
    const std::string text((std::istreambuf_iterator<char>(written)), {});
    QVERIFY2(text.find("t0ken") == std::string::npos, text.c_str());
    QVERIFY2(text.find("team-a") != std::string::npos, text.c_str());
    DatasourceOverrides reread;
    QVERIFY(!reread.loadFile(path).has_value());
    QCOMPARE(reread.find("tenant")->secretHeaders, std::vector<std::string>{"Authorization"});
    QCOMPARE(reread.find("tenant")->headers.size(), 1u);

    // An override of another kind defines a datasource of that kind, its kind's default; one
    // that says none is a Prometheus, its own kind's default.
    DatasourceOverrides kinds;
    kinds.set("alertmanager", {"http://am:9093", {}, {}, false, {}, "AlertManagerDatasource"});
    kinds.set("zprom", {"http://prom:9090", {}, {}, false, {}});
    QVERIFY(!kinds.saveFile(path).has_value());
    DatasourceOverrides kindsRead;
    QVERIFY(!kindsRead.loadFile(path).has_value());
    QCOMPARE(kindsRead.find("alertmanager")->kind, std::string("AlertManagerDatasource"));
    QVERIFY(kindsRead.find("zprom")->kind.empty());
    DatasourceCatalog catalog;
    catalog.addOverrides(kindsRead, "PrometheusDatasource");
    const auto alertmanager = catalog.resolve({"AlertManagerDatasource", std::nullopt, {}}, {});
    QVERIFY(alertmanager);
    QCOMPARE(alertmanager->name, std::string("alertmanager"));
    const auto prometheus = catalog.resolve({"PrometheusDatasource", std::nullopt, {}}, {});
    QVERIFY(prometheus);
    QCOMPARE(prometheus->name, std::string("zprom"));

    // A proxy-only datasource needs an override; a directUrl one does not.
    DatasourceEntry proxied{"viaProxy", DatasourceEntry::Scope::Global, {}};
    proxied.spec.plugin.spec =
        JsonReader::parse(
            R"({"proxy": {"kind": "HTTPProxy", "spec": {"url": "http://up", "headers": {"A": "1"}}}, "scrapeInterval": "30s", "queryParams": {"dedup": "false"}})")
            .documents.front();
    auto connection = overrides.connect(proxied);
    QVERIFY(std::holds_alternative<std::string>(connection));
    overrides.set("viaProxy", {"http://direct", {}, "/etc/ssl/ca.pem", true, {}});
    connection = overrides.connect(proxied);
    const auto &c = std::get<DatasourceConnection>(connection);
    QCOMPARE(c.url, std::string("http://direct"));
    QCOMPARE(c.caFile, std::string("/etc/ssl/ca.pem"));
    QVERIFY(c.insecureSkipVerify);
    QCOMPARE(c.queryParams.front().first, std::string("dedup"));
    QCOMPARE(c.headers.front().first, std::string("A"));
}

} // namespace

QTEST_APPLESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
