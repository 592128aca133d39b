// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "queryresult.h"

#include <string>

namespace Pd {

// A panel's data as CSV (RFC 4180), a row a sample: query (1-based), series (its legend
// name), labels, timestamp_ms, time (UTC, ISO 8601), value (as Prometheus writes it).
class PanelCsv
{
public:
    static std::string write(const PanelResult &result);
    // "a", or "a,b" quoted with its quotes doubled: one CSV field.
    static std::string field(std::string_view text);
};

} // namespace Pd
