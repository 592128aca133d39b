// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardedits.h"
#include "jsonreader.h"
#include "jsonwriter.h"
#include "testpaths.h"
#include "textpatch.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <QTest>

#include <random>

using namespace Pd;

// Visual edits as text patches: only the value's text changes, and the patched text reads as
// the edited tree. Random edits over the whole corpus, in JSON and in YAML.
namespace {

void scalarPaths(const Node &node, std::vector<std::string> &path,
                 std::vector<std::vector<std::string>> &out)
{
    if (node.isObject()) {
        for (const NodeMember &member : node.members()) {
            path.push_back(member.key);
            scalarPaths(member.value, path, out);
            path.pop_back();
        }
    } else if (node.isArray()) {
        for (std::size_t i = 0; i < node.items().size(); ++i) {
            path.push_back(std::to_string(i));
            scalarPaths(node.items()[i], path, out);
            path.pop_back();
        }
    } else if (node.hasSpan() && node.end().offset > node.pos().offset) {
        out.push_back(path);
    }
}

Node *walk(Node &root, const std::vector<std::string> &path)
{
    Node *node = &root;
    for (const std::string &step : path)
        node = node->isObject() ? node->find(step) : &node->items()[std::stoul(step)];
    return node;
}

// Values that test the writing: plain, needing quotes, looking like other types, unicode.
Node randomValue(std::mt19937 &random)
{
    static const std::vector<Node> values = {
        Node::string("plain"),   Node::string("two words"),
        Node::string("a: b"),    Node::string("# not a comment"),
        Node::string("yes"),     Node::string("123"),
        Node::string(""),        Node::string("quote \" and ' both"),
        Node::string("ünïcødé"), Node::string("line\nbreak"),
        Node::number(42),        Node::number(-1.5),
        Node::boolean(true),     Node::null(),
        Node::string("${var}"),
    };
    return values[std::uniform_int_distribution<std::size_t>(0, values.size() - 1)(random)];
}

// Every conformance dashboard, as written (JSON) and as YAML.
void corpusRows()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("yaml");
    for (const QString &path :
         PdTest::filesBelow(PdTest::conformance(QStringLiteral("dashboards")))) {
        const QString name = path.mid(path.lastIndexOf(u'/') + 1);
        QTest::newRow(qPrintable(name + QStringLiteral(" json"))) << path << false;
        QTest::newRow(qPrintable(name + QStringLiteral(" yaml"))) << path << true;
    }
}

// One row's dashboard: its text (empty when it does not read), the reader and format it is
// read with, and what that read.
struct Sample
{
    QString path;
    bool yaml = false;
    std::string text;
    ParseResult (*read)(std::string_view) = &JsonReader::parse;
    DocumentFormat format = DocumentFormat::Json;
    ParseResult parsed;
    const Node &document() const { return parsed.documents.front(); }
};

Sample load(const QString &path, bool yaml)
{
    Sample sample;
    sample.path = path;
    sample.yaml = yaml;
    const std::string json = PdTest::readText(path);
    const ParseResult parsed = JsonReader::parse(json);
    if (parsed.hasErrors())
        return sample;
    if (yaml) {
        sample.text = YamlWriter::write(parsed.documents[0]);
        sample.read = &YamlReader::parse;
        sample.format = DocumentFormat::Yaml;
    } else {
        sample.text = json;
    }
    sample.parsed = sample.read(sample.text);
    return sample;
}

// The row's sample (corpusRows' columns).
Sample fetchSample()
{
    QFETCH(QString, path);
    QFETCH(bool, yaml);
    return load(path, yaml);
}

} // namespace

