// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourceeditor.h"

#include "specform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Pd::Gui {

namespace {

const char *const prometheus = "PrometheusDatasource";

QString textAt(const Node *object, const char *key)
{
    return object ? QString::fromStdString(object->stringAt(key)) : QString();
}

} // namespace

DatasourceEditor::DatasourceEditor(const Node &datasources,
                                   std::shared_ptr<const PluginSchemaRegistry> schemas,
                                   const QStringList &inherited, QWidget *parent)
    : FormDialog(parent)
    , m_schemas(std::move(schemas))
    , m_list(new QListWidget(this))
    , m_details(new QWidget(this))
    , m_name(new QLineEdit(m_details))
    , m_displayName(new QLineEdit(m_details))
    , m_default(new QCheckBox(tr("The default for its kind"), m_details))
    , m_plugin(new QComboBox(m_details))
    , m_pluginPane(new QVBoxLayout)
{
    setWindowTitle(tr("Dashboard datasources"));
    if (datasources.isObject()) {
        for (const NodeMember &member : datasources.members())
            m_entries.push_back({member.key, member.value});
    }
    for (const PluginSchema *schema : m_schemas->all()) {
        if (schema->type == PluginType::Datasource)
            m_plugin->addItem(QString::fromStdString(schema->kind));
    }

    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, &DatasourceEditor::addDatasource);
    connect(remove, &QPushButton::clicked, this, &DatasourceEditor::removeSelected);
    auto *buttonsRow = new QHBoxLayout;
    buttonsRow->addWidget(add);
    buttonsRow->addWidget(remove);
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("This dashboard's:"), this));
    left->addWidget(m_list, 1);
    left->addLayout(buttonsRow);
    if (!inherited.isEmpty()) {
        auto *seen = new QLabel(
            tr("Also seen from its project and globally:\n%1").arg(inherited.join(u'\n')), this);
        seen->setWordWrap(true);
        seen->setToolTip(tr("A datasource of the dashboard hides one of the same name above it."));
        left->addWidget(seen);
    }

    auto *form = new QFormLayout(m_details);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Display name:"), m_displayName);
    form->addRow(QString(), m_default);
    form->addRow(tr("Plugin:"), m_plugin);
    form->addRow(m_pluginPane);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_details);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addWidget(scroll, 2);
    setForm(columns);
    resize(860, 560);

    for (const Entry &entry : m_entries)
        m_list->addItem(QString::fromStdString(entry.name));
    connect(m_list, &QListWidget::currentRowChanged, this, &DatasourceEditor::showEntry);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (m_current >= 0)
            m_list->item(m_current)->setText(name);
        changed();
    });
    connect(m_displayName, &QLineEdit::textEdited, this, &DatasourceEditor::changed);
    connect(m_default, &QCheckBox::toggled, this, &DatasourceEditor::changed);
    connect(m_plugin, &QComboBox::currentTextChanged, this, [this] {
        if (m_loading)
            return;
        buildPluginForm(Node::object()); // another plugin: a spec of its own
        changed();
    });
    m_details->setEnabled(false);
    if (!m_entries.empty())
        m_list->setCurrentRow(0);
}

DatasourceEditor::~DatasourceEditor() = default;

void DatasourceEditor::accept()
{
    commit(); // what is on screen counts
    FormDialog::accept();
}

void DatasourceEditor::select(int row)
{
    m_list->setCurrentRow(row);
}

void DatasourceEditor::addDatasource()
{
    commit();
    std::string name = "prometheus";
    auto taken = [this](const std::string &candidate) {
        return std::any_of(m_entries.begin(), m_entries.end(),
                           [&](const Entry &entry) { return entry.name == candidate; });
    };
    for (int n = 2; taken(name); ++n)
        name = "prometheus_" + std::to_string(n);
    Node plugin = Node::object();
    plugin.set("kind", Node::string(prometheus));
    plugin.set("spec", Node::object());
    Node spec = Node::object();
    spec.set("default", Node::boolean(m_entries.empty()));
    spec.set("plugin", std::move(plugin));
    m_entries.push_back({name, std::move(spec)});
    m_list->addItem(QString::fromStdString(name));
    m_list->setCurrentRow(m_list->count() - 1);
    changed();
}

