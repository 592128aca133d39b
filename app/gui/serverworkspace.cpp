// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "serverworkspace.h"

#include "canonicalorder.h"
#include "conflictdialog.h"
#include "credentialstore.h"
#include "dashboardpublisher.h"
#include "devicelogin.h"
#include "editorpage.h"
#include "folderedits.h"
#include "jsonwriter.h"
#include "mainwindow.h"
#include "newdashboard.h"
#include "persesapi.h"
#include "resourcefile.h"
#include "serverbrowser.h"
#include "serverdialog.h"
#include "servermirror.h"
#include "serverpaths.h"
#include "serverpull.h"
#include "serverpush.h"
#include "serversession.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Pd::Gui {

namespace {

// What a worker thread needs to talk to the server as the session does: its own PersesApi,
// since a QNetworkAccessManager belongs to one thread.
struct ServerAccess
{
    QString url;
    QString caFile;
    bool insecure = false;
    AuthTokens tokens;

    explicit ServerAccess(ServerSession &session)
        : url(session.connection().url)
        , caFile(session.connection().caFile)
        , insecure(session.connection().insecure)
        , tokens(session.api().tokens())
    {}
    std::unique_ptr<PersesApi> open() const
    {
        auto api = std::make_unique<PersesApi>(url);
        api->setTls(caFile, insecure);
        api->setTokens(tokens);
        return api;
    }
};

// Runs `work` on the thread pool and `done` with its result on the GUI thread.
template <typename Result, typename Work, typename Done>
void inBackground(QObject *context, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

std::optional<Node> readNode(const QByteArray &text, DocumentFormat format)
{
    const ResourceFile file = ResourceReader::readText(text.toStdString(), "server", format);
    if (file.hasErrors() || file.resources.size() != 1)
        return std::nullopt;
    return file.resources.front().node;
}

} // namespace

ServerWorkspace::ServerWorkspace(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_dock(new QDockWidget(tr("Servers"), window))
    , m_browser(new ServerBrowser(m_dock))
{
    m_dock->setObjectName(QStringLiteral("serversDock"));
    m_dock->setWidget(m_browser);
    connect(m_browser, &ServerBrowser::addServerRequested, this, &ServerWorkspace::addServerDialog);
    connect(m_browser, &ServerBrowser::openRequested, this, &ServerWorkspace::openDashboard);
    connect(m_browser, &ServerBrowser::loginRequested, this, &ServerWorkspace::login);
    connect(m_browser, &ServerBrowser::removeRequested, this, &ServerWorkspace::removeConnection);
    connect(m_browser, &ServerBrowser::createRequested, this, &ServerWorkspace::createDashboard);
    connect(m_browser, &ServerBrowser::renameRequested, this, &ServerWorkspace::renameDashboard);
    connect(m_browser, &ServerBrowser::deleteRequested, this, &ServerWorkspace::deleteDashboard);
    connect(m_browser, &ServerBrowser::exportRequested, this, &ServerWorkspace::exportProject);
    connect(m_browser, &ServerBrowser::publishRequested, this, &ServerWorkspace::publishFolder);
    connect(m_browser, &ServerBrowser::newFolderRequested, this, &ServerWorkspace::newFolder);
    connect(m_browser, &ServerBrowser::renameFolderRequested, this, &ServerWorkspace::renameFolder);
    connect(m_browser, &ServerBrowser::moveRequested, this, &ServerWorkspace::moveDialog);
    connect(&CredentialStore::instance(), &CredentialStore::persistenceChanged, this, [this] {
        m_window->statusBar()->showMessage(
            tr("No system keyring (%1): server sessions and datasource header values are kept "
               "in memory only and end when Perses Desktop quits.")
                .arg(CredentialStore::instance().keyringProblem()));
    });
}

ServerWorkspace::~ServerWorkspace() = default;

void ServerWorkspace::loadConnections()
{
    QString problem;
    for (const ServerConnection &connection : ServerConnections::load(&problem))
        addConnection(connection, false);
    if (!problem.isEmpty())
        m_window->statusBar()->showMessage(problem);
}

ServerSession *ServerWorkspace::addConnection(const ServerConnection &connection, bool remember)
{
    auto *session = new ServerSession(connection, this);
    m_sessions.push_back(session);
    m_browser->addSession(session);
    if (connection.insecure)
        m_window->statusBar()->showMessage(
            tr("%1: TLS certificates are not verified (insecure connection).")
                .arg(connection.name));
    if (remember)
        saveConnections();
    session->start();
    return session;
}

void ServerWorkspace::saveConnections()
{
    std::vector<ServerConnection> connections;
    for (const ServerSession *session : m_sessions)
        connections.push_back(session->connection());
    if (const QString problem = ServerConnections::save(connections); !problem.isEmpty())
        m_window->statusBar()->showMessage(problem);
}

void ServerWorkspace::addServerDialog()
{
    ServerDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ServerSession *session = addConnection(dialog.connection(), true);
    connect(
        session, &ServerSession::stateChanged, this,
        [this, session] {
            if (session->state() == ServerSession::State::NeedsLogin &&
                session->message().isEmpty())
                login(session);
        },
        Qt::SingleShotConnection);
}

void ServerWorkspace::removeConnection(ServerSession *session)
{
    if (QMessageBox::question(m_window, tr("Remove server"),
                              tr("Remove %1 from the list? Its stored session is forgotten.")
                                  .arg(session->connection().name)) != QMessageBox::Yes)
        return;
    CredentialStore::instance().forget(session->connection());
    m_browser->removeSession(session);
    std::erase(m_sessions, session);
    session->deleteLater();
    saveConnections();
}

void ServerWorkspace::login(ServerSession *session)
{
    const ServerConnection &connection = session->connection();
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Log in to %1").arg(connection.name));
    auto *user = new QLineEdit(connection.username, &dialog);
    auto *secret = new QLineEdit(&dialog);
    secret->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout(&dialog);
    const bool token = connection.authentication == ServerConnection::Authentication::Token;
    if (!token)
        form->addRow(tr("User name:"), user);
    form->addRow(token ? tr("Token:") : tr("Password:"), secret);
    if (!session->message().isEmpty())
        form->addRow(new QLabel(session->message(), &dialog));
    if (!CredentialStore::instance().isPersistent())
        form->addRow(
            new QLabel(tr("No system keyring: the session lasts until you quit."), &dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    // The server's identity providers, through the device flow: no password here at all.
    std::optional<ServerSession::Provider> chosen;
    for (const ServerSession::Provider &provider : session->providers()) {
        QPushButton *button = buttons->addButton(tr("Log in with %1…").arg(provider.name),
                                                 QDialogButtonBox::ActionRole);
        connect(button, &QPushButton::clicked, &dialog, [&dialog, &chosen, provider] {
            chosen = provider;
            dialog.accept();
        });
    }
    form->addRow(buttons);
    (token ? secret : user->text().isEmpty() ? user : secret)->setFocus();
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (chosen) {
        deviceLogin(session, *chosen);
        return;
    }
    if (token)
        session->useToken(secret->text().trimmed().toUtf8());
    else
        session->login(user->text().trimmed(), secret->text());
}

void ServerWorkspace::deviceLogin(ServerSession *session, const ServerSession::Provider &provider)
{
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Log in with %1").arg(provider.name));
    auto *layout = new QVBoxLayout(dialog);
    auto *text = new QLabel(tr("Asking %1 for a code…").arg(provider.name), dialog);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *code = new QLabel(dialog);
    code->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: bold;"));
    code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *browser = buttons->addButton(tr("Open the Browser"), QDialogButtonBox::ActionRole);
    browser->setEnabled(false);
    layout->addWidget(text);
    layout->addWidget(code, 0, Qt::AlignCenter);
    layout->addWidget(buttons);
    DeviceLogin *login = session->loginWithDevice(provider);
    connect(dialog, &QDialog::finished, login, &QObject::deleteLater);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    dialog->setMinimumWidth(480);
    connect(login, &DeviceLogin::codeReady, dialog,
            [dialog, text, code, browser](const QString &userCode, const QString &page,
                                          const QString &complete) {
                text->setText(tr("Open %1 in a browser, sign in, and enter this code. This "
                                 "window closes once you are through.")
                                  .arg(page));
                code->setText(userCode);
                browser->setEnabled(true);
                dialog->adjustSize(); // the text grew
                QObject::connect(browser, &QPushButton::clicked, browser, [page, complete] {
                    QDesktopServices::openUrl(QUrl(complete.isEmpty() ? page : complete));
                });
            });
    connect(login, &DeviceLogin::succeeded, dialog, &QDialog::accept);
    connect(login, &DeviceLogin::failed, dialog, [text, code](const QString &message) {
        code->clear();
        text->setText(message);
    });
    dialog->show();
}

void ServerWorkspace::openDashboard(ServerSession *session, const QString &project,
                                    const QString &name, bool edit)
{
    const ServerMirror mirror(session->connection().name);
    const ServerAccess access(*session);
    m_window->statusBar()->showMessage(
        tr("Opening %1/%2 from %3…").arg(project, name, session->connection().name));
    QPointer<ServerSession> guard(session);
    // Pulled, adopted and read off the GUI thread: only the opening happens on it.
    struct Opened
    {
        QString problem;
        ServerMirror::Adopted adopted = ServerMirror::Adopted::Missing;
        std::map<std::string, Node> saved;
    };
    inBackground<Opened>(
        this,
        [access, mirror, project, name] {
            const std::unique_ptr<PersesApi> api = access.open();
            ServerPull::Options dashboard{project, name, mirror.incomingFolder()};
            ServerPull::Options resources{project, {}, mirror.root()};
            resources.resourcesOnly = true;
            Opened opened;
            for (const ServerPull::Options &options : {dashboard, resources}) {
                opened.problem = ServerPull::run(*api, options).error;
                if (!opened.problem.isEmpty())
                    return opened;
            }
            ServerMirror adopting = mirror;
            opened.adopted = adopting.adopt(project, name);
            opened.saved = mirror.savedDatasourcePlugins(project, name);
            return opened;
        },
        [this, guard, mirror, project, name, edit](const Opened &opened) {
            if (!guard)
                return;
            if (!opened.problem.isEmpty()) {
                m_window->statusBar()->clearMessage();
                QMessageBox::warning(
                    m_window, tr("Cannot open"),
                    tr("%1/%2 from %3: %4")
                        .arg(project, name, guard->connection().name, opened.problem));
                return;
            }
            const ServerMirror::Adopted adopted = opened.adopted;
            ServerOrigin origin{guard, project, name, {}, opened.saved};
            guard->may(QStringLiteral("update"), project, QStringLiteral("Dashboard"),
                       &origin.readOnlyReason);
            const QString working = mirror.workingFile(project, name);
            m_window->openServerDashboard(working,
                                          {mirror.root() + u'/' + project + u"/datasources",
                                           mirror.root() + u'/' + project + u"/variables",
                                           mirror.root() + u"/globaldatasources",
                                           mirror.root() + u"/globalvariables"},
                                          origin, edit);
            if (!origin.readOnlyReason.isEmpty()) {
                emit dashboardOpened(working); // the window said why it is read-only
                return;
            }
            m_window->statusBar()->showMessage(
                adopted == ServerMirror::Adopted::KeptUnpublished
                    ? tr("Your unpublished changes to %1/%2 are kept; saving checks what "
                         "changed on the server meanwhile.")
                          .arg(project, name)
                    : tr("%1/%2 from %3").arg(project, name, guard->connection().name),
                10000);
            emit dashboardOpened(working);
        });
}

DashboardPublisher *ServerWorkspace::publisherFor(const ServerOrigin &origin)
{
    const ServerMirror mirror(origin.session->connection().name);
    const QString working = mirror.workingFile(origin.project, origin.name);
    DashboardPublisher *&publisher = m_publishers[working];
    if (!publisher)
        publisher = new DashboardPublisher(&origin.session->api(), mirror, origin.project,
                                           origin.name, origin.session);
    return publisher;
}

void ServerWorkspace::publish(EditorPage *editor, const ServerOrigin &origin, bool overwrite)
{
    if (!origin.session)
        return;
    DashboardPublisher *publisher = publisherFor(origin);
    const QString working =
        ServerMirror(origin.session->connection().name).workingFile(origin.project, origin.name);
    disconnect(publisher, nullptr, this, nullptr);
    QPointer<EditorPage> guard(editor);
    const QString where = origin.project + u'/' + origin.name;
    connect(publisher, &DashboardPublisher::published, this,
            [this, working, where](qint64 version) {
                const QString message =
                    tr("Saved %1 to the server (version %2).").arg(where).arg(version);
                m_window->statusBar()->showMessage(message, 10000);
                emit publishFinished(working, true, message);
            });
    QPointer<ServerSession> session = origin.session;
    connect(publisher, &DashboardPublisher::failed, this,
            [this, working, where, session](const QString &problem) {
                const bool loggedOut =
                    session && session->state() == ServerSession::State::NeedsLogin;
                const QString message =
                    loggedOut ? tr("Saved %1 on this computer, not on the server: %2. Log in "
                                   "again (double-click the server), then save.")
                                    .arg(where, problem)
                              : tr("Saved %1 on this computer, not on the server: %2. Save "
                                   "again to retry.")
                                    .arg(where, problem);
                m_window->statusBar()->showMessage(message);
                emit publishFinished(working, false, message);
            });
    connect(publisher, &DashboardPublisher::conflicted, this,
            [this, guard, origin, working](const QByteArray &theirs) {
                if (guard)
                    resolveConflict(guard, origin, theirs);
                else
                    emit publishFinished(working, false, tr("conflict"));
            });
    m_window->statusBar()->showMessage(tr("Saving %1 to the server…").arg(where));
    publisher->publish(overwrite);
}

void ServerWorkspace::resolveConflict(EditorPage *editor, const ServerOrigin &origin,
                                      const QByteArray &theirs)
{
    ServerMirror mirror(origin.session->connection().name);
    const QString working = mirror.workingFile(origin.project, origin.name);
    QFile baseFile(mirror.baseFile(origin.project, origin.name));
    QFile workingFile(working);
    baseFile.open(QIODevice::ReadOnly);
    workingFile.open(QIODevice::ReadOnly);
    const std::optional<Node> base = readNode(baseFile.readAll(), DocumentFormat::Yaml);
    const std::optional<Node> mine = readNode(workingFile.readAll(), DocumentFormat::Yaml);
    const std::optional<Node> their = readNode(theirs, DocumentFormat::Json);
    if (!base || !mine || !their) {
        emit publishFinished(working, false, tr("the versions to compare do not read"));
        return;
    }
    ConflictDialog dialog(origin.project + u'/' + origin.name, *base, *their, *mine, m_window);
    dialog.setObjectName(QStringLiteral("conflictDialog"));
    const int accepted = dialog.exec();
    const ConflictDialog::Choice choice =
        accepted == QDialog::Accepted ? dialog.choice() : ConflictDialog::Cancel;
    switch (choice) {
    case ConflictDialog::Cancel:
        emit publishFinished(working, false,
                             tr("Not saved to the server: it has changes of someone else."));
        return;
    case ConflictDialog::Overwrite:
        publish(editor, origin, true);
        return;
    case ConflictDialog::TakeTheirs:
        mirror.setBase(origin.project, origin.name, theirs, true);
        editor->reloadFromDisk();
        emit publishFinished(working, false, tr("Took the server's version."));
        return;
    case ConflictDialog::Merge:
        break;
    }
    // The merge becomes the working copy and theirs the base: the next save publishes it.
    mirror.setBase(origin.project, origin.name, theirs, false);
    std::vector<Node> merged{dialog.merge().merged};
    QFile out(working);
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        out.write(QByteArray::fromStdString(CanonicalOrder::write(merged, DocumentFormat::Yaml)));
    out.close();
    editor->reloadFromDisk();
    const QString message =
        dialog.merge().isClean()
            ? tr("Merged with their changes. Review, then save to publish.")
            : tr("Merged; where you both changed the same thing yours was kept (%n place(s)). "
                 "Review, then save to publish.",
                 nullptr, int(dialog.merge().conflicts.size()));
    m_window->statusBar()->showMessage(message);
    emit publishFinished(working, false, message);
}

void ServerWorkspace::createDashboard(ServerSession *session, const QString &project)
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(m_window, tr("New dashboard"), tr("Name (letters, digits, _ . -):"),
                              QLineEdit::Normal, {}, &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    const std::optional<Node> created = readNode(
        QByteArray::fromStdString(NewDashboard::text(name.toStdString(), project.toStdString(),
                                                     name.toStdString(), DocumentFormat::Yaml)),
        DocumentFormat::Yaml);
    if (!created)
        return;
    ApiReply *reply = session->api().post(ServerPaths::list(ResourceKind::Dashboard, project),
                                          QByteArray::fromStdString(JsonWriter::write(*created)));
    QPointer<ServerSession> guard(session);
    connect(reply, &ApiReply::finished, this, [this, reply, guard, project] {
        reply->deleteLater();
        if (!guard)
            return;
        if (!reply->ok()) {
            QMessageBox::warning(m_window, tr("New dashboard"), reply->error());
            return;
        }
        // The name as the server stored it (lower-cased on most servers).
        const QString stored = reply->json()[u"metadata"][u"name"].toString();
        m_browser->refreshProject(guard, project);
        openDashboard(guard, project, stored, true);
    });
}

void ServerWorkspace::renameDashboard(ServerSession *session, const QString &project,
                                      const QString &name)
{
    bool ok = false;
    const QString renamed =
        QInputDialog::getText(m_window, tr("Rename dashboard"),
                              tr("New name for %1/%2 (the server has no rename: the dashboard is "
                                 "created under the new name, then the old one is deleted):")
                                  .arg(project, name),
                              QLineEdit::Normal, name, &ok)
            .trimmed();
    if (!ok || renamed.isEmpty() || renamed == name)
        return;
    QPointer<ServerSession> guard(session);
    ApiReply *read = session->api().get(ServerPaths::item(ResourceKind::Dashboard, project, name));
    connect(read, &ApiReply::finished, this, [this, read, guard, project, name, renamed] {
        read->deleteLater();
        if (!guard || !read->ok()) {
            QMessageBox::warning(m_window, tr("Rename dashboard"), read->error());
            return;
        }
        QJsonObject dashboard = read->json().object();
        QJsonObject metadata = dashboard.value(u"metadata").toObject();
        metadata[u"name"] = renamed;
        dashboard[u"metadata"] = metadata;
        ApiReply *create = guard->api().post(ServerPaths::list(ResourceKind::Dashboard, project),
                                             QJsonDocument(dashboard).toJson());
        connect(create, &ApiReply::finished, this, [this, create, guard, project, name] {
            create->deleteLater();
            if (!guard || !create->ok()) {
                QMessageBox::warning(m_window, tr("Rename dashboard"), create->error());
                return;
            }
            ApiReply *remove =
                guard->api().remove(ServerPaths::item(ResourceKind::Dashboard, project, name));
            connect(remove, &ApiReply::finished, this, [this, remove, guard, project] {
                remove->deleteLater();
                if (!remove->ok())
                    QMessageBox::warning(m_window, tr("Rename dashboard"),
                                         tr("Created under the new name, but the old one was "
                                            "not deleted: %1")
                                             .arg(remove->error()));
                if (guard)
                    m_browser->refreshProject(guard, project);
            });
        });
    });
}

void ServerWorkspace::deleteDashboard(ServerSession *session, const QString &project,
                                      const QString &name)
{
    if (QMessageBox::warning(m_window, tr("Delete dashboard"),
                             tr("Delete %1/%2 from %3? This cannot be undone on the server.")
                                 .arg(project, name, session->connection().name),
                             QMessageBox::Yes | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    QPointer<ServerSession> guard(session);
    ApiReply *reply =
        session->api().remove(ServerPaths::item(ResourceKind::Dashboard, project, name));
    connect(reply, &ApiReply::finished, this, [this, reply, guard, project] {
        reply->deleteLater();
        if (!reply->ok())
            QMessageBox::warning(m_window, tr("Delete dashboard"), reply->error());
        if (guard)
            m_browser->refreshProject(guard, project);
    });
}

void ServerWorkspace::exportProject(ServerSession *session, const QString &project)
{
    const QString folder = QFileDialog::getExistingDirectory(
        m_window, tr("Export %1 to a folder (a Git working copy)").arg(project));
    if (folder.isEmpty())
        return;
    const ServerAccess access(*session);
    m_window->statusBar()->showMessage(tr("Exporting %1…").arg(project));
    inBackground<ServerPull::Result>(
        this,
        [access, project, folder] {
            const std::unique_ptr<PersesApi> api = access.open();
            return ServerPull::run(*api, {project, {}, folder});
        },
        [this, folder](const ServerPull::Result &result) {
            std::size_t written = 0;
            for (const ServerPull::File &file : result.files)
                written += file.written;
            if (!result.error.isEmpty())
                QMessageBox::warning(m_window, tr("Export"), result.error);
            m_window->statusBar()->showMessage(tr("Exported %1 resources to %2 (%3 written).")
                                                   .arg(result.files.size())
                                                   .arg(folder)
                                                   .arg(written));
        });
}

void ServerWorkspace::publishFolder(ServerSession *session)
{
    const QString folder = QFileDialog::getExistingDirectory(
        m_window, tr("Publish a folder's resources to %1").arg(session->connection().name));
    if (folder.isEmpty())
        return;
    const ServerAccess access(*session);
    // Plan first, shown; then applied only when the user agrees.
    inBackground<ServerPush::Plan>(
        this,
        [access, folder] {
            const std::unique_ptr<PersesApi> api = access.open();
            std::vector<std::string> files;
            for (const std::string &file :
                 FileSystemSource::instance().collectFiles(folder.toStdString()))
                files.push_back(file);
            return ServerPush::plan(*api, files);
        },
        [this, access](ServerPush::Plan plan) {
            QStringList lines(plan.errors.begin(), plan.errors.end());
            int changes = 0;
            for (const ServerPush::Item &item : plan.items) {
                static const char *verbs[] = {"create", "update", "leave", "conflict"};
                lines << QString::fromLatin1(verbs[int(item.action)]) + u' ' +
                             ServerPush::describe(item) +
                             (item.detail.isEmpty() ? QString()
                                                    : QStringLiteral(": ") + item.detail);
                changes += item.action == ServerPush::Action::Create ||
                           item.action == ServerPush::Action::Update;
            }
            QMessageBox box(QMessageBox::Question, tr("Publish folder"),
                            plan.hasConflicts()
                                ? tr("Some resources changed on the server since they were "
                                     "pulled: nothing will be sent.")
                                : tr("%n resource(s) to create or update.", nullptr, changes),
                            QMessageBox::Cancel, m_window);
            box.setDetailedText(lines.join(u'\n'));
            QPushButton *publish = nullptr;
            if (!plan.hasConflicts() && plan.errors.empty() && changes > 0)
                publish = box.addButton(tr("Publish"), QMessageBox::AcceptRole);
            box.exec();
            if (!publish || box.clickedButton() != static_cast<QAbstractButton *>(publish))
                return;
            inBackground<QString>(
                this,
                [access, plan]() mutable {
                    const std::unique_ptr<PersesApi> api = access.open();
                    return ServerPush::apply(*api, plan);
                },
                [this](const QString &problem) {
                    if (!problem.isEmpty())
                        QMessageBox::warning(m_window, tr("Publish folder"), problem);
                    else
                        m_window->statusBar()->showMessage(tr("Published."), 10000);
                });
        });
}

void ServerWorkspace::newFolder(ServerSession *session, const QString &project)
{
    bool ok = false;
    const QString title = QInputDialog::getText(m_window, tr("New folder"), tr("Folder name:"),
                                                QLineEdit::Normal, {}, &ok)
                              .trimmed();
    if (!ok || title.isEmpty())
        return;
    // A valid resource name from the title; the title stays the display name.
    QString name = title.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9_.-]+")), QStringLiteral("-"));
    ApiReply *reply =
        session->api().post(ServerPaths::list(ResourceKind::Folder, project),
                            QJsonDocument(FolderEdits::newFolder(project, name, title)).toJson());
    QPointer<ServerSession> guard(session);
    connect(reply, &ApiReply::finished, this, [this, reply, guard, project] {
        reply->deleteLater();
        if (!reply->ok())
            QMessageBox::warning(m_window, tr("New folder"), reply->error());
        if (guard)
            m_browser->refreshProject(guard, project);
    });
}

void ServerWorkspace::renameFolder(ServerSession *session, const QString &project,
                                   const QString &folder)
{
    bool ok = false;
    const QString title =
        QInputDialog::getText(m_window, tr("Rename folder"), tr("New name for %1:").arg(folder),
                              QLineEdit::Normal, folder, &ok)
            .trimmed();
    if (!ok || title.isEmpty())
        return;
    QPointer<ServerSession> guard(session);
    const QString path = ServerPaths::item(ResourceKind::Folder, project, folder);
    ApiReply *read = session->api().get(path);
    connect(read, &ApiReply::finished, this, [this, read, guard, project, path, title] {
        read->deleteLater();
        if (!guard || !read->ok()) {
            QMessageBox::warning(m_window, tr("Rename folder"), read->error());
            return;
        }
        // The display name: the resource name is the server's key, renamed only by a copy.
        QJsonObject resource = read->json().object();
        QJsonObject spec = resource.value(u"spec").toObject();
        QJsonObject display = spec.value(u"display").toObject();
        display[u"name"] = title;
        spec[u"display"] = display;
        resource[u"spec"] = spec;
        ApiReply *write = guard->api().put(path, QJsonDocument(resource).toJson());
        connect(write, &ApiReply::finished, this, [this, write, guard, project] {
            write->deleteLater();
            if (!write->ok())
                QMessageBox::warning(m_window, tr("Rename folder"), write->error());
            if (guard)
                m_browser->refreshProject(guard, project);
        });
    });
}

void ServerWorkspace::moveDialog(ServerSession *session, const QString &project,
                                 const QString &dashboard)
{
    QPointer<ServerSession> guard(session);
    ApiReply *list = session->api().get(ServerPaths::list(ResourceKind::Folder, project));
    connect(list, &ApiReply::finished, this, [this, list, guard, project, dashboard] {
        list->deleteLater();
        if (!guard || !list->ok()) {
            QMessageBox::warning(m_window, tr("Move to folder"), list->error());
            return;
        }
        QStringList folders{tr("(no folder)")};
        for (const QJsonValue &folder : list->json().array())
            folders << folder[u"metadata"][u"name"].toString();
        bool ok = false;
        const QString chosen =
            QInputDialog::getItem(m_window, tr("Move to folder"), tr("Put %1 into:").arg(dashboard),
                                  folders, 0, false, &ok);
        if (!ok)
            return;
        moveDashboard(guard, project, dashboard, chosen == folders.front() ? QString() : chosen,
                      [this, guard, project](const QString &problem) {
                          if (!problem.isEmpty())
                              QMessageBox::warning(m_window, tr("Move to folder"), problem);
                          if (guard)
                              m_browser->refreshProject(guard, project);
                      });
    });
}

void ServerWorkspace::moveDashboard(ServerSession *session, const QString &project,
                                    const QString &dashboard, const QString &folder,
                                    const std::function<void(const QString &)> &done)
{
    QPointer<ServerSession> guard(session);
    ApiReply *list = session->api().get(ServerPaths::list(ResourceKind::Folder, project));
    connect(list, &ApiReply::finished, this, [this, list, guard, project, dashboard, folder, done] {
        list->deleteLater();
        if (!guard || !list->ok())
            return done(list->error());
        // Each folder resource that changes is written; the last answer reports.
        std::vector<QJsonObject> changed;
        for (const QJsonValue &value : list->json().array()) {
            QJsonObject resource = value.toObject();
            const bool target = resource[u"metadata"][u"name"].toString() == folder;
            if (target ? FolderEdits::addDashboard(resource, dashboard)
                       : FolderEdits::removeDashboard(resource, dashboard))
                changed.push_back(resource);
        }
        if (changed.empty())
            return done({});
        auto pending = std::make_shared<int>(int(changed.size()));
        auto firstProblem = std::make_shared<QString>();
        for (const QJsonObject &resource : changed) {
            ApiReply *write =
                guard->api().put(ServerPaths::item(ResourceKind::Folder, project,
                                                   resource[u"metadata"][u"name"].toString()),
                                 QJsonDocument(resource).toJson());
            connect(write, &ApiReply::finished, this, [write, pending, firstProblem, done] {
                write->deleteLater();
                if (!write->ok() && firstProblem->isEmpty())
                    *firstProblem = write->error();
                if (--*pending == 0)
                    done(*firstProblem);
            });
        }
    });
}

} // namespace Pd::Gui
