// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "codeeditor.h"
#include "dashboardpage.h"
#include "dashboardview.h"
#include "datasourcesecrets.h"
#include "editorpage.h"
#include "historydialog.h"
#include "newdashboard.h"
#include "persesapi.h"
#include "pluginsdialog.h"
#include "resourcebrowser.h"
#include "reviewwindow.h"
#include "serverbrowser.h"
#include "serversession.h"
#include "serverworkspace.h"
#include "theme.h"
#include "userdatasourcesdialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Pd::Gui {

namespace {

constexpr int maxRecent = 10;
const QString recentKey = QStringLiteral("recentFiles");

} // namespace

MainWindow::MainWindow(DatasourceOverrides overrides, QWidget *parent)
    : QMainWindow(parent)
    , m_overrides(std::move(overrides))
    , m_resolver(std::make_unique<SourceResolver>())
    , m_list(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(QStringLiteral("Perses Desktop"));
    resize(1440, 900);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 1260});
    setCentralWidget(splitter);
    auto *empty =
        new QLabel(tr("Open a dashboard file or a folder of dashboards (File ▸ Open)."), this);
    empty->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(empty);
    m_list->hide();
    statusBar()->addPermanentWidget(m_status);
    connect(m_list, &QListWidget::currentRowChanged, this, &MainWindow::showDashboard);
    m_servers = new ServerWorkspace(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_servers->dock());
    buildMenus();
    m_servers->loadConnections();
    m_servers->dock()->setVisible(!m_servers->sessions().empty());
}

const ServerOrigin *MainWindow::serverOriginOf(const QString &file) const
{
    const auto it = m_origins.find(QFileInfo(file).absoluteFilePath());
    return it == m_origins.end() ? nullptr : &it->second;
}

DatasourceOverrides MainWindow::overridesFor(const QString &file) const
{
    DatasourceOverrides overrides = m_overrides;
    const ServerOrigin *origin = serverOriginOf(file);
    if (!origin || !origin->session)
        return overrides;
    QPointer<ServerSession> session = origin->session;
    ServerProxyRoute route;
    route.baseUrl = session->connection().url.toStdString();
    route.project = origin->project.toStdString();
    route.dashboard = origin->name.toStdString();
    route.authorization = [session] {
        return session ? session->api().authorization().toStdString() : std::string();
    };
    // What the server has saved: the dashboard's own datasources changed since go through the
    // unsaved route.
    route.savedDashboardPlugins = origin->savedPlugins;
    route.caFile = session->connection().caFile.toStdString();
    route.insecureSkipVerify = session->connection().insecure;
    overrides.setServerProxy(std::move(route));
    return overrides;
}

