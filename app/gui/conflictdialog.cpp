// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "conflictdialog.h"

#include "changetext.h"
#include "resourcediff.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Pd::Gui {

namespace {

// Server bookkeeping is not what anyone changed.
Node withoutBookkeeping(Node resource)
{
    if (Node *metadata = resource.find("metadata")) {
        for (const char *key : {"version", "createdAt", "updatedAt"})
            metadata->remove(key);
    }
    return resource;
}

} // namespace

ConflictDialog::ConflictDialog(const QString &dashboard, const Node &base, const Node &theirs,
                               const Node &mine, QWidget *parent)
    : QDialog(parent)
    , m_merge(ThreeWayMerge::merge(withoutBookkeeping(base), withoutBookkeeping(theirs),
                                   withoutBookkeeping(mine)))
{
    setWindowTitle(tr("Saved by someone else"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("%1 was saved on the server by someone else since you opened "
                                "it. Their changes:")
                                 .arg(dashboard),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *changes = new QListWidget(this);
    changes->setObjectName(QStringLiteral("theirChanges"));
    for (const ResourceChange &change :
         ResourceDiff::compare(withoutBookkeeping(base), withoutBookkeeping(theirs)))
        changes->addItem(QString::fromStdString(ChangeText::subject(change) + ": " +
                                                ChangeText::detail(change, " → ")));
    layout->addWidget(changes);
    auto *outcome = new QLabel(this);
    outcome->setObjectName(QStringLiteral("mergeOutcome"));
    outcome->setWordWrap(true);
    if (m_merge.isClean()) {
        outcome->setText(tr("Your changes and theirs touch different things: a merge keeps "
                            "both."));
    } else {
        QStringList paths;
        for (const ThreeWayMerge::Conflict &conflict : m_merge.conflicts)
            paths << QString::fromStdString(conflict.path + " (" + conflict.description + ")");
        outcome->setText(tr("A merge keeps both except where you both changed the same thing; "
                            "there yours is kept:\n%1")
                             .arg(paths.join(u'\n')));
    }
    layout->addWidget(outcome);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto addChoice = [&](const QString &text, Choice choice, const QString &name) {
        QPushButton *button = buttons->addButton(text, QDialogButtonBox::AcceptRole);
        button->setObjectName(name);
        connect(button, &QPushButton::clicked, this, [this, choice] {
            m_choice = choice;
            accept();
        });
        return button;
    };
    addChoice(tr("Merge"), Merge, QStringLiteral("merge"))->setDefault(true);
    addChoice(tr("Take Theirs"), TakeTheirs, QStringLiteral("takeTheirs"))
        ->setToolTip(tr("Your unsaved changes are dropped for the server's version."));
    addChoice(tr("Overwrite Theirs"), Overwrite, QStringLiteral("overwrite"))
        ->setToolTip(tr("Their changes are lost."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 420);
}

} // namespace Pd::Gui
