// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonreader.h"
#include "testpaths.h"
#include "yamlblockreader.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <QDirIterator>
#include <QTest>

#include <random>

using namespace Pd;

// The fast YAML path against yaml-cpp: wherever the fast path reads a text, it must read it
// exactly as yaml-cpp does (the same values, positions of values and keys, spans' ends and
// diagnostics); and it must read what dashboards are written as, or it buys nothing.
namespace {

std::string describe(const SourcePos &pos)
{
    return std::to_string(pos.line) + ":" + std::to_string(pos.column) + "@" +
           std::to_string(pos.offset);
}

// The first difference between two readings, or empty.
std::string difference(const Node &a, const Node &b, const std::string &path)
{
    if (a.type() != b.type() || !(a.isObject() || a.isArray() ? true : a.equals(b)))
        return path + ": value";
    if (a.isNumber() && a.text() != b.text())
        return path + ": number text " + a.text() + " / " + b.text();
    if (a.pos().offset != b.pos().offset || a.pos().line != b.pos().line ||
        a.pos().column != b.pos().column)
        return path + ": position " + describe(a.pos()) + " / " + describe(b.pos());
    if (a.end().offset != b.end().offset)
        return path + ": end " + describe(a.end()) + " / " + describe(b.end());
    if (a.members().size() != b.members().size() || a.items().size() != b.items().size())
        return path + ": size";
    for (std::size_t i = 0; i < a.members().size(); ++i) {
        const NodeMember &x = a.members()[i];
        const NodeMember &y = b.members()[i];
        if (x.key != y.key)
            return path + ": key " + x.key + " / " + y.key;
        if (x.keyPos.offset != y.keyPos.offset || x.keyPos.line != y.keyPos.line ||
            x.keyPos.column != y.keyPos.column || x.keyEnd.offset != y.keyEnd.offset)
            return path + "." + x.key + ": key position";
        if (std::string d = difference(x.value, y.value, path + "." + x.key); !d.empty())
            return d;
    }
    for (std::size_t i = 0; i < a.items().size(); ++i) {
        if (std::string d = difference(a.items()[i], b.items()[i], path + "." + std::to_string(i));
            !d.empty())
            return d;
    }
    return {};
}

std::string difference(const ParseResult &fast, const ParseResult &general)
{
    if (fast.documents.size() != general.documents.size())
        return "document count";
    for (std::size_t i = 0; i < fast.documents.size(); ++i) {
        if (std::string d = difference(fast.documents[i], general.documents[i], ""); !d.empty())
            return d;
    }
    if (fast.diagnostics.size() != general.diagnostics.size())
        return "diagnostic count " + std::to_string(fast.diagnostics.size()) + " / " +
               std::to_string(general.diagnostics.size());
    for (std::size_t i = 0; i < fast.diagnostics.size(); ++i) {
        const Diagnostic &x = fast.diagnostics[i];
        const Diagnostic &y = general.diagnostics[i];
        if (x.message != y.message || x.rule != y.rule || x.severity != y.severity ||
            !(x.pos == y.pos) || x.pos.offset != y.pos.offset)
            return "diagnostic " + x.message + " at " + describe(x.pos) + " / " + y.message +
                   " at " + describe(y.pos);
    }
    return {};
}

// Every YAML text at hand: the conformance dashboards written as YAML, the examples, the
// test data.
std::vector<std::pair<QString, std::string>> samples()
{
    std::vector<std::pair<QString, std::string>> texts;
    for (const QString &path :
         PdTest::filesBelow(PdTest::conformance(QStringLiteral("dashboards")))) {
        const ParseResult json = JsonReader::parse(PdTest::readText(path));
        if (!json.hasErrors())
            texts.emplace_back(path, YamlWriter::write(json.documents));
    }
    for (const QString &root : {QStringLiteral(PD_SOURCE_DIR "/resources/examples"),
                                QStringLiteral(PD_SOURCE_DIR "/tests/data")}) {
        QDirIterator it(root, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            texts.emplace_back(path, PdTest::readText(path));
        }
    }
    return texts;
}

// What the fast path made of `text`, compared with yaml-cpp's reading; false when they differ.
bool agrees(std::string_view text, std::string &why)
{
    const ParseResult general = YamlReader::parseWithYamlCpp(text);
    const ParseResult fast = YamlReader::parse(text);
    why = difference(fast, general);
    return why.empty();
}

} // namespace

class TestYamlBlockReader : public QObject
{
    Q_OBJECT

private slots:
    void readsLikeYamlCpp()
    {
        std::size_t taken = 0;
        const auto texts = samples();
        QVERIFY(texts.size() > 40);
        for (const auto &[path, text] : texts) {
            std::string why;
            QVERIFY2(agrees(text, why),
                     qPrintable(path + QStringLiteral(": ") + QString::fromStdString(why)));
            const bool fast = YamlBlockReader::read(text).has_value();
            if (!fast && qEnvironmentVariableIsSet("PD_SHOW_SLOW"))
                qInfo("slow: %s", qPrintable(path));
            taken += fast;
        }
        // The conformance dashboards are all written by our writer: every one of them must
        // take the fast path, and most of the hand-written files too.
        qInfo("fast path for %zu of %zu texts", taken, texts.size());
        QVERIFY2(taken * 10 >= texts.size() * 9, qPrintable(QString::number(taken)));
    }

