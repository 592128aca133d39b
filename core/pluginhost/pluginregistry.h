// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pluginschemaregistry.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace PdPlugin {
class PanelPlugin;
class PanelOptionsEditor;
class QueryPlugin;
class DatasourcePlugin;
class VariablePlugin;
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

    // The built-in schemas plus one for each plugin kind they do not know, whose check asks
    // the plugin. Validation then covers third-party panels, queries, datasources, variables.
    PluginSchemaRegistry schemas() const;

private:
    void add(QObject *instance, const QString &name, const QString &origin);
    QStringList claimKinds(QObject *instance, Entry &entry);
    template <typename Interface>
    bool checkVersion(Interface *plugin, Entry &entry);

    std::vector<Entry> m_entries;
    std::map<QString, PdPlugin::PanelPlugin *> m_panels;
    std::map<QString, PdPlugin::PanelOptionsEditor *> m_optionsEditors;
    std::map<QString, PdPlugin::QueryPlugin *> m_queries;
    std::map<QString, PdPlugin::DatasourcePlugin *> m_datasources;
    std::map<QString, PdPlugin::VariablePlugin *> m_variables;
    bool m_staticLoaded = false;
};

} // namespace Pd
