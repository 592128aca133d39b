// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QObject>
#include <QString>

namespace Pd {

// One call to the Perses API. It emits finished() once; then status() and body() hold the
// answer, and error() the one-line message for a failure (empty on success): a network fault,
// a non-2xx status with the server's message, or an expired session. PersesApi is its parent;
// whoever handles finished() deletes it (deleteLater).
class ApiReply : public QObject
{
    Q_OBJECT

public:
    explicit ApiReply(QObject *parent = nullptr)
        : QObject(parent)
    {}

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && m_error.isEmpty(); }
    int status() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    QJsonDocument json() const { return QJsonDocument::fromJson(m_body); }
    const QString &error() const { return m_error; }
    // No answer at all (refused, timed out, TLS): the server may be down.
    bool isNetworkFailure() const { return m_finished && m_status == 0; }

    // For the command line only: processes events until finished. The window never waits.
    void waitForFinished();

signals:
    void finished();

private:
    friend class PersesApi;
    void finish(int status, QByteArray body, QString error);

    bool m_finished = false;
    int m_status = 0;
    QByteArray m_body;
    QString m_error;
};

} // namespace Pd
