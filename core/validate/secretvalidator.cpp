// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "secretvalidator.h"

#include "rules.h"

namespace Pd {

namespace {

bool hasText(const Node &object, std::string_view key)
{
    const Node *value = object.find(key);
    return value && value->isString() && !value->text().empty();
}

} // namespace

SecretValidator::SecretValidator(ValidationContext &context)
    : m_context(context)
{}

void SecretValidator::report(const Node &at, const std::string &path, std::string message)
{
    m_context.sink.report(Rules::secretConfig, std::move(message), at.pos(), path);
}

void SecretValidator::validate(const Node &spec)
{
    if (!spec.isObject())
        return;
    const Node *basicAuth = spec.find("basicAuth");
    const Node *authorization = spec.find("authorization");
    const Node *oauth = spec.find("oauth");
    if ((basicAuth ? 1 : 0) + (authorization ? 1 : 0) + (oauth ? 1 : 0) > 1)
        report(spec, "spec",
               "basicAuth, authorization and oauth are mutually exclusive, use one of them");
    if (basicAuth && basicAuth->isObject())
        checkBasicAuth(*basicAuth);
    if (authorization && authorization->isObject())
        checkAuthorization(*authorization);
    if (oauth && oauth->isObject())
        checkOAuth(*oauth);
    if (const Node *tls = spec.find("tlsConfig"); tls && tls->isObject())
        checkTls(*tls);
}

void SecretValidator::checkBasicAuth(const Node &basicAuth)
{
    const bool password = hasText(basicAuth, "password");
    const bool passwordFile = hasText(basicAuth, "passwordFile");
    if (!hasText(basicAuth, "username") || (!password && !passwordFile))
        report(basicAuth, "spec.basicAuth",
               "when using basicAuth, username and password/passwordFile cannot be empty");
    else if (password && passwordFile)
        report(basicAuth, "spec.basicAuth",
               "at most one of basicAuth password & passwordFile must be configured");
}

void SecretValidator::checkAuthorization(const Node &authorization)
{
    if (hasText(authorization, "credentials") && hasText(authorization, "credentialsFile"))
        report(authorization, "spec.authorization",
               "at most one of authorization credentials & credentialsFile must be configured");
}

void SecretValidator::checkOAuth(const Node &oauth)
{
    const bool secret = hasText(oauth, "clientSecret");
    const bool secretFile = hasText(oauth, "clientSecretFile");
    if (!hasText(oauth, "clientID") || (!secret && !secretFile) || !hasText(oauth, "tokenURL"))
        report(oauth, "spec.oauth",
               "when using oauth, clientID, clientSecret/clientSecretFile, and tokenURL cannot "
               "be empty");
    else if (secret && secretFile)
        report(oauth, "spec.oauth",
               "at most one of oauth clientSecret & clientSecretFile must be configured");
}

void SecretValidator::checkTls(const Node &tls)
{
    for (const char *field : {"minVersion", "maxVersion"}) {
        const Node *version = tls.find(field);
        if (!version || !version->isString() || version->text().empty())
            continue;
        const std::string &text = version->text();
        // A warning: the server checks TLS versions only when it loads its own configuration;
        // a secret with one it does not know is stored, and fails when a proxy uses it.
        if (text != "TLS10" && text != "TLS11" && text != "TLS12" && text != "TLS13")
            m_context.sink.report(Rules::secretTlsVersion,
                                  std::string("incorrect TLS ") +
                                      (field[1] == 'i' ? "minimum" : "maximum") +
                                      " version: " + text,
                                  version->pos(), std::string("spec.tlsConfig.") + field);
    }
}

} // namespace Pd
