// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcefile.h"

#include "jsonreader.h"
#include "parseresult.h"
#include "yamlreader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace Pd {

namespace {

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() &&
           std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(), [](char a, char b) {
               return a == (b >= 'A' && b <= 'Z' ? char(b - 'A' + 'a') : b);
           });
}

Diagnostic makeError(const char *rule, std::string message, SourcePos pos)
{
    return Diagnostic{Severity::Error, rule, std::move(message), {}, pos, {}};
}

// Maps {kind: PersesDashboard, metadata: {name, namespace}, spec: {config}} (v1alpha2), or
// with the spec inline (v1alpha1), to {kind: Dashboard, metadata: {name, project: namespace},
// spec}.
Node fromCustomResource(const Node &crd, ResourceKind kind)
{
    Node resource = Node::object(crd.pos());
    const NodeMember *kindMember = crd.findMember("kind");
    resource.set("kind", Node::string(std::string(resourceKindName(kind)), kindMember->value.pos()),
                 kindMember->keyPos);
    Node metadata = Node::object();
    if (const NodeMember *crdMetadata = crd.findMember("metadata")) {
        metadata.setPos(crdMetadata->value.pos());
        if (const NodeMember *name = crdMetadata->value.findMember("name"))
            metadata.set("name", name->value, name->keyPos);
        if (const NodeMember *ns = crdMetadata->value.findMember("namespace");
            ns && kind != ResourceKind::GlobalDatasource)
            metadata.set("project", ns->value, ns->keyPos);
        resource.set("metadata", std::move(metadata), crdMetadata->keyPos);
    }
    if (const NodeMember *spec = crd.findMember("spec")) {
        if (crdSpecIsInline(crd))
            resource.set("spec", spec->value, spec->keyPos);
        else if (const NodeMember *config = spec->value.findMember("config"))
            resource.set("spec", config->value, config->keyPos);
    }
    return resource;
}

void collectResource(Node element, ResourceFile &file)
{
    LoadedResource loaded;
    const Node *kind = element.isObject() ? element.find("kind") : nullptr;
    if (!element.isObject()) {
        file.diagnostics.push_back(makeError("resource-kind",
                                             std::string("expected a resource object, found a ") +
                                                 Node::typeName(element.type()),
                                             element.pos()));
    } else if (!kind || !kind->isString() || kind->text().empty()) {
        file.diagnostics.push_back(
            makeError("resource-kind", "kind cannot be empty", kind ? kind->pos() : element.pos()));
    } else if (auto resourceKind = parseResourceKind(kind->text())) {
        loaded.kind = resourceKind;
    } else if (auto crdKind = crdResourceKind(kind->text())) {
        loaded.kind = crdKind;
        loaded.crdKind = kind->text();
        loaded.node = fromCustomResource(element, *crdKind);
        file.resources.push_back(std::move(loaded));
        return;
    } else {
        file.diagnostics.push_back(
            makeError("resource-kind", "unknown kind \"" + kind->text() + "\" used", kind->pos()));
    }
    loaded.node = std::move(element);
    file.resources.push_back(std::move(loaded));
}

} // namespace

bool ResourceFile::hasPersesContent() const
{
    return std::any_of(resources.begin(), resources.end(),
                       [](const LoadedResource &r) { return r.kind.has_value(); });
}

DocumentFormat ResourceReader::formatFor(std::string_view path, std::string_view text)
{
    if (endsWith(path, ".json"))
        return DocumentFormat::Json;
    if (endsWith(path, ".yaml") || endsWith(path, ".yml"))
        return DocumentFormat::Yaml;
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (text[first] == '{' || text[first] == '['))
        return DocumentFormat::Json;
    return DocumentFormat::Yaml;
}

ResourceFile ResourceReader::readText(std::string_view text, std::string path,
                                      DocumentFormat format, KeepDocuments keep)
{
    ResourceFile file;
    file.path = std::move(path);
    file.format = format;
    ParseResult parsed =
        format == DocumentFormat::Json ? JsonReader::parse(text) : YamlReader::parse(text);
    file.diagnostics = std::move(parsed.diagnostics);
    if (keep == KeepDocuments::Yes)
        file.documents = parsed.documents;
    for (Node &document : parsed.documents) {
        if (document.isArray()) {
            for (Node &element : document.items())
                collectResource(std::move(element), file);
        } else {
            collectResource(std::move(document), file);
        }
    }
    for (Diagnostic &diagnostic : file.diagnostics)
        diagnostic.file = file.path;
    return file;
}

Diagnostic ResourceReader::tooLarge(const std::string &path, std::size_t size)
{
    std::ostringstream message;
    message.precision(1);
    message << std::fixed << "file is too large (" << double(size) / (1024.0 * 1024.0)
            << " MiB; the limit is " << maxFileSize / (1024 * 1024) << " MiB)";
    Diagnostic diagnostic = makeError(ParseRules::tooLarge, message.str(), SourcePos{1, 1});
    diagnostic.file = path;
    return diagnostic;
}

std::variant<std::string, Diagnostic> ResourceReader::readBytes(const std::string &path)
{
    auto failed = [&path](const char *rule, std::string message) {
        Diagnostic diagnostic = makeError(rule, std::move(message), SourcePos{1, 1});
        diagnostic.file = path;
        return diagnostic;
    };
    std::ifstream stream(path, std::ios::binary | std::ios::ate);
    if (!stream)
        return failed("io", "cannot open file: " + std::string(std::strerror(errno)));
    const std::streamoff size = stream.tellg();
    if (size < 0)
        return failed("io", "cannot read file");
    if (static_cast<std::size_t>(size) > maxFileSize)
        return tooLarge(path, static_cast<std::size_t>(size));
    std::string text(static_cast<std::size_t>(size), '\0');
    stream.seekg(0);
    if (!stream.read(text.data(), size))
        return failed("io", "cannot read file");
    return text;
}

ResourceFile ResourceReader::readFile(const std::string &path, KeepDocuments keep)
{
    std::variant<std::string, Diagnostic> bytes = readBytes(path);
    if (Diagnostic *problem = std::get_if<Diagnostic>(&bytes)) {
        ResourceFile file;
        file.path = path;
        file.diagnostics.push_back(std::move(*problem));
        return file;
    }
    const std::string &text = std::get<std::string>(bytes);
    return readText(text, path, formatFor(path, text), keep);
}

} // namespace Pd
