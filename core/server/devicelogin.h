// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Pd {

class PersesApi;

// Logging in through an OIDC or OAuth provider of the server with the device flow (§3.6,
// RFC 8628): the server hands out a user code and a page; the user opens the page in any
// browser and enters the code; meanwhile the token endpoint is polled at the interval the
// provider asks (five seconds more after each slow_down) until it answers with tokens, or says
// the code expired or was refused.
class DeviceLogin : public QObject
{
    Q_OBJECT

public:
    DeviceLogin(PersesApi *api, QString kind, QString slug, QObject *parent = nullptr);

    void start();
    void cancel();
    int intervalSeconds() const { return m_intervalSeconds; }

signals:
    // What to show: the code to enter and the page to enter it on (the second one, when the
    // provider gives it, carries the code already).
    void codeReady(const QString &userCode, const QString &verificationUri,
                   const QString &verificationUriComplete);
    void succeeded();
    void failed(const QString &message);

private:
    void poll();

    QPointer<PersesApi> m_api;
    QString m_kind;
    QString m_slug;
    QString m_deviceCode;
    int m_intervalSeconds = 5;
    QTimer m_timer;
};

} // namespace Pd
