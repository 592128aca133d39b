// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// Review speed, measured in one run against a bare re-read of the same text:
//  - the structural diff of two revisions of the 114-panel NodeExporter dashboard (three
//    panels changed: a title, a query, a move), both texts read and compared;
//  - opening a revision of that dashboard from a repository of 1,000 commits straight from
//    the object database (find the repository, resolve HEAD~500, read the blob, parse), against
//    reading and parsing the same bytes from a file on disk;
//  - the history of that file through all 1,000 commits.
#include "benchharness.h"
#include "jsonwriter.h"
#include "resourcediff.h"
#include "resourcefile.h"
#include "sourceresolver.h"
#include "testgitrepository.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace Pd;

namespace {

[[noreturn]] void fail(const std::string &message)
{
    std::fprintf(stderr, "bench_diff: %s\n", message.c_str());
    std::exit(2);
}

std::string readOrFail(const std::string &path)
{
    std::variant<std::string, Diagnostic> bytes = ResourceReader::readBytes(path);
    if (const Diagnostic *problem = std::get_if<Diagnostic>(&bytes))
        fail(path + ": " + problem->message);
    return std::move(std::get<std::string>(bytes));
}

Node &at(Node &node, std::initializer_list<const char *> keys)
{
    Node *current = &node;
    for (const char *key : keys) {
        current = current->find(key);
        if (!current)
            fail(std::string("the NodeExporter dashboard has no '") + key + "'");
    }
    return *current;
}

// The next revision: one panel retitled, one query edited, one layout item moved.
std::string nextRevision(const std::string &text)
{
    ResourceFile file = ResourceReader::readText(text, "node.json", DocumentFormat::Json);
    if (file.resources.empty())
        fail("cannot read the NodeExporter dashboard");
    Node dashboard = file.resources.front().node;
    Node &panels = at(dashboard, {"spec", "panels"});
    if (panels.members().size() < 3)
        fail("the NodeExporter dashboard has fewer than three panels");
    at(panels.members()[0].value, {"spec", "display", "name"}) = Node::string("Retitled");
    for (NodeMember &panel : panels.members()) {
        Node *queries = at(panel.value, {"spec"}).find("queries");
        if (queries && queries->isArray() && !queries->items().empty()) {
            Node &query = at(queries->items().front(), {"spec", "plugin", "spec", "query"});
            query = Node::string(query.text() + " > 0");
            break;
        }
    }
    Node &item = at(dashboard, {"spec", "layouts"}).items().front();
    Node &x = at(at(item, {"spec"}).find("items")->items().front(), {"x"});
    x = Node::number(x.toNumber() == 0 ? 1 : 0);
    return JsonWriter::write(dashboard);
}

void diffOfTwoRevisions(const std::string &before, const std::string &after)
{
    std::printf("Diff of two NodeExporter revisions (3 panels changed)\n");
    std::size_t changes = 0;
    const PdBench::Stats ours = PdBench::measure([&] {
        const ResourceFile a = ResourceReader::readText(before, "a.json", DocumentFormat::Json);
        const ResourceFile b = ResourceReader::readText(after, "b.json", DocumentFormat::Json);
        changes = ResourceDiff::compare(a.resources, b.resources).size();
    });
    const PdBench::Stats bare = PdBench::measure([&] {
        const ResourceFile a = ResourceReader::readText(before, "a.json", DocumentFormat::Json);
        const ResourceFile b = ResourceReader::readText(after, "b.json", DocumentFormat::Json);
        if (a.resources.empty() || b.resources.empty())
            fail("re-read failed");
    });
    const ResourceFile a = ResourceReader::readText(before, "a.json", DocumentFormat::Json);
    const ResourceFile b = ResourceReader::readText(after, "b.json", DocumentFormat::Json);
    const PdBench::Stats compareOnly =
        PdBench::measure([&] { changes = ResourceDiff::compare(a.resources, b.resources).size(); });
    if (changes != 3)
        fail("expected 3 changes between the revisions, got " + std::to_string(changes));
    PdBench::printStats("read both + structural diff", ours);
    PdBench::printStats("read both (bare re-parse, baseline)", bare);
    PdBench::printStats("structural diff alone", compareOnly);
    PdBench::printRatio("diff / bare re-parse", ours, bare, "whole diff under 20 ms");
}

// 1,000 commits, each retitling the first panel ("revision N").
std::string buildHistory(const std::string &folder, const std::string &text)
{
    PdTest::TestGitRepository repository(folder);
    const std::string marker = "\"Retitled\"";
    std::string current = nextRevision(text);
    const std::size_t where = current.find(marker);
    if (where == std::string::npos)
        fail("cannot find the retitled panel");
    for (int i = 0; i < 1000; ++i) {
        std::string revision = current;
        revision.replace(where, marker.size(), "\"revision " + std::to_string(i) + "\"");
        repository.write("dashboards/node.json", revision);
        repository.write("README.md", "commit " + std::to_string(i) + "\n");
        repository.commit("revision " + std::to_string(i));
    }
    return current;
}

void openRevision(const std::string &folder)
{
    std::printf("Open HEAD~500 of dashboards/node.json in a repository of 1,000 commits\n");
    std::string title;
    const PdBench::Stats ours = PdBench::measure([&] {
        SourceResolver resolver(folder);
        auto resolved = resolver.resolve("HEAD~500:dashboards/node.json");
        if (!std::holds_alternative<SourcedPath>(resolved))
            fail(std::get<std::string>(resolved));
        const ResourceFile file = std::get<SourcedPath>(resolved).read();
        if (file.resources.empty())
            fail("the revision read no dashboard");
        title = at(const_cast<Node &>(file.resources.front().node), {"spec", "panels"})
                    .members()[0]
                    .value.find("spec")
                    ->find("display")
                    ->stringAt("name");
    });
    if (title != "revision 499")
        fail("HEAD~500 read the title '" + title + "', expected 'revision 499'");
    // The same bytes from a file on disk, read and parsed the same way.
    SourceResolver resolver(folder);
    const std::string bytes = std::get<std::string>(
        std::get<SourcedPath>(resolver.resolve("HEAD~500:dashboards/node.json"))
            .source->readBytes("dashboards/node.json"));
    const std::string onDisk = folder + "-revision.json";
    std::ofstream(onDisk, std::ios::binary) << bytes;
    const PdBench::Stats bare = PdBench::measure([&] {
        if (ResourceReader::readFile(onDisk).resources.empty())
            fail("re-read failed");
    });
    PdBench::printStats("open revision (discover, resolve, blob, parse)", ours);
    PdBench::printStats("same bytes from disk (baseline)", bare);
    PdBench::printRatio("revision / file on disk", ours, bare, "open under 50 ms");

    std::size_t commits = 0;
    const PdBench::Stats history = PdBench::measure(
        [&] {
            SourceResolver finder(folder);
            const GitRepository *git = std::get<const GitRepository *>(finder.repository());
            auto list = git->history("dashboards/node.json");
            commits = std::get<std::vector<GitCommit>>(list).size();
        },
        5, 1);
    if (commits != 1000)
        fail("history found " + std::to_string(commits) + " commits, expected 1000");
    PdBench::printStats("history of the file (1,000 commits)", history);
}

} // namespace

int main()
{
    const std::string text =
        readOrFail(PD_CONFORMANCE_DIR "/dashboards/dev-data__perses__NodeExporter.json");
    diffOfTwoRevisions(text, nextRevision(text));

    const fs::path root =
        fs::temp_directory_path() / ("pd-bench-diff-" + std::to_string(::getpid()));
    fs::remove_all(root);
    std::printf("(building a repository of 1,000 commits)\n");
    buildHistory((root / "repo").string(), text);
    openRevision((root / "repo").string());
    fs::remove_all(root);
    return 0;
}
