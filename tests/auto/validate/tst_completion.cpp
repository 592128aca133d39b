// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcefile.h"
#include "schemacompletion.h"

#include <QTest>

using namespace Pd;

namespace {

const std::string text = "kind: Dashboard\n"
                         "metadata:\n"
                         "  name: demo\n"
                         "spec:\n"
                         "  duration: 1h\n"
                         "  panels:\n"
                         "    cpu:\n"
                         "      kind: Panel\n"
                         "      spec:\n"
                         "        display:\n"
                         "          name: CPU\n"
                         "        plugin:\n"
                         "          kind: TimeSeriesChart\n"
                         "          spec:\n"
                         "            legend:\n"
                         "              position: bottom\n"
                         "            \n" // the cursor: a new key of the plugin's spec
                         "  layouts: []\n";

QStringList names(const std::vector<SchemaCompletion::Item> &items)
{
    QStringList list;
    for (const SchemaCompletion::Item &item : items)
        list << QString::fromStdString(item.text);
    return list;
}

} // namespace

class TestCompletion : public QObject
{
    Q_OBJECT

private slots:
    void keysOfAPluginSpecByTheCursor()
    {
        const ResourceFile file = ResourceReader::readText(text, "demo.yaml", DocumentFormat::Yaml);
        QVERIFY(!file.hasErrors());
        const Node &resource = file.resources.front().node;
        const int cursor = int(text.find("            \n")) + 12; // after the indentation
        const std::vector<std::string> path = SchemaCompletion::objectPathAt(resource, cursor, 13);
        QCOMPARE(path,
                 (std::vector<std::string>{"spec", "panels", "cpu", "spec", "plugin", "spec"}));
        const SchemaCompletion completion(PluginSchemaRegistry::builtin());
        const QStringList keys = names(completion.keys(resource, path));
        QVERIFY2(keys.contains(QStringLiteral("visual")) &&
                     keys.contains(QStringLiteral("yAxis")) &&
                     keys.contains(QStringLiteral("thresholds")),
                 qPrintable(keys.join(u',')));
        QVERIFY(!keys.contains(QStringLiteral("legend"))); // already there
        // The dashboard spec's own fields, those present left out.
        const QStringList spec = names(completion.keys(resource, {"spec"}));
        QVERIFY2(spec.contains(QStringLiteral("refreshInterval")) &&
                     spec.contains(QStringLiteral("variables")),
                 qPrintable(spec.join(u',')));
        QVERIFY(!spec.contains(QStringLiteral("duration")));
        // A panel's plugin kinds, not a query's.
        const QStringList kinds =
            names(completion.pluginKinds({"spec", "panels", "cpu", "spec", "plugin"}));
        QVERIFY(kinds.contains(QStringLiteral("TimeSeriesChart")));
        QVERIFY(!kinds.contains(QStringLiteral("PrometheusTimeSeriesQuery")));
        QVERIFY(names(completion.pluginKinds(
                          {"spec", "panels", "cpu", "spec", "queries", "0", "spec", "plugin"}))
                    .contains(QStringLiteral("PrometheusTimeSeriesQuery")));
    }
};

QTEST_GUILESS_MAIN(TestCompletion)
#include "tst_completion.moc"
