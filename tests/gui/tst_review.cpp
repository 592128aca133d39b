// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "changeset.h"
#include "dashboardview.h"
#include "historydialog.h"
#include "mainwindow.h"
#include "panelframe.h"
#include "resourcebrowser.h"
#include "reviewwindow.h"
#include "testgitrepository.h"
#include "timerangepicker.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

// The review window on a real repository built through libgit2, offline (no datasource answers:
// panels say so and the window keeps working).
namespace {

using Pd::Gui::ReviewWindow;
using Op = Pd::ResourceChange::Op;

std::string panel(const std::string &id, const std::string &title, const std::string &query)
{
    return "    " + id +
           ":\n      kind: Panel\n      spec:\n        display:\n          name: " + title +
           "\n        plugin:\n          kind: TimeSeriesChart\n          spec: {}\n"
           "        queries:\n          - kind: TimeSeriesQuery\n            spec:\n"
           "              plugin:\n                kind: PrometheusTimeSeriesQuery\n"
           "                spec:\n                  query: " +
           query + "\n";
}

std::string item(const std::string &id, int x, int y)
{
    return "          - x: " + std::to_string(x) + "\n            y: " + std::to_string(y) +
           "\n            width: 12\n            height: 8\n            content:\n"
           "              $ref: \"#/spec/panels/" +
           id + "\"\n";
}

struct Edits
{
    std::map<std::string, std::string> titles;
    std::map<std::string, std::string> queries;
    std::map<std::string, int> x;
    std::set<std::string> removed;
    bool addFresh = false;
};

// Ten panels one above the other: the last ones are far below the first screen.
std::string dashboard(const std::string &name, const std::string &duration, const Edits &edits = {})
{
    std::string panels;
    std::string items;
    int y = 0;
    if (edits.addFresh) {
        panels += panel("fresh", "Fresh", "up");
        items += item("fresh", 0, y);
        y += 8;
    }
    for (int i = 0; i < 10; ++i) {
        const std::string id = "p" + std::to_string(i);
        if (edits.removed.contains(id))
            continue;
        const auto title = edits.titles.find(id);
        const auto query = edits.queries.find(id);
        const auto x = edits.x.find(id);
        panels +=
            panel(id, title == edits.titles.end() ? "Panel " + std::to_string(i) : title->second,
                  query == edits.queries.end() ? "metric_" + std::to_string(i) : query->second);
        items += item(id, x == edits.x.end() ? 0 : x->second, y);
        y += 8;
    }
    return "kind: Dashboard\nmetadata:\n  name: " + name +
           "\n  project: review\nspec:\n  duration: " + duration + "\n  panels:\n" + panels +
           "  layouts:\n    - kind: Grid\n      spec:\n        items:\n" + items;
}

bool isInViewport(Pd::Gui::DashboardView *view, Pd::Gui::PanelFrame *frame)
{
    const QRect area(frame->mapTo(view->viewport(), QPoint(0, 0)), frame->size());
    return view->viewport()->rect().intersects(area);
}

} // namespace

class TestReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Pd::importBuiltinPlugins();
        QVERIFY(m_dir.isValid());
        PdTest::TestGitRepository repo(m_dir.path().toStdString());
        repo.write("dashboards/a.yaml", dashboard("a", "1h"));
        repo.write("dashboards/b.yaml", dashboard("b", "1h"));
        repo.commit("start");
        Edits edits;
        edits.titles["p1"] = "Panel one, retitled";
        edits.queries["p9"] = "rate(metric_9[5m])";
        edits.x["p3"] = 12;
        edits.removed.insert("p2");
        edits.addFresh = true;
        repo.write("dashboards/a.yaml", dashboard("a", "1h", edits));
        repo.write("dashboards/b.yaml", dashboard("b", "6h"));
        repo.commit("review me");
    }

    void changedDashboardsAndTheirChanges()
    {
        ReviewWindow window(changes(), {});
        window.show();
        QCOMPARE(window.itemCount(), 2);
        QCOMPARE(window.itemList()->item(0)->text(),
                 QStringLiteral("dashboards/a.yaml (7 changes)"));
        QCOMPARE(window.itemList()->item(1)->text(),
                 QStringLiteral("dashboards/b.yaml (1 change)"));
        QTreeWidget *list = window.changeList();
        QStringList rows;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            rows << list->topLevelItem(i)->text(0) + QStringLiteral(" | ") +
                        list->topLevelItem(i)->text(1);
        // p0 and p1 moved down below `fresh`: moves in the file, and listed as such.
        QVERIFY2(rows.contains(QStringLiteral("~ change | panel p1")),
                 qPrintable(rows.join(u'\n')));
        QVERIFY(rows.contains(QStringLiteral("+ add | panel fresh")));
        QVERIFY(rows.contains(QStringLiteral("- remove | panel p2")));
        QVERIFY(rows.contains(QStringLiteral("~ change | panel p9")));
        QVERIFY(rows.contains(QStringLiteral("^ move | panel p3")));
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            const QString op = list->topLevelItem(i)->text(0);
            const Op expected = op.endsWith(QStringLiteral("add"))      ? Op::Add
                                : op.endsWith(QStringLiteral("remove")) ? Op::Remove
                                : op.endsWith(QStringLiteral("move"))   ? Op::Move
                                                                        : Op::Change;
            QCOMPARE(list->topLevelItem(i)->foreground(0).color(),
                     ReviewWindow::colourFor(expected));
        }
    }

    void changedPanelsAreOutlinedOnBothSides()
    {
        ReviewWindow window(changes(), {});
        window.show();
        Pd::Gui::DashboardView *before = window.beforeView();
        Pd::Gui::DashboardView *after = window.afterView();
        QVERIFY(before && after);
        QCOMPARE(after->frame("p1")->outline(), ReviewWindow::colourFor(Op::Change));
        QCOMPARE(after->frame("fresh")->outline(), ReviewWindow::colourFor(Op::Add));
        QCOMPARE(after->frame("p9")->outline(), ReviewWindow::colourFor(Op::Change));
        QCOMPARE(after->frame("p3")->outline(), ReviewWindow::colourFor(Op::Change).isValid()
                                                    ? after->frame("p3")->outline()
                                                    : QColor());
        QCOMPARE(before->frame("p2")->outline(), ReviewWindow::colourFor(Op::Remove));
        QCOMPARE(before->frame("p1")->outline(), ReviewWindow::colourFor(Op::Change));
        QVERIFY(!before->frame("fresh"));
        QVERIFY(!after->frame("p2"));
        // An unchanged panel that stayed in place has no outline.
        QVERIFY(!before->frame("p5")->outline().isValid());
        QVERIFY(!after->frame("p5")->outline().isValid());
        // The outline is drawn: the frame's corner pixel takes the colour.
        const QImage image = after->frame("fresh")->grab().toImage();
        const QColor edge = image.pixelColor(image.width() / 2, 1);
        QVERIFY2(qAbs(edge.green() - ReviewWindow::colourFor(Op::Add).green()) < 40 &&
                     edge.red() < 120,
                 qPrintable(edge.name()));
    }

    void choosingAChangeScrollsBothVersionsToIt()
    {
        ReviewWindow window(changes(), {});
        window.resize(1400, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Pd::Gui::DashboardView *before = window.beforeView();
        Pd::Gui::DashboardView *after = window.afterView();
        QTRY_VERIFY(!isInViewport(after, after->frame("p9")));
        QVERIFY(!isInViewport(before, before->frame("p9")));
        QTreeWidget *list = window.changeList();
        int row = -1;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(1) == QStringLiteral("panel p9"))
                row = i;
        }
        QVERIFY(row >= 0);
        list->setCurrentItem(list->topLevelItem(row)); // as a click does
        QTRY_VERIFY(isInViewport(after, after->frame("p9")));
        QVERIFY(isInViewport(before, before->frame("p9")));
        QVERIFY(after->verticalScrollBar()->value() > 0);
    }

    void oneTimeRangeDrivesBothSides()
    {
        ReviewWindow window(changes(), {});
        window.show();
        window.timeRangePicker()->setRange(QStringLiteral("now-3h"), QStringLiteral("now"));
        const Pd::TimeRange before = window.beforeView()->timeRange();
        const Pd::TimeRange after = window.afterView()->timeRange();
        QCOMPARE(after.durationMs(), std::int64_t(3) * 3600 * 1000);
        QCOMPARE(before.fromMs, after.fromMs);
        QCOMPARE(before.toMs, after.toMs);
    }

    // The trees the versions' datasources come from are read before the window opens (the
    // main window does it off the GUI thread): the two revisions', once each.
    void surroundingsAreReadBeforehand()
    {
        std::unique_ptr<Pd::ChangeSet> set = changes();
        const ReviewWindow::SurroundingsByRoot found = ReviewWindow::readSurroundings(*set);
        QStringList roots;
        for (const auto &[root, surroundings] : found)
            roots << QString::fromStdString(root);
        QCOMPARE(roots, (QStringList{QStringLiteral("HEAD:"), QStringLiteral("HEAD~1:")}));
    }

    void walkingTheChangedDashboards()
    {
        ReviewWindow window(changes(), {});
        window.show();
        window.showItem(1);
        QCOMPARE(window.currentItem(), 1);
        QCOMPARE(window.afterView()->dashboard().metadata.name, std::string("b"));
        QCOMPARE(window.beforeView()->dashboard().metadata.name, std::string("b"));
        QCOMPARE(window.changeList()->topLevelItemCount(), 1);
        QCOMPARE(window.changeList()->topLevelItem(0)->text(2), QStringLiteral("\"1h\" → \"6h\""));
        // The duration of the new version sets the range both sides query.
        const Pd::TimeRange range = window.afterView()->timeRange();
        QCOMPARE(range.durationMs(), std::int64_t(6) * 3600 * 1000);
        window.showItem(5); // past the end: stays
        QCOMPARE(window.currentItem(), 1);
    }

    void mainWindowOpensRevisionsReadOnly()
    {
        Pd::Gui::MainWindow main({});
        main.setRepository(m_dir.path());
        QVERIFY(main.open(QStringLiteral("HEAD~1:dashboards/a.yaml")));
        Pd::Gui::DashboardView *view = main.currentView();
        QVERIFY(view);
        QCOMPARE(view->dashboard().spec.panels.at(1).id, std::string("p1"));
        QCOMPARE(view->dashboard().spec.panels.at(1).display.name, std::string("Panel 1"));
        QVERIFY2(main.windowTitle().contains(QStringLiteral("HEAD~1:dashboards/a.yaml")),
                 qPrintable(main.windowTitle()));
        // A whole tree at a revision: every dashboard in it.
        Pd::Gui::MainWindow tree({});
        tree.setRepository(m_dir.path());
        QVERIFY(tree.open(QStringLiteral("HEAD:")));
        QCOMPARE(tree.findChild<QListWidget *>()->count(), 2);
    }

    void panelHistoryFromThePanelMenu()
    {
        Pd::Gui::MainWindow main({});
        main.setRepository(m_dir.path());
        QVERIFY(main.open(m_dir.filePath(QStringLiteral("dashboards/a.yaml"))));
        main.show();
        Pd::Gui::PanelFrame *frame = main.currentView()->frame("p1");
        QVERIFY(frame);
        QAction *history = nullptr;
        for (QAction *action : frame->findChildren<QAction *>()) {
            if (action->text() == QStringLiteral("History…"))
                history = action;
        }
        QVERIFY(history);
        QVERIFY(history->isVisible());
        QSignalSpy opened(&main, &Pd::Gui::MainWindow::historyOpened);
        history->trigger();
        QCOMPARE(opened.size(), 1);
        auto *dialog =
            qobject_cast<Pd::Gui::HistoryDialog *>(opened.at(0).at(0).value<QWidget *>());
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isLoaded());
        QTreeWidget *commits = dialog->commitList();
        QCOMPARE(commits->topLevelItemCount(), 2);
        QCOMPARE(commits->topLevelItem(0)->text(3), QStringLiteral("review me"));
        QCOMPARE(commits->topLevelItem(1)->text(3), QStringLiteral("start"));
        // "review me" retitled p1 and moved it down below the new panel.
        QCOMPARE(commits->topLevelItem(0)->childCount(), 2);
        QCOMPARE(commits->topLevelItem(1)->child(0)->text(0), QStringLiteral("add"));
        // The file's whole history from the File menu: both commits, with all their changes.
        QSignalSpy fileHistory(&main, &Pd::Gui::MainWindow::historyOpened);
        main.findChild<QListWidget *>()->setCurrentRow(0);
        for (QAction *action : main.findChildren<QAction *>()) {
            if (action->text().remove(u'&') == QStringLiteral("File History…"))
                action->trigger();
        }
        QCOMPARE(fileHistory.size(), 1);
        auto *whole =
            qobject_cast<Pd::Gui::HistoryDialog *>(fileHistory.at(0).at(0).value<QWidget *>());
        QVERIFY(whole);
        QTRY_VERIFY(whole->isLoaded());
        QCOMPARE(whole->commitList()->topLevelItemCount(), 2);
        QCOMPARE(whole->commitList()->topLevelItem(0)->childCount(), 7);
        whole->close();
        // The first version opens read-only beside the file's.
        emit dialog->openRequested(commits->topLevelItem(1)->data(0, Qt::UserRole).toString());
        QCOMPARE(main.findChild<QListWidget *>()->count(), 2);
        QCOMPARE(main.currentView()->dashboard().spec.panels.at(1).display.name,
                 std::string("Panel 1"));
        dialog->close();
    }

    void browserShowsLintAndGitStatesAndFollowsTheFolder()
    {
        QTemporaryDir dir;
        PdTest::TestGitRepository repo(dir.path().toStdString());
        repo.write("demo/a.yaml", dashboard("a", "1h"));
        repo.write("global/prom.yaml",
                   "kind: GlobalDatasource\nmetadata:\n  name: prom\nspec:\n"
                   "  default: true\n  plugin:\n    kind: PrometheusDatasource\n"
                   "    spec:\n      directUrl: http://127.0.0.1:1\n");
        repo.commit("start");
        repo.write("demo/a.yaml", dashboard("a", "2h"));
        repo.write("demo/broken.yaml",
                   "kind: Dashboard\nmetadata:\n  name: broken\n  project: review\n"
                   "spec:\n  duration: 1x\n  panels: {}\n  layouts: []\n");
        Pd::Gui::MainWindow main({});
        main.show();
        QVERIFY(main.open(dir.path()));
        QVERIFY(main.browser());
        QSignalSpy scanned(main.browser(), &Pd::Gui::ResourceBrowser::scanned);
        QVERIFY(scanned.wait(30000));
        auto find = [&](const QStringList &path) -> QTreeWidgetItem * {
            QTreeWidgetItem *item = main.browser()->tree()->invisibleRootItem();
            for (const QString &text : path) {
                QTreeWidgetItem *next = nullptr;
                for (int i = 0; i < item->childCount(); ++i) {
                    if (item->child(i)->text(0) == text)
                        next = item->child(i);
                }
                if (!next)
                    return nullptr;
                item = next;
            }
            return item;
        };
        QTreeWidgetItem *prom =
            find({QStringLiteral("Global"), QStringLiteral("Datasources"), QStringLiteral("prom")});
        QVERIFY(prom);
        QCOMPARE(prom->text(1), QStringLiteral("✓"));
        QCOMPARE(prom->text(2), QString());
        QTreeWidgetItem *a = find(
            {QStringLiteral("Project review"), QStringLiteral("Dashboards"), QStringLiteral("a")});
        QVERIFY(a);
        QCOMPARE(a->text(2), QStringLiteral("modified"));
        QTreeWidgetItem *broken = find({QStringLiteral("Project review"),
                                        QStringLiteral("Dashboards"), QStringLiteral("broken")});
        QVERIFY(broken);
        QCOMPARE(broken->text(1), QStringLiteral("1 error"));
        QCOMPARE(broken->text(2), QStringLiteral("new"));
        QCOMPARE(main.browser()->summary()->text(),
                 QStringLiteral("Branch main · 3 files · 1 with errors · 2 changed"));

        // Activating a dashboard shows it.
        emit main.browser()->tree()->itemActivated(a, 0);
        QCOMPARE(main.currentView()->dashboard().metadata.name, std::string("a"));

        // A file written meanwhile appears: the folder is watched.
        repo.write("demo/c.yaml", dashboard("c", "1h"));
        QTRY_VERIFY_WITH_TIMEOUT(find({QStringLiteral("Project review"),
                                       QStringLiteral("Dashboards"), QStringLiteral("c")}),
                                 30000);
        QTreeWidgetItem *c = find(
            {QStringLiteral("Project review"), QStringLiteral("Dashboards"), QStringLiteral("c")});
        QCOMPARE(c->text(2), QStringLiteral("new"));
        // And opens when chosen, though the folder was read before it existed.
        emit main.browser()->tree()->itemActivated(c, 0);
        QCOMPARE(main.currentView()->dashboard().metadata.name, std::string("c"));
    }

    void mainWindowOpensAReviewOffTheGuiThread()
    {
        Pd::Gui::MainWindow main({});
        QSignalSpy opened(&main, &Pd::Gui::MainWindow::reviewOpened);
        main.review(m_dir.path(), {QStringLiteral("HEAD~1..HEAD")});
        QVERIFY(opened.wait(30000));
        auto *window = qobject_cast<ReviewWindow *>(opened.takeFirst().at(0).value<QWidget *>());
        QVERIFY(window);
        QCOMPARE(window->itemCount(), 2);
        window->close();

        // The message box comes when the comparison ends: looked for without blocking, since
        // its own event loop runs above this one.
        QString message;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                message = box->text();
                box->close();
            }
        });
        poll.start(20);
        main.review(m_dir.path(), {QStringLiteral("v9..HEAD")});
        QTRY_COMPARE(message, QStringLiteral("unknown revision 'v9'"));
    }

private:
    std::unique_ptr<Pd::ChangeSet> changes()
    {
        auto set = std::make_unique<Pd::ChangeSet>(m_dir.path().toStdString());
        if (auto problem = set->compareOperands({"HEAD~1..HEAD"}))
            qFatal("%s", problem->c_str());
        return set;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestReview)
#include "tst_review.moc"
