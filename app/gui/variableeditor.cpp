// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variableeditor.h"

#include "dashboardqueryengine.h"
#include "modeldecoder.h"
#include "specform.h"
#include "variableoptions.h"
#include "variableresolver.h"
#include "variablevalidator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Pd::Gui {

namespace {

constexpr int previewDelayMs = 400;
const char *const textKind = "TextVariable";
const char *const listKind = "ListVariable";

void setText(Node &object, const char *key, const QString &value)
{
    if (value.isEmpty())
        object.remove(key);
    else
        object.set(key, Node::string(value.toStdString()));
}

// A flag written when true, or when it was written before; an unset false stays unwritten.
void setFlag(Node &object, const char *key, bool value, const Node &before)
{
    if (value || before.find(key))
        object.set(key, Node::boolean(value));
    else
        object.remove(key);
}

QString textAt(const Node *object, const char *key)
{
    return object ? QString::fromStdString(object->stringAt(key)) : QString();
}

} // namespace

VariableEditor::VariableEditor(const Node &variable, Context context, QWidget *parent)
    : FormDialog(parent)
    , m_original(variable.isObject() ? variable : Node::object())
    , m_context(std::move(context))
    , m_name(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_hidden(new QCheckBox(tr("Hidden from the variables bar"), this))
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_options(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_previewTimer(new QTimer(this))
{
    const Node *spec = m_original.find("spec");
    const Node empty = Node::object();
    const Node &fields = spec && spec->isObject() ? *spec : empty;
    setWindowTitle(tr("Edit variable %1").arg(textAt(&fields, "name")));
    m_name->setText(textAt(&fields, "name"));
    const Node *display = fields.find("display");
    m_displayName->setText(textAt(display, "name"));
    m_description->setText(textAt(display, "description"));
    m_hidden->setChecked(display && display->find("hidden") && display->find("hidden")->toBool());
    m_kind->addItem(tr("Text"), QString::fromLatin1(textKind));
    m_kind->addItem(tr("List"), QString::fromLatin1(listKind));
    const bool isList = m_original.stringAt("kind") == listKind;
    m_kind->setCurrentIndex(isList ? 1 : 0);
    m_pages->addWidget(buildTextPage(fields));
    m_pages->addWidget(buildListPage(fields));
    m_pages->setCurrentIndex(m_kind->currentIndex());

    auto *common = new QFormLayout;
    common->addRow(tr("Name:"), m_name);
    common->addRow(tr("Display name:"), m_displayName);
    common->addRow(tr("Description:"), m_description);
    common->addRow(QString(), m_hidden);
    common->addRow(tr("Kind:"), m_kind);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(common);
    leftLayout->addWidget(m_pages, 1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Options it resolves to:"), right));
    m_status->setWordWrap(true);
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(m_options, 1);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setSizes({520, 320});

    setForm(split);
    resize(900, 600);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(previewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &VariableEditor::refreshPreview);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        changed();
    });
    for (QLineEdit *line : findChildren<QLineEdit *>())
        connect(line, &QLineEdit::textChanged, this, &VariableEditor::changed);
    for (QCheckBox *box : findChildren<QCheckBox *>())
        connect(box, &QCheckBox::toggled, this, &VariableEditor::changed);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &VariableEditor::changed);
    refreshPreview();
}

VariableEditor::~VariableEditor() = default;

QWidget *VariableEditor::buildTextPage(const Node &spec)
{
    auto *page = new QWidget(m_pages);
    auto *form = new QFormLayout(page);
    m_value = new QLineEdit(textAt(&spec, "value"), page);
    m_constant = new QCheckBox(tr("Constant (not editable on the dashboard)"), page);
    m_constant->setChecked(spec.find("constant") && spec.find("constant")->toBool());
    form->addRow(tr("Value:"), m_value);
    form->addRow(QString(), m_constant);
    return page;
}

