// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <perses-desktop/panelplugin.h>

// The alerts of a panel's queries read back from their tables (the columns the alerts query
// writes), duplicates merged as the AlertTable's `deduplication` says.
struct AlertRow
{
    QString fingerprint;
    QString name;
    QString state; // firing, pending, resolved
    bool suppressed = false;
    qint64 startsAtMs = 0;
    QJsonObject labels;
    QJsonObject annotations;
    QString silenceUrl;
    int duplicates = 0;
    int query = 0; // the panel query it came from: its datasource takes the alert's silence

    // "silenced" for a suppressed alert, else its state: what the Status column shows.
    QString status() const { return suppressed ? QStringLiteral("silenced") : state; }
    // Lower is more urgent: firing, pending, silenced, inactive, resolved, anything else.
    int urgency() const;

    static QList<AlertRow> fromTables(const std::vector<const PdPlugin::TableData *> &tables,
                                      const QJsonObject &deduplication);
};
