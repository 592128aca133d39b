// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTcpServer>

// A small HTTP server on 127.0.0.1 that answers the way broken datasources do. The first
// path segment picks the fault: /ok, /500, /503, /slow (never answers), /garbage, /truncated,
// /huge (200 MB), /html (an HTML error page), /closed (closes at once); /echo answers with
// the X-Tenant header it received.
class FaultHttpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit FaultHttpServer(QObject *parent = nullptr);
    bool start();
    QString url(const QString &fault) const;

    static constexpr qint64 hugeBytes = 200LL * 1024 * 1024;

private:
    void handle(class QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &path);
};
