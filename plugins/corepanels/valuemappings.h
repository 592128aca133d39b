// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace PdPanels {

// #mappings (§10.5): a value's replacement text and colour, first matching mapping wins.
struct MappedValue
{
    QString text;
    QColor color; // invalid: keep the threshold colour
};

// A sample as conditions and mappings see it: the number as written ("1", "0.25"), empty
// for a missing sample (none, or NaN).
QString sampleText(std::optional<double> value);

// The conditions #mappings and Table's cell settings share (Value, Range, Regex, Misc); they
// differ only in field names: from/to/pattern for mappings, min/max/expr for tables.
struct ConditionFields
{
    const char *rangeLow = "from";
    const char *rangeHigh = "to";
    const char *pattern = "pattern";
};
inline constexpr ConditionFields mappingFields{};
inline constexpr ConditionFields tableFields{"min", "max", "expr"};
bool conditionMatches(const QString &kind, const QJsonObject &spec, std::optional<double> value,
                      const QString &text, const ConditionFields &fields);

std::optional<MappedValue> applyMappings(const QJsonArray &mappings, std::optional<double> value,
                                         const QString &text);

} // namespace PdPanels
