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

bool writeNew(const QString &path, const std::string &text)
{
    QFile out(path);
    return out.open(QIODevice::NewOnly) &&
           out.write(text.data(), qint64(text.size())) == qint64(text.size()) && out.flush();
}

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
        ParseResult parsed = JsonReader::parse(reply->body().toStdString());
        if (parsed.hasErrors() || parsed.documents.size() != 1)
            return fail(QObject::tr("%1/%2: the server's answer does not read").arg(project, name));
        write(kind, std::move(parsed.documents.front()));
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
        // The list read once, each item written from its tree (no re-serialising).
        ParseResult parsed = JsonReader::parse(reply->body().toStdString());
        if (parsed.hasErrors() || parsed.documents.size() != 1 ||
            !parsed.documents.front().isArray())
            return fail(QObject::tr("the list of %1 does not read")
                            .arg(ServerPaths::collection(kind).value_or(QString())));
        for (Node &item : parsed.documents.front().items()) {
            write(kind, std::move(item));
            if (!m_result.error.isEmpty())
                return;
        }
    }

    void write(ResourceKind kind, Node resource)
    {
        // Names as the server returns them (lower-cased when it is case-insensitive).
        const QString relative = ServerPaths::file(
            kind,
            QString::fromStdString(resource.at({"metadata", "project"})
                                       ? resource.at({"metadata", "project"})->text()
                                       : std::string()),
            QString::fromStdString(resource.at({"metadata", "name"})
                                       ? resource.at({"metadata", "name"})->text()
                                       : std::string()),
            m_extension);
        const std::string text = ServerPull::fileText(std::move(resource), m_options.format);
        if (text.empty())
            return fail(QObject::tr("%1: the server's answer does not read").arg(relative));
        const QString path = m_options.folder + u'/' + relative;
        ServerPull::File file{relative, false};
        QFile existing(path);
        if (!existing.open(QIODevice::ReadOnly)) {
            // A new file: written in place (a crash leaves a file the next pull completes);
            // a temporary and a rename per file would double the cost of creating 5,000.
            if (!QDir().mkpath(QFileInfo(path).path()) || !writeNew(path, text))
                return fail(QObject::tr("cannot write %1").arg(path));
            file.written = true;
        } else if (existing.readAll() != QByteArray::fromStdString(text)) {
            // An existing file is replaced atomically: it may be someone's working copy.
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
    if (parsed.hasErrors() || parsed.documents.size() != 1)
        return {};
    return fileText(std::move(parsed.documents.front()), format, keepVersion);
}

std::string ServerPull::fileText(Node resource, DocumentFormat format, bool keepVersion)
{
    if (!resource.isObject())
        return {};
    if (Node *metadata = resource.find("metadata")) {
        metadata->remove("createdAt");
        metadata->remove("updatedAt");
        if (!keepVersion)
            metadata->remove("version");
    }
    std::vector<Node> documents;
    documents.push_back(std::move(resource));
    return CanonicalOrder::write(documents, format);
}

} // namespace Pd
