// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourcecatalog.h"
#include "model.h"
#include "node.h"
#include "pluginschemaregistry.h"

#include <QGroupBox>

#include <functional>

class QComboBox;
class QLineEdit;
class QVBoxLayout;

namespace Pd::Gui {

class CodeEditor;
class SpecForm;

// One query of a panel in the panel editor: its plugin kind (those that serve the panel's
// query types), and for a Prometheus query its PromQL (highlighted, Ctrl+Space completes
// from its datasource), legend format, minimum step and datasource, the scope that wins
// shown beside it; another plugin's spec as a form from its schema. Keys the editor has no
// field for are kept as written.
class QueryEditor : public QGroupBox
{
    Q_OBJECT

public:
    struct Choices
    {
        const PluginSchemaRegistry *schemas = nullptr;
        std::vector<std::string> queryTypes;                 // what the panel accepts
        QStringList datasources;                             // "name · scope"
        std::function<QString(const QString &name)> resolve; // what a selector resolves to
        bool dark = false;
    };

    QueryEditor(const Node &query, Choices choices, QWidget *parent = nullptr);

    // The query as the editor has it: {kind, spec: {plugin: {kind, spec}}}.
    Node value() const;
    void setNumber(int number);
    CodeEditor *promql() const { return m_promql; }
    QComboBox *datasource() const { return m_datasource; }
    QComboBox *kind() const { return m_kind; }
    QString problem() const;

    // The datasources of `kind` the queries of `dashboard` may select, "name · scope": its
    // own, then its project's and the global ones.
    static QStringList datasourceChoices(const Model::Dashboard &dashboard,
                                         const std::vector<Model::Datasource> &stored,
                                         const std::string &kind);
    // What a Prometheus selector naming `name` (empty: the default) resolves to, in words.
    static QString resolvedDatasource(const Model::Dashboard &dashboard,
                                      const std::vector<Model::Datasource> &stored,
                                      const QString &name);
    static QString scopeName(const DatasourceEntry &entry);

signals:
    void changed();
    void removeRequested();
    // Ctrl+Space in the PromQL box: the page completes with the query as it is.
    void completionRequested();

private:
    void buildFields();
    Node pluginSpec() const;
    static QString selectorName(const QString &choice);

    Node m_query;
    Choices m_choices;
    QComboBox *m_kind;
    QVBoxLayout *m_fields;
    QWidget *m_fieldsWidget = nullptr;
    CodeEditor *m_promql = nullptr;
    QLineEdit *m_legend = nullptr;
    QLineEdit *m_minStep = nullptr;
    QComboBox *m_datasource = nullptr;
    SpecForm *m_form = nullptr;
};

} // namespace Pd::Gui
