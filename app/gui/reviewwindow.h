// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "changeset.h"
#include "datasourceconnection.h"
#include "model.h"

#include <QColor>
#include <QMainWindow>

#include <map>
#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QTreeWidget;
class QVBoxLayout;

namespace Pd::Gui {

class DashboardView;
class TimeRangePicker;

// Reviews what changed between two versions of dashboards, offline: the changed dashboards in
// a list, the selected one's changes beside its two versions side by side. Changed panels are
// outlined (added green, removed red, changed amber, moved blue, renamed purple); choosing a
// change scrolls both versions to its panel. One time range drives both sides, so the
// pictures compare.
class ReviewWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The datasources and shared variables beside a version, by the tree they come from.
    struct Surroundings
    {
        std::vector<Model::Datasource> datasources;
        std::vector<Model::Variable> variables;
    };
    using SurroundingsByRoot = std::map<std::string, Surroundings>;
    // Every tree the changed versions need, read where the caller runs (off the GUI thread).
    static SurroundingsByRoot readSurroundings(ChangeSet &changes);

    ReviewWindow(std::unique_ptr<ChangeSet> changes, DatasourceOverrides overrides,
                 QWidget *parent = nullptr, SurroundingsByRoot surroundings = {});
    ~ReviewWindow() override;

    // The dashboards reviewed (one a changed dashboard of a changed file), and the one shown.
    int itemCount() const { return int(m_items.size()); }
    int currentItem() const { return m_current; }
    void showItem(int index);
    QListWidget *itemList() const { return m_itemList; }
    QTreeWidget *changeList() const { return m_changeList; }
    TimeRangePicker *timeRangePicker() const { return m_picker; }
    DashboardView *beforeView() const { return m_before; }
    DashboardView *afterView() const { return m_after; }
    // Selects change `row` of the list: both versions scroll to its panel.
    void selectChange(int row);

    static QColor colourFor(ResourceChange::Op op);

private:
    struct Item
    {
        std::size_t file = 0;
        std::string identity; // "Dashboard project/name"; empty when the file holds one resource
        QString label;
    };

    void buildItems();
    std::vector<const ResourceChange *> changesOf(const Item &item) const;
    void fillChangeList(const Item &item);
    DashboardView *showSide(const ComparedSide &side, const Item &item, QVBoxLayout *pane,
                            QLabel *label, const QString &which);
    const Surroundings &surroundingsOf(const std::string &location);
    static std::string rootOf(const std::string &location, SourceResolver &resolver);
    void markPanels(const Item &item);
    void showStatus();

    std::unique_ptr<ChangeSet> m_changes;
    DatasourceOverrides m_overrides;
    std::vector<Item> m_items;
    int m_current = -1;
    QListWidget *m_itemList;
    QTreeWidget *m_changeList;
    TimeRangePicker *m_picker;
    QLabel *m_beforeLabel;
    QLabel *m_afterLabel;
    QVBoxLayout *m_beforePane;
    QVBoxLayout *m_afterPane;
    DashboardView *m_before = nullptr;
    DashboardView *m_after = nullptr;
    SurroundingsByRoot m_surroundings;
};

} // namespace Pd::Gui
