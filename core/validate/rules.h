// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include <span>
#include <string_view>

namespace Pd {

// Every rule the validator reports, with its id (stable: scripts filter on it), its
// severity and a one-line summary. docs/lint-rules.md describes each with an example;
// a test keeps the two in step.
struct RuleInfo
{
    std::string_view id;
    Severity severity;
    std::string_view summary;
};

namespace Rules {
// Reading
inline constexpr std::string_view syntax = "syntax";
inline constexpr std::string_view encoding = "encoding";
inline constexpr std::string_view duplicateKey = "duplicate-key";
inline constexpr std::string_view nestingTooDeep = "nesting-too-deep";
inline constexpr std::string_view fileTooLarge = "file-too-large";
inline constexpr std::string_view emptyFile = "empty-file";
inline constexpr std::string_view yaml11Boolean = "yaml-1.1-boolean";
inline constexpr std::string_view io = "io";
// Structure (layer D)
inline constexpr std::string_view resourceKind = "resource-kind";
inline constexpr std::string_view specMissing = "spec-missing";
inline constexpr std::string_view typeMismatch = "type-mismatch";
inline constexpr std::string_view requiredField = "required-field";
inline constexpr std::string_view invalidValue = "invalid-value";
inline constexpr std::string_view unknownField = "unknown-field";
inline constexpr std::string_view metadataName = "metadata-name";
inline constexpr std::string_view metadataTags = "metadata-tags";
inline constexpr std::string_view duration = "duration";
inline constexpr std::string_view timezone = "timezone";
inline constexpr std::string_view panelId = "panel-id";
inline constexpr std::string_view variableKind = "variable-kind";
inline constexpr std::string_view variableName = "variable-name";
inline constexpr std::string_view variableDuplicate = "variable-duplicate";
inline constexpr std::string_view variableConstant = "variable-constant";
inline constexpr std::string_view variableDefaultValue = "variable-default-value";
inline constexpr std::string_view variableCustomAll = "variable-custom-all";
inline constexpr std::string_view variableSort = "variable-sort";
inline constexpr std::string_view layoutKind = "layout-kind";
inline constexpr std::string_view layoutRef = "layout-ref";
inline constexpr std::string_view layoutRefTarget = "layout-ref-target";
inline constexpr std::string_view pluginKind = "plugin-kind";
inline constexpr std::string_view annotationName = "annotation-name";
inline constexpr std::string_view datasourceProxy = "datasource-proxy";
inline constexpr std::string_view secretConfig = "secret-config";
inline constexpr std::string_view secretTlsVersion = "secret-tls-version";
inline constexpr std::string_view folderItem = "folder-item";
inline constexpr std::string_view linkUrl = "link-url";
// Server semantics (layer V)
inline constexpr std::string_view variableUndefined = "variable-undefined";
inline constexpr std::string_view variableCycle = "variable-cycle";
inline constexpr std::string_view datasourceDefault = "datasource-default";
inline constexpr std::string_view datasourceDefaultConflict = "datasource-default-conflict";
// Plugin schemas (layer S)
inline constexpr std::string_view pluginSchema = "plugin-schema";
inline constexpr std::string_view pluginUnknown = "plugin-unknown";
// Checks the server does not make
inline constexpr std::string_view panelKind = "panel-kind";
inline constexpr std::string_view gridBounds = "grid-bounds";
inline constexpr std::string_view gridOverlap = "grid-overlap";
inline constexpr std::string_view panelOrphan = "panel-orphan";
inline constexpr std::string_view panelVariableUndefined = "panel-variable-undefined";
inline constexpr std::string_view datasourceUnresolved = "datasource-unresolved";
inline constexpr std::string_view queryKindMismatch = "query-kind-mismatch";
inline constexpr std::string_view datasourceKindMismatch = "datasource-kind-mismatch";
inline constexpr std::string_view repeatVariable = "repeat-variable";
inline constexpr std::string_view variableRegexp = "variable-regexp";
inline constexpr std::string_view projectUnknown = "project-unknown";
inline constexpr std::string_view tabsLayout = "tabs-layout";

std::span<const RuleInfo> all();
const RuleInfo *find(std::string_view id);
} // namespace Rules

} // namespace Pd
