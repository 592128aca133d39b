// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "persestestserver.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>

namespace {

const QHash<QString, QString> kindOfPlural = {
    {QStringLiteral("projects"), QStringLiteral("Project")},
    {QStringLiteral("dashboards"), QStringLiteral("Dashboard")},
    {QStringLiteral("datasources"), QStringLiteral("Datasource")},
    {QStringLiteral("variables"), QStringLiteral("Variable")},
    {QStringLiteral("folders"), QStringLiteral("Folder")},
    {QStringLiteral("secrets"), QStringLiteral("Secret")},
    {QStringLiteral("globaldatasources"), QStringLiteral("GlobalDatasource")},
    {QStringLiteral("globalvariables"), QStringLiteral("GlobalVariable")},
    {QStringLiteral("globalsecrets"), QStringLiteral("GlobalSecret")},
};

bool isGlobal(const QString &plural)
{
    return plural.startsWith(u"global") || plural == u"projects";
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 415:
        return "Unsupported Media Type";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

HttpResponse json(int status, const QJsonValue &value)
{
    HttpResponse response;
    response.status = status;
    response.body = value.isObject()
                        ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                        : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return response;
}

// echo's error body, `<category>: <detail>` (perses-api.md §2).
HttpResponse error(int status, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("message"), message}});
}

HttpResponse noContent()
{
    HttpResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Every sensitive string of a secret as "<secret>" (§5.2: reads show the public form).
QJsonValue maskSecrets(const QJsonValue &value)
{
    static const QStringList sensitive = {
        QStringLiteral("password"), QStringLiteral("credentials"), QStringLiteral("clientSecret"),
        QStringLiteral("ca"),       QStringLiteral("cert"),        QStringLiteral("key")};
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (sensitive.contains(it.key()) && it.value().isString())
                it.value() = QStringLiteral("<secret>");
            else
                it.value() = maskSecrets(it.value());
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = maskSecrets(*it);
        return array;
    }
    return value;
}

// What the server's own validation refuses that a test needs: panel references (§1.2).
QString referenceProblem(const QJsonObject &dashboard)
{
    const QJsonObject spec = dashboard.value(u"spec").toObject();
    const QJsonObject panels = spec.value(u"panels").toObject();
    for (const QJsonValue &layout : spec.value(u"layouts").toArray()) {
        for (const QJsonValue &item : layout[u"spec"][u"items"].toArray()) {
            const QString ref = item[u"content"][u"$ref"].toString();
            const QString id = ref.section(u'/', -1);
            if (!ref.startsWith(u"#/spec/panels/") || !panels.contains(id))
                return QStringLiteral("bad request: no panel found for ref %1").arg(ref);
        }
    }
    return {};
}

} // namespace

QString PersesTestServer::dashboardProblem(const QJsonObject &dashboard) const
{
    if (const QString problem = referenceProblem(dashboard); !problem.isEmpty())
        return problem;
    if (m_options.requireDisplayName &&
        dashboard[u"spec"][u"display"][u"name"].toString().isEmpty())
        return QStringLiteral("bad request: custom lint rule \"display-name\": the dashboard "
                              "has no display name");
    return {};
}

PersesTestServer::PersesTestServer(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    for (int i = 0; i < 8; ++i)
        m_key.append(QByteArray::number(QRandomGenerator::global()->generate64(), 16));
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            accept(socket);
    });
}

bool PersesTestServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QString PersesTestServer::load(const QString &folder, bool devDataOnly)
{
    QDirIterator files(folder, {QStringLiteral("*.json")}, QDir::Files,
                       QDirIterator::Subdirectories);
    QStringList paths;
    while (files.hasNext())
        paths << files.next();
    paths.sort();
    // Projects first: every other resource names one.
    std::stable_sort(paths.begin(), paths.end(), [](const QString &a, const QString &b) {
        return a.contains(u"/projects/") && !b.contains(u"/projects/");
    });
    for (const QString &path : std::as_const(paths)) {
        if (devDataOnly && !QFileInfo(path).fileName().startsWith(u"dev-data__"))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read %1").arg(path);
        const QJsonObject resource = QJsonDocument::fromJson(file.readAll()).object();
        const QString kind = resource.value(u"kind").toString();
        const QString plural = kindOfPlural.key(kind);
        if (plural.isEmpty())
            continue; // ephemeral dashboards and other kinds this server does not keep
        const QString project = resource[u"metadata"][u"project"].toString();
        if (!isGlobal(plural) && project.isEmpty())
            continue;
        store(plural, project, resource);
    }
    return {};
}

