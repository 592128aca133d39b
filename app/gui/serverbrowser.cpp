// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "serverbrowser.h"

#include "persesapi.h"
#include "serverpaths.h"
#include "serversession.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Pd::Gui {

namespace {

constexpr int sessionRole = Qt::UserRole + 10;

QTreeWidgetItem *messageItem(QTreeWidgetItem *parent, const QString &text)
{
    auto *item = new QTreeWidgetItem(parent, {text});
    item->setData(0, ServerBrowser::KindRole, ServerBrowser::Message);
    item->setForeground(0, Qt::gray);
    return item;
}

QTreeWidgetItem *collectionItem(QTreeWidgetItem *parent, const QString &title,
                                const QString &project, ResourceKind kind)
{
    auto *item = new QTreeWidgetItem(parent, {title});
    item->setData(0, ServerBrowser::KindRole, ServerBrowser::Collection);
    item->setData(0, ServerBrowser::ProjectRole, project);
    item->setData(0, ServerBrowser::CollectionRole, int(kind));
    item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    return item;
}

QString displayName(const QJsonObject &resource)
{
    const QString display = resource[u"spec"][u"display"][u"name"].toString();
    const QString name = resource[u"metadata"][u"name"].toString();
    return display.isEmpty() || display == name ? name
                                                : display + QStringLiteral("  (") + name + u')';
}

// A Folder resource's items, nested as they are on the server.
void addFolderItems(QTreeWidgetItem *parent, const QJsonArray &items, const QString &project)
{
    for (const QJsonValue &entry : items) {
        const QString name = entry[u"name"].toString();
        auto *item = new QTreeWidgetItem(parent, {name});
        item->setData(0, ServerBrowser::ProjectRole, project);
        item->setData(0, ServerBrowser::NameRole, name);
        if (entry[u"kind"].toString() == u"Dashboard") {
            item->setData(0, ServerBrowser::KindRole, ServerBrowser::Dashboard);
        } else {
            item->setData(0, ServerBrowser::KindRole, ServerBrowser::Folder);
            addFolderItems(item, entry[u"items"].toArray(), project);
        }
    }
}

} // namespace

ServerBrowser::ServerBrowser(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_searchDelay(new QTimer(this))
{
    m_search->setPlaceholderText(tr("Search dashboards on every server…"));
    m_search->setClearButtonEnabled(true);
    auto *add = new QToolButton(this);
    add->setText(tr("Add Server…"));
    connect(add, &QToolButton::clicked, this, &ServerBrowser::addServerRequested);
    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(add);
    m_tree->setHeaderHidden(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tree);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    connect(m_searchDelay, &QTimer::timeout, this, &ServerBrowser::search);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_tree, &QTreeWidget::itemExpanded, this, &ServerBrowser::expanded);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &ServerBrowser::showMenu);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        ServerSession *session = sessionOf(item);
        if (session && item->data(0, KindRole).toInt() == Dashboard)
            emit openRequested(session, item->data(0, ProjectRole).toString(),
                               item->data(0, NameRole).toString(), false);
        else if (session && item->data(0, KindRole).toInt() == Connection &&
                 session->state() == ServerSession::State::NeedsLogin)
            emit loginRequested(session);
    });
}

void ServerBrowser::addSession(ServerSession *session)
{
    m_sessions.append(session);
    auto *item = new QTreeWidgetItem(m_tree, {session->connection().name});
    item->setData(0, KindRole, Connection);
    item->setData(0, sessionRole, QVariant::fromValue<QObject *>(session));
    connect(session, &ServerSession::stateChanged, this,
            [this, session] { sessionChanged(session); });
    sessionChanged(session);
}

void ServerBrowser::removeSession(ServerSession *session)
{
    delete connectionItem(session);
    m_sessions.removeAll(session);
}

QTreeWidgetItem *ServerBrowser::connectionItem(const ServerSession *session) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, sessionRole).value<QObject *>() == session)
            return item;
    }
    return nullptr;
}

ServerSession *ServerBrowser::sessionOf(const QTreeWidgetItem *item) const
{
    // The server's own item, or a search result that names its server.
    for (; item; item = item->parent()) {
        if (auto *session =
                qobject_cast<ServerSession *>(item->data(0, sessionRole).value<QObject *>()))
            return session;
    }
    return nullptr;
}

void ServerBrowser::sessionChanged(ServerSession *session)
{
    QTreeWidgetItem *item = connectionItem(session);
    if (!item)
        return;
    qDeleteAll(item->takeChildren());
    const QString name = session->connection().name;
    switch (session->state()) {
    case ServerSession::State::Connecting:
        item->setText(0, tr("%1 — connecting…").arg(name));
        break;
    case ServerSession::State::NeedsLogin:
        item->setText(0, tr("%1 — log in").arg(name));
        messageItem(item, session->message().isEmpty() ? tr("Double-click the server to log in.")
                                                       : session->message());
        item->setExpanded(true);
        break;
    case ServerSession::State::Failed:
        item->setText(0, tr("%1 — unreachable").arg(name));
        messageItem(item, session->message());
        item->setExpanded(true);
        break;
    case ServerSession::State::Ready:
        item->setText(0,
                      session->user().isEmpty() ? name : tr("%1 — %2").arg(name, session->user()));
        fillProjects(session, item);
        break;
    }
}

