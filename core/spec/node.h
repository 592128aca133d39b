// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcepos.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace Pd {

struct NodeMember;

// One value of a JSON or YAML document together with where it stood in the text.
// The tree is the document: it keeps key order, unknown fields and the exact text of
// numbers, so a resource that the app does not understand still round-trips untouched.
class Node
{
public:
    enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };

    Node() = default;
    static Node null(SourcePos pos = {});
    static Node boolean(bool value, SourcePos pos = {});
    // `text` is the number as written (kept for output); `value` its parsed value.
    static Node number(double value, std::string text, SourcePos pos = {});
    static Node number(double value, SourcePos pos = {});
    static Node string(std::string value, SourcePos pos = {});
    static Node array(SourcePos pos = {});
    static Node object(SourcePos pos = {});

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }
    // A number written without fraction or exponent.
    bool isInteger() const;

    SourcePos pos() const { return m_pos; }
    void setPos(SourcePos pos) { m_pos = pos; }
    // Where the value's text ends (exclusive): with pos(), its span in the document. The text
    // between the two, read again, is this value (a block collection's continuation lines
    // keep their indentation: read it again after pos().column - 1 spaces).
    SourcePos end() const { return m_end; }
    void setEnd(SourcePos end) { m_end = end; }
    bool hasSpan() const { return m_pos.offset >= 0 && m_end.offset >= m_pos.offset; }

    bool toBool(bool fallback = false) const { return isBool() ? m_bool : fallback; }
    double toNumber(double fallback = 0) const { return isNumber() ? m_number : fallback; }
    // The string value, or the number as written; empty for other types.
    const std::string &text() const { return m_text; }
    std::string_view stringOr(std::string_view fallback) const;

    // Arrays
    const std::vector<Node> &items() const { return m_items; }
    std::vector<Node> &items() { return m_items; }
    Node &append(Node value);

    // Objects (members in document order)
    const std::vector<NodeMember> &members() const { return m_members; }
    std::vector<NodeMember> &members() { return m_members; }
    const Node *find(std::string_view key) const;
    Node *find(std::string_view key);
    const NodeMember *findMember(std::string_view key) const;
    // The value at `path` below this one: member keys in objects, decimal indexes in arrays.
    // None when a step finds nothing.
    const Node *at(const std::vector<std::string> &path) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    // The text of member `key` when it is a string; empty when it is missing or not a string.
    std::string stringAt(std::string_view key) const;
    // Adds or replaces `key`.
    Node &set(std::string key, Node value, SourcePos keyPos = {});
    bool remove(std::string_view key);

    // Size of an array or object, 0 otherwise.
    std::size_t size() const;

    // Structural equality: same types and values; positions and number spelling ignored,
    // object key order ignored.
    bool equals(const Node &other) const;

    static const char *typeName(Type type);

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    double m_number = 0;
    SourcePos m_pos;
    SourcePos m_end;
    std::string m_text;
    std::vector<Node> m_items;
    std::vector<NodeMember> m_members;
};

struct NodeMember
{
    std::string key;
    SourcePos keyPos;
    Node value;
    SourcePos keyEnd; // where the key's text ends (exclusive), quotes included
};

} // namespace Pd