void PersesTestServer::generate(int projects, int dashboards, const QJsonObject &dashboard)
{
    for (int p = 0; p < projects; ++p) {
        const QString project = QStringLiteral("project-%1").arg(p, 3, 10, QLatin1Char('0'));
        store(QStringLiteral("projects"), {},
              QJsonObject{
                  {QStringLiteral("kind"), QStringLiteral("Project")},
                  {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), project}}},
                  {QStringLiteral("spec"), QJsonObject{}}});
        for (int d = 0; d < dashboards; ++d) {
            QJsonObject copy = dashboard;
            QJsonObject metadata = copy.value(u"metadata").toObject();
            metadata[u"name"] = QStringLiteral("dashboard-%1").arg(d, 3, 10, QLatin1Char('0'));
            metadata[u"project"] = project;
            copy[u"metadata"] = metadata;
            store(QStringLiteral("dashboards"), project, copy);
        }
    }
}

QString PersesTestServer::store(const QString &plural, const QString &project,
                                const QJsonObject &resource)
{
    QJsonObject copy = resource;
    QJsonObject metadata = copy.value(u"metadata").toObject();
    const QString name = normalise(metadata.value(u"name").toString());
    metadata[u"name"] = name;
    metadata.remove(u"project");
    if (!isGlobal(plural))
        metadata[u"project"] = normalise(project);
    const QString key = (isGlobal(plural) ? QString() : normalise(project)) + u'/' + name;
    const QJsonObject stored = m_resources[plural].value(key);
    const QString now = nowText();
    metadata[u"createdAt"] = stored.isEmpty() ? now : stored[u"metadata"][u"createdAt"].toString();
    metadata[u"updatedAt"] = now;
    metadata[u"version"] = stored.isEmpty() ? 0 : stored[u"metadata"][u"version"].toInt() + 1;
    copy[u"metadata"] = metadata;
    if (plural == u"dashboards") {
        QJsonObject spec = copy.value(u"spec").toObject();
        if (!spec.contains(u"duration"))
            spec[u"duration"] = QStringLiteral("1h"); // the Go model's default
        copy[u"spec"] = spec;
    }
    m_resources[plural][key] = copy;
    return key;
}

void PersesTestServer::accept(QTcpSocket *socket)
{
    auto buffer = std::make_shared<QByteArray>();
    auto busy = std::make_shared<bool>(false);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    auto process = std::make_shared<std::function<void()>>();
    *process = [this, socket, buffer, busy, process] {
        if (*busy)
            return;
        const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        HttpRequest request;
        const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name == "content-length")
                length = value.toLongLong();
        }
        if (buffer->size() < headEnd + 4 + length)
            return;
        request.body = buffer->mid(headEnd + 4, length);
        buffer->remove(0, headEnd + 4 + length);
        const QUrl url(QString::fromLatin1(request.target));
        request.query = QUrlQuery(url);
        request.path = url.path(QUrl::FullyDecoded).toUtf8();
        while (request.path.size() > 1 && request.path.endsWith('/'))
            request.path.chop(1);
        *busy = true;
        QPointer<QTcpSocket> guard(socket);
        dispatch(request, [guard, busy, process](const HttpResponse &response) {
            if (!guard)
                return;
            QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                              reason(response.status) + "\r\n";
            if (!response.contentType.isEmpty())
                head += "Content-Type: " + response.contentType + "\r\n";
            for (const auto &[name, value] : response.headers)
                head += name + ": " + value + "\r\n";
            head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
            guard->write(head + response.body);
            *busy = false;
            (*process)();
        });
    };
    connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, process] {
        buffer->append(socket->readAll());
        (*process)();
    });
}

void PersesTestServer::dispatch(const HttpRequest &request, const Reply &reply)
{
    if (request.path == "/test/faults" && request.method == "POST") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        m_faults.append({body.value(u"path").toString().toUtf8(), body.value(u"status").toInt(500),
                         body.value(u"html").toBool(), body.value(u"times").toInt(1)});
        reply(noContent());
        return;
    }
    if (request.path == "/test/device/approve" && request.method == "POST") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        for (DeviceGrant &grant : m_deviceGrants) {
            if (grant.userCode == body.value(u"user_code").toString())
                grant.user = body.value(u"user").toString();
        }
        reply(noContent());
        return;
    }
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (!request.path.startsWith(fault.path))
            continue;
        HttpResponse response;
        response.status = fault.status;
        if (fault.html) {
            response.contentType = "text/html";
            response.body = "<!DOCTYPE html>\n<html><head><title>" +
                            QByteArray::number(fault.status) + ' ' + reason(fault.status) +
                            "</title></head><body><center><h1>" + QByteArray::number(fault.status) +
                            ' ' + reason(fault.status) +
                            "</h1></center><hr><center>nginx</center></body></html>\n";
        } else {
            response = error(fault.status, QStringLiteral("internal server error"));
        }
        if (--fault.times <= 0)
            m_faults.removeAt(i);
        reply(response);
        return;
    }
    QString user;
    bool deferred = false;
    const HttpResponse response = route(request, user, deferred, reply);
    if (!deferred)
        reply(response);
}

