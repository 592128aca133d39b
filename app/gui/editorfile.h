// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

class QFileSystemWatcher;
class QLabel;
class QTimer;
class QWidget;

namespace Pd::Gui {

class CodeEditor;

// The file behind an editor page, so that no work is lost: saves are atomic and ask first
// when the text has errors the server would refuse (a place that cannot be written offers
// another); unsaved text is kept as a draft every few seconds and offered back after a crash
// or a kill; a change on disk is taken when there are no unsaved edits, and shown in a bar
// with what changed, Reload and Keep Mine, when there are.
class EditorFile : public QObject
{
    Q_OBJECT

public:
    // Reads `path` into `editor`; `page` is where questions and the change bar appear.
    EditorFile(const QString &path, CodeEditor *editor, QWidget *page);

    QString path() const { return m_path; }
    bool isModified() const;
    // The bar shown while the file on disk changed under unsaved edits.
    QWidget *changeBar() const { return m_changeBar; }

    // `errors`: what the text has that the server would refuse (asked about first).
    bool save(int errors);
    bool saveAs(const QString &path);
    // Save, Discard or Cancel for unsaved text; true when the page may close.
    bool maybeClose(int errors);
    void writeDraft();
    // A draft newer than the file, from a session that ended without saving it.
    void offerDraft();
    void reloadFromDisk();

signals:
    // The text was written to its file by save() (a server dashboard is then published).
    void saved();

private:
    bool writeTo(const QString &path);
    void changedOnDisk();
    void buildChangeBar();

    QString m_path;
    CodeEditor *m_editor;
    QWidget *m_page;
    QWidget *m_changeBar;
    QLabel *m_changeText;
    QTimer *m_draftTimer;
    QFileSystemWatcher *m_watcher;
    QString m_savedText; // the text on disk as we last read or wrote it
    QString m_draftText;
};

} // namespace Pd::Gui
