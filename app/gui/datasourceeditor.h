// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "formdialog.h"
#include "node.h"
#include "pluginschemaregistry.h"

#include <memory>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QVBoxLayout;

namespace Pd::Gui {

class SpecForm;

// Datasources…: the dashboard's own datasources, added, removed, renamed and edited: display
// name, whether it is the default of its kind, and its plugin (any datasource plugin, its spec
// as a form from the plugin's schema). The datasources the dashboard also sees from its
// project and globally are listed with their scope, so that a name that hides one is plain.
// The dialog gives back the whole spec.datasources map; the page writes what differs.
class DatasourceEditor : public FormDialog
{
    Q_OBJECT

public:
    // `datasources` is spec.datasources as written (an object, or null when there is none);
    // `inherited` the others the dashboard sees, "name · scope".
    DatasourceEditor(const Node &datasources, std::shared_ptr<const PluginSchemaRegistry> schemas,
                     const QStringList &inherited, QWidget *parent = nullptr);
    ~DatasourceEditor() override;

    // {name: {default, display?, plugin: {kind, spec}}, ...} as edited.
    Node value();
    QString problem() const;

    // A new Prometheus datasource, selected; its name made unique from "prometheus".
    void addDatasource();
    void removeSelected();
    void select(int row);
    void accept() override;

    QListWidget *list() const { return m_list; }
    QLineEdit *nameField() const { return m_name; }
    QCheckBox *defaultField() const { return m_default; }
    QComboBox *pluginField() const { return m_plugin; }
    SpecForm *pluginForm() const { return m_form; }

private:
    struct Entry
    {
        std::string name;
        Node spec;
    };
    void commit(); // the form into the selected entry
    void showEntry(int row);
    void buildPluginForm(const Node &pluginSpec);
    void changed();

    std::vector<Entry> m_entries;
    std::shared_ptr<const PluginSchemaRegistry> m_schemas;
    int m_current = -1;
    bool m_loading = false;
    QListWidget *m_list;
    QWidget *m_details;
    QLineEdit *m_name;
    QLineEdit *m_displayName;
    QCheckBox *m_default;
    QComboBox *m_plugin;
    QVBoxLayout *m_pluginPane;
    SpecForm *m_form = nullptr;
};

} // namespace Pd::Gui
