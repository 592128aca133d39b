// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "annotationresult.h"
#include "node.h"

#include <vector>

namespace Pd {

// The events a PrometheusPromQLAnnotation finds in its range query's series (perses-api.md
// §9.7): `title` and `legend` are {{label}} templates, `tags` names the labels kept (all of
// them when it names none). Perses makes one event of a series from its first sample to its
// last; a series with gaps longer than the step (an alert that fired twice) is split into one
// event a run of samples here, so each firing shows where it was.
class AnnotationEvents
{
public:
    static std::vector<AnnotationEvent> fromSeries(const std::vector<Series> &series,
                                                   const Node &pluginSpec, double stepSeconds);
};

} // namespace Pd
