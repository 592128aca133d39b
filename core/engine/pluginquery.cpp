// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "pluginquery.h"

#include "builtinvariables.h"
#include "datasourceclients.h"
#include "datasourcetransport.h"
#include "jsonbridge.h"
#include "modeldecoder.h"
#include "pluginregistry.h"
#include "posttoowner.h"
#include "variableinterpolator.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <perses-desktop/queryplugin.h>

namespace Pd {

namespace {

QueryWindow fromPlugin(const PdPlugin::QueryWindow &window)
{
    return QueryWindow{window.startSeconds, window.endSeconds, window.stepSeconds,
                       window.minStepSeconds};
}

PdPlugin::QueryWindow toPlugin(const QueryWindow &window)
{
    return PdPlugin::QueryWindow{window.startSeconds, window.endSeconds, window.stepSeconds,
                                 window.minStepSeconds};
}

// The caller's handle: it cancels the plugin's own (which may not exist yet, or be null), and
// takes only the first outcome, none after cancel(). What reaches the plugin holds it weakly,
// so a plugin's handle that keeps its callback cannot keep this one alive in a cycle.
class GuardedCall : public PdPlugin::Cancelable
{
public:
    void cancel() override
    {
        m_canceled = true;
        if (auto inner = std::exchange(m_inner, nullptr))
            inner->cancel();
    }
    void setInner(PdPlugin::CallHandle inner)
    {
        if (m_canceled && inner)
            inner->cancel();
        else
            m_inner = std::move(inner);
    }
    // True once: the first outcome is taken, a second one from a faulty plugin is not.
    bool takeOutcome() { return !m_canceled && !m_answered.exchange(true); }
    // The plugin did not answer in time: its slot is taken and its work canceled. False when
    // it answered (or was canceled) meanwhile.
    bool expire()
    {
        if (!takeOutcome())
            return false;
        if (auto inner = std::exchange(m_inner, nullptr))
            inner->cancel();
        return true;
    }

private:
    std::atomic<bool> m_canceled{false};
    std::atomic<bool> m_answered{false};
    PdPlugin::CallHandle m_inner;
};

} // namespace

PdPlugin::HttpTransport *PluginQuery::transportFor(DatasourceClients &clients,
                                                   const Model::Plugin &plugin,
                                                   const VariableValues &values)
{
    const PluginRegistry::QueryRunner runner =
        PluginRegistry::instance().queryRunner(QString::fromStdString(plugin.kind));
    if (!runner.plugin || runner.kind.datasourceKind.isEmpty())
        return nullptr;
    return clients
        .datasource(
            ModelDecoder::datasourceSelector(plugin.spec, runner.kind.datasourceKind.toStdString()),
            values)
        .transport;
}

PluginQuery::Started PluginQuery::start(DatasourceClients &clients, const Request &request,
                                        QObject *context, std::function<void(Answer)> done)
{
    Started started;
    auto call = std::make_shared<GuardedCall>();
    started.handle = call;
    QPointer<QObject> owner(context);
    std::weak_ptr<GuardedCall> weakCall = call;
    // An outcome given while start() runs, or from another thread, comes through the event
    // loop (callers see answers come as answers do); one given later on the owner's thread
    // (the Prometheus plugin's, whose reply is already there) is taken at once: a second trip
    // through the event loop would only delay it.
    auto returned = std::make_shared<std::atomic<bool>>(false);
    auto finish = [owner, weakCall, done, returned](Answer answer) {
        auto take = [weakCall, done](Answer outcome) {
            const std::shared_ptr<GuardedCall> guard = weakCall.lock();
            if (guard && guard->takeOutcome())
                done(std::move(outcome));
        };
        // The owner is read only on the application's thread, where it is deleted.
        const bool onAppThread = QThread::currentThread() == QCoreApplication::instance()->thread();
        if (*returned && onAppThread && owner && owner->thread() == QThread::currentThread()) {
            take(std::move(answer));
            return;
        }
        postToOwner(owner, [take, answer = std::move(answer)](QObject *) mutable {
            take(std::move(answer));
        });
    };
    auto fail = [&](std::string type, std::string message) {
        Answer answer;
        answer.response = QueryResponse::failure(std::move(type), std::move(message));
        finish(std::move(answer));
        return started;
    };
    const Model::Plugin &plugin = *request.plugin;
    const PluginRegistry::QueryRunner runner =
        PluginRegistry::instance().queryRunner(QString::fromStdString(plugin.kind));
    // An annotation runs only through a kind its plugin declares for annotations, and a query
    // never through one.
    const bool annotationKind = runner.kind.queryType == QLatin1String("Annotation");
    if (!runner.plugin || annotationKind != request.annotation)
        return fail("unsupported", std::string(request.annotation ? "annotation" : "query") +
                                       " plugin " + plugin.kind +
                                       " is not supported: no plugin runs it");
    PdPlugin::QueryContext query;
    query.kind = runner.kind.kind;
    query.spec = toQJsonValue(plugin.spec).toObject();
    query.fromMs = request.range.fromMs;
    query.toMs = request.range.toMs;
    query.widthPx = request.widthPx;
    query.timezoneOffsetSeconds = request.timezoneOffsetSeconds;
    query.instantByDefault = request.instantByDefault;
    query.suggestedWindow = toPlugin(QueryStep::compute(
        StepRequest{request.range, request.widthPx, {}, {}, request.timezoneOffsetSeconds}));
    if (!runner.kind.datasourceKind.isEmpty()) {
        const Model::DatasourceSelector selector =
            ModelDecoder::datasourceSelector(plugin.spec, runner.kind.datasourceKind.toStdString());
        started.selected = selector.name.value_or("");
        started.selectedKind = selector.kind;
        const DatasourceClients::Lookup lookup = clients.datasource(selector, request.values);
        started.datasource = lookup.datasource;
        if (lookup.transport)
            started.url = lookup.transport->connection().url;
        // No such datasource (or no URL for it) is the user's to fix; a plugin that cannot make
        // a client of it is the plugin's.
        if (!lookup.client)
            return fail(lookup.transport ? "plugin" : "datasource", lookup.error);
        query.datasource = lookup.client;
    }
    query.interpolate = [values = request.values](const QString &text,
                                                  const PdPlugin::QueryWindow &window) {
        VariableValues scoped = values;
        BuiltinVariables::addQueryScope(scoped, fromPlugin(window));
        return QString::fromStdString(VariableInterpolator::replace(text.toStdString(), scoped));
    };
    if (request.timeout.count() > 0) {
        const auto limit = request.timeout + hangGrace;
        QTimer::singleShot(limit, context, [weakCall, done, limit] {
            const std::shared_ptr<GuardedCall> guard = weakCall.lock();
            if (!guard || !guard->expire())
                return;
            Answer answer;
            answer.response = QueryResponse::failure(
                "timeout",
                "the query plugin did not answer within " +
                    std::to_string(
                        std::chrono::duration_cast<std::chrono::seconds>(limit).count()) +
                    " s");
            done(std::move(answer));
        });
    }
    call->setInner(runner.plugin->runQuery(query, [finish](PdPlugin::QueryOutcome outcome) {
        Answer answer;
        answer.query = outcome.query.toStdString();
        answer.seriesNameFormat = outcome.seriesNameFormat.toStdString();
        answer.window = fromPlugin(outcome.window);
        answer.instant = outcome.instant;
        answer.request = outcome.request.toStdString();
        answer.response = QueryResponse::fromData(std::move(outcome.data));
        finish(std::move(answer));
    }));
    *returned = true;
    return started;
}

} // namespace Pd
