// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include <QPlainTextEdit>

#include <map>

class QCompleter;

namespace Pd::Gui {

// The code pane: a plain text editor with line numbers, the current line and the bracket
// under the cursor marked, YAML indentation kept on Enter (one step more after a key that
// opens a block), and diagnostics underlined at their line and column with their message as
// tooltip.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeEditor(QWidget *parent = nullptr);

    void setDiagnostics(Diagnostics diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    // Moves the cursor to a 1-based line and column and shows it.
    void goTo(int line, int column);
    // The diagnostics at a 1-based line, for tooltips and tests.
    QStringList messagesAt(int line) const;

    // Offers `words` for the word before the cursor; the chosen one replaces it, followed by
    // `suffix` (": " after a key).
    void showCompletions(const QStringList &words, const QString &suffix);
    QCompleter *completer() const { return m_completer; }

    // Folding: a line that opens a block (the lines after it indented deeper, or a bracket
    // left open) hides or shows them; the margin's marker does the same with a click.
    bool canFold(int line) const;
    bool isFolded(int line) const;
    void toggleFold(int line);
    void foldMarginClicked(QPoint at);

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

signals:
    // Ctrl+Space: the page knows what may be written here.
    void completionRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateSelections();
    // The last line of the block line `line` opens (1-based), or 0.
    int blockEnd(int line) const;

    static constexpr int foldMargin = 12;
    QWidget *m_lineNumbers;
    QCompleter *m_completer;
    QString m_completionSuffix;
    Diagnostics m_diagnostics;
    std::map<int, Severity> m_lineSeverity; // the colour of each line's number
};

} // namespace Pd::Gui
