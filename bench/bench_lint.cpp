// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// Lint speed against a bare nlohmann::json parse of the same bytes, measured in one run:
// the 114-panel NodeExporter dashboard, a tree of 1,000 such dashboards, and re-validating
// one edited panel.
#include "benchharness.h"
#include "dashboardvalidator.h"
#include "jsonreader.h"
#include "linter.h"
#include "resourcefile.h"
#include "resourcevalidator.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace Pd;

namespace {

// Read as the linter reads (ResourceReader::readBytes), so the baseline pays the same I/O.
std::string readFile(const std::string &path)
{
    std::variant<std::string, Diagnostic> bytes = ResourceReader::readBytes(path);
    if (const Diagnostic *problem = std::get_if<Diagnostic>(&bytes)) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), problem->message.c_str());
        std::exit(2);
    }
    return std::move(std::get<std::string>(bytes));
}

// 1,000 copies of the dashboard under distinct names, in folders of 100.
std::vector<std::string> writeTree(const fs::path &root, const std::string &dashboard)
{
    std::vector<std::string> files;
    const std::string marker = "\"name\": \"NodeExporter\"";
    for (int i = 0; i < 1000; ++i) {
        const fs::path folder = root / ("team-" + std::to_string(i / 100));
        fs::create_directories(folder);
        std::string copy = dashboard;
        if (const auto at = copy.find(marker); at != std::string::npos)
            copy.replace(at, marker.size(), "\"name\": \"node-" + std::to_string(i) + "\"");
        const fs::path file = folder / ("node-" + std::to_string(i) + ".json");
        std::ofstream(file, std::ios::binary) << copy;
        files.push_back(file.string());
    }
    return files;
}

void singleDashboard(const std::string &path)
{
    const std::string text = readFile(path);
    const ResourceFile file = ResourceReader::readText(text, path, DocumentFormat::Json);
    if (file.resources.empty()) {
        std::fprintf(stderr, "%s: no dashboard to measure (is the conformance corpus there?)\n",
                     path.c_str());
        std::exit(2);
    }
    const double mb = double(text.size()) / 1e6;
    std::printf("NodeExporter dashboard (%zu bytes, 114 panels)\n", text.size());

    std::size_t sink = 0; // keeps results alive so that nothing is optimised away
    const PdBench::Stats nlohmann =
        PdBench::measure([&] { sink += nlohmann::json::parse(text).size(); });
    const PdBench::Stats reader = PdBench::measure([&] { (void)JsonReader::parse(text); });
    const ResourceValidator validator;
    const PdBench::Stats validate = PdBench::measure([&] {
        Diagnostics out;
        validator.validate(file.resources.front(), path, out);
    });
    const PdBench::Stats lint = PdBench::measure([&] {
        const ResourceFile parsed = ResourceReader::readText(text, path, DocumentFormat::Json);
        (void)validator.validate(parsed);
    });
    PdBench::printStats("bare nlohmann::json::parse (baseline)", nlohmann, mb);
    PdBench::printStats("our positioned JSON reader", reader, mb);
    PdBench::printStats("validation alone", validate, mb);
    PdBench::printStats("read + validate (lint of one file)", lint, mb);
    PdBench::printRatio("validation / bare parse", validate, nlohmann, "<= 1.0");
    PdBench::printRatio("(read + validate) / bare parse", lint, nlohmann, "<= 2.0");
    std::printf("  (checksum %zu)\n", sink);

    // An editor re-checks the panel that changed, not the whole dashboard.
    Diagnostics found;
    DiagnosticSink diagnostics(path, found);
    static const ResourceSet none;
    ValidationContext context{diagnostics, PluginSchemaRegistry::builtin(), none};
    const Node &resource = file.resources.front().node;
    // The panel with the most queries: the heaviest one to re-check.
    std::string panel;
    std::size_t mostQueries = 0;
    for (const NodeMember &member : resource.find("spec")->find("panels")->members()) {
        const Node *queries = member.value.find("spec")->find("queries");
        if (queries && queries->size() >= mostQueries) {
            mostQueries = queries->size();
            panel = member.key;
        }
    }
    const PdBench::Stats onePanel = PdBench::measure([&] {
        found.clear();
        DashboardValidator(context).validatePanel(resource, panel);
    });
    std::printf("  re-validate one edited panel (\"%s\", %zu queries; target < 16 ms):\n",
                panel.c_str(), mostQueries);
    PdBench::printStats("  one panel", onePanel);
}

void dashboardTree(const std::string &path)
{
    const std::string text = readFile(path);
    const fs::path root = fs::temp_directory_path() / "pd-bench-tree";
    fs::remove_all(root);
    const std::vector<std::string> files = writeTree(root, text);
    const double mb = double(text.size()) * double(files.size()) / 1e6;
    std::printf("\nTree of %zu dashboards (%.1f MB)\n", files.size(), mb);
    std::size_t sink = 0;
    // Fewer runs (a run is seconds), the same number on both sides.
    const PdBench::Stats nlohmann = PdBench::measure(
        [&] {
            for (const std::string &file : files)
                sink += nlohmann::json::parse(readFile(file)).size();
        },
        5, 1);
    const PdBench::Stats lint =
        PdBench::measure([&] { (void)Linter().run({root.string()}); }, 5, 1);
    PdBench::printStats("read + bare nlohmann parse of every file", nlohmann, mb);
    PdBench::printStats("lint of the tree", lint, mb);
    std::printf("  %-50s %10.3f ms\n", "lint, per dashboard", lint.medianMs / double(files.size()));
    PdBench::printRatio("lint / (read + bare parse)", lint, nlohmann, "<= 2.0");
    std::printf("  (checksum %zu)\n", sink);
    fs::remove_all(root);
}

} // namespace

int main(int argc, char **argv)
{
    const std::string path =
        argc > 1 ? argv[1] : PD_CONFORMANCE_DIR "/dashboards/dev-data__perses__NodeExporter.json";
    singleDashboard(path);
    dashboardTree(path);
    return 0;
}
