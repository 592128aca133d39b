// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "panelframe.h"

#include "bringtofront.h"
#include "elidedlabel.h"
#include "pluginregistry.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QStackedLayout>
#include <QStyle>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Pd::Gui {

namespace {

QString queryError(std::size_t index, const QueryResult &query)
{
    const QueryResponse &response = query.response;
    return QStringLiteral("Query %1: %2%3")
        .arg(index + 1)
        .arg(response.errorType.empty()
                 ? QString()
                 : QString::fromStdString(response.errorType) + QStringLiteral(": "),
             QString::fromStdString(response.error));
}

} // namespace

PanelFrame::PanelFrame(const Model::Panel &panel, const PdPlugin::PanelContext &context,
                       QWidget *parent)
    : QFrame(parent)
    , m_panelId(QString::fromStdString(panel.id))
    , m_rawTitle(QString::fromStdString(panel.display.name))
    , m_interpolate(context.interpolate)
    , m_context(context)
    , m_takesQueries(!panel.queries.empty())
{
    setObjectName(QStringLiteral("panel-") + m_panelId);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 6);
    layout->setSpacing(2);
    buildHeader(panel);
    m_body = new QStackedLayout;
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_body->addWidget(m_message);
    m_plugin = PluginRegistry::instance().panelPlugin(context.kind);
    if (!m_plugin)
        m_message->setText(tr("No plugin provides the panel kind “%1”.\nInstall the plugin, or "
                              "see Help ▸ About Plugins.")
                               .arg(context.kind));
    layout->addLayout(m_body, 1);
    updateTitle();
    showBody();
}

// Views are made when a panel's first data arrives (or, without queries, when it is shown):
// a dashboard of a hundred panels opens without building a hundred charts first, and the
// requests of all its panels leave before any chart is built.
PdPlugin::PanelView *PanelFrame::ensureView()
{
    if (m_view || !m_plugin)
        return m_view.get();
    m_view.reset(m_plugin->createPanel(m_context));
    if (!m_view)
        return nullptr;
    m_body->addWidget(m_view->widget());
    if (!m_takesQueries)
        m_view->setData({});
    return m_view.get();
}

void PanelFrame::showEvent(QShowEvent *event)
{
    QFrame::showEvent(event);
    if (!m_takesQueries && ensureView())
        showBody();
}

void PanelFrame::setOutline(const QColor &colour)
{
    m_outline = colour;
    update();
}

// The outline sits in the frame's margins, outside the header and body that cover the rest.
void PanelFrame::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    if (!m_outline.isValid())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    constexpr qreal width = 3;
    painter.setPen(QPen(m_outline, width));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2),
                            4, 4);
}

void PanelFrame::setEditable(bool editable)
{
    m_edit->setVisible(editable);
    m_duplicate->setVisible(editable);
    m_delete->setVisible(editable);
}

void PanelFrame::setHistoryAvailable(bool available)
{
    m_history->setVisible(available);
}

void PanelFrame::updateTitle()
{
    m_title->setFullText(m_interpolate ? m_interpolate(m_rawTitle) : m_rawTitle);
}

QString PanelFrame::title() const
{
    return m_title ? m_title->fullText() : m_rawTitle;
}

PanelFrame::~PanelFrame()
{
    // The view's widget belongs to the view: take it out before the frame deletes children.
    if (m_view)
        m_view->widget()->setParent(nullptr);
}

// The panel's links at the end of its menu, each opening its URL with the variables' and the
// range's current values when it asks for them (renderVariables), as Perses does.
void PanelFrame::addLinks(const std::vector<Model::Link> &links)
{
    if (links.empty())
        return;
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_menuActions.append(separator);
    for (const Model::Link &link : links) {
        const QString url = QString::fromStdString(link.url);
        QAction *action = addMenuAction(
            link.name.empty() ? url : QString::fromStdString(link.name),
            [this, url, render = link.renderVariables] {
                emit linkActivated(QUrl(render && m_interpolate ? m_interpolate(url) : url));
            });
        action->setToolTip(QString::fromStdString(link.tooltip));
        action->setObjectName(QStringLiteral("link"));
    }
}

QAction *PanelFrame::addMenuAction(const QString &text, const std::function<void()> &triggered)
{
    auto *action = new QAction(text, this);
    connect(action, &QAction::triggered, this, triggered);
    m_menuActions.append(action);
    return action;
}