void MainWindow::openServerDashboard(const QString &workingFile, const QStringList &resourceFolders,
                                     const ServerOrigin &origin, bool edit)
{
    const QString absolute = QFileInfo(workingFile).absoluteFilePath();
    m_origins[absolute] = origin;
    for (const QString &folder : resourceFolders) {
        if (QFileInfo(folder).isDir())
            m_bundle.add(folder.toStdString(), false, true);
    }
    int index = indexOfFile(absolute);
    if (index >= 0) {
        // Opened before: read again, the page built anew with what the server has now.
        DashboardBundle fresh;
        if (!fresh.add(absolute.toStdString(), true) && !fresh.dashboards.empty())
            m_bundle.dashboards[std::size_t(index)] = fresh.dashboards.front();
        delete m_pageOf[std::size_t(index)];
        m_pageOf[std::size_t(index)] = nullptr;
        m_list->setCurrentRow(index);
        showDashboard(index);
    } else if (!open(absolute)) {
        return;
    }
    if (edit && origin.readOnlyReason.isEmpty())
        this->edit(absolute);
    else if (!origin.readOnlyReason.isEmpty())
        statusBar()->showMessage(tr("Read-only: %1.").arg(origin.readOnlyReason));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open File…"), QKeySequence::Open, this, &MainWindow::openFileDialog);
    file->addAction(tr("Open &Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                    &MainWindow::openFolderDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("&New Dashboard…"), QKeySequence::New, this,
                    &MainWindow::newDashboardDialog);
    file->addAction(tr("Open Revisio&n…"), this, [this] {
        bool ok = false;
        const QString where = QInputDialog::getText(
            this, tr("Open a revision"),
            tr("A file or folder at a Git revision, read-only, from the repository of the "
               "current folder:\nREV:PATH (HEAD~3:dashboards/node.yaml), or REV: for the whole "
               "tree at a branch, tag or commit (v1.2:)"),
            QLineEdit::Normal, QStringLiteral("HEAD:"), &ok);
        if (ok && !where.trimmed().isEmpty())
            open(where.trimmed());
    });
    file->addAction(tr("File &History…"), this, [this] {
        const std::optional<HistorySource> source = historySourceOf(m_list->currentRow());
        if (source)
            showHistory(*source, std::nullopt);
        else
            statusBar()->showMessage(tr("This dashboard's file is not in a Git repository."), 5000);
    });
    file->addAction(tr("Re&view Changes…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this,
                    &MainWindow::openReviewDialog);
    file->addAction(tr("Add Perses Ser&ver…"), this, [this] {
        m_servers->dock()->show();
        emit m_servers->browser()->addServerRequested();
    });
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, [this] {
        if (EditorPage *editor = currentEditor())
            editor->save();
    });
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, [this] {
        EditorPage *editor = currentEditor();
        if (!editor)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Save as"), editor->file());
        if (!path.isEmpty())
            editor->saveAs(path);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    refreshRecentMenu();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *theme = view->addMenu(tr("&Theme"));
    theme->addAction(tr("Follow the system"), this, [this] { applyTheme(Theme::Mode::System); });
    theme->addAction(tr("Light"), this, [this] { applyTheme(Theme::Mode::Light); });
    theme->addAction(tr("Dark"), this, [this] { applyTheme(Theme::Mode::Dark); });
    view->addAction(tr("E&xpand All Groups"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    [this] { setGroupsOpen(true); });
    view->addAction(tr("&Collapse All Groups"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                    this, [this] { setGroupsOpen(false); });
    view->addAction(tr("&Full Screen"), QKeySequence::FullScreen, this,
                    [this] { isFullScreen() ? showNormal() : showFullScreen(); });
    view->addAction(tr("&Edit Mode"), QKeySequence(Qt::Key_F4), this, &MainWindow::toggleEditMode);
    view->addAction(tr("&Datasources…"), this, [this] { editUserDatasources(); });
    // Explore borrows the shown dashboard's datasources, range and variables.
    view->addAction(tr("E&xplore…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), this, [this] {
        if (auto *page = qobject_cast<DashboardPage *>(m_pages->currentWidget()))
            page->explore();
        else
            m_status->setText(tr("Open a dashboard to explore with its datasources."));
    });
    // Also the window's own: its shortcut must work while the menu bar is hidden in kiosk.
    QAction *kiosk = view->addAction(tr("&Kiosk"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                                     this, [this] { setKiosk(!m_kiosk); });
    addAction(kiosk);
    view->addAction(tr("Show &Dashboards List"), QKeySequence(Qt::CTRL | Qt::Key_B), this,
                    [this] { m_list->setVisible(!m_list->isVisible()); });
    QAction *servers = m_servers->dock()->toggleViewAction();
    servers->setText(tr("&Servers"));
    view->addAction(servers);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("About &Plugins"), this, [this] { PluginsDialog(this).exec(); });
    help->addAction(tr("&About Perses Desktop"), this, [this] {
        QMessageBox::about(this, tr("About Perses Desktop"),
                           tr("Perses dashboards on the desktop: native panels, the Perses model, "
                              "dashboards as code."));
    });
}

bool MainWindow::open(const QString &path)
{
    const std::size_t before = m_bundle.dashboards.size();
    // Into a copy: a folder that fails half way adds nothing.
    DashboardBundle loaded = m_bundle;
    auto where = m_resolver->resolve(path.toStdString());
    std::optional<std::string> problem;
    if (const std::string *unresolved = std::get_if<std::string>(&where))
        problem = *unresolved;
    else
        problem = loaded.add(std::get<SourcedPath>(where), true);
    if (problem) {
        QString details;
        for (const Diagnostic &d : loaded.errors)
            details += QString::fromStdString(d.file + ":" + std::to_string(d.pos.line) + ":" +
                                              std::to_string(d.pos.column) + ": " + d.message) +
                       u'\n';
        QMessageBox box(QMessageBox::Warning, tr("Cannot open"), QString::fromStdString(*problem),
                        QMessageBox::Ok, this);
        box.setDetailedText(details);
        box.exec();
        return false;
    }
    m_bundle = std::move(loaded);
    if (QFileInfo(path).isDir())
        browse(path);
    for (std::size_t i = before; i < m_bundle.dashboards.size(); ++i) {
        m_list->addItem(DashboardPage::titleOf(m_bundle.dashboards[i]));
        m_pageOf.push_back(nullptr);
    }
    if (!SourceResolver::splitRevisionPath(path.toStdString()))
        rememberRecent(path); // a revision's file is reopened through the history, not here
    m_list->setVisible(m_bundle.dashboards.size() > 1);
    if (m_bundle.dashboards.size() > before)
        m_list->setCurrentRow(int(before));
    return m_bundle.dashboards.size() > before;
}

// Where the history of dashboard `index` is read: its file in the repository (at HEAD), or
// the revision it was read from. None outside a repository.
std::optional<MainWindow::HistorySource> MainWindow::historySourceOf(int index) const
{
    auto git = m_resolver->repository();
    if (index < 0 || !std::holds_alternative<const GitRepository *>(git))
        return std::nullopt;
    const GitRepository &repository = *std::get<const GitRepository *>(git);
    const std::string &file = m_bundle.dashboardFiles[std::size_t(index)];
    HistorySource source{QString::fromStdString(m_resolver->folder()), {}, "HEAD"};
    if (const auto revision = SourceResolver::splitRevisionPath(file)) {
        source.revision = revision->revision;
        source.path = revision->path;
    } else if (auto inside = repository.repositoryPath(file);
               std::holds_alternative<std::string>(inside)) {
        source.path = std::get<std::string>(inside);
    } else {
        return std::nullopt;
    }
    return source;
}

void MainWindow::showHistory(const HistorySource &source, const std::optional<std::string> &panel)
{
    // The dialog's worker opens the repository itself: no libgit2 handle crosses threads.
    auto *dialog = new HistoryDialog(source.folder, source.path, panel, source.revision, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HistoryDialog::openRequested, this,
            [this](const QString &where) { open(where); });
    dialog->show();
    emit historyOpened(dialog);
}

// A dashboard whose file is in a Git repository (or read from one of its revisions) offers
// each panel's history.
void MainWindow::offerPanelHistory(int index, DashboardView *view)
{
    const std::optional<HistorySource> source = historySourceOf(index);
    if (!source)
        return;
    view->setPanelHistoryAvailable(true);
    connect(view, &DashboardView::panelHistoryRequested, this,
            [this, source = *source](const QString &panel) {
                showHistory(source, panel.toStdString());
            });
}

// The folder's resources in a dock beside the dashboards, following the folder's changes.
void MainWindow::browse(const QString &folder)
{
    if (!m_browser) {
        m_browserDock = new QDockWidget(tr("Resources"), this);
        m_browserDock->setObjectName(QStringLiteral("resources"));
        m_browser = new ResourceBrowser(m_browserDock);
        m_browserDock->setWidget(m_browser);
        addDockWidget(Qt::LeftDockWidgetArea, m_browserDock);
        // A fifth of the window at most: on a 1280 px screen the dashboard keeps the rest.
        resizeDocks({m_browserDock}, {std::min(380, width() / 5)}, Qt::Horizontal);
        connect(m_browser, &ResourceBrowser::resourceActivated, this, &MainWindow::showResource);
    }
    m_browser->setFolder(folder);
    m_browserDock->show();
}

// A dashboard chosen in the browser: the one already open, or its file opened now (it came
// after the folder was opened).
void MainWindow::showResource(const QString &file, const QString &kind, const QString &name)
{
    if (kind != QStringLiteral("Dashboard")) {
        statusBar()->showMessage(tr("%1 %2 is in %3").arg(kind, name, file), 5000);
        return;
    }
    auto find = [&] {
        for (std::size_t i = 0; i < m_bundle.dashboards.size(); ++i) {
            if (m_bundle.dashboardFiles[i] == file.toStdString() &&
                m_bundle.dashboards[i].metadata.name == name.toStdString())
                return int(i);
        }
        return -1;
    };
    int index = find();
    if (index < 0 && open(file))
        index = find();
    if (index >= 0)
        m_list->setCurrentRow(index);
}

std::optional<QString> MainWindow::createDashboard(const QString &file, const QString &name,
                                                   const QString &project)
{
    if (QFileInfo::exists(file))
        return tr("%1 exists already").arg(file);
    static const QRegularExpression valid(QStringLiteral("^[a-zA-Z0-9_.-]+$"));
    if (!valid.match(name).hasMatch() || !valid.match(project).hasMatch())
        return tr("names may hold letters, digits, '_', '.' and '-' only");
    const DocumentFormat format = file.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
                                      ? DocumentFormat::Json
                                      : DocumentFormat::Yaml;
    const std::string text = NewDashboard::text(
        name.toLower().toStdString(), project.toLower().toStdString(), name.toStdString(), format);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(text.data(), qint64(text.size())) != qint64(text.size()) || !out.commit())
        return tr("%1 cannot be written: %2").arg(file, out.errorString());
    if (!edit(file))
        return tr("%1 was written but does not open").arg(file);
    return std::nullopt;
}

void MainWindow::newDashboardDialog()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New dashboard"), tr("Name (letters, digits, _ . -):"),
                              QLineEdit::Normal, QStringLiteral("new-dashboard"), &ok);
    if (!ok || name.isEmpty())
        return;
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Save the new dashboard in its project's folder"),
                                     QDir::current().filePath(name + QStringLiteral(".yaml")),
                                     tr("Perses resources (*.yaml *.yml *.json)"));
    if (file.isEmpty())
        return;
    // The project is the folder's name, as in a repository of one folder a project.
    const QString project = QFileInfo(file).absoluteDir().dirName();
    if (auto problem = createDashboard(file, name, project))
        QMessageBox::warning(this, tr("New dashboard"), *problem);
}