HttpResponse PersesTestServer::route(const HttpRequest &request, QString &user, bool &deferred,
                                     const Reply &reply)
{
    const QString path = QString::fromUtf8(request.path);
    const QByteArray &method = request.method;
    const bool writes = method == "POST" || method == "PUT" || method == "DELETE";
    if (path == u"/api/config" && method == "GET")
        return config();
    if (path == u"/api/v1/health" && method == "GET")
        return json(200, QJsonObject{{QStringLiteral("version"), QStringLiteral("0.54.0-test")},
                                     {QStringLiteral("database"), true}});
    if (path == u"/api/auth/providers/native/login" && method == "POST" && m_options.auth)
        return login(request);
    if (path == u"/api/auth/refresh" && method == "POST" && m_options.auth)
        return refresh(request);
    if (path.startsWith(u"/api/auth/providers/oidc/test-idp/") && method == "POST" &&
        m_options.auth)
        return device(request, path.section(u'/', 6));
    if (path.startsWith(u"/api/validate/") && method == "POST")
        return validate(request, path.section(u'/', 3));
    const bool api = path.startsWith(u"/api/v1/");
    const bool proxied = path.startsWith(u"/proxy/");
    if (!api && !proxied)
        return error(404, QStringLiteral("Not Found"));
    if (m_options.auth) {
        HttpResponse failure;
        user = authenticate(request, failure);
        if (user.isEmpty())
            return failure;
    }
    const QStringList segments = path.mid(proxied ? 7 : 8).split(u'/', Qt::SkipEmptyParts);
    if (proxied) {
        deferred = true;
        proxy(request, user, segments, reply);
        return {};
    }
    if (segments == QStringList{QStringLiteral("user"), QStringLiteral("whoami")}) {
        if (!m_options.auth)
            return error(401,
                         QStringLiteral("unauthorized: authentication is required to retrieve user "
                                        "permissions"));
        return json(200, QJsonObject{{QStringLiteral("kind"), QStringLiteral("User")},
                                     {QStringLiteral("metadata"),
                                      QJsonObject{{QStringLiteral("name"), user}}},
                                     {QStringLiteral("spec"), QJsonObject{}}});
    }
    if (segments.size() == 3 && segments[0] == u"users" && segments[2] == u"permissions") {
        if (normalise(segments[1]) != user)
            return error(403, QStringLiteral("forbidden access: you can only retrieve your "
                                             "permissions"));
        return json(200, permissions(user));
    }
    if (segments.value(0) == u"search" && segments.value(1) == u"dashboards")
        return search(request, user);
    if (m_options.readonly && writes)
        return error(405, QStringLiteral("Method Not Allowed"));
    return resources(request, user, segments);
}

HttpResponse PersesTestServer::config() const
{
    const QJsonObject idp{{QStringLiteral("slug_id"), QStringLiteral("test-idp")},
                          {QStringLiteral("name"), QStringLiteral("Test IdP")},
                          {QStringLiteral("client_id"), QStringLiteral("<secret>")},
                          {QStringLiteral("device_code"), QJsonObject{}}};
    const QJsonObject providers{{QStringLiteral("enable_native"), true},
                                {QStringLiteral("oidc"), QJsonArray{idp}},
                                {QStringLiteral("oauth"), QJsonArray{}}};
    const QJsonObject authentication{
        {QStringLiteral("access_token_ttl"), QStringLiteral("%1s").arg(m_options.accessTtlSeconds)},
        {QStringLiteral("refresh_token_ttl"),
         QStringLiteral("%1s").arg(m_options.refreshTtlSeconds)},
        {QStringLiteral("providers"), providers}};
    const QJsonObject security{{QStringLiteral("enable_auth"), m_options.auth},
                               {QStringLiteral("readonly"), m_options.readonly},
                               {QStringLiteral("authentication"), authentication}};
    const QJsonObject database{
        {QStringLiteral("file"), QJsonObject{{QStringLiteral("folder"), QStringLiteral("/data")},
                                             {QStringLiteral("extension"), QStringLiteral("yaml")},
                                             {QStringLiteral("case_sensitive"), false}}}};
    return json(200, QJsonObject{{QStringLiteral("api_prefix"), QString()},
                                 {QStringLiteral("security"), security},
                                 {QStringLiteral("database"), database}});
}

