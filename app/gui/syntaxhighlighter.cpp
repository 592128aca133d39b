// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "syntaxhighlighter.h"

namespace Pd::Gui {

namespace {

QTextCharFormat charFormat(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat result;
    result.setForeground(colour);
    if (bold)
        result.setFontWeight(QFont::Bold);
    result.setFontItalic(italic);
    return result;
}

} // namespace

SyntaxHighlighter::SyntaxHighlighter(QTextDocument *document, bool dark)
    : QSyntaxHighlighter(document)
{
    const QColor key = dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1f, 0x4f, 0xa8);
    const QColor string = dark ? QColor(0xa5, 0xd6, 0x8a) : QColor(0x2e, 0x7d, 0x32);
    const QColor number = dark ? QColor(0xf0, 0xb4, 0x6a) : QColor(0xb3, 0x5c, 0x00);
    const QColor keyword = dark ? QColor(0xd6, 0x9c, 0xf5) : QColor(0x8e, 0x24, 0xaa);
    const QColor comment = dark ? QColor(0x8a, 0x93, 0x9e) : QColor(0x75, 0x75, 0x75);
    // Later rules win where they overlap: strings over numbers, comments over all.
    m_blockText = charFormat(string);
    m_rules.push_back({QRegularExpression(QStringLiteral(R"(\b-?\d+(\.\d+)?([eE][-+]?\d+)?\b)")),
                       charFormat(number)});
    m_rules.push_back(
        {QRegularExpression(QStringLiteral(R"(\b(true|false|null|True|False|NULL|Null|~)\b)")),
         charFormat(keyword)});
    m_rules.push_back({QRegularExpression(QStringLiteral(R"("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')")),
                       charFormat(string)});
    // PromQL inside values: functions and aggregations before '(' and `by`/`without`.
    m_rules.push_back(
        {QRegularExpression(QStringLiteral(
             R"(\b(rate|irate|increase|sum|avg|min|max|count|topk|bottomk|histogram_quantile|)"
             R"(label_replace|delta|deriv|predict_linear|abs|clamp_min|clamp_max|avg_over_time|)"
             R"(max_over_time|min_over_time|sum_over_time|quantile_over_time|by|without|on|)"
             R"(ignoring|group_left|group_right|offset)\b(?=\s*\(|\s+\())")),
         charFormat(keyword, false, true)});
    // YAML keys ("key:" at a line's start or after "- "), JSON keys ("key":).
    m_rules.push_back(
        {QRegularExpression(QStringLiteral(R"(^\s*(?:-\s+)?([\w$.\-/]+)\s*:(?=\s|$))")),
         charFormat(key, true), 1});
    m_rules.push_back({QRegularExpression(QStringLiteral(R"(("(?:[^"\\]|\\.)*")\s*:)")),
                       charFormat(key, true), 1});
    m_rules.push_back({QRegularExpression(QStringLiteral(R"((?:^|\s)(#.*)$)")),
                       charFormat(comment, false, true), 1});
}

// A block scalar's lines ("text: |" and the lines indented deeper) are one string: no keys
// or comments in them. The block state carries the indentation of the line that opened it.
void SyntaxHighlighter::highlightBlock(const QString &text)
{
    const int indent =
        int(text.size() - QString(text).remove(QRegularExpression(QStringLiteral("^ +"))).size());
    const bool blank = text.trimmed().isEmpty();
    const int opener = previousBlockState();
    if (opener >= 0 && (blank || indent > opener)) {
        setFormat(0, int(text.size()), m_blockText);
        setCurrentBlockState(opener);
        return;
    }
    static const QRegularExpression opens(QStringLiteral(R"(:\s*[|>][-+0-9]*\s*(#.*)?$)"));
    setCurrentBlockState(opens.match(text).hasMatch() ? indent : -1);
    for (const Rule &rule : m_rules) {
        QRegularExpressionMatchIterator matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            setFormat(int(match.capturedStart(rule.group)), int(match.capturedLength(rule.group)),
                      rule.format);
        }
    }
}

} // namespace Pd::Gui