QWidget *VariableEditor::buildListPage(const Node &spec)
{
    auto *page = new QWidget(m_pages);
    auto *form = new QFormLayout(page);
    m_plugin = new QComboBox(page);
    for (const PluginSchema *schema : m_context.schemas->all()) {
        if (schema->type == PluginType::Variable)
            m_plugin->addItem(QString::fromStdString(schema->kind));
    }
    const Node *plugin = spec.find("plugin");
    const QString kind = textAt(plugin, "kind");
    if (!kind.isEmpty() && m_plugin->findText(kind) < 0)
        m_plugin->addItem(kind);
    if (!kind.isEmpty())
        m_plugin->setCurrentText(kind);
    m_allowMultiple = new QCheckBox(tr("Several values at once"), page);
    m_allowMultiple->setChecked(spec.find("allowMultiple") && spec.find("allowMultiple")->toBool());
    m_allowAll = new QCheckBox(tr("Offer \"All\""), page);
    m_allowAll->setChecked(spec.find("allowAllValue") && spec.find("allowAllValue")->toBool());
    m_customAll = new QLineEdit(textAt(&spec, "customAllValue"), page);
    m_customAll->setPlaceholderText(tr("every option's value (e.g. .*)"));
    m_regexp = new QLineEdit(textAt(&spec, "capturingRegexp"), page);
    m_regexp->setPlaceholderText(QStringLiteral("instance=\"(.*):\\d+\""));
    m_sort = new QComboBox(page);
    for (const std::string_view method : VariableValidator::sortMethods())
        m_sort->addItem(QString::fromLatin1(method.data(), qsizetype(method.size())));
    const QString sort = textAt(&spec, "sort");
    m_sort->setCurrentText(sort.isEmpty() ? QStringLiteral("none") : sort);
    QStringList defaults;
    if (const Node *value = spec.find("defaultValue"); value && value->isArray()) {
        for (const Node &item : value->items())
            defaults << QString::fromStdString(item.text());
    } else if (value) {
        defaults << QString::fromStdString(value->text());
    }
    m_default = new QLineEdit(defaults.join(QStringLiteral(", ")), page);
    m_default->setPlaceholderText(tr("the first option (several: a, b)"));
    auto *pluginHolder = new QWidget(page);
    m_pluginPane = new QVBoxLayout(pluginHolder);
    m_pluginPane->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Options from:"), m_plugin);
    form->addRow(pluginHolder);
    form->addRow(QString(), m_allowMultiple);
    form->addRow(QString(), m_allowAll);
    form->addRow(tr("Custom all value:"), m_customAll);
    form->addRow(tr("Capturing regexp:"), m_regexp);
    form->addRow(tr("Sort:"), m_sort);
    form->addRow(tr("Default value:"), m_default);
    const Node *pluginSpec = plugin ? plugin->find("spec") : nullptr;
    buildPluginForm(pluginSpec ? *pluginSpec : Node::object());
    connect(m_plugin, &QComboBox::currentTextChanged, this, [this] {
        buildPluginForm(Node::object()); // another plugin: a spec of its own
        changed();
    });
    return page;
}

void VariableEditor::buildPluginForm(const Node &pluginSpec)
{
    delete m_form;
    const PluginSchema *schema =
        m_context.schemas->find(m_plugin->currentText().toStdString(), PluginType::Variable);
    SpecForm::DatasourcePicker picker;
    if (schema && !schema->datasourceKind.empty() && m_context.datasources)
        picker = {schema->datasourceKind, m_context.datasources(schema->datasourceKind)};
    m_form = new SpecForm(schema ? schema->spec : Schema::any(), pluginSpec, picker);
    connect(m_form, &SpecForm::changed, this, &VariableEditor::changed);
    m_pluginPane->addWidget(m_form);
}

