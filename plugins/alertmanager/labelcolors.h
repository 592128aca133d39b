// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The AlertTable's label colours (docs/spec/alertmanager.md §4.1): per label key a mapping
// of overrides (exact or regex), then a mode: Perses' severity palette, a colour hashed from
// the value, or grey. Also the severity levels the severity sort uses.
class LabelColors
{
public:
    explicit LabelColors(const QJsonArray &mappings);

    // The colour of `value` under `key`'s mapping; invalid when the key has none.
    QColor color(const QString &key, const QString &value) const;

    // Perses' severity level of a value: 0 critical … 7 other, 8 for a value it does not know.
    static int severityLevel(const QString &value);
    // The colour Perses hashes from a value (its djb2 variant, as JavaScript computes it).
    static QColor hashColor(const QString &value);

private:
    QHash<QString, QJsonObject> m_mappings;
};
