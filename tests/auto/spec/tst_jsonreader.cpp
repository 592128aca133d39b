// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonreader.h"

#include <QTest>

using namespace Pd;

class TestJsonReader : public QObject
{
    Q_OBJECT

private slots:
    void positionsOfValuesAndKeys()
    {
        const ParseResult result =
            JsonReader::parse("{\n  \"a\": [1, true],\n  \"b\": {\"c\": null}\n}");
        QVERIFY(!result.hasErrors());
        QCOMPARE(result.documents.size(), 1u);
        const Node &root = result.documents.front();
        QCOMPARE(root.pos(), (SourcePos{1, 1}));
        const NodeMember *a = root.findMember("a");
        QVERIFY(a);
        QCOMPARE(a->keyPos, (SourcePos{2, 3}));
        QCOMPARE(a->value.pos(), (SourcePos{2, 8}));
        QCOMPARE(a->value.items().at(1).pos(), (SourcePos{2, 12}));
        QVERIFY(a->value.items().at(1).toBool());
        const Node *c = root.find("b")->find("c");
        QVERIFY(c && c->isNull());
        QCOMPARE(c->pos(), (SourcePos{3, 14}));
    }

    void numbersKeepTheirSpelling()
    {
        const ParseResult result = JsonReader::parse("[1.50, -0, 2e3, 12345678901234567890]");
        QVERIFY(!result.hasErrors());
        const auto &items = result.documents.front().items();
        QCOMPARE(items[0].text(), std::string("1.50"));
        QCOMPARE(items[0].toNumber(), 1.5);
        QVERIFY(!items[0].isInteger());
        QVERIFY(items[1].isInteger());
        QCOMPARE(items[2].toNumber(), 2000.0);
        QCOMPARE(items[3].toNumber(), 12345678901234567890.0);
    }

    void underflowReadsAsZeroOverflowIsAnError()
    {
        const ParseResult small = JsonReader::parse("[1e-400, -1e-400]");
        QVERIFY(!small.hasErrors());
        QCOMPARE(small.documents.front().items()[0].toNumber(), 0.0);
        QCOMPARE(small.documents.front().items()[0].text(), std::string("1e-400"));
        const ParseResult large = JsonReader::parse("[1e400]");
        QVERIFY(large.hasErrors());
        QVERIFY(large.diagnostics.front().message.find("out of range") != std::string::npos);
    }

    void escapesAndUnicode()
    {
        const ParseResult result = JsonReader::parse(
            "[\"a\\\"b\\\\c\\/\\n\\t\", \"\\u00e9\\ud83d\\ude00\", \"\xC3\xA9\"]");
        QVERIFY(!result.hasErrors());
        const auto &items = result.documents.front().items();
        QCOMPARE(items[0].text(), std::string("a\"b\\c/\n\t"));
        QCOMPARE(items[1].text(), std::string("\xC3\xA9\xF0\x9F\x98\x80"));
        QCOMPARE(items[2].text(), std::string("\xC3\xA9"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("missing comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << "syntax"
                                       << 3 << 3 << "expected ',' or '}'";
        QTest::newRow("trailing comma")
            << QByteArray("[1,]") << "syntax" << 1 << 4 << "expected a value";
        QTest::newRow("unterminated string")
            << QByteArray("{\"a\": \"abc") << "syntax" << 1 << 7 << "unterminated string";
        QTest::newRow("bad literal")
            << QByteArray("[tru]") << "syntax" << 1 << 2 << "expected 'true'";
        QTest::newRow("bad escape")
            << QByteArray("[\"\\x\"]") << "syntax" << 1 << 4 << "invalid escape";
        QTest::newRow("lone surrogate")
            << QByteArray("[\"\\ud800x\"]") << "syntax" << 1 << 9 << "unpaired surrogate";
        QTest::newRow("control char")
            << QByteArray("[\"a\tb\"]") << "syntax" << 1 << 4 << "control character";
        QTest::newRow("leading zero")
            << QByteArray("[01]") << "syntax" << 1 << 3 << "expected ',' or ']'";
        QTest::newRow("two values")
            << QByteArray("{} {}") << "syntax" << 1 << 4 << "after the top-level value";
        QTest::newRow("empty") << QByteArray("  \n ") << "empty-file" << 2 << 2 << "empty";
        QTest::newRow("invalid utf8")
            << QByteArray("{\"a\": \"\xC3\x28\"}") << "encoding" << 1 << 8 << "invalid UTF-8";
        QTest::newRow("overlong utf8")
            << QByteArray("[\"\xC0\xAF\"]") << "encoding" << 1 << 3 << "0xC0";
        QTest::newRow("binary garbage")
            << QByteArray("\x00\x01\x02\xFF", 4) << "encoding" << 1 << 4 << "0xFF";
        QTest::newRow("nul byte") << QByteArray("\x00{}", 3) << "syntax" << 1 << 1 << "byte 0x00";
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, rule);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, messagePart);
        const ParseResult result = JsonReader::parse(
            std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(result.hasErrors());
        QVERIFY(result.documents.empty());
        QCOMPARE(result.diagnostics.size(), 1u);
        const Diagnostic &d = result.diagnostics.front();
        QCOMPARE(QString::fromStdString(d.rule), rule);
        QCOMPARE(d.pos.line, line);
        QCOMPARE(d.pos.column, column);
        QVERIFY2(QString::fromStdString(d.message).contains(messagePart), d.message.c_str());
    }

    void duplicateKeysAreReportedAndLastWins()
    {
        const ParseResult result = JsonReader::parse("{\"a\": 1,\n \"a\": 2}");
        QCOMPARE(result.diagnostics.size(), 1u);
        const Diagnostic &d = result.diagnostics.front();
        QCOMPARE(d.rule, std::string("duplicate-key"));
        // The server's encoding/json keeps the last: a warning in JSON (an error in YAML).
        QCOMPARE(d.severity, Severity::Warning);
        QCOMPARE(d.pos, (SourcePos{2, 2}));
        QVERIFY(d.message.find("first defined at line 1, column 2") != std::string::npos);
        QCOMPARE(result.documents.front().find("a")->toNumber(), 2.0);
        QCOMPARE(result.documents.front().size(), 1u);
    }

    void deepNestingIsRefusedNotFatal()
    {
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        const ParseResult result = JsonReader::parse(deep);
        QCOMPARE(result.diagnostics.size(), 1u);
        QCOMPARE(result.diagnostics.front().rule, std::string("nesting-too-deep"));
        QCOMPARE(result.diagnostics.front().pos, (SourcePos{1, ParseLimits::maxDepth + 1}));
    }

    void byteOrderMarkIsSkipped()
    {
        const ParseResult result = JsonReader::parse("\xEF\xBB\xBF{\"a\": 1}");
        QVERIFY(!result.hasErrors());
        QCOMPARE(result.documents.front().find("a")->pos(), (SourcePos{1, 7}));
    }
};

QTEST_APPLESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