int MainWindow::indexOfFile(const QString &file) const
{
    const QString absolute = QFileInfo(file).absoluteFilePath();
    for (std::size_t i = 0; i < m_bundle.dashboardFiles.size(); ++i) {
        if (QFileInfo(QString::fromStdString(m_bundle.dashboardFiles[i])).absoluteFilePath() ==
            absolute)
            return int(i);
    }
    return -1;
}

EditorPage *MainWindow::currentEditor() const
{
    return qobject_cast<EditorPage *>(m_pages->currentWidget());
}

EditorPage *MainWindow::edit(const QString &file, int line, int column)
{
    const QString absolute = QFileInfo(file).absoluteFilePath();
    if (const ServerOrigin *origin = serverOriginOf(absolute);
        origin && !origin->readOnlyReason.isEmpty()) {
        statusBar()->showMessage(tr("Read-only: %1.").arg(origin->readOnlyReason));
        return nullptr;
    }
    if (!QFileInfo(absolute).isFile()) {
        QMessageBox::warning(this, tr("Cannot edit"),
                             tr("%1 is not a file on disk (a revision is read-only).").arg(file));
        return nullptr;
    }
    if (indexOfFile(absolute) < 0)
        open(absolute); // a file that does not read is still edited: that is how it gets fixed
    EditorPage *&editor = m_editors[absolute];
    if (!editor) {
        editor = new EditorPage(absolute, overridesFor(absolute), m_pages);
        m_pages->addWidget(editor);
        connect(editor, &EditorPage::saved, this, [this, editor] {
            if (const ServerOrigin *origin = serverOriginOf(editor->file()))
                m_servers->publish(editor, *origin);
        });
        connect(editor, &EditorPage::statusChanged, this, [this, editor](int errors, int warnings) {
            if (m_pages->currentWidget() == editor)
                m_status->setText(tr("%1 errors · %2 warnings").arg(errors).arg(warnings));
        });
        connect(editor, &EditorPage::modifiedChanged, this, [this, editor](bool modified) {
            if (m_pages->currentWidget() == editor)
                setWindowModified(modified);
        });
    }
    m_pages->setCurrentWidget(editor);
    setWindowTitle(QFileInfo(absolute).fileName() + QStringLiteral("[*] — Perses Desktop"));
    setWindowModified(editor->isModified());
    QSettings().setValue(QStringLiteral("editMode/") + absolute, true);
    if (line > 0)
        editor->codeEditor()->goTo(line, std::max(1, column));
    editor->codeEditor()->setFocus();
    return editor;
}

