// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "changehistory.h"
#include "gitrepository.h"
#include "linter.h"
#include "resourcediff.h"
#include "sourceresolver.h"
#include "testgitrepository.h"
#include "testpaths.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace Pd;

namespace {

std::string dashboard(const std::string &name, const std::string &title)
{
    return "kind: Dashboard\nmetadata:\n  name: " + name +
           "\n  project: demo\nspec:\n  duration: 1h\n  panels:\n    cpu:\n      kind: Panel\n"
           "      spec:\n        display:\n          name: " +
           title +
           "\n        plugin:\n          kind: TimeSeriesChart\n          spec: {}\n"
           "  layouts:\n    - kind: Grid\n      spec:\n        items:\n          - x: 0\n"
           "            y: 0\n            width: 12\n            height: 8\n"
           "            content:\n              $ref: \"#/spec/panels/cpu\"\n";
}

template <typename T>
const T &value(const GitResult<T> &result)
{
    if (const GitError *error = std::get_if<GitError>(&result))
        qFatal("unexpected Git error: %s", error->message.c_str());
    return std::get<T>(result);
}

template <typename T>
std::string error(const GitResult<T> &result)
{
    const GitError *problem = std::get_if<GitError>(&result);
    return problem ? problem->message : std::string("(no error)");
}

GitRepository open(const std::string &folder)
{
    auto found = GitRepository::discover(folder);
    if (const GitError *problem = std::get_if<GitError>(&found))
        qFatal("cannot open %s: %s", folder.c_str(), problem->message.c_str());
    return std::move(std::get<GitRepository>(found));
}

QStringList summaries(const std::vector<GitCommit> &commits)
{
    QStringList list;
    for (const GitCommit &commit : commits)
        list << QString::fromStdString(commit.summary + " @ " + commit.path);
    return list;
}

} // namespace

class TestGitRepository : public QObject
{
    Q_OBJECT

private slots:
    void readsFilesAtAnyRevisionWithoutCheckout()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("dashboards/node.yaml", dashboard("node", "CPU"));
        const std::string first = repo.commit("add node");
        repo.write("dashboards/node.yaml", dashboard("node", "CPU busy"));
        repo.commit("retitle cpu");
        repo.write("dashboards/node.yaml", dashboard("node", "uncommitted"));

        // Found from a folder inside the working copy.
        const GitRepository git = open(dir.path().toStdString() + "/dashboards");
        QVERIFY(!git.isBare());
        QCOMPARE(git.branchDescription(), std::string("main"));
        QCOMPARE(value(git.readFile("HEAD", "dashboards/node.yaml")),
                 dashboard("node", "CPU busy"));
        QCOMPARE(value(git.readFile("HEAD~1", "dashboards/node.yaml")), dashboard("node", "CPU"));
        QCOMPARE(value(git.readFile(first, "./dashboards/node.yaml")), dashboard("node", "CPU"));
        QCOMPARE(value(git.resolve("HEAD~1")).id, first);
        QCOMPARE(value(git.resolve("HEAD")).summary, std::string("retitle cpu"));
        QCOMPARE(value(git.resolve("HEAD")).author, std::string("Test Author"));

