// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "codeeditor.h"
#include "draftstore.h"
#include "testpaths.h"

#include <QApplication>
#include <QByteArray>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>

// What the edit-mode tests share: the dashboard they edit, typing, and answering dialogs.
namespace PdTest {

inline const QByteArray dashboard = "kind: Dashboard\n"
                                    "metadata:\n"
                                    "  name: edited\n"
                                    "  project: tests\n"
                                    "spec:\n"
                                    "  # the range the dashboard opens with\n"
                                    "  duration: 1h\n"
                                    "  panels:\n"
                                    "    notes:\n"
                                    "      kind: Panel\n"
                                    "      spec:\n"
                                    "        display:\n"
                                    "          name: Notes\n"
                                    "        plugin:\n"
                                    "          kind: Markdown\n"
                                    "          spec:\n"
                                    "            text: hello\n"
                                    "  layouts:\n"
                                    "    - kind: Grid\n"
                                    "      spec:\n"
                                    "        items:\n"
                                    "          - x: 0\n"
                                    "            \"y\": 0\n"
                                    "            width: 12\n"
                                    "            height: 6\n"
                                    "            content:\n"
                                    "              $ref: \"#/spec/panels/notes\"\n";

// The file a test edits, in a temporary folder that also holds the drafts (XDG_STATE_HOME):
// reset() writes it afresh and forgets its draft, for each test.
class EditedFile
{
public:
    EditedFile() { qputenv("XDG_STATE_HOME", dir.filePath(QStringLiteral("state")).toUtf8()); }

    // False when the folder or the file cannot be written.
    bool reset(const QString &name, const QByteArray &content)
    {
        path = dir.filePath(name);
        if (!dir.isValid() || !writeFile(path, content))
            return false;
        Pd::Gui::DraftStore::remove(path);
        return true;
    }

    QTemporaryDir dir;
    QString path;
};

// Replaces the first `from` in the editor as typing would (one undoable edit).
inline void replaceText(Pd::Gui::CodeEditor *editor, const QString &from, const QString &to)
{
    QTextCursor found = editor->document()->find(from);
    QVERIFY2(!found.isNull(), qPrintable(from));
    found.insertText(to);
}

// Answers the next message box with `button`, looking for it without blocking (its own
// event loop runs above the caller's); the text it showed is kept.
class BoxAnswerer : public QObject
{
public:
    explicit BoxAnswerer(QMessageBox::StandardButton button)
        : m_button(button)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            text = box->text();
            box->button(m_button)->click();
            m_timer.stop();
        });
        m_timer.start(10);
    }
    QString text;

private:
    QMessageBox::StandardButton m_button;
    QTimer m_timer;
};

} // namespace PdTest
