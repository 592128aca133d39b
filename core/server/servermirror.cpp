// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "servermirror.h"

#include "canonicalorder.h"
#include "datasourceconnection.h"
#include "resourcefile.h"
#include "serverpull.h"
#include "serverpush.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace Pd {

namespace {

std::optional<Node> readResource(const QString &path)
{
    const ResourceFile file = ResourceReader::readFile(path.toStdString());
    if (file.hasErrors() || file.resources.size() != 1)
        return std::nullopt;
    return file.resources.front().node;
}

bool writeText(const QString &path, const std::string &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile out(path);
    return out.open(QIODevice::WriteOnly) &&
           out.write(text.data(), qint64(text.size())) == qint64(text.size()) && out.commit();
}

} // namespace

ServerMirror::ServerMirror(const QString &connectionName, QString root)
    : m_root(std::move(root))
{
    if (m_root.isEmpty()) {
        QString folder = connectionName;
        folder.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
        m_root = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                 QStringLiteral("/servers/") + folder;
    }
}

QString ServerMirror::workingFile(const QString &project, const QString &name) const
{
    return m_root + u'/' + project + QStringLiteral("/dashboards/") + name +
           QStringLiteral(".yaml");
}

QString ServerMirror::baseFile(const QString &project, const QString &name) const
{
    return m_root + QStringLiteral("/.base/") + project + QStringLiteral("/dashboards/") + name +
           QStringLiteral(".yaml");
}

QString ServerMirror::incomingFolder() const
{
    return m_root + QStringLiteral("/.incoming");
}

bool ServerMirror::hasUnpublishedChanges(const QString &project, const QString &name) const
{
    if (!QFile::exists(workingFile(project, name)))
        return false;
    const std::optional<Node> working = readResource(workingFile(project, name));
    const std::optional<Node> base = readResource(baseFile(project, name));
    // A working copy that does not even read is someone's unfinished edit.
    return !working || !base || !ServerPush::sameContent(*working, *base);
}

ServerMirror::Adopted ServerMirror::adopt(const QString &project, const QString &name)
{
    const QString incoming =
        incomingFolder() + u'/' + project + QStringLiteral("/dashboards/") + name + u".yaml";
    QFile fresh(incoming);
    if (!fresh.open(QIODevice::ReadOnly))
        return Adopted::Missing;
    const QByteArray text = fresh.readAll();
    fresh.close();
    fresh.remove();
    if (hasUnpublishedChanges(project, name))
        return Adopted::KeptUnpublished;
    // Through JSON, as the server answered: the base keeps the version, the working copy not.
    const ResourceFile read =
        ResourceReader::readText(text.toStdString(), incoming.toStdString(), DocumentFormat::Yaml);
    if (read.hasErrors() || read.resources.empty())
        return Adopted::Missing;
    writeText(baseFile(project, name), text.toStdString());
    Node working = read.resources.front().node;
    if (Node *metadata = working.find("metadata"))
        metadata->remove("version");
    std::vector<Node> documents{working};
    writeText(workingFile(project, name), CanonicalOrder::write(documents, DocumentFormat::Yaml));
    return Adopted::Fresh;
}

QString ServerMirror::setBase(const QString &project, const QString &name, const QByteArray &json,
                              bool alsoWorking)
{
    if (!writeText(baseFile(project, name), ServerPull::fileText(json, DocumentFormat::Yaml)))
        return QObject::tr("cannot write %1").arg(baseFile(project, name));
    if (alsoWorking && !writeText(workingFile(project, name),
                                  ServerPull::fileText(json, DocumentFormat::Yaml, false)))
        return QObject::tr("cannot write %1").arg(workingFile(project, name));
    return {};
}

std::map<std::string, Node> ServerMirror::savedDatasourcePlugins(const QString &project,
                                                                 const QString &name) const
{
    std::map<std::string, Node> saved;
    const std::optional<Node> base = readResource(baseFile(project, name));
    const Node *datasources = base ? base->at({"spec", "datasources"}) : nullptr;
    for (const NodeMember &member :
         datasources ? datasources->members() : std::vector<NodeMember>{}) {
        const Node *plugin = member.value.find("plugin");
        const Node *spec = plugin ? plugin->find("spec") : nullptr;
        if (plugin && plugin->isObject())
            saved.emplace(member.key,
                          ServerProxyRoute::pluginNode(
                              {plugin->stringAt("kind"), {}, spec ? *spec : Node(), {}}));
    }
    return saved;
}

std::optional<qint64> ServerMirror::baseVersion(const QString &project, const QString &name) const
{
    const std::optional<Node> base = readResource(baseFile(project, name));
    const Node *version = base ? base->at({"metadata", "version"}) : nullptr;
    if (!version || !version->isNumber())
        return std::nullopt;
    return qint64(version->toNumber());
}

} // namespace Pd
