// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dashboardlayout.h"
#include "dashboardqueryengine.h"
#include "gridgeometry.h"
#include "repeatexpansion.h"

#include <QScrollArea>

#include <map>
#include <optional>
#include <perses-desktop/panelplugin.h>
#include <set>

class QToolButton;
class QUrl;

namespace Pd::Gui {

class PanelFrame;

// A dashboard drawn as Perses draws it: its grid layouts at the window's width (24 columns,
// 30 px rows, 10 px margins, compacted), titled groups that collapse, each panel in a
// PanelFrame. A panel queries when it first comes into view and again when the range or a
// variable changes while it is in view; panels out of view neither query nor paint.
class DashboardView : public QScrollArea
{
    Q_OBJECT

public:
    // Collapsible groups open or closed when the dashboard opens, or a group that does not
    // collapse.
    enum class GroupEdit { Rename, MoveUp, MoveDown, Delete, OpenAtStart, ClosedAtStart, Fixed };

    DashboardView(Model::Dashboard dashboard, std::vector<Model::Datasource> datasources,
                  std::vector<Model::Variable> variables, DatasourceOverrides overrides,
                  DashboardQueryEngine::Settings settings, QWidget *parent = nullptr);
    ~DashboardView() override;

    DashboardQueryEngine &engine() { return *m_engine; }
    const Model::Dashboard &dashboard() const { return m_engine->dashboard(); }
    TimeRange timeRange() const { return m_engine->settings().range; }
    void setTimeRange(const TimeRange &range);
    void setVariableValues(std::map<std::string, VariableValue> values);
    void refresh();

    // `render`: every panel runs, seen or not.
    void setRunAllPanels(bool all);
    // No panel that should have run is waiting for its answer.
    bool isSettled() const;
    // Every panel that should run (shown, with queries, in the viewport unless all run) has
    // been asked to.
    bool hasRunAllShown() const;
    // Variables resolved, every shown panel asked and answered, the annotations too: the
    // dashboard as it will stay until something changes (what render, the benchmarks and the
    // startup probe wait for).
    bool isComplete() const;
    int contentHeight() const;
    std::vector<PanelFrame *> frames() const;
    PanelFrame *frame(const std::string &panelId) const;
    void setMaximised(const std::optional<std::string> &panelId);
    // Opens (or closes) every collapsible group at once.
    void setAllGroupsOpen(bool open);
    // After a theme change: every panel view is built again in the new palette.
    void restyle();
    // The frame that shows a panel: the panel itself, or its first repeated copy.
    std::string frameIdFor(const std::string &panelId) const;
    // The panel a frame shows (a repeated copy's panel), and the variables' values it sees
    // (a copy's own value pinned).
    std::string panelIdOf(const std::string &frameId) const;
    VariableValues valuesFor(const std::string &frameId) const;
    // Scrolls the panel into view (opening its group when collapsed); false when the dashboard
    // does not show it.
    bool scrollToPanel(const std::string &panelId);
    // Shows or hides one of the dashboard's annotations on every chart (the toolbar's
    // toggles); those the spec hides start hidden.
    void setAnnotationShown(const std::string &name, bool shown);
    bool isAnnotationShown(const std::string &name) const;
    // Every panel offers "History…" (the dashboard's file is in a Git repository).
    void setPanelHistoryAvailable(bool available);
    // Edit mode: a panel's title bar drags it to another place on the grid and its bottom
    // right corner resizes it; the result is asked for, not applied (the text is the truth).
    void setLayoutEditable(bool editable);

signals:
    void timeRangeRequested(qint64 fromMs, qint64 toMs);
    void settled();
    void statusChanged(int requestsInFlight, int panelsWithErrors);
    void panelHistoryRequested(const QString &panelId);
    // A drag ended: the panel at another place or size on the grid (columns and rows).
    void panelGeometryEdited(const QString &panelId, int x, int y, int width, int height);
    // Edit mode: "Delete Panel" chosen in a panel's menu.
    void panelDeleteRequested(const QString &panelId);
    void panelDuplicateRequested(const QString &panelId);
    void panelEditRequested(const QString &panelId);
    // A panel's link chosen: the URL to open.
    void linkRequested(const QUrl &url);
    // Inspect… in a panel's menu (the frame's id: a repeated copy has its own).
    void panelInspectRequested(const QString &frameId);
    // Explore in a panel's menu (the frame's id).
    void panelExploreRequested(const QString &frameId);
    // Edit mode: a group's header menu (groups without repeats only: the index is the
    // layout's in the text).
    void groupEditRequested(int group, Pd::Gui::DashboardView::GroupEdit edit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    // Unrolls repeats with the variables' current values and keeps the frames in step.
    void expandLayout();
    void createFrames();
    PdPlugin::PanelContext contextFor(const Model::Panel &panel);
    void relayout();
    void scheduleRun();
    void restartRuns();
    void runVisiblePanels();
    bool shouldRun(const PanelFrame *frame) const;
    void onPanelFinished(const QString &panelId);
    void emitStatus();
    // Hands each frame the events of the annotations it shows, once all have answered.
    void showAnnotations();
    std::vector<PdPlugin::AnnotationView> annotationsFor(const std::string &frameId) const;

    std::unique_ptr<DashboardQueryEngine> m_engine;
    ExpandedLayout m_layout;
    QWidget *m_canvas;
    std::map<std::string, PanelFrame *> m_frames;
    std::vector<QToolButton *> m_headers;
    // Collapsed or opened by the user, by group: its title (with the repeat value), else its
    // position, so a repeat that adds a copy does not move the state to another group.
    std::map<std::string, bool> m_open;
    std::vector<std::optional<bool>> openStates() const;
    std::set<std::string> m_ran;
    std::set<std::string> m_hiddenAnnotations; // dashboard annotations the user turned off //
                                               // panels run since the last range or variable change
    std::optional<std::string> m_maximised;
    bool m_runAll = false;
    bool m_historyAvailable = false;
    bool m_layoutEditable = false;
    // The drag in progress: what it does, where it started, the panel's cell then.
    enum class Drag { None, Move, Resize };
    Drag m_drag = Drag::None;
    QPoint m_dragStart;
    QRect m_dragFrom;
    GridCell m_dragCell;
    const Model::GridItem *gridItemOf(const std::string &panelId) const;
    void offerGroupEdits(QToolButton *header, int group);
    bool m_runScheduled = false;
    bool m_layoutPending = false; // variables resolved, repeats not unrolled yet
};

} // namespace Pd::Gui
