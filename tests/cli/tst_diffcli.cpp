// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "clirun.h"
#include "testgitrepository.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// `perses-desktop diff`, and REV:PATH in lint, query and render, run as a user runs them on
// real files and real repositories built through libgit2.
namespace {

std::string dashboard(const std::string &title, int cpuX = 0)
{
    return "kind: Dashboard\nmetadata:\n  name: node\n  project: demo\nspec:\n  duration: 1h\n"
           "  panels:\n    cpu:\n      kind: Panel\n      spec:\n        display:\n"
           "          name: " +
           title +
           "\n        plugin:\n          kind: TimeSeriesChart\n          spec: {}\n"
           "        queries:\n          - kind: TimeSeriesQuery\n            spec:\n"
           "              plugin:\n                kind: PrometheusTimeSeriesQuery\n"
           "                spec:\n                  query: rate(node_cpu_seconds_total[5m])\n"
           "  layouts:\n    - kind: Grid\n      spec:\n        items:\n          - x: " +
           std::to_string(cpuX) +
           "\n            y: 0\n            width: 12\n            height: 8\n"
           "            content:\n              $ref: \"#/spec/panels/cpu\"\n";
}

// The same dashboard as JSON, keys in another order.
std::string dashboardJson()
{
    return PdTest::readText(PdTest::testData(QStringLiteral("diff/node-reordered.json")));
}

QString path(const QTemporaryDir &dir, const char *name)
{
    return dir.filePath(QLatin1String(name));
}

void write(const QString &file, const std::string &content)
{
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(content.data(), qint64(content.size()));
}

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

} // namespace

class TestDiffCli : public QObject
{
    Q_OBJECT

private slots:
    void equalFilesExitZeroEvenAcrossFormats()
    {
        QTemporaryDir dir;
        write(path(dir, "a.yaml"), dashboard("CPU"));
        write(path(dir, "b.json"), dashboardJson());
        const PdTest::CliRun run =
            PdTest::runCli({QStringLiteral("diff"), path(dir, "a.yaml"), path(dir, "b.json")});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, QString());
        QCOMPARE(run.exitCode, 0);
        const PdTest::CliRun json =
            PdTest::runCli({QStringLiteral("diff"), path(dir, "a.yaml"), path(dir, "b.json"),
                            QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json.value(QStringLiteral("changes")).toArray().size(), 0);
    }

