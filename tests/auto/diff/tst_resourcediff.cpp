// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonwriter.h"
#include "nodediff.h"
#include "resourcediff.h"
#include "resourcefile.h"
#include "testpaths.h"
#include "worddiff.h"
#include "yamlwriter.h"

#include <QTest>

using namespace Pd;

namespace {

// A dashboard with two groups, four panels, two variables, a comment and a server version.
const std::string baseDashboard =
    PdTest::readText(PdTest::testData(QStringLiteral("diff/review.yaml")));

std::vector<LoadedResource> read(const std::string &text,
                                 DocumentFormat format = DocumentFormat::Yaml)
{
    ResourceFile file = ResourceReader::readText(text, "test", format);
    if (file.hasErrors())
        qFatal("test input does not read: %s", file.diagnostics.front().message.c_str());
    return std::move(file.resources);
}

// An expected change line, written with ' for " to keep the tests readable.
QString line(const char *text)
{
    return QString::fromUtf8(text).replace(QLatin1Char('\''), QLatin1Char('"'));
}

// "op path panel old new", values as compact JSON: what the tests compare exactly.
QStringList described(const ResourceChanges &changes)
{
    QStringList lines;
    for (const ResourceChange &change : changes) {
        std::string line = ResourceChange::opName(change.op);
        line += ' ' + change.path + ' ' + change.panel.value_or("-") + ' ' +
                (change.oldValue ? JsonWriter::writeCompact(*change.oldValue) : "null") + ' ' +
                (change.newValue ? JsonWriter::writeCompact(*change.newValue) : "null");
        if (!change.resource.empty())
            line = change.resource + ": " + line;
        lines << QString::fromStdString(line);
    }
    return lines;
}

QStringList diff(const std::string &before, const std::string &after)
{
    return described(ResourceDiff::compare(read(before), read(after)));
}

// The members of every object in reverse order: another key order, the same content.
void reverseKeys(Node &node)
{
    std::reverse(node.members().begin(), node.members().end());
    for (NodeMember &member : node.members())
        reverseKeys(member.value);
    for (Node &item : node.items())
        reverseKeys(item);
}

} // namespace

class TestResourceDiff : public QObject
{
    Q_OBJECT

private slots:
    void sameDashboardHasNoChange() { QCOMPARE(diff(baseDashboard, baseDashboard), QStringList()); }

    void formattingIsNoChange()
    {
        // Comments, quoting, flow style and the server's version and timestamps.
        const std::string reformatted = PdTest::edited(
            baseDashboard, {{"  version: 3\n", "  version: 9\n  updatedAt: 2026-12-01T00:00:00Z\n"},
                            {"          - x: 0 # the first column\n", "          - x: 0.0\n"},
                            {"name: CPU\n", "name: \"CPU\"\n"},
                            {"          spec:\n            calculation: last\n",
                             "          spec: {calculation: last}\n"}});
        QCOMPARE(diff(baseDashboard, reformatted), QStringList());
    }

    void yamlAgainstJsonIsNoChange()
    {
        std::vector<LoadedResource> yaml = read(baseDashboard);
        Node reordered = yaml.front().node;
        reverseKeys(reordered);
        const std::string json = JsonWriter::write(reordered);
        QVERIFY(json.find("\"spec\"") < json.find("\"metadata\"")); // really another order
        QCOMPARE(described(ResourceDiff::compare(yaml, read(json, DocumentFormat::Json))),
                 QStringList());
    }

