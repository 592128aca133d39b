// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "commonschemas.h"

#include "jsonwriter.h"
#include "textpatterns.h"

#include <algorithm>
#include <array>

namespace Pd::CommonSchemas {

namespace {

Schema stringMin1()
{
    return Schema::string().minRunes(1);
}

Schema simpleFormat()
{
    return Schema::object({optional(
        "unit", Schema::oneOfStrings({"datetime-iso", "datetime-us", "datetime-local", "date-iso",
                                      "date-us", "date-local", "time-local", "time-iso", "time-us",
                                      "relative-time", "unix-timestamp", "unix-timestamp-ms"}))});
}

Schema floatFormat()
{
    return Schema::object(
        {optional("unit", Schema::oneOfStrings(
                              {"nanoseconds", "microseconds", "milliseconds", "seconds",
                               "minutes",     "hours",        "days",         "weeks",
                               "months",      "years",        "percent",      "percent-decimal",
                               "aud",         "cad",          "chf",          "cny",
                               "eur",         "gbp",          "hkd",          "inr",
                               "jpy",         "krw",          "nok",          "nzd",
                               "sek",         "sgd",          "usd",          "celsius",
                               "fahrenheit"})),
         optional("decimalPlaces", Schema::number())});
}

Schema shortenableFormat()
{
    return Schema::object(
        {optional("unit", Schema::oneOfStrings(
                              {"decimal", "bits", "decbits", "bytes", "decbytes", "bits/sec",
                               "decbits/sec", "bytes/sec", "decbytes/sec", "counts/sec",
                               "events/sec", "messages/sec", "ops/sec", "packets/sec", "reads/sec",
                               "records/sec", "requests/sec", "rows/sec", "writes/sec"})),
         optional("decimalPlaces", Schema::number()), optional("shortValues", Schema::boolean())});
}

Schema mappingResult()
{
    return Schema::object({required("value", Schema::string()), optional("color", hexColor())});
}

Schema kindAndSpec(std::string_view kind, Schema spec, bool specRequired = true)
{
    SchemaField specField{"spec", std::move(spec), specRequired};
    return Schema::object({required("kind", Schema::oneOfStrings({kind})), std::move(specField)});
}

Schema action(std::vector<SchemaField> specific)
{
    std::vector<SchemaField> fields = {
        required("name", Schema::string()),
        optional("icon", Schema::string()),
        optional("confirmMessage", Schema::string()),
        optional("enabled", Schema::boolean()),
        optional("bodyTemplate", Schema::string()),
        optional("batchMode", Schema::oneOfStrings({"individual", "batch"})),
    };
    fields.insert(fields.end(), specific.begin(), specific.end());
    return Schema::object(std::move(fields));
}

} // namespace

const Schema &hexColor()
{
    static const Schema schema =
        Schema::string().matching("^#(?:[0-9a-fA-F]{3}){1,2}$", TextPatterns::isHexColor);
    return schema;
}

const Schema &durationString()
{
    static const Schema schema =
        Schema::string().matching("^(\\d+y)?(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?$",
                                  TextPatterns::isDurationString);
    return schema;
}

const Schema &variableReference()
{
    static const Schema schema =
        Schema::string().matching("^\\$\\w+$", TextPatterns::isVariableReference);
    return schema;
}

const Schema &sortOrder()
{
    static const Schema schema = Schema::oneOfStrings({"asc", "desc"});
    return schema;
}

const Schema &logBase()
{
    static const Schema schema =
        Schema::number().withCheck([](const Node &value) -> std::optional<std::string> {
            if (value.toNumber() == 2 || value.toNumber() == 10)
                return std::nullopt;
            return "invalid value " + describeValue(value) + " (must be 2 or 10)";
        });
    return schema;
}

const Schema &palette()
{
    static const Schema schema =
        Schema::object({required("mode", Schema::oneOfStrings({"auto", "categorical"}))});
    return schema;
}

const Schema &format()
{
    static const std::array<Schema, 3> definitions = {simpleFormat(), floatFormat(),
                                                      shortenableFormat()};
    // The server validates concretely (cue.Concrete): a value more than one closed definition
    // takes stays an unresolved disjunction, which it refuses as incomplete.
    static const Schema schema =
        Schema::anyOf({definitions[0], definitions[1], definitions[2]})
            .withCheck([](const Node &value) -> std::optional<std::string> {
                const auto fits =
                    std::count_if(definitions.begin(), definitions.end(),
                                  [&value](const Schema &d) { return d.validate(value).empty(); });
                if (fits < 2)
                    return std::nullopt;
                return "incomplete value: the format fits " + std::to_string(fits) +
                       " of #simpleFormat, #floatFormat and #shortenableFormat (write its unit)";
            });
    return schema;
}

const Schema &calculation()
{
    static const Schema schema = Schema::oneOfStrings(
        {"first", "last", "first-number", "last-number", "mean", "sum", "min", "max"});
    return schema;
}

const Schema &thresholds()
{
    static const Schema schema = Schema::object({
        optional("mode", Schema::oneOfStrings({"percent", "absolute"})),
        optional("defaultColor", Schema::string()),
        optional("steps", Schema::list(Schema::object({required("value", Schema::number()),
                                                       optional("color", Schema::string()),
                                                       optional("name", Schema::string())}))),
    });
    return schema;
}

const Schema &legend()
{
    static const Schema schema = Schema::object({
        required("position", Schema::oneOfStrings({"bottom", "right"})),
        optional("mode", Schema::oneOfStrings({"list", "table"})),
        optional("size", Schema::oneOfStrings({"small", "medium"})),
    });
    return schema;
}

const Schema &legendWithValues()
{
    static const Schema schema =
        legend().extended({optional("values", Schema::list(calculation()))});
    return schema;
}

const Schema &mappings()
{
    static const Schema schema = Schema::anyOf({
        kindAndSpec("Value", Schema::object({required("value", stringMin1()),
                                             required("result", mappingResult())})),
        kindAndSpec("Range", Schema::object({optional("from", Schema::number()),
                                             optional("to", Schema::number()),
                                             required("result", mappingResult())})),
        kindAndSpec("Regex", Schema::object({required("pattern", stringMin1()),
                                             required("result", mappingResult())})),
        kindAndSpec("Misc",
                    Schema::object({required("value", Schema::anyOf({Schema::oneOfStrings(
                                                                         {"empty", "null", "NaN",
                                                                          "true", "false"}),
                                                                     Schema::null()})),
                                    required("result", mappingResult())})),
    });
    return schema;
}

const Schema &transform()
{
    const Schema disabled = Schema::boolean();
    static const Schema schema = Schema::anyOf({
        // `columns: [...string]` is an open list in CUE: absent, it is the concrete [].
        kindAndSpec("JoinByColumnValue",
                    Schema::object({optional("columns", Schema::list(Schema::string())),
                                    optional("disabled", disabled)})),
        kindAndSpec(
            "MergeColumns",
            Schema::object({optional("columns", Schema::list(Schema::string())),
                            required("name", stringMin1()), optional("disabled", disabled)})),
        kindAndSpec("MergeIndexedColumns", Schema::object({required("column", stringMin1()),
                                                           optional("disabled", disabled)})),
        kindAndSpec("MergeSeries", Schema::object({optional("disabled", disabled)}), false),
        kindAndSpec(
            "ExtractColumnFields",
            Schema::object(
                {required("column", Schema::string()),
                 required("format", Schema::oneOfStrings(
                                        {"JSON", "Regex", "SplitByDelimiter", "KeyValuePairs"})),
                 // The only transform without `disabled` (cue/common/transform.cue).
                 optional("matcher", Schema::string())})),
    });
    return schema;
}

const Schema &selection()
{
    static const Schema schema = Schema::object({optional("enabled", Schema::boolean())});
    return schema;
}

const Schema &actions()
{
    static const Schema eventAction = action({required("type", Schema::oneOfStrings({"event"})),
                                              required("eventName", Schema::string())});
    static const Schema webhookAction = action({
        required("type", Schema::oneOfStrings({"webhook"})),
        required("url", Schema::string()),
        optional("method", Schema::oneOfStrings({"POST", "GET", "PUT", "PATCH", "DELETE"})),
        optional("contentType", Schema::oneOfStrings({"none", "json", "text"})),
        optional("headers", Schema::map(Schema::string())),
    });
    static const Schema schema = Schema::object({
        optional("enabled", Schema::boolean()),
        // An open list: absent, CUE makes it [] (as StaticListVariable's values).
        optional("actionsList", Schema::list(Schema::anyOf({eventAction, webhookAction}))),
        optional("displayInHeader", Schema::boolean()),
        optional("displayWithItem", Schema::boolean()),
    });
    return schema;
}

Schema datasourceSelector()
{
    // Any kind: the server's CUE cannot check it (the plugin's own `_kind` is package-scoped).
    // PluginSchemaRegistry::validatePlugin warns when it is not the plugin's datasource kind.
    return Schema::anyOf({
        Schema::object({required("kind", Schema::string()), optional("name", Schema::string())}),
        variableReference(),
    });
}

Schema httpDatasource(std::vector<SchemaField> extra)
{
    // Empty urls, patterns and methods are left to the proxy checks of DatasourceValidator,
    // which report them in the server's own words (the server decodes proxies first).
    const Schema httpConfig = Schema::object({
        required("url", Schema::string().matching("^$|^https?://[^\\s/$.?#].[^\\s]*$",
                                                  [](std::string_view url) {
                                                      return url.empty() ||
                                                             TextPatterns::isHttpUrl(url);
                                                  })),
        optional("allowedEndpoints",
                 Schema::list(Schema::object({required("endpointPattern", Schema::string()),
                                              required("method", Schema::string())}))),
        optional("headers", Schema::map(Schema::string())),
        optional("secret", Schema::string()),
        // Newer spec revisions; the 0.54 proxy ignores them but accepts them.
        optional("timeout", durationString()),
        optional("allowHeaders", Schema::list(Schema::string())),
        optional("dropHeaders", Schema::list(Schema::string())),
        optional("oauthPassthrough", Schema::boolean()),
    });
    const Schema proxy = Schema::object(
        {required("kind", Schema::oneOfStrings({"HTTPProxy"})), required("spec", httpConfig)});

    std::vector<SchemaField> fields = {
        optional("directUrl", Schema::string().matching("^https?://[^\\s/$.?#].[^\\s]*$",
                                                        TextPatterns::isHttpUrl)),
        optional("proxy", proxy)};
    fields.insert(fields.end(), extra.begin(), extra.end());
    // One struct with a check rather than a disjunction: the message then names the rule.
    return Schema::object(std::move(fields))
        .withCheck([](const Node &spec) -> std::optional<std::string> {
            if (spec.contains("directUrl") && spec.contains("proxy"))
                return "directUrl and proxy are mutually exclusive: use one access mode";
            if (!spec.contains("directUrl") && !spec.contains("proxy"))
                return "one of directUrl and proxy is required";
            return std::nullopt;
        });
}

Schema::Check maxNotBelowMin(std::string minField, std::string maxField)
{
    return [minField, maxField](const Node &value) -> std::optional<std::string> {
        const Node *min = value.find(minField);
        const Node *max = value.find(maxField);
        if (min && max && min->isNumber() && max->isNumber() && max->toNumber() < min->toNumber())
            return maxField + " (" + JsonWriter::numberText(*max) + ") must be >= " + minField +
                   " (" + JsonWriter::numberText(*min) + ")";
        return std::nullopt;
    };
}

} // namespace Pd::CommonSchemas
