// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "node.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace Pd {

Node Node::null(SourcePos pos)
{
    Node n;
    n.m_pos = pos;
    return n;
}

Node Node::boolean(bool value, SourcePos pos)
{
    Node n;
    n.m_type = Type::Bool;
    n.m_bool = value;
    n.m_pos = pos;
    return n;
}

Node Node::number(double value, std::string text, SourcePos pos)
{
    Node n;
    n.m_type = Type::Number;
    n.m_number = value;
    n.m_text = std::move(text);
    n.m_pos = pos;
    return n;
}

Node Node::number(double value, SourcePos pos)
{
    // Shortest text that reads back as the same double, as Go's encoder writes it.
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text = ec == std::errc() ? std::string(buffer, end) : std::string("0");
    return number(value, std::move(text), pos);
}

Node Node::string(std::string value, SourcePos pos)
{
    Node n;
    n.m_type = Type::String;
    n.m_text = std::move(value);
    n.m_pos = pos;
    return n;
}

Node Node::array(SourcePos pos)
{
    Node n;
    n.m_type = Type::Array;
    n.m_pos = pos;
    return n;
}

Node Node::object(SourcePos pos)
{
    Node n;
    n.m_type = Type::Object;
    n.m_pos = pos;
    return n;
}

bool Node::isInteger() const
{
    if (!isNumber())
        return false;
    if (m_text.empty())
        return std::trunc(m_number) == m_number;
    return m_text.find_first_of(".eE") == std::string::npos;
}

std::string_view Node::stringOr(std::string_view fallback) const
{
    return isString() ? std::string_view(m_text) : fallback;
}

Node &Node::append(Node value)
{
    m_items.push_back(std::move(value));
    return m_items.back();
}

const NodeMember *Node::findMember(std::string_view key) const
{
    for (const NodeMember &member : m_members) {
        if (member.key == key)
            return &member;
    }
    return nullptr;
}

const Node *Node::find(std::string_view key) const
{
    const NodeMember *member = findMember(key);
    return member ? &member->value : nullptr;
}

const Node *Node::at(const std::vector<std::string> &path) const
{
    const Node *node = this;
    for (const std::string &step : path) {
        if (node->isObject()) {
            node = node->find(step);
        } else if (node->isArray()) {
            std::size_t index = 0;
            const auto [end, error] =
                std::from_chars(step.data(), step.data() + step.size(), index);
            if (error != std::errc() || end != step.data() + step.size() ||
                index >= node->items().size())
                return nullptr;
            node = &node->items()[index];
        } else {
            return nullptr;
        }
        if (!node)
            return nullptr;
    }
    return node;
}

std::string Node::stringAt(std::string_view key) const
{
    const Node *value = find(key);
    return value && value->isString() ? value->text() : std::string();
}

Node *Node::find(std::string_view key)
{
    return const_cast<Node *>(static_cast<const Node *>(this)->find(key));
}

Node &Node::set(std::string key, Node value, SourcePos keyPos)
{
    if (Node *existing = find(key)) {
        *existing = std::move(value);
        return *existing;
    }
    m_members.push_back(NodeMember{std::move(key), keyPos, std::move(value), {}});
    return m_members.back().value;
}

bool Node::remove(std::string_view key)
{
    auto it = std::find_if(m_members.begin(), m_members.end(),
                           [key](const NodeMember &m) { return m.key == key; });
    if (it == m_members.end())
        return false;
    m_members.erase(it);
    return true;
}

std::size_t Node::size() const
{
    if (isArray())
        return m_items.size();
    if (isObject())
        return m_members.size();
    return 0;
}

bool Node::equals(const Node &other) const
{
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case Type::Null:
        return true;
    case Type::Bool:
        return m_bool == other.m_bool;
    case Type::Number:
        return m_number == other.m_number || (std::isnan(m_number) && std::isnan(other.m_number));
    case Type::String:
        return m_text == other.m_text;
    case Type::Array:
        return std::equal(m_items.begin(), m_items.end(), other.m_items.begin(),
                          other.m_items.end(),
                          [](const Node &a, const Node &b) { return a.equals(b); });
    case Type::Object:
        if (m_members.size() != other.m_members.size())
            return false;
        return std::all_of(m_members.begin(), m_members.end(), [&other](const NodeMember &m) {
            const Node *peer = other.find(m.key);
            return peer && m.value.equals(*peer);
        });
    }
    return false;
}

const char *Node::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return "null";
    case Type::Bool:
        return "bool";
    case Type::Number:
        return "number";
    case Type::String:
        return "string";
    case Type::Array:
        return "list";
    case Type::Object:
        return "struct";
    }
    return "?";
}

} // namespace Pd
