// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "devicelogin.h"

#include "persesapi.h"

#include <QJsonObject>

namespace Pd {

DeviceLogin::DeviceLogin(PersesApi *api, QString kind, QString slug, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_kind(std::move(kind))
    , m_slug(std::move(slug))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DeviceLogin::poll);
}

void DeviceLogin::start()
{
    if (!m_api)
        return;
    ApiReply *reply = m_api->deviceCode(m_kind, m_slug);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            emit failed(reply->status() == 501
                            ? tr("this provider has no device login; log in another way")
                            : reply->error());
            return;
        }
        const QJsonObject answer = reply->json().object();
        m_deviceCode = answer.value(u"device_code").toString();
        m_intervalSeconds = std::max(1, answer.value(u"interval").toInt(5));
        emit codeReady(answer.value(u"user_code").toString(),
                       answer.value(u"verification_uri").toString(),
                       answer.value(u"verification_uri_complete").toString());
        m_timer.start(std::chrono::seconds(m_intervalSeconds));
    });
}

void DeviceLogin::cancel()
{
    m_timer.stop();
    m_deviceCode.clear();
}

void DeviceLogin::poll()
{
    if (!m_api || m_deviceCode.isEmpty())
        return;
    ApiReply *reply = m_api->deviceToken(m_kind, m_slug, m_deviceCode);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_deviceCode.isEmpty())
            return; // cancelled meanwhile
        if (reply->ok()) {
            emit succeeded();
            return;
        }
        const QJsonObject answer = reply->json().object();
        const QString code = answer.value(u"error").toString();
        if (code == u"authorization_pending" || code == u"slow_down") {
            if (code == u"slow_down")
                m_intervalSeconds += 5;
            m_timer.start(std::chrono::seconds(m_intervalSeconds));
            return;
        }
        m_deviceCode.clear();
        if (code == u"expired_token")
            emit failed(tr("the code expired before it was entered; start again"));
        else if (code == u"access_denied")
            emit failed(tr("the login was refused"));
        else
            emit failed(reply->error());
    });
}

} // namespace Pd
