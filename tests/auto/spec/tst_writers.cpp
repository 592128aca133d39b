// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "canonicalorder.h"
#include "jsonreader.h"
#include "jsonwriter.h"
#include "resourcefile.h"
#include "testpaths.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <QTest>

using namespace Pd;

namespace {

Node parseJson(const std::string &text)
{
    ParseResult result = JsonReader::parse(text);
    return result.documents.empty() ? Node() : result.documents.front();
}

std::string canonicalJson(Node node)
{
    CanonicalOrder::apply(node);
    return JsonWriter::write(node);
}

std::string canonicalYaml(Node node)
{
    CanonicalOrder::apply(node);
    return YamlWriter::write(node);
}

} // namespace

class TestWriters : public QObject
{
    Q_OBJECT

private slots:
    void corpusRoundTrips_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &group : {QStringLiteral("dashboards"), QStringLiteral("resources"),
                                     QStringLiteral("plugins")}) {
            for (const QString &file : PdTest::filesBelow(PdTest::conformance(group)))
                QTest::newRow(qPrintable(file.section(QLatin1Char('/'), -2))) << file;
        }
    }

    // load, write, load gives the same value; writing the canonical form again changes no byte,
    // in JSON and in YAML.
    void corpusRoundTrips()
    {
        QFETCH(QString, path);
        const Node original = parseJson(PdTest::readText(path));
        QVERIFY(original.isObject() || original.isArray());

        const std::string json = canonicalJson(original);
        const Node fromJson = parseJson(json);
        QVERIFY(fromJson.equals(original));
        QCOMPARE(canonicalJson(fromJson), json);

        const std::string yaml = canonicalYaml(original);
        const ParseResult yamlParsed = YamlReader::parse(yaml);
        QVERIFY2(!yamlParsed.hasErrors(),
                 yamlParsed.diagnostics.empty() ? "" : yamlParsed.diagnostics[0].message.c_str());
        QCOMPARE(yamlParsed.documents.size(), 1u);
        QVERIFY2(yamlParsed.documents.front().equals(original), yaml.c_str());
        QCOMPARE(canonicalYaml(yamlParsed.documents.front()), yaml);
    }

    void canonicalOrderFollowsPerses()
    {
        const Node node = parseJson(R"({"spec": {"layouts": [], "panels": {"b": {"spec": {"plugin":
            {"spec": {"z": 1, "a": {"y": 1, "b": 2}}, "kind": "Markdown"}}, "kind": "Panel"},
            "a": {"kind": "Panel", "spec": {}}}, "duration": "1h", "display": {"name": "x"},
            "extra": true}, "metadata": {"project": "p", "name": "n", "version": 2},
            "kind": "Dashboard"})");
        const std::string json = canonicalJson(node);
        const std::string expected = R"({
  "kind": "Dashboard",
  "metadata": {
    "name": "n",
    "version": 2,
    "project": "p"
  },
  "spec": {
    "display": {
      "name": "x"
    },
    "panels": {
      "a": {
        "kind": "Panel",
        "spec": {}
      },
      "b": {
        "kind": "Panel",
        "spec": {
          "plugin": {
            "kind": "Markdown",
            "spec": {
              "a": {
                "b": 2,
                "y": 1
              },
              "z": 1
            }
          }
        }
      }
    },
    "layouts": [],
    "duration": "1h",
    "extra": true
  }
}
)";
        QCOMPARE(QString::fromStdString(json), QString::fromStdString(expected));
    }

    void yamlQuotesWhatWouldReadOtherwise_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << "hello world"
                               << "hello world";
        QTest::newRow("yaml 1.1 key") << "y"
                                      << "'y'";
        QTest::newRow("bool word") << "true"
                                   << "'true'";
        QTest::newRow("number") << "12"
                                << "'12'";
        QTest::newRow("float") << "1.5e3"
                               << "'1.5e3'";
        QTest::newRow("duration") << "1h"
                                  << "1h";
        QTest::newRow("empty") << ""
                               << "''";
        QTest::newRow("colon space") << "a: b"
                                     << "'a: b'";
        QTest::newRow("hash") << "#abc"
                              << "'#abc'";
        QTest::newRow("ref") << "#/spec/panels/a"
                             << "'#/spec/panels/a'";
        QTest::newRow("quote inside") << "it's"
                                      << "it's";
        QTest::newRow("leading quote") << "'x"
                                       << "'''x'";
        QTest::newRow("tab") << "a\tb"
                             << "\"a\\tb\"";
        QTest::newRow("promql") << "rate(x{job=\"a\"}[5m])"
                                << "rate(x{job=\"a\"}[5m])";
        QTest::newRow("flow start") << "{{job}}"
                                    << "'{{job}}'";
        QTest::newRow("null word") << "null"
                                   << "'null'";
        QTest::newRow("variable") << "$job"
                                  << "$job";
        QTest::newRow("dash word") << "-x"
                                   << "-x";
        QTest::newRow("dash space") << "- x"
                                    << "'- x'";
    }

    void yamlQuotesWhatWouldReadOtherwise()
    {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QCOMPARE(QString::fromStdString(YamlWriter::scalarText(value.toStdString())), written);
        // and it reads back as the same string
        const ParseResult parsed =
            YamlReader::parse("v: " + YamlWriter::scalarText(value.toStdString()) + "\n");
        QVERIFY(!parsed.hasErrors());
        QCOMPARE(QString::fromStdString(parsed.documents.front().find("v")->text()), value);
    }

    void multilineTextBecomesLiteralBlock()
    {
        Node root = Node::object();
        root.set("text", Node::string("## Title\n\nSome *markdown*\n"));
        root.set("noNewline", Node::string("a\nb"));
        const std::string yaml = YamlWriter::write(root);
        QCOMPARE(
            QString::fromStdString(yaml),
            QStringLiteral("text: |\n  ## Title\n\n  Some *markdown*\nnoNewline: |-\n  a\n  b\n"));
        const ParseResult parsed = YamlReader::parse(yaml);
        QVERIFY(parsed.documents.front().equals(root));
    }

    void yamlKeepsInfinitiesAndNaN()
    {
        const ParseResult parsed = YamlReader::parse("max: .inf\nmin: -.inf\nodd: .nan\n");
        QVERIFY(!parsed.hasErrors());
        const std::string yaml = YamlWriter::write(parsed.documents.front());
        QCOMPARE(QString::fromStdString(yaml),
                 QStringLiteral("max: .inf\nmin: -.inf\nodd: .nan\n"));
    }

    void jsonEscapesControlCharacters()
    {
        Node root = Node::string(std::string("a\x01\"\\\n", 5));
        QCOMPARE(JsonWriter::write(root), std::string("\"a\\u0001\\\"\\\\\\n\"\n"));
    }

    void severalYamlDocuments()
    {
        const std::string yaml = YamlWriter::write(
            std::vector<Node>{parseJson("{\"a\": 1}"), parseJson("{\"b\": [1, {}]}")});
        QCOMPARE(QString::fromStdString(yaml), QStringLiteral("a: 1\n---\nb:\n  - 1\n  - {}\n"));
    }
};

QTEST_APPLESS_MAIN(TestWriters)
#include "tst_writers.moc"
