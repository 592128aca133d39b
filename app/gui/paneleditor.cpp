// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "paneleditor.h"

#include "dashboardview.h"
#include "jsonbridge.h"
#include "pluginregistry.h"
#include "queryeditor.h"
#include "specform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <perses-desktop/paneloptionseditor.h>

namespace Pd::Gui {

namespace {

// The preview is drawn again this long after the last edit (its queries run again).
constexpr int previewDelayMs = 400;

// The options of one kind that fit another: the keys its schema has, with values it takes.
Node fittingOptions(const Node &options, const Schema &schema)
{
    if (schema.kind() == Schema::Kind::Any)
        return options;
    Node kept = Node::object();
    if (schema.kind() != Schema::Kind::Object || !options.isObject())
        return kept;
    for (const SchemaField &field : schema.fields()) {
        const Node *value = options.find(field.name);
        if (value && field.schema.validate(*value).empty())
            kept.set(field.name, *value);
    }
    return kept;
}

QScrollArea *scrolling(QWidget *inside, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    if (inside)
        area->setWidget(inside);
    return area;
}

} // namespace

PanelEditor::PanelEditor(const QString &panelId, const Node &panelSpec, Context context,
                         QWidget *parent)
    : FormDialog(parent)
    , m_original(panelSpec.isObject() ? panelSpec : Node::object())
    , m_context(std::move(context))
    , m_title(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_optionsArea(scrolling(nullptr, this))
    , m_queriesPage(new QWidget(this))
    , m_queryList(new QVBoxLayout)
    , m_previewPane(new QVBoxLayout)
    , m_previewTimer(new QTimer(this))
{
    setWindowTitle(tr("Edit panel %1").arg(panelId));
    const Node *display = m_original.find("display");
    m_title->setText(display ? QString::fromStdString(display->stringAt("name")) : QString());
    m_title->setObjectName(QStringLiteral("title"));
    m_description->setText(display ? QString::fromStdString(display->stringAt("description"))
                                   : QString());
    const Node *plugin = m_original.find("plugin");
    const QString kind = plugin ? QString::fromStdString(plugin->stringAt("kind")) : QString();
    for (const PluginSchema *schema : m_context.schemas->all()) {
        if (schema->type == PluginType::Panel)
            m_kind->addItem(QString::fromStdString(schema->kind));
    }
    if (m_kind->findText(kind) < 0)
        m_kind->addItem(kind);
    m_kind->setCurrentText(kind);

    auto *general = new QFormLayout;
    general->addRow(tr("Title:"), m_title);
    general->addRow(tr("Description:"), m_description);
    general->addRow(tr("Panel kind:"), m_kind);

    auto *queriesLayout = new QVBoxLayout(m_queriesPage);
    auto *queryHolder = new QWidget(m_queriesPage);
    auto *holderLayout = new QVBoxLayout(queryHolder);
    holderLayout->addLayout(m_queryList);
    holderLayout->addStretch(1);
    queriesLayout->addWidget(scrolling(queryHolder, m_queriesPage), 1);
    auto *add = new QPushButton(tr("Add Query"), m_queriesPage);
    connect(add, &QPushButton::clicked, this, [this] { addQuery(); });
    queriesLayout->addWidget(add, 0, Qt::AlignLeft);
    const Node *queries = m_original.find("queries");
    for (const Node &query : queries && queries->isArray() ? queries->items() : std::vector<Node>{})
        m_queryList->addWidget(makeQuery(query));

    m_tabs->addTab(m_queriesPage, tr("Queries"));
    m_tabs->addTab(m_optionsArea, tr("Options"));
    const Node *options = plugin ? plugin->find("spec") : nullptr;
    buildOptions(options ? *options : Node::object());

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(general);
    leftLayout->addWidget(m_tabs, 1);
    auto *right = new QWidget(this);
    right->setLayout(m_previewPane);
    m_previewPane->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setSizes({460, 640});

    setForm(split);
    resize(1180, 680);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(previewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &PanelEditor::refreshPreview);
    connect(m_title, &QLineEdit::textChanged, this, &PanelEditor::scheduleChange);
    connect(m_description, &QLineEdit::textChanged, this, &PanelEditor::scheduleChange);
    connect(m_kind, &QComboBox::currentTextChanged, this, &PanelEditor::kindChanged);
    kindChanged();
    refreshPreview();
}

PanelEditor::~PanelEditor() = default;

std::vector<std::string> PanelEditor::queryTypes() const
{
    const PluginSchema *schema =
        m_context.schemas->find(m_kind->currentText().toStdString(), PluginType::Panel);
    return schema ? schema->supportedQueryTypes : std::vector<std::string>{"TimeSeriesQuery"};
}

QueryEditor *PanelEditor::makeQuery(const Node &query)
{
    auto *editor = new QueryEditor(query,
                                   {m_context.schemas.get(), queryTypes(), m_context.datasources,
                                    m_context.resolve, m_context.dark},
                                   m_queriesPage);
    m_queries.push_back(editor);
    editor->setNumber(int(m_queries.size()));
    connect(editor, &QueryEditor::changed, this, &PanelEditor::scheduleChange);
    connect(editor, &QueryEditor::removeRequested, this, [this, editor] { removeQuery(editor); });
    connect(editor, &QueryEditor::completionRequested, this, [this, editor] {
        if (m_context.completeQuery)
            m_context.completeQuery(editor, m_preview);
    });
    return editor;
}

QueryEditor *PanelEditor::addQuery()
{
    QueryEditor *editor = makeQuery(Node::object());
    m_queryList->addWidget(editor);
    scheduleChange();
    return editor;
}

void PanelEditor::removeQuery(QueryEditor *query)
{
    m_queries.erase(std::remove(m_queries.begin(), m_queries.end(), query), m_queries.end());
    query->deleteLater();
    for (std::size_t i = 0; i < m_queries.size(); ++i)
        m_queries[i]->setNumber(int(i + 1));
    scheduleChange();
}

// The plugin's own options widget when it has one for the kind, else the schema's form.
void PanelEditor::buildOptions(const Node &options)
{
    m_form = nullptr;
    m_pluginOptions = options;
    const QString kind = m_kind->currentText();
    QWidget *widget = nullptr;
    if (PdPlugin::PanelOptionsEditor *editor =
            PluginRegistry::instance().panelOptionsEditor(kind)) {
        PdPlugin::OptionsEditorContext context{kind, toQJsonObject(options), m_context.dark,
                                               [this](const QJsonObject &spec) {
                                                   m_pluginOptions = fromQJsonValue(spec);
                                                   scheduleChange();
                                               }};
        widget = editor->createOptionsEditor(context, nullptr);
    }
    if (!widget) {
        const PluginSchema *schema = m_context.schemas->find(kind.toStdString(), PluginType::Panel);
        m_form = new SpecForm(schema ? schema->spec : Schema::any(), options);
        connect(m_form, &SpecForm::changed, this, &PanelEditor::scheduleChange);
        widget = m_form;
    }
    m_optionsWidget = widget;
    m_optionsArea->setWidget(widget); // the old one is deleted
}

void PanelEditor::kindChanged()
{
    const PluginSchema *schema =
        m_context.schemas->find(m_kind->currentText().toStdString(), PluginType::Panel);
    if (m_optionsWidget && schema) {
        // Every option given so far is carried: back to a kind, its options come back.
        const Node shown = optionsSpec();
        for (const NodeMember &member : shown.members())
            m_carried.set(member.key, member.value);
        buildOptions(fittingOptions(m_carried, schema->spec));
    }
    // A panel that takes no queries (Markdown) has none written; they come back with a kind
    // that takes them again.
    m_tabs->setTabEnabled(0, !schema || !schema->supportedQueryTypes.empty());
    if (!m_tabs->isTabEnabled(0))
        m_tabs->setCurrentIndex(1);
    scheduleChange();
}

Node PanelEditor::optionsSpec() const
{
    return m_form ? m_form->value() : m_pluginOptions;
}

Node PanelEditor::spec() const
{
    Node spec = m_original;
    Node *display = spec.find("display");
    if (!display || !display->isObject())
        display = &spec.set("display", Node::object());
    display->set("name", Node::string(m_title->text().toStdString()));
    if (m_description->text().isEmpty())
        display->remove("description");
    else
        display->set("description", Node::string(m_description->text().toStdString()));
    Node *plugin = spec.find("plugin");
    if (!plugin || !plugin->isObject())
        plugin = &spec.set("plugin", Node::object());
    plugin->set("kind", Node::string(m_kind->currentText().toStdString()));
    plugin->set("spec", optionsSpec());
    Node queries = Node::array();
    for (const QueryEditor *query : m_queries)
        queries.append(query->value());
    // No queries for a kind that takes none; an empty list only where one was written.
    if (!m_tabs->isTabEnabled(0) || (queries.size() == 0 && !m_original.find("queries")))
        spec.remove("queries");
    else
        spec.set("queries", std::move(queries));
    return spec;
}

QString PanelEditor::problem() const
{
    if (m_form && !m_form->problem().isEmpty())
        return m_form->problem();
    for (const QueryEditor *query : m_queries) {
        if (!query->problem().isEmpty())
            return query->problem();
    }
    return {};
}

void PanelEditor::scheduleChange()
{
    showProblem(problem());
    m_previewTimer->start();
}

void PanelEditor::refreshPreview()
{
    m_previewTimer->stop();
    if (!m_context.preview)
        return;
    delete m_preview;
    m_preview = m_context.preview(spec());
    if (m_preview)
        m_previewPane->addWidget(m_preview);
}

} // namespace Pd::Gui