class TestTextPatch : public QObject
{
    Q_OBJECT

private slots:
    void onlyTheValueChangesAndCommentsStay()
    {
        const std::string text = "kind: Dashboard # the kind\n"
                                 "metadata:\n"
                                 "  name: demo\n"
                                 "\n"
                                 "# layout below\n"
                                 "spec:\n"
                                 "  layouts:\n"
                                 "    - kind: Grid\n"
                                 "      spec:\n"
                                 "        items:\n"
                                 "          - x: 0   # left\n"
                                 "            \"y\": 0\n"
                                 "            width: 12\n"
                                 "            content: {$ref: '#/spec/panels/a'}\n";
        const ParseResult parsed = YamlReader::parse(text);
        QVERIFY(!parsed.hasErrors());
        const Node &document = parsed.documents[0];
        std::vector<TextEdit> edits;
        for (const auto &[key, value] :
             std::vector<std::pair<std::string, double>>{{"x", 12}, {"y", 8}}) {
            const auto edit = TextPatch::setScalar(
                document, DocumentFormat::Yaml, {"spec", "layouts", "0", "spec", "items", "0", key},
                Node::number(value));
            QVERIFY(edit);
            edits.push_back(*edit);
        }
        std::string expected = text;
        expected.replace(expected.find("x: 0"), 4, "x: 12");
        expected.replace(expected.find("\"y\": 0"), 6, "\"y\": 8");
        QCOMPARE(TextPatch::apply(text, edits), expected);

        // A string that needs quotes in YAML gets them; the rest of the line stays.
        const auto name = TextPatch::setScalar(document, DocumentFormat::Yaml, {"metadata", "name"},
                                               Node::string("a: b"));
        QVERIFY(name);
        QVERIFY(TextPatch::apply(text, {*name}).find("  name: \"a: b\"\n") != std::string::npos ||
                TextPatch::apply(text, {*name}).find("  name: 'a: b'\n") != std::string::npos);
        // No scalar there: nothing to patch.
        QVERIFY(!TextPatch::setScalar(document, DocumentFormat::Yaml, {"spec", "nothing"},
                                      Node::number(1)));
        QVERIFY(!TextPatch::setScalar(document, DocumentFormat::Yaml, {"spec"}, Node::number(1)));
    }

    // A panel and its layout item taken out, as a delete in the dashboard does: whole lines in
    // YAML (the comments of the rest stay), the value and a comma in JSON.
    void removingAPanelAndItsItem_data() { corpusRows(); }
    void removingAPanelAndItsItem()
    {
        const Sample sample = fetchSample();
        QVERIFY(!sample.text.empty());
        const std::string &text = sample.text;
        const auto read = sample.read;
        const Node &document = sample.document();
        const Node *panels =
            document.find("spec") ? document.find("spec")->find("panels") : nullptr;
        if (!panels || panels->members().size() < 2)
            QSKIP("fewer than two panels");
        // The middle panel, and the first layout item that shows it.
        const std::string key = panels->members()[panels->members().size() / 2].key;
        std::vector<TextEdit> edits;
        Node expected = document;
        expected.find("spec")->find("panels")->remove(key);
        const auto panel = TextPatch::remove(text, document, {"spec", "panels", key});
        QVERIFY(panel);
        edits.push_back(*panel);
        const Node *layouts = document.find("spec")->find("layouts");
        for (std::size_t g = 0; layouts && g < layouts->items().size() && edits.size() == 1; ++g) {
            const Node *items = layouts->items()[g].find("spec")->find("items");
            for (std::size_t i = 0; items && i < items->items().size(); ++i) {
                if (items->items()[i].find("content")->stringAt("$ref") != "#/spec/panels/" + key)
                    continue;
                const auto item = TextPatch::remove(
                    text, document,
                    {"spec", "layouts", std::to_string(g), "spec", "items", std::to_string(i)});
                QVERIFY(item);
                edits.push_back(*item);
                auto &list = expected.find("spec")
                                 ->find("layouts")
                                 ->items()[g]
                                 .find("spec")
                                 ->find("items")
                                 ->items();
                list.erase(list.begin() + std::ptrdiff_t(i));
                break;
            }
        }
        const std::string patched = TextPatch::apply(text, edits);
        const ParseResult again = read(patched);
        QVERIFY2(!again.hasErrors(),
                 again.hasErrors() ? again.diagnostics.front().message.c_str() : "");
        QVERIFY(again.documents[0].equals(expected));
    }

