// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "valuemappings.h"

#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace PdPanels {

namespace {

bool matchesMisc(const QString &which, std::optional<double> value, const QString &text)
{
    if (which == u"null")
        return !value;
    if (which == u"NaN")
        return value && std::isnan(*value);
    if (which == u"empty")
        return text.isEmpty();
    if (which == u"true")
        return value && *value != 0;
    if (which == u"false")
        return value && *value == 0;
    return false;
}

bool matches(const QString &kind, const QJsonObject &spec, std::optional<double> value,
             const QString &text)
{
    if (kind == u"Value")
        return spec.value(QStringLiteral("value")).toString() == text;
    if (kind == u"Range") {
        if (!value || std::isnan(*value))
            return false;
        const QJsonValue from = spec.value(QStringLiteral("from"));
        const QJsonValue to = spec.value(QStringLiteral("to"));
        return (!from.isDouble() || *value >= from.toDouble()) &&
               (!to.isDouble() || *value <= to.toDouble());
    }
    if (kind == u"Regex") {
        const QRegularExpression pattern(spec.value(QStringLiteral("pattern")).toString());
        return pattern.isValid() && pattern.match(text).hasMatch();
    }
    if (kind == u"Misc")
        return matchesMisc(spec.value(QStringLiteral("value")).toString(), value, text);
    return false;
}

} // namespace

std::optional<MappedValue> applyMappings(const QJsonArray &mappings, std::optional<double> value,
                                         const QString &text)
{
    for (const QJsonValue &mapping : mappings) {
        const QJsonObject object = mapping.toObject();
        const QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
        if (!matches(object.value(QStringLiteral("kind")).toString(), spec, value, text))
            continue;
        const QJsonObject result = spec.value(QStringLiteral("result")).toObject();
        return MappedValue{result.value(QStringLiteral("value")).toString(),
                           QColor::fromString(result.value(QStringLiteral("color")).toString())};
    }
    return std::nullopt;
}

} // namespace PdPanels
