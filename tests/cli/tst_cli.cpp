// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "clirun.h"
#include "testpaths.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = PdTest::CliRun;

Run run(const QStringList &args)
{
    return PdTest::runCli(args);
}

// Pixels in `area` whose lightness is below (dark ink) or above (light ink) `lightness`.
int inkPixels(const QImage &image, const QRect &area, bool dark, double lightness)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const double l = image.pixelColor(x, y).lightnessF();
            count += dark ? l < lightness : l > lightness;
        }
    }
    return count;
}

QString rule(const char *fixture)
{
    return PdTest::testData(QStringLiteral("rules/") + QLatin1String(fixture));
}

const QByteArray cleanDashboard = R"(kind: Dashboard
metadata:
  name: clean
spec:
  panels: {}
  layouts: []
)";

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void cleanFileExitsZero()
    {
        QTemporaryDir dir;
        QVERIFY(PdTest::writeFile(dir.filePath(QStringLiteral("d.yaml")), cleanDashboard));
        const Run r = run({QStringLiteral("lint"), dir.filePath(QStringLiteral("d.yaml"))});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("0 errors, 0 warnings in 1 file (0 skipped)\n"));
        QVERIFY(r.err.isEmpty());
    }

    void textFormatIsPathLineColumnSeverityMessageRule()
    {
        const QString path = rule("variable-duplicate.yaml");
        const Run r = run({QStringLiteral("lint"), path});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out,
                 path + QStringLiteral(
                            ":9:20: error: variable \"env\" (index 1) already exists "
                            "[variable-duplicate]\n1 error, 0 warnings in 1 file (0 skipped)\n"));
    }

    void jsonFormat()
    {
        const QString path = rule("plugin-schema.yaml");
        const Run r =
            run({QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("json"), path});
        QCOMPARE(r.exitCode, 1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray array = doc.array();
        QCOMPARE(array.size(), 4);
        const QJsonObject first = array.at(0).toObject();
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("column"), QStringLiteral("file"),
                                            QStringLiteral("line"), QStringLiteral("message"),
                                            QStringLiteral("path"), QStringLiteral("rule"),
                                            QStringLiteral("severity")}));
        QCOMPARE(first.value(QStringLiteral("file")).toString(), path);
        QCOMPARE(first.value(QStringLiteral("line")).toInt(), 12);
        QCOMPARE(first.value(QStringLiteral("column")).toInt(), 32);
        QCOMPARE(first.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(first.value(QStringLiteral("rule")).toString(), QStringLiteral("plugin-schema"));
        QCOMPARE(first.value(QStringLiteral("path")).toString(),
                 QStringLiteral("spec.panels.a.spec.plugin.spec.legend.position"));
        QVERIFY(first.value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral("invalid panel a:")));
    }

    void jsonFormatOfACleanRunIsAnEmptyArray()
    {
        QTemporaryDir dir;
        QVERIFY(PdTest::writeFile(dir.filePath(QStringLiteral("d.yaml")), cleanDashboard));
        const Run r = run({QStringLiteral("lint"), QStringLiteral("--format=json"), dir.path()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("[]\n"));
    }

    void githubFormat()
    {
        const QString path = rule("grid-overlap.yaml");
        const Run r = run(
            {QStringLiteral("lint"), QStringLiteral("--format"), QStringLiteral("github"), path});
        QCOMPARE(r.exitCode, 0);
        QString escaped = path;
        escaped.replace(QLatin1Char(':'), QStringLiteral("%3A"))
            .replace(QLatin1Char(','), QStringLiteral("%2C"));
        QCOMPARE(r.out,
                 QStringLiteral("::warning file=") + escaped +
                     QStringLiteral(",line=19,col=13,title=grid-overlap::grid item overlaps item 0 "
                                    "(#/spec/panels/a)\n"));
    }

    void warningsAsErrors()
    {
        const QString path = rule("panel-orphan.yaml");
        QCOMPARE(run({QStringLiteral("lint"), path}).exitCode, 0);
        QCOMPARE(
            run({QStringLiteral("lint"), QStringLiteral("--warnings-as-errors"), path}).exitCode,
            1);
    }

    void directoriesAreWalkedAndForeignFilesSkipped()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("sub/.hidden"));
        QVERIFY(PdTest::writeFile(dir.filePath(QStringLiteral("sub/d.yaml")), cleanDashboard));
        QVERIFY(PdTest::writeFile(dir.filePath(QStringLiteral("sub/.hidden/bad.yaml")),
                                  "kind: Dashboard\nspec: ["));
        QVERIFY(PdTest::writeFile(dir.filePath(QStringLiteral("values.yaml")), "replicas: 3\n"));
        QVERIFY(PdTest::writeFile(dir.filePath(QStringLiteral("chart.yml")),
                                  "image: {{ .Values.image }\n"));
        QVERIFY(PdTest::writeFile(dir.filePath(QStringLiteral("notes.txt")), "kind: Dashboard\n"));
        const Run quiet = run({QStringLiteral("lint"), dir.path()});
        QCOMPARE(quiet.exitCode, 0);
        QCOMPARE(quiet.out, QStringLiteral("0 errors, 0 warnings in 1 file (2 skipped)\n"));
        const Run verbose = run({QStringLiteral("lint"), QStringLiteral("--verbose"), dir.path()});
        QVERIFY(verbose.out.contains(dir.filePath(QStringLiteral("values.yaml")) +
                                     QStringLiteral(": skipped: no Perses resource in it")));
        QVERIFY(verbose.out.contains(dir.filePath(QStringLiteral("chart.yml")) +
                                     QStringLiteral(": skipped: not JSON or YAML")));
    }

    void brokenPersesFileInAFolderIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(PdTest::writeFile(dir.filePath(QStringLiteral("d.yaml")),
                                  "kind: Dashboard\nmetadata:\n  name: [x\n"));
        const Run r = run({QStringLiteral("lint"), dir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QStringLiteral("[syntax]")));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no path") << QStringList{QStringLiteral("lint")} << "no PATH given";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("lint"), QStringLiteral("--fast"), QStringLiteral(".")}
            << "unknown option '--fast'";
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("lint"), QStringLiteral("--format"),
                           QStringLiteral("xml"), QStringLiteral(".")}
            << "unknown format 'xml'";
        QTest::newRow("missing path")
            << QStringList{QStringLiteral("lint"), QStringLiteral("/nonexistent/x.yaml")}
            << "/nonexistent/x.yaml: no such file or directory";
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << "unknown command 'frobnicate'";
        // No display in the test's environment: the window cannot open and says how to render.
        QTest::newRow("no command") << QStringList{} << "perses-desktop render FILE";
        QTest::newRow("fmt no path") << QStringList{QStringLiteral("fmt")} << "no PATH given";
        const QString example = QStringLiteral(PD_TEST_DATA_DIR "/gui/panels.json");
        QTest::newRow("render no out")
            << QStringList{QStringLiteral("render"), example} << "no --out file given";
        QTest::newRow("render bad out")
            << QStringList{QStringLiteral("render"), example, QStringLiteral("--out"),
                           QStringLiteral("x.gif")}
            << "--out must end in .png, .svg or .pdf, got 'x.gif'";
        QTest::newRow("render bad theme")
            << QStringList{QStringLiteral("render"),  example,
                           QStringLiteral("--theme"), QStringLiteral("blue"),
                           QStringLiteral("--out"),   QStringLiteral("x.png")}
            << "unknown theme 'blue' (expected light or dark)";
        QTest::newRow("render bad size")
            << QStringList{QStringLiteral("render"), example,
                           QStringLiteral("--size"), QStringLiteral("10x"),
                           QStringLiteral("--out"),  QStringLiteral("x.png")}
            << "--size expects WxH in pixels (50 to 16384), got '10x'";
        QTest::newRow("render unknown panel")
            << QStringList{QStringLiteral("render"),  example,
                           QStringLiteral("--panel"), QStringLiteral("nope"),
                           QStringLiteral("--out"),   QStringLiteral("x.png")}
            << "no panel 'nope' in the layouts of dashboard 'gui-panels'";
        QTest::newRow("plugins argument")
            << QStringList{QStringLiteral("plugins"), QStringLiteral("extra")}
            << "unexpected argument 'extra'";
        QTest::newRow("window unknown option")
            << QStringList{QStringLiteral("--frob"), QStringLiteral("x")}
            << "unknown option '--frob x'";
    }

    // A dashboard without queries draws and exits 0, as PNG, SVG and PDF, at the asked size
    // and with the panel's title and text in it.
    void renderWritesImages_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QByteArray>("magic");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("png") << QStringLiteral("png") << QByteArray("\x89PNG") << QByteArray();
        QTest::newRow("svg") << QStringLiteral("svg") << QByteArray("<?xml")
                             << QByteArray("Notes for Lab");
        QTest::newRow("pdf") << QStringLiteral("pdf") << QByteArray("%PDF")
                             << QByteArray("/MediaBox [0 0 400.000000 300.000000]");
    }

    void renderWritesImages()
    {
        QFETCH(QString, suffix);
        QFETCH(QByteArray, magic);
        QFETCH(QByteArray, content);
        const QString out = m_dir.filePath(QStringLiteral("markdown.") + suffix);
        const Run r =
            run({QStringLiteral("render"), QStringLiteral(PD_TEST_DATA_DIR "/gui/panels.json"),
                 QStringLiteral("--panel"), QStringLiteral("markdown"), QStringLiteral("--size"),
                 QStringLiteral("400x300"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, out + QStringLiteral(": 400x300\n"));
        const QByteArray bytes = PdTest::readFile(out);
        QVERIFY(bytes.startsWith(magic));
        if (!content.isEmpty()) {
            QVERIFY2(bytes.contains(content), content.constData());
            return;
        }
        const QImage image(out);
        QCOMPARE(image.size(), QSize(400, 300));
        QVERIFY(inkPixels(image, QRect(8, 8, 80, 16), true, 0.4) > 60);       // title "markdown"
        QVERIFY(inkPixels(image, QRect(12, 30, 140, 24), true, 0.4) > 300);   // "Notes for Lab"
        QVERIFY(inkPixels(image, QRect(200, 150, 180, 130), true, 0.9) == 0); // nothing below
        const QColor link = image.pixelColor(60, 105);
        int blue = 0;
        for (int x = 52; x < 88; ++x)
            for (int y = 99; y < 112; ++y)
                blue += image.pixelColor(x, y).blue() > image.pixelColor(x, y).red() + 60;
        QVERIFY2(blue > 20, qPrintable(link.name())); // the link in the link colour
    }

    // --theme dark: a dark panel with light text.
    void renderDarkTheme()
    {
        const QString out = m_dir.filePath(QStringLiteral("dark.png"));
        const Run r =
            run({QStringLiteral("render"), QStringLiteral(PD_TEST_DATA_DIR "/gui/panels.json"),
                 QStringLiteral("--panel"), QStringLiteral("markdown"), QStringLiteral("--size"),
                 QStringLiteral("400x300"), QStringLiteral("--theme"), QStringLiteral("dark"),
                 QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        const QImage image(out);
        QCOMPARE(image.size(), QSize(400, 300));
        QVERIFY2(image.pixelColor(300, 200).lightnessF() < 0.2,
                 qPrintable(image.pixelColor(300, 200).name()));
        QVERIFY(inkPixels(image, QRect(12, 30, 140, 24), false, 0.6) > 300); // light heading
    }

    // A query against a datasource that is down: the image is written, the exit code is 1
    // and the panel is named with its error.
    void renderReportsFailedQueries()
    {
        const QString out = m_dir.filePath(QStringLiteral("down.png"));
        const Run r =
            run({QStringLiteral("render"), QStringLiteral(PD_TEST_DATA_DIR "/gui/panels.json"),
                 QStringLiteral("--panel"), QStringLiteral("timeseries"),
                 QStringLiteral("--datasource"), QStringLiteral("test=http://127.0.0.1:1"),
                 QStringLiteral("--timeout"), QStringLiteral("10"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("perses-desktop render: timeseries: Query 1: ")),
                 qPrintable(r.err));
        // The error is drawn on the panel in the error colour, in place of a chart.
        const QImage image(out);
        QVERIFY(!image.isNull());
        int red = 0;
        for (int y = 40; y < image.height() - 10; ++y)
            for (int x = 10; x < image.width() - 10; ++x)
                red += image.pixelColor(x, y).red() > image.pixelColor(x, y).green() + 80;
        QVERIFY2(red > 200, qPrintable(QString::number(red)));
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void missingPathWinsOverFindings()
    {
        const Run r = run({QStringLiteral("lint"), rule("variable-duplicate.yaml"),
                           QStringLiteral("/nonexistent")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains(QStringLiteral("[variable-duplicate]")));
    }

    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("lint")));
        const Run lintHelp = run({QStringLiteral("lint"), QStringLiteral("--help")});
        QCOMPARE(lintHelp.exitCode, 0);
        QVERIFY(lintHelp.out.startsWith(QStringLiteral("usage: perses-desktop lint")));
        QVERIFY(
            run({QStringLiteral("--version")}).out.startsWith(QStringLiteral("perses-desktop ")));
    }

    void fmtCheckListsFilesThatWouldChange()
    {
        QTemporaryDir dir;
        const QString messy = dir.filePath(QStringLiteral("messy.json"));
        const QByteArray original =
            R"({"spec": {"layouts": [], "panels": {}}, "metadata": {"name": "m"}, "kind": "Dashboard"})";
        QVERIFY(PdTest::writeFile(messy, original));
        const Run check = run({QStringLiteral("fmt"), QStringLiteral("--check"), dir.path()});
        QCOMPARE(check.exitCode, 1);
        QCOMPARE(check.out, messy + QLatin1Char('\n'));
        QCOMPARE(PdTest::readFile(messy), original); // --check writes nothing

        const Run format = run({QStringLiteral("fmt"), messy});
        QCOMPARE(format.exitCode, 0);
        QCOMPARE(PdTest::readFile(messy), QByteArray(R"({
  "kind": "Dashboard",
  "metadata": {
    "name": "m"
  },
  "spec": {
    "panels": {},
    "layouts": []
  }
}
)"));
        const Run again = run({QStringLiteral("fmt"), QStringLiteral("--check"), messy});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.isEmpty());
    }

    void fmtFormatsYamlAndKeepsComments()
    {
        QTemporaryDir dir;
        const QString yaml = dir.filePath(QStringLiteral("d.yaml"));
        QVERIFY(PdTest::writeFile(
            yaml, "spec:\n  layouts: []\n  panels: {}\nkind: Dashboard\nmetadata: {name: d}\n"));
        QCOMPARE(run({QStringLiteral("fmt"), yaml}).exitCode, 0);
        QCOMPARE(
            PdTest::readFile(yaml),
            QByteArray(
                "kind: Dashboard\nmetadata:\n  name: d\nspec:\n  panels: {}\n  layouts: []\n"));

        const QString commented = dir.filePath(QStringLiteral("c.yaml"));
        const QByteArray withComment = "# owned by team-a\nspec: {panels: {}, layouts: []}\nkind: "
                                       "Dashboard\nmetadata: {name: c}\n";
        QVERIFY(PdTest::writeFile(commented, withComment));
        const Run r = run({QStringLiteral("fmt"), commented});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("has YAML comments")));
        QCOMPARE(PdTest::readFile(commented), withComment);
    }

    // A v1alpha1 custom resource (the spec inline) is linted as the dashboard it holds and
    // formatted in its own shape and version: the Perses spec ordered in place, no config.
    void customResourcesOfBothVersionsLintAndFormat()
    {
        QTemporaryDir dir;
        const QString v1 = dir.filePath(QStringLiteral("v1.yaml"));
        QVERIFY(PdTest::writeFile(v1, "apiVersion: perses.dev/v1alpha1\nkind: PersesDashboard\n"
                                      "metadata: {name: cpu, namespace: monitoring}\n"
                                      "spec:\n  layouts: []\n  duration: 1h\n  panels: {}\n"));
        const Run lint = run({QStringLiteral("lint"), v1});
        QCOMPARE(lint.exitCode, 0);
        QVERIFY2(lint.out.contains(QStringLiteral("0 errors, 0 warnings")), qPrintable(lint.out));
        QCOMPARE(run({QStringLiteral("fmt"), v1}).exitCode, 0);
        QCOMPARE(PdTest::readFile(v1),
                 QByteArray("apiVersion: perses.dev/v1alpha1\nkind: PersesDashboard\nmetadata:\n"
                            "  name: cpu\n  namespace: monitoring\nspec:\n  panels: {}\n"
                            "  layouts: []\n  duration: 1h\n"));
        // v1alpha2: under spec.config, a wrong duration found at its own line.
        const QString v2 = dir.filePath(QStringLiteral("v2.yaml"));
        QVERIFY(PdTest::writeFile(
            v2, "apiVersion: perses.dev/v1alpha2\nkind: PersesDashboard\n"
                "metadata: {name: cpu, namespace: monitoring}\n"
                "spec:\n  config:\n    duration: 1x\n    panels: {}\n    layouts: []\n"));
        const Run bad = run({QStringLiteral("lint"), v2});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.out.contains(v2 + QStringLiteral(":6:15: error:")), qPrintable(bad.out));
    }

    void fmtRefusesBrokenFiles()
    {
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("b.json"));
        QVERIFY(PdTest::writeFile(broken, "{\"kind\": \"Dashboard\", \"spec\": "));
        const Run r = run({QStringLiteral("fmt"), broken});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("[syntax]")));
    }

    void bundledExamplesAreCleanAndCanonical()
    {
        const QString examples = QStringLiteral(PD_SOURCE_DIR "/resources/examples");
        const Run lint =
            run({QStringLiteral("lint"), QStringLiteral("--warnings-as-errors"), examples});
        QCOMPARE(lint.exitCode, 0);
        QCOMPARE(lint.out, QStringLiteral("0 errors, 0 warnings in 4 files (0 skipped)\n"));
        QCOMPARE(run({QStringLiteral("fmt"), QStringLiteral("--check"), examples}).exitCode, 0);
    }

    void conformanceCorpus()
    {
        const Run dashboards = run(
            {QStringLiteral("lint"),
             PdTest::conformance(QStringLiteral("dashboards/dev-data__perses__NodeExporter.json")),
             PdTest::conformance(QStringLiteral("dashboards/dev-data__testing__Variables.json"))});
        QCOMPARE(dashboards.exitCode, 0);
        const Run invalid =
            run({QStringLiteral("lint"), PdTest::conformance(QStringLiteral("resources/invalid"))});
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY(invalid.out.contains(
            QStringLiteral("invalid value \"www.datasource.com\" (out of bound")));
        QVERIFY(invalid.out.contains(QStringLiteral("1 error, 0 warnings in 1 file (1 skipped)")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
