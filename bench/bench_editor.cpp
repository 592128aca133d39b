// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// Edit mode on the 114-panel NodeExporter dashboard written as YAML, against a bare re-parse of
// the same text (YamlReader alone), measured in one run:
//  - one keystroke to its diagnostics painted in the code pane (re-read, re-validated off the
//    GUI thread, shown, painted);
//  - the whole file re-read and re-validated (Linter::lintText, what runs after a keystroke);
//  - one visual move of a panel to the patched text (re-read for the spans, patch, edit);
//  - opening the file in edit mode until its diagnostics and dashboard are shown.
#include "benchharness.h"
#include "builtinplugins.h"
#include "codeeditor.h"
#include "dashboardview.h"
#include "editorpage.h"
#include "jsonreader.h"
#include "linter.h"
#include "resourcefile.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextBlock>

#include <cstdio>
#include <cstdlib>
#include <fstream>

using namespace Pd;

namespace {

[[noreturn]] void fail(const char *message)
{
    std::fprintf(stderr, "bench_editor: %s\n", message);
    std::exit(2);
}

void waitValidated(Gui::EditorPage &page)
{
    QElapsedTimer limit;
    limit.start();
    while (!page.isValidated()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (limit.elapsed() > 60000)
            fail("validation did not finish in a minute");
    }
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    importBuiltinPlugins();
    std::ifstream in(PD_CONFORMANCE_DIR "/dashboards/dev-data__perses__NodeExporter.json");
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const ParseResult parsed = JsonReader::parse(json);
    if (parsed.hasErrors() || parsed.documents.empty())
        fail("cannot read the NodeExporter dashboard (is the conformance corpus there?)");
    const std::string yaml = YamlWriter::write(parsed.documents.front());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("node.yaml"));
    std::ofstream(file.toStdString(), std::ios::binary) << yaml;
    std::printf("NodeExporter as YAML: %zu bytes, %d lines\n", yaml.size(),
                int(std::count(yaml.begin(), yaml.end(), '\n')));

    const PdBench::Stats bare = PdBench::measure([&] {
        if (YamlReader::parse(yaml).hasErrors())
            fail("bare re-parse failed");
    });
    // The general reader the fast path stands in for, on the same text.
    const PdBench::Stats general = PdBench::measure([&] {
        if (YamlReader::parseWithYamlCpp(yaml).hasErrors())
            fail("yaml-cpp re-parse failed");
    });
    const PdBench::Stats lint = PdBench::measure([&] {
        LintedFile linted;
        if (Linter().lintText(yaml, "node.yaml", linted).resources.empty())
            fail("lintText read nothing");
    });

    Gui::EditorPage page(file, {});
    page.resize(1600, 1000);
    page.show();
    waitValidated(page);
    if (page.errorCount() != 0)
        fail("the dashboard has errors before the edits");
    // Keystrokes in a panel title: a character typed, then taken back, alternately.
    Gui::CodeEditor *editor = page.codeEditor();
    const QTextCursor title = editor->document()->find(QStringLiteral("name: "));
    if (title.isNull())
        fail("no title to type in");
    int typed = 0;
    const PdBench::Stats keystroke = PdBench::measure([&] {
        QTextCursor cursor(editor->document());
        cursor.setPosition(title.position());
        if (typed++ % 2 == 0)
            cursor.insertText(QStringLiteral("x"));
        else
            cursor.deleteChar();
        waitValidated(page);
        editor->viewport()->repaint(); // the diagnostics painted, not only known
    });
    if (page.errorCount() != 0)
        fail("typing in a title made errors");

    // A visual move: the first panel one column right, then back.
    const QString panel =
        QString::fromStdString(page.lastValid()->spec.layouts.front().items.front().panelId);
    const Model::GridItem item = page.lastValid()->spec.layouts.front().items.front();
    // Each move from a validated text, as a drag starts: only the move is timed.
    std::vector<double> moveSamples;
    for (int run = 0; run < PdBench::defaultRuns + PdBench::defaultWarmups; ++run) {
        waitValidated(page);
        const int x = run % 2 == 0 ? item.x + 1 : item.x;
        QElapsedTimer timer;
        timer.start();
        if (!page.setPanelGeometry(panel, x, item.y, item.width, item.height))
            fail("the move was not patched");
        if (run >= PdBench::defaultWarmups)
            moveSamples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const PdBench::Stats move = PdBench::summarize(moveSamples);
    waitValidated(page);

    const PdBench::Stats open = PdBench::measure(
        [&] {
            Gui::EditorPage opened(file, {});
            opened.resize(1600, 1000);
            opened.show();
            waitValidated(opened);
            if (!opened.preview())
                fail("no dashboard drawn");
            opened.repaint();
        },
        5, 1);

    PdBench::printStats("bare re-parse (YamlReader, baseline)", bare);
    PdBench::printStats("yaml-cpp re-parse (the general path)", general);
    PdBench::printRatio("yaml-cpp / fast path", general, bare, "");
    PdBench::printStats("re-read + re-validate (lintText)", lint);
    PdBench::printRatio("re-validate / bare re-parse", lint, bare, "under 16 ms");
    PdBench::printStats("keystroke to diagnostics painted", keystroke);
    PdBench::printRatio("keystroke / bare re-parse", keystroke, bare, "within 16 ms");
    PdBench::printStats("visual move to patched text", move);
    PdBench::printRatio("move / bare re-parse", move, bare, "under 5 ms");
    PdBench::printStats("open in edit mode (5 runs)", open);
    return 0;
}
