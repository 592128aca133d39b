// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QWidget>

class QLineEdit;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace Pd {
class ServerSession;
}

namespace Pd::Gui {

// The Servers dock: each server the user added, its global datasources and variables, its
// projects with their dashboards, folders, datasources, variables and secrets (names only),
// read when a branch is first opened; a search across projects (/api/v1/search/dashboards).
// It asks the server and shows; opening, saving and the rest go out as signals.
class ServerBrowser : public QWidget
{
    Q_OBJECT

public:
    enum Role { KindRole = Qt::UserRole + 1, ProjectRole, NameRole, CollectionRole };
    enum ItemKind { Connection = 1, Project, Collection, Dashboard, Resource, Folder, Message };

    explicit ServerBrowser(QWidget *parent = nullptr);
    void addSession(ServerSession *session);
    void removeSession(ServerSession *session);
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *searchField() const { return m_search; }
    // The session an item belongs to.
    ServerSession *sessionOf(const QTreeWidgetItem *item) const;
    // Reads a project's branches again (after a create, rename or delete).
    void refreshProject(ServerSession *session, const QString &project);

signals:
    void openRequested(Pd::ServerSession *session, const QString &project, const QString &name,
                       bool edit);
    void addServerRequested();
    void loginRequested(Pd::ServerSession *session);
    void removeRequested(Pd::ServerSession *session);
    void createRequested(Pd::ServerSession *session, const QString &project);
    void renameRequested(Pd::ServerSession *session, const QString &project, const QString &name);
    void deleteRequested(Pd::ServerSession *session, const QString &project, const QString &name);
    void exportRequested(Pd::ServerSession *session, const QString &project);
    void publishRequested(Pd::ServerSession *session);
    void newFolderRequested(Pd::ServerSession *session, const QString &project);
    void renameFolderRequested(Pd::ServerSession *session, const QString &project,
                               const QString &folder);
    void moveRequested(Pd::ServerSession *session, const QString &project,
                       const QString &dashboard);

private:
    QTreeWidgetItem *connectionItem(const ServerSession *session) const;
    void sessionChanged(ServerSession *session);
    void fillProjects(ServerSession *session, QTreeWidgetItem *item);
    void fillCollection(QTreeWidgetItem *item);
    void expanded(QTreeWidgetItem *item);
    void showMenu(const QPoint &at);
    void search();

    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QTimer *m_searchDelay;
    QList<QPointer<ServerSession>> m_sessions;
};

} // namespace Pd::Gui
