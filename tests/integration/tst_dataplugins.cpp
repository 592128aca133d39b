// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardqueryengine.h"
#include "faulthttpserver.h"
#include "jsonreader.h"
#include "modeldecoder.h"
#include "variableresolver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtPlugin>

#include <atomic>
#include <perses-desktop/datasourceplugin.h>
#include <perses-desktop/queryplugin.h>
#include <perses-desktop/variableplugin.h>

namespace {

// What the fake plugin saw and did, for the tests to read.
struct FakeLog
{
    PdPlugin::QueryContext lastQuery;
    QString interpolated;
    std::atomic<int> canceledQueries{0};
    std::atomic<int> canceledVariables{0};
    std::atomic<bool> doneOffGuiThread{false};
    std::function<void(PdPlugin::QueryOutcome)> lateDone; // kept by the "late" mode
    std::weak_ptr<int> slowSentinel; // alive while the "slow" mode's callback is held
};
FakeLog fakeLog;

class FakeCall : public PdPlugin::Cancelable
{
public:
    explicit FakeCall(std::atomic<int> &counter)
        : m_counter(counter)
    {}
    void cancel() override { ++m_counter; }

private:
    std::atomic<int> &m_counter;
};

class FakeClient : public PdPlugin::DatasourceClient
{
public:
    explicit FakeClient(PdPlugin::HttpTransport *http)
        : transport(http)
    {}
    PdPlugin::HttpTransport *transport;
};

// Calls `done` from the thread pool, as a plugin that parses there would.
template <typename Outcome, typename Done>
void finishOffThread(Outcome outcome, Done done)
{
    QThreadPool::globalInstance()->start([outcome = std::move(outcome), done]() mutable {
        fakeLog.doneOffGuiThread = QThread::currentThread() != qApp->thread();
        done(std::move(outcome));
    });
}

} // namespace

// A third-party plugin at the three data levels, as small as the interfaces allow: its query's
// `mode` says what it answers.
class FakeDataPlugin : public QObject,
                       public PdPlugin::DatasourcePluginV2,
                       public PdPlugin::QueryPluginV2,
                       public PdPlugin::VariablePluginV2
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID PdQueryPluginV2_iid)
    Q_INTERFACES(PdPlugin::DatasourcePlugin PdPlugin::DatasourcePluginV2 PdPlugin::QueryPlugin
                     PdPlugin::QueryPluginV2 PdPlugin::VariablePlugin PdPlugin::VariablePluginV2)

