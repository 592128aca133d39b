// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pluginschemaregistry.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <perses-desktop/datasourceplugin.h>
#include <perses-desktop/queryplugin.h>
#include <perses-desktop/variableplugin.h>
#include <vector>

namespace PdPlugin {
class PanelPlugin;
class PanelOptionsEditor;
} // namespace PdPlugin

namespace Pd {

// Every plugin the app knows: the built-in ones (linked in, or shared modules next to the
// executable) and third-party modules from the plugin folders. A plugin that fails to load is
// kept with its reason, for `perses-desktop plugins` and the About Plugins dialog; it is never
// fatal. The first plugin to provide a kind wins; a later one is reported as shadowed.
class PluginRegistry
{
public:
    struct Entry
    {
        QString name;   // class name from the metadata, or the file name
        QString origin; // "built-in" or the module's path
        QStringList kinds;
        QString error; // empty when loaded
        bool loaded() const { return error.isEmpty(); }
    };

    // Static plugins, then modules from pluginFolders().
    static PluginRegistry &instance();

    void loadStaticPlugins();
    void loadFolder(const QString &folder);
    void loadFile(const QString &path);

    // The install folder, $XDG_DATA_HOME/perses-desktop/plugins, then each folder of
    // PERSES_DESKTOP_PLUGIN_PATH (':'-separated): the order they are searched in.
    static QStringList pluginFolders();

    const std::vector<Entry> &entries() const { return m_entries; }
    PdPlugin::PanelPlugin *panelPlugin(const QString &kind) const;
    // The options editor of the plugin that draws a panel kind, when it has one of this
    // app's version; nullptr otherwise (the panel editor then builds a form from the schema).
    PdPlugin::PanelOptionsEditor *panelOptionsEditor(const QString &kind) const;

    // The plugins that run a kind (interface version 2), with the kind as they declared it:
    // what the engine dispatches on. Null when no plugin runs the kind.
    struct QueryRunner
    {
        PdPlugin::QueryPluginV2 *plugin = nullptr;
        PdPlugin::QueryKind kind;
    };
    struct VariableRunner
    {
        PdPlugin::VariablePluginV2 *plugin = nullptr;
        PdPlugin::VariableKind kind;
    };
    PdPlugin::DatasourcePluginV2 *datasourceRunner(const QString &kind) const;
    QueryRunner queryRunner(const QString &kind) const;
    VariableRunner variableRunner(const QString &kind) const;

    // The built-in schemas plus one for each plugin kind they do not know, whose check asks
    // the plugin. Validation then covers third-party panels, queries, datasources, variables.
    PluginSchemaRegistry schemas() const;

private:
    void add(QObject *instance, const QString &name, const QString &origin);
    QStringList claimKinds(QObject *instance, Entry &entry);
    template <typename Interface>
    bool checkVersion(Interface *plugin, Entry &entry);
    template <typename Interface>
    bool checkDataVersion(Interface *plugin, Entry &entry);
    void claimRunners(QObject *instance, QStringList &claimed, QStringList &shadowed);

    std::vector<Entry> m_entries;
    std::map<QString, PdPlugin::PanelPlugin *> m_panels;
    std::map<QString, PdPlugin::PanelOptionsEditor *> m_optionsEditors;
    std::map<QString, PdPlugin::QueryPlugin *> m_queries;
    std::map<QString, PdPlugin::DatasourcePlugin *> m_datasources;
    std::map<QString, PdPlugin::VariablePlugin *> m_variables;
    std::map<QString, PdPlugin::DatasourcePluginV2 *> m_datasourceRunners;
    std::map<QString, QueryRunner> m_queryRunners;
    std::map<QString, VariableRunner> m_variableRunners;
    bool m_staticLoaded = false;
};

} // namespace Pd
