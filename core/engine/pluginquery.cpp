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

// A handle the caller can cancel before the plugin's own handle exists, and that drops an
// outcome the plugin sends after cancel().
class GuardedCall : public PdPlugin::Cancelable
{
public:
    void cancel() override
    {
        m_canceled = true;
        if (m_inner)
            m_inner->cancel();
    }
    bool isCanceled() const { return m_canceled; }
    void setInner(PdPlugin::CallHandle inner) { m_inner = std::move(inner); }

private:
    std::atomic<bool> m_canceled{false};
    PdPlugin::CallHandle m_inner;
};

} // namespace

PluginQuery::Started PluginQuery::start(DatasourceClients &clients, const Request &request,
                                        QObject *context, std::function<void(Answer)> done)
{
    Started started;
    auto call = std::make_shared<GuardedCall>();
    started.handle = call;
    QPointer<QObject> owner(context);
    auto finish = [owner, call, done](Answer answer) {
        postToOwner(owner, [call, done, answer = std::move(answer)](QObject *) mutable {
            if (!call->isCanceled())
                done(std::move(answer));
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
    if (!runner.plugin)
        return fail("unsupported",
                    "query plugin " + plugin.kind + " is not supported: no plugin runs it");
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
        const DatasourceClients::Lookup lookup = clients.datasource(selector, request.values);
        started.datasource = lookup.datasource;
        if (lookup.transport)
            started.url = lookup.transport->connection().url;
        if (!lookup.client)
            return fail("datasource", lookup.error);
        query.datasource = lookup.client;
    }
    query.interpolate = [values = request.values](const QString &text,
                                                  const PdPlugin::QueryWindow &window) {
        VariableValues scoped = values;
        BuiltinVariables::addQueryScope(scoped, fromPlugin(window));
        return QString::fromStdString(VariableInterpolator::replace(text.toStdString(), scoped));
    };
    call->setInner(runner.plugin->runQuery(query, [finish](PdPlugin::QueryOutcome outcome) {
        Answer answer;
        answer.query = outcome.query.toStdString();
        answer.seriesNameFormat = outcome.seriesNameFormat.toStdString();
        answer.window = fromPlugin(outcome.window);
        answer.instant = outcome.instant;
        answer.response = QueryResponse::fromData(std::move(outcome.data));
        finish(std::move(answer));
    }));
    return started;
}

} // namespace Pd
