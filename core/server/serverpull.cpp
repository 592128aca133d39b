// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "serverpull.h"

#include "canonicalorder.h"
#include "jsonreader.h"
#include "persesapi.h"
#include "serverpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSaveFile>

namespace Pd {

namespace {

constexpr ResourceKind projectKinds[] = {ResourceKind::Dashboard, ResourceKind::Datasource,
                                         ResourceKind::Variable, ResourceKind::Folder};
constexpr ResourceKind globalKinds[] = {ResourceKind::GlobalDatasource,
                                        ResourceKind::GlobalVariable};

class Puller
{
public:
    Puller(PersesApi &api, const ServerPull::Options &options, const ServerPull::Progress &progress)
        : m_api(api)
        , m_options(options)
        , m_progress(progress)
        , m_extension(options.format == DocumentFormat::Json ? QStringLiteral("json")
                                                             : QStringLiteral("yaml"))
    {}

    ServerPull::Result run()
    {
        if (m_options.resourcesOnly) {
            for (ResourceKind kind : globalKinds)
                pullList(kind, {});
            pullList(ResourceKind::Datasource, m_options.project);
            pullList(ResourceKind::Variable, m_options.project);
        } else if (!m_options.dashboard.isEmpty())
            pullOne(ResourceKind::Dashboard, m_options.project, m_options.dashboard);
        else if (!m_options.project.isEmpty())
            pullProject(m_options.project);
        else
            pullEverything();
        return std::move(m_result);
    }

private:
    ApiReply *wait(ApiReply *reply)
    {
        reply->waitForFinished();
        reply->deleteLater();
        return reply;
    }

    void pullEverything()
    {
        for (ResourceKind kind : globalKinds)
            pullList(kind, {});
        ApiReply *projects = wait(m_api.get(ServerPaths::list(ResourceKind::Project, {})));
        if (!projects->ok())
            return fail(projects->error());
        for (const QJsonValue &project : projects->json().array()) {
            if (!m_result.error.isEmpty())
                return;
            pullProject(project[u"metadata"][u"name"].toString());
        }
    }

    void pullProject(const QString &project)
    {
        pullOne(ResourceKind::Project, {}, project);
        for (ResourceKind kind : projectKinds)
            pullList(kind, project);
        ApiReply *secrets =
            wait(m_api.get(ServerPaths::list(ResourceKind::Secret, project),
                           QUrlQuery{{QStringLiteral("metadata_only"), QStringLiteral("true")}}));
        if (secrets->ok())
            m_result.secretsLeftOut += int(secrets->json().array().size());
    }

    void pullOne(ResourceKind kind, const QString &project, const QString &name)
    {
        if (!m_result.error.isEmpty())
            return;
        ApiReply *reply = wait(m_api.get(ServerPaths::item(kind, project, name)));
        if (!reply->ok())
            return fail(reply->error());
        write(kind, reply->body());
    }

    void pullList(ResourceKind kind, const QString &project)
    {
        if (!m_result.error.isEmpty())
            return;
        ApiReply *reply = wait(m_api.get(ServerPaths::list(kind, project)));
        if (reply->status() == 404)
            return; // the route is switched off on this server (§1)
        if (!reply->ok())
            return fail(reply->error());
        for (const QJsonValue &item : reply->json().array()) {
            write(kind, QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact));
            if (!m_result.error.isEmpty())
                return;
        }
    }

    void write(ResourceKind kind, const QByteArray &json)
    {
        const QJsonObject metadata =
            QJsonDocument::fromJson(json).object().value(u"metadata").toObject();
        // Names as the server returns them (lower-cased when it is case-insensitive).
        const QString relative = ServerPaths::file(kind, metadata.value(u"project").toString(),
                                                   metadata.value(u"name").toString(), m_extension);
        const std::string text = ServerPull::fileText(json, m_options.format);
        if (text.empty())
            return fail(QObject::tr("%1: the server's answer does not read").arg(relative));
        const QString path = m_options.folder + u'/' + relative;
        ServerPull::File file{relative, false};
        QFile existing(path);
        if (!existing.open(QIODevice::ReadOnly) ||
            existing.readAll() != QByteArray::fromStdString(text)) {
            QDir().mkpath(QFileInfo(path).path());
            QSaveFile out(path);
            if (!out.open(QIODevice::WriteOnly) ||
                out.write(text.data(), qint64(text.size())) != qint64(text.size()) || !out.commit())
                return fail(QObject::tr("cannot write %1").arg(path));
            file.written = true;
        }
        m_result.files.push_back(file);
        if (m_progress)
            m_progress(file);
    }

    void fail(const QString &error)
    {
        if (m_result.error.isEmpty())
            m_result.error = error;
    }

    PersesApi &m_api;
    const ServerPull::Options &m_options;
    const ServerPull::Progress &m_progress;
    QString m_extension;
    ServerPull::Result m_result;
};

} // namespace

ServerPull::Result ServerPull::run(PersesApi &api, const Options &options, const Progress &progress)
{
    return Puller(api, options, progress).run();
}

std::string ServerPull::fileText(const QByteArray &json, DocumentFormat format, bool keepVersion)
{
    ParseResult parsed = JsonReader::parse(json.toStdString());
    if (parsed.hasErrors() || parsed.documents.size() != 1 || !parsed.documents.front().isObject())
        return {};
    if (Node *metadata = parsed.documents.front().find("metadata")) {
        metadata->remove("createdAt");
        metadata->remove("updatedAt");
        if (!keepVersion)
            metadata->remove("version");
    }
    return CanonicalOrder::write(parsed.documents, format);
}

} // namespace Pd
