// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"
#include "schema.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;

namespace Pd::Gui {

// A plugin's spec as a form built from its schema, for the plugins that bring no options
// widget of their own: a field a key (a check list for yes/no, a choice for an enum, a line
// for text and numbers), nested objects as titled groups, and what has no simple widget
// (lists, maps, alternatives) as a few lines of YAML. An empty field is a key left unwritten,
// so the plugin's default applies; keys the schema does not know are kept as they were.
class SpecForm : public QWidget
{
    Q_OBJECT

public:
    // A `datasource` field as a choice among the dashboard's datasources of `kind` ("name ·
    // scope"), the kind's default, or a "$variable" typed in.
    struct DatasourcePicker
    {
        std::string kind;
        QStringList choices;
    };

    SpecForm(const Schema &schema, const Node &spec, DatasourcePicker picker = {},
             QWidget *parent = nullptr);
    ~SpecForm() override;

    // The spec as the form has it now.
    Node value() const;
    // Why a field does not read (a number that is not one, YAML that does not parse), with
    // its key; empty when every field reads.
    QString problem() const;

signals:
    void changed();

private:
    struct Field;
    void addFields(const Schema &schema, const Node &spec, QFormLayout *form,
                   std::vector<std::unique_ptr<Field>> &into, const QString &prefix);
    std::unique_ptr<Field> makeField(const SchemaField &field, const Node *current,
                                     const QString &path);
    enum class FieldKind;
    FieldKind kindFor(const SchemaField &field, const Node *current) const;
    QComboBox *choice(const QStringList &values, const QString &selected, bool required);
    QComboBox *datasourceChoice(const Node *current);
    QLineEdit *line(const QString &value);
    QPlainTextEdit *yamlEdit(const Node *current);

    Node m_original;
    DatasourcePicker m_picker;
    std::vector<std::unique_ptr<Field>> m_fields;
};

} // namespace Pd::Gui
