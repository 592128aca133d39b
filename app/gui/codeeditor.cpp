// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "codeeditor.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QToolTip>

namespace Pd::Gui {

namespace {

class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(CodeEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {}
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }
    void mousePressEvent(QMouseEvent *event) override
    {
        m_editor->foldMarginClicked(event->position().toPoint());
    }

private:
    CodeEditor *m_editor;
};

QColor severityColour(Severity severity)
{
    return severity == Severity::Error     ? QColor(0xd6, 0x3c, 0x3c)
           : severity == Severity::Warning ? QColor(0xe0, 0x9b, 0x12)
                                           : QColor(0x3d, 0x7e, 0xdc);
}

// The bracket matching the one at `position`, or -1. Read from the document in place: copying
// the whole text at every cursor move would cost more than the search.
int matchingBracket(const QTextDocument *document, int position)
{
    const int size = document->characterCount();
    if (position < 0 || position >= size)
        return -1;
    static const QString opening = QStringLiteral("{[(");
    static const QString closing = QStringLiteral("}])");
    const QChar c = document->characterAt(position);
    const int open = opening.indexOf(c);
    const int close = closing.indexOf(c);
    if (open < 0 && close < 0)
        return -1;
    const QChar self = c;
    const QChar other = open >= 0 ? closing.at(open) : opening.at(close);
    const int step = open >= 0 ? 1 : -1;
    int depth = 0;
    for (int i = position; i >= 0 && i < size; i += step) {
        const QChar at = document->characterAt(i);
        if (at == self)
            ++depth;
        else if (at == other && --depth == 0)
            return i;
    }
    return -1;
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumbers(new LineNumberArea(this))
    , m_completer(new QCompleter(this))
{
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &word) {
                QTextCursor cursor = textCursor();
                cursor.clearSelection();
                cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor,
                                    int(m_completer->completionPrefix().size()));
                cursor.insertText(word + m_completionSuffix);
                setTextCursor(cursor);
            });
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateSelections);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    updateSelections();
}

int CodeEditor::lineNumberAreaWidth() const
{
    const int digits = QString::number(std::max(1, blockCount())).size();
    return foldMargin + 12 +
           fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

namespace {

int indentation(const QString &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == u' ')
        ++i;
    return i;
}

bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

} // namespace

int CodeEditor::blockEnd(int line) const
{
    const QTextBlock start = document()->findBlockByNumber(line - 1);
    if (!start.isValid() || isBlank(start.text()))
        return 0;
    const QString text = start.text().trimmed();
    // A bracket left open on the line: to the line of its match.
    if (text.endsWith(u'{') || text.endsWith(u'[')) {
        const int open = start.position() + int(start.text().lastIndexOf(text.back()));
        const int match = matchingBracket(document(), open);
        const int last = match < 0 ? 0 : document()->findBlock(match).blockNumber() + 1;
        return last > line ? last - 1 : 0; // the closing line stays shown
    }
    // Otherwise the lines after it indented deeper (blank ones inside included).
    const int indent = indentation(start.text());
    int last = 0;
    for (QTextBlock block = start.next(); block.isValid(); block = block.next()) {
        if (isBlank(block.text()))
            continue;
        if (indentation(block.text()) <= indent && !block.text().trimmed().startsWith(u'-'))
            break;
        if (indentation(block.text()) < indent ||
            (indentation(block.text()) == indent && !text.endsWith(u':')))
            break;
        last = block.blockNumber() + 1;
    }
    return last;
}

// Asked for every line the margin paints: decided from the line and the next one only.
bool CodeEditor::canFold(int line) const
{
    const QTextBlock start = document()->findBlockByNumber(line - 1);
    if (!start.isValid() || isBlank(start.text()))
        return false;
    const QString text = start.text().trimmed();
    if (text.endsWith(u'{') || text.endsWith(u'['))
        return blockEnd(line) > line;
    QTextBlock next = start.next();
    while (next.isValid() && isBlank(next.text()))
        next = next.next();
    if (!next.isValid())
        return false;
    const int indent = indentation(start.text());
    const int nextIndent = indentation(next.text());
    return nextIndent > indent ||
           (nextIndent == indent && text.endsWith(u':') && next.text().trimmed().startsWith(u'-'));
}

bool CodeEditor::isFolded(int line) const
{
    const QTextBlock next = document()->findBlockByNumber(line);
    return canFold(line) && next.isValid() && !next.isVisible();
}

void CodeEditor::toggleFold(int line)
{
    const int end = blockEnd(line);
    if (end <= line)
        return;
    const bool show = isFolded(line);
    QTextBlock block = document()->findBlockByNumber(line);
    const int from = block.position();
    int to = from;
    for (; block.isValid() && block.blockNumber() < end; block = block.next()) {
        block.setVisible(show);
        to = block.position() + block.length();
    }
    document()->markContentsDirty(from, to - from);
    viewport()->update();
    m_lineNumbers->update();
}

void CodeEditor::foldMarginClicked(QPoint at)
{
    if (at.x() > foldMargin)
        return;
    const QTextCursor cursor = cursorForPosition(QPoint(0, at.y()));
    toggleFold(cursor.blockNumber() + 1);
}

void CodeEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumbers->scroll(0, dy);
    else
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_lineNumbers->setGeometry(
        QRect(area.left(), area.top(), lineNumberAreaWidth(), area.height()));
}

