// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "faulthttpserver.h"

#include <QTcpSocket>

namespace {

QByteArray response(int status, const QByteArray &reason, const QByteArray &contentType,
                    const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

const QByteArray okBody =
    R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up","job":"x"},"values":[[1700000000,"1"],[1700000060,"NaN"],[1700000120,"+Inf"]]}]},"warnings":["careful"]})";

} // namespace

FaultHttpServer::FaultHttpServer(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection())
            handle(socket);
    });
}

bool FaultHttpServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QString FaultHttpServer::url(const QString &fault) const
{
    return QStringLiteral("http://127.0.0.1:%1/%2").arg(serverPort()).arg(fault);
}

void FaultHttpServer::handle(QTcpSocket *socket)
{
    auto *buffer = new QByteArray;
    connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
        delete buffer;
        socket->deleteLater();
    });
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
        buffer->append(socket->readAll());
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0 || buffer->isEmpty())
            return;
        const QByteArray requestLine = buffer->left(buffer->indexOf("\r\n"));
        const QByteArray path = requestLine.split(' ').value(1);
        QByteArray tenant;
        for (const QByteArray &line : buffer->left(end).split('\n')) {
            if (line.toLower().startsWith("x-tenant:"))
                tenant = line.mid(9).trimmed();
        }
        buffer->clear();
        if (path.startsWith("/echo/")) {
            // Answers with the X-Tenant header it got, as a label list.
            const QByteArray body = R"({"status":"success","data":[")" + tenant + R"("]})";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
            return;
        }
        respond(socket, path);
    });
}

void FaultHttpServer::respond(QTcpSocket *socket, const QByteArray &path)
{
    const QByteArray fault = path.mid(1, path.indexOf('/', 1) - 1);
    if (fault == "ok") {
        socket->write(response(200, "OK", "application/json", okBody));
    } else if (fault == "500") {
        socket->write(response(500, "Internal Server Error", "text/plain", "boom\n"));
    } else if (fault == "503") {
        socket->write(response(
            503, "Service Unavailable", "application/json",
            R"({"status":"error","errorType":"unavailable","error":"too many concurrent queries"})"));
    } else if (fault == "slow") {
        return; // never answers
    } else if (fault == "garbage") {
        socket->write(response(200, "OK", "application/json", "{not json at all"));
    } else if (fault == "truncated") {
        const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                "Content-Length: 1000\r\nConnection: close\r\n\r\n";
        socket->write(head + okBody.left(60));
        socket->flush();
        socket->disconnectFromHost();
        return;
    } else if (fault == "huge") {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(hugeBytes) + "\r\nConnection: close\r\n\r\n");
        // Streamed as the socket drains, so the server never holds 200 MB.
        auto sent = std::make_shared<qint64>(0);
        const QByteArray chunk(1024 * 1024, ' ');
        auto more = [socket, sent, chunk] {
            while (*sent < hugeBytes && socket->bytesToWrite() < 4 * chunk.size()) {
                socket->write(chunk);
                *sent += chunk.size();
            }
            if (*sent >= hugeBytes)
                socket->disconnectFromHost();
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, more);
        more();
        return;
    } else if (fault == "html") {
        socket->write(response(502, "Bad Gateway", "text/html",
                               "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                               "<body><h1>Bad Gateway</h1><p>nginx</p></body></html>"));
    } else if (fault == "closed") {
        socket->abort();
        return;
    } else {
        socket->write(response(404, "Not Found", "text/plain", "no such fault\n"));
    }
    socket->disconnectFromHost();
}