// Back to the dashboard, as the editor last read it without errors.
void MainWindow::leaveEditMode(EditorPage *editor)
{
    QSettings().setValue(QStringLiteral("editMode/") + editor->file(), false);
    const int index = indexOfFile(editor->file());
    if (index < 0) {
        m_pages->setCurrentIndex(0);
        return;
    }
    if (editor->lastValid()) {
        m_bundle.dashboards[std::size_t(index)] = *editor->lastValid();
        delete m_pageOf[std::size_t(index)];
        m_pageOf[std::size_t(index)] = nullptr;
    }
    m_list->setCurrentRow(-1);
    m_list->setCurrentRow(index);
    showDashboard(index);
}

UserDatasourcesDialog *MainWindow::editUserDatasources()
{
    auto *page = qobject_cast<DashboardPage *>(m_pages->currentWidget());
    const DatasourceCatalog catalog = page ? page->view()->engine().catalog() : DatasourceCatalog();
    const std::vector<DatasourceProblem> problems =
        page ? page->view()->engine().datasourceProblems() : std::vector<DatasourceProblem>{};
    // The user file's own, not the command line's: those are what it is saved with.
    DatasourceOverrides inFile;
    const std::string path = DatasourceOverrides::userFilePath();
    if (const auto problem = inFile.loadFile(path))
        QMessageBox::warning(this, tr("Datasources"), QString::fromStdString(*problem));
    DatasourceSecrets::fillFrom(m_overrides, inFile);
    auto *dialog = new UserDatasourcesDialog(catalog, problems, inFile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, path, inFile] {
        if (const auto problem = dialog->save(path)) {
            QMessageBox::warning(
                this, tr("Datasources"),
                tr("The datasources could not be saved: %1").arg(QString::fromStdString(*problem)));
            return;
        }
        DatasourceSecrets::store(dialog->overrides(), inFile);
        // What the file lost goes from the window too; the rest is set anew.
        DatasourceOverrides edited = dialog->overrides();
        for (const auto &[name, value] : inFile.all()) {
            if (!edited.find(name))
                edited.set(name, {});
        }
        applyUserDatasources(edited);
    });
    dialog->open();
    return dialog;
}

