// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "alertrows.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {

QString textAt(const PdPlugin::TableData &table, const char *column, std::size_t row)
{
    const PdPlugin::TableColumn *found = table.column(column);
    return found && row < found->text.size() ? QString::fromStdString(found->text[row]) : QString();
}

QJsonObject objectAt(const PdPlugin::TableData &table, const char *column, std::size_t row)
{
    return QJsonDocument::fromJson(textAt(table, column, row).toUtf8()).object();
}

// The key duplicates share: the fingerprint, or the listed labels' values.
QString keyOf(const AlertRow &alert, const QJsonObject &deduplication)
{
    const QString mode = deduplication.value(QStringLiteral("mode")).toString();
    const QJsonArray labels = deduplication.value(QStringLiteral("labels")).toArray();
    if (mode == QLatin1String("labels") && !labels.isEmpty()) {
        QStringList parts;
        for (const QJsonValue &label : labels)
            parts.append(label.toString() + QLatin1Char('=') +
                         alert.labels.value(label.toString()).toString());
        return parts.join(QLatin1Char(','));
    }
    return alert.fingerprint.isEmpty()
               ? QString::fromUtf8(QJsonDocument(alert.labels).toJson(QJsonDocument::Compact))
               : alert.fingerprint;
}

} // namespace

int AlertRow::urgency() const
{
    static const QStringList order = {QStringLiteral("firing"), QStringLiteral("pending"),
                                      QStringLiteral("silenced"), QStringLiteral("inactive"),
                                      QStringLiteral("resolved")};
    const qsizetype index = order.indexOf(status());
    return index < 0 ? int(order.size()) : int(index);
}

QList<AlertRow> AlertRow::fromTables(const std::vector<const PdPlugin::TableData *> &tables,
                                     const QJsonObject &deduplication)
{
    QList<AlertRow> alerts;
    const bool merge =
        deduplication.value(QStringLiteral("mode")).toString() != QLatin1String("none");
    QHash<QString, qsizetype> seen;
    for (std::size_t query = 0; query < tables.size(); ++query) {
        const PdPlugin::TableData *table = tables[query];
        if (!table)
            continue;
        const PdPlugin::TableColumn *starts = table->column("startsAt");
        for (std::size_t row = 0; row < table->rowCount(); ++row) {
            AlertRow alert;
            alert.fingerprint = textAt(*table, "fingerprint", row);
            alert.name = textAt(*table, "alertname", row);
            alert.state = textAt(*table, "state", row);
            alert.suppressed = textAt(*table, "suppressed", row) == QLatin1String("true");
            if (starts && row < starts->numbers.size() && !std::isnan(starts->numbers[row]))
                alert.startsAtMs = qint64(starts->numbers[row]);
            alert.labels = objectAt(*table, "labels", row);
            alert.annotations = objectAt(*table, "annotations", row);
            alert.silenceUrl = textAt(*table, "silenceURL", row);
            alert.query = int(query);
            const QString key = keyOf(alert, deduplication);
            if (merge && seen.contains(key)) {
                ++alerts[seen.value(key)].duplicates; // the first one stays
                continue;
            }
            seen.insert(key, alerts.size());
            alerts.append(std::move(alert));
        }
    }
    return alerts;
}
