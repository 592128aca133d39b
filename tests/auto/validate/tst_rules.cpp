// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "linter.h"
#include "resourcefile.h"
#include "resourcevalidator.h"
#include "rules.h"
#include "testpaths.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Pd;

namespace {

// "file rule line:column" lines of tests/data/rules/expected.txt, by file.
QMultiMap<QString, QString> expectations()
{
    QMultiMap<QString, QString> expected;
    QFile file(PdTest::testData(QStringLiteral("rules/expected.txt")));
    if (!file.open(QIODevice::ReadOnly))
        return expected;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        expected.insert(parts.at(0), parts.at(1) + QLatin1Char(' ') + parts.at(2));
    }
    return expected;
}

QString describe(const Diagnostic &d)
{
    return QString::fromStdString(d.rule) + QLatin1Char(' ') + QString::number(d.pos.line) +
           QLatin1Char(':') + QString::number(d.pos.column);
}

} // namespace

class TestRules : public QObject
{
    Q_OBJECT

private slots:
    void fixtureReportsExactlyItsDiagnostics_data()
    {
        QTest::addColumn<QString>("fixture");
        const auto expected = expectations();
        QVERIFY(!expected.isEmpty());
        for (const QString &file : expected.uniqueKeys())
            QTest::newRow(qPrintable(file)) << file;
    }

    // Each fixture is linted on its own; the set of (rule, line, column) must be exactly the
    // expected one, so a rule that moves its position or fires too often fails here.
    void fixtureReportsExactlyItsDiagnostics()
    {
        QFETCH(QString, fixture);
        const QString path = PdTest::testData(QStringLiteral("rules/") + fixture);
        const LintReport report = Linter().run({path.toStdString()});
        QCOMPARE(report.files.size(), 1u);
        QVERIFY(!report.files.front().skipped);
        QStringList actual;
        for (const Diagnostic &d : report.files.front().diagnostics) {
            actual << describe(d);
            QVERIFY2(!d.message.empty(), "every diagnostic has a message");
            QCOMPARE(d.file, path.toStdString());
            const RuleInfo *info = Rules::find(d.rule);
            QVERIFY2(info, d.rule.c_str());
            QCOMPARE(d.severity, info->severity);
        }
        QStringList wanted = expectations().values(fixture);
        actual.sort();
        wanted.sort();
        QCOMPARE(actual, wanted);
    }

    void everyRuleHasAFixture()
    {
        QSet<QString> covered;
        for (const QString &value : expectations())
            covered.insert(value.section(QLatin1Char(' '), 0, 0));
        // Rules that need a generated input are checked in their own tests below.
        covered << QStringLiteral("file-too-large") << QStringLiteral("io");
        for (const RuleInfo &rule : Rules::all())
            QVERIFY2(covered.contains(QString::fromUtf8(rule.id.data(), qsizetype(rule.id.size()))),
                     rule.id.data());
    }

