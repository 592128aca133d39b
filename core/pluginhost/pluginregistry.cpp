// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "pluginregistry.h"

#include "jsonbridge.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QPluginLoader>
#include <QStandardPaths>

#include <perses-desktop/datasourceplugin.h>
#include <perses-desktop/paneloptionseditor.h>
#include <perses-desktop/panelplugin.h>
#include <perses-desktop/queryplugin.h>
#include <perses-desktop/variableplugin.h>

namespace Pd {

namespace {

const QStringList knownInterfaces = {
    QStringLiteral(PdPanelPlugin_iid),      QStringLiteral(PdQueryPlugin_iid),
    QStringLiteral(PdDatasourcePlugin_iid), QStringLiteral(PdVariablePlugin_iid),
    QStringLiteral(PdQueryPluginV2_iid),    QStringLiteral(PdDatasourcePluginV2_iid),
    QStringLiteral(PdVariablePluginV2_iid)};

bool isModuleFile(const QFileInfo &file)
{
    return file.isFile() && QLibrary::isLibrary(file.fileName());
}

// Claims each kind for `plugin` unless an earlier plugin has it.
template <typename Plugin, typename Kinds>
void claim(std::map<QString, Plugin *> &owners, Plugin *plugin, const Kinds &kinds,
           QStringList &claimed, QStringList &shadowed)
{
    for (const auto &kind : kinds) {
        if (owners.try_emplace(kind.kind, plugin).second)
            claimed.append(kind.kind);
        else
            shadowed.append(kind.kind);
    }
}

template <typename Plugin>
Schema checkedBy(Plugin *plugin, const QString &kind)
{
    return Schema::any().withCheck([plugin, kind](const Node &spec) -> std::optional<std::string> {
        const PdPlugin::SpecIssues issues =
            plugin->validateSpec(kind, toQJsonValue(spec).toObject());
        if (issues.isEmpty())
            return std::nullopt;
        QStringList messages;
        for (const PdPlugin::SpecIssue &issue : issues)
            messages.append(issue.path.isEmpty()
                                ? issue.message
                                : issue.path + QStringLiteral(": ") + issue.message);
        return messages.join(QStringLiteral("; ")).toStdString();
    });
}

} // namespace

PluginRegistry &PluginRegistry::instance()
{
    static PluginRegistry registry = [] {
        PluginRegistry loaded;
        loaded.loadStaticPlugins();
        for (const QString &folder : pluginFolders())
            loaded.loadFolder(folder);
        return loaded;
    }();
    return registry;
}

QStringList PluginRegistry::pluginFolders()
{
    QStringList folders;
    // The executable's folder, also before (or without) a QCoreApplication, as in `lint`.
    const QString executableDir = QCoreApplication::instance()
                                      ? QCoreApplication::applicationDirPath()
                                      : QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
    if (!executableDir.isEmpty())
        folders.append(
            QDir::cleanPath(executableDir + QStringLiteral("/../lib/perses-desktop/plugins")));
    QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    if (dataHome.isEmpty())
        dataHome = QDir::homePath() + QStringLiteral("/.local/share");
    folders.append(dataHome + QStringLiteral("/perses-desktop/plugins"));
    for (const QString &folder :
         qEnvironmentVariable("PERSES_DESKTOP_PLUGIN_PATH").split(u':', Qt::SkipEmptyParts))
        folders.append(folder);
    return folders;
}

void PluginRegistry::loadStaticPlugins()
{
    if (std::exchange(m_staticLoaded, true))
        return;
    for (const QStaticPlugin &plugin : QPluginLoader::staticPlugins()) {
        const QString name = plugin.metaData().value(QStringLiteral("className")).toString();
        add(plugin.instance(), name, QStringLiteral("built-in"));
    }
}

void PluginRegistry::loadFolder(const QString &folder)
{
    const QDir dir(folder);
    if (!dir.exists())
        return;
    for (const QFileInfo &file : dir.entryInfoList(QDir::Files, QDir::Name)) {
        if (isModuleFile(file))
            loadFile(file.absoluteFilePath());
    }
}

void PluginRegistry::loadFile(const QString &path)
{
    QPluginLoader loader(path);
    const QJsonObject metaData = loader.metaData();
    const QString name = metaData.value(QStringLiteral("className")).toString();
    const QString iid = metaData.value(QStringLiteral("IID")).toString();
    Entry failed{name.isEmpty() ? QFileInfo(path).fileName() : name, path, {}, {}};
    if (metaData.isEmpty()) {
        failed.error = loader.errorString();
        m_entries.push_back(failed);
        return;
    }
    if (!knownInterfaces.contains(iid)) {
        failed.error =
            QStringLiteral("not a Perses Desktop plugin of this version (interface \"%1\")")
                .arg(iid);
        m_entries.push_back(failed);
        return;
    }
    QObject *instance = loader.instance();
    if (!instance) {
        failed.error = loader.errorString();
        m_entries.push_back(failed);
        return;
    }
    add(instance, failed.name, path);
}

template <typename Interface>
bool PluginRegistry::checkVersion(Interface *plugin, Entry &entry)
{
    if (!plugin || plugin->interfaceVersion() == PdPlugin::apiVersion)
        return true;
    entry.error = QStringLiteral("built for plugin interface %1; this app has %2")
                      .arg(plugin->interfaceVersion())
                      .arg(PdPlugin::apiVersion);
    return false;
}

template <typename Interface>
bool PluginRegistry::checkDataVersion(Interface *plugin, Entry &entry)
{
    if (!plugin || plugin->dataInterfaceVersion() == PdPlugin::dataApiVersion)
        return true;
    entry.error = QStringLiteral("built for data interface %1; this app has %2")
                      .arg(plugin->dataInterfaceVersion())
                      .arg(PdPlugin::dataApiVersion);
    return false;
}

void PluginRegistry::add(QObject *instance, const QString &name, const QString &origin)
{
    Entry entry{name, origin, {}, {}};
    auto *panel = qobject_cast<PdPlugin::PanelPlugin *>(instance);
    auto *query = qobject_cast<PdPlugin::QueryPlugin *>(instance);
    auto *datasource = qobject_cast<PdPlugin::DatasourcePlugin *>(instance);
    auto *variable = qobject_cast<PdPlugin::VariablePlugin *>(instance);
    if (!panel && !query && !datasource && !variable)
        entry.error = QStringLiteral("implements none of the Perses Desktop plugin interfaces");
    else if (checkVersion(panel, entry) && checkVersion(query, entry) &&
             checkVersion(datasource, entry) && checkVersion(variable, entry) &&
             checkDataVersion(qobject_cast<PdPlugin::QueryPluginV2 *>(instance), entry) &&
             checkDataVersion(qobject_cast<PdPlugin::DatasourcePluginV2 *>(instance), entry) &&
             checkDataVersion(qobject_cast<PdPlugin::VariablePluginV2 *>(instance), entry))
        entry.kinds = claimKinds(instance, entry);
    m_entries.push_back(entry);
}

QStringList PluginRegistry::claimKinds(QObject *instance, Entry &entry)
{
    QStringList claimed;
    QStringList shadowed;
    if (auto *panel = qobject_cast<PdPlugin::PanelPlugin *>(instance)) {
        claim(m_panels, panel, panel->panelKinds(), claimed, shadowed);
        // An editor of another version is passed over: the schema's form stands in for it.
        auto *editor = qobject_cast<PdPlugin::PanelOptionsEditor *>(instance);
        if (editor && editor->optionsEditorVersion() == PdPlugin::optionsEditorApiVersion) {
            for (const auto &[kind, owner] : m_panels) {
                if (owner == panel)
                    m_optionsEditors.try_emplace(kind, editor);
            }
        }
    }
    if (auto *query = qobject_cast<PdPlugin::QueryPlugin *>(instance))
        claim(m_queries, query, query->queryKinds(), claimed, shadowed);
    if (auto *datasource = qobject_cast<PdPlugin::DatasourcePlugin *>(instance))
        claim(m_datasources, datasource, datasource->datasourceKinds(), claimed, shadowed);
    if (auto *variable = qobject_cast<PdPlugin::VariablePlugin *>(instance))
        claim(m_variables, variable, variable->variableKinds(), claimed, shadowed);
    claimRunners(instance, claimed, shadowed);
    claimed.removeDuplicates();
    if (claimed.isEmpty() && !shadowed.isEmpty())
        entry.error = QStringLiteral("every kind it provides is already provided (%1)")
                          .arg(shadowed.join(QStringLiteral(", ")));
    return claimed;
}

// The kinds a plugin runs. A kind another plugin only checks is still run by this one.
void PluginRegistry::claimRunners(QObject *instance, QStringList &claimed, QStringList &shadowed)
{
    if (auto *query = qobject_cast<PdPlugin::QueryPluginV2 *>(instance)) {
        for (const PdPlugin::QueryKind &kind : query->queryKinds())
            (m_queryRunners.try_emplace(kind.kind, QueryRunner{query, kind}).second ? claimed
                                                                                    : shadowed)
                .append(kind.kind);
    }
    if (auto *datasource = qobject_cast<PdPlugin::DatasourcePluginV2 *>(instance)) {
        for (const PdPlugin::DatasourceKind &kind : datasource->datasourceKinds())
            (m_datasourceRunners.try_emplace(kind.kind, datasource).second ? claimed : shadowed)
                .append(kind.kind);
    }
    if (auto *variable = qobject_cast<PdPlugin::VariablePluginV2 *>(instance)) {
        for (const PdPlugin::VariableKind &kind : variable->variableKinds())
            (m_variableRunners.try_emplace(kind.kind, VariableRunner{variable, kind}).second
                 ? claimed
                 : shadowed)
                .append(kind.kind);
    }
}

PdPlugin::DatasourcePluginV2 *PluginRegistry::datasourceRunner(const QString &kind) const
{
    const auto it = m_datasourceRunners.find(kind);
    return it == m_datasourceRunners.end() ? nullptr : it->second;
}

PluginRegistry::QueryRunner PluginRegistry::queryRunner(const QString &kind) const
{
    const auto it = m_queryRunners.find(kind);
    return it == m_queryRunners.end() ? QueryRunner{} : it->second;
}

PluginRegistry::VariableRunner PluginRegistry::variableRunner(const QString &kind) const
{
    const auto it = m_variableRunners.find(kind);
    return it == m_variableRunners.end() ? VariableRunner{} : it->second;
}

PdPlugin::PanelPlugin *PluginRegistry::panelPlugin(const QString &kind) const
{
    const auto it = m_panels.find(kind);
    return it == m_panels.end() ? nullptr : it->second;
}

PdPlugin::PanelOptionsEditor *PluginRegistry::panelOptionsEditor(const QString &kind) const
{
    const auto it = m_optionsEditors.find(kind);
    return it == m_optionsEditors.end() ? nullptr : it->second;
}

PluginSchemaRegistry PluginRegistry::schemas() const
{
    PluginSchemaRegistry schemas = PluginSchemaRegistry::builtin();
    auto addUnknown = [&schemas](const QString &kind, PluginType type, Schema spec) {
        if (schemas.find(kind.toStdString(), type))
            return;
        PluginSchema schema;
        schema.kind = kind.toStdString();
        schema.type = type;
        schema.spec = std::move(spec);
        // A third-party panel or query is taken as one of time series, the only query type
        // the engine runs.
        if (type == PluginType::Panel)
            schema.supportedQueryTypes = {"TimeSeriesQuery"};
        if (type == PluginType::Query)
            schema.queryType = "TimeSeriesQuery";
        schemas.add(std::move(schema));
    };
    for (const auto &[kind, plugin] : m_panels)
        addUnknown(kind, PluginType::Panel, checkedBy(plugin, kind));
    for (const auto &[kind, plugin] : m_queries) {
        // A kind that runs annotations is checked with the dashboard's annotations.
        if (queryRunner(kind).kind.queryType != QLatin1String("Annotation"))
            addUnknown(kind, PluginType::Query, checkedBy(plugin, kind));
    }
    for (const auto &[kind, plugin] : m_datasources)
        addUnknown(kind, PluginType::Datasource, checkedBy(plugin, kind));
    for (const auto &[kind, plugin] : m_variables)
        addUnknown(kind, PluginType::Variable, checkedBy(plugin, kind));
    return schemas;
}

} // namespace Pd
