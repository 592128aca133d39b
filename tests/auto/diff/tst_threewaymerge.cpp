// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcefile.h"
#include "testpaths.h"
#include "threewaymerge.h"

#include <QTest>

using namespace Pd;

namespace {

// Two groups, four panels, two variables (tests/data/diff/review.yaml).
const std::string baseDashboard =
    PdTest::readText(PdTest::testData(QStringLiteral("diff/review.yaml")));

Node read(const std::string &text)
{
    ResourceFile file = ResourceReader::readText(text, "test", DocumentFormat::Yaml);
    if (file.hasErrors() || file.resources.size() != 1)
        qFatal("test input does not read");
    return std::move(file.resources.front().node);
}

std::string text(const Node &root, const std::vector<std::string> &path)
{
    const Node *node = root.at(path);
    return node && node->isString() ? node->text() : std::string("<missing>");
}

const std::string newPanel = R"(    added:
      kind: Panel
      spec:
        display:
          name: Added
        plugin:
          kind: Markdown
          spec:
            text: hi
)";

} // namespace

class TestThreeWayMerge : public QObject
{
    Q_OBJECT

private slots:
    void differentPanelsChangedMergeWithoutConflict()
    {
        const Node base = read(baseDashboard);
        const Node theirs = read(PdTest::edited(baseDashboard, {{"name: CPU", "name: CPU busy"}}));
        const Node mine =
            read(PdTest::edited(baseDashboard, {{"name: Memory", "name: Memory free"}}));
        const ThreeWayMerge::Result result = ThreeWayMerge::merge(base, theirs, mine);
        QVERIFY(result.isClean());
        QCOMPARE(text(result.merged, {"spec", "panels", "cpu", "spec", "display", "name"}),
                 "CPU busy");
        QCOMPARE(text(result.merged, {"spec", "panels", "memory", "spec", "display", "name"}),
                 "Memory free");
    }

    void panelsAddedOnBothSidesAreBothKept()
    {
        const Node base = read(baseDashboard);
        // They add a panel and its layout item; I move the memory panel.
        const std::string theirText = PdTest::edited(
            baseDashboard, {{"  panels:\n", "  panels:\n" + newPanel},
                            {"              $ref: \"#/spec/panels/memory\"\n",
                             "              $ref: \"#/spec/panels/memory\"\n"
                             "          - x: 0\n            y: 8\n            width: 6\n"
                             "            height: 4\n            content:\n"
                             "              $ref: \"#/spec/panels/added\"\n"}});
        const Node theirs = read(theirText);
        const Node mine =
            read(PdTest::edited(baseDashboard, {{"          - x: 12\n            y: 0\n"
                                                 "            width: 12\n",
                                                 "          - x: 12\n            y: 4\n"
                                                 "            width: 12\n"}}));
        const ThreeWayMerge::Result result = ThreeWayMerge::merge(base, theirs, mine);
        QVERIFY(result.isClean());
        QCOMPARE(text(result.merged, {"spec", "panels", "added", "spec", "display", "name"}),
                 "Added");
        const Node *items = result.merged.at({"spec", "layouts"});
        QVERIFY(items);
        const Node &overview = items->items().front();
        QCOMPARE(overview.at({"spec", "items"})->size(), 3u);
        QCOMPARE(overview.at({"spec", "items"})->items()[1].find("y")->toNumber(), 4.0);
        QCOMPARE(text(overview.at({"spec", "items"})->items()[2], {"content", "$ref"}),
                 "#/spec/panels/added");
    }

    void sameValueChangedDifferentlyIsAConflictThatKeepsMine()
    {
        const Node base = read(baseDashboard);
        const Node theirs = read(PdTest::edited(baseDashboard, {{"name: CPU", "name: Theirs"}}));
        const Node mine = read(PdTest::edited(baseDashboard, {{"name: CPU", "name: Mine"}}));
        const ThreeWayMerge::Result result = ThreeWayMerge::merge(base, theirs, mine);
        QCOMPARE(result.conflicts.size(), 1u);
        QCOMPARE(result.conflicts.front().path, "spec.panels.cpu.spec.display.name");
        QCOMPARE(result.conflicts.front().description, "both changed it, differently");
        QCOMPARE(text(result.merged, {"spec", "panels", "cpu", "spec", "display", "name"}), "Mine");
    }

    void removedOnOneSideAndChangedOnTheOtherIsAConflict()
    {
        const Node base = read(baseDashboard);
        Node theirs = read(baseDashboard);
        theirs.find("spec")->find("panels")->remove("disk");
        const Node mine = read(PdTest::edited(baseDashboard, {{"name: Disk", "name: Disks"}}));
        const ThreeWayMerge::Result result = ThreeWayMerge::merge(base, theirs, mine);
        QCOMPARE(result.conflicts.size(), 1u);
        QCOMPARE(result.conflicts.front().path, "spec.panels.disk");
        QCOMPARE(result.conflicts.front().description, "they removed what you changed");
    }

    void removalOnOneSideIsKept()
    {
        const Node base = read(baseDashboard);
        Node mine = read(baseDashboard);
        mine.find("spec")->find("panels")->remove("disk");
        const Node theirs = read(PdTest::edited(baseDashboard, {{"version: 3", "version: 4"}}));
        const ThreeWayMerge::Result result = ThreeWayMerge::merge(base, theirs, mine);
        QVERIFY(result.isClean());
        QVERIFY(!result.merged.at({"spec", "panels", "disk"}));
        QCOMPARE(result.merged.at({"metadata", "version"})->toNumber(), 4.0);
    }

    void variablesMergeByName()
    {
        const Node base = read(baseDashboard);
        const Node theirs =
            read(PdTest::edited(baseDashboard, {{"labelName: job", "labelName: service"}}));
        const Node mine = read(PdTest::edited(baseDashboard, {{"value: \"\"", "value: \"x\""}}));
        const ThreeWayMerge::Result result = ThreeWayMerge::merge(base, theirs, mine);
        QVERIFY(result.isClean());
        const Node *variables = result.merged.at({"spec", "variables"});
        QCOMPARE(text(variables->items()[0], {"spec", "plugin", "spec", "labelName"}), "service");
        QCOMPARE(text(variables->items()[1], {"spec", "value"}), "x");
    }
};

QTEST_APPLESS_MAIN(TestThreeWayMerge)
#include "tst_threewaymerge.moc"
