// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "node.h"
#include "resourcekind.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace Pd {

enum class DocumentFormat { Json, Yaml };

// One Perses resource found in a file. `node` is the resource as Perses defines it
// ({kind, metadata, spec}); a Kubernetes custom resource is mapped to that form, with the
// positions of its original values.
struct LoadedResource
{
    std::optional<ResourceKind> kind; // empty when the kind is missing or unknown
    std::string crdKind;              // "PersesDashboard" when read from a custom resource
    Node node;
};

// Everything read from one file: the resources in it, the problems found (diagnostics carry
// the file's path) and, when asked for, its documents as written (for formatting).
struct ResourceFile
{
    std::string path;
    DocumentFormat format = DocumentFormat::Json;
    std::vector<Node> documents; // empty unless read with KeepDocuments::Yes
    std::vector<LoadedResource> resources;
    Diagnostics diagnostics;

    // True when at least one element names a Perses kind or one of its custom resources.
    // A file without one is some other YAML or JSON (lint skips it).
    bool hasPersesContent() const;
    bool hasErrors() const { return Pd::hasErrors(diagnostics); }
};

enum class KeepDocuments { No, Yes };

class ResourceReader
{
public:
    // Larger files are refused with one diagnostic: no dashboard is that large, and reading
    // one would take the memory of the whole app.
    static constexpr std::size_t maxFileSize = 64u * 1024 * 1024;

    // Without KeepDocuments::Yes the documents are moved into the resources, not copied: a
    // lint run reads thousands of dashboards.
    static ResourceFile readFile(const std::string &path, KeepDocuments keep = KeepDocuments::No);
    // The bytes of a file as readFile reads them (one read, refused above maxFileSize), or
    // the diagnostic that says why not. Benchmarks read their baselines with it too.
    // (A variant, not std::expected: the fuzzing build's clang 14 has no <expected>.)
    static std::variant<std::string, Diagnostic> readBytes(const std::string &path);
    // Why a file of `size` bytes is not read.
    static Diagnostic tooLarge(const std::string &path, std::size_t size);
    static ResourceFile readText(std::string_view text, std::string path, DocumentFormat format,
                                 KeepDocuments keep = KeepDocuments::No);
    // JSON for *.json, YAML for *.yaml/*.yml, otherwise guessed from the first character.
    static DocumentFormat formatFor(std::string_view path, std::string_view text);
};

} // namespace Pd
