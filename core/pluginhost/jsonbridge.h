// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <QJsonObject>
#include <QJsonValue>

namespace Pd {

// Plugins see specs as Qt JSON (their interface has no dependency on our model); the host
// converts at the boundary. Positions do not survive the trip.
QJsonValue toQJsonValue(const Node &node);
QJsonObject toQJsonObject(const Node &node); // empty unless `node` is an object
Node fromQJsonValue(const QJsonValue &value);

} // namespace Pd