    // Every dashboard of the corpus against itself written as YAML.
    void corpusRoundTripIsNoChange_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path :
             PdTest::filesBelow(PdTest::conformance(QStringLiteral("dashboards"))))
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }
    void corpusRoundTripIsNoChange()
    {
        QFETCH(QString, path);
        const ResourceFile json = ResourceReader::readFile(path.toStdString());
        QVERIFY(!json.resources.empty());
        std::vector<Node> documents;
        for (const LoadedResource &resource : json.resources)
            documents.push_back(resource.node);
        const ResourceFile yaml =
            ResourceReader::readText(YamlWriter::write(documents), "x.yaml", DocumentFormat::Yaml);
        QVERIFY(!yaml.hasErrors());
        QCOMPARE(described(ResourceDiff::compare(json.resources, yaml.resources)), QStringList());
    }

    void panelTitleChange()
    {
        const QStringList want =
            QStringList{line("change /spec/panels/cpu/spec/display/name cpu 'CPU' 'CPU busy'")};
        QCOMPARE(diff(baseDashboard,
                      PdTest::edited(baseDashboard, {{"name: CPU\n", "name: CPU busy\n"}})),
                 want);
    }

    void queryChange()
    {
        const std::string after = PdTest::edited(baseDashboard, {{"[5m])\n", "[1m])\n"}});
        const QStringList want = QStringList{
            QString::fromUtf8("change /spec/panels/cpu/spec/queries/0/spec/plugin/spec/query cpu "
                              "\"rate(node_cpu_seconds_total{job=\\\"$job\\\"}[5m])\" "
                              "\"rate(node_cpu_seconds_total{job=\\\"$job\\\"}[1m])\"")};
        QCOMPARE(diff(baseDashboard, after), want);
    }

    void renamedPanelIsNotRemovedAndAdded()
    {
        const std::string after =
            PdTest::edited(baseDashboard, {{"    cpu:\n", "    processor:\n"},
                                           {"#/spec/panels/cpu", "#/spec/panels/processor"}});
        const QStringList want =
            QStringList{line("rename /spec/panels/processor processor 'cpu' 'processor'")};
        QCOMPARE(diff(baseDashboard, after), want);
    }

    void renamedAndRetitledPanel()
    {
        const std::string after =
            PdTest::edited(baseDashboard, {{"    cpu:\n", "    processor:\n"},
                                           {"name: CPU\n", "name: Processor\n"},
                                           {"#/spec/panels/cpu", "#/spec/panels/processor"}});
        const QStringList want = QStringList{
            line("rename /spec/panels/processor processor 'cpu' 'processor'"),
            line("change /spec/panels/processor/spec/display/name processor 'CPU' 'Processor'")};
        QCOMPARE(diff(baseDashboard, after), want);
    }

    void addedAndRemovedPanels()
    {
        // net goes, load comes with other content: no rename.
        const std::string after = PdTest::edited(
            baseDashboard,
            {{"    net:\n      kind: Panel\n      spec:\n        display:\n          name: "
              "Network\n"
              "        plugin:\n          kind: TimeSeriesChart\n          spec: {}\n",
              "    load:\n      kind: Panel\n      spec:\n        display:\n          name: Load\n"
              "        plugin:\n          kind: GaugeChart\n          spec:\n            "
              "calculation: mean\n"},
             {"rate(node_network_receive_bytes_total[5m])", "node_load1"},
             {"#/spec/panels/net", "#/spec/panels/load"}});
        const QStringList changes = diff(baseDashboard, after);
        QCOMPARE(changes.size(), 2);
        QVERIFY2(changes[0].startsWith(
                     QStringLiteral("add /spec/panels/load load null {\"kind\":\"Panel\"")),
                 qPrintable(changes[0]));
        QVERIFY2(changes[1].startsWith(
                     QStringLiteral("remove /spec/panels/net net {\"kind\":\"Panel\"")),
                 qPrintable(changes[1]));
        QVERIFY(changes[1].endsWith(QStringLiteral(" null")));
    }

    // Same chart and query kinds, another title and query: another panel, not a rename.
    void sameKindsOtherContentIsNotARename()
    {
        const std::string after = PdTest::edited(
            baseDashboard, {{"    net:\n", "    load:\n"},
                            {"name: Network\n", "name: Load\n"},
                            {"rate(node_network_receive_bytes_total[5m])", "node_load1"},
                            {"#/spec/panels/net", "#/spec/panels/load"}});
        const QStringList changes = diff(baseDashboard, after);
        QCOMPARE(changes.size(), 2);
        QVERIFY2(changes[0].startsWith(QStringLiteral("add /spec/panels/load load null")),
                 qPrintable(changes[0]));
        QVERIFY2(changes[1].startsWith(QStringLiteral("remove /spec/panels/net net")),
                 qPrintable(changes[1]));
    }

    void movedAndResizedPanels()
    {
        const std::string after = PdTest::edited(
            baseDashboard,
            {{"          - x: 0\n            y: 0\n            width: 12\n            height: 8\n"
              "            content:\n              $ref: \"#/spec/panels/cpu\"",
              "          - x: 12\n            y: 0\n            width: 12\n            height: 10\n"
              "            content:\n              $ref: \"#/spec/panels/cpu\""},
             {"          - x: 12\n            y: 0\n            width: 12\n            height: 8\n"
              "            content:\n              $ref: \"#/spec/panels/memory\"",
              "          - x: 0\n            y: 0\n            width: 12\n            height: 8\n"
              "            content:\n              $ref: \"#/spec/panels/memory\""}});
        const QStringList want = QStringList{
            line("move /spec/layouts/0/spec/items/0 cpu {'x':0,'y':0,'width':12,'height':8} "
                 "{'x':12,'y':0,'width':12,'height':10}"),
            line("move /spec/layouts/0/spec/items/1 memory {'x':12,'y':0,'width':12,'height':8} "
                 "{'x':0,'y':0,'width':12,'height':8}")};
        QCOMPARE(diff(baseDashboard, after), want);
    }

    void panelMovedToAnotherGroup()
    {
        // disk leaves Storage for the end of Overview.
        const std::string diskItem =
            "          - x: 0 # the first column\n            y: 0\n"
            "            width: 12\n            height: 8\n"
            "            content:\n              $ref: \"#/spec/panels/disk\"\n";
        std::string after = PdTest::edited(baseDashboard, {{diskItem, ""}});
        after =
            PdTest::edited(after, {{"              $ref: \"#/spec/panels/memory\"\n",
                                    "              $ref: \"#/spec/panels/memory\"\n"
                                    "          - x: 0\n            y: 8\n            width: 12\n"
                                    "            height: 8\n            content:\n"
                                    "              $ref: \"#/spec/panels/disk\"\n"}});
        const QStringList want =
            QStringList{line("move /spec/layouts/0/spec/items/2 disk "
                             "{'x':0,'y':0,'width':12,'height':8,'group':'Storage'} "
                             "{'x':0,'y':8,'width':12,'height':8,'group':'Overview'}")};
        QCOMPARE(diff(baseDashboard, after), want);
    }

    void groupRetitled()
    {
        const QStringList want =
            QStringList{line("change /spec/layouts/1/spec/display/title - 'Storage' 'Disks'")};
        QCOMPARE(diff(baseDashboard,
                      PdTest::edited(baseDashboard, {{"title: Storage", "title: Disks"}})),
                 want);
    }

    void variablesReorderedAndChanged()
    {
        const std::string job = "    - kind: ListVariable\n      spec:\n        name: job\n"
                                "        plugin:\n          kind: PrometheusLabelValuesVariable\n"
                                "          spec:\n            labelName: job\n";
        std::string after = PdTest::edited(baseDashboard, {{job, ""}});
        after =
            PdTest::edited(after, {{"        value: \"\"\n", "        value: \"node\"\n" + job}});
        const QStringList want =
            QStringList{line("change /spec/variables/0/spec/value - '' 'node'"),
                        line("move /spec/variables/1 - 0 1")};
        QCOMPARE(diff(baseDashboard, after), want);
    }

    void settingsAndVariableAdded()
    {
        const std::string after = PdTest::edited(
            baseDashboard, {{"  duration: 1h\n", "  duration: 6h\n  refreshInterval: 30s\n"},
                            {"        value: \"\"\n",
                             "        value: \"\"\n    - kind: TextVariable\n      spec:\n"
                             "        name: instance\n        value: a\n"}});
        const QStringList want =
            QStringList{line("change /spec/duration - '1h' '6h'"),
                        line("add /spec/refreshInterval - null '30s'"),
                        line("add /spec/variables/2 - null "
                             "{'kind':'TextVariable','spec':{'name':'instance','value':'a'}}")};
        QCOMPARE(diff(baseDashboard, after), want);
    }

    void dashboardRenamedIsAMetadataChange()
    {
        const QStringList want = QStringList{line("change /metadata/name - 'review' 'review-2'")};
        QCOMPARE(diff(baseDashboard,
                      PdTest::edited(baseDashboard, {{"name: review", "name: review-2"}})),
                 want);
    }

    void filesWithSeveralResources()
    {
        const std::string datasource =
            "---\nkind: GlobalDatasource\nmetadata:\n  name: prom\nspec:\n"
            "  default: true\n  plugin:\n    kind: PrometheusDatasource\n"
            "    spec:\n      directUrl: http://a:9090\n";
        const std::string other = "---\nkind: GlobalDatasource\nmetadata:\n  name: loki\nspec:\n"
                                  "  default: false\n  plugin:\n    kind: LokiDatasource\n"
                                  "    spec: {}\n";
        const std::string before = baseDashboard + datasource;
        const std::string after =
            PdTest::edited(baseDashboard, {{"name: CPU\n", "name: CPU busy\n"}}) +
            PdTest::edited(datasource, {{"http://a:9090", "http://b:9090"}}) + other;
        const QStringList want =
            QStringList{line("Dashboard demo/review: change /spec/panels/cpu/spec/display/name cpu "
                             "'CPU' 'CPU busy'"),
                        line("GlobalDatasource prom: change /spec/plugin/spec/directUrl - "
                             "'http://a:9090' 'http://b:9090'"),
                        line("GlobalDatasource loki: add  - null "
                             "{'kind':'GlobalDatasource','metadata':{'name':'loki'},'spec':{'"
                             "default':false,'plugin':{'kind':'LokiDatasource','spec':{}}}}")};
        QCOMPARE(diff(before, after), want);
    }

    void wordDiffOfPromQL()
    {
        QCOMPARE(WordDiff::inlineText(
                     WordDiff::compare("rate(x{job=\"a\"}[5m])", "rate(x{job=\"a\"}[1m])")),
                 std::string("rate(x{job=\"a\"}[[-5m-]{+1m+}])"));
        QCOMPARE(WordDiff::inlineText(WordDiff::compare("CPU Busy", "Changed title")),
                 std::string("[-CPU Busy-]{+Changed title+}"));
        QCOMPARE(WordDiff::inlineText(
                     WordDiff::compare("sum by (job) (up)", "sum by (job, instance) (up)")),
                 std::string("sum by (job{+, instance+}) (up)"));
        QCOMPARE(WordDiff::inlineText(WordDiff::compare("same", "same")), std::string("same"));
    }

    void pointersAreEscaped()
    {
        QCOMPARE(NodeDiff::pointer("/spec/panels", "a/b~c"), std::string("/spec/panels/a~1b~0c"));
        QCOMPARE(NodeDiff::pointer("/spec/variables", std::size_t(3)),
                 std::string("/spec/variables/3"));
    }
};

QTEST_GUILESS_MAIN(TestResourceDiff)
#include "tst_resourcediff.moc"
