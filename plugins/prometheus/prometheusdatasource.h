// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "prometheusclient.h"

#include <optional>
#include <perses-desktop/queryplugin.h>
#include <perses-desktop/variableplugin.h>

// One Prometheus datasource: its API client on the host's transport and its scrape interval,
// which sets the smallest step (perses-api.md §9.3). Runs the Prometheus queries and variables.
class PrometheusDatasource : public PdPlugin::DatasourceClient
{
public:
    PrometheusDatasource(PdPlugin::HttpTransport *transport,
                         std::optional<double> scrapeIntervalSeconds);

    // A time series query, or the annotation kind (`expr`, always a range).
    PdPlugin::CallHandle runQuery(const PdPlugin::QueryContext &context,
                                  std::function<void(PdPlugin::QueryOutcome)> done);
    PdPlugin::CallHandle listOptions(const PdPlugin::VariableContext &context,
                                     std::function<void(PdPlugin::VariableOutcome)> done);

private:
    Pd::PrometheusClient m_client;
    std::optional<double> m_scrapeIntervalSeconds;
};
