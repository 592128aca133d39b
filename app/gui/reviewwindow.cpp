// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "reviewwindow.h"

#include "changetext.h"
#include "dashboardbundle.h"
#include "dashboardpage.h"
#include "dashboardview.h"
#include "modeldecoder.h"
#include "panelframe.h"
#include "resourcediff.h"
#include "timerangepicker.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <filesystem>
#include <set>

namespace Pd::Gui {

namespace {

using Op = ResourceChange::Op;

bool isDashboard(const LoadedResource &resource)
{
    return resource.kind == ResourceKind::Dashboard;
}

// The outline a panel gets when several changes touch it: what happened to it as a whole
// first (added, removed), then its key, its content, its place.
int weight(Op op)
{
    switch (op) {
    case Op::Add:
    case Op::Remove:
        return 4;
    case Op::Rename:
        return 3;
    case Op::Change:
        return 2;
    case Op::Move:
        return 1;
    }
    return 0;
}

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

void clearPane(QVBoxLayout *pane)
{
    while (QLayoutItem *item = pane->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

} // namespace

ReviewWindow::ReviewWindow(std::unique_ptr<ChangeSet> changes, DatasourceOverrides overrides,
                           QWidget *parent, SurroundingsByRoot surroundings)
    : QMainWindow(parent)
    , m_changes(std::move(changes))
    , m_overrides(std::move(overrides))
    , m_itemList(new QListWidget(this))
    , m_changeList(new QTreeWidget(this))
    , m_picker(new TimeRangePicker(this))
    , m_beforeLabel(new QLabel(this))
    , m_afterLabel(new QLabel(this))
    , m_beforePane(new QVBoxLayout)
    , m_afterPane(new QVBoxLayout)
{
    setWindowTitle(tr("Review changes — Perses Desktop"));
    resize(1600, 960);
    m_changeList->setColumnCount(3);
    m_changeList->setHeaderLabels({tr("Change"), tr("Where"), tr("What")});
    m_changeList->setRootIsDecorated(false);
    m_changeList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_changeList->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_changeList->setTextElideMode(Qt::ElideMiddle);

    auto *lists = new QSplitter(Qt::Vertical, this);
    lists->addWidget(m_itemList);
    lists->addWidget(m_changeList);
    lists->setSizes({180, 700});

    auto *sidesWidget = new QWidget(this);
    auto *sides = new QHBoxLayout(sidesWidget);
    sides->setContentsMargins(0, 0, 0, 0);
    for (auto [pane, label] :
         {std::pair{m_beforePane, m_beforeLabel}, {m_afterPane, m_afterLabel}}) {
        auto *column = new QVBoxLayout;
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        column->addWidget(label);
        column->addLayout(pane, 1);
        sides->addLayout(column, 1);
    }

    auto *splitter = new QSplitter(this);
    splitter->addWidget(lists);
    splitter->addWidget(sidesWidget);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({420, 1180});
    setCentralWidget(splitter);

    QToolBar *bar = addToolBar(tr("Review"));
    bar->setMovable(false);
    bar->addAction(tr("Previous Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_PageUp), this,
                   [this] { showItem(m_current - 1); });
    bar->addAction(tr("Next Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_PageDown), this,
                   [this] { showItem(m_current + 1); });
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_picker);

    connect(m_itemList, &QListWidget::currentRowChanged, this, &ReviewWindow::showItem);
    connect(m_changeList, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            selectChange(m_changeList->indexOfTopLevelItem(item));
    });
    connect(m_picker, &TimeRangePicker::rangeChanged, this, [this](const TimeRange &range) {
        for (DashboardView *view : {m_before, m_after}) {
            if (view)
                view->setTimeRange(range);
        }
    });
    m_surroundings = std::move(surroundings);
    buildItems();
    if (!m_items.empty())
        m_itemList->setCurrentRow(0);
    showStatus();
}

ReviewWindow::~ReviewWindow() = default;

QColor ReviewWindow::colourFor(Op op)
{
    switch (op) {
    case Op::Add:
        return QColor(0x2d, 0xa4, 0x4e);
    case Op::Remove:
        return QColor(0xd6, 0x3c, 0x3c);
    case Op::Change:
        return QColor(0xe0, 0x9b, 0x12);
    case Op::Move:
        return QColor(0x3d, 0x7e, 0xdc);
    case Op::Rename:
        return QColor(0x8e, 0x5c, 0xd9);
    }
    return {};
}

void ReviewWindow::buildItems()
{
    const std::vector<ComparedFile> &files = m_changes->files();
    for (std::size_t f = 0; f < files.size(); ++f) {
        const ComparedFile &file = files[f];
        if (file.changes.empty())
            continue;
        const QString name = text(file.file.empty() ? file.after.location : file.file);
        std::vector<std::string> dashboards;
        for (const auto *side : {&file.after, &file.before}) {
            for (const LoadedResource &resource : side->resources) {
                const std::string identity = ResourceDiff::identity(resource.node);
                if (isDashboard(resource) &&
                    std::find(dashboards.begin(), dashboards.end(), identity) == dashboards.end())
                    dashboards.push_back(identity);
            }
        }
        const bool several = file.before.resources.size() > 1 || file.after.resources.size() > 1;
        if (dashboards.empty())
            dashboards.emplace_back();
        for (const std::string &identity : dashboards) {
            Item item{f, several ? identity : std::string(), name};
            if (!item.identity.empty())
                item.label += QStringLiteral(" — ") + text(identity.substr(identity.find(' ') + 1));
            const std::size_t count = changesOf(item).size();
            if (count == 0)
                continue;
            m_itemList->addItem(count == 1 ? tr("%1 (1 change)").arg(item.label)
                                           : tr("%1 (%2 changes)").arg(item.label).arg(count));
            m_items.push_back(std::move(item));
        }
    }
    m_itemList->setVisible(m_items.size() > 1);
}

std::vector<const ResourceChange *> ReviewWindow::changesOf(const Item &item) const
{
    std::vector<const ResourceChange *> changes;
    for (const ResourceChange &change : m_changes->files()[item.file].changes) {
        if (change.resource == item.identity)
            changes.push_back(&change);
    }
    return changes;
}

void ReviewWindow::showItem(int index)
{
    if (index < 0 || index >= itemCount())
        return;
    if (m_itemList->currentRow() != index) {
        m_itemList->setCurrentRow(index); // comes back here
        return;
    }
    m_current = index;
    // The old views go with their panes; nothing may reach them meanwhile.
    m_before = nullptr;
    m_after = nullptr;
    const Item &item = m_items[std::size_t(index)];
    const ComparedFile &file = m_changes->files()[item.file];
    m_before = showSide(file.before, item, m_beforePane, m_beforeLabel, tr("Before"));
    m_after = showSide(file.after, item, m_afterPane, m_afterLabel, tr("After"));
    fillChangeList(item);
    markPanels(item);
    showStatus();
}

DashboardView *ReviewWindow::showSide(const ComparedSide &side, const Item &item, QVBoxLayout *pane,
                                      QLabel *label, const QString &which)
{
    clearPane(pane);
    label->setText(which + QStringLiteral(": ") + text(side.location));
    const LoadedResource *found = nullptr;
    for (const LoadedResource &resource : side.resources) {
        if (isDashboard(resource) &&
            (item.identity.empty() || ResourceDiff::identity(resource.node) == item.identity)) {
            found = &resource;
            break;
        }
    }
    std::optional<Model::Resource> decoded;
    if (found)
        decoded = ModelDecoder::decode(*found);
    auto *dashboard = decoded ? std::get_if<Model::Dashboard>(&*decoded) : nullptr;
    if (!dashboard) {
        auto *message = new QLabel(side.exists ? tr("No dashboard in this version.")
                                               : tr("The file does not exist in this version."));
        message->setAlignment(Qt::AlignCenter);
        message->setEnabled(false);
        pane->addWidget(message);
        return nullptr;
    }
    if (side.exists && &side == &m_changes->files()[item.file].after)
        m_picker->setRange(QStringLiteral("now-") + text(dashboard->spec.duration),
                           QStringLiteral("now"));
    const Surroundings &around = surroundingsOf(side.location);
    DashboardQueryEngine::Settings settings;
    settings.range = m_picker->resolved();
    settings.timezoneOffsetSeconds = localTimezoneOffsetSeconds(currentTimeMs());
    auto *view = new DashboardView(std::move(*dashboard), around.datasources, around.variables,
                                   m_overrides, settings);
    connect(view, &DashboardView::timeRangeRequested, m_picker, &TimeRangePicker::setAbsolute);
    pane->addWidget(view);
    return view;
}

// The tree a version's datasources and shared variables come from: its revision's, or the
// working copy's (files in it that do not read are passed over).
std::string ReviewWindow::rootOf(const std::string &location, SourceResolver &resolver)
{
    if (const auto revision = SourceResolver::splitRevisionPath(location))
        return revision->revision + ':';
    if (auto git = resolver.repository(); std::holds_alternative<const GitRepository *>(git) &&
                                          !std::get<const GitRepository *>(git)->isBare())
        return std::get<const GitRepository *>(git)->workdir();
    return location;
}

ReviewWindow::SurroundingsByRoot ReviewWindow::readSurroundings(ChangeSet &changes)
{
    SurroundingsByRoot found;
    for (const ComparedFile &file : changes.files()) {
        for (const ComparedSide *side : {&file.before, &file.after}) {
            if (file.changes.empty() || !side->exists)
                continue;
            const std::string root = rootOf(side->location, changes.resolver());
            if (found.contains(root))
                continue;
            DashboardBundle bundle;
            if (auto where = changes.resolver().resolve(root);
                std::holds_alternative<SourcedPath>(where))
                bundle.add(std::get<SourcedPath>(where), false, true);
            found[root] = {std::move(bundle.datasources), std::move(bundle.variables)};
        }
    }
    return found;
}

// Read beforehand off the GUI thread (MainWindow::review); read here only when not.
const ReviewWindow::Surroundings &ReviewWindow::surroundingsOf(const std::string &location)
{
    const std::string root = rootOf(location, m_changes->resolver());
    if (const auto known = m_surroundings.find(root); known != m_surroundings.end())
        return known->second;
    DashboardBundle bundle;
    if (auto where = m_changes->resolver().resolve(root);
        std::holds_alternative<SourcedPath>(where))
        bundle.add(std::get<SourcedPath>(where), false, true);
    Surroundings &found = m_surroundings[root];
    found.datasources = std::move(bundle.datasources);
    found.variables = std::move(bundle.variables);
    return found;
}

void ReviewWindow::fillChangeList(const Item &item)
{
    m_changeList->clear();
    for (const ResourceChange *change : changesOf(item)) {
        auto *row = new QTreeWidgetItem(m_changeList);
        row->setText(0, QString(QLatin1Char(ChangeText::marker(change->op))) + QLatin1Char(' ') +
                            QString::fromLatin1(ResourceChange::opName(change->op)));
        row->setForeground(0, colourFor(change->op));
        row->setText(1, text(ChangeText::subject(*change)));
        row->setText(2, text(ChangeText::detail(*change, " → ")));
        row->setToolTip(2, row->text(2));
    }
}

void ReviewWindow::markPanels(const Item &item)
{
    std::map<std::string, Op> after;
    std::map<std::string, Op> before;
    std::map<std::string, std::string> oldKey;
    const std::vector<const ResourceChange *> changes = changesOf(item);
    for (const ResourceChange *change : changes) {
        if (change->op == Op::Rename && change->oldValue)
            oldKey[*change->panel] = change->oldValue->text();
    }
    auto mark = [](std::map<std::string, Op> &marks, const std::string &key, Op op) {
        const auto known = marks.find(key);
        if (known == marks.end() || weight(op) > weight(known->second))
            marks[key] = op;
    };
    for (const ResourceChange *change : changes) {
        if (!change->panel)
            continue;
        const std::string &key = *change->panel;
        const auto renamed = oldKey.find(key);
        const std::string &previous = renamed == oldKey.end() ? key : renamed->second;
        const bool whole = change->isWholePanel();
        if (!(whole && change->op == Op::Remove))
            mark(after, key, change->op);
        if (!(whole && change->op == Op::Add))
            mark(before, previous, change->op);
    }
    for (auto [view, marks] : {std::pair{m_before, &before}, {m_after, &after}}) {
        if (!view)
            continue;
        for (PanelFrame *frame : view->frames()) {
            const auto found = marks->find(frame->panelId().toStdString());
            frame->setOutline(found == marks->end() ? QColor() : colourFor(found->second));
        }
    }
}

void ReviewWindow::selectChange(int row)
{
    if (m_current < 0)
        return;
    const std::vector<const ResourceChange *> changes = changesOf(m_items[std::size_t(m_current)]);
    if (row < 0 || row >= int(changes.size()))
        return;
    if (m_changeList->currentItem() != m_changeList->topLevelItem(row))
        m_changeList->setCurrentItem(m_changeList->topLevelItem(row));
    const ResourceChange &change = *changes[std::size_t(row)];
    if (!change.panel)
        return;
    std::string previous = *change.panel;
    for (const ResourceChange *other : changes) {
        if (other->op == Op::Rename && other->panel == change.panel && other->oldValue)
            previous = other->oldValue->text();
    }
    if (m_before)
        m_before->scrollToPanel(previous);
    if (m_after)
        m_after->scrollToPanel(*change.panel);
}

void ReviewWindow::showStatus()
{
    if (m_items.empty()) {
        statusBar()->showMessage(tr("No dashboard changes."));
        return;
    }
    statusBar()->showMessage(
        tr("Dashboard %1 of %2 · %3 changes · offline: files and revisions read from disk and "
           "the Git object database")
            .arg(m_current + 1)
            .arg(itemCount())
            .arg(m_current >= 0 ? changesOf(m_items[std::size_t(m_current)]).size() : 0));
}

} // namespace Pd::Gui
