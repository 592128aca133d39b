// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcevalidator.h"

#include "dashboardvalidator.h"
#include "datasourcevalidator.h"
#include "diagnosticsink.h"
#include "foldervalidator.h"
#include "namerules.h"
#include "resourceschemas.h"
#include "rules.h"
#include "secretvalidator.h"
#include "variablevalidator.h"

#include <algorithm>

namespace Pd {

namespace {

void checkMetadata(const Node &resource, ResourceKind kind, ValidationContext &context)
{
    const Node *metadata = resource.find("metadata");
    if (!metadata || !metadata->isObject())
        return;
    // A Variable resource's extra naming rules are checked with the variable itself.
    if (const Node *name = metadata->find("name"); name && name->isString()) {
        if (auto problem = NameRules::checkId(name->text()))
            context.sink.report(Rules::metadataName, *problem, name->pos(), "metadata.name");
    }
    if (const Node *tags = metadata->find("tags"); tags && tags->isArray()) {
        if (tags->size() > 20)
            context.sink.report(Rules::metadataTags, "cannot contain more than 20 tags",
                                tags->pos(), "metadata.tags");
        for (std::size_t i = 0; i < tags->items().size(); ++i) {
            const Node &tag = tags->items()[i];
            if (!tag.isString())
                continue;
            if (auto problem = NameRules::checkTag(tag.text()))
                context.sink.report(Rules::metadataTags, *problem, tag.pos(),
                                    indexPath("metadata.tags", i));
        }
    }
    const Node *project = metadata->find("project");
    if (!isProjectScoped(kind) || !project || !project->isString() || project->text().empty())
        return;
    context.withResources([name = project->text(), pos = project->pos()](
                              const ResourceSet &resources, DiagnosticSink &sink) {
        if (resources.hasProjects() && !resources.hasProject(name))
            sink.report(Rules::projectUnknown, "metadata.project \"" + name + "\" doesn't exist",
                        pos, "metadata.project");
    });
}

// Spec §5.2: one default per plugin kind and scope among stored datasources.
void checkDefaultConflict(const Node &resource, ResourceKind kind, ValidationContext &context)
{
    const Node *spec = resource.find("spec");
    const Node *isDefault = spec ? spec->find("default") : nullptr;
    if (!isDefault || !isDefault->toBool())
        return;
    const Node *metadata = resource.find("metadata");
    const std::string name =
        metadata && metadata->find("name") ? metadata->find("name")->text() : std::string();
    const std::string project =
        metadata && metadata->find("project") ? metadata->find("project")->text() : std::string();
    const Node *plugin = spec->find("plugin");
    const std::string pluginKind =
        plugin && plugin->find("kind") ? plugin->find("kind")->text() : std::string();
    const bool global = kind == ResourceKind::GlobalDatasource;
    context.withResources([=, pos = isDefault->pos()](const ResourceSet &resources,
                                                      DiagnosticSink &sink) {
        for (const KnownDatasource &other : resources.datasources()) {
            if (other.global != global || !other.isDefault || other.pluginKind != pluginKind ||
                (!global && !equalsIgnoringCase(other.project, project)))
                continue;
            if (equalsIgnoringCase(other.name, name))
                return; // the first default of its kind: the later ones are reported
            sink.report(Rules::datasourceDefaultConflict,
                        "datasource \"" + name + "\" cannot be a default \"" + pluginKind +
                            "\" because there is already one defined named \"" + other.name + "\"",
                        pos, "spec.default");
            return;
        }
    });
}

void validateByKind(const Node &resource, ResourceKind kind, ValidationContext &context)
{
    const Node *spec = resource.find("spec");
    const Node *metadata = resource.find("metadata");
    const Node *name = metadata ? metadata->find("name") : nullptr;
    const std::string nameText = name && name->isString() ? name->text() : std::string();
    switch (kind) {
    case ResourceKind::Dashboard:
    case ResourceKind::EphemeralDashboard:
        DashboardValidator(context).validate(resource);
        break;
    case ResourceKind::Datasource:
    case ResourceKind::GlobalDatasource:
        if (spec)
            DatasourceValidator(context).validateSpec(*spec, "spec", nameText);
        checkDefaultConflict(resource, kind, context);
        break;
    case ResourceKind::Variable:
    case ResourceKind::GlobalVariable:
        if (spec)
            VariableValidator(context).validate(*spec, "spec", name);
        break;
    case ResourceKind::Secret:
    case ResourceKind::GlobalSecret:
        if (spec)
            SecretValidator(context).validate(*spec);
        break;
    case ResourceKind::Folder:
        if (spec)
            FolderValidator(context).validate(*spec, nameText);
        break;
    default:
        break;
    }
}

} // namespace

ResourceValidator::ResourceValidator(const PluginSchemaRegistry &plugins,
                                     const ResourceSet *resources,
                                     std::vector<CrossFileCheck> *deferred)
    : m_plugins(plugins)
    , m_resources(resources)
    , m_deferred(deferred)
{}

void ResourceValidator::validate(const LoadedResource &resource, const std::string &file,
                                 Diagnostics &out) const
{
    if (!resource.kind)
        return; // the reader reported the kind
    static const ResourceSet empty;
    DiagnosticSink sink(file, out);
    ValidationContext context{sink, m_plugins, m_resources ? *m_resources : empty, m_deferred};
    const std::vector<SchemaViolation> structure =
        ResourceSchemas::forKind(*resource.kind).validate(resource.node);
    sink.reportStructureViolations(structure);
    checkMetadata(resource.node, *resource.kind, context);
    validateByKind(resource.node, *resource.kind, context);
}

Diagnostics ResourceValidator::validate(const ResourceFile &file) const
{
    Diagnostics diagnostics = file.diagnostics;
    for (const LoadedResource &resource : file.resources)
        validate(resource, file.path, diagnostics);
    sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace Pd
