// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace PdPlugin {

// Version of the plugin interfaces below. A plugin built against another major version is
// refused at load time with this number in the reason.
inline constexpr int apiVersion = 1;

// One problem a plugin finds in a spec it owns: `path` is relative to the spec
// ("legend.position"), as the validator reports it.
struct SpecIssue
{
    QString path;
    QString message;
};
using SpecIssues = QList<SpecIssue>;

} // namespace PdPlugin