public:
    QList<PdPlugin::DatasourceKind> datasourceKinds() const override
    {
        return {{QStringLiteral("FakeDatasource"), QStringLiteral("Fake"), true}};
    }
    QList<PdPlugin::QueryKind> queryKinds() const override
    {
        return {{QStringLiteral("FakeQuery"), QStringLiteral("Fake"),
                 QStringLiteral("TimeSeriesQuery"), QStringLiteral("FakeDatasource")}};
    }
    QList<PdPlugin::VariableKind> variableKinds() const override
    {
        return {{QStringLiteral("FakeVariable"), QStringLiteral("Fake"), {}}};
    }
    PdPlugin::SpecIssues validateSpec(const QString &, const QJsonObject &) const override
    {
        return {};
    }
    std::unique_ptr<PdPlugin::DatasourceClient>
    createClient(const PdPlugin::DatasourceContext &context, QString &) override
    {
        return std::make_unique<FakeClient>(context.http);
    }

    PdPlugin::CallHandle runQuery(const PdPlugin::QueryContext &context,
                                  std::function<void(PdPlugin::QueryOutcome)> done) override
    {
        fakeLog.lastQuery = context;
        PdPlugin::QueryOutcome outcome;
        outcome.window = context.suggestedWindow;
        outcome.query = context.interpolate(context.spec.value(QStringLiteral("query")).toString(),
                                            context.suggestedWindow);
        fakeLog.interpolated = outcome.query;
        const QString mode = context.spec.value(QStringLiteral("mode")).toString();
        if (mode == u"hang")
            return std::make_shared<FakeCall>(fakeLog.canceledQueries);
        if (mode == u"late") { // answers whenever the test says, canceled or not
            fakeLog.lateDone = done;
            return std::make_shared<FakeCall>(fakeLog.canceledQueries);
        }
        if (mode == u"twice") {
            done(outcome);
            done(outcome);
            return nullptr;
        }
        if (mode == u"slow") { // a request that never answers, its callback holding a sentinel
            auto sentinel = std::make_shared<int>(1);
            fakeLog.slowSentinel = sentinel;
            auto *client = static_cast<FakeClient *>(context.datasource);
            return client->transport->send(PdPlugin::HttpRequest{},
                                           [done, sentinel](PdPlugin::HttpResponse) {});
        }
        if (mode == u"error") {
            outcome.data = PdPlugin::QueryData::failure("bad_data", "the fake says no");
        } else if (mode == u"ragged") {
            outcome.data.kind = PdPlugin::QueryData::Kind::Table;
            outcome.data.table.columns = {
                {"name", PdPlugin::TableColumn::Type::Text, {"a", "b"}, {}},
                {"value", PdPlugin::TableColumn::Type::Number, {}, {1.5}}};
        } else if (mode == u"table") {
            outcome.data.kind = PdPlugin::QueryData::Kind::Table;
            outcome.data.table.columns = {
                {"name", PdPlugin::TableColumn::Type::Text, {"a", "b"}, {}},
                {"value", PdPlugin::TableColumn::Type::Number, {}, {1.5, 2.5}}};
        } else if (mode == u"http") {
            auto *client = static_cast<FakeClient *>(context.datasource);
            PdPlugin::HttpRequest request;
            request.path = QByteArrayLiteral("/anything");
            return client->transport->send(
                request, [outcome, done](PdPlugin::HttpResponse response) mutable {
                    outcome.data.series.push_back({{{"body", response.body.toStdString()}},
                                                   {1000},
                                                   {double(response.status)},
                                                   {}});
                    done(std::move(outcome));
                });
        } else {
            outcome.data.series.push_back(
                {{{"__name__", "fake"}, {"query", outcome.query.toStdString()}},
                 {1000, 2000, 3000},
                 {1, 2, 3},
                 {}});
        }
        finishOffThread(std::move(outcome), std::move(done));
        return std::make_shared<FakeCall>(fakeLog.canceledQueries);
    }

    PdPlugin::CallHandle listOptions(const PdPlugin::VariableContext &context,
                                     std::function<void(PdPlugin::VariableOutcome)> done) override
    {
        if (context.spec.value(QStringLiteral("hang")).toBool())
            return std::make_shared<FakeCall>(fakeLog.canceledVariables); // never answers
        PdPlugin::VariableOutcome outcome;
        for (const QJsonValue &value : context.spec.value(QStringLiteral("values")).toArray()) {
            const QString text = context.interpolate(value.toString());
            outcome.options.append({text, text});
        }
        finishOffThread(std::move(outcome), std::move(done));
        return std::make_shared<FakeCall>(fakeLog.canceledVariables);
    }
};

Q_IMPORT_PLUGIN(FakeDataPlugin)

