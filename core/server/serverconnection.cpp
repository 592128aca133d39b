// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "serverconnection.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Pd {

namespace {

QString authenticationName(ServerConnection::Authentication authentication)
{
    switch (authentication) {
    case ServerConnection::Authentication::None:
        return QStringLiteral("none");
    case ServerConnection::Authentication::Token:
        return QStringLiteral("token");
    case ServerConnection::Authentication::Native:
        break;
    }
    return QStringLiteral("native");
}

ServerConnection::Authentication parseAuthentication(const QString &name)
{
    if (name == u"none")
        return ServerConnection::Authentication::None;
    if (name == u"token")
        return ServerConnection::Authentication::Token;
    return ServerConnection::Authentication::Native;
}

} // namespace

QString ServerConnections::filePath()
{
    // GenericConfigLocation, so the CLI (which names no application) finds the same file.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/perses-desktop/servers.json");
}

std::vector<ServerConnection> ServerConnections::load(QString *error)
{
    QFile file(filePath());
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QObject::tr("cannot read %1").arg(filePath());
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        if (error)
            *error = QObject::tr("%1: %2").arg(filePath(), parseError.errorString());
        return {};
    }
    std::vector<ServerConnection> connections;
    for (const QJsonValue &value : document.object().value(u"servers").toArray()) {
        const QJsonObject object = value.toObject();
        ServerConnection connection;
        connection.name = object.value(u"name").toString();
        connection.url = object.value(u"url").toString();
        connection.authentication = parseAuthentication(object.value(u"authentication").toString());
        connection.username = object.value(u"username").toString();
        connection.caFile = object.value(u"caFile").toString();
        connection.insecure = object.value(u"insecure").toBool();
        if (!connection.name.isEmpty() && !connection.url.isEmpty())
            connections.push_back(std::move(connection));
    }
    return connections;
}

QString ServerConnections::save(const std::vector<ServerConnection> &connections)
{
    QJsonArray servers;
    for (const ServerConnection &connection : connections) {
        QJsonObject object{
            {QStringLiteral("name"), connection.name},
            {QStringLiteral("url"), connection.url},
            {QStringLiteral("authentication"), authenticationName(connection.authentication)}};
        if (!connection.username.isEmpty())
            object[u"username"] = connection.username;
        if (!connection.caFile.isEmpty())
            object[u"caFile"] = connection.caFile;
        if (connection.insecure)
            object[u"insecure"] = true;
        servers.append(object);
    }
    QDir().mkpath(QFileInfo(filePath()).path());
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("cannot write %1").arg(filePath());
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("servers"), servers}}).toJson());
    if (!file.commit())
        return QObject::tr("cannot write %1").arg(filePath());
    return {};
}

std::optional<ServerConnection> ServerConnections::find(const QString &name, QString *error)
{
    for (ServerConnection &connection : load(error)) {
        if (connection.name == name)
            return std::move(connection);
    }
    return std::nullopt;
}

} // namespace Pd