HttpResponse PersesTestServer::login(const HttpRequest &request)
{
    if (!request.header("content-type").contains("application/json"))
        return error(415, QStringLiteral("unsupported media type"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString login = body.value(u"login").toString();
    const QString password = body.value(u"password").toString();
    if (login.isEmpty() || password.isEmpty())
        return error(400, QStringLiteral("bad request: code=400, message=%1 cannot be empty")
                              .arg(login.isEmpty() ? u"login" : u"password"));
    const QString user = normalise(login);
    const bool known = user == u"admin" || user == u"viewer" || user == u"dev";
    if (!known || password != user + QStringLiteral("-password"))
        return error(400, QStringLiteral("bad request: wrong login or password "));
    const QJsonObject tokens = tokenBody(user);
    HttpResponse response = json(200, tokens);
    response.headers = cookies(tokens);
    return response;
}

HttpResponse PersesTestServer::refresh(const HttpRequest &request)
{
    QByteArray refreshToken = request.cookie("jwtRefreshToken");
    if (refreshToken.isEmpty())
        refreshToken = QJsonDocument::fromJson(request.body)
                           .object()
                           .value(u"refresh_token")
                           .toString()
                           .toUtf8();
    const QString user = verify(refreshToken, "refresh");
    if (user.isEmpty())
        return error(400, QStringLiteral("bad request: invalid refresh token"));
    QJsonObject tokens = tokenBody(user);
    tokens[u"refresh_token"] = QString::fromUtf8(refreshToken); // no rotation (§3.5)
    HttpResponse response = json(200, tokens);
    response.headers = cookies(tokens);
    return response;
}

HttpResponse PersesTestServer::device(const HttpRequest &request, const QString &step)
{
    auto oauthError = [](const char *code) {
        return json(400, QJsonObject{{QStringLiteral("error"), QLatin1String(code)},
                                     {QStringLiteral("error_description"), QLatin1String(code)}});
    };
    if (step == u"device/code") {
        const QString deviceCode = QString::number(QRandomGenerator::global()->generate64(), 16);
        const QString userCode =
            QStringLiteral("WDJB-%1").arg(m_deviceGrants.size() + 1, 4, 10, QLatin1Char('0'));
        m_deviceGrants.insert(deviceCode, {userCode, {}});
        const QString page = QStringLiteral("http://127.0.0.1:%1/test/device").arg(port());
        return json(200, QJsonObject{{QStringLiteral("device_code"), deviceCode},
                                     {QStringLiteral("user_code"), userCode},
                                     {QStringLiteral("verification_uri"), page},
                                     {QStringLiteral("verification_uri_complete"),
                                      page + QStringLiteral("?user_code=") + userCode},
                                     {QStringLiteral("expires_in"), 300},
                                     {QStringLiteral("interval"), 1}});
    }
    if (step != u"token")
        return error(404, QStringLiteral("Not Found"));
    if (!request.header("content-type").contains("application/x-www-form-urlencoded"))
        return oauthError("invalid_request");
    const QUrlQuery form(QString::fromUtf8(request.body));
    if (form.queryItemValue(QStringLiteral("grant_type")) !=
        u"urn:ietf:params:oauth:grant-type:device_code")
        return oauthError("unsupported_grant_type");
    const auto grant = m_deviceGrants.constFind(
        form.queryItemValue(QStringLiteral("device_code"), QUrl::FullyDecoded));
    if (grant == m_deviceGrants.cend())
        return oauthError("expired_token");
    if (grant->user.isEmpty())
        return oauthError("authorization_pending");
    const QString user = grant->user;
    m_deviceGrants.erase(grant);
    const QJsonObject tokens = tokenBody(user);
    HttpResponse response = json(200, tokens);
    response.headers = cookies(tokens);
    return response;
}

QJsonObject PersesTestServer::tokenBody(const QString &user) const
{
    return {{QStringLiteral("access_token"),
             QString::fromUtf8(token(user, m_options.accessTtlSeconds, "access"))},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("refresh_token"),
             QString::fromUtf8(token(user, m_options.refreshTtlSeconds, "refresh"))},
            {QStringLiteral("expiry"), QStringLiteral("0001-01-01T00:00:00Z")},
            {QStringLiteral("expires_in"), m_options.accessTtlSeconds}};
}

QList<QPair<QByteArray, QByteArray>> PersesTestServer::cookies(const QJsonObject &tokens) const
{
    const QByteArray access = tokens.value(u"access_token").toString().toUtf8();
    const qsizetype cut = access.lastIndexOf('.');
    const QByteArray age =
        QByteArray::number(std::max(m_options.accessTtlSeconds, m_options.refreshTtlSeconds));
    return {{"Set-Cookie", "jwtPayload=" + access.left(cut) + "; Path=/; Max-Age=" + age},
            {"Set-Cookie",
             "jwtSignature=" + access.mid(cut + 1) + "; Path=/; Max-Age=" + age + "; HttpOnly"},
            {"Set-Cookie", "jwtRefreshToken=" + tokens.value(u"refresh_token").toString().toUtf8() +
                               "; Path=/; Max-Age=" +
                               QByteArray::number(m_options.refreshTtlSeconds) + "; HttpOnly"}};
}

QByteArray PersesTestServer::token(const QString &user, int ttlSeconds,
                                   const QByteArray &purpose) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray header = base64Url(R"({"alg":"HS512","typ":"JWT"})");
    const QByteArray payload =
        base64Url(QJsonDocument(QJsonObject{{QStringLiteral("sub"), user},
                                            {QStringLiteral("exp"), now + ttlSeconds},
                                            {QStringLiteral("nbf"), now},
                                            {QStringLiteral("pkd"), QStringLiteral("native")},
                                            {QStringLiteral("pid"), QString()}})
                      .toJson(QJsonDocument::Compact));
    const QByteArray signature = QMessageAuthenticationCode::hash(
        header + '.' + payload, m_key + purpose, QCryptographicHash::Sha512);
    return header + '.' + payload + '.' + base64Url(signature);
}