namespace {

// A dashboard with one panel whose query is `querySpec` (JSON), on the fake datasource, and a
// fake variable `team` listing red and blue.
Pd::Model::Dashboard
dashboard(const std::string &querySpec, const std::string &queryKind,
          const std::string &variableSpec = "{\"values\": [\"red\", \"blue\"]}")
{
    const std::string json =
        "{\"kind\": \"Dashboard\", \"metadata\": {\"name\": \"d\", \"project\": \"p\"}, \"spec\": {"
        "        \"duration\": \"1h\","
        "        \"datasources\": {\"fake\": {\"default\": true, \"plugin\": {\"kind\": "
        "\"FakeDatasource\", \"spec\": {}}}},"
        "        \"variables\": [{\"kind\": \"ListVariable\", \"spec\": {\"name\": \"team\","
        "            \"plugin\": {\"kind\": \"FakeVariable\", \"spec\": " +
        variableSpec +
        "}}}],"
        "        \"panels\": {\"p1\": {\"kind\": \"Panel\", \"spec\": {\"display\": {\"name\": "
        "\"p1\"},"
        "            \"plugin\": {\"kind\": \"TimeSeriesChart\", \"spec\": {}},"
        "            \"queries\": [{\"kind\": \"TimeSeriesQuery\", \"spec\": {\"plugin\": "
        "{\"kind\": \"" +
        queryKind + "\", \"spec\": " + querySpec +
        "}}}]}}},"
        "        \"layouts\": []}}";
    return Pd::ModelDecoder::dashboard(Pd::JsonReader::parse(json).documents.front());
}

} // namespace