void MainWindow::applyUserDatasources(const DatasourceOverrides &edited)
{
    for (const auto &[name, value] : edited.all()) {
        if (value.url.empty())
            m_overrides.remove(name);
        else
            m_overrides.set(name, value);
    }
    // Every page is built again with them; the one shown at once. (Deleting the shown page
    // makes the stack show another, an editor maybe: what was shown is asked first.)
    const bool editing = currentEditor() != nullptr;
    for (QWidget *&page : m_pageOf) {
        if (qobject_cast<DashboardPage *>(page)) {
            delete page;
            page = nullptr;
        }
    }
    const int index = m_list->currentRow();
    if (index >= 0 && !editing)
        showDashboard(index);
}

void MainWindow::setKiosk(bool kiosk)
{
    m_kiosk = kiosk;
    menuBar()->setVisible(!kiosk);
    statusBar()->setVisible(!kiosk);
    // What was open before comes back: remembered on the way in.
    QList<QWidget *> aside{m_list};
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        aside << dock;
    for (QWidget *widget : std::as_const(aside)) {
        if (kiosk)
            widget->setProperty("beforeKiosk", widget->isVisible());
        widget->setVisible(!kiosk && widget->property("beforeKiosk").toBool());
    }
    for (QWidget *page : m_pageOf) {
        if (auto *dashboard = qobject_cast<DashboardPage *>(page))
            dashboard->setControlsVisible(!kiosk);
    }
    kiosk ? showFullScreen() : showNormal();
}

