// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "yamlreader.h"

#include <QTest>

#include <cmath>

using namespace Pd;

class TestYamlReader : public QObject
{
    Q_OBJECT

private slots:
    void positionsAndTypes()
    {
        const ParseResult result = YamlReader::parse("kind: Dashboard\n"
                                                     "spec:\n"
                                                     "  duration: 1h\n"
                                                     "  count: 12\n"
                                                     "  ratio: 0.5\n"
                                                     "  quoted: '12'\n"
                                                     "  on_off: true\n"
                                                     "  nothing: ~\n"
                                                     "  empty:\n"
                                                     "  list:\n"
                                                     "    - a\n"
                                                     "    - 'y': 3\n");
        QVERIFY(!result.hasErrors());
        const Node &root = result.documents.front();
        const Node *spec = root.find("spec");
        QCOMPARE(spec->findMember("duration")->keyPos, (SourcePos{3, 3}));
        QCOMPARE(spec->find("duration")->pos(), (SourcePos{3, 13}));
        QVERIFY(spec->find("duration")->isString());
        QVERIFY(spec->find("count")->isNumber());
        QVERIFY(spec->find("count")->isInteger());
        QCOMPARE(spec->find("ratio")->toNumber(), 0.5);
        QVERIFY(spec->find("quoted")->isString());
        QVERIFY(spec->find("on_off")->isBool());
        QVERIFY(spec->find("nothing")->isNull());
        QVERIFY(spec->find("empty")->isNull());
        const Node *list = spec->find("list");
        QCOMPARE(list->items().size(), 2u);
        QCOMPARE(list->items()[1].find("y")->toNumber(), 3.0);
        QCOMPARE(list->items()[1].pos(), (SourcePos{12, 7}));
    }

    void coreSchemaTags()
    {
        const ParseResult result =
            YamlReader::parse("a: !!int 12\nb: !!bool true\nc: !!float 1.5\nd: !!null ''\ne: !!str "
                              "12\nf: !custom x\n");
        QVERIFY(!result.hasErrors());
        const Node &root = result.documents.front();
        QVERIFY(root.find("a")->isNumber());
        QCOMPARE(root.find("a")->toNumber(), 12.0);
        QVERIFY(root.find("b")->isBool());
        QCOMPARE(root.find("c")->toNumber(), 1.5);
        QVERIFY(root.find("d")->isNull());
        QVERIFY(root.find("e")->isString());
        QVERIFY(root.find("f")->isString());
    }

    // As in the JSON reader and in Go: too small is zero, too large is no number (a string).
    void underflowReadsAsZeroOverflowIsAString()
    {
        const ParseResult result =
            YamlReader::parse("small: 1e-400\nnegative: -1e-400\nlarge: 1e400\n");
        QVERIFY(!result.hasErrors());
        const Node &root = result.documents.front();
        QVERIFY(root.find("small")->isNumber());
        QCOMPARE(root.find("small")->toNumber(), 0.0);
        QVERIFY(root.find("negative")->isNumber());
        QVERIFY(std::signbit(root.find("negative")->toNumber()));
        QVERIFY(root.find("large")->isString());
    }

    void multipleDocumentsSkipEmptyOnes()
    {
        const ParseResult result = YamlReader::parse("a: 1\n---\n---\nb: 2\n...\n");
        QVERIFY(!result.hasErrors());
        QCOMPARE(result.documents.size(), 2u);
        QCOMPARE(result.documents[1].find("b")->pos(), (SourcePos{4, 4}));
    }

    void yaml11BooleansAreFlagged()
    {
        const ParseResult result = YamlReader::parse("items:\n  - x: 0\n    y: 0\nenabled: yes\n");
        QVERIFY(!result.hasErrors());
        QCOMPARE(result.diagnostics.size(), 2u);
        QCOMPARE(result.diagnostics[0].rule, std::string("yaml-1.1-boolean"));
        QCOMPARE(result.diagnostics[0].pos, (SourcePos{3, 5}));
        QCOMPARE(result.diagnostics[1].pos, (SourcePos{4, 10}));
        // Read as YAML 1.2: strings.
        QVERIFY(result.documents.front().find("enabled")->isString());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n") << "syntax" << 3 << 2;
        QTest::newRow("unclosed flow") << QByteArray("a: [1, 2\n") << "syntax" << 2 << 1;
        QTest::newRow("tab indentation") << QByteArray("a:\n\tb: 1\n") << "syntax" << 2 << 3;
        QTest::newRow("duplicate key")
            << QByteArray("a: 1\nb: 2\na: 3\n") << "duplicate-key" << 3 << 1;
        QTest::newRow("invalid utf8") << QByteArray("a: \xFF\n") << "encoding" << 1 << 4;
        QTest::newRow("empty") << QByteArray("# only a comment\n") << "empty-file" << 1 << 1;
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, rule);
        QFETCH(int, line);
        QFETCH(int, column);
        const ParseResult result = YamlReader::parse(
            std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(result.hasErrors());
        const Diagnostic &d = result.diagnostics.front();
        QCOMPARE(QString::fromStdString(d.rule), rule);
        QCOMPARE(d.pos.line, line);
        QCOMPARE(d.pos.column, column);
    }

    void deepFlowNestingIsRefusedNotFatal()
    {
        const std::string deep = "a: " + std::string(100000, '[') + std::string(100000, ']');
        const ParseResult result = YamlReader::parse(deep);
        QVERIFY(result.hasErrors());
        QCOMPARE(result.diagnostics.front().rule, std::string("nesting-too-deep"));
        QVERIFY(result.documents.empty());
    }

    void deepBlockNestingIsRefusedNotFatal()
    {
        std::string deep;
        for (int i = 0; i < 5000; ++i)
            deep += "- ";
        deep += "x\n";
        const ParseResult result = YamlReader::parse(deep);
        QVERIFY(result.hasErrors());
        QCOMPARE(result.diagnostics.front().rule, std::string("nesting-too-deep"));
    }

    void aliasBombIsBounded()
    {
        // Each level doubles the size: 2^30 values once expanded.
        std::string text = "a0: &a0 [x, x]\n";
        for (int i = 1; i <= 30; ++i)
            text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" +
                    std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "]\n";
        const ParseResult result = YamlReader::parse(text);
        QVERIFY(result.hasErrors());
        QCOMPARE(result.diagnostics.front().rule, std::string("file-too-large"));
    }

    void commentsAreDetected_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("hasComments");
        QTest::newRow("line comment") << QByteArray("# top\na: 1\n") << true;
        QTest::newRow("trailing comment") << QByteArray("a: 1 # one\n") << true;
        QTest::newRow("hash in quotes") << QByteArray("a: 'x # y'\nb: \"#z\"\n") << false;
        QTest::newRow("hash in word") << QByteArray("color: a#b\n") << false;
        QTest::newRow("markdown block")
            << QByteArray("text: |\n  # Title\n  body # x\nb: 1\n") << false;
        QTest::newRow("comment after block") << QByteArray("text: |-\n  # Title\n# real\n") << true;
    }

    void commentsAreDetected()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, hasComments);
        QCOMPARE(YamlReader::containsComments(text.toStdString()), hasComments);
    }
};

QTEST_APPLESS_MAIN(TestYamlReader)
#include "tst_yamlreader.moc"
