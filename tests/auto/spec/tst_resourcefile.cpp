// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcefile.h"
#include "testpaths.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace Pd;

class TestResourceFile : public QObject
{
    Q_OBJECT

private slots:
    void everyConformanceResourceLoads_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &group : {QStringLiteral("dashboards"), QStringLiteral("resources")}) {
            for (const QString &file : PdTest::filesBelow(PdTest::conformance(group))) {
                if (!file.contains(QLatin1String("/invalid/")))
                    QTest::newRow(qPrintable(file.section(QLatin1Char('/'), -2))) << file;
            }
        }
    }

    void everyConformanceResourceLoads()
    {
        QFETCH(QString, path);
        const ResourceFile file = ResourceReader::readFile(path.toStdString());
        QVERIFY2(!file.hasErrors(),
                 file.diagnostics.empty() ? "" : file.diagnostics[0].message.c_str());
        QVERIFY(!file.resources.empty());
        for (const LoadedResource &resource : file.resources)
            QVERIFY(resource.kind.has_value());
    }

    void dashboardKindsAreRecognised()
    {
        const ResourceFile dashboard = ResourceReader::readFile(
            PdTest::conformance(QStringLiteral("dashboards/dev-data__perses__Demo.json"))
                .toStdString());
        QCOMPARE(*dashboard.resources.front().kind, ResourceKind::Dashboard);
        const ResourceFile ephemeral = ResourceReader::readFile(
            PdTest::conformance(
                QStringLiteral("dashboards/dev-data-ephemeral__perses__TempDemo.json"))
                .toStdString());
        QCOMPARE(*ephemeral.resources.front().kind, ResourceKind::EphemeralDashboard);
    }

    void jsonArrayYieldsEveryResource()
    {
        const ResourceFile file = ResourceReader::readFile(
            PdTest::conformance(
                QStringLiteral("resources/multi/cli-sample__multiple_resources.json"))
                .toStdString());
        QVERIFY(!file.hasErrors());
        QCOMPARE(file.resources.size(), 4u);
        QCOMPARE(*file.resources[0].kind, ResourceKind::Folder);
        QCOMPARE(*file.resources[3].kind, ResourceKind::Project);
    }

    void unknownKindIsRejected()
    {
        const ResourceFile file = ResourceReader::readFile(
            PdTest::conformance(
                QStringLiteral("resources/invalid/cli-sample__unknown_resource.json"))
                .toStdString());
        QVERIFY(file.hasErrors());
        QVERIFY(!file.hasPersesContent());
        QCOMPARE(file.diagnostics.front().message, std::string("unknown kind \"game\" used"));
        QCOMPARE(file.diagnostics.front().rule, std::string("resource-kind"));
        QCOMPARE(file.diagnostics.front().pos.line, 3);
    }

    void kindsAreCaseInsensitive()
    {
        const ResourceFile file = ResourceReader::readText(
            "kind: dashboard\nmetadata:\n  name: a\nspec: {}\n", "a.yaml", DocumentFormat::Yaml);
        QCOMPARE(*file.resources.front().kind, ResourceKind::Dashboard);
    }

    void yamlStreamsAndListsYieldEveryResource()
    {
        const ResourceFile stream = ResourceReader::readText(
            "kind: Project\nmetadata: {name: a}\n---\nkind: Project\nmetadata: {name: b}\n",
            "s.yaml", DocumentFormat::Yaml);
        QCOMPARE(stream.resources.size(), 2u);
        const ResourceFile list =
            ResourceReader::readText("- kind: Project\n  metadata: {name: a}\n- kind: "
                                     "GlobalVariable\n  metadata: {name: b}\n",
                                     "l.yaml", DocumentFormat::Yaml);
        QCOMPARE(list.resources.size(), 2u);
        QCOMPARE(*list.resources[1].kind, ResourceKind::GlobalVariable);
    }

    void customResourcesMapToPersesResources()
    {
        const ResourceFile file =
            ResourceReader::readText("apiVersion: perses.dev/v1alpha2\n"
                                     "kind: PersesDashboard\n"
                                     "metadata:\n"
                                     "  name: cpu\n"
                                     "  namespace: monitoring\n"
                                     "spec:\n"
                                     "  instanceSelector: {matchLabels: {app: perses}}\n"
                                     "  config:\n"
                                     "    duration: 1h\n"
                                     "    panels: {}\n"
                                     "    layouts: []\n",
                                     "crd.yaml", DocumentFormat::Yaml);
        QVERIFY(!file.hasErrors());
        const LoadedResource &resource = file.resources.front();
        QCOMPARE(*resource.kind, ResourceKind::Dashboard);
        QCOMPARE(resource.crdKind, std::string("PersesDashboard"));
        QCOMPARE(resource.node.find("kind")->text(), std::string("Dashboard"));
        QCOMPARE(resource.node.find("metadata")->find("project")->text(),
                 std::string("monitoring"));
        const Node *duration = resource.node.find("spec")->find("duration");
        QCOMPARE(duration->text(), std::string("1h"));
        QCOMPARE(duration->pos(), (SourcePos{9, 15}));
    }

    // perses.dev/v1alpha1 keeps the Perses spec inline: read as such, with its positions,
    // for dashboards and datasources alike.
    void customResourcesOfV1alpha1HaveTheSpecInline()
    {
        const ResourceFile file =
            ResourceReader::readText("apiVersion: perses.dev/v1alpha1\n"
                                     "kind: PersesDashboard\n"
                                     "metadata:\n"
                                     "  name: cpu\n"
                                     "  namespace: monitoring\n"
                                     "spec:\n"
                                     "  duration: 1h\n"
                                     "  panels: {}\n"
                                     "  layouts: []\n"
                                     "---\n"
                                     "apiVersion: perses.dev/v1alpha1\n"
                                     "kind: PersesDatasource\n"
                                     "metadata: {name: prom, namespace: monitoring}\n"
                                     "spec:\n"
                                     "  default: true\n"
                                     "  plugin: {kind: PrometheusDatasource, spec: {directUrl: "
                                     "'http://prometheus:9090'}}\n",
                                     "crd.yaml", DocumentFormat::Yaml);
        QVERIFY(!file.hasErrors());
        QCOMPARE(file.resources.size(), std::size_t(2));
        const Node *duration = file.resources[0].node.at({"spec", "duration"});
        QVERIFY(duration);
        QCOMPARE(duration->text(), std::string("1h"));
        QCOMPARE(duration->pos(), (SourcePos{7, 13}));
        QCOMPARE(*file.resources[1].kind, ResourceKind::Datasource);
        QVERIFY(file.resources[1].node.at({"spec", "plugin", "spec", "directUrl"}));
        QCOMPARE(file.resources[1].node.at({"metadata", "project"})->text(),
                 std::string("monitoring"));
    }

    void elementsWithoutKindAreReported()
    {
        const ResourceFile file = ResourceReader::readText(
            "[{\"kind\": \"Project\", \"metadata\": {\"name\": \"a\"}}, 3]", "x.json",
            DocumentFormat::Json);
        QCOMPARE(file.diagnostics.size(), 1u);
        QCOMPARE(file.diagnostics[0].rule, std::string("resource-kind"));
        QCOMPARE(file.diagnostics[0].pos, (SourcePos{1, 50}));
        QCOMPARE(file.diagnostics[0].file, std::string("x.json"));
    }

    void hugeFileIsRefusedWithOneDiagnostic()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("huge.json")).toStdString();
        {
            std::ofstream out(path, std::ios::binary);
            const std::string chunk(1024 * 1024, ' ');
            out << '[';
            for (int i = 0; i < 100; ++i)
                out << chunk;
            out << ']';
        }
        const ResourceFile file = ResourceReader::readFile(path);
        QCOMPARE(file.diagnostics.size(), 1u);
        QCOMPARE(file.diagnostics[0].rule, std::string("file-too-large"));
        QVERIFY(file.diagnostics[0].message.find("100.0 MiB") != std::string::npos);
        QCOMPARE(file.diagnostics[0].pos, (SourcePos{1, 1}));
    }

    void missingFileIsAnIoError()
    {
        const ResourceFile file = ResourceReader::readFile("/nonexistent/dir/x.json");
        QCOMPARE(file.diagnostics.size(), 1u);
        QCOMPARE(file.diagnostics[0].rule, std::string("io"));
    }

    void formatFollowsExtensionThenContent()
    {
        QCOMPARE(ResourceReader::formatFor("a.JSON", "kind: x"), DocumentFormat::Json);
        QCOMPARE(ResourceReader::formatFor("a.yml", "{}"), DocumentFormat::Yaml);
        QCOMPARE(ResourceReader::formatFor("a", "  [1]"), DocumentFormat::Json);
        QCOMPARE(ResourceReader::formatFor("a", "kind: x"), DocumentFormat::Yaml);
    }
};

QTEST_APPLESS_MAIN(TestResourceFile)
#include "tst_resourcefile.moc"
