// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dashboardbundle.h"
#include "datasourceconnection.h"
#include "serverorigin.h"
#include "sourceresolver.h"
#include "theme.h"

#include <QMainWindow>

#include <chrono>

class QDockWidget;
class QKeyEvent;
class QTimer;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace Pd::Gui {

class DashboardView;
class EditorPage;
class ResourceBrowser;
class ServerWorkspace;
class UserDatasourcesDialog;

// The app shell: dashboards of the opened files and folders in a side list, the selected one
// in the middle, File/View/Help menus with recent files and shortcuts, and a status bar with
// the queries in flight and the panels in error.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(DatasourceOverrides overrides, QWidget *parent = nullptr);
    // Loads a file or folder, or REV:PATH (a file or folder at a Git revision, read from the
    // object database: `HEAD~3:dashboards/node.yaml`, `v1.2:` for a whole tag); problems are
    // shown, not fatal. True when something opened.
    bool open(const QString &path);
    // Edit mode for a file (opened first when it is not): its text beside the live dashboard,
    // the cursor at a 1-based line and column when given. The choice is remembered per file.
    EditorPage *edit(const QString &file, int line = 0, int column = 0);
    EditorPage *currentEditor() const;
    // A new dashboard written to `file` (YAML, or JSON by its extension) and opened in edit
    // mode; an existing file is never overwritten. The reason when it is not made.
    std::optional<QString> createDashboard(const QString &file, const QString &name,
                                           const QString &project);
    // The repository REV:PATH is read from (default: the current folder's).
    void setRepository(const QString &folder);
    // The dashboard shown now, or none.
    DashboardView *currentView() const;
    // The resources of the last folder opened, with their lint and Git states; none before.
    ResourceBrowser *browser() const { return m_browser; }
    // Compares as `diff` does (A B, REV1..REV2, a file or folder against HEAD) off the GUI
    // thread, then opens the review window; problems are shown, not fatal.
    void review(const QString &repository, const QStringList &operands);
    // The Perses servers the user added, their dock and what goes to and from them.
    ServerWorkspace *servers() const { return m_servers; }
    // A dashboard from a server, as its working copy (ServerMirror) with the folders of the
    // resources it needs; its queries go through the server's proxy, its saves are published.
    // In edit mode unless the user may not edit it (`origin.readOnlyReason`, then shown).
    void openServerDashboard(const QString &workingFile, const QStringList &resourceFolders,
                             const ServerOrigin &origin, bool edit);
    // The server a file was opened from; none for other files.
    const ServerOrigin *serverOriginOf(const QString &file) const;
    // View ▸ Datasources… (and the banner's button): the datasources the shown dashboard
    // sees and lacks, with the user's own URLs for them; saved, they go to the user file and
    // every dashboard is drawn again with them. The dialog, opened beside the window.
    UserDatasourcesDialog *editUserDatasources();
    // New URLs for datasources by name (an empty URL takes one back), applied at once.
    void applyUserDatasources(const DatasourceOverrides &edited);
    // Kiosk: the panels alone, full screen (menus, docks, the list, the status bar and each
    // dashboard's title row hidden); Escape or View ▸ Kiosk leaves it.
    void setKiosk(bool kiosk);
    bool isKiosk() const { return m_kiosk; }
    // The next dashboard of the list every `interval` (0: stop), from the last to the first.
    void setCycle(std::chrono::milliseconds interval);

signals:
    // A review window opened (for tests and the command line).
    void reviewOpened(QWidget *window);
    // A history dialog opened, a file's or a panel's (for tests).
    void historyOpened(QWidget *dialog);

protected:
    void closeEvent(QCloseEvent *event) override;

    void keyPressEvent(QKeyEvent *event) override;

private:
    bool m_kiosk = false;
    QTimer *m_cycle = nullptr;
    void buildMenus();
    void toggleEditMode();
    void leaveEditMode(EditorPage *editor);
    int indexOfFile(const QString &file) const;
    void applyTheme(Theme::Mode mode);
    void setGroupsOpen(bool open);
    void openFileDialog();
    void openFolderDialog();
    void openReviewDialog();
    void newDashboardDialog();
    struct HistorySource
    {
        QString folder; // the repository, opened again by the history's worker
        std::string path;
        std::string revision;
    };
    std::optional<HistorySource> historySourceOf(int index) const;
    void showHistory(const HistorySource &source, const std::optional<std::string> &panel);
    void offerPanelHistory(int index, DashboardView *view);
    void browse(const QString &folder);
    void showResource(const QString &file, const QString &kind, const QString &name);
    void showDashboard(int index);
    void rememberRecent(const QString &path);
    void refreshRecentMenu();
    // The user's datasources, and the server's proxy for a dashboard from a server.
    DatasourceOverrides overridesFor(const QString &file) const;

    DatasourceOverrides m_overrides;
    std::unique_ptr<SourceResolver> m_resolver;
    DashboardBundle m_bundle;
    QListWidget *m_list;
    QStackedWidget *m_pages;
    std::vector<QWidget *> m_pageOf; // per dashboard, created when first shown
    QLabel *m_status;
    QMenu *m_recentMenu = nullptr;
    QDockWidget *m_browserDock = nullptr;
    ResourceBrowser *m_browser = nullptr;
    std::map<QString, EditorPage *> m_editors; // by absolute file path
    ServerWorkspace *m_servers = nullptr;
    std::map<QString, ServerOrigin> m_origins; // working copies of server dashboards
};

} // namespace Pd::Gui