    // A panel added (a copy of the first one, under a new key) with its layout item, as Add and
    // Duplicate in the dashboard do.
    void addingAPanelAndItsItem_data() { removingAPanelAndItsItem_data(); }
    void addingAPanelAndItsItem()
    {
        const Sample sample = fetchSample();
        QVERIFY(!sample.text.empty());
        const std::string &text = sample.text;
        const auto read = sample.read;
        const DocumentFormat format = sample.format;
        const Node &document = sample.document();
        const Node *panels =
            document.find("spec") ? document.find("spec")->find("panels") : nullptr;
        const Node *layouts =
            document.find("spec") ? document.find("spec")->find("layouts") : nullptr;
        if (!panels || panels->members().empty() || !layouts || layouts->items().empty() ||
            !layouts->items()[0].find("spec") || !layouts->items()[0].find("spec")->find("items"))
            QSKIP("no panel or no layout to add to");
        const Node copy = panels->members().front().value;
        Node item = Node::object();
        item.set("x", Node::number(0));
        item.set("y", Node::number(99));
        item.set("width", Node::number(12));
        item.set("height", Node::number(6));
        Node content = Node::object();
        content.set("$ref", Node::string("#/spec/panels/added_panel"));
        item.set("content", content);
        const auto member = TextPatch::insertMember(text, document, format, {"spec", "panels"},
                                                    "added_panel", copy);
        QVERIFY(member);
        const auto appended = TextPatch::appendItem(
            text, document, format, {"spec", "layouts", "0", "spec", "items"}, item);
        QVERIFY(appended);
        Node expected = document;
        expected.find("spec")->find("panels")->set("added_panel", copy);
        expected.find("spec")->find("layouts")->items()[0].find("spec")->find("items")->append(
            item);
        const std::string patched = TextPatch::apply(text, {*member, *appended});
        const ParseResult again = read(patched);
        QVERIFY2(!again.hasErrors(),
                 (again.hasErrors()
                      ? again.diagnostics.front().message + " in\n" +
                            patched.substr(member->offset > 200 ? member->offset - 200 : 0, 600)
                      : std::string())
                     .c_str());
        QVERIFY(again.documents[0].equals(expected));
        // Nothing before the first insertion changed.
        const std::size_t first = std::min(member->offset, appended->offset);
        QCOMPARE(patched.substr(0, first), text.substr(0, first));
    }

    // The first and last groups of a dashboard swapped, as Move Up and Move Down do.
    void swappingGroups_data() { corpusRows(); }
    void swappingGroups()
    {
        const Sample sample = fetchSample();
        QVERIFY(!sample.text.empty());
        const Node &document = sample.document();
        const Node *layouts =
            document.find("spec") ? document.find("spec")->find("layouts") : nullptr;
        if (!layouts || layouts->items().size() < 2)
            QSKIP("fewer than two groups");
        const std::size_t last = layouts->items().size() - 1;
        const std::vector<TextEdit> edits =
            TextPatch::swapItems(sample.text, document, {"spec", "layouts"}, 0, last);
        QCOMPARE(edits.size(), std::size_t(2));
        Node expected = document;
        auto &groups = expected.find("spec")->find("layouts")->items();
        std::swap(groups[0], groups[last]);
        const ParseResult again = sample.read(TextPatch::apply(sample.text, edits));
        QVERIFY(!again.hasErrors());
        QVERIFY(again.documents[0].equals(expected));
    }

