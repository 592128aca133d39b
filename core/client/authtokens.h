// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Pd {

// What a Perses login or refresh answers (perses-api.md §3.2): the access token, the refresh
// token, and when the access token expires. `expiry` in the answer is always the zero time,
// so the expiry comes from `expires_in`, else from the JWT's `exp` claim.
struct AuthTokens
{
    QByteArray accessToken;
    QByteArray refreshToken;
    QDateTime accessExpiry;  // invalid: unknown (a pasted token without `exp`)
    QDateTime refreshExpiry; // from the refresh token's `exp`
    QString user;            // the access token's `sub`

    bool isEmpty() const { return accessToken.isEmpty(); }
    // The answer of a login or refresh; `receivedAt` is when it arrived.
    static AuthTokens fromAnswer(const QJsonObject &answer, const QDateTime &receivedAt);
    // A bearer token given as is (--token-file, a pasted token).
    static AuthTokens fromAccessToken(const QByteArray &token);
    // The claims of a JWT, read without checking the signature (the client cannot).
    static QJsonObject claims(const QByteArray &jwt);
    // When to refresh: at 80 % of the access token's life, so that a request never carries a
    // token about to expire; invalid when there is nothing to refresh.
    QDateTime refreshDue(const QDateTime &now) const;
};

} // namespace Pd
