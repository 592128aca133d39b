// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonbridge.h"

#include <QJsonArray>

namespace Pd {

QJsonValue toQJsonValue(const Node &node)
{
    switch (node.type()) {
    case Node::Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Node::Type::Bool:
        return node.toBool();
    case Node::Type::Number:
        return node.toNumber();
    case Node::Type::String:
        return QString::fromStdString(node.text());
    case Node::Type::Array: {
        QJsonArray array;
        for (const Node &item : node.items())
            array.append(toQJsonValue(item));
        return array;
    }
    case Node::Type::Object:
        return toQJsonObject(node);
    }
    return {};
}

QJsonObject toQJsonObject(const Node &node)
{
    QJsonObject object;
    if (!node.isObject())
        return object;
    for (const NodeMember &member : node.members())
        object.insert(QString::fromStdString(member.key), toQJsonValue(member.value));
    return object;
}

Node fromQJsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return Node::boolean(value.toBool());
    case QJsonValue::Double:
        return Node::number(value.toDouble());
    case QJsonValue::String:
        return Node::string(value.toString().toStdString());
    case QJsonValue::Array: {
        Node array = Node::array();
        for (const QJsonValue &item : value.toArray())
            array.append(fromQJsonValue(item));
        return array;
    }
    case QJsonValue::Object: {
        Node object = Node::object();
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end(); ++it)
            object.set(it.key().toStdString(), fromQJsonValue(it.value()));
        return object;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return Node::null();
}

} // namespace Pd