    // The dashboard edits the editor asks for, on every conformance dashboard: a copy of the
    // first panel laid out and pointing at itself, then the original deleted with its items.
    void dashboardEditsDuplicateAndDelete_data() { corpusRows(); }
    void dashboardEditsDuplicateAndDelete()
    {
        const Sample sample = fetchSample();
        QVERIFY(!sample.text.empty());
        const DocumentFormat format = sample.format;
        const ResourceFile read = ResourceReader::readText(sample.text, "x", format);
        const Node *panels =
            read.resources.empty() ? nullptr : read.resources[0].node.find("spec")->find("panels");
        if (!panels || panels->members().empty() ||
            read.resources[0].kind != ResourceKind::Dashboard)
            QSKIP("no panel of a dashboard (an ephemeral dashboard is not edited here)");
        const std::string original = panels->members().front().key;
        std::string key;
        const auto copy = DashboardEdits(sample.text, read).duplicatePanel(original, key);
        QVERIFY(copy);
        QCOMPARE(key, original + "_copy");
        const std::string copied = TextPatch::apply(sample.text, *copy);
        const ResourceFile again = ResourceReader::readText(copied, "x", format);
        QVERIFY(!again.hasErrors());
        const Node &spec = *again.resources[0].node.find("spec");
        QVERIFY(spec.find("panels")->find(key)->equals(panels->members().front().value));
        bool laidOut = false;
        for (const Node &group :
             spec.find("layouts") ? spec.find("layouts")->items() : std::vector<Node>{}) {
            for (const Node &item : group.find("spec")->find("items")
                                        ? group.find("spec")->find("items")->items()
                                        : std::vector<Node>{})
                laidOut =
                    laidOut || item.find("content")->stringAt("$ref") == "#/spec/panels/" + key;
        }
        QVERIFY(laidOut || !spec.find("layouts") || spec.find("layouts")->items().empty());
        const auto removal = DashboardEdits(copied, again).deletePanel(original);
        QVERIFY(removal);
        const ResourceFile after =
            ResourceReader::readText(TextPatch::apply(copied, *removal), "x", format);
        QVERIFY(!after.hasErrors());
        QVERIFY(!after.resources[0].node.find("spec")->find("panels")->contains(original));
    }

    // A form's whole value given back: only what differs is written, comments elsewhere stay.
    void replacingAValueEditsOnlyWhatDiffers()
    {
        const std::string text = "kind: Dashboard\n"
                                 "metadata:\n"
                                 "  name: demo\n"
                                 "spec:\n"
                                 "  panels:\n"
                                 "    cpu:\n"
                                 "      kind: Panel\n"
                                 "      spec:\n"
                                 "        display: {name: CPU} # short\n"
                                 "        plugin:\n"
                                 "          kind: TimeSeriesChart\n"
                                 "          spec:\n"
                                 "            # the legend stays below\n"
                                 "            legend:\n"
                                 "              position: bottom\n"
                                 "        queries:\n"
                                 "          - kind: TimeSeriesQuery # first\n"
                                 "            spec: {plugin: {kind: PrometheusTimeSeriesQuery, "
                                 "spec: {query: up}}}\n"
                                 "          - kind: TimeSeriesQuery # second\n"
                                 "            spec: {plugin: {kind: PrometheusTimeSeriesQuery, "
                                 "spec: {query: down}}}\n";
        const ResourceFile read = ResourceReader::readText(text, "demo.yaml", DocumentFormat::Yaml);
        const std::vector<std::string> path{"spec", "panels", "cpu", "spec"};
        Node spec = *read.resources.front().node.at(path);
        spec.find("display")->set("name", Node::string("CPU busy"));
        spec.find("plugin")->find("spec")->set("visual", Node::object());
        spec.find("plugin")->find("spec")->find("visual")->set("lineWidth", Node::number(2));
        spec.find("queries")->items().erase(spec.find("queries")->items().begin());
        const auto edits = DashboardEdits(text, read).replace(path, spec);
        QVERIFY(edits);
        QCOMPARE(edits->size(), std::size_t(1));
        const std::string patched = TextPatch::apply(text, *edits);
        const ResourceFile again =
            ResourceReader::readText(patched, "demo.yaml", DocumentFormat::Yaml);
        QVERIFY(!again.hasErrors());
        QVERIFY2(again.resources.front().node.at(path)->equals(spec), patched.c_str());
        // Untouched lines, comments included, are there byte for byte; the first query is gone.
        for (const char *kept :
             {"        display: {name: CPU busy} # short\n",
              "            # the legend stays below\n", "              position: bottom\n",
              "          - kind: TimeSeriesQuery # second\n"})
            QVERIFY2(patched.find(kept) != std::string::npos, kept);
        QVERIFY(patched.find("# first") == std::string::npos);
        QVERIFY(patched.find("lineWidth: 2") != std::string::npos);
        // The same value again: nothing to change.
        const auto none = DashboardEdits(patched, again).replace(path, spec);
        QVERIFY(none);
        QCOMPARE(TextPatch::apply(patched, *none), patched);
        // A missing parent cannot be written to.
        QVERIFY(!DashboardEdits(text, read).replace({"spec", "nothing", "here"}, spec));
    }