void MainWindow::setCycle(std::chrono::milliseconds interval)
{
    if (!m_cycle) {
        m_cycle = new QTimer(this);
        connect(m_cycle, &QTimer::timeout, this, [this] {
            // The dashboards already drawn are shown again, not built anew.
            if (m_list->count() > 1)
                m_list->setCurrentRow((m_list->currentRow() + 1) % m_list->count());
        });
    }
    m_cycle->stop();
    if (interval.count() > 0)
        m_cycle->start(interval);
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    if (m_kiosk && event->key() == Qt::Key_Escape) {
        setKiosk(false);
        return;
    }
    QMainWindow::keyPressEvent(event);
}

void MainWindow::toggleEditMode()
{
    if (EditorPage *editor = currentEditor()) {
        leaveEditMode(editor);
        return;
    }
    const int index = m_list->currentRow();
    if (index < 0 || index >= int(m_bundle.dashboardFiles.size()))
        return;
    edit(QString::fromStdString(m_bundle.dashboardFiles[std::size_t(index)]));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (auto &[file, editor] : m_editors) {
        if (!editor->maybeClose()) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

void MainWindow::setRepository(const QString &folder)
{
    m_resolver = std::make_unique<SourceResolver>(folder.toStdString());
}

void MainWindow::showDashboard(int index)
{
    if (index < 0 || index >= int(m_pageOf.size()))
        return;
    if (!m_pageOf[std::size_t(index)]) {
        auto *page = new DashboardPage(
            m_bundle.dashboards[std::size_t(index)], m_bundle.datasources, m_bundle.variables,
            overridesFor(QString::fromStdString(m_bundle.dashboardFiles[std::size_t(index)])),
            m_pages);
        connect(page, &DashboardPage::datasourcesRequested, this,
                [this] { editUserDatasources(); });
        // A link opens in the user's browser (or whatever handles its scheme).
        connect(page, &DashboardPage::linkRequested, this,
                [](const QUrl &url) { QDesktopServices::openUrl(url); });
        connect(page, &DashboardPage::statusChanged, this, [this, page](int inFlight, int errors) {
            if (m_pages->currentWidget() == page)
                m_status->setText(
                    tr("%1 queries in flight · %2 panels with errors").arg(inFlight).arg(errors));
        });
        page->setControlsVisible(!m_kiosk);
        m_pages->addWidget(page);
        m_pageOf[std::size_t(index)] = page;
        offerPanelHistory(index, page->view());
    }
    m_pages->setCurrentWidget(m_pageOf[std::size_t(index)]);
    // Edit mode is remembered per file.
    const QString onDisk =
        QFileInfo(QString::fromStdString(m_bundle.dashboardFiles[std::size_t(index)]))
            .absoluteFilePath();
    if (QFileInfo(onDisk).isFile() &&
        QSettings().value(QStringLiteral("editMode/") + onDisk, false).toBool() && edit(onDisk))
        return; // a file that may not be edited stays in view mode
    // A dashboard read from a revision says which: it is that commit's, not the file's.
    const std::string &file = m_bundle.dashboardFiles[std::size_t(index)];
    QString origin = SourceResolver::splitRevisionPath(file)
                         ? QStringLiteral(" · ") + QString::fromStdString(file) +
                               tr(" (a Git revision, read-only)")
                         : QString();
    if (const ServerOrigin *server = serverOriginOf(QString::fromStdString(file));
        server && server->session) {
        origin = QStringLiteral(" · ") + server->session->connection().name + u' ' +
                 server->project + u'/' + server->name;
        if (!server->readOnlyReason.isEmpty())
            origin += tr(" (read-only: %1)").arg(server->readOnlyReason);
    }
    setWindowTitle(m_list->item(index)->text() + origin + QStringLiteral(" — Perses Desktop"));
}

// Charts take their colours when they are built: their views are built again in the new
// look, each with the data it had (range, variables and scroll position stay).
void MainWindow::applyTheme(Theme::Mode mode)
{
    Theme::apply(mode);
    for (QWidget *page : m_pageOf) {
        if (auto *dashboard = qobject_cast<DashboardPage *>(page))
            dashboard->view()->restyle();
    }
}

DashboardView *MainWindow::currentView() const
{
    auto *page = qobject_cast<DashboardPage *>(m_pages->currentWidget());
    return page ? page->view() : nullptr;
}

void MainWindow::setGroupsOpen(bool open)
{
    if (DashboardView *view = currentView())
        view->setAllGroupsOpen(open);
}

void MainWindow::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open dashboard"), {},
                                                      tr("Perses resources (*.yaml *.yml *.json)"));
    if (!path.isEmpty())
        open(path);
}