// The menu is made when the "⋮" is clicked, from actions the frame keeps: a hundred panels
// do not each make a popup window they may never show. Not through setMenu(), which would
// draw a menu arrow beside the "⋮" (hiding it took a style sheet per panel).
void PanelFrame::popUpMenu()
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    menu->addActions(m_menuActions);
    menu->popup(m_menu->mapToGlobal(QPoint(0, m_menu->height())));
}

void PanelFrame::buildHeader(const Model::Panel &panel)
{
    auto *header = new QHBoxLayout;
    header->setSpacing(4);
    m_title = new ElidedLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextFormat(Qt::PlainText);
    header->addWidget(m_title);
    if (!panel.display.description.empty()) {
        auto *info = new QLabel(this);
        info->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(14, 14));
        info->setToolTip(QString::fromStdString(panel.display.description));
        header->addWidget(info);
    }
    header->addStretch(1);
    m_status = new QLabel(this);
    header->addWidget(m_status);
    m_menu = new QToolButton(this);
    m_menu->setText(QStringLiteral("⋮"));
    m_menu->setAutoRaise(true);
    connect(m_menu, &QToolButton::clicked, this, &PanelFrame::popUpMenu);
    addMenuAction(tr("Maximise"), [this] { emit maximiseRequested(m_panelId); });
    addMenuAction(tr("Copy as image"), [this] { copyImage(); });
    addMenuAction(tr("Inspect…"), [this] {
        emit inspectRequested(m_panelId);
    })->setObjectName(QStringLiteral("inspect"));
    if (m_takesQueries)
        addMenuAction(tr("Explore"), [this] {
            emit exploreRequested(m_panelId);
        })->setObjectName(QStringLiteral("explore"));
    m_history = addMenuAction(tr("History…"), [this] { emit historyRequested(m_panelId); });
    m_history->setVisible(false);
    m_edit = addMenuAction(tr("Edit Panel…"), [this] { emit editRequested(m_panelId); });
    m_edit->setVisible(false);
    m_duplicate =
        addMenuAction(tr("Duplicate Panel"), [this] { emit duplicateRequested(m_panelId); });
    m_duplicate->setVisible(false);
    m_delete = addMenuAction(tr("Delete Panel"), [this] { emit deleteRequested(m_panelId); });
    m_delete->setVisible(false);
    addLinks(panel.links);
    header->addWidget(m_menu);
    static_cast<QVBoxLayout *>(layout())->addLayout(header);
}

void PanelFrame::setLoading(bool loading)
{
    m_loading = loading;
    showBody();
}

int PanelFrame::contentWidth() const
{
    return std::max(1, width() - 16);
}

PdPlugin::PanelData PanelFrame::panelData(const PanelResult &result, qint64 fromMs, qint64 toMs)
{
    PdPlugin::PanelData out;
    out.fromMs = fromMs;
    out.toMs = toMs;
    for (const QueryResult &query : result.queries) {
        PdPlugin::QueryView view;
        view.query = QString::fromStdString(query.query);
        view.instant = query.instant;
        for (const std::string &warning : query.response.warnings)
            view.warnings.append(QString::fromStdString(warning));
        for (const Series &series : query.response.result.series()) {
            PdPlugin::SeriesView seriesView;
            seriesView.name = QString::fromStdString(series.displayName(query.seriesNameFormat));
            // A series without labels (an aggregate) is named by its query, as in Perses.
            if (series.labels.empty() && query.seriesNameFormat.empty())
                seriesView.name = view.query;
            for (const auto &[name, value] : series.labels)
                seriesView.labels.append(
                    {QString::fromStdString(name), QString::fromStdString(value)});
            seriesView.timesMs = m_viewStorage.times.timesOf(series);
            seriesView.values = series.values;
            seriesView.histograms = histogramViews(series);
            view.series.push_back(std::move(seriesView));
        }
        out.queries.push_back(std::move(view));
        out.tables.push_back(query.response.isTable() ? &query.response.table : nullptr);
    }
    if (drawsAnnotations())
        out.annotations = m_annotations;
    return out;
}

namespace {

bool sameEvents(const std::vector<PdPlugin::AnnotationView> &a,
                const std::vector<PdPlugin::AnnotationView> &b)
{
    return std::ranges::equal(a, b, [](const auto &x, const auto &y) {
        return x.annotation == y.annotation && x.color == y.color && x.startMs == y.startMs &&
               x.endMs == y.endMs && x.title == y.title && x.text == y.text && x.tags == y.tags;
    });
}

} // namespace

bool PanelFrame::drawsAnnotations() const
{
    return m_view && m_view->widget() &&
           m_view->widget()->property(PdPlugin::drawsAnnotationsProperty).toBool();
}

