// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpexchange.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

// A Perses server for tests, written from ../shared/spec/perses-api.md (no Perses server can
// be installed here). It keeps resources in memory and answers as the real one does:
// lower-cased names, 400 for a missing project, 409 for an existing name, 200 on create,
// 204 on delete, no concurrency control (the version in a PUT body is ignored), echo's error
// bodies, HS512 JWTs that expire, refresh without rotation, cookies that override the
// Authorization header, RBAC from a permissions map, `metadata_only`, and the datasource proxy
// with its allow-list, forwarding to the datasource's real URL.
//
// Users: admin (everything), viewer (read everywhere), dev (read everywhere, and everything on
// dashboards of project "testing"); each one's password is "<user>-password".
//
// Outside the published API, for tests only: POST /test/faults {"path": prefix, "status": N,
// "html": bool, "times": N} makes the next N requests under the prefix fail that way;
// POST /test/device/approve {"user_code": C, "user": U} plays the user entering the code of a
// device login at the identity provider.
class PersesTestServer : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool auth = true;
        bool readonly = false;
        int accessTtlSeconds = 900;
        int refreshTtlSeconds = 86400;
        // A custom lint rule as a server can be configured with (dashboards must have a
        // display name): what the server refuses and a local lint does not know.
        bool requireDisplayName = false;
    };

    explicit PersesTestServer(Options options, QObject *parent = nullptr);

    bool listen(quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    // Resources from a conformance-style tree (dev-data__* files) or any folder of JSON files.
    QString load(const QString &folder, bool devDataOnly);
    // `projects` projects of `dashboards` copies of one dashboard each, for benchmarks.
    void generate(int projects, int dashboards, const QJsonObject &dashboard);

private:
    struct Fault
    {
        QByteArray path;
        int status = 500;
        bool html = false;
        int times = 1;
    };
    using Reply = std::function<void(const HttpResponse &)>;

    void accept(QTcpSocket *socket);
    void dispatch(const HttpRequest &request, const Reply &reply);
    HttpResponse route(const HttpRequest &request, QString &user, bool &deferred,
                       const Reply &reply);
    HttpResponse login(const HttpRequest &request);
    HttpResponse refresh(const HttpRequest &request);
    HttpResponse device(const HttpRequest &request, const QString &step);
    HttpResponse resources(const HttpRequest &request, const QString &user,
                           const QStringList &segments);
    HttpResponse validate(const HttpRequest &request, const QString &kind);
    HttpResponse search(const HttpRequest &request, const QString &user);
    void proxy(const HttpRequest &request, const QString &user, const QStringList &segments,
               const Reply &reply);
    HttpResponse config() const;
    QString dashboardProblem(const QJsonObject &dashboard) const;

    QString authenticate(const HttpRequest &request, HttpResponse &failure) const;
    bool allowed(const QString &user, const QString &action, const QString &project,
                 const QString &kind) const;
    QJsonObject permissions(const QString &user) const;
    QByteArray token(const QString &user, int ttlSeconds, const QByteArray &purpose) const;
    QString verify(const QByteArray &token, const QByteArray &purpose) const;
    QJsonObject tokenBody(const QString &user) const;
    QList<QPair<QByteArray, QByteArray>> cookies(const QJsonObject &tokens) const;

    QString store(const QString &plural, const QString &project, const QJsonObject &resource);
    QString normalise(const QString &name) const { return name.toLower(); }

    Options m_options;
    QTcpServer m_server;
    QNetworkAccessManager m_network;
    QByteArray m_key;
    // plural kind → "project/name" (global: "/name") → resource
    QHash<QString, QMap<QString, QJsonObject>> m_resources;
    QList<Fault> m_faults;
    // The device flow of the provider "test-idp": device code → (user code, approved user).
    struct DeviceGrant
    {
        QString userCode;
        QString user; // empty until approved through POST /test/device/approve
    };
    QHash<QString, DeviceGrant> m_deviceGrants;
};