void MainWindow::openFolderDialog()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open folder of dashboards"));
    if (!path.isEmpty())
        open(path);
}

void MainWindow::openReviewDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Review changes"));
    auto *form = new QFormLayout(&dialog);
    auto *folder = new QLineEdit(QDir::currentPath(), &dialog);
    auto *browse = new QPushButton(tr("Browse…"), &dialog);
    connect(browse, &QPushButton::clicked, &dialog, [&] {
        const QString chosen =
            QFileDialog::getExistingDirectory(&dialog, tr("Git repository"), folder->text());
        if (!chosen.isEmpty())
            folder->setText(chosen);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(folder, 1);
    row->addWidget(browse);
    form->addRow(tr("Repository:"), row);
    auto *compare = new QLineEdit(&dialog);
    compare->setPlaceholderText(tr("the working copy against HEAD"));
    compare->setToolTip(tr("Two revisions (main..feature, HEAD~3..HEAD), or empty for the "
                           "working copy's changes against HEAD"));
    form->addRow(tr("Compare:"), compare);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString what = compare->text().trimmed();
    review(folder->text(), QStringList{what.isEmpty() ? folder->text() : what});
}

void MainWindow::review(const QString &repository, const QStringList &operands)
{
    std::vector<std::string> arguments;
    for (const QString &operand : operands)
        arguments.push_back(operand.toStdString());
    struct Outcome
    {
        std::unique_ptr<ChangeSet> changes;
        std::optional<std::string> problem;
        ReviewWindow::SurroundingsByRoot surroundings;
    };
    // Reading every changed file of a range can take a while: not on the GUI thread.
    auto *watcher = new QFutureWatcher<std::shared_ptr<Outcome>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const std::shared_ptr<Outcome> outcome = watcher->result();
        QString details;
        for (const Diagnostic &d : outcome->changes->problems())
            details += QString::fromStdString(d.file + ":" + std::to_string(d.pos.line) + ":" +
                                              std::to_string(d.pos.column) + ": " + d.message) +
                       u'\n';
        if (outcome->problem || !outcome->changes->hasChanges()) {
            QMessageBox box(outcome->problem ? QMessageBox::Warning : QMessageBox::Information,
                            tr("Review changes"),
                            outcome->problem ? QString::fromStdString(*outcome->problem)
                                             : tr("No dashboard changes to review."),
                            QMessageBox::Ok, this);
            box.setDetailedText(details);
            box.exec();
            return;
        }
        auto *window = new ReviewWindow(std::move(outcome->changes), m_overrides, nullptr,
                                        std::move(outcome->surroundings));
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        emit reviewOpened(window);
    });
    watcher->setFuture(QtConcurrent::run([repository = repository.toStdString(), arguments] {
        auto outcome = std::make_shared<Outcome>();
        outcome->changes = std::make_unique<ChangeSet>(repository);
        outcome->problem = outcome->changes->compareOperands(arguments);
        if (!outcome->problem) // the datasources beside each version, while still off the GUI
            outcome->surroundings = ReviewWindow::readSurroundings(*outcome->changes);
        return outcome;
    }));
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(recentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > maxRecent)
        recent.removeLast();
    settings.setValue(recentKey, recent);
    refreshRecentMenu();
}

void MainWindow::refreshRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(recentKey).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] { open(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace Pd::Gui
