// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "queryeditor.h"

#include "codeeditor.h"
#include "specform.h"
#include "syntaxhighlighter.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Pd::Gui {

namespace {

constexpr const char *prometheusQuery = "PrometheusTimeSeriesQuery";
const QString separator = QStringLiteral(" · ");

QString byDefault()
{
    return QueryEditor::tr("(the default)");
}

} // namespace

QueryEditor::QueryEditor(const Node &query, Choices choices, QWidget *parent)
    : QGroupBox(parent)
    , m_query(query.isObject() ? query : Node::object())
    , m_choices(std::move(choices))
    , m_kind(new QComboBox(this))
    , m_fields(new QVBoxLayout)
{
    const Node *plugin = m_query.at({"spec", "plugin"});
    const QString current = plugin ? QString::fromStdString(plugin->stringAt("kind")) : QString();
    for (const PluginSchema *schema : m_choices.schemas->all()) {
        const bool serves = std::find(m_choices.queryTypes.begin(), m_choices.queryTypes.end(),
                                      schema->queryType) != m_choices.queryTypes.end();
        if (schema->type == PluginType::Query && serves)
            m_kind->addItem(QString::fromStdString(schema->kind));
    }
    if (!current.isEmpty() && m_kind->findText(current) < 0)
        m_kind->addItem(current); // a kind no plugin here knows stays as written
    m_kind->setCurrentText(current.isEmpty() ? QString::fromLatin1(prometheusQuery) : current);
    auto *remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Take this query out of the panel"));
    connect(remove, &QToolButton::clicked, this, &QueryEditor::removeRequested);
    auto *top = new QHBoxLayout;
    top->addWidget(m_kind, 1);
    top->addWidget(remove);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(m_fields);
    connect(m_kind, &QComboBox::currentTextChanged, this, [this] {
        // Another plugin: a spec of its own, started empty.
        m_query.set("spec", Node::object());
        buildFields();
        emit changed();
    });
    buildFields();
}

void QueryEditor::setNumber(int number)
{
    setTitle(tr("Query %1").arg(number));
}

QString QueryEditor::selectorName(const QString &choice)
{
    return choice == byDefault() ? QString() : choice.section(separator, 0, 0);
}

void QueryEditor::buildFields()
{
    delete m_fieldsWidget;
    m_promql = nullptr;
    m_legend = m_minStep = nullptr;
    m_datasource = nullptr;
    m_form = nullptr;
    m_fieldsWidget = new QWidget(this);
    m_fields->addWidget(m_fieldsWidget);
    auto *form = new QFormLayout(m_fieldsWidget);
    form->setContentsMargins(0, 0, 0, 0);
    const Node *written = m_query.at({"spec", "plugin", "spec"});
    const Node spec = written && written->isObject() ? *written : Node::object();
    const auto emitChanged = [this] { emit changed(); };
    if (m_kind->currentText() != QLatin1String(prometheusQuery)) {
        const PluginSchema *schema =
            m_choices.schemas->find(m_kind->currentText().toStdString(), PluginType::Query);
        m_form = new SpecForm(schema ? schema->spec : Schema::any(), spec, {}, m_fieldsWidget);
        connect(m_form, &SpecForm::changed, this, emitChanged);
        form->addRow(m_form);
        return;
    }
    auto text = [&spec](const char *key) { return QString::fromStdString(spec.stringAt(key)); };
    m_promql = new CodeEditor(m_fieldsWidget);
    m_promql->setObjectName(QStringLiteral("promql"));
    m_promql->setPlainText(text("query"));
    m_promql->setPlaceholderText(QStringLiteral("rate(http_requests_total[5m])"));
    m_promql->setFixedHeight(m_promql->fontMetrics().lineSpacing() * 4 + 12);
    m_promql->setLineWrapMode(QPlainTextEdit::WidgetWidth); // a long query reads whole
    m_promql->setToolTip(tr("PromQL; Ctrl+Space completes metric names, labels and values"));
    new SyntaxHighlighter(m_promql->document(), m_choices.dark);
    connect(m_promql, &QPlainTextEdit::textChanged, this, emitChanged);
    connect(m_promql, &CodeEditor::completionRequested, this, &QueryEditor::completionRequested);
    m_legend = new QLineEdit(text("seriesNameFormat"), m_fieldsWidget);
    m_legend->setPlaceholderText(QStringLiteral("{{instance}}"));
    m_minStep = new QLineEdit(text("minStep"), m_fieldsWidget);
    m_minStep->setPlaceholderText(QStringLiteral("15s"));
    m_datasource = new QComboBox(m_fieldsWidget);
    m_datasource->addItem(byDefault());
    m_datasource->addItems(m_choices.datasources);
    const Node *selector = spec.find("datasource");
    const QString named = selector ? QString::fromStdString(selector->stringAt("name")) : QString();
    for (int i = 1; i < m_datasource->count(); ++i) {
        if (!named.isEmpty() && selectorName(m_datasource->itemText(i)) == named)
            m_datasource->setCurrentIndex(i);
    }
    if (!named.isEmpty() && m_datasource->currentIndex() == 0) {
        m_datasource->addItem(named); // not found: kept, and its problem shown
        m_datasource->setCurrentIndex(m_datasource->count() - 1);
    }
    auto explain = [this] {
        m_datasource->setToolTip(
            m_choices.resolve
                ? tr("Resolves to %1")
                      .arg(m_choices.resolve(selectorName(m_datasource->currentText())))
                : QString());
    };
    explain();
    connect(m_datasource, &QComboBox::currentIndexChanged, this, [explain, emitChanged] {
        explain();
        emitChanged();
    });
    connect(m_legend, &QLineEdit::textChanged, this, emitChanged);
    connect(m_minStep, &QLineEdit::textChanged, this, emitChanged);
    form->addRow(tr("PromQL:"), m_promql);
    form->addRow(tr("Legend format:"), m_legend);
    form->addRow(tr("Min step:"), m_minStep);
    form->addRow(tr("Datasource:"), m_datasource);
}

