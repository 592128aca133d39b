// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QJsonArray>
#include <QString>

#include <optional>

namespace PdPanels {

// #mappings (§10.5): a value's replacement text and colour, first matching mapping wins.
struct MappedValue
{
    QString text;
    QColor color; // invalid: keep the threshold colour
};

std::optional<MappedValue> applyMappings(const QJsonArray &mappings, std::optional<double> value,
                                         const QString &text);

} // namespace PdPanels
