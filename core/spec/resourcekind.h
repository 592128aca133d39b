// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <optional>
#include <string_view>

namespace Pd {

enum class ResourceKind {
    Project,
    Dashboard,
    EphemeralDashboard,
    Datasource,
    GlobalDatasource,
    Variable,
    GlobalVariable,
    Secret,
    GlobalSecret,
    Folder,
    // RBAC kinds: recognised so that they are not mistaken for foreign files, checked only
    // for their envelope.
    Role,
    RoleBinding,
    GlobalRole,
    GlobalRoleBinding,
    User,
};

// Canonical spelling ("Dashboard").
std::string_view resourceKindName(ResourceKind kind);
// Kinds are case-insensitive, as in the Perses server ("dashboard" is a Dashboard).
std::optional<ResourceKind> parseResourceKind(std::string_view name);
bool isProjectScoped(ResourceKind kind);
// ASCII case-insensitive equality: how the server compares kinds and resource names.
bool equalsIgnoringCase(std::string_view a, std::string_view b);

// The Kubernetes operator's custom resources (spec §13) and the Perses kind each one carries.
std::optional<ResourceKind> crdResourceKind(std::string_view crdKind);
// Where a custom resource keeps the Perses spec: `spec` itself in perses.dev/v1alpha1,
// `spec.config` in v1alpha2 (beside `instanceSelector`). Without a known apiVersion, a spec
// with a `config` is taken as v1alpha2.
bool crdSpecIsInline(const Node &crd);

} // namespace Pd
