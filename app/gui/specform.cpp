// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "specform.h"

#include "jsonwriter.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <QComboBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>

#include <optional>

namespace Pd::Gui {

namespace {

// The first entry of every choice: the key not written.
QString unsetChoice()
{
    return SpecForm::tr("(default)");
}

// A YAML field's text: the value as a block, without the document marker.
QString yamlText(const Node &value)
{
    std::string text = YamlWriter::write(value);
    if (text.starts_with("---\n"))
        text.erase(0, 4);
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return QString::fromStdString(text);
}

} // namespace

enum class SpecForm::FieldKind { Choice, Boolean, Number, Text, Yaml, Object, Datasource };

// One key of the form: its widget, or the fields of a nested object.
struct SpecForm::Field
{
    using Kind = FieldKind;
    Kind kind = Kind::Text;
    std::string key;
    QString path; // for problems: "legend.position"
    QComboBox *choice = nullptr;
    QLineEdit *line = nullptr;
    QPlainTextEdit *yaml = nullptr;
    std::vector<std::unique_ptr<Field>> children;
    bool wasObject = false; // the nested object was written: kept even when emptied
    std::string datasourceKind;

    // The value the widget holds; none: the key is not written.
    std::optional<Node> read(const Node *before, QString *problem) const
    {
        switch (kind) {
        case Kind::Choice:
        case Kind::Boolean: {
            if (choice->currentIndex() < 0 || choice->currentData().toBool())
                return std::nullopt; // the unset entry
            const QString picked = choice->currentText();
            if (kind == Kind::Boolean)
                return Node::boolean(picked == u"true");
            return Node::string(picked.toStdString());
        }
        case Kind::Number: {
            const QString text = line->text().trimmed();
            if (text.isEmpty())
                return std::nullopt;
            bool ok = false;
            const double number = text.toDouble(&ok);
            if (!ok) {
                if (problem && problem->isEmpty())
                    *problem = SpecForm::tr("%1: \"%2\" is not a number").arg(path, text);
                return before ? std::optional<Node>(*before) : std::nullopt;
            }
            return Node::number(number, text.toStdString());
        }
        case Kind::Text:
            if (line->text().isEmpty())
                return std::nullopt;
            return Node::string(line->text().toStdString());
        case Kind::Datasource: {
            const QString picked = choice->currentText().trimmed();
            if (picked.isEmpty() || picked == unsetChoice())
                return std::nullopt; // the kind's default, as the Perses UI writes it
            if (picked.startsWith(u'$'))
                return Node::string(picked.toStdString());
            const std::string name = picked.section(QStringLiteral(" · "), 0, 0).toStdString();
            if (before && before->isObject() && before->stringAt("name") == name)
                return *before;
            Node selector = Node::object();
            selector.set("kind", Node::string(datasourceKind));
            selector.set("name", Node::string(name));
            return selector;
        }
        case Kind::Yaml: {
            const std::string text = yaml->toPlainText().toStdString();
            if (yaml->toPlainText().trimmed().isEmpty())
                return std::nullopt;
            const ParseResult parsed = YamlReader::parse(text);
            if (parsed.hasErrors() || parsed.documents.empty()) {
                if (problem && problem->isEmpty())
                    *problem = SpecForm::tr("%1: %2").arg(
                        path, parsed.diagnostics.empty()
                                  ? SpecForm::tr("no value")
                                  : QString::fromStdString(parsed.diagnostics.front().message));
                return before ? std::optional<Node>(*before) : std::nullopt;
            }
            Node value = parsed.documents.front();
            return value;
        }
        case Kind::Object: {
            Node object = before && before->isObject() ? *before : Node::object();
            for (const auto &child : children) {
                const Node *old = before ? before->find(child->key) : nullptr;
                if (std::optional<Node> value = child->read(old, problem))
                    object.set(child->key, std::move(*value));
                else
                    object.remove(child->key);
            }
            if (object.size() == 0 && !wasObject)
                return std::nullopt;
            return object;
        }
        }
        return std::nullopt;
    }
};

SpecForm::SpecForm(const Schema &schema, const Node &spec, DatasourcePicker picker, QWidget *parent)
    : QWidget(parent)
    , m_original(spec.isObject() ? spec : Node::object())
    , m_picker(std::move(picker))
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    if (schema.kind() == Schema::Kind::Object) {
        addFields(schema, m_original, form, m_fields, {});
    } else {
        // A spec with no fields to list: all of it as YAML.
        auto field = makeField(SchemaField{{}, schema, false}, &m_original, tr("spec"));
        form->addRow(field->yaml);
        m_fields.push_back(std::move(field));
    }
}

SpecForm::~SpecForm() = default;

void SpecForm::addFields(const Schema &schema, const Node &spec, QFormLayout *form,
                         std::vector<std::unique_ptr<Field>> &into, const QString &prefix)
{
    for (const SchemaField &field : schema.fields()) {
        const QString key = QString::fromStdString(field.name);
        const QString path = prefix.isEmpty() ? key : prefix + u'.' + key;
        std::unique_ptr<Field> made = makeField(field, spec.find(field.name), path);
        const QString label = field.required ? tr("%1 (required):").arg(key) : key + u':';
        if (made->kind == Field::Kind::Object) {
            auto *group = new QGroupBox(key, this);
            auto *inner = new QFormLayout(group);
            const Node *nested = spec.find(field.name);
            addFields(field.schema, nested && nested->isObject() ? *nested : Node::object(), inner,
                      made->children, path);
            form->addRow(group);
        } else {
            QWidget *widget = made->choice ? static_cast<QWidget *>(made->choice)
                              : made->line ? static_cast<QWidget *>(made->line)
                                           : static_cast<QWidget *>(made->yaml);
            widget->setObjectName(path);
            form->addRow(label, widget);
        }
        into.push_back(std::move(made));
    }
}