        QCOMPARE(error(git.readFile("nosuchbranch", "dashboards/node.yaml")),
                 std::string("unknown revision 'nosuchbranch'"));
        QCOMPARE(error(git.readFile("HEAD", "dashboards/missing.yaml")),
                 std::string("'dashboards/missing.yaml' does not exist in 'HEAD'"));
        QCOMPARE(error(git.readFile("HEAD", "dashboards")),
                 std::string("'dashboards' is a folder in 'HEAD'"));
        QCOMPARE(value(git.listFiles("HEAD", "")),
                 std::vector<std::string>{"dashboards/node.yaml"});
    }

    void statusOfTheWorkingCopy()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("a.yaml", dashboard("a", "A"));
        repo.write("b.yaml", dashboard("b", "B"));
        repo.commit("two");
        repo.write("a.yaml", dashboard("a", "A2"));
        repo.remove("b.yaml");
        repo.write("c.yaml", dashboard("c", "C"));
        const GitRepository git = open(dir.path().toStdString());
        QStringList states;
        const std::vector<GitFileStatus> status = value(git.status());
        for (const GitFileStatus &file : status)
            states << QString::fromStdString(file.path) + QLatin1Char('=') +
                          QString::number(int(file.state));
        QCOMPARE(states, (QStringList{QStringLiteral("a.yaml=0"), QStringLiteral("b.yaml=2"),
                                      QStringLiteral("c.yaml=1")}));
    }

    void conflictedFilesAreTold()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("node.yaml", dashboard("node", "CPU"));
        const std::string base = repo.commit("base");
        repo.write("node.yaml", dashboard("node", "CPU main"));
        repo.commit("main side");
        repo.branch("other", base);
        repo.checkout("other");
        repo.write("node.yaml", dashboard("node", "CPU other"));
        repo.commit("other side");
        repo.checkout("main");
        repo.mergeLeavingConflicts("other");
        const GitRepository git = open(dir.path().toStdString());
        const std::vector<GitFileStatus> status = value(git.status());
        QCOMPARE(status.size(), std::size_t(1));
        QCOMPARE(status.front().path, std::string("node.yaml"));
        QCOMPARE(status.front().state, GitFileStatus::State::Conflicted);
    }

    void changesBetweenRevisionsFindRenames()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("old/node.yaml", dashboard("node", "CPU"));
        repo.write("gone.yaml", dashboard("gone", "Gone"));
        repo.write("README.md", "hello\n");
        const std::string first = repo.commit("start");
        repo.rename("old/node.yaml", "new/node.yaml");
        repo.remove("gone.yaml");
        repo.write("added.yaml", "kind: GlobalDatasource\nmetadata:\n  name: prom\nspec:\n"
                                 "  plugin:\n    kind: PrometheusDatasource\n    spec: {}\n");
        repo.write("README.md", "hello again\n");
        const std::string second = repo.commit("move things");
        const GitRepository git = open(dir.path().toStdString());
        QStringList changes;
        const std::vector<GitChangedFile> files = value(git.changedFiles(first, second));
        for (const GitChangedFile &file : files)
            changes << QString::number(int(file.status)) + QLatin1Char(' ') +
                           QString::fromStdString(file.oldPath + " -> " + file.newPath);
        changes.sort();
        QCOMPARE(changes,
                 (QStringList{QStringLiteral("0  -> added.yaml"), QStringLiteral("1 gone.yaml -> "),
                              QStringLiteral("2 README.md -> README.md"),
                              QStringLiteral("3 old/node.yaml -> new/node.yaml")}));
    }

    void historyFollowsRenamesAndSkipsMergesThatTookOneSide()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("node.yaml", dashboard("node", "CPU"));
        repo.write("other.yaml", dashboard("other", "Other"));
        const std::string base = repo.commit("add node");
        repo.write("node.yaml", dashboard("node", "CPU busy"));
        repo.commit("retitle");
        repo.rename("node.yaml", "dashboards/node.yaml");
        const std::string renamed = repo.commit("move into dashboards/");
        // A side branch that changes another file only, merged back.
        repo.branch("side", base);
        repo.checkout("side");
        repo.write("other.yaml", dashboard("other", "Other 2"));
        const std::string side = repo.commit("touch other");
        repo.checkout("main");
        repo.write("other.yaml", dashboard("other", "Other 2"));
        repo.commit("merge side", {side});
        repo.write("dashboards/node.yaml", dashboard("node", "CPU time"));
        repo.commit("retitle again");

        const GitRepository git = open(dir.path().toStdString());
        QCOMPARE(summaries(value(git.history("dashboards/node.yaml"))),
                 (QStringList{QStringLiteral("retitle again @ dashboards/node.yaml"),
                              QStringLiteral("move into dashboards/ @ dashboards/node.yaml"),
                              QStringLiteral("retitle @ node.yaml"),
                              QStringLiteral("add node @ node.yaml")}));
        QCOMPARE(value(git.history("dashboards/node.yaml", renamed)).size(), std::size_t(3));
    }

    void malformedFileInAnOldCommitIsADiagnostic()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("node.yaml", "kind: Dashboard\nmetadata:\n  name: node\nspec: [unclosed\n");
        repo.commit("broken");
        repo.write("node.yaml", dashboard("node", "CPU"));
        repo.commit("fixed");

        SourceResolver resolver(dir.path().toStdString());
        auto resolved = resolver.resolve("HEAD~1:node.yaml");
        QVERIFY(std::holds_alternative<SourcedPath>(resolved));
        const ResourceFile file = std::get<SourcedPath>(resolved).read();
        QVERIFY(file.hasErrors());
        QCOMPARE(file.diagnostics.front().file, std::string("HEAD~1:node.yaml"));
        QCOMPARE(file.diagnostics.front().pos.line, 5);

        // lint through the same source: the fixed revision is clean, the broken one is not.
        const LintReport broken = Linter().run({std::get<SourcedPath>(resolved)});
        QCOMPARE(broken.files.size(), std::size_t(1));
        QVERIFY(hasErrors(broken.files.front().diagnostics));
        const LintReport fixed =
            Linter().run({std::get<SourcedPath>(resolver.resolve("HEAD:node.yaml"))});
        QVERIFY(!hasErrors(fixed.files.front().diagnostics));
        // A folder at a revision is walked like a folder on disk.
        const LintReport tree = Linter().run({std::get<SourcedPath>(resolver.resolve("HEAD:"))});
        QCOMPARE(tree.files.size(), std::size_t(1));
        QCOMPARE(tree.files.front().path, std::string("HEAD:node.yaml"));
    }

    void resolverMessages()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("node.yaml", dashboard("node", "CPU"));
        repo.commit("add");
        SourceResolver resolver(dir.path().toStdString());
        auto unknown = resolver.resolve("v9:node.yaml");
        QCOMPARE(std::get<std::string>(unknown),
                 std::string("'v9:node.yaml': unknown revision 'v9'"));
        auto noRevision = resolver.resolve(":node.yaml");
        QCOMPARE(std::get<std::string>(noRevision),
                 std::string("':node.yaml': give a revision before ':' (HEAD:node.yaml)"));
        // A missing file reads as a diagnostic at 1:1 naming the revision.
        const ResourceFile missing =
            std::get<SourcedPath>(resolver.resolve("HEAD:nope.yaml")).read();
        QCOMPARE(missing.diagnostics.size(), std::size_t(1));
        QCOMPARE(missing.diagnostics.front().file, std::string("HEAD:nope.yaml"));
        QVERIFY(missing.diagnostics.front().message.starts_with("no such file in HEAD"));

        QTemporaryDir plain;
        SourceResolver outside(plain.path().toStdString());
        auto none = outside.resolve("HEAD:node.yaml");
        QVERIFY2(std::get<std::string>(none).find("no Git repository at or above") !=
                     std::string::npos,
                 std::get<std::string>(none).c_str());
    }

    void repositoryWithNoCommits()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        const GitRepository git = open(dir.path().toStdString());
        QVERIFY(!git.hasCommits());
        QCOMPARE(git.branchDescription(), std::string("main (no commits yet)"));
        QCOMPARE(error(git.readFile("HEAD", "node.yaml")),
                 std::string("the repository has no commits yet, so 'HEAD' names nothing"));
    }

    void bareRepository()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString(), true);
        repo.commitToBare({{"node.yaml", dashboard("node", "CPU")}}, "add");
        const GitRepository git = open(dir.path().toStdString());
        QVERIFY(git.isBare());
        QCOMPARE(git.workdir(), std::string());
        QCOMPARE(value(git.readFile("main", "node.yaml")), dashboard("node", "CPU"));
        QCOMPARE(error(git.status()),
                 std::string("a bare repository has no working copy to compare"));
    }

    void panelHistoryFollowsFileAndPanelRenames()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        auto twoPanels = [](const std::string &key, const std::string &title,
                            const std::string &memTitle, const std::string &query) {
            return "kind: Dashboard\nmetadata:\n  name: node\nspec:\n  panels:\n    " + key +
                   ":\n      kind: Panel\n      spec:\n        display:\n          name: " + title +
                   "\n        plugin:\n          kind: TimeSeriesChart\n          spec: {}\n"
                   "        queries:\n          - kind: TimeSeriesQuery\n            spec:\n"
                   "              plugin:\n                kind: PrometheusTimeSeriesQuery\n"
                   "                spec:\n                  query: " +
                   query +
                   "\n    mem:\n      kind: Panel\n      spec:\n        display:\n"
                   "          name: " +
                   memTitle +
                   "\n        plugin:\n          kind: StatChart\n          spec: {}\n"
                   "  layouts: []\n";
        };
        repo.write("node.yaml", twoPanels("cpu", "CPU", "Memory", "up"));
        repo.commit("add node");
        repo.write("node.yaml", twoPanels("cpu", "CPU", "Memory used", "up"));
        repo.commit("retitle mem");
        repo.write("node.yaml", twoPanels("cpu", "CPU busy", "Memory used", "up"));
        repo.commit("retitle cpu");
        repo.rename("node.yaml", "dashboards/node.yaml");
        repo.commit("move the file");
        repo.write("dashboards/node.yaml", twoPanels("processor", "CPU busy", "Memory used", "up"));
        repo.commit("rename the panel");
        repo.write("dashboards/node.yaml",
                   twoPanels("processor", "CPU busy", "Memory used", "rate(cpu[5m])"));
        repo.commit("change the query");

        const GitRepository git = open(dir.path().toStdString());
        const std::vector<HistoryEntry> history =
            value(ChangeHistory::of(git, "dashboards/node.yaml", std::string("processor")));
        QStringList lines;
        for (const HistoryEntry &revision : history) {
            QString line =
                QString::fromStdString(revision.commit.summary + " @ " + revision.commit.path +
                                       " [" + revision.panel + "]");
            for (const ResourceChange &change : revision.changes)
                line += QLatin1Char(' ') + QString::fromLatin1(ResourceChange::opName(change.op)) +
                        QLatin1Char(' ') + QString::fromStdString(change.path);
            lines << line;
        }
        QCOMPARE(lines,
                 (QStringList{
                     QStringLiteral("change the query @ dashboards/node.yaml [processor] change "
                                    "/spec/panels/processor/spec/queries/0/spec/plugin/spec/query"),
                     QStringLiteral("rename the panel @ dashboards/node.yaml [processor] rename "
                                    "/spec/panels/processor"),
                     QStringLiteral(
                         "retitle cpu @ node.yaml [cpu] change /spec/panels/cpu/spec/display/name"),
                     QStringLiteral("add node @ node.yaml [cpu] add /spec/panels/cpu")}));
    }

    void fileHistoryPassesOverAVersionThatDoesNotRead()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("node.yaml", dashboard("node", "CPU"));
        repo.commit("one");
        repo.write("node.yaml", "kind: Dashboard\nmetadata: [broken\n");
        repo.commit("broken");
        repo.write("node.yaml", dashboard("node", "CPU busy"));
        repo.commit("fixed and retitled");
        repo.write("other.yaml", dashboard("other", "Other"));
        repo.commit("unrelated");
        const GitRepository git = open(dir.path().toStdString());
        const std::vector<HistoryEntry> history =
            value(ChangeHistory::of(git, "node.yaml", std::nullopt));
        QStringList lines;
        for (const HistoryEntry &entry : history) {
            QString line = QString::fromStdString(entry.commit.summary) + QLatin1Char(':');
            for (const ResourceChange &change : entry.changes)
                line += QLatin1Char(' ') + QString::fromLatin1(ResourceChange::opName(change.op)) +
                        QLatin1Char(' ') + QString::fromStdString(change.path);
            lines << line;
        }
        // The broken version is passed over: the fix is compared with the first version.
        QCOMPARE(lines, (QStringList{QStringLiteral("fixed and retitled: change "
                                                    "/spec/panels/cpu/spec/display/name"),
                                     QStringLiteral("one: add ")}));
    }

    void diffBetweenRevisionsOfTheSameFile()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("node.yaml", dashboard("node", "CPU"));
        repo.commit("one");
        repo.write("node.yaml", dashboard("node", "CPU busy"));
        repo.commit("two");
        SourceResolver resolver(dir.path().toStdString());
        const ResourceFile before =
            std::get<SourcedPath>(resolver.resolve("HEAD~1:node.yaml")).read();
        const ResourceFile after = std::get<SourcedPath>(resolver.resolve("HEAD:node.yaml")).read();
        const ResourceChanges changes = ResourceDiff::compare(before.resources, after.resources);
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes.front().path, std::string("/spec/panels/cpu/spec/display/name"));
        QCOMPARE(changes.front().newValue->text(), std::string("CPU busy"));
    }
};

QTEST_GUILESS_MAIN(TestGitRepository)
#include "tst_gitrepository.moc"