    // Every panel's spec changed as a panel editor would (title, a query gone, options added,
    // a value of another type): the text read back is the edited tree, in JSON and in YAML.
    void replacingPanelSpecsReadsBackAsEdited_data() { corpusRows(); }
    void replacingPanelSpecsReadsBackAsEdited()
    {
        const Sample sample = fetchSample();
        QVERIFY(!sample.text.empty());
        std::string text = sample.text;
        if (sample.document().stringAt("kind") != "Dashboard")
            QSKIP("the editor edits dashboards");
        const Node *panels = sample.document().at({"spec", "panels"});
        QVERIFY(panels);
        int edited = 0;
        for (const NodeMember &panel : panels->members()) {
            if (edited++ == 6)
                break; // a few a dashboard keep the corpus run short
            const ResourceFile read = ResourceReader::readText(text, "x", sample.format);
            QVERIFY(!read.hasErrors());
            const std::vector<std::string> path{"spec", "panels", panel.key, "spec"};
            Node spec = *read.resources.front().node.at(path);
            if (Node *display = spec.find("display"))
                display->set("name", Node::string("Edited: " + display->stringAt("name")));
            if (Node *queries = spec.find("queries"); queries && !queries->items().empty())
                queries->items().pop_back();
            if (Node *plugin = spec.find("plugin")) {
                Node options = Node::object();
                options.set("added", Node::boolean(true));
                plugin->set("spec", options); // an object for whatever was there
            }
            const auto edits = DashboardEdits(text, read).replace(path, spec);
            QVERIFY2(edits, panel.key.c_str());
            text = TextPatch::apply(text, *edits);
            const ResourceFile again = ResourceReader::readText(text, "x", sample.format);
            QVERIFY2(!again.hasErrors(), panel.key.c_str());
            QVERIFY2(again.resources.front().node.at(path)->equals(spec), panel.key.c_str());
        }
    }

    void randomEditsReadBackAsTheEditedTree_data() { corpusRows(); }
    void randomEditsReadBackAsTheEditedTree()
    {
        const Sample sample = fetchSample();
        QVERIFY(!sample.text.empty());
        const std::string &text = sample.text;
        const auto read = sample.read;
        const DocumentFormat format = sample.format;
        std::mt19937 random(qHash(sample.path) ^ (sample.yaml ? 1u : 0u));
        for (int round = 0; round < 40; ++round) {
            const ParseResult parsed = read(text);
            QVERIFY(!parsed.hasErrors());
            std::vector<std::string> current;
            std::vector<std::vector<std::string>> paths;
            scalarPaths(parsed.documents[0], current, paths);
            QVERIFY(!paths.empty());
            const auto &target =
                paths[std::uniform_int_distribution<std::size_t>(0, paths.size() - 1)(random)];
            const Node value = randomValue(random);
            const auto edit = TextPatch::setScalar(parsed.documents[0], format, target, value);
            QVERIFY(edit);
            const std::string patched = TextPatch::apply(text, {*edit});
            const ParseResult again = read(patched);
            QVERIFY2(!again.hasErrors(),
                     patched.substr(edit->offset > 40 ? edit->offset - 40 : 0, 120).c_str());
            Node expected = parsed.documents[0];
            *walk(expected, target) = value;
            QVERIFY2(
                again.documents[0].equals(expected),
                (JsonWriter::writeCompact(value) + " at offset " + std::to_string(edit->offset))
                    .c_str());
            // Everything before and after the edit is untouched.
            QCOMPARE(patched.substr(0, edit->offset), text.substr(0, edit->offset));
            QCOMPARE(patched.substr(edit->offset + edit->replacement.size()),
                     text.substr(edit->offset + edit->length));
        }
    }
};

QTEST_GUILESS_MAIN(TestTextPatch)
#include "tst_textpatch.moc"