QString PersesTestServer::verify(const QByteArray &token, const QByteArray &purpose) const
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const QByteArray expected = base64Url(QMessageAuthenticationCode::hash(
        parts[0] + '.' + parts[1], m_key + purpose, QCryptographicHash::Sha512));
    if (expected != parts[2])
        return {};
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
            .object();
    if (claims.value(u"exp").toInteger() <= QDateTime::currentSecsSinceEpoch())
        return {};
    return claims.value(u"sub").toString();
}

QString PersesTestServer::authenticate(const HttpRequest &request, HttpResponse &failure) const
{
    QByteArray jwt;
    const QByteArray payload = request.cookie("jwtPayload");
    const QByteArray signature = request.cookie("jwtSignature");
    if (!payload.isEmpty() && !signature.isEmpty()) {
        jwt = payload + '.' + signature; // the cookies win over the header (§3.3)
    } else {
        const QByteArray authorization = request.header("authorization");
        if (authorization.startsWith("Bearer "))
            jwt = authorization.mid(7).trimmed();
    }
    if (jwt.isEmpty()) {
        failure = error(401, QStringLiteral("missing or malformed jwt"));
        return {};
    }
    const QString user = verify(jwt, "access");
    if (user.isEmpty())
        failure = error(401, QStringLiteral("invalid or expired jwt"));
    return user;
}

QJsonObject PersesTestServer::permissions(const QString &user) const
{
    auto rule = [](const QString &action, const QString &scope) {
        return QJsonObject{{QStringLiteral("actions"), QJsonArray{action}},
                           {QStringLiteral("scopes"), QJsonArray{scope}}};
    };
    if (user == u"admin")
        return {{QStringLiteral("*"), QJsonArray{rule(QStringLiteral("*"), QStringLiteral("*"))}}};
    QJsonObject map{
        {QStringLiteral("*"), QJsonArray{rule(QStringLiteral("read"), QStringLiteral("*"))}}};
    if (user == u"dev")
        map[QStringLiteral("testing")] =
            QJsonArray{rule(QStringLiteral("*"), QStringLiteral("Dashboard"))};
    return map;
}

bool PersesTestServer::allowed(const QString &user, const QString &action, const QString &project,
                               const QString &kind) const
{
    if (!m_options.auth)
        return true;
    const QJsonObject map = permissions(user);
    for (const QString &scope : {QStringLiteral("*"), project}) {
        for (const QJsonValue &rule : map.value(scope).toArray()) {
            const QJsonArray actions = rule[u"actions"].toArray();
            const QJsonArray scopes = rule[u"scopes"].toArray();
            if ((actions.contains(action) || actions.contains(u"*"_qs)) &&
                (scopes.contains(kind) || scopes.contains(u"*"_qs)))
                return true;
        }
    }
    return false;
}

