// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "formdialog.h"
#include "node.h"
#include "pluginschemaregistry.h"

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QTimer;
class QVBoxLayout;

namespace Pd {
class DashboardQueryEngine;
}

namespace Pd::Gui {

class SpecForm;

// Edit Variable…: every field of a dashboard variable. A text variable's value and whether it
// is constant; a list variable's plugin (its spec as a form from the plugin's schema), multiple
// and "All" values, custom all value, capturing regexp, sort and default value; for both the
// name, display name, description and hidden. Beside them, the options the variable resolves
// to as edited (its plugin run against the dashboard's datasources, the variables it uses
// resolved first), or why it resolves to none. The dialog gives back the whole variable; the
// page writes what differs into the text.
class VariableEditor : public FormDialog
{
    Q_OBJECT

public:
    struct Context
    {
        std::shared_ptr<const PluginSchemaRegistry> schemas;
        // An engine for the dashboard with this variable as edited (not started; the dialog
        // owns it), to resolve the options with.
        std::function<DashboardQueryEngine *(const Node &variable)> engine;
        // The datasources of a kind the dashboard sees, "name · scope": the plugin's picker.
        std::function<QStringList(const std::string &kind)> datasources;
    };

    VariableEditor(const Node &variable, Context context, QWidget *parent = nullptr);
    ~VariableEditor() override;

    // {kind, spec} as edited.
    Node value() const;
    QString problem() const;
    // Resolves the options now (they follow edits after a short pause).
    void refreshPreview();

    QLineEdit *nameField() const { return m_name; }
    QComboBox *kindField() const { return m_kind; }
    QComboBox *pluginField() const { return m_plugin; }
    SpecForm *pluginForm() const { return m_form; }
    QLineEdit *textValueField() const { return m_value; }
    QCheckBox *allowMultipleField() const { return m_allowMultiple; }
    QCheckBox *allowAllField() const { return m_allowAll; }
    QLineEdit *capturingRegexpField() const { return m_regexp; }
    QComboBox *sortField() const { return m_sort; }
    QLineEdit *defaultValueField() const { return m_default; }
    // What the preview shows: the options' labels, and its status line.
    QListWidget *options() const { return m_options; }
    QLabel *previewStatus() const { return m_status; }
    bool isPreviewDone() const { return m_previewDone; }

private:
    QWidget *buildTextPage(const Node &spec);
    QWidget *buildListPage(const Node &spec);
    void buildPluginForm(const Node &pluginSpec);
    void changed();
    void showResolved();

    Node m_original;
    Context m_context;
    QLineEdit *m_name;
    QLineEdit *m_displayName;
    QLineEdit *m_description;
    QCheckBox *m_hidden;
    QComboBox *m_kind;
    QStackedWidget *m_pages;
    QLineEdit *m_value = nullptr;
    QCheckBox *m_constant = nullptr;
    QComboBox *m_plugin = nullptr;
    QVBoxLayout *m_pluginPane = nullptr;
    SpecForm *m_form = nullptr;
    QCheckBox *m_allowMultiple = nullptr;
    QCheckBox *m_allowAll = nullptr;
    QLineEdit *m_customAll = nullptr;
    QLineEdit *m_regexp = nullptr;
    QComboBox *m_sort = nullptr;
    QLineEdit *m_default = nullptr;
    QListWidget *m_options;
    QLabel *m_status;
    QTimer *m_previewTimer;
    DashboardQueryEngine *m_engine = nullptr;
    bool m_previewDone = false;
};

} // namespace Pd::Gui
