// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "canonicalorder.h"
#include "jsonwriter.h"
#include "prometheusresponse.h"
#include "resourcefile.h"
#include "resourceset.h"
#include "resourcevalidator.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <string_view>

namespace PdFuzz {

// Everything input from outside goes through: both readers, the validator with its
// cross-file checks, canonical ordering and both writers, and the Prometheus response reader.
// Shared by the libFuzzer target and the regression test, so a crash found once stays fixed.
inline void exerciseResources(std::string_view text)
{
    using namespace Pd;
    for (const DocumentFormat format : {DocumentFormat::Json, DocumentFormat::Yaml}) {
        ResourceFile file = ResourceReader::readText(text, "fuzz", format, KeepDocuments::Yes);
        ResourceSet resources;
        resources.add(file);
        const Diagnostics diagnostics =
            ResourceValidator(PluginSchemaRegistry::builtin(), &resources).validate(file);
        (void)diagnostics;
        for (Node &document : file.documents) {
            CanonicalOrder::apply(document);
            (void)JsonWriter::write(document);
            (void)YamlWriter::write(document);
        }
    }
    (void)YamlReader::containsComments(text);
    // What a datasource sends back is untrusted too.
    (void)PrometheusResponseParser::parseQuery(text);
    (void)PrometheusResponseParser::parseStrings(text);
}

} // namespace PdFuzz
