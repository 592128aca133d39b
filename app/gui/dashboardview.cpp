// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardview.h"

#include "jsonbridge.h"
#include "panelframe.h"
#include "theme.h"
#include "variableinterpolator.h"
#include "variableresolver.h"

#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

#include <algorithm>
#include <set>

namespace Pd::Gui {

DashboardView::DashboardView(Model::Dashboard dashboard, std::vector<Model::Datasource> datasources,
                             std::vector<Model::Variable> variables, DatasourceOverrides overrides,
                             DashboardQueryEngine::Settings settings, QWidget *parent)
    : QScrollArea(parent)
    , m_engine(std::make_unique<DashboardQueryEngine>(std::move(dashboard), std::move(datasources),
                                                      std::move(variables), std::move(overrides),
                                                      std::move(settings)))
    , m_canvas(new QWidget)
{
    setWidget(m_canvas);
    setWidgetResizable(false);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_engine.get(), &DashboardQueryEngine::panelFinished, this,
            &DashboardView::onPanelFinished);
    connect(m_engine.get(), &DashboardQueryEngine::requestsChanged, this,
            &DashboardView::emitStatus);
    connect(m_engine.get(), &DashboardQueryEngine::annotationsChanged, this,
            &DashboardView::showAnnotations);
    // Queued: the change that resolved them may come from a control this rebuild deletes.
    connect(m_engine.get(), &DashboardQueryEngine::variablesResolved, this,
            [this] { m_layoutPending = true; });
    connect(
        m_engine.get(), &DashboardQueryEngine::variablesResolved, this,
        [this] {
            m_layoutPending = false;
            expandLayout();
            // Markdown and titles read variables: they are drawn again now.
            for (auto &[id, frame] : m_frames) {
                frame->updateTitle();
                if (!frame->takesQueries())
                    frame->setResult(nullptr, timeRange().fromMs, timeRange().toMs);
            }
            relayout();
        },
        Qt::QueuedConnection);
    for (const Model::Annotation &annotation : m_engine->dashboard().spec.annotations) {
        if (annotation.hidden)
            m_hiddenAnnotations.insert(annotation.display.name);
    }
    // Variables are asked for first: their requests travel while the frames are built.
    m_engine->start();
    expandLayout();
    relayout();
}

DashboardView::~DashboardView() = default;

VariableValues DashboardView::valuesFor(const std::string &instanceId) const
{
    VariableValues values = m_engine->variables().values();
    if (const auto it = m_layout.instances.find(instanceId); it != m_layout.instances.end()) {
        for (const auto &[variable, value] : it->second.pinned)
            values[variable] = VariableValue::single(value);
    }
    return values;
}

void DashboardView::expandLayout()
{
    const VariableResolver &variables = m_engine->variables();
    m_layout = expandRepeats(m_engine->dashboard().spec, [&](const std::string &name) {
        std::vector<std::string> values;
        const VariableState *state = variables.state(name);
        if (!state)
            return values;
        const std::vector<std::string> &selected = state->selected.values;
        const bool all = std::find(selected.begin(), selected.end(), "$__all") != selected.end();
        if (!all)
            return selected;
        for (const VariableOption &option : state->options)
            values.push_back(option.value);
        return values;
    });
    m_engine->setPanelInstances(m_layout.instances);
    createFrames();
}

