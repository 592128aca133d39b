// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "schema.h"

#include "jsonwriter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Pd {

struct Schema::Definition
{
    using Type = Schema::Kind;
    Type type = Type::Any;
    std::optional<double> minimum;
    std::optional<double> maximum;
    int minRunes = 0;
    std::function<bool(std::string_view)> pattern;
    std::string patternText;
    std::vector<std::string> allowed; // enum of strings
    std::size_t minItems = 0;
    std::size_t maxItems = std::numeric_limits<std::size_t>::max();
    std::vector<SchemaField> fields;
    bool open = false;
    bool nullAsAbsent = false;
    std::vector<Schema> elements; // List/Map element, or AnyOf alternatives
    std::vector<Check> checks;
};

namespace {

using Type = Schema::Definition::Type;

bool isIdentifier(std::string_view key)
{
    if (key.empty() || (key[0] >= '0' && key[0] <= '9'))
        return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '$' || c == '-';
    });
}

std::size_t runeCount(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

const char *typeNoun(Type type)
{
    switch (type) {
    case Type::Null:
        return "null";
    case Type::Bool:
        return "bool";
    case Type::Number:
        return "number";
    case Type::Integer:
        return "int";
    case Type::String:
        return "string";
    case Type::List:
        return "list";
    case Type::Object:
    case Type::Map:
        return "struct";
    default:
        return "_";
    }
}

const char *actualNoun(const Node &value)
{
    if (value.isNumber())
        return value.isInteger() ? "int" : "float";
    return Node::typeName(value.type());
}

std::string formatBound(double bound)
{
    return JsonWriter::numberText(Node::number(bound));
}

bool typeMatches(Type type, const Node &value)
{
    switch (type) {
    case Type::Any:
    case Type::AnyOf:
        return true;
    case Type::Null:
        return value.isNull();
    case Type::Bool:
        return value.isBool();
    case Type::Number:
        return value.isNumber();
    case Type::Integer:
        // 6.0 and 1e1 are whole numbers: the server decodes numbers as float64 and writes them
        // again before they reach a Go int or CUE's int, so it reads them as 6 and 10.
        // Beyond a 64-bit int it does not read at all.
        return value.isNumber() &&
               (value.isInteger() || (std::abs(value.toNumber()) < 9223372036854775808.0 &&
                                      std::trunc(value.toNumber()) == value.toNumber()));
    case Type::String:
        return value.isString();
    case Type::List:
        return value.isArray();
    case Type::Object:
    case Type::Map:
        return value.isObject();
    }
    return false;
}

} // namespace

std::string childPath(const std::string &parent, std::string_view key)
{
    std::string path = parent;
    if (isIdentifier(key)) {
        if (!path.empty())
            path += '.';
        path += key;
    } else {
        if (!path.empty())
            path += '.';
        JsonWriter::appendString(path, key);
    }
    return path;
}

std::string indexPath(const std::string &parent, std::size_t index)
{
    return parent + '[' + std::to_string(index) + ']';
}

std::string describeValue(const Node &value)
{
    switch (value.type()) {
    case Node::Type::String: {
        std::string out;
        std::string text = value.text();
        if (text.size() > 80) {
            std::size_t cut = 77;
            while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
                --cut; // never split a character
            text = text.substr(0, cut) + "...";
        }
        JsonWriter::appendString(out, text);
        return out;
    }
    case Node::Type::Number:
        return JsonWriter::numberText(value);
    case Node::Type::Bool:
        return value.toBool() ? "true" : "false";
    case Node::Type::Null:
        return "null";
    case Node::Type::Array:
        return "[...]";
    case Node::Type::Object:
        return "{...}";
    }
    return "?";
}

Schema::Schema()
    : m_definition(std::make_shared<Definition>())
{}

Schema::Schema(std::shared_ptr<const Definition> definition)
    : m_definition(std::move(definition))
{}

std::shared_ptr<Schema::Definition> Schema::copy() const
{
    return std::make_shared<Definition>(*m_definition);
}

namespace {
Schema::Definition withType(Type type)
{
    Schema::Definition definition;
    definition.type = type;
    return definition;
}
} // namespace

Schema Schema::any()
{
    return Schema();
}
Schema Schema::null()
{
    return Schema(std::make_shared<Definition>(withType(Type::Null)));
}
Schema Schema::boolean()
{
    return Schema(std::make_shared<Definition>(withType(Type::Bool)));
}
Schema Schema::number()
{
    return Schema(std::make_shared<Definition>(withType(Type::Number)));
}
Schema Schema::integer()
{
    return Schema(std::make_shared<Definition>(withType(Type::Integer)));
}
Schema Schema::string()
{
    return Schema(std::make_shared<Definition>(withType(Type::String)));
}

