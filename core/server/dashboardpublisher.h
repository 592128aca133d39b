// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "servermirror.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace Pd {

class ApiReply;
class PersesApi;

// Publishes the working copy of a server dashboard (perses-api.md §10.1, step 8): the server
// validates it (POST /api/validate/dashboards); the dashboard is read again and its version
// compared with the base, since the server itself never refuses a stale write (§6.1); then
// PUT, or POST when it was deleted meanwhile. The server's answer becomes the new base. One
// publish at a time; everything is asynchronous.
class DashboardPublisher : public QObject
{
    Q_OBJECT

public:
    DashboardPublisher(PersesApi *api, ServerMirror mirror, QString project, QString name,
                       QObject *parent = nullptr);

    // `overwrite`: even though the server's copy changed since the base (the user chose to).
    void publish(bool overwrite = false);
    bool isBusy() const { return m_busy; }

signals:
    void published(qint64 version);
    // Someone saved since the base: the server's copy now, as it answered (JSON).
    void conflicted(const QByteArray &theirs);
    void failed(const QString &message);

private:
    // The working copy as JSON and the base's version, read off the GUI thread.
    struct Prepared
    {
        QByteArray body;
        std::optional<qint64> baseVersion;
        QString problem;
    };
    void prepared(const Prepared &prepared, bool overwrite);
    void validated(ApiReply *reply, const Prepared &prepared, bool overwrite);
    void compared(ApiReply *reply, const Prepared &prepared, bool overwrite);
    void written(ApiReply *reply);
    void fail(const QString &message);

    QPointer<PersesApi> m_api;
    ServerMirror m_mirror;
    QString m_project;
    QString m_name;
    bool m_busy = false;
};

} // namespace Pd
