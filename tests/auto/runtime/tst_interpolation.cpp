// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variableinterpolator.h"

#include <QTest>

using namespace Pd;

namespace {

const std::vector<std::string> abc = {"a", "b.c", "d'e"};

} // namespace

class TestInterpolation : public QObject
{
    Q_OBJECT

private slots:
    void formats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("prometheus") << "prometheus"
                                    << "(a|b.c|d'e)";
        QTest::newRow("raw") << "raw"
                             << "a,b.c,d'e";
        QTest::newRow("csv") << "csv"
                             << "a,b.c,d'e";
        QTest::newRow("pipe") << "pipe"
                              << "a|b.c|d'e";
        QTest::newRow("text") << "text"
                              << "a + b.c + d'e";
        QTest::newRow("distributed") << "distributed"
                                     << "a,var=b.c,var=d'e";
        QTest::newRow("doublequote") << "doublequote"
                                     << "\"a\",\"b.c\",\"d'e\"";
        QTest::newRow("singlequote") << "singlequote"
                                     << "'a','b.c','d'e'";
        QTest::newRow("sqlstring") << "sqlstring"
                                   << "'a','b.c','d''e'";
        QTest::newRow("glob") << "glob"
                              << "{a,b.c,d'e}";
        QTest::newRow("lucene") << "lucene"
                                << "(\"a\" OR \"b.c\" OR \"d'e\")";
        QTest::newRow("json") << "json"
                              << "[\"a\",\"b.c\",\"d'e\"]";
        QTest::newRow("regex") << "regex"
                               << "(a|b\\.c|d'e)";
        QTest::newRow("regexliteral") << "regexliteral"
                                      << "(a|b\\\\.c|d'e)";
        QTest::newRow("percentencode") << "percentencode"
                                       << "a%2Cb.c%2Cd'e";
        QTest::newRow("queryparam") << "queryparam"
                                    << "var=a&var=b.c&var=d'e";
    }

    void formats()
    {
        QFETCH(QString, format);
        QFETCH(QString, expected);
        const auto parsed = VariableInterpolator::parseFormat(format.toStdString());
        QVERIFY(parsed);
        QCOMPARE(QString::fromStdString(VariableInterpolator::format(abc, "var", *parsed)),
                 expected);
    }

    void jsonParsesValuesThatAreJson()
    {
        QCOMPARE(VariableInterpolator::format({"a", "1", "{\"b\": 2}", "1.50", "true"}, "v",
                                              InterpolationFormat::Json),
                 std::string("[\"a\",1,{\"b\":2},1.5,true]"));
    }

    void jsonWritesNumbersAsJavaScriptDoes()
    {
        QCOMPARE(
            VariableInterpolator::format({"300000", "0.000001", "-0", "1e21", "1.5e-7", "2e-8"},
                                         "v", InterpolationFormat::Json),
            std::string("[300000,0.000001,0,1e+21,1.5e-7,2e-8]"));
    }

    void regexEscapesEverySpecialCharacter()
    {
        QCOMPARE(
            VariableInterpolator::format({"-/\\^$*+?.()|[]{}"}, "v", InterpolationFormat::Regex),
            std::string("(\\-\\/\\\\\\^\\$\\*\\+\\?\\.\\(\\)\\|\\[\\]\\{\\})"));
    }

    void percentEncodeIsEncodeUriComponent()
    {
        QCOMPARE(VariableInterpolator::percentEncode("a b&c=d/é!~*'()"),
                 std::string("a%20b%26c%3Dd%2F%C3%A9!~*'()"));
    }

    void replacement_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        // values: x = [a, b] (list), s = "one" (string), jobs = [j1, j2], job = "j"
        QTest::newRow("list default is prometheus") << "up{x=~\"$x\"}"
                                                    << "up{x=~\"(a|b)\"}";
        QTest::newRow("string default is raw") << "$s"
                                               << "one";
        QTest::newRow("braced") << "${s}-${x}"
                                << "one-(a|b)";
        QTest::newRow("braced with format") << "${x:csv}"
                                            << "a,b";
        QTest::newRow("last format wins") << "${x:csv} ${x:pipe}"
                                          << "${x:csv} a|b";
        QTest::newRow("plain takes the braced format") << "$x ${x:csv}"
                                                       << "a,b a,b";
        QTest::newRow("upper-case format stays") << "$x ${x:CSV}"
                                                 << "a,b ${x:CSV}";
        QTest::newRow("unknown format stays") << "${x:foo} $x"
                                              << "${x:foo} (a|b)";
        QTest::newRow("unknown variable stays") << "$nope ${nope}"
                                                << "$nope ${nope}";
        QTest::newRow("longest first") << "$jobs $job"
                                       << "(j1|j2) j";
        QTest::newRow("prefix rewritten") << "$job $jobx"
                                          << "j jx";
        QTest::newRow("path form not substituted") << "${s.path}"
                                                   << "${s.path}";
        QTest::newRow("string with format") << "${s:regex}"
                                            << "(one)";
    }

    void replacement()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const VariableValues values = {{"x", VariableValue::list({"a", "b"})},
                                       {"s", VariableValue::single("one")},
                                       {"jobs", VariableValue::list({"j1", "j2"})},
                                       {"job", VariableValue::single("j")}};
        QCOMPARE(QString::fromStdString(VariableInterpolator::replace(text.toStdString(), values)),
                 expected);
    }

    void builtinsDoNotClobberEachOther()
    {
        const VariableValues values = {{"__range", VariableValue::single("1h")},
                                       {"__range_ms", VariableValue::single("3600000")}};
        QCOMPARE(VariableInterpolator::replace("$__range_ms/$__range", values),
                 std::string("3600000/1h"));
    }
};

QTEST_APPLESS_MAIN(TestInterpolation)
#include "tst_interpolation.moc"
