// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "formdialog.h"
#include "node.h"
#include "pluginschemaregistry.h"

#include <functional>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QTimer;
class QVBoxLayout;

namespace Pd::Gui {

class DashboardView;
class QueryEditor;
class SpecForm;

// Edit Panel…: a panel's title, description and plugin kind, its options (the plugin's own
// options widget when it brings one, else a form from its schema), and its queries (added,
// removed, each with its PromQL, legend, step and datasource), beside a live preview of the
// panel as edited, drawn with the dashboard's datasources and variables. Switching the kind
// keeps the options that still fit the new one. The dialog gives back the panel's whole spec;
// the page writes what differs into the text.
class PanelEditor : public FormDialog
{
    Q_OBJECT

public:
    struct Context
    {
        std::shared_ptr<const PluginSchemaRegistry> schemas;
        QStringList datasources;                             // "name · scope"
        std::function<QString(const QString &name)> resolve; // a selector's datasource
        // A dashboard that shows only this panel spec; the dialog owns what it returns.
        std::function<DashboardView *(const Node &panelSpec)> preview;
        // Ctrl+Space in a PromQL box: completes it with the preview's datasources.
        std::function<void(QueryEditor *query, DashboardView *preview)> completeQuery;
        bool dark = false;
    };

    PanelEditor(const QString &panelId, const Node &panelSpec, Context context,
                QWidget *parent = nullptr);
    ~PanelEditor() override;

    // The panel's spec as edited: {display, plugin, queries, ...}.
    Node spec() const;
    // Why the edits cannot be written yet (a field that does not read); empty when they can.
    QString problem() const;

    QLineEdit *titleField() const { return m_title; }
    QComboBox *kindField() const { return m_kind; }
    const std::vector<QueryEditor *> &queries() const { return m_queries; }
    QueryEditor *addQuery();
    DashboardView *preview() const { return m_preview; }
    SpecForm *optionsForm() const { return m_form; }
    QWidget *optionsWidget() const { return m_optionsWidget; }
    // Draws the preview now (it follows edits after a short pause).
    void refreshPreview();

private:
    void buildOptions(const Node &options);
    void kindChanged();
    void removeQuery(QueryEditor *query);
    void scheduleChange();
    Node optionsSpec() const;
    std::vector<std::string> queryTypes() const;
    QueryEditor *makeQuery(const Node &query);

    Node m_original;
    Context m_context;
    QLineEdit *m_title;
    QLineEdit *m_description;
    QComboBox *m_kind;
    QTabWidget *m_tabs;
    QScrollArea *m_optionsArea;
    QWidget *m_optionsWidget = nullptr; // the plugin's own, or the form
    SpecForm *m_form = nullptr;
    Node m_pluginOptions;            // what the plugin's own widget last gave back
    Node m_carried = Node::object(); // the options of every kind shown, the latest winning
    QWidget *m_queriesPage;
    QVBoxLayout *m_queryList;
    std::vector<QueryEditor *> m_queries;
    QVBoxLayout *m_previewPane;
    DashboardView *m_preview = nullptr;
    QTimer *m_previewTimer;
};

} // namespace Pd::Gui
