// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dashboardqueryengine.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QToolButton;
class QUrl;

namespace Pd::Gui {

class DashboardView;
class ExploreWindow;
class PanelInspector;
class TimeRangePicker;
class VariablesBar;

// One open dashboard: its title and time controls, its variables, and the panels.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    DashboardPage(Model::Dashboard dashboard, std::vector<Model::Datasource> datasources,
                  std::vector<Model::Variable> variables, DatasourceOverrides overrides,
                  QWidget *parent = nullptr);

    DashboardView *view() const { return m_view; }
    // display.name, or metadata.name when it has none (as Perses lists dashboards).
    static QString titleOf(const Model::Dashboard &dashboard);
    // The banner above the panels naming the datasources they could not use (hidden when
    // there are none), and its text.
    QWidget *datasourceBanner() const { return m_banner; }
    QString datasourceBannerText() const;
    // Inspect… for a panel (its frame's id): the inspector, opened beside the page; none when
    // the panel has not run.
    PanelInspector *inspect(const QString &frameId);
    // Explore with a panel's queries (its frame's id; empty: one empty query), the dashboard's
    // datasources, range and variables' values; the window is the page's and closes with it.
    ExploreWindow *explore(const QString &frameId = {});
    // The title row and the variables (hidden in kiosk mode).
    void setControlsVisible(bool visible);
    QWidget *controls() const { return m_header; }
    // The toolbar's toggle of each dashboard annotation.
    const std::vector<QToolButton *> &annotationToggles() const { return m_annotationToggles; }

protected:
    // Auto-refresh stops while the page is hidden (another dashboard is shown).
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

signals:
    void statusChanged(int requestsInFlight, int panelsWithErrors);
    // "Set Datasources…" in the banner.
    void datasourcesRequested();
    // A dashboard or panel link chosen: the URL to open, variables replaced.
    void linkRequested(const QUrl &url);

private:
    void updateBanner();
    void addLinks(QHBoxLayout *header, const std::vector<Model::Link> &links);
    void addAnnotationToggles(QHBoxLayout *header);
    void updateAnnotationToggles();

    // What the page was opened with, for Explore.
    std::vector<Model::Datasource> m_datasources;
    std::vector<Model::Variable> m_sharedVariables;
    DatasourceOverrides m_overrides;
    QWidget *m_header = nullptr;
    std::vector<QToolButton *> m_annotationToggles;
    QWidget *m_banner;
    QLabel *m_bannerText;
    DashboardView *m_view;
    TimeRangePicker *m_picker;
    VariablesBar *m_variables;
};

} // namespace Pd::Gui
