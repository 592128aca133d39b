// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "prometheusreply.h"

#include <QObject>
#include <QPointer>

#include <optional>
#include <string>
#include <vector>

namespace Pd {

// The Prometheus HTTP API (perses-api.md §8, §9.2) over a datasource's transport: POST forms
// for queries and label names, GET for label values. Answers are parsed on the thread pool;
// errors come back as values. The Prometheus plugin runs queries and variables with it, and
// the editor and Explore complete metric and label names with it.
class PrometheusClient : public QObject
{
    Q_OBJECT

public:
    // On a datasource's transport, which must outlive it.
    explicit PrometheusClient(PdPlugin::HttpTransport *transport, QObject *parent = nullptr);
    ~PrometheusClient() override;

    PdPlugin::HttpTransport &transport() const { return *m_transport; }

    PrometheusReply *queryRange(const std::string &query, double start, double end, double step);
    PrometheusReply *query(const std::string &query, std::optional<double> time);
    PrometheusReply *labelNames(const std::vector<std::string> &matchers, double start, double end);
    PrometheusReply *labelValues(const std::string &label, const std::vector<std::string> &matchers,
                                 double start, double end);
    // /api/v1/status/buildinfo: the server's version and build, as `fields` (a connection
    // test: only a Prometheus answers it).
    PrometheusReply *buildInfo();

private:
    using Params = std::vector<std::pair<std::string, std::string>>;
    PrometheusReply *submit(const std::string &path, const Params &params, bool post, bool strings,
                            std::size_t expectedPoints = 0);

    PdPlugin::HttpTransport *m_transport;
};

} // namespace Pd