PdPlugin::PanelContext DashboardView::contextFor(const Model::Panel &panel)
{
    PdPlugin::PanelContext context;
    context.kind = QString::fromStdString(panel.plugin.kind);
    context.spec = toQJsonObject(panel.plugin.spec);
    context.panelId = QString::fromStdString(panel.id);
    context.darkTheme = Theme::isDark(palette());
    context.timeZone = QString::fromStdString(m_engine->dashboard().spec.timezone);
    context.seriesPalette = Theme::seriesPalette();
    context.interpolate = [this, id = panel.id](const QString &text) {
        return QString::fromStdString(
            VariableInterpolator::replace(text.toStdString(), valuesFor(id)));
    };
    context.requestTimeRange = [this](qint64 fromMs, qint64 toMs) {
        emit timeRangeRequested(fromMs, toMs);
    };
    context.openUrl = [this](const QUrl &url) { emit linkRequested(url); };
    context.sendToDatasource =
        [this,
         id = panel.id](int query, const PdPlugin::HttpRequest &request,
                        std::function<void(PdPlugin::HttpResponse)> done) -> PdPlugin::CallHandle {
        PdPlugin::HttpTransport *transport =
            query < 0 ? nullptr : m_engine->transportForQuery(id, std::size_t(query));
        return transport ? transport->send(request, std::move(done)) : nullptr;
    };
    // Queued: the panel that asks is in the middle of its own work.
    context.refresh = [this] {
        QMetaObject::invokeMethod(this, &DashboardView::refresh, Qt::QueuedConnection);
    };
    return context;
}

void DashboardView::createFrames()
{
    const Model::DashboardSpec &spec = m_layout.spec;
    // Copies of a repeat whose value is gone leave with their frames.
    for (auto it = m_frames.begin(); it != m_frames.end();) {
        if (spec.panel(it->first)) {
            ++it;
            continue;
        }
        m_ran.erase(it->first);
        m_engine->forgetPanel(it->first); // its copy is gone: no query runs for it
        delete it->second;
        it = m_frames.erase(it);
    }
    for (const Model::GridLayout &layout : spec.layouts) {
        for (const Model::GridItem &item : layout.items) {
            const Model::Panel *panel = spec.panel(item.panelId);
            if (!panel || m_frames.contains(panel->id))
                continue;
            auto *frame = new PanelFrame(*panel, contextFor(*panel), m_canvas);
            connect(frame, &PanelFrame::maximiseRequested, this, [this](const QString &id) {
                const std::string panelId = id.toStdString();
                setMaximised(m_maximised == panelId ? std::nullopt : std::optional(panelId));
            });
            connect(frame, &PanelFrame::historyRequested, this,
                    &DashboardView::panelHistoryRequested);
            frame->setHistoryAvailable(m_historyAvailable);
            connect(frame, &PanelFrame::deleteRequested, this,
                    &DashboardView::panelDeleteRequested);
            connect(frame, &PanelFrame::duplicateRequested, this,
                    &DashboardView::panelDuplicateRequested);
            connect(frame, &PanelFrame::editRequested, this, &DashboardView::panelEditRequested);
            connect(frame, &PanelFrame::linkActivated, this, &DashboardView::linkRequested);
            connect(frame, &PanelFrame::inspectRequested, this,
                    &DashboardView::panelInspectRequested);
            connect(frame, &PanelFrame::exploreRequested, this,
                    &DashboardView::panelExploreRequested);
            frame->setEditable(m_layoutEditable);
            frame->setAnnotations(annotationsFor(panel->id));
            if (m_layoutEditable)
                frame->installEventFilter(this);
            m_frames.emplace(panel->id, frame);
        }
    }
}

std::vector<PdPlugin::AnnotationView>
DashboardView::annotationsFor(const std::string &frameId) const
{
    std::vector<PdPlugin::AnnotationView> events;
    if (!m_engine->annotationsFinished())
        return events;
    const std::vector<AnnotationResult> &annotations = m_engine->annotations();
    const std::string panelId = panelIdOf(frameId); // a copy shows its panel's annotations
    for (const AnnotationResult &annotation : annotations) {
        const bool mine = annotation.panelId.empty()
                              ? !m_hiddenAnnotations.contains(annotation.name)
                              : annotation.panelId == panelId && !annotation.hidden;
        if (!mine)
            continue;
        for (const AnnotationEvent &event : annotation.events) {
            PdPlugin::AnnotationView view;
            view.annotation = QString::fromStdString(annotation.name);
            view.color = Theme::annotationColor(annotation.color);
            view.startMs = event.startMs;
            view.endMs = event.endMs;
            view.title = QString::fromStdString(event.title);
            view.text = QString::fromStdString(event.text);
            for (const auto &[name, value] : event.tags)
                view.tags.append({QString::fromStdString(name), QString::fromStdString(value)});
            events.push_back(std::move(view));
        }
    }
    std::ranges::stable_sort(events, {}, &PdPlugin::AnnotationView::startMs);
    return events;
}

