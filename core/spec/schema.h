// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"
#include "sourcepos.h"

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Pd {

// One way in which a value does not fit a schema. `path` reads like CUE's
// ("spec.legend.position"), `detail` like CUE's messages after the colon.
struct SchemaViolation
{
    // What kind of mismatch: lets callers grade them (an unknown field outside a plugin spec
    // is only a warning, since the server drops it).
    enum class Category { Type, Required, UnknownField, Value, Check };

    std::string path;
    std::string detail;
    SourcePos pos;
    int weight = 1; // how far off the value is; picks the closest branch of a disjunction
    Category category = Category::Value;
    // A rule of its own, graded by it: what the server accepts but is likely a mistake.
    std::string rule = {};

    std::string message() const { return path.empty() ? detail : path + ": " + detail; }
};

struct SchemaField;

// A small, immutable schema language with the parts of CUE that Perses plugin schemas use:
// types, closed or open structs, maps, lists, string and number bounds, regular expressions,
// enums, disjunctions and extra checks. Copies share their definition.
class Schema
{
public:
    // Returns a message when the value is wrong; used for cross-field rules (max >= min).
    using Check = std::function<std::optional<std::string>(const Node &)>;

    Schema(); // accepts anything

    static Schema any();
    static Schema null();
    static Schema boolean();
    static Schema number();
    static Schema integer();
    static Schema string();
    // One of the given strings.
    static Schema oneOfStrings(std::initializer_list<std::string_view> values);
    static Schema list(const Schema &element);
    // A closed struct: fields not listed are errors ("field not allowed").
    static Schema object(std::initializer_list<SchemaField> fields);
    static Schema object(std::vector<SchemaField> fields);
    // Any keys, each value checked against `value`.
    static Schema map(const Schema &value);
    // Accepts a value that fits at least one alternative.
    static Schema anyOf(std::initializer_list<Schema> alternatives);

    // Refinements; each returns a new schema.
    Schema minimum(double bound) const;
    Schema maximum(double bound) const;
    Schema minRunes(int count) const;
    // Values must satisfy `predicate`; `pattern` is the regular expression it implements,
    // for messages ("out of bound =~...").
    Schema matching(std::string pattern, std::function<bool(std::string_view)> predicate) const;
    Schema minItems(std::size_t count) const;
    Schema maxItems(std::size_t count) const;
    Schema opened() const; // a struct that tolerates unknown fields
    // A struct Go decodes: a member set to null is as if it were absent (encoding/json leaves
    // the field at its zero value). Perses' resource structure reads so; plugin specs, which
    // CUE checks, do not.
    Schema nullAsAbsent() const;
    Schema withCheck(Check check) const;
    // Adds fields to a struct (CUE embedding), keeping it closed unless it was open.
    Schema extended(std::initializer_list<SchemaField> fields) const;

    // Appends every violation; `path` is the path of `value` itself.
    void validate(const Node &value, const std::string &path,
                  std::vector<SchemaViolation> &violations) const;
    std::vector<SchemaViolation> validate(const Node &value, const std::string &path = {}) const;

    // Introspection, for walking documents along a schema (canonical key order).
    enum class Kind { Any, Null, Bool, Number, Integer, String, List, Object, Map, AnyOf };
    Kind kind() const;
    const std::vector<SchemaField> &fields() const;         // Object
    const std::vector<Schema> &alternatives() const;        // AnyOf; List and Map: one element
    const Schema *element() const;                          // List and Map
    const std::vector<std::string> &allowedStrings() const; // String: the enum, or empty

    struct Definition;

private:
    explicit Schema(std::shared_ptr<const Definition> definition);
    static void runChecks(const Definition &d, const Node &value, const std::string &path,
                          std::vector<SchemaViolation> &out);
    std::shared_ptr<Definition> copy() const;
    std::shared_ptr<const Definition> m_definition;
};

struct SchemaField
{
    std::string name;
    Schema schema;
    bool required = false;
};

inline SchemaField required(std::string name, Schema schema)
{
    return SchemaField{std::move(name), std::move(schema), true};
}
inline SchemaField optional(std::string name, Schema schema)
{
    return SchemaField{std::move(name), std::move(schema), false};
}

// "spec.x" + "y" -> "spec.x.y"; keys that are not identifiers are quoted.
std::string childPath(const std::string &parent, std::string_view key);
std::string indexPath(const std::string &parent, std::size_t index);
// A short rendering of a scalar for messages ("abc" with quotes, 12, true, null).
std::string describeValue(const Node &value);

} // namespace Pd