void DatasourceEditor::removeSelected()
{
    const int row = m_current;
    if (row < 0)
        return;
    m_current = -1; // nothing to commit: it goes
    m_entries.erase(m_entries.begin() + row);
    delete m_list->takeItem(row);
    showEntry(m_list->currentRow());
    changed();
}

void DatasourceEditor::showEntry(int row)
{
    commit();
    m_current = row;
    m_details->setEnabled(row >= 0);
    if (row < 0 || row >= int(m_entries.size()))
        return;
    m_loading = true;
    const Entry &entry = m_entries[std::size_t(row)];
    m_name->setText(QString::fromStdString(entry.name));
    m_displayName->setText(textAt(entry.spec.find("display"), "name"));
    m_default->setChecked(entry.spec.find("default") && entry.spec.find("default")->toBool());
    const Node *plugin = entry.spec.find("plugin");
    const QString kind = textAt(plugin, "kind");
    if (!kind.isEmpty() && m_plugin->findText(kind) < 0)
        m_plugin->addItem(kind); // a kind no plugin here knows stays as written
    m_plugin->setCurrentText(kind.isEmpty() ? QString::fromLatin1(prometheus) : kind);
    const Node *spec = plugin ? plugin->find("spec") : nullptr;
    buildPluginForm(spec ? *spec : Node::object());
    m_loading = false;
}

void DatasourceEditor::buildPluginForm(const Node &pluginSpec)
{
    delete m_form;
    const PluginSchema *schema =
        m_schemas->find(m_plugin->currentText().toStdString(), PluginType::Datasource);
    m_form = new SpecForm(schema ? schema->spec : Schema::any(), pluginSpec, {}, m_details);
    connect(m_form, &SpecForm::changed, this, &DatasourceEditor::changed);
    m_pluginPane->addWidget(m_form);
}

void DatasourceEditor::commit()
{
    if (m_current < 0 || m_current >= int(m_entries.size()) || !m_form)
        return;
    Entry &entry = m_entries[std::size_t(m_current)];
    entry.name = m_name->text().trimmed().toStdString();
    Node &spec = entry.spec;
    const Node *oldDisplay = spec.find("display");
    Node display = oldDisplay && oldDisplay->isObject() ? *oldDisplay : Node::object();
    if (m_displayName->text().isEmpty())
        display.remove("name");
    else
        display.set("name", Node::string(m_displayName->text().toStdString()));
    if (display.size() > 0)
        spec.set("display", std::move(display));
    else
        spec.remove("display");
    spec.set("default", Node::boolean(m_default->isChecked()));
    const Node *oldPlugin = spec.find("plugin");
    Node plugin = oldPlugin && oldPlugin->isObject() ? *oldPlugin : Node::object();
    plugin.set("kind", Node::string(m_plugin->currentText().toStdString()));
    plugin.set("spec", m_form->value());
    spec.set("plugin", std::move(plugin));
}

Node DatasourceEditor::value()
{
    commit(); // what is on screen counts
    Node map = Node::object();
    for (const Entry &entry : m_entries)
        map.set(entry.name, entry.spec);
    return map;
}

QString DatasourceEditor::problem() const
{
    std::vector<std::string> names;
    for (int row = 0; row < m_list->count(); ++row) {
        const std::string name = m_list->item(row)->text().trimmed().toStdString();
        if (name.empty())
            return tr("A datasource needs a name.");
        if (std::find(names.begin(), names.end(), name) != names.end())
            return tr("Two datasources are named \"%1\".").arg(QString::fromStdString(name));
        names.push_back(name);
    }
    return m_form ? m_form->problem() : QString();
}

void DatasourceEditor::changed()
{
    if (m_loading)
        return;
    showProblem(problem());
}

} // namespace Pd::Gui
