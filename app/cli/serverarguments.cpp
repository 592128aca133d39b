// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "serverarguments.h"

#include "credentialstore.h"
#include "persesapi.h"
#include "serverconnection.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>

#include <istream>
#include <ostream>

namespace Pd::Cli {

namespace {

std::optional<std::string> valueOf(const std::vector<std::string> &args, std::size_t &i,
                                   const std::string &name, std::string &value)
{
    const std::string &arg = args[i];
    if (arg.starts_with(name + "=")) {
        value = arg.substr(name.size() + 1);
        return std::nullopt;
    }
    if (i + 1 >= args.size())
        return name + " needs a value";
    value = args[++i];
    return std::nullopt;
}

std::string stripNewline(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}

} // namespace

bool ServerArguments::take(const std::vector<std::string> &args, std::size_t &i,
                           std::optional<std::string> &problem)
{
    const std::string &arg = args[i];
    const std::string name = arg.substr(0, arg.find('='));
    if (name == "--password") {
        problem = "a password is never given on the command line: use --password-stdin";
        return true;
    }
    if (arg == "--password-stdin") {
        passwordStdin = true;
        return true;
    }
    if (arg == "--insecure") {
        insecure = true;
        return true;
    }
    std::string *target = name == "--server"       ? &url
                          : name == "--connection" ? &connection
                          : name == "--username"   ? &username
                          : name == "--token-file" ? &tokenFile
                          : name == "--ca-file"    ? &caFile
                                                   : nullptr;
    if (!target)
        return false;
    problem = valueOf(args, i, name, *target);
    return true;
}

std::optional<std::string> ServerArguments::check() const
{
    if (!url.empty() && !connection.empty())
        return std::string("give --server or --connection, not both");
    if (passwordStdin && username.empty())
        return std::string("--password-stdin needs --username");
    if (!username.empty() && !passwordStdin)
        return std::string("--username needs --password-stdin (the password is read from "
                           "standard input)");
    if (!tokenFile.empty() && !username.empty())
        return std::string("give --username or --token-file, not both");
    return std::nullopt;
}

void ServerArguments::ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "perses-desktop";
    static char *argv[] = {name, nullptr};
    static QCoreApplication application(argc, argv);
}

std::variant<std::unique_ptr<PersesApi>, std::string>
ServerArguments::connect(std::istream &in, std::ostream &err) const
{
    std::optional<ServerConnection> stored;
    if (!connection.empty()) {
        QString problem;
        stored = ServerConnections::find(QString::fromStdString(connection), &problem);
        if (!stored)
            return problem.isEmpty() ? "no server connection named '" + connection + "' in " +
                                           ServerConnections::filePath().toStdString()
                                     : problem.toStdString();
    }
    const QString base = stored ? stored->url : QString::fromStdString(url);
    auto api = std::make_unique<PersesApi>(base);
    const QString ca = caFile.empty() && stored ? stored->caFile : QString::fromStdString(caFile);
    const bool skipVerification = insecure || (stored && stored->insecure);
    if (const QString problem = api->setTls(ca, skipVerification); !problem.isEmpty())
        return problem.toStdString();
    if (skipVerification)
        err << "perses-desktop: warning: TLS certificates of " << base.toStdString()
            << " are not verified (insecure connection)\n";

    if (passwordStdin) {
        std::string password;
        std::getline(in, password);
        password = stripNewline(password);
        ApiReply *reply =
            api->login(QString::fromStdString(username), QString::fromStdString(password));
        reply->waitForFinished();
        reply->deleteLater();
        if (!reply->ok())
            return "login as " + username + " failed: " + reply->error().toStdString();
    } else if (!tokenFile.empty()) {
        QFile file(QString::fromStdString(tokenFile));
        if (!file.open(QIODevice::ReadOnly))
            return "cannot read token file " + tokenFile;
        api->setTokens(AuthTokens::fromAccessToken(file.readAll()));
    } else if (stored && stored->authentication != ServerConnection::Authentication::None) {
        AuthTokens tokens;
        QEventLoop loop;
        bool done = false;
        CredentialStore::instance().read(*stored, [&](const AuthTokens &read) {
            tokens = read;
            done = true;
            loop.quit();
        });
        if (!done)
            loop.exec();
        if (tokens.isEmpty())
            return "no session stored for '" + connection +
                   "': log in once in the window, or use --username with --password-stdin";
        api->setTokens(tokens);
        if (!tokens.refreshToken.isEmpty()) {
            ApiReply *reply = api->refresh();
            reply->waitForFinished();
            reply->deleteLater();
            if (!reply->ok())
                return "the session stored for '" + connection + "' cannot be renewed (" +
                       reply->error().toStdString() + "): log in again";
        }
    }
    return api;
}

std::unique_ptr<PersesApi> ServerArguments::open(const char *command, std::istream &in,
                                                 std::ostream &err) const
{
    ensureApplication();
    auto connected = connect(in, err);
    if (const std::string *problem = std::get_if<std::string>(&connected)) {
        err << "perses-desktop " << command << ": " << *problem << '\n';
        return nullptr;
    }
    return std::move(std::get<std::unique_ptr<PersesApi>>(connected));
}

} // namespace Pd::Cli