Schema Schema::oneOfStrings(std::initializer_list<std::string_view> values)
{
    auto definition = std::make_shared<Definition>(withType(Type::String));
    for (std::string_view value : values)
        definition->allowed.emplace_back(value);
    return Schema(std::move(definition));
}

Schema Schema::list(const Schema &element)
{
    auto definition = std::make_shared<Definition>(withType(Type::List));
    definition->elements.push_back(element);
    return Schema(std::move(definition));
}

Schema Schema::object(std::initializer_list<SchemaField> fields)
{
    return object(std::vector<SchemaField>(fields));
}

Schema Schema::object(std::vector<SchemaField> fields)
{
    auto definition = std::make_shared<Definition>(withType(Type::Object));
    definition->fields = std::move(fields);
    return Schema(std::move(definition));
}

Schema Schema::map(const Schema &value)
{
    auto definition = std::make_shared<Definition>(withType(Type::Map));
    definition->elements.push_back(value);
    return Schema(std::move(definition));
}

Schema Schema::anyOf(std::initializer_list<Schema> alternatives)
{
    auto definition = std::make_shared<Definition>(withType(Type::AnyOf));
    definition->elements.assign(alternatives.begin(), alternatives.end());
    return Schema(std::move(definition));
}

Schema Schema::minimum(double bound) const
{
    auto definition = copy();
    definition->minimum = bound;
    return Schema(std::move(definition));
}

Schema Schema::maximum(double bound) const
{
    auto definition = copy();
    definition->maximum = bound;
    return Schema(std::move(definition));
}

Schema Schema::minRunes(int count) const
{
    auto definition = copy();
    definition->minRunes = count;
    return Schema(std::move(definition));
}

Schema Schema::matching(std::string pattern, std::function<bool(std::string_view)> predicate) const
{
    auto definition = copy();
    definition->pattern = std::move(predicate);
    definition->patternText = std::move(pattern);
    return Schema(std::move(definition));
}

Schema Schema::minItems(std::size_t count) const
{
    auto definition = copy();
    definition->minItems = count;
    return Schema(std::move(definition));
}

Schema Schema::maxItems(std::size_t count) const
{
    auto definition = copy();
    definition->maxItems = count;
    return Schema(std::move(definition));
}

Schema Schema::opened() const
{
    auto definition = copy();
    definition->open = true;
    return Schema(std::move(definition));
}

Schema Schema::nullAsAbsent() const
{
    auto d = copy();
    d->nullAsAbsent = true;
    return Schema(std::move(d));
}

Schema Schema::withCheck(Check check) const
{
    auto definition = copy();
    definition->checks.push_back(std::move(check));
    return Schema(std::move(definition));
}

Schema Schema::extended(std::initializer_list<SchemaField> fields) const
{
    auto definition = copy();
    definition->fields.insert(definition->fields.end(), fields.begin(), fields.end());
    return Schema(std::move(definition));
}

Schema::Kind Schema::kind() const
{
    return m_definition->type;
}

const std::vector<SchemaField> &Schema::fields() const
{
    return m_definition->fields;
}

const std::vector<Schema> &Schema::alternatives() const
{
    return m_definition->elements;
}

const std::vector<std::string> &Schema::allowedStrings() const
{
    return m_definition->allowed;
}

const Schema *Schema::element() const
{
    const bool container = kind() == Kind::List || kind() == Kind::Map;
    return container && !m_definition->elements.empty() ? &m_definition->elements.front() : nullptr;
}

std::vector<SchemaViolation> Schema::validate(const Node &value, const std::string &path) const
{
    std::vector<SchemaViolation> violations;
    validate(value, path, violations);
    return violations;
}

