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

// One key of the form: its widget, or the fields of a nested object.
struct SpecForm::Field
{
    enum class Kind { Choice, Boolean, Number, Text, Yaml, Object, Datasource };
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

std::unique_ptr<SpecForm::Field> SpecForm::makeField(const SchemaField &schemaField,
                                                     const Node *current, const QString &path)
{
    auto field = std::make_unique<Field>();
    field->key = schemaField.name;
    field->path = path;
    const Schema &schema = schemaField.schema;
    const auto emitChanged = [this] { emit changed(); };
    if (schemaField.name == "datasource" && !m_picker.kind.empty()) {
        field->kind = Field::Kind::Datasource;
        field->datasourceKind = m_picker.kind;
        field->choice = new QComboBox(this);
        field->choice->setEditable(true); // "$variable" may be typed
        field->choice->addItem(unsetChoice());
        field->choice->addItems(m_picker.choices);
        QString named;
        if (current && current->isString())
            named = QString::fromStdString(current->text());
        else if (current && current->isObject())
            named = QString::fromStdString(current->stringAt("name"));
        int index = 0;
        for (int i = 1; i < field->choice->count(); ++i) {
            if (!named.isEmpty() &&
                field->choice->itemText(i).section(QStringLiteral(" · "), 0, 0) == named)
                index = i;
        }
        field->choice->setCurrentIndex(index);
        if (!named.isEmpty() && index == 0)
            field->choice->setEditText(named); // not among them: kept, and shown
        connect(field->choice, &QComboBox::currentTextChanged, this, emitChanged);
        return field;
    }
    auto choiceOf = [&](const QStringList &values, const QString &selected) {
        field->choice = new QComboBox(this);
        // A required field that has a value is not offered unset: the plugin would refuse it.
        if (!schemaField.required || selected.isEmpty())
            field->choice->addItem(unsetChoice(), true);
        field->choice->addItems(values);
        const int index = field->choice->findText(selected);
        // A value the schema does not list stays selectable: the form never drops it.
        if (!selected.isEmpty() && index < 0)
            field->choice->addItem(selected);
        field->choice->setCurrentIndex(selected.isEmpty() ? 0 : field->choice->findText(selected));
        connect(field->choice, &QComboBox::currentIndexChanged, this, emitChanged);
    };
    switch (schema.kind()) {
    case Schema::Kind::Bool:
        field->kind = Field::Kind::Boolean;
        choiceOf({QStringLiteral("true"), QStringLiteral("false")},
                 current && current->isBool()
                     ? (current->toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                     : QString());
        break;
    case Schema::Kind::String:
        if (!schema.allowedStrings().empty()) {
            field->kind = Field::Kind::Choice;
            QStringList values;
            for (const std::string &value : schema.allowedStrings())
                values << QString::fromStdString(value);
            choiceOf(values, current && current->isString()
                                 ? QString::fromStdString(current->text())
                                 : QString());
            break;
        }
        if (!current || current->isString()) {
            field->kind = Field::Kind::Text;
            field->line =
                new QLineEdit(current ? QString::fromStdString(current->text()) : QString(), this);
            field->line->setPlaceholderText(unsetChoice());
            connect(field->line, &QLineEdit::textChanged, this, emitChanged);
            break;
        }
        [[fallthrough]]; // another type written there: shown as it is
    case Schema::Kind::Number:
    case Schema::Kind::Integer:
        if (schema.kind() != Schema::Kind::String && (!current || current->isNumber())) {
            field->kind = Field::Kind::Number;
            field->line = new QLineEdit(
                current ? QString::fromStdString(JsonWriter::writeCompact(*current)) : QString(),
                this);
            field->line->setPlaceholderText(unsetChoice());
            connect(field->line, &QLineEdit::textChanged, this, emitChanged);
            break;
        }
        [[fallthrough]];
    default:
        if (schema.kind() == Schema::Kind::Object && (!current || current->isObject())) {
            field->kind = Field::Kind::Object;
            field->wasObject = current != nullptr;
            break;
        }
        field->kind = Field::Kind::Yaml;
        field->yaml = new QPlainTextEdit(current ? yamlText(*current) : QString(), this);
        field->yaml->setPlaceholderText(tr("(default) YAML"));
        field->yaml->setTabChangesFocus(true);
        field->yaml->setFixedHeight(field->yaml->fontMetrics().lineSpacing() * 4 + 12);
        connect(field->yaml, &QPlainTextEdit::textChanged, this, emitChanged);
        break;
    }
    return field;
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
