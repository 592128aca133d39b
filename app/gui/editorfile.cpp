// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "editorfile.h"

#include "changetext.h"
#include "codeeditor.h"
#include "draftstore.h"
#include "resourcediff.h"
#include "resourcefile.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTimer>

namespace Pd::Gui {

namespace {

constexpr int draftIntervalMs = 3000;

QString readAll(const QString &path, bool *ok = nullptr)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

EditorFile::EditorFile(const QString &path, CodeEditor *editor, QWidget *page)
    : QObject(page)
    , m_path(path)
    , m_editor(editor)
    , m_page(page)
    , m_changeBar(new QWidget(page))
    , m_changeText(new QLabel(m_changeBar))
    , m_draftTimer(new QTimer(this))
    , m_watcher(new QFileSystemWatcher(this))
{
    buildChangeBar();
    m_savedText = readAll(path);
    m_editor->setPlainText(m_savedText);
    m_editor->document()->setModified(false);
    m_draftTimer->setInterval(draftIntervalMs);
    connect(m_draftTimer, &QTimer::timeout, this, &EditorFile::writeDraft);
    m_draftTimer->start();
    m_watcher->addPath(path);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &EditorFile::changedOnDisk);
}

void EditorFile::buildChangeBar()
{
    auto *barLayout = new QHBoxLayout(m_changeBar);
    barLayout->setContentsMargins(6, 4, 6, 4);
    m_changeText->setWordWrap(true);
    auto *reload = new QPushButton(tr("Reload"), m_changeBar);
    auto *keep = new QPushButton(tr("Keep Mine"), m_changeBar);
    barLayout->addWidget(m_changeText, 1);
    barLayout->addWidget(reload);
    barLayout->addWidget(keep);
    connect(reload, &QPushButton::clicked, this, &EditorFile::reloadFromDisk);
    connect(keep, &QPushButton::clicked, m_changeBar, &QWidget::hide);
    m_changeBar->setStyleSheet(QStringLiteral("background: #fde2e2; color: #5c1010;"));
    m_changeBar->hide();
}

bool EditorFile::isModified() const
{
    return m_editor->document()->isModified();
}

bool EditorFile::save(int errors)
{
    if (errors > 0) {
        const auto answer = QMessageBox::question(
            m_page, tr("Save with errors?"),
            tr("%1 has %n error(s) that the Perses server would refuse. Save it anyway?", nullptr,
               errors)
                .arg(QFileInfo(m_path).fileName()),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save)
            return false;
    }
    if (!writeTo(m_path))
        return false;
    emit saved();
    return true;
}

bool EditorFile::saveAs(const QString &path)
{
    if (!writeTo(path))
        return false;
    m_watcher->removePath(m_path);
    DraftStore::remove(m_path);
    m_path = path;
    m_watcher->addPath(path);
    return true;
}

// Atomic: the file is replaced only once the whole text is written. A file that cannot be
// written says why and offers another place.
bool EditorFile::writeTo(const QString &path)
{
    QSaveFile out(path);
    const QByteArray bytes = m_editor->toPlainText().toUtf8();
    if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit()) {
        m_savedText = m_editor->toPlainText();
        m_editor->document()->setModified(false);
        DraftStore::remove(path);
        m_changeBar->hide();
        if (!m_watcher->files().contains(path))
            m_watcher->addPath(path); // an atomic replace drops the watch
        return true;
    }
    const auto answer = QMessageBox::warning(
        m_page, tr("Cannot save"),
        tr("%1 cannot be written: %2.\nYour text is kept. Save it somewhere else?")
            .arg(path, out.errorString()),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
    if (answer != QMessageBox::Save)
        return false;
    const QString other = QFileDialog::getSaveFileName(m_page, tr("Save as"), path);
    return !other.isEmpty() && saveAs(other);
}

bool EditorFile::maybeClose(int errors)
{
    if (!isModified())
        return true;
    const auto answer = QMessageBox::question(
        m_page, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them?").arg(QFileInfo(m_path).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save(errors);
    DraftStore::remove(m_path);
    return true;
}

void EditorFile::writeDraft()
{
    const QString text = m_editor->toPlainText();
    if (!isModified() || text == m_draftText)
        return;
    if (DraftStore::save(m_path, text))
        m_draftText = text;
}

// A draft newer than the file is unsaved work from a session that ended without saving it.
void EditorFile::offerDraft()
{
    const std::optional<DraftStore::Draft> draft = DraftStore::load(m_path);
    if (!draft || draft->text == m_savedText)
        return;
    const auto answer = QMessageBox::question(
        m_page, tr("Unsaved work found"),
        tr("%1 has unsaved changes from %2 that were never saved (the app was closed or "
           "stopped). Restore them?")
            .arg(QFileInfo(m_path).fileName(),
                 QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        DraftStore::remove(m_path);
        return;
    }
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(draft->text); // one undo step back to the file's text
    m_draftText = draft->text;
}

// Our own saves aside: without unsaved edits the new text is taken; with them, a bar says
// what changed and offers reload or keep mine.
void EditorFile::changedOnDisk()
{
    if (!m_watcher->files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher->addPath(m_path); // replaced by rename (editors, git checkout)
    bool readable = false;
    const QString onDisk = readAll(m_path, &readable);
    if (readable && onDisk == m_savedText)
        return;
    if (!readable) {
        m_changeText->setText(tr("%1 was deleted or moved on disk. Save to write it again.")
                                  .arg(QFileInfo(m_path).fileName()));
        m_changeBar->show();
        return;
    }
    if (!isModified()) {
        reloadFromDisk();
        return;
    }
    const ResourceFile mine = ResourceReader::readText(
        m_savedText.toStdString(), m_path.toStdString(),
        ResourceReader::formatFor(m_path.toStdString(), m_savedText.toStdString()));
    const ResourceFile theirs = ResourceReader::readText(
        onDisk.toStdString(), m_path.toStdString(),
        ResourceReader::formatFor(m_path.toStdString(), onDisk.toStdString()));
    const ResourceChanges changes = ResourceDiff::compare(mine.resources, theirs.resources);
    QStringList lines;
    for (std::size_t i = 0; i < changes.size() && i < 5; ++i)
        lines << QString::fromStdString(ChangeText::subject(changes[i]) + ": " +
                                        ChangeText::detail(changes[i], " → "));
    if (changes.size() > 5)
        lines << tr("and %1 more").arg(changes.size() - 5);
    m_changeText->setText(tr("%1 changed on disk (%n change(s)) while you have unsaved edits.",
                             nullptr, int(changes.size()))
                              .arg(QFileInfo(m_path).fileName()) +
                          (lines.isEmpty() ? QString() : QStringLiteral("\n") + lines.join(u'\n')));
    m_changeBar->show();
}

void EditorFile::reloadFromDisk()
{
    bool readable = false;
    const QString onDisk = readAll(m_path, &readable);
    if (!readable)
        return;
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(onDisk); // undo brings the edits back
    m_savedText = onDisk;
    m_editor->document()->setModified(false);
    m_changeBar->hide();
}

} // namespace Pd::Gui
