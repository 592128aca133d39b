// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardpublisher.h"

#include "jsonwriter.h"
#include "persesapi.h"
#include "resourcefile.h"
#include "serverpaths.h"

#include <QJsonObject>

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
    const ResourceFile mine =
        ResourceReader::readFile(m_mirror.workingFile(m_project, m_name).toStdString());
    if (mine.hasErrors() || mine.resources.size() != 1)
        return fail(tr("the dashboard does not read; fix its errors, then save again"));
    const QByteArray body =
        QByteArray::fromStdString(JsonWriter::write(mine.resources.front().node));
    ApiReply *reply = m_api->post(QStringLiteral("/api/validate/dashboards"), body);
    connect(reply, &ApiReply::finished, this,
            [this, reply, body, overwrite] { validated(reply, body, overwrite); });
}

void DashboardPublisher::validated(ApiReply *reply, const QByteArray &body, bool overwrite)
{
    reply->deleteLater();
    if (reply->status() == 400)
        return fail(tr("the server refuses the dashboard: %1")
                        .arg(reply->json().object().value(u"message").toString()));
    if (!reply->ok() && reply->status() != 404) // a server without the validate route
        return fail(reply->error());
    ApiReply *current = m_api->get(ServerPaths::item(ResourceKind::Dashboard, m_project, m_name));
    connect(current, &ApiReply::finished, this,
            [this, current, body, overwrite] { compared(current, body, overwrite); });
}

void DashboardPublisher::compared(ApiReply *reply, const QByteArray &body, bool overwrite)
{
    reply->deleteLater();
    ApiReply *write = nullptr;
    if (reply->status() == 404) {
        // Deleted on the server meanwhile: created again from the working copy.
        write = m_api->post(ServerPaths::list(ResourceKind::Dashboard, m_project), body);
    } else if (!reply->ok()) {
        return fail(reply->error());
    } else {
        const qint64 theirs =
            reply->json().object().value(u"metadata").toObject().value(u"version").toInteger(-1);
        if (!overwrite && m_mirror.baseVersion(m_project, m_name) != theirs) {
            m_busy = false;
            emit conflicted(reply->body());
            return;
        }
        write = m_api->put(ServerPaths::item(ResourceKind::Dashboard, m_project, m_name), body);
    }
    connect(write, &ApiReply::finished, this, [this, write] { written(write); });
}

void DashboardPublisher::written(ApiReply *reply)
{
    reply->deleteLater();
    if (!reply->ok())
        return fail(reply->error());
    if (const QString problem = m_mirror.setBase(m_project, m_name, reply->body(), false);
        !problem.isEmpty())
        return fail(problem);
    m_busy = false;
    emit published(
        reply->json().object().value(u"metadata").toObject().value(u"version").toInteger());
}

} // namespace Pd
