// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "findbar.h"

#include <QAction>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextBlock>

namespace Pd::Gui {

FindBar::FindBar(QPlainTextEdit *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_replaceRow(new QWidget(this))
    , m_caseSensitive(new QCheckBox(tr("Match case"), this))
    , m_status(new QLabel(this))
{
    m_find->setPlaceholderText(tr("Find"));
    m_replace->setPlaceholderText(tr("Replace with"));
    auto *next = new QPushButton(tr("Next"), this);
    auto *previous = new QPushButton(tr("Previous"), this);
    auto *close = new QPushButton(tr("Close"), this);
    auto *replaceOne = new QPushButton(tr("Replace"), m_replaceRow);
    auto *replaceEvery = new QPushButton(tr("Replace All"), m_replaceRow);

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_find, 1);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(m_caseSensitive);
    findRow->addWidget(m_status);
    findRow->addWidget(close);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceEvery);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);

    connect(m_find, &QLineEdit::returnPressed, this, [this] { find(); });
    connect(next, &QPushButton::clicked, this, [this] { find(); });
    connect(previous, &QPushButton::clicked, this, [this] { find(true); });
    connect(replaceOne, &QPushButton::clicked, this, &FindBar::replaceCurrent);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindBar::replaceCurrent);
    connect(replaceEvery, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QPushButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    // Shortcuts of the editor's page, wherever the focus is in it.
    QWidget *scope = parent ? parent : editor;
    auto shortcut = [scope](QKeySequence keys, auto slot) {
        auto *s = new QShortcut(keys, scope);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        QObject::connect(s, &QShortcut::activated, slot);
    };
    shortcut(QKeySequence::Find, [this] { showFind(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_H), [this] { showReplace(); });
    shortcut(QKeySequence::FindNext, [this] { find(); });
    shortcut(QKeySequence::FindPrevious, [this] { find(true); });
    shortcut(QKeySequence(Qt::Key_Escape), [this] {
        if (isVisible()) {
            hide();
            m_editor->setFocus();
        }
    });
    hide();
}

void FindBar::showFind()
{
    m_replaceRow->hide();
    show();
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_find->setFocus();
    m_find->selectAll();
}

void FindBar::showReplace()
{
    showFind();
    m_replaceRow->show();
}

bool FindBar::find(bool backwards)
{
    if (m_find->text().isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (m_caseSensitive->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextCursor found = m_editor->document()->find(m_find->text(), m_editor->textCursor(), flags);
    if (found.isNull()) { // wrap around
        QTextCursor start(m_editor->document());
        if (backwards)
            start.movePosition(QTextCursor::End);
        found = m_editor->document()->find(m_find->text(), start, flags);
    }
    if (found.isNull()) {
        m_status->setText(tr("No match"));
        return false;
    }
    m_status->setText(tr("Line %1").arg(found.blockNumber() + 1));
    m_editor->setTextCursor(found);
    return true;
}

bool FindBar::replaceCurrent()
{
    const QTextCursor cursor = m_editor->textCursor();
    const Qt::CaseSensitivity sensitivity =
        m_caseSensitive->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (cursor.hasSelection() && cursor.selectedText().compare(m_find->text(), sensitivity) == 0)
        m_editor->textCursor().insertText(m_replace->text());
    return find();
}

int FindBar::replaceAll()
{
    if (m_find->text().isEmpty())
        return 0;
    QTextDocument::FindFlags flags;
    if (m_caseSensitive->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextCursor edit(m_editor->document());
    edit.beginEditBlock();
    int count = 0;
    QTextCursor found = m_editor->document()->find(m_find->text(), 0, flags);
    while (!found.isNull()) {
        found.insertText(m_replace->text());
        ++count;
        found = m_editor->document()->find(m_find->text(), found, flags);
    }
    edit.endEditBlock();
    m_status->setText(tr("%1 replaced").arg(count));
    return count;
}

} // namespace Pd::Gui
