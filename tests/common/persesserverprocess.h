// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStringList>

#include <memory>

// The test Perses server (tests/persesserver) as a process on 127.0.0.1, a free port, stopped on
// destruction. The including target defines PD_TEST_PERSES_SERVER (its executable).
namespace PdTest {

class PersesServerProcess
{
public:
    // Extra arguments: --conformance DIR, --resources DIR, --access-ttl S, --no-auth, ...
    QString start(const QStringList &arguments)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->start(QStringLiteral(PD_TEST_PERSES_SERVER), arguments);
        if (!m_process->waitForStarted(30000))
            return QStringLiteral("the test server did not start");
        while (m_process->state() == QProcess::Running && !m_process->canReadLine())
            m_process->waitForReadyRead(30000);
        const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
        if (!line.startsWith(u"listening on "))
            return QStringLiteral("the test server said: ") + line;
        m_url = line.mid(13);
        return {};
    }
    ~PersesServerProcess()
    {
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished(10000);
        }
    }
    const QString &url() const { return m_url; }

    // A call made as another user would (someone else saving), waiting for the answer.
    static QJsonDocument call(const QString &url, const QByteArray &method,
                              const QByteArray &body = {}, const QByteArray &token = {},
                              int *status = nullptr)
    {
        QNetworkAccessManager network;
        QNetworkRequest request{QUrl(url)};
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(30000);
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonDocument answer = QJsonDocument::fromJson(reply->readAll());
        reply->deleteLater();
        return answer;
    }
    QByteArray login(const QString &user) const
    {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("login"), user},
                                                          {QStringLiteral("password"),
                                                           user + QStringLiteral("-password")}})
                                    .toJson();
        return call(m_url + QStringLiteral("/api/auth/providers/native/login"), "POST", body)
            .object()
            .value(u"access_token")
            .toString()
            .toUtf8();
    }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_url;
};

} // namespace PdTest
