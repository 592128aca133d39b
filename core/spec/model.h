// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"
#include "resourcekind.h"
#include "sourcepos.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

// Typed, read-only views of Perses resources (spec §2-§5), decoded from the document tree by
// ModelDecoder. Plain values: no Qt, no widgets. Plugin specs stay JSON (`Node`), so a plugin
// this app does not know keeps everything. The tree stays the document that is edited and
// written; these types are what the query engine and the views read.
namespace Pd::Model {

struct Metadata
{
    std::string name;
    std::string project; // project-scoped kinds
    std::string createdAt;
    std::string updatedAt;
    std::uint64_t version = 0;
    std::vector<std::string> tags;
};

struct Display
{
    std::string name;
    std::string description;
};

struct Plugin
{
    std::string kind;
    std::string version; // metadata.version; empty: the installed one
    Node spec;           // opaque: each plugin reads its own
    SourcePos pos;
};

// `datasource` in a plugin spec: {kind, name?}, "$var", or absent (the default of a kind).
struct DatasourceSelector
{
    std::string kind;
    std::optional<std::string> name;
    std::string variable; // set for the "$ds" form, without the '$'
};

struct DatasourceSpec
{
    Display display;
    bool isDefault = false;
    Plugin plugin;
};

enum class VariableKind { Text, List };

struct VariableSpec
{
    VariableKind kind = VariableKind::Text;
    std::string name;
    Display display;
    bool hidden = false;
    // TextVariable
    std::string value;
    bool constant = false;
    // ListVariable
    std::vector<std::string> defaultValue; // one element for a plain string
    bool defaultIsList = false;
    bool allowAllValue = false;
    bool allowMultiple = false;
    std::optional<std::string> customAllValue;
    std::string capturingRegexp;
    std::string sort = "none";
    Plugin plugin;
    SourcePos pos;
};

struct Link
{
    std::string name;
    std::string url;
    std::string tooltip;
    bool renderVariables = false;
    bool targetBlank = false;
};

// An annotation (§4.8): events a query finds, drawn over time series charts.
struct Annotation
{
    Display display;
    bool hidden = false; // not drawn until the user shows it (queried all the same)
    std::string color;   // as written; empty: the app's default
    Plugin plugin;
};

struct Query
{
    std::string kind; // TimeSeriesQuery, TraceQuery, ...
    std::string name;
    Plugin plugin;
};

struct Panel
{
    std::string id;
    Display display;
    Plugin plugin;
    std::vector<Query> queries;
    std::vector<Link> links;
    std::vector<Annotation> annotations; // the panel's own, beside the dashboard's
    SourcePos pos;
};

struct ItemRepeat
{
    std::string variable;
    int maxPer = 4;
    bool vertical = false;
};

struct GridItem
{
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    std::string panelId; // from content.$ref; empty when it points nowhere
    std::optional<ItemRepeat> repeat;
    SourcePos pos;
};

struct GridLayout
{
    std::optional<std::string> title; // a titled group when set
    bool collapsible = false;
    bool open = true;
    std::vector<GridItem> items;
    std::string repeatVariable;
};

struct DashboardSpec
{
    Display display;
    std::vector<std::pair<std::string, DatasourceSpec>> datasources; // in document order
    std::vector<VariableSpec> variables;
    std::vector<Panel> panels; // in document order
    std::vector<GridLayout> layouts;
    std::string duration = "1h";
    std::string refreshInterval;
    std::string timezone;
    std::vector<Link> links;
    std::vector<Annotation> annotations;
    std::string ttl; // EphemeralDashboard

    const Panel *panel(std::string_view id) const;
    const VariableSpec *variable(std::string_view name) const;
};

struct Dashboard
{
    Metadata metadata;
    DashboardSpec spec;
    bool ephemeral = false;
};

struct Datasource
{
    Metadata metadata;
    DatasourceSpec spec;
    bool global = false;
};

struct Variable
{
    Metadata metadata;
    VariableSpec spec; // spec.name is metadata.name
    bool global = false;
};

struct Project
{
    Metadata metadata;
    Display display;
};

struct Secret
{
    Metadata metadata;
    Node spec; // authentication and TLS settings, as written
    bool global = false;
};

struct FolderItem
{
    bool isFolder = false;
    std::string name;
    std::vector<FolderItem> items;
};

struct Folder
{
    Metadata metadata;
    std::string displayName;
    std::vector<FolderItem> items;
};

// RBAC kinds are kept as they are.
struct OtherResource
{
    ResourceKind kind = ResourceKind::Role;
    Metadata metadata;
    Node spec;
};

using Resource =
    std::variant<Project, Dashboard, Datasource, Variable, Secret, Folder, OtherResource>;

} // namespace Pd::Model
