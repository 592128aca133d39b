// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Pd::Gui {

// Find and replace in a text editor: Ctrl+F finds, Ctrl+H replaces, F3 / Shift+F3 go to the
// next / previous match (wrapping around), Escape closes. Replace All is one undo step.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    void showFind();
    void showReplace();
    // Selects the next (or previous) match after the cursor; false when there is none.
    bool find(bool backwards = false);
    bool replaceCurrent();
    int replaceAll();
    QLineEdit *findField() const { return m_find; }
    QLineEdit *replaceField() const { return m_replace; }

private:
    QPlainTextEdit *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QWidget *m_replaceRow;
    QCheckBox *m_caseSensitive;
    QLabel *m_status;
};

} // namespace Pd::Gui
