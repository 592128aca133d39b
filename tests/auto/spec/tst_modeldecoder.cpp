// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "modeldecoder.h"
#include "testpaths.h"

#include <QTest>

using namespace Pd;

namespace {

Model::Resource decodeFile(const QString &relative, std::size_t index = 0)
{
    const ResourceFile file = ResourceReader::readFile(PdTest::conformance(relative).toStdString());
    return *ModelDecoder::decode(file.resources.at(index));
}

} // namespace

class TestModelDecoder : public QObject
{
    Q_OBJECT

private slots:
    // Kinds are case-insensitive: a lower-case kind is still an ephemeral dashboard.
    void ephemeralKindIgnoresCase()
    {
        const ResourceFile file = ResourceReader::readText(
            "kind: ephemeraldashboard\nmetadata: {name: e, project: p}\nspec: {ttl: 1h}\n",
            "e.yaml", DocumentFormat::Yaml);
        QCOMPARE(file.resources.size(), 1u);
        const auto decoded = ModelDecoder::decode(file.resources.front());
        QVERIFY(decoded && std::get<Model::Dashboard>(*decoded).ephemeral);
        QVERIFY(ModelDecoder::dashboard(file.resources.front().node).ephemeral);
    }

    void nodeExporterDashboard()
    {
        const auto resource =
            decodeFile(QStringLiteral("dashboards/dev-data__perses__NodeExporter.json"));
        const auto &dashboard = std::get<Model::Dashboard>(resource);
        QCOMPARE(dashboard.metadata.project, std::string("perses"));
        QVERIFY(!dashboard.ephemeral);
        QCOMPARE(dashboard.spec.panels.size(), 114u);
        std::size_t items = 0;
        for (const Model::GridLayout &layout : dashboard.spec.layouts) {
            for (const Model::GridItem &item : layout.items) {
                ++items;
                QVERIFY2(dashboard.spec.panel(item.panelId), item.panelId.c_str());
                QVERIFY(item.width > 0 && item.height > 0);
            }
        }
        QCOMPARE(items, 114u);
        const Model::VariableSpec *job = dashboard.spec.variable("job");
        QVERIFY(job);
        QCOMPARE(job->kind, Model::VariableKind::List);
        QCOMPARE(job->plugin.kind, std::string("PrometheusLabelValuesVariable"));
        QCOMPARE(job->plugin.spec.find("labelName")->text(), std::string("job"));
    }

    void variablesAndSelectors()
    {
        const auto resource =
            decodeFile(QStringLiteral("dashboards/dev-data__testing__Variables.json"));
        const auto &dashboard = std::get<Model::Dashboard>(resource);
        QCOMPARE(dashboard.spec.duration, std::string("6h"));
        QCOMPARE(dashboard.spec.layouts.size(), 2u);
        QCOMPARE(*dashboard.spec.layouts[0].title, std::string("Row 1"));
        QVERIFY(dashboard.spec.layouts[0].collapsible);
        QVERIFY(dashboard.spec.layouts[0].open);

        const Node spec = Node::object();
        const auto defaulted = ModelDecoder::datasourceSelector(spec, "PrometheusDatasource");
        QCOMPARE(defaulted.kind, std::string("PrometheusDatasource"));
        QVERIFY(!defaulted.name);
        Node withVariable = Node::object();
        withVariable.set("datasource", Node::string("$ds"));
        QCOMPARE(ModelDecoder::datasourceSelector(withVariable, "PrometheusDatasource").variable,
                 std::string("ds"));
    }

    void otherKinds()
    {
        const auto datasource =
            decodeFile(QStringLiteral("resources/globaldatasources/dev-data__PrometheusDemo.json"));
        QVERIFY(std::get<Model::Datasource>(datasource).global);
        QCOMPARE(std::get<Model::Datasource>(datasource).spec.plugin.kind,
                 std::string("PrometheusDatasource"));
        const auto variable =
            decodeFile(QStringLiteral("resources/globalvariables/dev-data__job.json"));
        QCOMPARE(std::get<Model::Variable>(variable).spec.name, std::string("job"));
        const auto folder =
            decodeFile(QStringLiteral("resources/multi/cli-sample__multiple_resources.json"), 0);
        QCOMPARE(std::get<Model::Folder>(folder).items.size(), 1u);
        const auto project =
            decodeFile(QStringLiteral("resources/multi/cli-sample__multiple_resources.json"), 3);
        QVERIFY(std::holds_alternative<Model::Project>(project));
    }

    void wrongTypesFallBackToDefaults()
    {
        const ResourceFile file = ResourceReader::readText(
            "kind: Dashboard\nmetadata: {name: x, version: -3}\nspec:\n  duration: 5\n"
            "  panels: [1]\n  layouts:\n    - kind: Grid\n      spec:\n        items:\n"
            "          - {x: 1e300, 'y': abc, content: {$ref: '#/spec/panels/a/b'}}\n",
            "x.yaml", DocumentFormat::Yaml);
        const auto resource = ModelDecoder::decode(file.resources.front());
        const auto &dashboard = std::get<Model::Dashboard>(*resource);
        QCOMPARE(dashboard.metadata.version, 0u);
        QCOMPARE(dashboard.spec.duration, std::string("1h"));
        QVERIFY(dashboard.spec.panels.empty());
        QCOMPARE(dashboard.spec.layouts[0].items[0].x, 1000000000);
        QCOMPARE(dashboard.spec.layouts[0].items[0].y, 0);
        QVERIFY(dashboard.spec.layouts[0].items[0].panelId.empty());
    }
};

QTEST_APPLESS_MAIN(TestModelDecoder)
#include "tst_modeldecoder.moc"
