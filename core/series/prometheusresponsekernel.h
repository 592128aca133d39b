// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "prometheusresponse.h"

#include <string_view>

// One build of the reader per simdjson kernel; PD_PARSER_KERNEL names it.
namespace Pd::haswell {
// `paddedBody` is followed by SIMDJSON_PADDING readable bytes.
PrometheusResponse parseEnvelope(std::string_view paddedBody, std::size_t expectedPointsPerSeries,
                                 bool strings);
const char *kernelName();
} // namespace Pd::haswell

namespace Pd::generic {
PrometheusResponse parseEnvelope(std::string_view paddedBody, std::size_t expectedPointsPerSeries,
                                 bool strings);
const char *kernelName();
} // namespace Pd::generic
