// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardpage.h"

#include "dashboardview.h"
#include "timerangepicker.h"
#include "variableresolver.h"
#include "variablesbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Pd::Gui {

DashboardPage::DashboardPage(Model::Dashboard dashboard, std::vector<Model::Datasource> datasources,
                             std::vector<Model::Variable> variables, DatasourceOverrides overrides,
                             QWidget *parent)
    : QWidget(parent)
    , m_picker(new TimeRangePicker(this))
    , m_variables(new VariablesBar(this))
{
    const QString title = titleOf(dashboard);
    m_picker->setRange(QStringLiteral("now-") + QString::fromStdString(dashboard.spec.duration),
                       QStringLiteral("now"));
    m_picker->setRefreshInterval(QString::fromStdString(dashboard.spec.refreshInterval));
    DashboardQueryEngine::Settings settings;
    settings.range = m_picker->resolved();
    settings.timezoneOffsetSeconds = localTimezoneOffsetSeconds(currentTimeMs());
    m_view = new DashboardView(std::move(dashboard), std::move(datasources), std::move(variables),
                               std::move(overrides), settings, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(10, 0, 10, 0);
    auto *titleLabel = new QLabel(title, this);
    QFont font = titleLabel->font();
    font.setPointSizeF(font.pointSizeF() * 1.35);
    font.setBold(true);
    titleLabel->setFont(font);
    header->addWidget(titleLabel);
    header->addStretch(1);
    header->addWidget(m_picker);
    layout->addLayout(header);
    layout->addWidget(m_variables);
    layout->addWidget(m_view, 1);

    connect(m_picker, &TimeRangePicker::rangeChanged, m_view, &DashboardView::setTimeRange);
    connect(m_view, &DashboardView::timeRangeRequested, m_picker, &TimeRangePicker::setAbsolute);
    connect(m_variables, &VariablesBar::valuesChanged, m_view, &DashboardView::setVariableValues);
    connect(m_view, &DashboardView::statusChanged, this, &DashboardPage::statusChanged);
    // Queued: variables can resolve while a control of the bar is still emitting (a static
    // list resolves at once), and rebuilding the bar deletes that control.
    connect(
        &m_view->engine(), &DashboardQueryEngine::variablesResolved, this,
        [this] { m_variables->setStates(m_view->engine().variables().states()); },
        Qt::QueuedConnection);
    m_variables->setStates(m_view->engine().variables().states());
}

QString DashboardPage::titleOf(const Model::Dashboard &dashboard)
{
    return QString::fromStdString(dashboard.spec.display.name.empty()
                                      ? dashboard.metadata.name
                                      : dashboard.spec.display.name);
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_picker->setPaused(false);
}

void DashboardPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_picker->setPaused(true);
}

} // namespace Pd::Gui
