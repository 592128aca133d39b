// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

#include <perses-desktop/queryplugin.h>

// One Alertmanager: the host's transport to it and the address of its own web UI, where the
// "Silence" links of the alert rows lead.
class AlertmanagerDatasource : public PdPlugin::DatasourceClient
{
public:
    AlertmanagerDatasource(PdPlugin::HttpTransport *transport, QString uiUrl);

    // GET /api/v2/alerts: one row per alert.
    PdPlugin::CallHandle fetchAlerts(const PdPlugin::QueryContext &context,
                                     std::function<void(PdPlugin::QueryOutcome)> done);
    // GET /api/v2/silences: one row per silence.
    PdPlugin::CallHandle fetchSilences(const PdPlugin::QueryContext &context,
                                       std::function<void(PdPlugin::QueryOutcome)> done);

    // The web UI's address from a datasource spec: its directUrl, else its proxy's url.
    static QString uiUrlOf(const QJsonObject &spec);

private:
    PdPlugin::CallHandle fetch(const QByteArray &path, const PdPlugin::QueryContext &context,
                               QList<QPair<QString, QString>> query, QString executed, bool alerts,
                               std::function<void(PdPlugin::QueryOutcome)> done);

    PdPlugin::HttpTransport *m_transport;
    QString m_uiUrl;
};
