// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "prometheusresponse.h"

#include <QNetworkReply>

#include <chrono>
#include <string>

namespace Pd {

// Turns what went wrong on the way to Prometheus into the one-line message a panel shows.
namespace HttpFailure {

PrometheusResponse network(QNetworkReply::NetworkError error, const std::string &detail,
                           const std::string &url, std::chrono::milliseconds timeout, bool cutOff);
// "HTTP 403 Forbidden: <message>" for a non-2xx answer: the body's `error` (Prometheus through a
// proxy), else its `message` (Perses, echo), an HTML page's title, or the start of a text body.
std::string describe(int status, const std::string &body, const std::string &contentType);
// A non-2xx answer: Prometheus' `error`, the Perses proxy's `message`, an HTML page's title,
// or the start of a text body.
PrometheusResponse httpStatus(int status, const std::string &body, const std::string &contentType,
                              PrometheusResponse parsed);
PrometheusResponse tooLarge(qint64 limit);

} // namespace HttpFailure

} // namespace Pd
