// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonreader.h"
#include "jsonwriter.h"
#include "testpaths.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <QDirIterator>
#include <QTest>

using namespace Pd;

// Every value and key knows where its text starts and ends: the text between the two, read
// again, is the value. Checked over the whole conformance corpus as JSON and as YAML, and over
// the YAML files of the repository (block and flow styles, comments, block scalars, several
// documents a file).
namespace {

struct Checked
{
    int values = 0;
    int keys = 0;
    QStringList failures;
};

using Reader = ParseResult (*)(std::string_view);

void check(const Node &node, std::string_view text, Reader read, bool yaml,
           const std::string &where, Checked &checked)
{
    if (!node.hasSpan()) {
        checked.failures << QString::fromStdString(where + ": no span");
        return;
    }
    std::string slice(text.substr(std::size_t(node.pos().offset),
                                  std::size_t(node.end().offset - node.pos().offset)));
    ++checked.values;
    if (yaml && (node.isObject() || node.isArray()))
        slice.insert(0, std::size_t(node.pos().column - 1), ' '); // continuation lines keep theirs
    const bool nullText =
        slice.empty() || slice == "null" || slice == "~" || slice == "Null" || slice == "NULL";
    if (yaml && node.isNull() && nullText) {
        // "key:" has an empty span; a document of null alone reads as no document
    } else {
        const ParseResult again = read(slice);
        if (again.hasErrors() || again.documents.size() != 1 || !again.documents[0].equals(node))
            checked.failures << QString::fromStdString(where + ": '" + slice.substr(0, 80) + "'");
    }
    for (const NodeMember &member : node.members()) {
        const std::string at = where + "/" + member.key;
        if (member.keyPos.offset < 0 || member.keyEnd.offset < member.keyPos.offset) {
            checked.failures << QString::fromStdString(at + ": no key span");
            continue;
        }
        ++checked.keys;
        const std::string key(
            text.substr(std::size_t(member.keyPos.offset),
                        std::size_t(member.keyEnd.offset - member.keyPos.offset)));
        const ParseResult keyAgain = read(key);
        const bool same = !keyAgain.hasErrors() && keyAgain.documents.size() == 1 &&
                          (keyAgain.documents[0].text() == member.key ||
                           (keyAgain.documents[0].isNull() && member.key == "null"));
        if (!same)
            checked.failures << QString::fromStdString(at + ": key text '" + key + "'");
        check(member.value, text, read, yaml, at, checked);
    }
    for (std::size_t i = 0; i < node.items().size(); ++i)
        check(node.items()[i], text, read, yaml, where + "/" + std::to_string(i), checked);
}

Checked checkText(const std::string &text, Reader read, bool yaml)
{
    Checked checked;
    const ParseResult parsed = read(text);
    if (parsed.hasErrors()) {
        checked.failures << QStringLiteral("does not read");
        return checked;
    }
    for (std::size_t d = 0; d < parsed.documents.size(); ++d)
        check(parsed.documents[d], text, read, yaml, "#" + std::to_string(d), checked);
    return checked;
}

void verify(const Checked &checked)
{
    QVERIFY2(checked.failures.isEmpty(), qPrintable(checked.failures.mid(0, 10).join(u'\n')));
    QVERIFY(checked.values > 0);
}

} // namespace

class TestSpans : public QObject
{
    Q_OBJECT

private slots:
    void corpusAsJson_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : PdTest::filesBelow(PdTest::conformance()))
            QTest::newRow(qPrintable(path.mid(PdTest::conformance().size()))) << path;
    }
    void corpusAsJson()
    {
        QFETCH(QString, path);
        const std::string text = PdTest::readText(path);
        if (JsonReader::parse(text).hasErrors())
            QSKIP("an invalid input of the corpus");
        verify(checkText(text, &JsonReader::parse, false));
    }

    void corpusAsYaml_data() { corpusAsJson_data(); }
    void corpusAsYaml()
    {
        QFETCH(QString, path);
        const ParseResult json = JsonReader::parse(PdTest::readText(path));
        if (json.hasErrors())
            QSKIP("an invalid input of the corpus");
        verify(checkText(YamlWriter::write(json.documents), &YamlReader::parse, true));
    }

    void repositoryYaml_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &folder :
             {PdTest::testData(), QStringLiteral(PD_SOURCE_DIR "/resources")}) {
            QDirIterator it(folder, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QTest::newRow(qPrintable(path.mid(path.lastIndexOf(u'/') + 1))) << path;
            }
        }
    }
    void repositoryYaml()
    {
        QFETCH(QString, path);
        const std::string text = PdTest::readText(path);
        if (YamlReader::parse(text).hasErrors())
            QSKIP("a broken input on purpose");
        verify(checkText(text, &YamlReader::parse, true));
    }

    void stylesAndPositions()
    {
        const std::string text = "# leading comment\n"
                                 "a: plain words   # trailing comment\n"
                                 "b: \"double \\\" quoted\"\n"
                                 "c: 'single '' quoted'\n"
                                 "d: {x: 1, y: [2, 3], 'z': \"w\"}\n"
                                 "e: |\n"
                                 "  block\n"
                                 "\n"
                                 "  text\n"
                                 "f:\n"
                                 "  - one\n"
                                 "  - k: v\n"
                                 "    l: [a, b]\n"
                                 "g:\n"
                                 "---\n"
                                 "second: document\n";
        const ParseResult parsed = YamlReader::parse(text);
        QVERIFY(!parsed.hasErrors());
        QCOMPARE(parsed.documents.size(), std::size_t(2));
        const Node &a = *parsed.documents[0].find("a");
        QCOMPARE(
            text.substr(std::size_t(a.pos().offset), std::size_t(a.end().offset - a.pos().offset)),
            std::string("plain words"));
        QCOMPARE(a.end().line, 2);
        QCOMPARE(a.end().column, 15);
        const Node &e = *parsed.documents[0].find("e");
        QCOMPARE(e.text(), std::string("block\n\ntext\n"));
        QCOMPARE(e.end().line, 10); // through the last line's break
        QCOMPARE(e.end().column, 1);
        verify(checkText(text, &YamlReader::parse, true));
        const Node &second = *parsed.documents[1].find("second");
        QCOMPARE(second.pos().line, 16);
    }
};

QTEST_GUILESS_MAIN(TestSpans)
#include "tst_spans.moc"
