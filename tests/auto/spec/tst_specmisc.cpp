// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "duration.h"
#include "jsonreader.h"
#include "resourcekind.h"
#include "textpatterns.h"
#include "userregex.h"
#include "variablegraph.h"
#include "variablereferences.h"

#include <QTest>

using namespace Pd;

class TestSpecMisc : public QObject
{
    Q_OBJECT

private slots:
    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("milliseconds");
        QTest::addColumn<QString>("error");
        QTest::newRow("hour") << "1h" << qint64(3600000) << "";
        QTest::newRow("composite") << "1h30m5s10ms" << qint64(5405010) << "";
        QTest::newRow("year week day") << "1y1w1d" << qint64((365 + 7 + 1) * 86400000LL) << "";
        QTest::newRow("zero") << "0" << qint64(0) << "";
        QTest::newRow("wrong order")
            << "5m1h" << qint64(-1) << "not a valid duration string: \"5m1h\"";
        QTest::newRow("unknown unit")
            << "5x" << qint64(-1) << "unknown unit \"x\" in duration \"5x\"";
        QTest::newRow("fraction") << "1.5h" << qint64(-1)
                                  << "unknown unit \".\" in duration \"1.5h\"";
        QTest::newRow("no amount") << "h" << qint64(-1) << "not a valid duration string: \"h\"";
        QTest::newRow("too large") << "999999999999y" << qint64(-1) << "duration out of range";
    }

    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, milliseconds);
        QFETCH(QString, error);
        const DurationParse parsed = parseDuration(text.toStdString());
        if (milliseconds < 0) {
            QVERIFY(!parsed.isValid());
            QCOMPARE(QString::fromStdString(parsed.error), error);
        } else {
            QVERIFY(parsed.isValid());
            QCOMPARE(*parsed.milliseconds, milliseconds);
        }
    }

    void formatDurations()
    {
        QCOMPARE(formatDuration(5400000), std::string("1h30m"));
        QCOMPARE(formatDuration(14 * 86400000LL), std::string("2w"));
        QCOMPARE(formatDuration(86400255), std::string("1d255ms"));
        QCOMPARE(formatDuration(0), std::string("0s"));
    }

    void variableReferences()
    {
        const auto server =
            findVariableReferences("a $job ${env} $1 $__range x$inst_2", ReferenceSyntax::Server);
        QCOMPARE(server.size(), 3u);
        QCOMPARE(server[0].name, std::string("job"));
        QCOMPARE(server[1].name, std::string("__range"));
        QCOMPARE(server[2].name, std::string("inst_2"));

        const auto ui =
            findVariableReferences("${job:csv} ${a.b} $x ${bad", ReferenceSyntax::Interpolation);
        QCOMPARE(ui.size(), 3u);
        QCOMPARE(ui[0].name, std::string("job"));
        QCOMPARE(ui[0].format, std::string("csv"));
        QCOMPARE(ui[0].offset, 0u);
        QCOMPARE(ui[0].length, 10u);
        QCOMPARE(ui[1].name, std::string("a"));
        QCOMPARE(ui[2].name, std::string("x"));
    }

    void variableGraphLayersAndCycles()
    {
        const Node variables = JsonReader::parse(R"([
            {"kind": "ListVariable", "spec": {"name": "job", "plugin": {"kind": "X", "spec": {"expr": "up"}}}},
            {"kind": "ListVariable", "spec": {"name": "inst", "plugin": {"kind": "X", "spec": {"m": ["up{job='$job'}"]}}}},
            {"kind": "TextVariable", "spec": {"name": "t", "value": "$inst-$job-$other"}}
        ])")
                                   .documents.front();
        VariableGraph graph;
        for (const Node &v : variables.items())
            graph.add(v.find("spec")->find("name")->text(), v);
        QCOMPARE(graph.find("t")->dependencies, (std::vector<std::string>{"inst", "job", "other"}));
        QVERIFY(graph.findCycle().empty());
        const auto layers = graph.layers();
        QCOMPARE(layers.size(), 3u);
        QCOMPARE(layers[0], std::vector<std::string>{"job"});
        QCOMPARE(layers[2], std::vector<std::string>{"t"});

        const Node cyclic = JsonReader::parse(R"([
            {"kind": "TextVariable", "spec": {"name": "a", "value": "$b"}},
            {"kind": "TextVariable", "spec": {"name": "b", "value": "$c"}},
            {"kind": "TextVariable", "spec": {"name": "c", "value": "$a"}}
        ])")
                                .documents.front();
        VariableGraph cycle;
        for (const Node &v : cyclic.items())
            cycle.add(v.find("spec")->find("name")->text(), v);
        QCOMPARE(cycle.findCycle(), (std::vector<std::string>{"a", "b", "c", "a"}));
        QVERIFY(cycle.layers().empty());
    }

    void durationRangeIsTheServers()
    {
        QVERIFY(parseDuration("292y").isValid());
        QCOMPARE(parseDuration("300y").error, std::string("duration out of range"));
    }

    void fixedPatterns()
    {
        using namespace TextPatterns;
        QVERIFY(isDurationString("") && isDurationString("1h30m") && isDurationString("5ms") &&
                isDurationString("1m5s") && isDurationString("1y2w3d4h5m6s7ms"));
        QVERIFY(!isDurationString("0") && !isDurationString("5m1h") && !isDurationString("1.5h") &&
                !isDurationString("h") && !isDurationString("1hh"));
        QVERIFY(isHexColor("#abc") && isHexColor("#A1B2C3"));
        QVERIFY(!isHexColor("#abcd") && !isHexColor("abc") && !isHexColor("#ggg"));
        QVERIFY(isVariableReference("$ds") && !isVariableReference("${ds}") &&
                !isVariableReference("$"));
        QVERIFY(isHttpUrl("http://localhost:9090") && isHttpUrl("https://a.b/c?d=e"));
        QVERIFY(!isHttpUrl("www.datasource.com") && !isHttpUrl("http://a") &&
                !isHttpUrl("http:///x") && !isHttpUrl("http://ab c"));
        // Long input: checked in a loop, without the stack std::regex would need.
        QVERIFY(isHttpUrl("https://a" + std::string(300000, 'a')));
        QVERIFY(!isDurationString(std::string(300000, '1') + "x"));
    }

    void regexNotations()
    {
        using namespace TextPatterns;
        QCOMPARE(forStdRegex("(?i)^/api/v1/query$"), std::string("^/api/v1/query$"));
        QCOMPARE(forStdRegex("(?P<host>[^:]+):(?<port>\\d+)"), std::string("([^:]+):(\\d+)"));
        QCOMPARE(forStdRegex("\\pL+"), std::string(".+"));
        QVERIFY(forStdRegex("(?<=a)b").empty());
        QVERIFY(forStdRegex(std::string(5000, 'a')).empty());
        // An escaped parenthesis starts no group, named or not.
        QCOMPARE(forStdRegex("\\(?<x>\\\\"), std::string("\\(?<x>\\\\"));
    }

    void userRegexCompiles()
    {
        const auto escaped = compileUserRegex("\\(?<x>");
        QVERIFY(escaped.regex && escaped.error.empty());
        QVERIFY(std::regex_match("(<x>", *escaped.regex));
        const auto named = compileUserRegex("(?<host>[a-z]+)");
        QVERIFY(named.regex);
        QCOMPARE(named.regex->mark_count(), 1u);
        const auto broken = compileUserRegex("(a");
        QVERIFY(!broken.regex);
        QVERIFY(!broken.error.empty());
        const auto lookbehind = compileUserRegex("(?<=a)b");
        QVERIFY(!lookbehind.regex && lookbehind.error.empty());
    }

    void resourceKinds()
    {
        QCOMPARE(parseResourceKind("globaldatasource"), ResourceKind::GlobalDatasource);
        QCOMPARE(parseResourceKind("game"), std::nullopt);
        QCOMPARE(crdResourceKind("PersesGlobalDatasource"), ResourceKind::GlobalDatasource);
        QVERIFY(isProjectScoped(ResourceKind::Folder));
        QVERIFY(!isProjectScoped(ResourceKind::GlobalVariable));
    }
};

QTEST_APPLESS_MAIN(TestSpecMisc)
#include "tst_specmisc.moc"
