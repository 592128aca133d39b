// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variableoptions.h"

#include "userregex.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace Pd {

namespace {

// JavaScript's parseInt(label): leading blanks, a sign, decimal digits; NaN without digits.
double parseIntLike(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
        ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        negative = text[i++] == '-';
    double value = 0;
    std::size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        value = value * 10 + (text[i++] - '0');
        ++digits;
    }
    if (digits == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return negative ? -value : value;
}

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool contains(const std::vector<VariableOption> &options, const std::string &value)
{
    return std::any_of(options.begin(), options.end(),
                       [&](const VariableOption &o) { return o.value == value; });
}

} // namespace

std::vector<VariableOption>
VariableOptions::applyCapturingRegexp(const std::vector<VariableOption> &options,
                                      const std::string &regexp, std::string *error)
{
    if (regexp.empty())
        return options;
    const auto usable = compileUserRegex(regexp);
    if (!usable.regex) {
        if (error)
            *error = usable.error.empty() ? "capturingRegexp uses lookbehind or is too long, "
                                            "which is not supported here"
                                          : "invalid capturingRegexp: " + usable.error;
        return options;
    }
    const std::regex &compiled = *usable.regex;
    std::vector<VariableOption> result;
    for (const VariableOption &option : options) {
        std::string captured;
        for (auto it = std::sregex_iterator(option.value.begin(), option.value.end(), compiled);
             it != std::sregex_iterator(); ++it) {
            for (std::size_t group = 1; group < it->size(); ++group)
                captured += (*it)[group].str();
        }
        if (captured.empty() || contains(result, captured))
            continue;
        result.push_back(VariableOption{option.label, captured});
    }
    return result;
}

std::vector<VariableOption> VariableOptions::sorted(std::vector<VariableOption> options,
                                                    std::string_view sort)
{
    const bool descending = sort.ends_with("-desc");
    auto order = [descending](auto less) {
        return [less, descending](const VariableOption &a, const VariableOption &b) {
            return descending ? less(b, a) : less(a, b);
        };
    };
    if (sort.starts_with("alphabetical-ci")) {
        std::stable_sort(options.begin(), options.end(),
                         order([](const VariableOption &a, const VariableOption &b) {
                             return lowered(a.label) < lowered(b.label);
                         }));
    } else if (sort.starts_with("alphabetical")) {
        std::stable_sort(options.begin(), options.end(),
                         order([](const VariableOption &a, const VariableOption &b) {
                             return a.label < b.label;
                         }));
    } else if (sort.starts_with("numerical")) {
        // Labels that are not numbers go last, in their order.
        std::stable_sort(options.begin(), options.end(),
                         [descending](const VariableOption &a, const VariableOption &b) {
                             const double x = parseIntLike(a.label);
                             const double y = parseIntLike(b.label);
                             if (std::isnan(x) || std::isnan(y))
                                 return !std::isnan(x) && std::isnan(y);
                             return descending ? y < x : x < y;
                         });
    }
    return options;
}

std::vector<VariableOption> VariableOptions::displayed(const Model::VariableSpec &spec,
                                                       const std::vector<VariableOption> &options)
{
    std::vector<VariableOption> shown = sorted(options, spec.sort);
    if (spec.allowAllValue)
        shown.insert(shown.begin(), VariableOption{"All", allValue});
    return shown;
}

VariableValue VariableOptions::select(const Model::VariableSpec &spec,
                                      const std::vector<VariableOption> &options,
                                      const std::optional<VariableValue> &requested)
{
    if (spec.kind == Model::VariableKind::Text)
        return VariableValue::single(requested ? requested->first() : spec.value);
    const std::vector<VariableOption> shown = displayed(spec, options);
    std::vector<std::string> wanted;
    if (requested)
        wanted = requested->values;
    else if (!spec.defaultValue.empty())
        wanted = spec.defaultValue;
    // Keep what the options offer; "All" stands when allowed.
    std::vector<std::string> kept;
    for (const std::string &value : wanted) {
        if (contains(shown, value))
            kept.push_back(value);
    }
    if (!spec.allowMultiple && kept.size() > 1)
        kept.resize(1);
    if (kept.empty() && !shown.empty())
        kept.push_back(shown.front().value);
    if (spec.allowMultiple)
        return VariableValue::list(kept);
    return VariableValue::single(kept.empty() ? std::string() : kept.front());
}

VariableValue VariableOptions::effectiveValue(const Model::VariableSpec &spec,
                                              const VariableValue &selected,
                                              const std::vector<VariableOption> &options)
{
    const bool all = std::find(selected.values.begin(), selected.values.end(),
                               std::string(allValue)) != selected.values.end();
    if (!all)
        return selected;
    if (spec.customAllValue)
        return VariableValue::single(*spec.customAllValue);
    std::vector<std::string> values;
    for (const VariableOption &option : options)
        values.push_back(option.value);
    return VariableValue::list(std::move(values));
}

std::vector<VariableOption> VariableOptions::staticList(const Node &pluginSpec)
{
    std::vector<VariableOption> options;
    const Node *values = pluginSpec.isObject() ? pluginSpec.find("values") : nullptr;
    if (!values)
        return options;
    for (const Node &value : values->items()) {
        if (value.isString()) {
            options.push_back(VariableOption{value.text(), value.text()});
        } else if (value.isObject()) {
            const Node *v = value.find("value");
            const Node *label = value.find("label");
            const std::string text = v && v->isString() ? v->text() : std::string();
            options.push_back(
                VariableOption{label && label->isString() ? label->text() : text, text});
        }
    }
    return options;
}

} // namespace Pd
