// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "authtokens.h"

#include <QJsonDocument>

namespace Pd {

namespace {

QDateTime expiryClaim(const QByteArray &jwt)
{
    const QJsonObject claims = AuthTokens::claims(jwt);
    if (!claims.value(u"exp").isDouble())
        return {};
    return QDateTime::fromSecsSinceEpoch(claims.value(u"exp").toInteger(), Qt::UTC);
}

} // namespace

AuthTokens AuthTokens::fromAnswer(const QJsonObject &answer, const QDateTime &receivedAt)
{
    AuthTokens tokens = fromAccessToken(answer.value(u"access_token").toString().toUtf8());
    tokens.refreshToken = answer.value(u"refresh_token").toString().toUtf8();
    if (const int expiresIn = answer.value(u"expires_in").toInt(); expiresIn > 0)
        tokens.accessExpiry = receivedAt.addSecs(expiresIn);
    tokens.refreshExpiry = expiryClaim(tokens.refreshToken);
    return tokens;
}

AuthTokens AuthTokens::fromAccessToken(const QByteArray &token)
{
    AuthTokens tokens;
    tokens.accessToken = token.trimmed();
    tokens.accessExpiry = expiryClaim(tokens.accessToken);
    tokens.user = claims(tokens.accessToken).value(u"sub").toString();
    return tokens;
}

QJsonObject AuthTokens::claims(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
        .object();
}

QDateTime AuthTokens::refreshDue(const QDateTime &now) const
{
    if (refreshToken.isEmpty() || !accessExpiry.isValid())
        return {};
    const qint64 left = now.msecsTo(accessExpiry);
    return now.addMSecs(std::max<qint64>(0, left * 8 / 10));
}

} // namespace Pd