void DashboardView::showAnnotations()
{
    // One hand-over when the last one answers, not one per answer: each redraws the charts.
    if (!m_engine->annotationsFinished())
        return;
    for (auto &[id, frame] : m_frames)
        frame->setAnnotations(annotationsFor(id));
}

void DashboardView::setAnnotationShown(const std::string &name, bool shown)
{
    if (shown)
        m_hiddenAnnotations.erase(name);
    else
        m_hiddenAnnotations.insert(name);
    showAnnotations();
}

bool DashboardView::isAnnotationShown(const std::string &name) const
{
    return !m_hiddenAnnotations.contains(name);
}

void DashboardView::setMaximised(const std::optional<std::string> &panelId)
{
    m_maximised = panelId;
    relayout();
}

namespace {

std::string groupKey(const Model::GridLayout &layout, std::size_t index)
{
    return layout.title ? "title:" + *layout.title : "index:" + std::to_string(index);
}

} // namespace

std::vector<std::optional<bool>> DashboardView::openStates() const
{
    std::vector<std::optional<bool>> states;
    for (std::size_t i = 0; i < m_layout.spec.layouts.size(); ++i) {
        const auto it = m_open.find(groupKey(m_layout.spec.layouts[i], i));
        states.push_back(it == m_open.end() ? std::nullopt : std::optional(it->second));
    }
    return states;
}

void DashboardView::setAllGroupsOpen(bool open)
{
    for (std::size_t i = 0; i < m_layout.spec.layouts.size(); ++i)
        m_open[groupKey(m_layout.spec.layouts[i], i)] = open;
    relayout();
}

void DashboardView::restyle()
{
    for (auto &[id, frame] : m_frames)
        frame->restyle(Theme::isDark(palette()));
}

std::string DashboardView::panelIdOf(const std::string &frameId) const
{
    const auto it = m_layout.instances.find(frameId);
    return it == m_layout.instances.end() ? frameId : it->second.panelId;
}

std::string DashboardView::frameIdFor(const std::string &panelId) const
{
    if (m_frames.contains(panelId))
        return panelId;
    for (const auto &[id, instance] : m_layout.instances) {
        if (instance.panelId == panelId && m_frames.contains(id))
            return id;
    }
    return panelId;
}

void DashboardView::showEvent(QShowEvent *event)
{
    QScrollArea::showEvent(event);
    scheduleRun(); // frames made while hidden (repeats unrolled in the background) run now
}