HttpResponse PersesTestServer::resources(const HttpRequest &request, const QString &user,
                                         const QStringList &segments)
{
    // /projects/{p}/{plural}[/{n}], /{plural}[/{n}]
    QString project;
    QString plural;
    QString name;
    bool projectPath = false;
    if (segments.value(0) == u"projects" && segments.size() >= 3) {
        project = normalise(segments[1]);
        plural = segments[2];
        name = normalise(segments.value(3));
        projectPath = true;
        if (segments.size() > 4 || isGlobal(plural))
            return error(404, QStringLiteral("Not Found"));
    } else {
        plural = segments.value(0);
        name = normalise(segments.value(1));
        if (segments.size() > 2)
            return error(404, QStringLiteral("Not Found"));
    }
    const QString kind = kindOfPlural.value(plural);
    if (kind.isEmpty())
        return error(404, QStringLiteral("Not Found"));
    const bool global = isGlobal(plural);
    const QByteArray &method = request.method;
    auto &table = m_resources[plural];
    if (project.isEmpty() && !global && method == "GET")
        project = normalise(request.query.queryItemValue(QStringLiteral("project")));
    if ((method == "POST" || method == "PUT") &&
        !request.header("content-type").contains("application/json"))
        return error(415, QStringLiteral("unsupported media type"));
    QJsonObject body;
    if (method == "POST" || method == "PUT") {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (!document.isObject())
            return error(400, QStringLiteral("bad request: %1").arg(parseError.errorString()));
        body = document.object();
        if (body.value(u"kind").toString() != kind)
            return error(400, QStringLiteral("bad request: invalid kind: \"%1\" for a %2 type")
                                  .arg(body.value(u"kind").toString(), kind));
        const QString bodyProject = normalise(body[u"metadata"][u"project"].toString());
        if (!global) {
            if (project.isEmpty())
                project = bodyProject;
            else if (!bodyProject.isEmpty() && bodyProject != project)
                return error(400, QStringLiteral("bad request: metadata.project and path "
                                                 "parameter project don't match"));
        }
        const QString bodyName = normalise(body[u"metadata"][u"name"].toString());
        if (method == "PUT" && !bodyName.isEmpty() && bodyName != name)
            return error(400, QStringLiteral("bad request: metadata.name and the name in the "
                                             "path don't match"));
        if (method == "POST" && bodyName.isEmpty())
            return error(400, QStringLiteral("bad request: name cannot be empty"));
        if (method == "POST")
            name = bodyName;
        if (kind == u"Dashboard") {
            if (const QString problem = dashboardProblem(body); !problem.isEmpty())
                return error(400, problem);
        }
    }
    if (!global && !project.isEmpty() && (method == "GET" || method == "POST") &&
        !m_resources[QStringLiteral("projects")].contains(u'/' + project))
        return error(
            400, QStringLiteral("bad request: metadata.project \"%1\" doesn't exist").arg(project));
    if (!global && project.isEmpty() && method != "GET")
        return error(400, QStringLiteral("bad request: metadata.project cannot be empty"));
    const QString permissionProject = global ? QStringLiteral("*") : project;
    const QString key = (global ? QString() : project) + u'/' + name;
    auto forbidden = [&](const QString &action) {
        return error(403, QStringLiteral("forbidden access: missing '%1' permission in '%2' "
                                         "project for '%3' kind")
                              .arg(action, permissionProject, kind));
    };
    auto publicForm = [&](QJsonObject resource) {
        if (plural.endsWith(u"secrets"))
            resource = maskSecrets(resource).toObject();
        return resource;
    };
    if (method == "GET" && name.isEmpty()) {
        if (projectPath && !allowed(user, QStringLiteral("read"), project, kind))
            return forbidden(QStringLiteral("read"));
        const bool metadataOnly =
            request.query.queryItemValue(QStringLiteral("metadata_only")) == u"true" &&
            !plural.endsWith(u"datasources");
        const QString prefix = normalise(request.query.queryItemValue(QStringLiteral("name")));
        QJsonArray list;
        for (auto it = table.cbegin(); it != table.cend(); ++it) {
            const QString itemProject = it.key().section(u'/', 0, 0);
            const QString itemName = it.key().section(u'/', 1);
            if (!project.isEmpty() && itemProject != project)
                continue;
            if (!itemName.startsWith(prefix))
                continue;
            if (plural == u"projects" ? !allowed(user, QStringLiteral("read"), itemName, kind)
                                      : !allowed(user, QStringLiteral("read"),
                                                 global ? QStringLiteral("*") : itemProject, kind))
                continue; // lists are filtered, not refused (§4)
            QJsonObject item = publicForm(it.value());
            if (metadataOnly)
                item[u"spec"] = QJsonObject{};
            list.append(item);
        }
        return json(200, list);
    }
    if (method == "GET") {
        if (!allowed(user, QStringLiteral("read"), plural == u"projects" ? name : permissionProject,
                     kind))
            return forbidden(QStringLiteral("read"));
        if (!table.contains(key))
            return error(404, QStringLiteral("document not found"));
        return json(200, publicForm(table.value(key)));
    }
    if (method == "POST") {
        if (!allowed(user, QStringLiteral("create"), permissionProject, kind))
            return forbidden(QStringLiteral("create"));
        if (table.contains(key))
            return error(409, QStringLiteral("document already exists"));
        return json(200, publicForm(table.value(store(plural, project, body))));
    }
    if (method == "PUT") {
        if (!allowed(user, QStringLiteral("update"), permissionProject, kind))
            return forbidden(QStringLiteral("update"));
        if (!table.contains(key))
            return error(404, QStringLiteral("document not found"));
        return json(200, publicForm(table.value(store(plural, project, body))));
    }
    if (method == "DELETE") {
        if (!allowed(user, QStringLiteral("delete"), permissionProject, kind))
            return forbidden(QStringLiteral("delete"));
        if (!table.remove(key))
            return error(404, QStringLiteral("document not found"));
        if (plural == u"projects") {
            for (auto &resources : m_resources) {
                for (auto it = resources.begin(); it != resources.end();)
                    it = it.key().startsWith(name + u'/') ? resources.erase(it) : std::next(it);
            }
        }
        return noContent();
    }
    return error(405, QStringLiteral("Method Not Allowed"));
}

