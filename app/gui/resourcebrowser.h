// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "workspace.h"

#include <QWidget>

class QFileSystemWatcher;
class QLabel;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace Pd::Gui {

// An opened folder's resources as a tree: global resources, then each project with its
// dashboards, datasources, variables and the rest; beside each, its file's lint status
// (errors and warnings) and Git status, with the branch above. Scanned off the GUI thread;
// the folder is watched and the tree follows its changes.
class ResourceBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit ResourceBrowser(QWidget *parent = nullptr);

    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }
    QTreeWidget *tree() const { return m_tree; }
    QLabel *summary() const { return m_summary; }

signals:
    void resourceActivated(const QString &file, const QString &kind, const QString &name);
    // A scan was shown (the first one, and each after a change on disk).
    void scanned();

private:
    void rescan();
    void showWorkspace(const Workspace &workspace);
    void watch(const Workspace &workspace);
    QTreeWidgetItem *groupFor(const LintedResource &resource,
                              std::map<QString, QTreeWidgetItem *> &groups);

    QString m_folder;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QFileSystemWatcher *m_watcher;
    QTimer *m_debounce;
    bool m_scanning = false;
    bool m_changedMeanwhile = false;
};

} // namespace Pd::Gui