    void changedFilesExitOneWithTheChangeList()
    {
        QTemporaryDir dir;
        write(path(dir, "a.yaml"), dashboard("CPU"));
        write(path(dir, "b.yaml"), dashboard("CPU busy", 12));
        const QStringList files{path(dir, "a.yaml"), path(dir, "b.yaml")};
        const PdTest::CliRun json = PdTest::runCli(QStringList{QStringLiteral("diff")} + files +
                                                   QStringList{QStringLiteral("--format=json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonArray changes = json.json.value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 2);
        const QJsonObject title = changes[0].toObject();
        QCOMPARE(title.value(QStringLiteral("op")).toString(), QStringLiteral("change"));
        QCOMPARE(title.value(QStringLiteral("path")).toString(),
                 QStringLiteral("/spec/panels/cpu/spec/display/name"));
        QCOMPARE(title.value(QStringLiteral("panel")).toString(), QStringLiteral("cpu"));
        QCOMPARE(title.value(QStringLiteral("old")).toString(), QStringLiteral("CPU"));
        QCOMPARE(title.value(QStringLiteral("new")).toString(), QStringLiteral("CPU busy"));
        const QJsonObject move = changes[1].toObject();
        QCOMPARE(move.value(QStringLiteral("op")).toString(), QStringLiteral("move"));
        QCOMPARE(move.value(QStringLiteral("path")).toString(),
                 QStringLiteral("/spec/layouts/0/spec/items/0"));
        QCOMPARE(move.value(QStringLiteral("old")).toObject().value(QStringLiteral("x")).toInt(),
                 0);
        QCOMPARE(move.value(QStringLiteral("new")).toObject().value(QStringLiteral("x")).toInt(),
                 12);

        const PdTest::CliRun text = PdTest::runCli(QStringList{QStringLiteral("diff")} + files);
        QCOMPARE(text.exitCode, 1);
        QCOMPARE(text.out,
                 QStringLiteral("--- %1\n+++ %2\n"
                                "~ panel cpu: spec.display.name: CPU{+ busy+}\n"
                                "^ panel cpu: moved from x=0 y=0 w=12 h=8 to x=12 y=0 w=12 h=8\n")
                     .arg(files[0], files[1]));

        const PdTest::CliRun markdown =
            PdTest::runCli(QStringList{QStringLiteral("diff")} + files +
                           QStringList{QStringLiteral("--format"), QStringLiteral("markdown")});
        QCOMPARE(markdown.exitCode, 1);
        QVERIFY2(markdown.out.contains(QStringLiteral("1 panel changed, 1 panel moved.")),
                 qPrintable(markdown.out));
        QVERIFY2(markdown.out.contains(QStringLiteral("| change | panel cpu | `spec.display.name`: "
                                                      "<code>CPU<ins> busy</ins></code> |")),
                 qPrintable(markdown.out));
    }

    void usageErrorsAndUnreadableInputExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("nothing to compare");
        QTest::newRow("three") << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                              QStringLiteral("c")}
                               << QStringLiteral("too many operands");
        QTest::newRow("format") << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                               QStringLiteral("--format"), QStringLiteral("xml")}
                                << QStringLiteral("unknown format 'xml'");
        QTest::newRow("missing") << QStringList{QStringLiteral("/nonexistent/a.yaml"),
                                                QStringLiteral("/nonexistent/b.yaml")}
                                 << QStringLiteral("no such file");
    }
    void usageErrorsAndUnreadableInputExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const PdTest::CliRun run = PdTest::runCli(QStringList{QStringLiteral("diff")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void revisionsOfARepository()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        PdTest::TestGitRepository repo(root);
        repo.write("dashboards/node.yaml", dashboard("CPU"));
        repo.write("dashboards/same.json", dashboardJson());
        repo.write("README.md", "notes\n");
        repo.write("package.json", "{\"name\": \"tools\"}\n"); // JSON that is not ours
        repo.commit("start");
        repo.write("dashboards/node.yaml", dashboard("CPU busy"));
        // A rename that converts JSON to YAML with the same content: no change to report.
        repo.remove("dashboards/same.json");
        repo.write("dashboards/same.yaml", dashboard("CPU"));
        repo.write("dashboards/extra.yaml",
                   "kind: GlobalDatasource\nmetadata:\n  name: prom\nspec:\n  plugin:\n"
                   "    kind: PrometheusDatasource\n    spec:\n      directUrl: http://a:9090\n");
        repo.write("README.md", "more notes\n");
        repo.write("package.json", "{\"name\": \"tools\", \"version\": \"2\"}\n");
        repo.commit("retitle and convert");
        repo.write("dashboards/node.yaml", dashboard("CPU time"));

        const QString repoArg = QStringLiteral("--repo=") + dir.path();
        // REV:PATH against REV:PATH.
        const PdTest::CliRun revisions = PdTest::runCli(
            {QStringLiteral("diff"), repoArg, QStringLiteral("HEAD~1:dashboards/node.yaml"),
             QStringLiteral("HEAD:dashboards/node.yaml"), QStringLiteral("--format=json")});
        QCOMPARE(revisions.exitCode, 1);
        QCOMPARE(revisions.json.value(QStringLiteral("changes")).toArray().size(), 1);

        // A range: every Perses file changed, one object a file, unchanged conversions left out.
        const PdTest::CliRun range =
            PdTest::runCli({QStringLiteral("diff"), repoArg, QStringLiteral("HEAD~1..HEAD"),
                            QStringLiteral("--format=json")});
        QCOMPARE(range.exitCode, 1);
        const QJsonArray files = jsonArray(range.out);
        QStringList names;
        for (const QJsonValue &file : files)
            names << file.toObject().value(QStringLiteral("file")).toString();
        QCOMPARE(names, (QStringList{QStringLiteral("dashboards/extra.yaml"),
                                     QStringLiteral("dashboards/node.yaml")}));
        const QJsonObject added =
            files[0].toObject().value(QStringLiteral("changes")).toArray()[0].toObject();
        QCOMPARE(added.value(QStringLiteral("op")).toString(), QStringLiteral("add"));
        QCOMPARE(added.value(QStringLiteral("path")).toString(), QString());
        QCOMPARE(added.value(QStringLiteral("resource")).toString(),
                 QStringLiteral("GlobalDatasource prom"));

        // REV.. is REV..HEAD; the same revision twice is no change.
        QCOMPARE(
            PdTest::runCli({QStringLiteral("diff"), repoArg, QStringLiteral("HEAD~1..")}).exitCode,
            1);
        QCOMPARE(PdTest::runCli({QStringLiteral("diff"), repoArg, QStringLiteral("HEAD..HEAD")})
                     .exitCode,
                 0);

        // FILE alone: the working copy against HEAD.
        const PdTest::CliRun working =
            PdTest::runCli({QStringLiteral("diff"), repoArg,
                            dir.filePath(QStringLiteral("dashboards/node.yaml"))});
        QCOMPARE(working.exitCode, 1);
        QVERIFY2(working.out.contains(QStringLiteral("+++ ") +
                                      dir.filePath(QStringLiteral("dashboards/node.yaml"))),
                 qPrintable(working.out));
        QVERIFY(working.out.contains(QStringLiteral("--- HEAD:dashboards/node.yaml\n")));
        QVERIFY(working.out.contains(QStringLiteral("[-busy-]{+time+}")));

        const PdTest::CliRun unknown =
            PdTest::runCli({QStringLiteral("diff"), repoArg, QStringLiteral("v9..HEAD")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("unknown revision 'v9'")),
                 qPrintable(unknown.err));
    }

    void renderDrawsChangedPanelsBeforeAndAfter()
    {
        QTemporaryDir dir;
        write(path(dir, "a.yaml"), dashboard("CPU"));
        write(path(dir, "b.yaml"), dashboard("Processor time"));
        const QString images = dir.filePath(QStringLiteral("images"));
        const PdTest::CliRun run = PdTest::runCli(
            {QStringLiteral("diff"), path(dir, "a.yaml"), path(dir, "b.yaml"),
             QStringLiteral("--render"), images, QStringLiteral("--timeout"), QStringLiteral("5"),
             QStringLiteral("--size"), QStringLiteral("400x200")});
        QCOMPARE(run.exitCode, 1);
        const QImage before(images + QStringLiteral("/cpu.before.png"));
        const QImage after(images + QStringLiteral("/cpu.after.png"));
        QCOMPARE(before.size(), QSize(400, 200));
        QCOMPARE(after.size(), QSize(400, 200));
        // The titles differ: the title row is drawn differently, the rest of the frame alike.
        const QRect titleRow(0, 0, 300, 30);
        QVERIFY(before.copy(titleRow) != after.copy(titleRow));
        QVERIFY2(run.err.contains(images + QStringLiteral("/cpu.after.png: 400x200")),
                 qPrintable(run.err));
        // Only the changed panel is drawn.
        QCOMPARE(QDir(images).entryList(QDir::Files).size(), 2);
    }

    void renderAndQueryReadRevisions()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("node.yaml", dashboard("Old title"));
        repo.commit("one");
        repo.write("node.yaml", dashboard("New title"));
        repo.commit("two");
        const QString repoArg = QStringLiteral("--repo=") + dir.path();
        const QString image = dir.filePath(QStringLiteral("old.svg"));
        const PdTest::CliRun render = PdTest::runCli(
            {QStringLiteral("render"), repoArg, QStringLiteral("HEAD~1:node.yaml"),
             QStringLiteral("--out"), image, QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(render.exitCode, 1); // no datasource: the query fails, the image is drawn
        QFile svg(image);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray drawn = svg.readAll();
        QVERIFY(drawn.contains("Old title"));
        QVERIFY(!drawn.contains("New title"));

        const PdTest::CliRun query =
            PdTest::runCli({QStringLiteral("query"), repoArg, QStringLiteral("HEAD:node.yaml"),
                            QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(query.exitCode, 1);
        QVERIFY2(query.err.contains(QStringLiteral("No datasource found")) ||
                     query.out.contains(QStringLiteral("No datasource found")),
                 qPrintable(query.err + query.out));
        const PdTest::CliRun unknown =
            PdTest::runCli({QStringLiteral("render"), repoArg, QStringLiteral("v9:node.yaml"),
                            QStringLiteral("--out"), image});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("unknown revision 'v9'")),
                 qPrintable(unknown.err));
    }

    void malformedRevisionGivesItsPosition()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("node.yaml", "kind: Dashboard\nmetadata:\n  name: node\nspec: [unclosed\n");
        repo.commit("broken");
        repo.write("node.yaml", dashboard("CPU"));
        repo.commit("fixed");
        const QString repoArg = QStringLiteral("--repo=") + dir.path();
        const PdTest::CliRun diff =
            PdTest::runCli({QStringLiteral("diff"), repoArg, QStringLiteral("HEAD~1:node.yaml"),
                            QStringLiteral("HEAD:node.yaml")});
        QCOMPARE(diff.exitCode, 2);
        QVERIFY2(diff.err.startsWith(QStringLiteral("HEAD~1:node.yaml:5:1: error")),
                 qPrintable(diff.err));

        // lint reads revisions the same way and names them in its output.
        const PdTest::CliRun lint =
            PdTest::runCli({QStringLiteral("lint"), repoArg, QStringLiteral("HEAD~1:node.yaml"),
                            QStringLiteral("HEAD:node.yaml")});
        QCOMPARE(lint.exitCode, 1);
        QVERIFY2(lint.out.startsWith(QStringLiteral("HEAD~1:node.yaml:5:1: error")),
                 qPrintable(lint.out));
        QVERIFY2(lint.out.contains(QStringLiteral("\n1 error, ")), qPrintable(lint.out));
        const PdTest::CliRun clean =
            PdTest::runCli({QStringLiteral("lint"), repoArg, QStringLiteral("HEAD:")});
        QCOMPARE(clean.exitCode, 0);
        QVERIFY2(clean.out.contains(QStringLiteral("in 1 file")), qPrintable(clean.out));
    }
};

QTEST_GUILESS_MAIN(TestDiffCli)
#include "tst_diffcli.moc"