HttpResponse PersesTestServer::validate(const HttpRequest &request, const QString &kind)
{
    if (!request.header("content-type").contains("application/json"))
        return error(415, QStringLiteral("unsupported media type"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (kind == u"dashboards") {
        if (body.value(u"kind").toString() != u"Dashboard")
            return error(400, QStringLiteral("bad request: invalid kind: \"%1\" for a Dashboard "
                                             "type")
                                  .arg(body.value(u"kind").toString()));
        if (const QString problem = dashboardProblem(body); !problem.isEmpty())
            return error(400, problem);
    }
    HttpResponse response;
    response.contentType.clear();
    return response;
}

HttpResponse PersesTestServer::search(const HttpRequest &request, const QString &user)
{
    const QString text = request.query.queryItemValue(QStringLiteral("query")).toLower();
    QJsonArray hits;
    const auto &dashboards = m_resources[QStringLiteral("dashboards")];
    for (auto it = dashboards.cbegin(); it != dashboards.cend(); ++it) {
        const QString project = it.key().section(u'/', 0, 0);
        if (!allowed(user, QStringLiteral("read"), project, QStringLiteral("Dashboard")))
            continue;
        const QString displayName = it.value()[u"spec"][u"display"][u"name"].toString();
        if (!it.key().section(u'/', 1).contains(text) && !displayName.toLower().contains(text))
            continue;
        hits.append(QJsonObject{{QStringLiteral("metadata"), it.value().value(u"metadata")},
                                {QStringLiteral("displayName"), displayName}});
    }
    return json(200, hits);
}

void PersesTestServer::proxy(const HttpRequest &request, const QString &user,
                             const QStringList &segments, const Reply &reply)
{
    // globaldatasources/{n}/…, projects/{p}/datasources/{n}/…,
    // projects/{p}/dashboards/{d}/datasources/{n}/… (§7.1)
    QJsonObject datasource;
    int consumed = 0;
    QString missing;
    QByteArray method = request.method;
    QByteArray body = request.body;
    if (segments.value(0) == u"unsaved") {
        // POST {"method", "body": base64, "spec"}: the datasource as the unsaved edit has it.
        const QString project = normalise(segments.value(2));
        if (request.method != "POST") {
            reply(error(405, QStringLiteral("Method Not Allowed")));
            return;
        }
        if (!allowed(user, QStringLiteral("create"), project, QStringLiteral("Datasource"))) {
            reply(error(403, QStringLiteral("forbidden access: missing 'create' permission in "
                                            "'%1' project for 'Datasource' kind")
                                 .arg(project)));
            return;
        }
        const QJsonObject wrapper = QJsonDocument::fromJson(request.body).object();
        datasource = wrapper.value(u"spec").toObject();
        method = wrapper.value(u"method").toString().toUtf8();
        body = QByteArray::fromBase64(wrapper.value(u"body").toString().toLatin1());
        consumed = segments.value(3) == u"dashboards" ? 6 : 4;
        missing = QStringLiteral("unsaved");
    } else if (segments.value(0) == u"globaldatasources" && segments.size() >= 2) {
        if (!allowed(user, QStringLiteral("read"), QStringLiteral("*"),
                     QStringLiteral("GlobalDatasource"))) {
            reply(error(403, QStringLiteral("forbidden access")));
            return;
        }
        missing = normalise(segments[1]);
        datasource = m_resources[QStringLiteral("globaldatasources")]
                         .value(u'/' + missing)
                         .value(u"spec")
                         .toObject();
        consumed = 2;
    } else if (segments.value(0) == u"projects" && segments.value(2) == u"datasources" &&
               segments.size() >= 4) {
        missing = normalise(segments[3]);
        datasource = m_resources[QStringLiteral("datasources")]
                         .value(normalise(segments[1]) + u'/' + missing)
                         .value(u"spec")
                         .toObject();
        consumed = 4;
    } else if (segments.value(0) == u"projects" && segments.value(2) == u"dashboards" &&
               segments.value(4) == u"datasources" && segments.size() >= 6) {
        // The saved dashboard's datasource, read from the database (§7.1).
        missing = segments[5];
        datasource = m_resources[QStringLiteral("dashboards")]
                         .value(normalise(segments[1]) + u'/' + normalise(segments[3]))
                         .value(u"spec")
                         .toObject()
                         .value(u"datasources")
                         .toObject()
                         .value(segments[5])
                         .toObject();
        consumed = 6;
    } else {
        reply(error(404, QStringLiteral("Not Found")));
        return;
    }
    if (segments.value(0) == u"projects" &&
        !allowed(user, QStringLiteral("read"), normalise(segments[1]),
                 QStringLiteral("Datasource"))) {
        reply(error(403, QStringLiteral("forbidden access")));
        return;
    }
    const QJsonObject proxySpec = datasource[u"plugin"][u"spec"][u"proxy"][u"spec"].toObject();
    if (datasource.isEmpty()) {
        reply(error(404, QStringLiteral("unable to forward the request to the datasource \"%1\", "
                                        "datasource doesn't exist")
                             .arg(missing)));
        return;
    }
    if (proxySpec.value(u"url").toString().isEmpty()) {
        reply(error(502, QStringLiteral("unable to build or find the config")));
        return;
    }
    const QString subPath = u'/' + segments.mid(consumed).join(u'/');
    const QJsonArray allowedEndpoints = proxySpec.value(u"allowedEndpoints").toArray();
    bool permitted = allowedEndpoints.isEmpty();
    for (const QJsonValue &endpoint : allowedEndpoints) {
        const QRegularExpression pattern(endpoint[u"endpointPattern"].toString());
        if (endpoint[u"method"].toString().toUtf8() == method && pattern.match(subPath).hasMatch())
            permitted = true;
    }
    if (!permitted) {
        reply(error(403, QStringLiteral("forbidden access: you are not allowed to use this "
                                        "endpoint \"%1\" with the HTTP method %2")
                             .arg(subPath, QString::fromLatin1(method))));
        return;
    }
    QString base = proxySpec.value(u"url").toString();
    while (base.endsWith(u'/'))
        base.chop(1);
    QUrl upstream(base + subPath);
    upstream.setQuery(request.query);
    QNetworkRequest forwarded(upstream);
    const QByteArray contentType = segments.value(0) == u"unsaved"
                                       ? QByteArray("application/x-www-form-urlencoded")
                                       : request.header("content-type");
    if (!contentType.isEmpty() && !body.isEmpty())
        forwarded.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    const QJsonObject headers = proxySpec.value(u"headers").toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().compare(u"Authorization", Qt::CaseInsensitive) != 0)
            forwarded.setRawHeader(it.key().toUtf8(), it.value().toString().toUtf8());
    }
    QNetworkReply *network = m_network.sendCustomRequest(forwarded, method, body);
    connect(network, &QNetworkReply::finished, this, [network, reply] {
        network->deleteLater();
        const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            reply(error(500, network->errorString()));
            return;
        }
        HttpResponse response;
        response.status = status;
        response.contentType = network->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        response.body = network->readAll();
        reply(response);
    });
}