void ServerBrowser::fillProjects(ServerSession *session, QTreeWidgetItem *item)
{
    collectionItem(item, tr("Global Datasources"), {}, ResourceKind::GlobalDatasource);
    collectionItem(item, tr("Global Variables"), {}, ResourceKind::GlobalVariable);
    ApiReply *reply =
        session->api().get(ServerPaths::list(ResourceKind::Project, {}),
                           {{QStringLiteral("metadata_only"), QStringLiteral("true")}});
    QPointer<QTreeWidget> tree = m_tree;
    connect(reply, &ApiReply::finished, this, [this, reply, session, tree] {
        reply->deleteLater();
        QTreeWidgetItem *parent = connectionItem(session);
        if (!tree || !parent)
            return;
        if (!reply->ok()) {
            messageItem(parent, reply->error());
            return;
        }
        QJsonArray projects = reply->json().array();
        QStringList names;
        for (const QJsonValue &project : projects)
            names << project[u"metadata"][u"name"].toString();
        names.sort(); // list order differs between back ends (§6.3)
        for (const QString &project : std::as_const(names)) {
            auto *projectItem = new QTreeWidgetItem(parent, {project});
            projectItem->setData(0, KindRole, Project);
            projectItem->setData(0, ProjectRole, project);
            collectionItem(projectItem, tr("Dashboards"), project, ResourceKind::Dashboard);
            collectionItem(projectItem, tr("Folders"), project, ResourceKind::Folder);
            collectionItem(projectItem, tr("Datasources"), project, ResourceKind::Datasource);
            collectionItem(projectItem, tr("Variables"), project, ResourceKind::Variable);
            collectionItem(projectItem, tr("Secrets"), project, ResourceKind::Secret);
        }
        parent->setExpanded(true);
    });
}

void ServerBrowser::refreshProject(ServerSession *session, const QString &project)
{
    QTreeWidgetItem *connection = connectionItem(session);
    for (int i = 0; connection && i < connection->childCount(); ++i) {
        QTreeWidgetItem *item = connection->child(i);
        if (item->data(0, KindRole).toInt() != Project ||
            item->data(0, ProjectRole).toString() != project)
            continue;
        for (int c = 0; c < item->childCount(); ++c) {
            QTreeWidgetItem *collection = item->child(c);
            qDeleteAll(collection->takeChildren());
            if (collection->isExpanded())
                fillCollection(collection);
        }
    }
}

void ServerBrowser::expanded(QTreeWidgetItem *item)
{
    if (item->data(0, KindRole).toInt() == Collection && item->childCount() == 0)
        fillCollection(item);
}

void ServerBrowser::fillCollection(QTreeWidgetItem *item)
{
    ServerSession *session = sessionOf(item);
    if (!session)
        return;
    const auto kind = ResourceKind(item->data(0, CollectionRole).toInt());
    const QString project = item->data(0, ProjectRole).toString();
    messageItem(item, tr("Loading…"));
    // Datasources ignore metadata_only (§5.1); for the others it keeps lists small.
    ApiReply *reply = session->api().get(
        ServerPaths::list(kind, project),
        {{QStringLiteral("metadata_only"),
          kind == ResourceKind::Folder ? QStringLiteral("false") : QStringLiteral("true")}});
    QPointer<QTreeWidget> tree = m_tree;
    connect(reply, &ApiReply::finished, this, [reply, item, kind, project, tree] {
        reply->deleteLater();
        if (!tree)
            return;
        qDeleteAll(item->takeChildren());
        if (reply->status() == 404) {
            messageItem(item, QObject::tr("Not offered by this server"));
            return;
        }
        if (!reply->ok()) {
            messageItem(item, reply->error());
            return;
        }
        QList<QJsonObject> resources;
        for (const QJsonValue &value : reply->json().array())
            resources << value.toObject();
        std::sort(
            resources.begin(), resources.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a[u"metadata"][u"name"].toString() < b[u"metadata"][u"name"].toString();
            });
        for (const QJsonObject &resource : std::as_const(resources)) {
            const QString name = resource[u"metadata"][u"name"].toString();
            if (kind == ResourceKind::Folder) {
                auto *folder = new QTreeWidgetItem(item, {displayName(resource)});
                folder->setData(0, ServerBrowser::KindRole, ServerBrowser::Folder);
                folder->setData(0, ServerBrowser::ProjectRole, project);
                folder->setData(0, ServerBrowser::NameRole, name);
                folder->setData(0, ServerBrowser::CollectionRole, int(ResourceKind::Folder));
                addFolderItems(folder, resource[u"spec"][u"items"].toArray(), project);
                continue;
            }
            QString text = displayName(resource);
            if (resource[u"spec"][u"default"].toBool())
                text += QObject::tr(" · default");
            auto *child = new QTreeWidgetItem(item, {text});
            child->setData(0, ServerBrowser::KindRole,
                           kind == ResourceKind::Dashboard ? ServerBrowser::Dashboard
                                                           : ServerBrowser::Resource);
            child->setData(0, ServerBrowser::ProjectRole, project);
            child->setData(0, ServerBrowser::NameRole, name);
            child->setToolTip(0, project.isEmpty() ? name : project + u'/' + name);
        }
        if (resources.isEmpty())
            messageItem(item, QObject::tr("None"));
    });
}

