// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace Pd::Gui {

// The built-in highlighter for YAML and JSON resources (KSyntaxHighlighting is used when a
// Qt 6 build of it is found; Debian 12 has only the KF5 one): keys, strings, numbers,
// booleans and null, comments, and in PromQL queries the functions and label matchers.
class SyntaxHighlighter : public QSyntaxHighlighter
{
public:
    explicit SyntaxHighlighter(QTextDocument *document, bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    std::vector<Rule> m_rules;
    QTextCharFormat m_blockText; // the lines of a block scalar
};

} // namespace Pd::Gui
