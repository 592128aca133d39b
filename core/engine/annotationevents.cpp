// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "annotationevents.h"

#include <algorithm>
#include <cmath>

namespace Pd {

namespace {

Labels keptTags(const Series &series, const Node &pluginSpec)
{
    const Node *wanted = pluginSpec.find("tags");
    std::vector<std::string> names;
    if (wanted && wanted->isArray()) {
        for (const Node &name : wanted->items()) {
            if (name.isString() && !name.text().empty())
                names.push_back(name.text());
        }
    }
    Labels tags;
    for (const auto &label : series.labels) {
        if (names.empty() || std::ranges::find(names, label.first) != names.end())
            tags.push_back(label);
    }
    return tags;
}

} // namespace

std::vector<AnnotationEvent> AnnotationEvents::fromSeries(const std::vector<Series> &series,
                                                          const Node &pluginSpec,
                                                          double stepSeconds)
{
    const std::string title = pluginSpec.stringAt("title");
    const std::string legend = pluginSpec.stringAt("legend");
    // Samples further apart than one and a half steps belong to separate events.
    const auto gapMs = static_cast<std::int64_t>(std::max(stepSeconds, 0.001) * 1500.0);
    std::vector<AnnotationEvent> events;
    for (const Series &one : series) {
        AnnotationEvent event;
        event.title = title.empty() ? one.key() : one.displayName(title);
        event.text = legend.empty() ? std::string() : one.displayName(legend);
        event.tags = keptTags(one, pluginSpec);
        bool open = false;
        for (std::size_t i = 0; i < one.size(); ++i) {
            if (std::isnan(one.values[i]))
                continue;
            const std::int64_t time = one.timeAt(i);
            if (open && time - event.endMs > gapMs) {
                events.push_back(event);
                open = false;
            }
            if (!open)
                event.startMs = time;
            event.endMs = time;
            open = true;
        }
        if (open)
            events.push_back(std::move(event));
    }
    std::ranges::stable_sort(events, {}, &AnnotationEvent::startMs);
    return events;
}

} // namespace Pd