// Line numbers, the ones with a diagnostic in its colour.
void CodeEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            QColor colour = palette().color(
                block.blockNumber() == current ? QPalette::Text : QPalette::PlaceholderText);
            if (const auto marked = m_lineSeverity.find(line); marked != m_lineSeverity.end())
                colour = severityColour(marked->second);
            painter.setPen(colour);
            painter.drawText(0, top, m_lineNumbers->width() - 6, height, Qt::AlignRight,
                             QString::number(line));
            if (canFold(line)) {
                painter.setPen(palette().color(QPalette::PlaceholderText));
                painter.drawText(0, top, foldMargin, height, Qt::AlignCenter,
                                 isFolded(line) ? QStringLiteral("▸") : QStringLiteral("▾"));
            }
        }
        block = block.next();
        top += height;
    }
}

void CodeEditor::setDiagnostics(Diagnostics diagnostics)
{
    m_diagnostics = std::move(diagnostics);
    m_lineSeverity.clear();
    for (const Diagnostic &diagnostic : m_diagnostics)
        m_lineSeverity.try_emplace(diagnostic.pos.line, diagnostic.severity); // the first one
    updateSelections();
    m_lineNumbers->update();
}

QStringList CodeEditor::messagesAt(int line) const
{
    QStringList messages;
    for (const Diagnostic &diagnostic : m_diagnostics) {
        if (diagnostic.pos.line == line)
            messages << QString::fromStdString(diagnostic.message);
    }
    return messages;
}

void CodeEditor::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                        std::clamp(column - 1, 0, std::max(0, block.length() - 1)));
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

// The current line, the bracket pair at the cursor, and each diagnostic underlined from its
// column to the end of the word there (the whole line when it has no column).
void CodeEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection line;
    line.format.setBackground(palette().color(QPalette::AlternateBase));
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    selections << line;

    const int position = textCursor().position();
    for (int at : {position, position - 1}) {
        const int match = matchingBracket(document(), at);
        if (match < 0)
            continue;
        for (int end : {at, match}) {
            QTextEdit::ExtraSelection bracket;
            bracket.format.setBackground(palette().color(QPalette::Highlight).lighter(160));
            bracket.cursor = QTextCursor(document());
            bracket.cursor.setPosition(end);
            bracket.cursor.setPosition(end + 1, QTextCursor::KeepAnchor);
            selections << bracket;
        }
        break;
    }

    for (const Diagnostic &diagnostic : m_diagnostics) {
        const QTextBlock block = document()->findBlockByNumber(diagnostic.pos.line - 1);
        if (!block.isValid() || diagnostic.pos.line < 1)
            continue;
        QTextEdit::ExtraSelection mark;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(severityColour(diagnostic.severity));
        mark.format.setToolTip(QString::fromStdString(diagnostic.message));
        mark.cursor = QTextCursor(block);
        const int column =
            std::clamp(diagnostic.pos.column - 1, 0, std::max(0, block.length() - 1));
        mark.cursor.setPosition(block.position() + column);
        mark.cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        if (!mark.cursor.hasSelection()) // at the end of a line, or on punctuation
            mark.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        if (!mark.cursor.hasSelection()) {
            mark.cursor.setPosition(block.position());
            mark.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        }
        selections << mark;
    }
    setExtraSelections(selections);
}

void CodeEditor::showCompletions(const QStringList &words, const QString &suffix)
{
    if (words.isEmpty())
        return;
    m_completionSuffix = suffix;
    // The word before the cursor, as keys and metric names spell it (letters, digits, _ and :).
    const QTextBlock block = textCursor().block();
    const QString line = block.text();
    int start = textCursor().position() - block.position();
    const int end = start;
    while (start > 0 && (line.at(start - 1).isLetterOrNumber() || line.at(start - 1) == u'_' ||
                         line.at(start - 1) == u':'))
        --start;
    QString prefix = line.mid(start, end - start);
    if (prefix.endsWith(u':')) // "key:" is a finished key, not a word to complete
        prefix.clear();
    m_completer->setModel(new QStringListModel(words, m_completer));
    m_completer->setCompletionPrefix(prefix);
    QRect where = cursorRect();
    where.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                   m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(where);
}

// Enter keeps the line's indentation, and indents one step more after "key:" that opens a
// block or a line that opens a bracket.
void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    // While the completions show, the keys that choose belong to them.
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier) {
        emit completionRequested();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() == Qt::NoModifier) {
        const QString line = textCursor().block().text().left(textCursor().positionInBlock());
        QString indent;
        for (const QChar c : line) {
            if (c != u' ')
                break;
            indent += c;
        }
        const QString trimmed = line.trimmed();
        if (trimmed.endsWith(u':') || trimmed.endsWith(u'{') || trimmed.endsWith(u'[') ||
            trimmed.endsWith(u'|') || trimmed.endsWith(u'>'))
            indent += QStringLiteral("  ");
        textCursor().insertText(QStringLiteral("\n") + indent);
        ensureCursorVisible();
        return;
    }
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier) {
        textCursor().insertText(QStringLiteral("  ")); // YAML forbids tabs for indentation
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

// The messages of the diagnostics on the line under the mouse.
bool CodeEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor =
            cursorForPosition(help->pos() - QPoint(viewportMargins().left(), 0));
        const QStringList messages = messagesAt(cursor.blockNumber() + 1);
        if (!messages.isEmpty())
            QToolTip::showText(help->globalPos(), messages.join(u'\n'), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::event(event);
}

} // namespace Pd::Gui