Node VariableEditor::value() const
{
    Node variable = m_original;
    const bool list = m_kind->currentData().toString() == QLatin1String(listKind);
    const bool kindChanged = variable.stringAt("kind") != (list ? listKind : textKind);
    variable.set("kind", Node::string(list ? listKind : textKind));
    const Node *written = m_original.find("spec");
    const Node before = written && written->isObject() && !kindChanged ? *written : Node::object();
    Node spec = before;
    if (kindChanged && written) { // the fields both kinds have go along
        for (const char *key : {"name", "display"}) {
            if (const Node *kept = written->find(key))
                spec.set(key, *kept);
        }
    }
    spec.set("name", Node::string(m_name->text().toStdString()));
    const Node *oldDisplay = spec.find("display");
    Node display = oldDisplay && oldDisplay->isObject() ? *oldDisplay : Node::object();
    setText(display, "name", m_displayName->text());
    setText(display, "description", m_description->text());
    setFlag(display, "hidden", m_hidden->isChecked(), oldDisplay ? *oldDisplay : Node::object());
    if (display.size() > 0 || oldDisplay)
        spec.set("display", std::move(display));
    if (!list) {
        spec.set("value", Node::string(m_value->text().toStdString()));
        setFlag(spec, "constant", m_constant->isChecked(), before);
        variable.set("spec", std::move(spec));
        return variable;
    }
    setFlag(spec, "allowMultiple", m_allowMultiple->isChecked(), before);
    setFlag(spec, "allowAllValue", m_allowAll->isChecked(), before);
    setText(spec, "customAllValue", m_customAll->text());
    setText(spec, "capturingRegexp", m_regexp->text());
    const QString sort = m_sort->currentText();
    setText(spec, "sort", sort == u"none" && !before.find("sort") ? QString() : sort);
    const QStringList defaults = m_default->text().split(u',', Qt::SkipEmptyParts);
    if (defaults.size() > 1 || (defaults.size() == 1 && before.find("defaultValue") &&
                                before.find("defaultValue")->isArray())) {
        Node values = Node::array();
        for (const QString &value : defaults)
            values.append(Node::string(value.trimmed().toStdString()));
        spec.set("defaultValue", std::move(values));
    } else {
        setText(spec, "defaultValue", defaults.value(0).trimmed());
    }
    const Node *oldPlugin = spec.find("plugin");
    Node plugin = oldPlugin && oldPlugin->isObject() ? *oldPlugin : Node::object();
    plugin.set("kind", Node::string(m_plugin->currentText().toStdString()));
    plugin.set("spec", m_form->value());
    spec.set("plugin", std::move(plugin));
    variable.set("spec", std::move(spec));
    return variable;
}

QString VariableEditor::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("A variable needs a name.");
    if (m_kind->currentData().toString() == QLatin1String(listKind))
        return m_form->problem();
    return {};
}

void VariableEditor::changed()
{
    showProblem(problem());
    m_previewTimer->start();
}

void VariableEditor::refreshPreview()
{
    m_previewTimer->stop();
    m_previewDone = false;
    delete m_engine;
    m_engine = m_context.engine ? m_context.engine(value()) : nullptr;
    if (!m_engine) {
        m_status->setText(tr("The dashboard does not read: no preview."));
        m_previewDone = true;
        return;
    }
    m_engine->setParent(this);
    m_status->setText(tr("Resolving…"));
    connect(m_engine, &DashboardQueryEngine::variablesResolved, this,
            &VariableEditor::showResolved);
    m_engine->start();
}

void VariableEditor::showResolved()
{
    m_options->clear();
    m_previewDone = true;
    const VariableState *state = m_engine->variables().state(m_name->text().toStdString());
    if (!state) {
        m_status->setText(tr("Not resolved."));
        return;
    }
    if (!state->error.empty()) {
        m_status->setText(QString::fromStdString(state->error));
        return;
    }
    if (state->spec.kind == Model::VariableKind::Text) {
        m_status->setText(tr("A text box, starting with this value:"));
        m_options->addItem(QString::fromStdString(state->effective.first()));
        return;
    }
    const std::vector<VariableOption> shown =
        VariableOptions::displayed(state->spec, state->options);
    QStringList selected;
    for (const std::string &value : state->selected.values)
        selected << (value == allValue ? tr("All") : QString::fromStdString(value));
    m_status->setText(tr("%n option(s); selected: %1", nullptr, int(state->options.size()))
                          .arg(selected.join(QStringLiteral(", "))));
    for (const VariableOption &option : shown)
        m_options->addItem(
            option.label == option.value || option.value == allValue
                ? QString::fromStdString(option.label)
                : QStringLiteral("%1 (%2)").arg(QString::fromStdString(option.label),
                                                QString::fromStdString(option.value)));
}

} // namespace Pd::Gui
