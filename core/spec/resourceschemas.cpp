// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourceschemas.h"

namespace Pd::ResourceSchemas {

namespace {

Schema text()
{
    return Schema::string();
}
Schema flag()
{
    return Schema::boolean();
}

// Every struct of the resource structure: Go decodes it, so a member set to null is absent
// (the server itself writes "panels": null for a dashboard saved without panels).
Schema goStruct(std::initializer_list<SchemaField> fields)
{
    return Schema::object(fields).nullAsAbsent();
}
Schema goStruct(std::vector<SchemaField> fields)
{
    return Schema::object(std::move(fields)).nullAsAbsent();
}

Schema display()
{
    return goStruct({optional("name", text()), optional("description", text())});
}

Schema metadata()
{
    return goStruct({
        required("name", text()),
        optional("createdAt", text()),
        optional("updatedAt", text()),
        // Decoded straight into a uint64: there 6.0 does not read.
        optional("version", Schema::integer().minimum(0).withCheck(
                                [](const Node &value) -> std::optional<std::string> {
                                    if (value.isInteger())
                                        return std::nullopt;
                                    return "cannot unmarshal number " + describeValue(value) +
                                           " into a uint64";
                                })),
        optional("tags", Schema::list(text())),
        optional("project", text()),
    });
}

Schema resource(Schema spec, bool specRequired)
{
    return goStruct({required("kind", text()), required("metadata", metadata()),
                     SchemaField{"spec", std::move(spec), specRequired}});
}

Schema link()
{
    // No url is accepted by the server (Link has no check): `link-url` warns.
    return goStruct({optional("name", text()), optional("url", text()), optional("tooltip", text()),
                     optional("renderVariables", flag()), optional("targetBlank", flag())});
}

Schema annotation()
{
    return goStruct({
        required("display", goStruct({required("name", text()), optional("description", text()),
                                      optional("hidden", flag()), optional("color", text())})),
        required("plugin", plugin()),
    });
}

// Text and list variables share one struct here (fields of both, in Go order); the
// validator checks what belongs to which kind.
Schema variableSpec(bool named)
{
    std::vector<SchemaField> fields;
    if (named)
        fields.push_back(required("name", text()));
    const std::vector<SchemaField> rest = {
        optional("display", goStruct({optional("name", text()), optional("description", text()),
                                      optional("hidden", flag())})),
        optional("value", text()),
        optional("constant", flag()),
        optional("defaultValue", Schema::anyOf({text(), Schema::list(text())})),
        optional("allowAllValue", flag()),
        optional("allowMultiple", flag()),
        optional("customAllValue", text()),
        optional("capturingRegexp", text()),
        optional("sort", text()),
        optional("plugin", plugin()),
    };
    fields.insert(fields.end(), rest.begin(), rest.end());
    return goStruct(std::move(fields));
}

Schema gridItems()
{
    const Schema item = goStruct({
        // Go decodes a missing coordinate as 0 and writes it back: not an error here either
        // (a missing size is a grid-bounds warning).
        optional("x", Schema::integer()),
        optional("y", Schema::integer()),
        optional("width", Schema::integer()),
        optional("height", Schema::integer()),
        required("content", goStruct({required("$ref", text())})),
        optional(
            "repeatVariable",
            goStruct({required("value", text()), optional("maxPer", Schema::integer()),
                      optional("alignment", Schema::oneOfStrings({"horizontal", "vertical"}))})),
    });
    return Schema::list(item);
}

Schema layout()
{
    // A grid without spec is an empty grid for the server (a nil spec decodes as nothing).
    return goStruct({
        required("kind", text()),
        optional(
            "spec",
            goStruct({
                optional("display",
                         goStruct({optional("title", text()),
                                   optional("collapse", goStruct({optional("open", flag())}))})),
                optional("items", gridItems()),
                optional("repeatVariable", text()),
                // Tabs layouts (newer spec revisions): preserved, not drawn.
                optional("tabs", Schema::list(goStruct(
                                     {required("name", text()), optional("items", gridItems())}))),
                optional("defaultTab", Schema::integer()),
            })),
    });
}

Schema panel()
{
    // The server never reads a query's kind (only its plugin).
    const Schema query = goStruct({
        optional("kind", text()),
        required("spec", goStruct({optional("name", text()), required("plugin", plugin())})),
    });
    // A panel's kind must be "Panel" for CUE, but the server does not check it: the validator
    // warns instead.
    return goStruct({
        optional("kind", text()),
        required("spec",
                 goStruct({
                     optional("display", display().extended({optional("hideHeader", flag())})),
                     required("plugin", plugin()),
                     optional("queries", Schema::list(query)),
                     optional("links", Schema::list(link())),
                     optional("annotations", Schema::list(annotation())),
                 })),
    });
}

std::vector<SchemaField> dashboardFields()
{
    return {
        optional("display", display()),
        optional("datasources", Schema::map(datasourceSpec())),
        optional("variables", Schema::list(variable())),
        optional("panels", Schema::map(panel())),
        optional("layouts", Schema::list(layout())),
        optional("duration", text()),
        optional("refreshInterval", text()),
        optional("timezone", text()),
        optional("links", Schema::list(link())),
        optional("annotations", Schema::list(annotation())),
        // Newer spec revisions; no 0.54 component reads it.
        optional("queryBatching", goStruct({optional("mode", text()),
                                            optional("maxPerRequest", Schema::integer())})),
    };
}

Schema secretSpec()
{
    return goStruct({
        optional("basicAuth", goStruct({optional("username", text()), optional("password", text()),
                                        optional("passwordFile", text())})),
        optional("authorization",
                 goStruct({optional("type", text()), optional("credentials", text()),
                           optional("credentialsFile", text())})),
        optional("oauth",
                 goStruct({optional("clientID", text()), optional("clientSecret", text()),
                           optional("clientSecretFile", text()), optional("tokenURL", text()),
                           optional("scopes", Schema::list(text())),
                           optional("endpointParams", Schema::map(Schema::list(text()))),
                           optional("authStyle", Schema::integer())})),
        optional("tlsConfig",
                 goStruct({optional("ca", text()), optional("cert", text()),
                           optional("key", text()), optional("caFile", text()),
                           optional("certFile", text()), optional("keyFile", text()),
                           optional("serverName", text()), optional("insecureSkipVerify", flag()),
                           optional("minVersion", text()), optional("maxVersion", text())})),
    });
}

// Folders nest; a fixed depth is plenty for a tree people browse.
Schema folderItems(int depth)
{
    std::vector<SchemaField> fields = {required("kind", text()), required("name", text())};
    fields.push_back(optional("items", depth > 0 ? folderItems(depth - 1) : Schema::any()));
    return Schema::list(goStruct(std::move(fields)));
}

} // namespace

const Schema &plugin()
{
    static const Schema schema = goStruct({
        required("kind", text()),
        optional("metadata", goStruct({optional("version", text()), optional("registry", text())})),
        optional("spec", Schema::any()),
    });
    return schema;
}

const Schema &datasourceSpec()
{
    static const Schema schema =
        goStruct({optional("display", display()), optional("default", flag()),
                  required("plugin", plugin())});
    return schema;
}

const Schema &variable()
{
    static const Schema schema =
        goStruct({required("kind", text()), required("spec", variableSpec(true))});
    return schema;
}

const Schema &dashboardSpec()
{
    static const Schema schema = goStruct(dashboardFields());
    return schema;
}

const Schema &forKind(ResourceKind kind)
{
    static const Schema dashboard = resource(dashboardSpec(), true);
    static const Schema ephemeral = [] {
        std::vector<SchemaField> fields = {optional("ttl", text())};
        const std::vector<SchemaField> rest = dashboardFields();
        fields.insert(fields.end(), rest.begin(), rest.end());
        return resource(goStruct(std::move(fields)), true);
    }();
    static const Schema datasource = resource(datasourceSpec(), true);
    // Only dashboards and datasources have the server's "spec cannot be empty": a Variable or
    // Secret without spec is decoded as an empty one and accepted.
    static const Schema variableResource = resource(
        goStruct({required("kind", text()), required("spec", variableSpec(false))}), false);
    static const Schema secret = resource(secretSpec(), false);
    static const Schema project = resource(goStruct({optional("display", display())}), false);
    static const Schema folder =
        resource(goStruct({optional("display", goStruct({optional("name", text())})),
                           optional("items", folderItems(6))}),
                 false);
    static const Schema other = resource(Schema::any(), false);
    switch (kind) {
    case ResourceKind::Dashboard:
        return dashboard;
    case ResourceKind::EphemeralDashboard:
        return ephemeral;
    case ResourceKind::Datasource:
    case ResourceKind::GlobalDatasource:
        return datasource;
    case ResourceKind::Variable:
    case ResourceKind::GlobalVariable:
        return variableResource;
    case ResourceKind::Secret:
    case ResourceKind::GlobalSecret:
        return secret;
    case ResourceKind::Project:
        return project;
    case ResourceKind::Folder:
        return folder;
    default:
        return other;
    }
}

} // namespace Pd::ResourceSchemas