    // Hand-written shapes: each reads the same both ways, whichever path the fast reader takes.
    void shapes_data()
    {
        QTest::addColumn<QString>("text");
        const char *const texts[] = {
            "a: 1\nb: two\n",
            "# c\nkind: Dashboard\nspec:\n  a: \"q\"\n  b: 'x'  # c\n",
            "list:\n- one\n-   two\nnext: 3\n",
            "m:\n  - k: v\n    j: 2\n  - k: w\n",
            "f: {x: 1, y: [a, b], \"z\": 'q'}\ne: []\ng: {}\n",
            "lit: |\n  line1\n\n  line2\nlit2: |-\n  z\nafter: 1\n",
            "lit: |\n    deeper\n  # a comment line inside\n  x\ny: 1\n",
            "y: yes\nn: off\non: 1\nflow: {y: 1}\n",
            "dup: 1\ndup: 2\n",
            "a: 1\n---\nb: 2\n",
            "---\na: 1\n",
            "a: null\nb: ~\nc: true\nd: 1.5e3\ne: 0x1F\nf: .inf\ng: -3\n",
            "a: b: c\n",
            "a: 'it''s'\nb: \"tab\\there \\u0041\"\n",
            "a: plain text # comment\nb: text#nocomment\n",
            "a:\n  b:\n    c:\n      - - x\n",
            "a: &anchor 1\nb: *anchor\n",
            "a: !!str 1\n",
            "a: >\n  folded\n  text\n",
            "a: multi\n  line\n",
            "a:\n",
            "- a\n- b\n",
            "- [1, 2]\n- {a: b}\n",
            "\"quoted key\": 1\n'other': 2\n",
            "a: \"unterminated\n",
            "a: [1,\n  2]\n",
            "key with spaces: v\n",
            "$ref: '#/spec/panels/x'\n",
            "a:    # only a comment\n  b: 1\n",
            "a: 1\n  b: 2\n",
            "a: 1\n...\n",
            "- a: 1\n  b:\n  - x\n  c: 2\n- d\n",
            "a: |\n  x\n",
            "a: |\n  x",
            "a: |+\n  x\n\n",
            "a: -\nb: - x\n",
            "a: x:y\nb: http://host:9090/path?q=1\n",
            "a: [x:y]\n",
            "a: {b: c, }\n",
            // A flow collection open at the very end of the text (found by the fuzzer: the fast
            // path read past the end).
            "a: {",
            "a: [",
            "a: {  ",
            "a:   \"spaced\"   # c\n",
        };
        for (const char *text : texts)
            QTest::newRow(text) << QString::fromUtf8(text);
    }
    void shapes()
    {
        QFETCH(QString, text);
        std::string why;
        QVERIFY2(agrees(text.toStdString(), why), why.c_str());
    }

    // Random damage to real texts: wherever the fast path still reads one, it agrees.
    void mutationsReadLikeYamlCpp()
    {
        const auto texts = samples();
        std::mt19937 random(20261204);
        const std::string alphabet = " :-#'\"\n[]{},|>&*!?x1";
        int checked = 0;
        // PD_MUTATION_ROUNDS runs more of them, to hunt for a difference.
        const int rounds = qEnvironmentVariableIntValue("PD_MUTATION_ROUNDS") > 0
                               ? qEnvironmentVariableIntValue("PD_MUTATION_ROUNDS")
                               : 3000;
        if (qEnvironmentVariableIsSet("PD_MUTATION_SEED"))
            random.seed(std::uint32_t(qEnvironmentVariableIntValue("PD_MUTATION_SEED")));
        for (int round = 0; round < rounds; ++round) {
            std::string text = texts[random() % texts.size()].second;
            if (text.empty() || text.size() > 12000)
                continue;
            const int edits = 1 + int(random() % 3);
            for (int e = 0; e < edits; ++e) {
                const std::size_t at = random() % text.size();
                switch (random() % 3) {
                case 0:
                    text.erase(at, 1);
                    break;
                case 1:
                    text.insert(at, 1, alphabet[random() % alphabet.size()]);
                    break;
                default:
                    text[at] = alphabet[random() % alphabet.size()];
                }
            }
            if (!YamlBlockReader::read(text))
                continue;
            ++checked;
            std::string why;
            QVERIFY2(agrees(text, why), (why + "\n---\n" + text.substr(0, 2000)).c_str());
        }
        qInfo("%d mutated texts took the fast path and agreed", checked);
        QVERIFY(checked > 100);
    }
};

QTEST_APPLESS_MAIN(TestYamlBlockReader)
#include "tst_yamlblockreader.moc"
