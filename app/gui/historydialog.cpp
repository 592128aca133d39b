// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "historydialog.h"

#include "changetext.h"
#include "reviewwindow.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Pd::Gui {

namespace {

using History = GitResult<std::vector<HistoryEntry>>;

QString dateOf(const GitCommit &commit)
{
    return QDateTime::fromSecsSinceEpoch(commit.time, QTimeZone(commit.offsetMinutes * 60))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

HistoryDialog::HistoryDialog(const QString &repository, const std::string &path,
                             const std::optional<std::string> &panel, const std::string &revision,
                             QWidget *parent)
    : QDialog(parent)
    , m_summary(
          new QLabel(tr("Reading the history of %1…").arg(QString::fromStdString(path)), this))
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(panel ? tr("History of panel %1").arg(QString::fromStdString(*panel))
                         : tr("History of %1").arg(QString::fromStdString(path)));
    resize(900, 560);
    m_list->setHeaderLabels({tr("Commit"), tr("Date"), tr("Author"), tr("Change")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *open = buttons->addButton(tr("Open This Version"), QDialogButtonBox::ActionRole);
    open->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [open](QTreeWidgetItem *item) { open->setEnabled(item != nullptr); });
    connect(open, &QPushButton::clicked, this, [this] {
        QTreeWidgetItem *item = m_list->currentItem();
        while (item && item->parent())
            item = item->parent();
        if (item)
            emit openRequested(item->data(0, Qt::UserRole).toString());
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    // A file with a long history reads every version of it: not on the GUI thread. The
    // worker opens the repository itself, so no libgit2 handle is shared between threads.
    auto *watcher = new QFutureWatcher<History>(this);
    connect(watcher, &QFutureWatcher<History>::finished, this, [this, watcher] {
        showHistory(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(
        QtConcurrent::run([folder = repository.toStdString(), path, panel, revision]() -> History {
            auto git = GitRepository::discover(folder);
            if (const GitError *problem = std::get_if<GitError>(&git))
                return *problem;
            return ChangeHistory::of(std::get<GitRepository>(git), path, panel, revision);
        }));
}

void HistoryDialog::showHistory(const History &history)
{
    m_loaded = true;
    if (const GitError *problem = std::get_if<GitError>(&history)) {
        m_summary->setText(QString::fromStdString(problem->message));
        emit loaded();
        return;
    }
    const std::vector<HistoryEntry> &revisions = std::get<std::vector<HistoryEntry>>(history);
    m_summary->setText(revisions.size() == 1 ? tr("1 commit changed it.")
                                             : tr("%1 commits changed it.").arg(revisions.size()));
    for (const HistoryEntry &revision : revisions) {
        auto *commit = new QTreeWidgetItem(m_list);
        commit->setText(0, QString::fromStdString(revision.commit.shortId));
        commit->setText(1, dateOf(revision.commit));
        commit->setText(2, QString::fromStdString(revision.commit.author));
        commit->setText(3, QString::fromStdString(revision.commit.summary));
        commit->setData(0, Qt::UserRole,
                        QString::fromStdString(revision.commit.id + ':' + revision.commit.path));
        for (const ResourceChange &change : revision.changes) {
            auto *line = new QTreeWidgetItem(commit);
            line->setText(0, QString::fromLatin1(ResourceChange::opName(change.op)));
            line->setForeground(0, ReviewWindow::colourFor(change.op));
            line->setText(3, QString::fromStdString(ChangeText::subject(change) + ": " +
                                                    ChangeText::detail(change, " → ")));
            line->setFirstColumnSpanned(false);
        }
        commit->setExpanded(true);
    }
    emit loaded();
}

} // namespace Pd::Gui
