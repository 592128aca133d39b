// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "canonicalorder.h"
#include "dashboardedits.h"
#include "jsonwriter.h"
#include "prometheusresponse.h"
#include "resourcefile.h"
#include "resourceset.h"
#include "resourcevalidator.h"
#include "textpatch.h"
#include "yamlblockreader.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace PdFuzz {

namespace Detail {

inline std::string describe(const Pd::ResourceFile &file, const Pd::Diagnostics &validation)
{
    std::string text = std::to_string(file.resources.size()) + " resources, " +
                       std::to_string(file.diagnostics.size() + validation.size()) + " diagnostics";
    const Pd::Diagnostics &first = file.diagnostics.empty() ? validation : file.diagnostics;
    if (!first.empty()) {
        const Pd::Diagnostic &d = first.front();
        text += ", first " + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " +
                (d.isError() ? "error" : "warning") + " [" + d.rule + "] " + d.message;
    }
    return text;
}

// Spans stay inside the text, ends after starts: a text patch relies on them. A broken one
// aborts, which the fuzzer reports as a crash.
inline void checkSpans(const Pd::Node &node, std::size_t size)
{
    if (node.pos().offset >= 0 &&
        (std::size_t(node.end().offset) > size || node.end().offset < node.pos().offset))
        std::abort();
    for (const Pd::NodeMember &member : node.members()) {
        if (member.keyPos.offset >= 0 && (std::size_t(member.keyEnd.offset) > size ||
                                          member.keyEnd.offset < member.keyPos.offset))
            std::abort();
        checkSpans(member.value, size);
    }
    for (const Pd::Node &item : node.items())
        checkSpans(item, size);
}

// The path of the first scalar below `node`, for a text patch to try.
inline bool firstScalar(const Pd::Node &node, std::vector<std::string> &path)
{
    if (!node.isObject() && !node.isArray())
        return true;
    for (const Pd::NodeMember &member : node.members()) {
        path.push_back(member.key);
        if (firstScalar(member.value, path))
            return true;
        path.pop_back();
    }
    for (std::size_t i = 0; i < node.items().size(); ++i) {
        path.push_back(std::to_string(i));
        if (firstScalar(node.items()[i], path))
            return true;
        path.pop_back();
    }
    return false;
}

// Two readings of one text agree: values, positions and diagnostics.
inline bool sameNode(const Pd::Node &a, const Pd::Node &b)
{
    if (a.type() != b.type() || a.pos().offset != b.pos().offset || a.pos().line != b.pos().line ||
        a.pos().column != b.pos().column || a.end().offset != b.end().offset ||
        a.members().size() != b.members().size() || a.items().size() != b.items().size() ||
        (!a.isObject() && !a.isArray() && (!a.equals(b) || a.text() != b.text())))
        return false;
    for (std::size_t i = 0; i < a.members().size(); ++i) {
        const Pd::NodeMember &x = a.members()[i];
        const Pd::NodeMember &y = b.members()[i];
        if (x.key != y.key || x.keyPos.offset != y.keyPos.offset ||
            x.keyEnd.offset != y.keyEnd.offset || !sameNode(x.value, y.value))
            return false;
    }
    for (std::size_t i = 0; i < a.items().size(); ++i) {
        if (!sameNode(a.items()[i], b.items()[i]))
            return false;
    }
    return true;
}

inline bool sameReading(const Pd::ParseResult &a, const Pd::ParseResult &b)
{
    if (a.documents.size() != b.documents.size() || a.diagnostics.size() != b.diagnostics.size())
        return false;
    for (std::size_t i = 0; i < a.documents.size(); ++i) {
        if (!sameNode(a.documents[i], b.documents[i]))
            return false;
    }
    for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
        if (a.diagnostics[i].message != b.diagnostics[i].message ||
            a.diagnostics[i].pos.offset != b.diagnostics[i].pos.offset)
            return false;
    }
    return true;
}

inline std::string describe(const Pd::PrometheusResponse &response)
{
    return response.ok ? "ok" : response.errorType + ": " + response.error;
}

} // namespace Detail

// Everything input from outside goes through: both readers, the validator with its
// cross-file checks, canonical ordering and both writers, and the Prometheus response reader.
// Shared by the libFuzzer target and the regression test, so a crash found once stays fixed.
// Returns what each step made of the input, one line each, for the regression test to check.
inline std::string exerciseResources(std::string_view text)
{
    using namespace Pd;
    std::string outcome;
    for (const DocumentFormat format : {DocumentFormat::Json, DocumentFormat::Yaml}) {
        ResourceFile file = ResourceReader::readText(text, "fuzz", format, KeepDocuments::Yes);
        ResourceSet resources;
        resources.add(file);
        const Diagnostics diagnostics =
            ResourceValidator(PluginSchemaRegistry::builtin(), &resources).validate(file);
        outcome += format == DocumentFormat::Json ? "json: " : "yaml: ";
        outcome += Detail::describe(file, diagnostics) + "\n";
        // A form's value written back: a member gone and one added below the spec.
        for (const LoadedResource &resource : file.resources) {
            const Node *spec = resource.node.find("spec");
            if (resource.kind != ResourceKind::Dashboard || !spec || !spec->isObject())
                continue;
            Node edited = *spec;
            if (!edited.members().empty())
                edited.members().erase(edited.members().begin());
            edited.set("fuzzAdded", Node::boolean(true));
            if (auto edits = DashboardEdits(text, file).replace({"spec"}, edited))
                (void)ResourceReader::readText(TextPatch::apply(text, *edits), "fuzz", format);
        }
        for (Node &document : file.documents) {
            Detail::checkSpans(document, text.size());
            // A visual edit on whatever was read: the patch and the text it makes must read.
            std::vector<std::string> path;
            if (Detail::firstScalar(document, path)) {
                if (auto edit = TextPatch::setScalar(document, format, path, Node::string("a: #b")))
                    (void)ResourceReader::readText(TextPatch::apply(text, {*edit}), "fuzz", format);
            }
            CanonicalOrder::apply(document);
            (void)JsonWriter::write(document);
            (void)YamlWriter::write(document);
        }
    }
    // The fast YAML path reads what it takes exactly as yaml-cpp does.
    if (YamlBlockReader::read(text) &&
        !Detail::sameReading(YamlReader::parse(text), YamlReader::parseWithYamlCpp(text)))
        std::abort();
    outcome +=
        std::string("comments: ") + (YamlReader::containsComments(text) ? "yes" : "no") + "\n";
    // What a datasource sends back is untrusted too.
    const PrometheusResponse query = PrometheusResponseParser::parseQuery(text);
    // Every series' times line up with its values: listed one for one, or implicit.
    for (const Series &series : query.result.series()) {
        if (!series.hasImplicitTimes() && series.timesMs.size() != series.values.size())
            std::abort();
    }
    outcome += "query: " + Detail::describe(query) + ", " +
               std::to_string(query.result.series().size()) + " series\n";
    outcome += "strings: " + Detail::describe(PrometheusResponseParser::parseStrings(text)) + "\n";
    return outcome;
}

} // namespace PdFuzz
