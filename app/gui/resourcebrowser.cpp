// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcebrowser.h"

#include "pluginregistry.h"
#include "reviewwindow.h"

#include <QDirIterator>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <set>

namespace Pd::Gui {

namespace {

enum Role { FileRole = Qt::UserRole, KindRole, NameRole };

QString gitText(const std::optional<GitFileStatus::State> &state)
{
    if (!state)
        return {};
    switch (*state) {
    case GitFileStatus::State::Modified:
        return ResourceBrowser::tr("modified");
    case GitFileStatus::State::New:
        return ResourceBrowser::tr("new");
    case GitFileStatus::State::Deleted:
        return ResourceBrowser::tr("deleted");
    case GitFileStatus::State::Renamed:
        return ResourceBrowser::tr("renamed");
    case GitFileStatus::State::Conflicted:
        return ResourceBrowser::tr("conflicted");
    }
    return {};
}

QColor gitColour(const std::optional<GitFileStatus::State> &state)
{
    if (!state)
        return {};
    switch (*state) {
    case GitFileStatus::State::New:
        return ReviewWindow::colourFor(ResourceChange::Op::Add);
    case GitFileStatus::State::Deleted:
    case GitFileStatus::State::Conflicted:
        return ReviewWindow::colourFor(ResourceChange::Op::Remove);
    case GitFileStatus::State::Renamed:
        return ReviewWindow::colourFor(ResourceChange::Op::Rename);
    case GitFileStatus::State::Modified:
        break;
    }
    return ReviewWindow::colourFor(ResourceChange::Op::Change);
}

QString lintText(const WorkspaceFile &file)
{
    if (file.errors == 0 && file.warnings == 0)
        return QStringLiteral("✓");
    QStringList parts;
    if (file.errors > 0)
        parts << (file.errors == 1 ? ResourceBrowser::tr("1 error")
                                   : ResourceBrowser::tr("%1 errors").arg(file.errors));
    if (file.warnings > 0)
        parts << (file.warnings == 1 ? ResourceBrowser::tr("1 warning")
                                     : ResourceBrowser::tr("%1 warnings").arg(file.warnings));
    return parts.join(QStringLiteral(" · "));
}

// Where a kind goes in its project (or in Global): a plural heading.
QString heading(const std::string &kind)
{
    if (kind == "Dashboard")
        return ResourceBrowser::tr("Dashboards");
    if (kind == "Datasource" || kind == "GlobalDatasource")
        return ResourceBrowser::tr("Datasources");
    if (kind == "Variable" || kind == "GlobalVariable")
        return ResourceBrowser::tr("Variables");
    if (kind == "Secret" || kind == "GlobalSecret")
        return ResourceBrowser::tr("Secrets");
    if (kind == "Folder")
        return ResourceBrowser::tr("Folders");
    if (kind == "Project")
        return ResourceBrowser::tr("Projects");
    return ResourceBrowser::tr("Other");
}

// The expanded items, by their path of texts, to keep them open across a rescan.
void collectExpanded(QTreeWidgetItem *item, const QString &path, std::set<QString> &expanded)
{
    for (int i = 0; i < item->childCount(); ++i) {
        QTreeWidgetItem *child = item->child(i);
        const QString childPath = path + u'/' + child->text(0);
        if (child->isExpanded())
            expanded.insert(childPath);
        collectExpanded(child, childPath, expanded);
    }
}

void restoreExpanded(QTreeWidgetItem *item, const QString &path, const std::set<QString> &expanded,
                     bool firstScan)
{
    for (int i = 0; i < item->childCount(); ++i) {
        QTreeWidgetItem *child = item->child(i);
        const QString childPath = path + u'/' + child->text(0);
        child->setExpanded(firstScan ? child->childCount() > 0 : expanded.contains(childPath));
        restoreExpanded(child, childPath, expanded, firstScan);
    }
}

} // namespace

ResourceBrowser::ResourceBrowser(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_debounce(new QTimer(this))
{
    m_summary->setWordWrap(true);
    setMinimumWidth(320);
    m_tree->setHeaderLabels({tr("Resource"), tr("Lint"), tr("Git")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    // Editors and `git checkout` write many files at once: one rescan for the burst.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &ResourceBrowser::rescan);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_debounce,
            qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString file = item->data(0, FileRole).toString();
        if (!file.isEmpty())
            emit resourceActivated(file, item->data(0, KindRole).toString(),
                                   item->data(0, NameRole).toString());
    });
}

void ResourceBrowser::setFolder(const QString &folder)
{
    m_folder = folder;
    m_tree->clear();
    m_summary->setText(tr("Reading %1…").arg(folder));
    rescan();
}

void ResourceBrowser::rescan()
{
    if (m_scanning) { // the scan running may have missed this change: one more after it
        m_changedMeanwhile = true;
        return;
    }
    m_scanning = true;
    auto *watcher = new QFutureWatcher<Workspace>(this);
    connect(watcher, &QFutureWatcher<Workspace>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_scanning = false;
        const Workspace workspace = watcher->result();
        if (QString::fromStdString(workspace.folder) != m_folder)
            return; // another folder was opened meanwhile
        showWorkspace(workspace);
        watch(workspace);
        emit scanned();
        if (std::exchange(m_changedMeanwhile, false))
            m_debounce->start();
    });
    // Loaded plugins check the specs of the kinds they add, as in `lint`.
    auto schemas = std::make_shared<PluginSchemaRegistry>(PluginRegistry::instance().schemas());
    watcher->setFuture(QtConcurrent::run(
        [folder = m_folder.toStdString(), schemas] { return Workspace::scan(folder, *schemas); }));
}

QTreeWidgetItem *ResourceBrowser::groupFor(const LintedResource &resource,
                                           std::map<QString, QTreeWidgetItem *> &groups)
{
    const bool global = resource.kind.starts_with("Global") || resource.kind == "Project" ||
                        resource.project.empty();
    const QString top =
        global ? tr("Global") : tr("Project %1").arg(QString::fromStdString(resource.project));
    QTreeWidgetItem *&topItem = groups[top];
    if (!topItem) {
        topItem = new QTreeWidgetItem(m_tree, {top});
        QFont bold = topItem->font(0);
        bold.setBold(true);
        topItem->setFont(0, bold);
    }
    const QString key = top + u'/' + heading(resource.kind);
    QTreeWidgetItem *&group = groups[key];
    if (!group)
        group = new QTreeWidgetItem(topItem, {heading(resource.kind)});
    return group;
}

void ResourceBrowser::showWorkspace(const Workspace &workspace)
{
    std::set<QString> expanded;
    const bool firstScan = m_tree->topLevelItemCount() == 0;
    collectExpanded(m_tree->invisibleRootItem(), {}, expanded);
    m_tree->clear();
    std::map<QString, QTreeWidgetItem *> groups;
    std::size_t withErrors = 0;
    std::size_t changed = 0;
    for (const WorkspaceFile &file : workspace.files) {
        withErrors += file.errors > 0;
        changed += file.gitState.has_value();
        const QString path = QString::fromStdString(file.path);
        std::vector<LintedResource> resources = file.resources;
        if (resources.empty()) // a Perses file that does not read: named by its file
            resources.push_back({{}, {}, file.relativePath});
        for (const LintedResource &resource : resources) {
            auto *item = new QTreeWidgetItem(groupFor(resource, groups));
            item->setText(0, QString::fromStdString(resource.name));
            item->setToolTip(0, QString::fromStdString(file.relativePath));
            item->setText(1, lintText(file));
            item->setToolTip(
                1,
                tr("%1 (the file's lint status)").arg(QString::fromStdString(file.relativePath)));
            item->setForeground(
                1, file.errors > 0     ? ReviewWindow::colourFor(ResourceChange::Op::Remove)
                   : file.warnings > 0 ? ReviewWindow::colourFor(ResourceChange::Op::Change)
                                       : ReviewWindow::colourFor(ResourceChange::Op::Add));
            item->setText(2, gitText(file.gitState));
            item->setForeground(2, gitColour(file.gitState));
            item->setData(0, FileRole, path);
            item->setData(0, KindRole, QString::fromStdString(resource.kind));
            item->setData(0, NameRole, QString::fromStdString(resource.name));
        }
    }
    if (!workspace.deletedFiles.empty()) {
        auto *deleted = new QTreeWidgetItem(m_tree, {tr("Deleted in the working copy")});
        for (const std::string &path : workspace.deletedFiles) {
            auto *item = new QTreeWidgetItem(deleted, {QString::fromStdString(path)});
            item->setText(2, gitText(GitFileStatus::State::Deleted));
            item->setForeground(2, gitColour(GitFileStatus::State::Deleted));
        }
        changed += workspace.deletedFiles.size();
    }
    restoreExpanded(m_tree->invisibleRootItem(), {}, expanded, firstScan);
    const QString where = workspace.branch.empty()
                              ? tr("Not in a Git repository")
                              : tr("Branch %1").arg(QString::fromStdString(workspace.branch));
    m_summary->setText(tr("%1 · %2 files · %3 with errors · %4 changed")
                           .arg(where)
                           .arg(workspace.files.size())
                           .arg(withErrors)
                           .arg(changed));
}

// The folder and every folder below it (hidden ones aside), and each Perses file.
void ResourceBrowser::watch(const Workspace &workspace)
{
    QStringList paths{m_folder};
    QDirIterator folders(m_folder, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (folders.hasNext()) {
        const QString folder = folders.next();
        if (!folder.contains(QStringLiteral("/.")))
            paths << folder;
    }
    for (const WorkspaceFile &file : workspace.files)
        paths << QString::fromStdString(file.path);
    const QStringList watched = m_watcher->directories() + m_watcher->files();
    QStringList added;
    for (const QString &path : paths) {
        if (!watched.contains(path))
            added << path;
    }
    if (!added.isEmpty())
        m_watcher->addPaths(added);
}

} // namespace Pd::Gui