void ServerBrowser::search()
{
    for (int i = m_tree->topLevelItemCount() - 1; i >= 0; --i) {
        if (m_tree->topLevelItem(i)->data(0, KindRole).toInt() == Message)
            delete m_tree->takeTopLevelItem(i);
    }
    const QString text = m_search->text().trimmed();
    if (text.isEmpty())
        return;
    auto *results = new QTreeWidgetItem({tr("Search results for “%1”").arg(text)});
    results->setData(0, KindRole, Message);
    m_tree->insertTopLevelItem(0, results);
    results->setExpanded(true);
    for (const QPointer<ServerSession> &session : std::as_const(m_sessions)) {
        if (!session || session->state() != ServerSession::State::Ready)
            continue;
        ApiReply *reply = session->api().get(QStringLiteral("/api/v1/search/dashboards"),
                                             {{QStringLiteral("query"), text}});
        QPointer<QTreeWidget> tree = m_tree;
        QPointer<ServerSession> owner = session;
        connect(reply, &ApiReply::finished, this, [this, reply, owner, tree, text] {
            reply->deleteLater();
            if (!tree || !owner || m_search->text().trimmed() != text ||
                m_tree->topLevelItemCount() == 0)
                return;
            QTreeWidgetItem *found = m_tree->topLevelItem(0);
            for (const QJsonValue &hit : reply->json().array()) {
                const QString project = hit[u"metadata"][u"project"].toString();
                const QString name = hit[u"metadata"][u"name"].toString();
                const QString display = hit[u"displayName"].toString();
                auto *item = new QTreeWidgetItem(
                    found, {(display.isEmpty() ? name : display) + QStringLiteral("  — ") +
                            owner->connection().name + u' ' + project});
                item->setData(0, KindRole, Dashboard);
                item->setData(0, ProjectRole, project);
                item->setData(0, NameRole, name);
                // Search results belong to a server too: remembered on the item itself.
                item->setData(0, sessionRole, QVariant::fromValue<QObject *>(owner.data()));
            }
        });
    }
}

void ServerBrowser::showMenu(const QPoint &at)
{
    QTreeWidgetItem *item = m_tree->itemAt(at);
    if (!item)
        return;
    ServerSession *session = sessionOf(item);
    if (!session)
        return;
    const QString project = item->data(0, ProjectRole).toString();
    const QString name = item->data(0, NameRole).toString();
    QMenu menu(this);
    switch (item->data(0, KindRole).toInt()) {
    case Dashboard:
        menu.addAction(tr("Open"), this,
                       [=, this] { emit openRequested(session, project, name, false); });
        menu.addAction(tr("Edit"), this,
                       [=, this] { emit openRequested(session, project, name, true); });
        menu.addSeparator();
        menu.addAction(tr("Move to Folder…"), this,
                       [=, this] { emit moveRequested(session, project, name); });
        menu.addAction(tr("Rename…"), this,
                       [=, this] { emit renameRequested(session, project, name); });
        menu.addAction(tr("Delete…"), this,
                       [=, this] { emit deleteRequested(session, project, name); });
        break;
    case Collection:
        if (ResourceKind(item->data(0, CollectionRole).toInt()) != ResourceKind::Folder)
            return;
        menu.addAction(tr("New Folder…"), this,
                       [=, this] { emit newFolderRequested(session, project); });
        break;
    case Folder:
        // A Folder resource (a folder inside one is part of its items).
        if (item->data(0, CollectionRole).toInt() != int(ResourceKind::Folder))
            return;
        menu.addAction(tr("Rename…"), this,
                       [=, this] { emit renameFolderRequested(session, project, name); });
        break;
    case Project:
        menu.addAction(tr("New Dashboard…"), this,
                       [=, this] { emit createRequested(session, project); });
        menu.addAction(tr("Export to Folder…"), this,
                       [=, this] { emit exportRequested(session, project); });
        menu.addAction(tr("Refresh"), this, [=, this] { refreshProject(session, project); });
        break;
    case Connection:
        menu.addAction(tr("Log In…"), this, [=, this] { emit loginRequested(session); });
        menu.addAction(tr("Log Out"), this, [session] { session->logout(); });
        menu.addAction(tr("Refresh"), this, [session] { session->start(); });
        menu.addAction(tr("Publish Folder…"), this, [=, this] { emit publishRequested(session); });
        menu.addSeparator();
        menu.addAction(tr("Remove Server"), this, [=, this] { emit removeRequested(session); });
        break;
    default:
        return;
    }
    menu.exec(m_tree->viewport()->mapToGlobal(at));
}

} // namespace Pd::Gui