    void everyRuleIsDocumented()
    {
        QFile doc(QStringLiteral(PD_SOURCE_DIR "/docs/lint-rules.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        QSet<QString> documented;
        static const QRegularExpression heading(QStringLiteral("^### `([a-z0-9.-]+)`"),
                                                QRegularExpression::MultilineOption);
        for (auto it = heading.globalMatch(text); it.hasNext();)
            documented.insert(it.next().captured(1));
        QSet<QString> known;
        for (const RuleInfo &rule : Rules::all())
            known.insert(QString::fromUtf8(rule.id.data(), qsizetype(rule.id.size())));
        QCOMPARE(documented, known);
    }

    // What the server's Go decoding accepts: null members read as absent (the server itself
    // writes "panels": null), a query without kind, links without url (warned). Null inside a
    // plugin spec stays an error: CUE sees it.
    void serverDecodingIsFollowed()
    {
        const ResourceFile file = ResourceReader::readText(
            R"({"kind":"Dashboard","metadata":{"name":"d","project":"p","tags":null},
              "spec":{"display":null,"panels":{"a":{"kind":"Panel","spec":{"display":null,
                "plugin":{"kind":"Markdown","spec":{"text":"x"}},"links":[{"name":"runbook"}],
                "queries":[{"spec":{"plugin":{"kind":"PrometheusTimeSeriesQuery",
                  "spec":{"query":"up"}}}}]}}},
               "layouts":null,"duration":null,
               "variables":[{"kind":"ListVariable","spec":{"name":"x","defaultValue":null,
                 "display":null,"plugin":{"kind":"StaticListVariable","spec":{"values":["a"]}}}}]}})",
            "d.json", DocumentFormat::Json);
        const Diagnostics diagnostics = ResourceValidator().validate(file);
        QStringList seen;
        for (const Diagnostic &diagnostic : diagnostics)
            seen.append(QString::fromStdString(diagnostic.rule + " " +
                                               std::string(severityName(diagnostic.severity))));
        // The panel is in no layout (layouts is null): a warning of its own.
        QCOMPARE(seen, (QStringList{QStringLiteral("panel-orphan warning"),
                                    QStringLiteral("link-url warning")}));
        const ResourceFile nullInSpec = ResourceReader::readText(
            R"({"kind":"Dashboard","metadata":{"name":"d","project":"p"},"spec":{"panels":{"a":
              {"kind":"Panel","spec":{"plugin":{"kind":"Markdown","spec":{"text":null}}}}}}})",
            "e.json", DocumentFormat::Json);
        QVERIFY(hasErrors(ResourceValidator().validate(nullInSpec)));
    }

    // On Variable resources the server decodes a bare spec: the dashboard wrapper's checks
    // are warnings there, and a Variable or Secret without spec is accepted. Folder item kinds read
    // in any case; whole floats are whole numbers (but not for metadata.version, a uint64).
    void resourceDecodingIsFollowed()
    {
        const ResourceFile file = ResourceReader::readText(
            "kind: GlobalVariable\nmetadata: {name: gv}\nspec: {kind: ListVariable, spec: "
            "{customAllValue: '.*', defaultValue: [a, b], plugin: {kind: "
            "StaticListVariable, spec: {values: [a, b]}}}}\n---\n"
            "kind: Variable\nmetadata: {name: tv, project: p}\nspec: {kind: TextVariable, spec: "
            "{constant: true, value: ''}}\n---\n"
            "kind: GlobalSecret\nmetadata: {name: nospec}\n---\n"
            "kind: Variable\nmetadata: {name: nospec, project: p}\n---\n"
            "kind: Folder\nmetadata: {name: f, project: p}\nspec:\n  items: [{kind: dashboard, "
            "name: a}, {kind: FOLDER, name: b, items: []}]\n---\n"
            "kind: Dashboard\nmetadata: {name: d, project: p, version: 2}\nspec:\n  panels:\n"
            "    a: {kind: Panel, spec: {plugin: {kind: TimeSeriesChart, spec: {querySettings: "
            "[{queryIndex: 1.0}]}}}}\n  layouts:\n    - kind: Grid\n      spec:\n        items:\n"
            "          - {x: 0.0, 'y': 0, width: 1e1, height: 4.0, content: {$ref: "
            "'#/spec/panels/a'}}\n",
            "r.yaml", DocumentFormat::Yaml);
        const Diagnostics diagnostics = ResourceValidator().validate(file);
        QStringList seen;
        for (const Diagnostic &diagnostic : diagnostics)
            seen.append(QString::fromStdString(diagnostic.rule + " " +
                                               std::string(severityName(diagnostic.severity))));
        QCOMPARE(seen, (QStringList{QStringLiteral("variable-custom-all warning"),
                                    QStringLiteral("variable-default-value warning"),
                                    QStringLiteral("variable-constant warning")}));
        const ResourceFile version = ResourceReader::readText(
            "kind: Dashboard\nmetadata: {name: d, project: p, version: 2.0}\nspec: {}\n", "v.yaml",
            DocumentFormat::Yaml);
        QVERIFY(hasErrors(ResourceValidator().validate(version)));
    }

    // Go writes missing grid coordinates as 0; a missing size is a warning, not an error.
    void gridItemsWithoutCoordinates()
    {
        const ResourceFile file = ResourceReader::readText(
            "kind: Dashboard\nmetadata: {name: d}\nspec:\n  panels:\n    a:\n      kind: Panel\n"
            "      spec: {plugin: {kind: Markdown, spec: {text: x}}}\n  layouts:\n    - kind: "
            "Grid\n"
            "      spec:\n        display: {collapse: {}}\n        items:\n"
            "          - {width: 6, height: 4, content: {$ref: '#/spec/panels/a'}}\n"
            "          - {x: 6, content: {$ref: '#/spec/panels/a'}}\n",
            "d.yaml", DocumentFormat::Yaml);
        const Diagnostics diagnostics = ResourceValidator().validate(file);
        QCOMPARE(diagnostics.size(), 1u);
        QCOMPARE(diagnostics[0].rule, std::string("grid-bounds"));
        QCOMPARE(diagnostics[0].pos, (SourcePos{14, 13}));
    }

    void unreadablePathIsAnIoError()
    {
        const LintReport report = Linter().run({"/nonexistent/perses.yaml"});
        QCOMPARE(report.missingPaths.size(), 1u);
        const ResourceFile file = ResourceReader::readFile("/nonexistent/perses.yaml");
        QCOMPARE(file.diagnostics.at(0).rule, std::string("io"));
        QCOMPARE(file.diagnostics.at(0).pos, (SourcePos{1, 1}));
    }

    // The cross-file checks give the same answer whether they run at once (editor) or after
    // the whole run was read (lint).
    void immediateAndDeferredChecksAgree()
    {
        const QString path = PdTest::testData(QStringLiteral("rules/datasource-unresolved.yaml"));
        const ResourceFile file = ResourceReader::readFile(path.toStdString());
        ResourceSet resources;
        resources.add(file);
        const Diagnostics immediate =
            ResourceValidator(PluginSchemaRegistry::builtin(), &resources).validate(file);
        const LintReport report = Linter().run({path.toStdString()});
        QCOMPARE(immediate.size(), report.files.front().diagnostics.size());
        for (std::size_t i = 0; i < immediate.size(); ++i)
            QCOMPARE(describe(immediate[i]), describe(report.files.front().diagnostics[i]));
    }
};

QTEST_APPLESS_MAIN(TestRules)
#include "tst_rules.moc"