void DashboardView::relayout()
{
    const int width = viewport()->width();
    const std::vector<LayoutSection> sections =
        DashboardLayout::arrange(m_layout.spec, width, openStates());
    // Not from a header's own signal (clicks relayout through the event loop): safe to delete.
    for (QToolButton *header : m_headers)
        delete header;
    m_headers.clear();
    // A frame that stays where it was is left alone: hiding and showing it again would paint
    // it again, and variables resolving lay out every dashboard once more.
    std::set<PanelFrame *> placed;
    const auto place = [&placed](PanelFrame *frame, const QRect &geometry) {
        frame->setGeometry(geometry);
        frame->show();
        placed.insert(frame);
    };
    const auto hideUnplaced = [&] {
        for (auto &[id, frame] : m_frames) {
            if (!placed.contains(frame))
                frame->hide();
        }
    };
    if (m_maximised && m_frames.contains(frameIdFor(*m_maximised))) {
        place(m_frames.at(frameIdFor(*m_maximised)), QRect(0, 0, width, viewport()->height()));
        hideUnplaced();
        m_canvas->resize(width, viewport()->height());
        scheduleRun();
        return;
    }
    for (std::size_t s = 0; s < sections.size(); ++s) {
        const LayoutSection &section = sections[s];
        if (section.title) {
            auto *header = new QToolButton(m_canvas);
            header->setText(QString::fromStdString(*section.title));
            header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
            header->setArrowType(section.collapsible
                                     ? (section.open ? Qt::DownArrow : Qt::RightArrow)
                                     : Qt::NoArrow);
            header->setAutoRaise(true);
            QFont font = header->font();
            font.setBold(true);
            font.setPointSizeF(font.pointSizeF() * 1.1);
            header->setFont(font);
            // As wide as its title, at the left: a button across the width centres its text,
            // which a group without an arrow then showed as a centred heading.
            header->setGeometry(
                GridGeometry::padding, section.top + 4,
                std::min(header->sizeHint().width(), width - 2 * GridGeometry::padding),
                section.headerHeight - 8);
            if (section.collapsible)
                connect(header, &QToolButton::clicked, this, [this, s, open = section.open] {
                    m_open[groupKey(m_layout.spec.layouts[s], s)] = !open;
                    QTimer::singleShot(0, this, &DashboardView::relayout);
                });
            offerGroupEdits(header, int(s));
            header->show();
            m_headers.push_back(header);
        }
        for (const LayoutPanel &panel : section.panels) {
            const auto it = m_frames.find(panel.panelId);
            if (it == m_frames.end())
                continue;
            place(it->second,
                  QRect(panel.rect.x, panel.rect.y, panel.rect.width, panel.rect.height));
        }
    }
    hideUnplaced();
    m_canvas->resize(width, DashboardLayout::height(sections));
    scheduleRun();
}

int DashboardView::contentHeight() const
{
    return m_canvas->height();
}

void DashboardView::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    relayout();
}

void DashboardView::scrollContentsBy(int dx, int dy)
{
    QScrollArea::scrollContentsBy(dx, dy);
    scheduleRun();
}

void DashboardView::scheduleRun()
{
    if (std::exchange(m_runScheduled, true))
        return;
    QTimer::singleShot(0, this, [this] {
        m_runScheduled = false;
        runVisiblePanels();
    });
}

// A panel runs when it is shown (not in a closed group), has queries, and is in the viewport
// (or every panel runs: render, benchmarks).
bool DashboardView::shouldRun(const PanelFrame *frame) const
{
    const QRect visible(0, verticalScrollBar()->value(), viewport()->width(), viewport()->height());
    return frame->isVisible() && frame->takesQueries() &&
           (m_runAll || frame->geometry().intersects(visible));
}

void DashboardView::runVisiblePanels()
{
    for (auto &[id, frame] : m_frames) {
        if (m_ran.contains(id) || !shouldRun(frame))
            continue;
        m_ran.insert(id);
        frame->setLoading(true);
        m_engine->runPanel(id, frame->contentWidth());
    }
    emitStatus();
}

void DashboardView::onPanelFinished(const QString &panelId)
{
    const auto it = m_frames.find(panelId.toStdString());
    if (it == m_frames.end())
        return;
    it->second->setResult(m_engine->sharedPanelResult(it->first), timeRange().fromMs,
                          timeRange().toMs);
    emitStatus();
    if (isSettled())
        emit settled();
}

bool DashboardView::isSettled() const
{
    for (const auto &[id, frame] : m_frames) {
        if (frame->isLoading())
            return false;
    }
    return true;
}

bool DashboardView::isComplete() const
{
    return m_engine->variables().isResolved() && hasRunAllShown() && isSettled() &&
           m_engine->annotationsFinished();
}

