// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "serverpush.h"

#include "jsonreader.h"
#include "jsonwriter.h"
#include "persesapi.h"
#include "resourcefile.h"
#include "serverpaths.h"
#include "textpatch.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSaveFile>

#include <algorithm>

namespace Pd {

namespace {

ApiReply *wait(ApiReply *reply)
{
    reply->waitForFinished();
    reply->deleteLater();
    return reply;
}

// Metadata the server keeps; names lower-cased as a case-insensitive server stores them.
Node comparable(Node resource)
{
    if (Node *metadata = resource.find("metadata")) {
        for (const char *key : {"createdAt", "updatedAt", "version"})
            metadata->remove(key);
        for (const char *key : {"name", "project"}) {
            if (Node *value = metadata->find(key); value && value->isString()) {
                std::string lower = value->text();
                std::transform(lower.begin(), lower.end(), lower.begin(),
                               [](unsigned char c) { return char(std::tolower(c)); });
                *value = Node::string(lower);
            }
        }
    }
    return resource;
}

std::optional<qint64> versionOf(const Node &resource)
{
    const Node *version = resource.at({"metadata", "version"});
    if (!version || !version->isNumber())
        return std::nullopt;
    return qint64(version->toNumber());
}

// The version the server gave an updated resource, written into its file in place.
QString recordVersion(const ServerPush::Item &item, qint64 version)
{
    QFile file(item.file);
    if (!file.open(QIODevice::ReadOnly))
        return QObject::tr("cannot read %1").arg(item.file);
    const std::string text = file.readAll().toStdString();
    file.close();
    const std::string path = item.file.toStdString();
    const DocumentFormat format = ResourceReader::formatFor(path, text);
    const ResourceFile read = ResourceReader::readText(text, path, format);
    if (item.resourceIndex >= read.resources.size())
        return QObject::tr("%1 changed while pushing").arg(item.file);
    const std::optional<TextEdit> edit =
        TextPatch::setScalar(read.resources[item.resourceIndex].node, format,
                             {"metadata", "version"}, Node::number(double(version)));
    if (!edit)
        return {};
    const std::string patched = TextPatch::apply(text, {*edit});
    QSaveFile out(item.file);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(patched.data(), qint64(patched.size())) != qint64(patched.size()) ||
        !out.commit())
        return QObject::tr("cannot write %1").arg(item.file);
    return {};
}

} // namespace

bool ServerPush::Plan::hasConflicts() const
{
    return std::any_of(items.begin(), items.end(),
                       [](const Item &item) { return item.action == Action::Conflict; });
}

bool ServerPush::sameContent(const Node &a, const Node &b)
{
    return comparable(a).equals(comparable(b));
}

QString ServerPush::describe(const Item &item)
{
    const QString kind = QString::fromUtf8(resourceKindName(item.kind));
    if (item.project.isEmpty())
        return kind + u' ' + item.name;
    return kind + u' ' + item.project + u'/' + item.name;
}

ServerPush::Plan ServerPush::plan(PersesApi &api, const std::vector<std::string> &files)
{
    Plan plan;
    for (const std::string &path : files) {
        const ResourceFile read = ResourceReader::readFile(path);
        if (read.hasErrors()) {
            const Diagnostic &first =
                *std::find_if(read.diagnostics.begin(), read.diagnostics.end(),
                              [](const Diagnostic &d) { return d.isError(); });
            plan.errors.push_back(QStringLiteral("%1:%2:%3: %4")
                                      .arg(QString::fromStdString(path))
                                      .arg(first.pos.line)
                                      .arg(first.pos.column)
                                      .arg(QString::fromStdString(first.message)));
            continue;
        }
        for (std::size_t index = 0; index < read.resources.size(); ++index) {
            const LoadedResource &resource = read.resources[index];
            Item item;
            item.file = QString::fromStdString(path);
            item.resourceIndex = index;
            if (!resource.kind || !ServerPaths::collection(*resource.kind) ||
                *resource.kind == ResourceKind::Secret ||
                *resource.kind == ResourceKind::GlobalSecret) {
                plan.errors.push_back(
                    QObject::tr("%1: %2 resources are not pushed")
                        .arg(item.file, QString::fromStdString(resource.node.stringAt("kind"))));
                continue;
            }
            item.kind = *resource.kind;
            item.name = QString::fromStdString(resource.node.at({"metadata", "name"})
                                                   ? resource.node.at({"metadata", "name"})->text()
                                                   : std::string());
            if (isProjectScoped(item.kind)) {
                const Node *project = resource.node.at({"metadata", "project"});
                item.project = project ? QString::fromStdString(project->text()) : QString();
                if (item.project.isEmpty()) {
                    plan.errors.push_back(
                        QObject::tr("%1: %2 has no metadata.project").arg(item.file, item.name));
                    continue;
                }
            }
            item.fileVersion = versionOf(resource.node);
            item.body = QByteArray::fromStdString(JsonWriter::write(resource.node));
            ApiReply *server = wait(api.get(ServerPaths::item(item.kind, item.project, item.name)));
            if (server->status() == 404 &&
                server->json().object().value(u"message") == QStringLiteral("document not found")) {
                item.action = Action::Create;
            } else if (!server->ok()) {
                item.action = Action::Conflict;
                item.detail = server->error();
            } else {
                const ParseResult theirs = JsonReader::parse(server->body().toStdString());
                const Node serverCopy =
                    theirs.documents.empty() ? Node() : theirs.documents.front();
                item.serverVersion = versionOf(serverCopy);
                if (sameContent(serverCopy, resource.node)) {
                    item.action = Action::Leave;
                } else if (item.fileVersion && item.serverVersion != item.fileVersion) {
                    item.action = Action::Conflict;
                    item.detail = QObject::tr("the server's copy is at version %1, the file was "
                                              "pulled at version %2: someone saved since")
                                      .arg(item.serverVersion.value_or(-1))
                                      .arg(*item.fileVersion);
                } else {
                    item.action = Action::Update;
                }
            }
            plan.items.push_back(std::move(item));
        }
    }
    return plan;
}

QString ServerPush::apply(PersesApi &api, Plan &plan)
{
    for (Item &item : plan.items) {
        if (item.action != Action::Create && item.action != Action::Update)
            continue;
        ApiReply *reply =
            wait(item.action == Action::Create
                     ? api.post(ServerPaths::list(item.kind, item.project), item.body)
                     : api.put(ServerPaths::item(item.kind, item.project, item.name), item.body));
        if (!reply->ok())
            return describe(item) + QStringLiteral(": ") + reply->error();
        const qint64 version =
            reply->json().object().value(u"metadata").toObject().value(u"version").toInteger();
        item.serverVersion = version;
        if (item.fileVersion) {
            if (const QString problem = recordVersion(item, version); !problem.isEmpty())
                return problem;
        }
    }
    return {};
}

} // namespace Pd
