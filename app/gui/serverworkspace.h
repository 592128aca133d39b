// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "serverconnection.h"
#include "serverorigin.h"
#include "serversession.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QDockWidget;

namespace Pd {
class DashboardPublisher;
class ServerSession;
} // namespace Pd

namespace Pd::Gui {

class EditorPage;
class MainWindow;
class ServerBrowser;

// The window's Perses servers: the sessions of the servers the user added, the Servers dock,
// and what goes to and from a server: opening a dashboard (pulled off the GUI thread into its
// ServerMirror, then opened as a file with its datasources through the server's proxy),
// publishing it after each save with the version check and the conflict dialog, creating,
// renaming and deleting dashboards, exporting a project to a folder and publishing a folder.
class ServerWorkspace : public QObject
{
    Q_OBJECT

public:
    explicit ServerWorkspace(MainWindow *window);
    ~ServerWorkspace() override;

    QDockWidget *dock() const { return m_dock; }
    ServerBrowser *browser() const { return m_browser; }
    // The servers of the user's servers.json, each started.
    void loadConnections();
    ServerSession *addConnection(const ServerConnection &connection, bool remember);
    const std::vector<ServerSession *> &sessions() const { return m_sessions; }

    void openDashboard(ServerSession *session, const QString &project, const QString &name,
                       bool edit);
    // After the editor saved a server dashboard's working copy: publish it.
    void publish(EditorPage *editor, const ServerOrigin &origin, bool overwrite = false);
    void login(ServerSession *session);
    // Puts a dashboard into the Folder resource `folder` (empty: in none), taking it out of the
    // project's other folders; `done` gets the first refusal, or an empty string.
    void moveDashboard(ServerSession *session, const QString &project, const QString &dashboard,
                       const QString &folder, const std::function<void(const QString &)> &done);

signals:
    // A dashboard from a server is open (for tests): its working copy.
    void dashboardOpened(const QString &workingFile);
    // The outcome of a publish, as the status bar shows it (for tests too).
    void publishFinished(const QString &workingFile, bool published, const QString &message);

private:
    void addServerDialog();
    void deviceLogin(ServerSession *session, const ServerSession::Provider &provider);
    void resolveConflict(EditorPage *editor, const ServerOrigin &origin, const QByteArray &theirs);
    void createDashboard(ServerSession *session, const QString &project);
    void renameDashboard(ServerSession *session, const QString &project, const QString &name);
    void deleteDashboard(ServerSession *session, const QString &project, const QString &name);
    void exportProject(ServerSession *session, const QString &project);
    void newFolder(ServerSession *session, const QString &project);
    void renameFolder(ServerSession *session, const QString &project, const QString &folder);
    void moveDialog(ServerSession *session, const QString &project, const QString &dashboard);
    void publishFolder(ServerSession *session);
    void removeConnection(ServerSession *session);
    void saveConnections();
    DashboardPublisher *publisherFor(const ServerOrigin &origin);

    MainWindow *m_window;
    QDockWidget *m_dock;
    ServerBrowser *m_browser;
    std::vector<ServerSession *> m_sessions;
    std::map<QString, DashboardPublisher *> m_publishers; // by working file
};

} // namespace Pd::Gui