bool DashboardView::hasRunAllShown() const
{
    if (m_layoutPending)
        return false;
    for (const auto &[id, frame] : m_frames) {
        if (shouldRun(frame) && !m_ran.contains(id))
            return false;
    }
    return !m_runScheduled;
}

std::vector<PanelFrame *> DashboardView::frames() const
{
    std::vector<PanelFrame *> frames;
    for (const auto &[id, frame] : m_frames)
        frames.push_back(frame);
    return frames;
}

bool DashboardView::scrollToPanel(const std::string &panelId)
{
    PanelFrame *shown = frame(frameIdFor(panelId));
    if (!shown)
        return false;
    if (shown->isHidden()) // in a collapsed group
        setAllGroupsOpen(true);
    ensureWidgetVisible(shown, 0, 20);
    return true;
}

// In edit mode a group's header has a menu; only when groups are not repeated does a section
// stand for one layout of the text.
void DashboardView::offerGroupEdits(QToolButton *header, int group)
{
    if (!m_layoutEditable || m_layout.spec.layouts.size() != dashboard().spec.layouts.size())
        return;
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header, group](QPoint at) {
        QMenu menu(header);
        menu.addAction(tr("Rename Group…"), this,
                       [this, group] { emit groupEditRequested(group, GroupEdit::Rename); });
        menu.addAction(tr("Move Up"), this,
                       [this, group] { emit groupEditRequested(group, GroupEdit::MoveUp); })
            ->setEnabled(group > 0);
        menu.addAction(tr("Move Down"), this,
                       [this, group] { emit groupEditRequested(group, GroupEdit::MoveDown); })
            ->setEnabled(group + 1 < int(dashboard().spec.layouts.size()));
        menu.addAction(tr("Delete Group"), this,
                       [this, group] { emit groupEditRequested(group, GroupEdit::Delete); });
        QMenu *collapse = menu.addMenu(tr("When the Dashboard Opens"));
        const Model::GridLayout &layout = dashboard().spec.layouts[std::size_t(group)];
        const std::pair<QString, GroupEdit> choices[] = {
            {tr("Open (Collapsible)"), GroupEdit::OpenAtStart},
            {tr("Closed (Collapsible)"), GroupEdit::ClosedAtStart},
            {tr("Always Open"), GroupEdit::Fixed}};
        for (const auto &[label, edit] : choices) {
            QAction *action = collapse->addAction(
                label, this, [this, group, edit] { emit groupEditRequested(group, edit); });
            action->setCheckable(true);
            action->setChecked(edit == (!layout.collapsible ? GroupEdit::Fixed
                                        : layout.open       ? GroupEdit::OpenAtStart
                                                            : GroupEdit::ClosedAtStart));
        }
        menu.exec(header->mapToGlobal(at));
    });
}

void DashboardView::setLayoutEditable(bool editable)
{
    m_layoutEditable = editable;
    relayout(); // group headers get their menus
    for (auto &[id, frame] : m_frames) {
        frame->setEditable(editable);
        if (editable)
            frame->installEventFilter(this);
        else
            frame->removeEventFilter(this);
    }
}

const Model::GridItem *DashboardView::gridItemOf(const std::string &panelId) const
{
    for (const Model::GridLayout &layout : dashboard().spec.layouts) {
        for (const Model::GridItem &item : layout.items) {
            if (item.panelId == panelId)
                return &item;
        }
    }
    return nullptr;
}

