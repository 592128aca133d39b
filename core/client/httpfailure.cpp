// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "httpfailure.h"

#include "jsonreader.h"

#include <algorithm>
#include <cctype>

namespace Pd::HttpFailure {

namespace {

std::string collapseWhitespace(std::string_view text, std::size_t limit)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
        if (out.size() >= limit) {
            out += "...";
            break;
        }
    }
    return out;
}

std::string htmlTitle(const std::string &body)
{
    std::string lower = body.substr(0, 64 * 1024);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::size_t open = lower.find("<title>");
    const std::size_t close = lower.find("</title>");
    if (open == std::string::npos || close == std::string::npos || close < open)
        return {};
    return collapseWhitespace(std::string_view(body).substr(open + 7, close - open - 7), 200);
}

bool looksLikeHtml(const std::string &body, const std::string &contentType)
{
    if (contentType.find("html") != std::string::npos)
        return true;
    const std::size_t first = body.find_first_not_of(" \t\r\n");
    return first != std::string::npos && body[first] == '<';
}

std::string reasonPhrase(int status)
{
    switch (status) {
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
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return {};
    }
}

} // namespace

PrometheusResponse network(QNetworkReply::NetworkError error, const std::string &detail,
                           const std::string &url, std::chrono::milliseconds timeout, bool cutOff)
{
    if (cutOff)
        return PrometheusResponse::failure("network",
                                           "the answer from " + url + " was cut off: " + detail);
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return PrometheusResponse::failure("network",
                                           "cannot connect to " + url + ": connection refused");
    case QNetworkReply::HostNotFoundError:
        return PrometheusResponse::failure("network",
                                           "cannot connect to " + url + ": host not found");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return PrometheusResponse::failure("timeout", "no answer from " + url + " within " +
                                                          std::to_string(timeout.count() / 1000) +
                                                          " s");
    case QNetworkReply::RemoteHostClosedError:
        return PrometheusResponse::failure("network",
                                           "connection closed by " + url + " before it answered");
    case QNetworkReply::SslHandshakeFailedError:
        return PrometheusResponse::failure("network", "TLS with " + url + " failed: " + detail);
    default:
        return PrometheusResponse::failure("network", "cannot reach " + url + ": " + detail);
    }
}

std::string describe(int status, const std::string &body, const std::string &contentType)
{
    std::string prefix = "HTTP " + std::to_string(status);
    if (const std::string reason = reasonPhrase(status); !reason.empty())
        prefix += " " + reason;
    std::string message;
    const ParseResult json = JsonReader::parse(body);
    if (!json.hasErrors() && !json.documents.empty()) {
        const Node &root = json.documents.front();
        for (const char *key : {"error", "message"}) {
            if (const Node *text = root.find(key); text && text->isString()) {
                message = text->text();
                break;
            }
        }
    }
    if (message.empty() && looksLikeHtml(body, contentType))
        message = htmlTitle(body);
    if (message.empty() && !looksLikeHtml(body, contentType))
        message = collapseWhitespace(body, 300);
    return message.empty() ? prefix : prefix + ": " + message;
}

PrometheusResponse httpStatus(int status, const std::string &body, const std::string &contentType,
                              PrometheusResponse parsed)
{
    // Prometheus' own error answer: its message is what matters.
    if (!parsed.ok && !parsed.errorType.empty() && parsed.errorType != "bad_response") {
        std::string prefix = "HTTP " + std::to_string(status);
        if (const std::string reason = reasonPhrase(status); !reason.empty())
            prefix += " " + reason;
        parsed.error += " (" + prefix + ")";
        return parsed;
    }
    PrometheusResponse response =
        PrometheusResponse::failure("http", describe(status, body, contentType));
    response.warnings = std::move(parsed.warnings);
    return response;
}

PrometheusResponse tooLarge(qint64 limit)
{
    return PrometheusResponse::failure("too_large", "the answer is larger than " +
                                                        std::to_string(limit / (1024 * 1024)) +
                                                        " MiB: narrow the query or the time range");
}

} // namespace Pd::HttpFailure
