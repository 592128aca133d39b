// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardpage.h"

#include "dashboardview.h"
#include "explorewindow.h"
#include "panelframe.h"
#include "panelinspector.h"
#include "theme.h"
#include "timerangepicker.h"
#include "variableinterpolator.h"
#include "variableresolver.h"
#include "variablesbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Pd::Gui {

DashboardPage::DashboardPage(Model::Dashboard dashboard, std::vector<Model::Datasource> datasources,
                             std::vector<Model::Variable> variables, DatasourceOverrides overrides,
                             QWidget *parent)
    : QWidget(parent)
    , m_datasources(datasources)
    , m_sharedVariables(variables)
    , m_overrides(overrides)
    , m_banner(new QWidget(this))
    , m_bannerText(new QLabel(m_banner))
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
    m_header = new QWidget(this);
    auto *header = new QHBoxLayout(m_header);
    header->setContentsMargins(10, 0, 10, 0);
    auto *titleLabel = new QLabel(title, this);
    QFont font = titleLabel->font();
    font.setPointSizeF(font.pointSizeF() * 1.35);
    font.setBold(true);
    titleLabel->setFont(font);
    header->addWidget(titleLabel);
    addLinks(header, m_view->dashboard().spec.links);
    header->addStretch(1);
    addAnnotationToggles(header);
    header->addWidget(m_picker);
    layout->addWidget(m_header);
    layout->addWidget(m_variables);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);

    // One banner for every panel that lacks its datasource, rather than the same red text on
    // each: what is missing, and the way to set it.
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *set = new QPushButton(tr("Set Datasources…"), m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(set);
    m_banner->setAutoFillBackground(true);
    m_banner->setStyleSheet(QStringLiteral("background: #fde2e2; color: #5c1010;"));
    m_banner->hide();
    connect(set, &QPushButton::clicked, this, &DashboardPage::datasourcesRequested);
    connect(&m_view->engine(), &DashboardQueryEngine::panelFinished, this,
            &DashboardPage::updateBanner);
    connect(m_view, &DashboardView::linkRequested, this, &DashboardPage::linkRequested);
    connect(m_view, &DashboardView::panelInspectRequested, this, &DashboardPage::inspect);
    connect(m_view, &DashboardView::panelExploreRequested, this,
            [this](const QString &frameId) { explore(frameId); });

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

// The dashboard's links beside its title, opened with the variables' and the range's values
// of the moment when they ask for them (renderVariables).
void DashboardPage::addLinks(QHBoxLayout *header, const std::vector<Model::Link> &links)
{
    for (const Model::Link &link : links) {
        const QString url = QString::fromStdString(link.url);
        auto *button = new QToolButton(this);
        button->setText((link.name.empty() ? url : QString::fromStdString(link.name)) +
                        QStringLiteral(" ↗"));
        button->setToolTip(link.tooltip.empty() ? url : QString::fromStdString(link.tooltip));
        button->setAutoRaise(true);
        button->setObjectName(QStringLiteral("dashboardLink"));
        connect(button, &QToolButton::clicked, this, [this, url, render = link.renderVariables] {
            emit linkRequested(
                QUrl(render ? QString::fromStdString(VariableInterpolator::replace(
                                  url.toStdString(), m_view->engine().variables().values()))
                            : url));
        });
        header->addWidget(button);
    }
}

// A toggle for each dashboard annotation: its colour and name, on when the dashboard opens
// unless the spec hides it (Perses has its visibility only in edit mode; Grafana users expect
// it beside the time controls).
void DashboardPage::addAnnotationToggles(QHBoxLayout *header)
{
    for (const Model::Annotation &annotation : m_view->dashboard().spec.annotations) {
        const std::string name = annotation.display.name;
        QPixmap swatch(10, 10);
        swatch.fill(Theme::annotationColor(annotation.color));
        auto *toggle = new QToolButton(m_header);
        toggle->setObjectName(QStringLiteral("annotationToggle"));
        // The name as written: "&" would otherwise mark a shortcut letter.
        toggle->setText(QString::fromStdString(name).replace(u'&', QStringLiteral("&&")));
        toggle->setProperty("annotation", QString::fromStdString(name));
        toggle->setIcon(QIcon(swatch));
        toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        toggle->setCheckable(true);
        toggle->setChecked(m_view->isAnnotationShown(name));
        toggle->setAutoRaise(true);
        toggle->setToolTip(QString::fromStdString(annotation.display.description));
        connect(toggle, &QToolButton::toggled, this,
                [this, name](bool on) { m_view->setAnnotationShown(name, on); });
        header->addWidget(toggle);
        m_annotationToggles.push_back(toggle);
    }
    connect(&m_view->engine(), &DashboardQueryEngine::annotationsChanged, this,
            &DashboardPage::updateAnnotationToggles);
}

// A failed annotation says so on its toggle, as a failed query does on its panel.
void DashboardPage::updateAnnotationToggles()
{
    for (QToolButton *toggle : m_annotationToggles) {
        const std::string name = toggle->property("annotation").toString().toStdString();
        QString tip;
        bool failed = false;
        for (const AnnotationResult &result : m_view->engine().annotations()) {
            if (!result.panelId.empty() || result.name != name)
                continue;
            failed = !result.error.empty();
            tip = failed ? tr("The annotation's query failed: %1")
                               .arg(QString::fromStdString(result.error))
                         : QString::fromStdString(result.description);
        }
        toggle->setToolTip(tip);
        toggle->setStyleSheet(failed ? QStringLiteral("color: #d9534f") : QString());
    }
}

PanelInspector *DashboardPage::inspect(const QString &frameId)
{
    std::shared_ptr<const PanelResult> result =
        m_view->engine().sharedPanelResult(frameId.toStdString());
    const PanelFrame *frame = m_view->frame(frameId.toStdString());
    if (!result || !frame)
        return nullptr;
    auto *inspector = new PanelInspector(frame->title(), std::move(result), this);
    inspector->setAttribute(Qt::WA_DeleteOnClose);
    inspector->show();
    return inspector;
}

ExploreWindow *DashboardPage::explore(const QString &frameId)
{
    const Model::Dashboard &dashboard = m_view->dashboard();
    std::vector<Node> queries;
    const std::string frame = frameId.toStdString();
    if (const Model::Panel *panel = dashboard.spec.panel(m_view->panelIdOf(frame))) {
        for (const Model::Query &query : panel->queries) {
            Node plugin = Node::object();
            plugin.set("kind", Node::string(query.plugin.kind));
            plugin.set("spec", query.plugin.spec);
            Node spec = Node::object();
            spec.set("plugin", std::move(plugin));
            Node node = Node::object();
            node.set("kind", Node::string(query.kind));
            node.set("spec", std::move(spec));
            queries.push_back(std::move(node));
        }
    }
    ExploreWindow::Source source{dashboard,   m_datasources,       m_sharedVariables,
                                 m_overrides, m_view->timeRange(), {}};
    const VariableValues values = m_view->valuesFor(frame);
    for (const Model::VariableSpec &variable : dashboard.spec.variables) {
        if (const auto it = values.find(variable.name); it != values.end())
            source.values.emplace(variable.name, it->second);
    }
    auto *window = new ExploreWindow(std::move(source), queries, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

void DashboardPage::setControlsVisible(bool visible)
{
    m_header->setVisible(visible);
    m_variables->setVisible(visible);
}

void DashboardPage::updateBanner()
{
    const std::vector<DatasourceProblem> problems = m_view->engine().datasourceProblems();
    QStringList lines;
    for (const DatasourceProblem &problem : problems) {
        const QString reason = QString::fromStdString(problem.reason);
        const int panels = int(problem.panels.size());
        lines << (panels == 1 ? tr("%1 (1 panel)").arg(reason)
                              : tr("%1 (%2 panels)").arg(reason).arg(panels));
    }
    m_bannerText->setText(lines.join(u'\n'));
    m_banner->setVisible(!lines.isEmpty());
}

QString DashboardPage::datasourceBannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
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
