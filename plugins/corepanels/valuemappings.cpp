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
        return !value && text.isEmpty();
    if (which == u"NaN")
        return value && std::isnan(*value);
    if (which == u"empty")
        return text.isEmpty();
    if (which == u"true")
        return text == u"true" || (value && *value != 0 && !std::isnan(*value));
    if (which == u"false")
        return text == u"false" || (value && *value == 0);
    return false;
}

} // namespace

QString sampleText(std::optional<double> value)
{
    return value && !std::isnan(*value) ? QString::number(*value, 'g', 15) : QString();
}

bool conditionMatches(const QString &kind, const QJsonObject &spec, std::optional<double> value,
                      const QString &text, const ConditionFields &fields)
{
    if (kind == u"Value")
        return spec.value(QStringLiteral("value")).toString() == text;
    if (kind == u"Range") {
        if (!value || std::isnan(*value))
            return false;
        const QJsonValue low = spec.value(QLatin1StringView(fields.rangeLow));
        const QJsonValue high = spec.value(QLatin1StringView(fields.rangeHigh));
        return (!low.isDouble() || *value >= low.toDouble()) &&
               (!high.isDouble() || *value <= high.toDouble());
    }
    if (kind == u"Regex") {
        const QRegularExpression pattern(spec.value(QLatin1StringView(fields.pattern)).toString());
        return pattern.isValid() && pattern.match(text).hasMatch();
    }
    if (kind == u"Misc")
        return matchesMisc(spec.value(QStringLiteral("value")).toString(), value, text);
    return false;
}

std::optional<MappedValue> applyMappings(const QJsonArray &mappings, std::optional<double> value,
                                         const QString &text)
{
    for (const QJsonValue &mapping : mappings) {
        const QJsonObject object = mapping.toObject();
        const QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
        if (!conditionMatches(object.value(QStringLiteral("kind")).toString(), spec, value, text,
                              mappingFields))
            continue;
        const QJsonObject result = spec.value(QStringLiteral("result")).toObject();
        return MappedValue{result.value(QStringLiteral("value")).toString(),
                           QColor::fromString(result.value(QStringLiteral("color")).toString())};
    }
    return std::nullopt;
}

} // namespace PdPanels