// Which widget a key gets. A value of another type than the schema's is shown as YAML, so
// that the form never drops what it cannot show (a choice would have read it as unset).
SpecForm::FieldKind SpecForm::kindFor(const SchemaField &field, const Node *current) const
{
    if (field.name == "datasource" && !m_picker.kind.empty())
        return Field::Kind::Datasource;
    const Schema &schema = field.schema;
    switch (schema.kind()) {
    case Schema::Kind::Bool:
        return !current || current->isBool() ? Field::Kind::Boolean : Field::Kind::Yaml;
    case Schema::Kind::String:
        if (current && !current->isString())
            return Field::Kind::Yaml;
        return schema.allowedStrings().empty() ? Field::Kind::Text : Field::Kind::Choice;
    case Schema::Kind::Number:
    case Schema::Kind::Integer:
        return !current || current->isNumber() ? Field::Kind::Number : Field::Kind::Yaml;
    case Schema::Kind::Object:
        return !current || current->isObject() ? Field::Kind::Object : Field::Kind::Yaml;
    default:
        return Field::Kind::Yaml;
    }
}

std::unique_ptr<SpecForm::Field> SpecForm::makeField(const SchemaField &schemaField,
                                                     const Node *current, const QString &path)
{
    auto field = std::make_unique<Field>();
    field->key = schemaField.name;
    field->path = path;
    field->kind = kindFor(schemaField, current);
    const auto text = [current] {
        return current && current->isString() ? QString::fromStdString(current->text()) : QString();
    };
    switch (field->kind) {
    case Field::Kind::Datasource:
        field->datasourceKind = m_picker.kind;
        field->choice = datasourceChoice(current);
        break;
    case Field::Kind::Boolean:
        field->choice =
            choice({QStringLiteral("true"), QStringLiteral("false")},
                   current ? QString::fromStdString(JsonWriter::writeCompact(*current)) : QString(),
                   schemaField.required);
        break;
    case Field::Kind::Choice: {
        QStringList values;
        for (const std::string &value : schemaField.schema.allowedStrings())
            values << QString::fromStdString(value);
        field->choice = choice(values, text(), schemaField.required);
        break;
    }
    case Field::Kind::Text:
        field->line = line(text());
        break;
    case Field::Kind::Number:
        field->line =
            line(current ? QString::fromStdString(JsonWriter::writeCompact(*current)) : QString());
        break;
    case Field::Kind::Object:
        field->wasObject = current != nullptr;
        break;
    case Field::Kind::Yaml:
        field->yaml = yamlEdit(current);
        break;
    }
    return field;
}

// "(default)" first (unless a required key has a value: the plugin would refuse it unset),
// then the values; one the schema does not list stays selectable.
QComboBox *SpecForm::choice(const QStringList &values, const QString &selected, bool required)
{
    auto *box = new QComboBox(this);
    if (!required || selected.isEmpty())
        box->addItem(unsetChoice(), true);
    box->addItems(values);
    if (!selected.isEmpty() && box->findText(selected) < 0)
        box->addItem(selected);
    box->setCurrentIndex(selected.isEmpty() ? 0 : box->findText(selected));
    connect(box, &QComboBox::currentIndexChanged, this, &SpecForm::changed);
    return box;
}

// The dashboard's datasources of the plugin's kind, its default, or a "$variable" typed in.
QComboBox *SpecForm::datasourceChoice(const Node *current)
{
    auto *box = new QComboBox(this);
    box->setEditable(true);
    box->addItem(unsetChoice());
    box->addItems(m_picker.choices);
    const QString named = current && current->isString() ? QString::fromStdString(current->text())
                          : current && current->isObject()
                              ? QString::fromStdString(current->stringAt("name"))
                              : QString();
    int index = 0;
    for (int i = 1; i < box->count(); ++i) {
        if (!named.isEmpty() && box->itemText(i).section(QStringLiteral(" · "), 0, 0) == named)
            index = i;
    }
    box->setCurrentIndex(index);
    if (!named.isEmpty() && index == 0)
        box->setEditText(named); // not among them: kept, and shown
    connect(box, &QComboBox::currentTextChanged, this, &SpecForm::changed);
    return box;
}

QLineEdit *SpecForm::line(const QString &value)
{
    auto *edit = new QLineEdit(value, this);
    edit->setPlaceholderText(unsetChoice());
    connect(edit, &QLineEdit::textChanged, this, &SpecForm::changed);
    return edit;
}

QPlainTextEdit *SpecForm::yamlEdit(const Node *current)
{
    auto *edit = new QPlainTextEdit(current ? yamlText(*current) : QString(), this);
    edit->setPlaceholderText(tr("(default) YAML"));
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    connect(edit, &QPlainTextEdit::textChanged, this, &SpecForm::changed);
    return edit;
}

Node SpecForm::value() const
{
    Node spec = m_original;
    for (const auto &field : m_fields) {
        if (field->key.empty()) { // the whole spec as YAML
            std::optional<Node> whole = field->read(&m_original, nullptr);
            return whole ? *whole : Node::object();
        }
        const Node *old = m_original.find(field->key);
        if (std::optional<Node> value = field->read(old, nullptr))
            spec.set(field->key, std::move(*value));
        else
            spec.remove(field->key);
    }
    return spec;
}

QString SpecForm::problem() const
{
    QString problem;
    for (const auto &field : m_fields)
        field->read(m_original.find(field->key), &problem);
    return problem;
}

} // namespace Pd::Gui
