// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrlQuery>

// One HTTP/1.1 request as the test server read it, and the answer it writes back.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // path and query, as sent
    QByteArray path;   // percent-decoded, trailing slash stripped
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key == name)
                return value;
        }
        return {};
    }
    // A cookie sent in the Cookie header, or an empty array.
    QByteArray cookie(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key != "cookie")
                continue;
            for (const QByteArray &pair : value.split(';')) {
                const QByteArray trimmed = pair.trimmed();
                if (trimmed.startsWith(name + '='))
                    return trimmed.mid(name.size() + 1);
            }
        }
        return {};
    }
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};
