// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "alertmanagertestserver.h"

#include "freeport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>

AlertmanagerTestServer::~AlertmanagerTestServer()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            m_process->kill();
    }
}

QString AlertmanagerTestServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QString AlertmanagerTestServer::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory");
    const QString config = m_dir.filePath(QStringLiteral("alertmanager.yml"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write("route:\n  receiver: \"null\"\n  group_wait: 1s\nreceivers:\n"
                   "  - name: \"null\"\n") < 0)
        return QStringLiteral("cannot write the Alertmanager configuration");
    file.close();
    m_port = PdTest::freeLocalPort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("alertmanager.log")));
    m_process->start(QStringLiteral(PD_ALERTMANAGER),
                     {QStringLiteral("--config.file=") + config,
                      QStringLiteral("--storage.path=") + m_dir.filePath(QStringLiteral("data")),
                      QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
                      QStringLiteral("--cluster.listen-address=")});
    if (!m_process->waitForStarted(10000))
        return QStringLiteral("alertmanager did not start: %1").arg(m_process->errorString());
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        int status = 0;
        send(QByteArrayLiteral("GET"), QStringLiteral("/-/ready"), {}, &status);
        if (status == 200)
            return {};
        if (m_process->state() == QProcess::NotRunning)
            break;
        QThread::msleep(200);
    }
    QFile log(m_dir.filePath(QStringLiteral("alertmanager.log")));
    log.open(QIODevice::ReadOnly);
    return QStringLiteral("alertmanager did not become ready: %1")
        .arg(QString::fromUtf8(log.readAll().right(2000)));
}

QString AlertmanagerTestServer::postAlerts(const QByteArray &json)
{
    int status = 0;
    const QByteArray body =
        send(QByteArrayLiteral("POST"), QStringLiteral("/api/v2/alerts"), json, &status);
    return status == 200 ? QString()
                         : QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body));
}

QString AlertmanagerTestServer::postSilence(const QByteArray &json, QString *error)
{
    int status = 0;
    const QByteArray body =
        send(QByteArrayLiteral("POST"), QStringLiteral("/api/v2/silences"), json, &status);
    if (status != 200) {
        if (error)
            *error = QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body));
        return {};
    }
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("silenceID")).toString();
}

QByteArray AlertmanagerTestServer::get(const QString &path)
{
    int status = 0;
    const QByteArray body = send(QByteArrayLiteral("GET"), path, {}, &status);
    return status == 200 ? body : QByteArray();
}

QByteArray AlertmanagerTestServer::send(const QByteArray &method, const QString &path,
                                        const QByteArray &body, int *status)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(url() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}
