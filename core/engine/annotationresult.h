// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "querystep.h"
#include "seriesstore.h"

#include <cstdint>
#include <string>
#include <vector>

namespace Pd {

// One event of an annotation: a moment (start == end) or a region of time.
struct AnnotationEvent
{
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::string title;
    std::string text;
    Labels tags;
};

// What one annotation (§4.8) asked and found.
struct AnnotationResult
{
    std::string panelId; // empty for the dashboard's own annotations
    std::string name;
    std::string description;
    std::string color; // as written; empty: the app's default
    bool hidden = false;
    std::string pluginKind;
    std::string query; // after interpolation
    std::string datasource;
    QueryWindow window;
    bool finished = false;
    std::string error; // empty when the query succeeded
    std::vector<AnnotationEvent> events;
};

} // namespace Pd