void PanelFrame::setAnnotations(std::vector<PdPlugin::AnnotationView> events)
{
    if (sameEvents(events, m_annotations))
        return;
    m_annotations = std::move(events);
    if (!m_view || !m_result || !m_takesQueries || !drawsAnnotations())
        return;
    // What the view reads now stays alive until it has the new data.
    const auto previousStorage = std::exchange(m_viewStorage, {});
    m_view->setData(panelData(*m_result, m_fromMs, m_toMs));
}

std::span<const PdPlugin::HistogramSampleView> PanelFrame::histogramViews(const Series &series)
{
    if (series.histograms.empty())
        return {};
    std::vector<PdPlugin::HistogramSampleView> &samples = m_viewStorage.histograms.emplace_back();
    for (const HistogramSample &sample : series.histograms)
        samples.push_back({sample.timeMs, sample.count, sample.sum, sample.buckets});
    return samples;
}

void PanelFrame::restyle(bool darkTheme)
{
    m_context.darkTheme = darkTheme;
    if (!m_view)
        return;
    m_body->removeWidget(m_view->widget());
    m_view.reset(); // the view deletes its widget
    setResult(m_result, m_fromMs, m_toMs);
}

void PanelFrame::setResult(std::shared_ptr<const PanelResult> result, qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_loading = false;
    m_errors.clear();
    QStringList warnings;
    for (std::size_t i = 0; result && i < result->queries.size(); ++i) {
        const QueryResult &query = result->queries[i];
        if (!query.response.ok)
            m_errors.append(queryError(i, query));
        for (const std::string &warning : query.response.warnings)
            warnings.append(
                tr("Query %1 warning: %2").arg(i + 1).arg(QString::fromStdString(warning)));
    }
    ensureView();
    // What the view reads now stays alive until it has the new data.
    const auto previousStorage = std::exchange(m_viewStorage, {});
    if (m_view && result)
        m_view->setData(panelData(*result, fromMs, toMs));
    else if (m_view && !m_takesQueries)
        m_view->setData({});      // variables changed: text panels interpolate again
    m_result = std::move(result); // after setData: the view now reads the new result
    m_status->setToolTip((m_errors + warnings).join(u'\n'));
    showBody();
}

// What the body says instead of the view, or nothing when the view is shown.
std::optional<QString> PanelFrame::bodyMessage() const
{
    if (!m_plugin)
        return m_message->text(); // the missing plugin, named when the frame was made
    // Until its first answer a panel with queries says "Loading…", also before its run starts
    // (it starts when the panel comes into view): the first frame already shows what the
    // next ones will, and a hundred panels are not painted twice for it.
    const bool waiting = !m_result && m_takesQueries;
    if (!m_view || waiting)
        return m_loading || waiting ? tr("Loading…") : QString();
    if (m_view->hasContent() || !m_takesQueries)
        return std::nullopt;
    if (!m_result)
        return QString();
    if (!m_errors.isEmpty())
        return m_errors.join(u'\n');
    return tr("No data");
}

namespace {

// Red for an error, else the palette's text colour: through the palette, as a style sheet
// would give the label a style of its own to make and paint with.
void showAsError(QLabel &label, bool error)
{
    QPalette palette;
    if (error) {
        // On the frame's Base background a label's text takes the Text role.
        palette.setColor(QPalette::Text, QColor(0xd9, 0x53, 0x4f));
        palette.setColor(QPalette::WindowText, QColor(0xd9, 0x53, 0x4f));
    }
    label.setPalette(palette); // a role not set is inherited
}

} // namespace

void PanelFrame::showBody()
{
    const bool failed = !m_errors.isEmpty();
    const bool warned = !m_status->toolTip().isEmpty();
    m_status->setText(m_loading            ? QStringLiteral("⟳")
                      : (failed || warned) ? QStringLiteral("⚠")
                                           : QString());
    showAsError(*m_status, failed);
    const std::optional<QString> message = bodyMessage();
    if (!message) {
        bringToFront(*m_body, *m_view->widget());
        return;
    }
    // An error or a missing plugin is wrapped and can be selected and copied; "Loading…" and
    // "No data" are plain, which QLabel paints without a text document of its own.
    const bool explains = failed || !m_plugin;
    m_message->setWordWrap(explains);
    m_message->setTextInteractionFlags(explains ? Qt::TextSelectableByMouse
                                                : Qt::NoTextInteraction);
    m_message->setText(*message);
    showAsError(*m_message, failed);
    bringToFront(*m_body, *m_message);
}

void PanelFrame::copyImage()
{
    QApplication::clipboard()->setPixmap(grab());
}

} // namespace Pd::Gui