namespace {

int totalWeight(const std::vector<SchemaViolation> &violations)
{
    int total = 0;
    for (const SchemaViolation &v : violations)
        total += v.weight;
    return total;
}

void checkScalar(const Schema::Definition &d, const Node &value, const std::string &path,
                 std::vector<SchemaViolation> &out)
{
    auto violate = [&](std::string detail, int weight = 1) {
        out.push_back(SchemaViolation{path, std::move(detail), value.pos(), weight});
    };
    if (value.isString()) {
        const std::string &text = value.text();
        if (!d.allowed.empty() &&
            std::find(d.allowed.begin(), d.allowed.end(), text) == d.allowed.end()) {
            std::string choices;
            for (const std::string &allowed : d.allowed)
                choices += (choices.empty() ? "" : ", ") + describeValue(Node::string(allowed));
            violate("invalid value " + describeValue(value) + " (must be one of " + choices + ")",
                    10); // a wrong enum value says the most about a wrong branch
            return;
        }
        if (d.minRunes > 0 && runeCount(text) < static_cast<std::size_t>(d.minRunes))
            violate("invalid value " + describeValue(value) +
                    " (does not satisfy strings.MinRunes(" + std::to_string(d.minRunes) + "))");
        if (d.pattern && !d.pattern(text))
            violate("invalid value " + describeValue(value) + " (out of bound =~" +
                    describeValue(Node::string(d.patternText)) + ")");
    } else if (value.isNumber()) {
        const double number = value.toNumber();
        if (d.minimum && number < *d.minimum)
            violate("invalid value " + describeValue(value) +
                    " (out of bound >=" + formatBound(*d.minimum) + ")");
        if (d.maximum && number > *d.maximum)
            violate("invalid value " + describeValue(value) +
                    " (out of bound <=" + formatBound(*d.maximum) + ")");
    }
}

} // namespace

void Schema::validate(const Node &value, const std::string &path,
                      std::vector<SchemaViolation> &out) const
{
    const Definition &d = *m_definition;
    if (d.type == Type::AnyOf) {
        // Report the closest branch: one of the value's own type first, then the one with
        // the lightest violations.
        std::vector<SchemaViolation> best;
        bool bestTypeMatches = false;
        bool first = true;
        for (const Schema &alternative : d.elements) {
            std::vector<SchemaViolation> attempt;
            alternative.validate(value, path, attempt);
            if (attempt.empty()) {
                runChecks(d, value, path, out); // on the disjunction as a whole
                return;
            }
            const bool sameType = typeMatches(alternative.m_definition->type, value);
            const bool better =
                first || (sameType && !bestTypeMatches) ||
                (sameType == bestTypeMatches && totalWeight(attempt) < totalWeight(best));
            if (better) {
                best = std::move(attempt);
                bestTypeMatches = sameType;
            }
            first = false;
        }
        out.insert(out.end(), best.begin(), best.end());
    } else if (!typeMatches(d.type, value)) {
        out.push_back(SchemaViolation{path,
                                      "conflicting values " + describeValue(value) + " and " +
                                          typeNoun(d.type) + " (mismatched types " +
                                          actualNoun(value) + " and " + typeNoun(d.type) + ")",
                                      value.pos(), 5, SchemaViolation::Category::Type});
        return;
    }
    switch (d.type) {
    case Type::String:
    case Type::Number:
    case Type::Integer:
        checkScalar(d, value, path, out);
        break;
    case Type::List: {
        if (value.items().size() < d.minItems)
            out.push_back(SchemaViolation{path,
                                          "invalid value (list needs at least " +
                                              std::to_string(d.minItems) + " elements)",
                                          value.pos()});
        if (value.items().size() > d.maxItems)
            out.push_back(SchemaViolation{path,
                                          "invalid value (list may have at most " +
                                              std::to_string(d.maxItems) + " elements)",
                                          value.pos()});
        for (std::size_t i = 0; i < value.items().size(); ++i)
            d.elements.front().validate(value.items()[i], indexPath(path, i), out);
        break;
    }
    case Type::Map:
        for (const NodeMember &member : value.members())
            d.elements.front().validate(member.value, childPath(path, member.key), out);
        break;
    case Type::Object:
        for (const SchemaField &field : d.fields) {
            const Node *child = value.find(field.name);
            if (child && child->isNull() && d.nullAsAbsent)
                child = nullptr;
            if (child)
                field.schema.validate(*child, childPath(path, field.name), out);
            else if (field.required)
                out.push_back(SchemaViolation{childPath(path, field.name),
                                              "field is required but not present", value.pos(), 2,
                                              SchemaViolation::Category::Required});
        }
        if (!d.open) {
            for (const NodeMember &member : value.members()) {
                const bool known =
                    std::any_of(d.fields.begin(), d.fields.end(),
                                [&](const SchemaField &f) { return f.name == member.key; });
                if (!known)
                    out.push_back(SchemaViolation{childPath(path, member.key), "field not allowed",
                                                  member.keyPos, 2,
                                                  SchemaViolation::Category::UnknownField});
            }
        }
        break;
    default:
        break;
    }
    runChecks(d, value, path, out);
}

void Schema::runChecks(const Definition &d, const Node &value, const std::string &path,
                       std::vector<SchemaViolation> &out)
{
    for (const Check &check : d.checks) {
        if (auto problem = check(value))
            out.push_back(
                SchemaViolation{path, *problem, value.pos(), 1, SchemaViolation::Category::Check});
    }
}

} // namespace Pd