// The data interfaces, version 2, driven through the engine with a fake plugin: what the
// plugin is given, what it returns, on which thread, and what cancels it.
class TestDataPlugins : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }

    void seriesFromAWorkerThread()
    {
        auto engine = makeEngine(
            "{\"query\": \"up{team=\\\"$team\\\"} [$__interval]\", \"mode\": \"series\"}");
        const Pd::PanelResult *result = run(*engine);
        QVERIFY(result);
        const Pd::QueryResult &query = result->queries.front();
        QVERIFY2(query.response.ok, query.response.error.c_str());
        QCOMPARE(query.datasource, std::string("fake"));
        QCOMPARE(query.url, m_server.url(QStringLiteral("echo")).toStdString());
        // The variable's first option, and the built-in for the step the host suggested.
        QCOMPARE(fakeLog.interpolated, QStringLiteral("up{team=\"red\"} [1m]"));
        QCOMPARE(query.query, std::string("up{team=\"red\"} [1m]"));
        QCOMPARE(fakeLog.lastQuery.widthPx, 600);
        QCOMPARE(fakeLog.lastQuery.toMs - fakeLog.lastQuery.fromMs, 3600000);
        QCOMPARE(fakeLog.lastQuery.suggestedWindow.stepSeconds, 60.0);
        QVERIFY(fakeLog.doneOffGuiThread); // the fake answered from the pool...
        QVERIFY(m_finishedOnGuiThread);    // ...and the engine took it on its own thread
        const auto &series = query.response.result.series();
        QCOMPARE(series.size(), 1u);
        QCOMPARE(series.front().values, (std::vector<double>{1, 2, 3}));
        QCOMPARE(*series.front().label("query"), std::string("up{team=\"red\"} [1m]"));
    }

    void tablesAndErrors()
    {
        auto table = makeEngine("{\"mode\": \"table\"}");
        const Pd::QueryResult &rows = run(*table)->queries.front();
        QVERIFY(rows.response.isTable());
        QCOMPARE(rows.response.table.rowCount(), 2u);
        QCOMPARE(rows.response.table.column("value")->numbers.back(), 2.5);

        auto broken = makeEngine("{\"mode\": \"error\"}");
        const Pd::PanelResult *failed = run(*broken);
        QVERIFY(failed->hasErrors());
        QCOMPARE(failed->queries.front().response.errorType, std::string("bad_data"));
        QCOMPARE(failed->queries.front().response.error, std::string("the fake says no"));
    }

    // A plugin's faults stay the plugin's: a second answer is dropped, an answer after the
    // query was canceled is dropped, a malformed result is an error on its panel.
    void faultyPluginsCannotHurtTheEngine()
    {
        auto twice = makeEngine("{\"mode\": \"twice\"}");
        QSignalSpy finished(twice.get(), &Pd::DashboardQueryEngine::panelFinished);
        QVERIFY(run(*twice));
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);

        auto ragged = makeEngine("{\"mode\": \"ragged\"}");
        const Pd::QueryResult &bad = run(*ragged)->queries.front();
        QCOMPARE(bad.response.errorType, std::string("bad_data"));
        QCOMPARE(bad.response.error, std::string("the query plugin's result is malformed: "
                                                 "column value does not have one cell a row"));

        auto late = makeEngine("{\"mode\": \"late\"}");
        QSignalSpy resolved(late.get(), &Pd::DashboardQueryEngine::variablesResolved);
        late->start();
        QVERIFY(resolved.wait(10000));
        late->runPanel("p1", 600);
        late->forgetPanel("p1");
        QVERIFY(fakeLog.lateDone);
        QSignalSpy lateFinished(late.get(), &Pd::DashboardQueryEngine::panelFinished);
        fakeLog.lateDone(PdPlugin::QueryOutcome{});
        QTest::qWait(50);
        QCOMPARE(lateFinished.size(), 0);
        QVERIFY(!late->panelResult("p1"));
    }

    // Canceling a request on the host's transport releases what the plugin's callback holds:
    // no cycle between the engine's handle and the transport's keeps them alive.
    void canceledRequestsReleaseTheirCallbacks()
    {
        auto engine =
            makeEngine("{\"mode\": \"slow\"}", "FakeQuery", m_server.url(QStringLiteral("slow")));
        QSignalSpy resolved(engine.get(), &Pd::DashboardQueryEngine::variablesResolved);
        engine->start();
        QVERIFY(resolved.wait(10000));
        engine->runPanel("p1", 600);
        QVERIFY(!fakeLog.slowSentinel.expired());
        QTRY_COMPARE(engine->requestsInFlight(), 1);
        engine->forgetPanel("p1");
        QTRY_VERIFY(fakeLog.slowSentinel.expired());
        QTRY_COMPARE(engine->requestsInFlight(), 0);
    }

    // An annotation runs only through a kind declared for annotations.
    void queriesAreNotAnnotations()
    {
        Pd::Model::Dashboard withAnnotation = dashboard("{\"mode\": \"series\"}", "FakeQuery");
        withAnnotation.spec.annotations.push_back(Pd::Model::Annotation{
            {"a", ""}, false, "", withAnnotation.spec.panels.front().queries.front().plugin});
        Pd::DashboardQueryEngine engine(
            withAnnotation, {}, {}, overrides(m_server.url(QStringLiteral("echo"))), settings());
        engine.start();
        QTRY_VERIFY(engine.annotationsFinished() && !engine.annotations().empty());
        QCOMPARE(engine.annotations().front().error,
                 std::string("annotation plugin FakeQuery is not supported: no plugin runs it"));
    }

    // Plugins that never answer do not hang the dashboard: a little after the request timeout
    // the variable gives up with an error and the query fails with a timeout, on its panel.
    void silentPluginsTimeOut()
    {
        Pd::DashboardQueryEngine::Settings quick = settings();
        quick.timeout = std::chrono::milliseconds(100);
        Pd::DashboardQueryEngine engine(
            dashboard("{\"mode\": \"hang\"}", "FakeQuery", "{\"hang\": true}"), {}, {},
            overrides(m_server.url(QStringLiteral("echo"))), quick);
        QSignalSpy finished(&engine, &Pd::DashboardQueryEngine::panelFinished);
        engine.start();
        engine.runPanel("p1", 600);
        QVERIFY(finished.wait(30000));
        const Pd::VariableState *team = engine.variables().state("team");
        QCOMPARE(team->error, std::string("the variable plugin did not answer within 5 s"));
        const Pd::QueryResult &query = engine.panelResult("p1")->queries.front();
        QCOMPARE(query.response.errorType, std::string("timeout"));
        QCOMPARE(query.response.error, std::string("the query plugin did not answer within 5 s"));
    }

    void aNewRangeCancelsWhatRuns()
    {
        auto engine = makeEngine("{\"mode\": \"hang\"}");
        QSignalSpy resolved(engine.get(), &Pd::DashboardQueryEngine::variablesResolved);
        engine->start();
        QVERIFY(resolved.wait(10000));
        const int before = fakeLog.canceledQueries;
        engine->runPanel("p1", 600);
        QVERIFY(!engine->panelResult("p1")->isFinished());
        engine->setTimeRange(Pd::TimeRange{0, 7200000});
        QCOMPARE(fakeLog.canceledQueries.load(), before + 1);
    }

    void aKindNoPluginRunsIsNamed()
    {
        auto engine = makeEngine("{}", "NobodysQuery");
        const Pd::QueryResult &query = run(*engine)->queries.front();
        QCOMPARE(query.response.errorType, std::string("unsupported"));
        QCOMPARE(query.response.error,
                 std::string("query plugin NobodysQuery is not supported: no plugin runs it"));
    }

    void variablesListThroughThePlugin()
    {
        auto engine = makeEngine("{\"mode\": \"series\"}");
        QSignalSpy resolved(engine.get(), &Pd::DashboardQueryEngine::variablesResolved);
        engine->start();
        QVERIFY(resolved.wait(10000));
        const Pd::VariableState *team = engine->variables().state("team");
        QVERIFY(team && team->error.empty());
        QCOMPARE(team->options.size(), 2u);
        QCOMPARE(team->options.back().value, std::string("blue"));
    }

    // The plugin sends through the host's transport: the datasource's URL and its headers with
    // the variables replaced.
    void requestsGoThroughTheHostTransport()
    {
        auto engine = makeEngine("{\"mode\": \"http\"}");
        const Pd::QueryResult &query = run(*engine)->queries.front();
        QVERIFY2(query.response.ok, query.response.error.c_str());
        const Pd::Series &answer = query.response.result.series().front();
        QCOMPARE(answer.values.front(), 200.0);
        QCOMPARE(*answer.label("body"),
                 std::string("{\"status\":\"success\",\"data\":[\"team-red\"]}"));
    }

