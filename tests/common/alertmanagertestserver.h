// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A real Alertmanager (Debian's prometheus-alertmanager) for tests: one route to a receiver
// that sends nothing, no cluster, on 127.0.0.1 on a free port, stopped on destruction. Alerts
// and silences are fed through its own API v2.
class AlertmanagerTestServer
{
public:
    AlertmanagerTestServer() = default;
    ~AlertmanagerTestServer();

    // Starts it and waits until it is ready; an error message, or an empty string.
    QString start();
    QString url() const;
    // POST /api/v2/alerts with a JSON list; an error message, or empty.
    QString postAlerts(const QByteArray &json);
    // POST /api/v2/silences; the new silence's id, or empty with `error` set.
    QString postSilence(const QByteArray &json, QString *error = nullptr);
    // GET a path of the API; the body (empty on failure).
    QByteArray get(const QString &path);

private:
    QByteArray send(const QByteArray &method, const QString &path, const QByteArray &body,
                    int *status);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};
