// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "editorcompletion.h"

#include "codeeditor.h"
#include "dashboardview.h"
#include "prometheusclient.h"
#include "prometheusreply.h"
#include "queryeditor.h"
#include "schemacompletion.h"

#include <QPointer>
#include <QRegularExpression>
#include <QTextBlock>

namespace Pd::Gui {

EditorCompletion::EditorCompletion(CodeEditor *editor,
                                   std::shared_ptr<const PluginSchemaRegistry> schemas,
                                   QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_schemas(std::move(schemas))
{}

void EditorCompletion::complete(const ResourceFile &read, DashboardView *preview)
{
    const QString all = m_editor->toPlainText();
    const QTextCursor cursor = m_editor->textCursor();
    const int offset = int(all.left(cursor.position()).toUtf8().size());
    // The resource the cursor is in: the last one starting before it.
    const LoadedResource *resource = nullptr;
    for (const LoadedResource &candidate : read.resources) {
        if (candidate.node.pos().offset <= offset && candidate.crdKind.empty())
            resource = &candidate;
    }
    if (!resource)
        return;
    const QString line = cursor.block().text();
    const QString before = line.left(cursor.positionInBlock());
    const int indent =
        int(line.size() - QString(line).remove(QRegularExpression(QStringLiteral("^ *"))).size());
    const SchemaCompletion completion(*m_schemas);
    if (completePromQL(before, resource->node, offset, preview))
        return;
    static const QRegularExpression kindValue(QStringLiteral(R"(^(\s*(?:-\s+)?)kind:\s*\w*$)"));
    QStringList words;
    QString suffix;
    if (const QRegularExpressionMatch match = kindValue.match(before); match.hasMatch()) {
        const int column = int(match.capturedLength(1)) + 1;
        for (const auto &item :
             completion.pluginKinds(SchemaCompletion::objectPathAt(resource->node, offset, column)))
            words << QString::fromStdString(item.text);
    } else {
        const std::vector<std::string> path =
            SchemaCompletion::objectPathAt(resource->node, offset, indent + 1);
        for (const auto &item : completion.keys(resource->node, path))
            words << QString::fromStdString(item.text);
        suffix = QStringLiteral(": ");
    }
    m_editor->showCompletions(words, suffix);
}

// Inside a Prometheus query: metric names, label names inside braces, label values after
// `label="`, from the query's own datasource (cached per datasource; the answer comes later
// and never blocks typing).
bool EditorCompletion::completePromQL(const QString &before, const Node &resource, int offset,
                                      DashboardView *preview)
{
    static const QRegularExpression queryKey(
        QStringLiteral(R"(^(\s*(?:-\s+)?)query:\s*["']?(.*)$)"));
    const QRegularExpressionMatch query = queryKey.match(before);
    if (!query.hasMatch())
        return false;
    const std::vector<std::string> path =
        SchemaCompletion::objectPathAt(resource, offset, int(query.capturedLength(1)) + 1);
    const Node *spec = resource.at(path);
    if (!spec)
        return true;
    if (!preview)
        return true;
    std::string error;
    PrometheusClient *client = preview->engine().prometheusFor(*spec, error);
    if (!client) {
        emit unavailable(tr("No completion: %1").arg(QString::fromStdString(error)));
        return true;
    }
    completeQuery(m_editor, client, preview->timeRange(), query.captured(2));
    return true;
}

void EditorCompletion::completeQuery(CodeEditor *editor, PrometheusClient *client,
                                     const TimeRange &range, const QString &promql)
{
    static const QRegularExpression valueContext(
        QStringLiteral(R"((\w+)\s*(?:=~|!~|!=|=)\s*"[^"]*$)"));
    const int open = int(promql.lastIndexOf(u'{'));
    const bool inBraces = open >= 0 && promql.indexOf(u'}', open) < 0;
    std::string label = "__name__";
    bool names = false;
    if (inBraces) {
        const QRegularExpressionMatch value = valueContext.match(promql.mid(open));
        if (value.hasMatch())
            label = value.captured(1).toStdString();
        else
            names = true;
    }
    const std::string key =
        client->transport().baseUrl().toStdString() + (names ? " labels" : " " + label);
    if (const auto cached = m_cache.find(key); cached != m_cache.end()) {
        editor->showCompletions(cached->second, {});
        return;
    }
    PrometheusReply *reply =
        names ? client->labelNames({}, range.fromMs / 1000.0, range.toMs / 1000.0)
              : client->labelValues(label, {}, range.fromMs / 1000.0, range.toMs / 1000.0);
    const int position = editor->textCursor().position();
    const QPointer<CodeEditor> asking(editor);
    connect(reply, &PrometheusReply::finished, this, [this, reply, key, position, asking] {
        reply->deleteLater();
        if (!reply->response().ok) {
            emit unavailable(
                tr("No completion: %1").arg(QString::fromStdString(reply->response().error)));
            return;
        }
        QStringList words;
        for (const std::string &word : reply->response().strings)
            words << QString::fromStdString(word);
        m_cache[key] = words;
        if (asking && asking->textCursor().position() == position) // still where it was asked
            asking->showCompletions(words, {});
    });
}

void EditorCompletion::completeQuery(QueryEditor *query, DashboardView *view)
{
    if (!view || !query->promql())
        return;
    const Node value = query->value();
    const Node *spec = value.at({"spec", "plugin", "spec"});
    std::string error;
    PrometheusClient *client = spec ? view->engine().prometheusFor(*spec, error) : nullptr;
    if (!client) {
        query->promql()->setToolTip(tr("No completion: %1").arg(QString::fromStdString(error)));
        return;
    }
    const QTextCursor cursor = query->promql()->textCursor();
    completeQuery(query->promql(), client, view->timeRange(),
                  query->promql()->toPlainText().left(cursor.position()));
}

} // namespace Pd::Gui