private:
    static Pd::DatasourceOverrides overrides(const QString &url)
    {
        Pd::DatasourceOverrides result;
        result.set("fake", {url.toStdString(), {{"X-Tenant", "team-$team"}}, {}, false, {}});
        return result;
    }

    static Pd::DashboardQueryEngine::Settings settings()
    {
        Pd::DashboardQueryEngine::Settings result;
        result.range = Pd::TimeRange{1700000000000, 1700003600000};
        return result;
    }

    std::unique_ptr<Pd::DashboardQueryEngine> makeEngine(const std::string &querySpec,
                                                         const std::string &kind = "FakeQuery",
                                                         QString url = {})
    {
        if (url.isEmpty())
            url = m_server.url(QStringLiteral("echo"));
        auto engine = std::make_unique<Pd::DashboardQueryEngine>(
            dashboard(querySpec, kind), std::vector<Pd::Model::Datasource>{},
            std::vector<Pd::Model::Variable>{}, overrides(url), settings());
        QObject::connect(
            engine.get(), &Pd::DashboardQueryEngine::panelFinished, engine.get(),
            [this] { m_finishedOnGuiThread = QThread::currentThread() == qApp->thread(); },
            Qt::DirectConnection);
        return engine;
    }

    const Pd::PanelResult *run(Pd::DashboardQueryEngine &engine)
    {
        QSignalSpy finished(&engine, &Pd::DashboardQueryEngine::panelFinished);
        engine.start();
        engine.runPanel("p1", 600);
        if (!finished.wait(30000))
            return nullptr;
        return engine.panelResult("p1");
    }

    FaultHttpServer m_server;
    bool m_finishedOnGuiThread = false;
};

QTEST_GUILESS_MAIN(TestDataPlugins)
#include "tst_dataplugins.moc"
