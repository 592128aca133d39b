// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardpublisher.h"

#include "jsonwriter.h"
#include "persesapi.h"
#include "resourcefile.h"
#include "serverpaths.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace Pd {

DashboardPublisher::DashboardPublisher(PersesApi *api, ServerMirror mirror, QString project,
                                       QString name, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_mirror(std::move(mirror))
    , m_project(std::move(project))
    , m_name(std::move(name))
{}

void DashboardPublisher::fail(const QString &message)
{
    m_busy = false;
    emit failed(message);
}

void DashboardPublisher::publish(bool overwrite)
{
    if (m_busy || !m_api)
        return;
    m_busy = true;
    auto *watcher = new QFutureWatcher<Prepared>(this);
    connect(watcher, &QFutureWatcher<Prepared>::finished, this, [this, watcher, overwrite] {
        watcher->deleteLater();
        prepared(watcher->result(), overwrite);
    });
    watcher->setFuture(QtConcurrent::run([mirror = m_mirror, project = m_project, name = m_name] {
        Prepared prepared;
        const ResourceFile mine =
            ResourceReader::readFile(mirror.workingFile(project, name).toStdString());
        if (mine.hasErrors() || mine.resources.size() != 1) {
            prepared.problem = tr("the dashboard does not read; fix its errors, then save again");
            return prepared;
        }
        prepared.body = QByteArray::fromStdString(JsonWriter::write(mine.resources.front().node));
        prepared.baseVersion = mirror.baseVersion(project, name);
        return prepared;
    }));
}

void DashboardPublisher::prepared(const Prepared &prepared, bool overwrite)
{
    if (!prepared.problem.isEmpty() || !m_api)
        return fail(prepared.problem);
    ApiReply *reply = m_api->post(QStringLiteral("/api/validate/dashboards"), prepared.body);
    connect(reply, &ApiReply::finished, this,
            [this, reply, prepared, overwrite] { validated(reply, prepared, overwrite); });
}

void DashboardPublisher::validated(ApiReply *reply, const Prepared &prepared, bool overwrite)
{
    reply->deleteLater();
    if (reply->status() == 400)
        return fail(tr("the server refuses the dashboard: %1")
                        .arg(reply->json().object().value(u"message").toString()));
    if (!reply->ok() && reply->status() != 404) // a server without the validate route
        return fail(reply->error());
    ApiReply *current = m_api->get(ServerPaths::item(ResourceKind::Dashboard, m_project, m_name));
    connect(current, &ApiReply::finished, this,
            [this, current, prepared, overwrite] { compared(current, prepared, overwrite); });
}

void DashboardPublisher::compared(ApiReply *reply, const Prepared &prepared, bool overwrite)
{
    reply->deleteLater();
    ApiReply *write = nullptr;
    if (reply->status() == 404) {
        // Deleted on the server meanwhile: created again from the working copy.
        write = m_api->post(ServerPaths::list(ResourceKind::Dashboard, m_project), prepared.body);
    } else if (!reply->ok()) {
        return fail(reply->error());
    } else {
        const qint64 theirs =
            reply->json().object().value(u"metadata").toObject().value(u"version").toInteger(-1);
        if (!overwrite && prepared.baseVersion != theirs) {
            m_busy = false;
            emit conflicted(reply->body());
            return;
        }
        write = m_api->put(ServerPaths::item(ResourceKind::Dashboard, m_project, m_name),
                           prepared.body);
    }
    connect(write, &ApiReply::finished, this, [this, write] { written(write); });
}

void DashboardPublisher::written(ApiReply *reply)
{
    reply->deleteLater();
    if (!reply->ok())
        return fail(reply->error());
    // The answer becomes the base, written off the GUI thread.
    const QByteArray answer = reply->body();
    const qint64 version =
        reply->json().object().value(u"metadata").toObject().value(u"version").toInteger();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, version] {
        watcher->deleteLater();
        if (const QString problem = watcher->result(); !problem.isEmpty())
            return fail(problem);
        m_busy = false;
        emit published(version);
    });
    watcher->setFuture(
        QtConcurrent::run([mirror = m_mirror, project = m_project, name = m_name, answer] {
            ServerMirror writing = mirror;
            return writing.setBase(project, name, answer, false);
        }));
}

} // namespace Pd