Node QueryEditor::pluginSpec() const
{
    if (m_form)
        return m_form->value();
    const Node *written = m_query.at({"spec", "plugin", "spec"});
    Node spec = written && written->isObject() ? *written : Node::object();
    auto setOrRemove = [&spec](const char *key, const QString &value) {
        if (value.isEmpty())
            spec.remove(key);
        else
            spec.set(key, Node::string(value.toStdString()));
    };
    setOrRemove("query", m_promql->toPlainText());
    setOrRemove("seriesNameFormat", m_legend->text());
    setOrRemove("minStep", m_minStep->text());
    const QString name = selectorName(m_datasource->currentText());
    if (name.isEmpty()) {
        spec.remove("datasource"); // the default of the kind, as the Perses UI writes it
    } else {
        Node selector = Node::object();
        selector.set("kind", Node::string("PrometheusDatasource"));
        selector.set("name", Node::string(name.toStdString()));
        const Node *old = spec.find("datasource");
        if (!old || !old->equals(selector))
            spec.set("datasource", std::move(selector));
    }
    return spec;
}

Node QueryEditor::value() const
{
    Node query = m_query;
    const std::string kind = m_kind->currentText().toStdString();
    const PluginSchema *schema = m_choices.schemas->find(kind, PluginType::Query);
    if (!query.find("kind") || schema)
        query.set("kind", Node::string(schema ? schema->queryType : "TimeSeriesQuery"));
    Node *spec = query.find("spec");
    if (!spec || !spec->isObject())
        spec = &query.set("spec", Node::object());
    Node *plugin = spec->find("plugin");
    if (!plugin || !plugin->isObject())
        plugin = &spec->set("plugin", Node::object());
    plugin->set("kind", Node::string(kind));
    plugin->set("spec", pluginSpec());
    return query;
}

QString QueryEditor::problem() const
{
    return m_form ? m_form->problem() : QString();
}

QString QueryEditor::scopeName(const DatasourceEntry &entry)
{
    switch (entry.scope) {
    case DatasourceEntry::Scope::Dashboard:
        return tr("dashboard");
    case DatasourceEntry::Scope::Project:
        return tr("project");
    case DatasourceEntry::Scope::Global:
        break;
    }
    return tr("global");
}

QStringList QueryEditor::datasourceChoices(const Model::Dashboard &dashboard,
                                           const std::vector<Model::Datasource> &stored,
                                           const std::string &kind)
{
    QStringList choices;
    const DatasourceCatalog catalog(dashboard.spec, dashboard.metadata.project, stored);
    for (const DatasourceEntry &entry : catalog.entries()) {
        if (entry.spec.plugin.kind == kind)
            choices << QString::fromStdString(entry.name) + QStringLiteral(" · ") +
                           scopeName(entry);
    }
    return choices;
}

QString QueryEditor::resolvedDatasource(const Model::Dashboard &dashboard,
                                        const std::vector<Model::Datasource> &stored,
                                        const QString &name)
{
    const DatasourceCatalog catalog(dashboard.spec, dashboard.metadata.project, stored);
    Model::DatasourceSelector selector{"PrometheusDatasource", std::nullopt, {}};
    if (!name.isEmpty())
        selector.name = name.toStdString();
    const std::optional<DatasourceEntry> entry = catalog.resolve(selector, {});
    if (!entry)
        return QString::fromStdString(DatasourceCatalog::notFoundMessage(selector));
    return tr("%1, defined at %2 scope")
        .arg(QString::fromStdString(entry->name), scopeName(*entry));
}

} // namespace Pd::Gui
