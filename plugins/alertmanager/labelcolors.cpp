// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "labelcolors.h"

#include <QRegularExpression>

#include <cstdint>
#include <cstdlib>

namespace {

struct SeverityLevel
{
    const char *color;
    QStringList values;
};

const QList<SeverityLevel> &severityLevels()
{
    static const QList<SeverityLevel> levels = {
        {"#d32f2f",
         {QStringLiteral("critical"), QStringLiteral("crit"), QStringLiteral("fatal"),
          QStringLiteral("emerg"), QStringLiteral("alert"), QStringLiteral("page")}},
        {"#ef6c00",
         {QStringLiteral("error"), QStringLiteral("err"), QStringLiteral("eror"),
          QStringLiteral("high"), QStringLiteral("severe")}},
        {"#f9a825", {QStringLiteral("warning"), QStringLiteral("warn"), QStringLiteral("medium")}},
        {"#0288d1",
         {QStringLiteral("info"), QStringLiteral("inf"), QStringLiteral("information"),
          QStringLiteral("informational"), QStringLiteral("notice"), QStringLiteral("low")}},
        {"#7b1fa2", {QStringLiteral("debug"), QStringLiteral("dbug")}},
        {"#6a1b9a", {QStringLiteral("trace")}},
        {"#757575", {QStringLiteral("unknown")}},
        {"#9e9e9e",
         {QStringLiteral("other"), QStringLiteral("none"), QStringLiteral("minor"), QString()}}};
    return levels;
}

} // namespace

LabelColors::LabelColors(const QJsonArray &mappings)
{
    for (const QJsonValue &value : mappings) {
        const QJsonObject mapping = value.toObject();
        m_mappings.insert(mapping.value(QStringLiteral("labelKey")).toString(), mapping);
    }
}

int LabelColors::severityLevel(const QString &value)
{
    const QString lower = value.toLower();
    const QList<SeverityLevel> &levels = severityLevels();
    for (qsizetype i = 0; i < levels.size(); ++i) {
        if (levels[i].values.contains(lower))
            return int(i);
    }
    return int(levels.size());
}

QColor LabelColors::hashColor(const QString &value)
{
    std::int32_t hash = 5381;
    for (const QChar unit : value) // UTF-16 code units, as JavaScript's charCodeAt
        hash = std::int32_t(std::uint32_t(hash) * 33u) ^ std::int32_t(unit.unicode());
    const double h = std::abs(double(hash));
    const int hue = 20 + int(std::fmod(h, 340.0));
    const int saturation = 55 + int(std::fmod(h, 25.0));
    const int lightness = 45 + int(std::fmod(h, 15.0));
    return QColor::fromHslF(hue / 360.0, saturation / 100.0, lightness / 100.0);
}

QColor LabelColors::color(const QString &key, const QString &value) const
{
    const auto found = m_mappings.constFind(key);
    if (found == m_mappings.constEnd())
        return {};
    for (const QJsonValue &item : found->value(QStringLiteral("overrides")).toArray()) {
        const QJsonObject entry = item.toObject();
        const QString pattern = entry.value(QStringLiteral("value")).toString();
        const bool matches = entry.value(QStringLiteral("isRegex")).toBool()
                                 ? QRegularExpression(pattern).match(value).hasMatch()
                                 : pattern == value;
        if (matches)
            return QColor(entry.value(QStringLiteral("color")).toString());
    }
    const QString mode = found->value(QStringLiteral("mode")).toString();
    if (mode == QLatin1String("manual"))
        return QColor(0x9e, 0x9e, 0x9e);
    if (mode == QLatin1String("severity")) {
        const int level = severityLevel(value);
        if (level < severityLevels().size())
            return QColor(QLatin1String(severityLevels()[level].color));
    }
    return hashColor(value);
}