// A press on a frame's title bar starts a move, near its bottom right corner a resize; the
// frame follows the mouse, and the release turns the pixels moved into grid steps.
bool DashboardView::eventFilter(QObject *watched, QEvent *event)
{
    auto *frame = qobject_cast<PanelFrame *>(watched);
    if (!frame || !m_layoutEditable)
        return QScrollArea::eventFilter(watched, event);
    constexpr int titleBar = 28;
    constexpr int corner = 14;
    if (event->type() == QEvent::MouseButtonPress) {
        auto *press = static_cast<QMouseEvent *>(event);
        const Model::GridItem *item = gridItemOf(frame->panelId().toStdString());
        if (press->button() != Qt::LeftButton || !item)
            return false;
        const QPoint at = press->position().toPoint();
        if (at.x() > frame->width() - corner && at.y() > frame->height() - corner)
            m_drag = Drag::Resize;
        else if (at.y() < titleBar)
            m_drag = Drag::Move;
        else
            return false;
        m_dragStart = press->globalPosition().toPoint();
        m_dragFrom = frame->geometry();
        m_dragCell = GridCell{item->x, item->y, item->width, item->height};
        frame->raise();
        return true;
    }
    if (m_drag == Drag::None)
        return false;
    if (event->type() == QEvent::MouseMove) {
        const QPoint delta =
            static_cast<QMouseEvent *>(event)->globalPosition().toPoint() - m_dragStart;
        if (m_drag == Drag::Move)
            frame->move(m_dragFrom.topLeft() + delta);
        else
            frame->resize(std::max(40, m_dragFrom.width() + delta.x()),
                          std::max(30, m_dragFrom.height() + delta.y()));
        return true;
    }
    if (event->type() == QEvent::MouseButtonRelease) {
        const QPoint delta =
            static_cast<QMouseEvent *>(event)->globalPosition().toPoint() - m_dragStart;
        const GridGeometry grid(viewport()->width());
        const int columns =
            int(std::lround(delta.x() / (grid.columnWidth() + GridGeometry::margin)));
        const int rows =
            int(std::lround(double(delta.y()) / (GridGeometry::rowHeight + GridGeometry::margin)));
        GridCell cell = m_dragCell;
        if (m_drag == Drag::Move) {
            cell.x = std::clamp(cell.x + columns, 0, GridGeometry::columns - cell.width);
            cell.y = std::max(0, cell.y + rows);
        } else {
            cell.width = std::clamp(cell.width + columns, 1, GridGeometry::columns - cell.x);
            cell.height = std::max(1, cell.height + rows);
        }
        m_drag = Drag::None;
        relayout(); // back where the text says, until the text says otherwise
        if (!(cell == m_dragCell))
            emit panelGeometryEdited(frame->panelId(), cell.x, cell.y, cell.width, cell.height);
        return true;
    }
    return false;
}

void DashboardView::setPanelHistoryAvailable(bool available)
{
    m_historyAvailable = available;
    for (auto &[id, frame] : m_frames)
        frame->setHistoryAvailable(available);
}

PanelFrame *DashboardView::frame(const std::string &panelId) const
{
    const auto it = m_frames.find(panelId);
    return it == m_frames.end() ? nullptr : it->second;
}

void DashboardView::setRunAllPanels(bool all)
{
    m_runAll = all;
    scheduleRun();
}

void DashboardView::setTimeRange(const TimeRange &range)
{
    m_engine->setTimeRange(range);
    restartRuns();
}

void DashboardView::setVariableValues(std::map<std::string, VariableValue> values)
{
    m_engine->setVariableValues(std::move(values));
    restartRuns();
}

// Panels in view run again; the others keep what they show until they are scrolled in.
void DashboardView::restartRuns()
{
    m_ran.clear();
    // Answers of the old run are dropped: nothing out of view is waiting any more.
    for (auto &[id, frame] : m_frames) {
        if (frame->isLoading())
            frame->setLoading(false);
    }
    scheduleRun();
}

void DashboardView::refresh()
{
    setTimeRange(timeRange());
}

void DashboardView::emitStatus()
{
    int errors = 0;
    for (const auto &[id, frame] : m_frames)
        errors += frame->hasErrors() ? 1 : 0;
    emit statusChanged(m_engine->requestsInFlight(), errors);
}

} // namespace Pd::Gui
