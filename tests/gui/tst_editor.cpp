// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "cli/windowarguments.h"
#include "codeeditor.h"
#include "dashboardview.h"
#include "datasourceeditor.h"
#include "draftstore.h"
#include "editorpage.h"
#include "editorwait.h"
#include "findbar.h"
#include "gridgeometry.h"
#include "mainwindow.h"
#include "panelframe.h"
#include "prometheustestserver.h"
#include "specform.h"
#include "testpaths.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QTreeWidget>

#include <csignal>
#include <iostream>

// Edit mode driven as a person would, on real files: live validation, the stale preview,
// saving (and saving with errors), drafts that survive a SIGKILL, changes on disk, --edit.
namespace {

const QByteArray dashboard = "kind: Dashboard\n"
                             "metadata:\n"
                             "  name: edited\n"
                             "  project: tests\n"
                             "spec:\n"
                             "  # the range the dashboard opens with\n"
                             "  duration: 1h\n"
                             "  panels:\n"
                             "    notes:\n"
                             "      kind: Panel\n"
                             "      spec:\n"
                             "        display:\n"
                             "          name: Notes\n"
                             "        plugin:\n"
                             "          kind: Markdown\n"
                             "          spec:\n"
                             "            text: hello\n"
                             "  layouts:\n"
                             "    - kind: Grid\n"
                             "      spec:\n"
                             "        items:\n"
                             "          - x: 0\n"
                             "            \"y\": 0\n"
                             "            width: 12\n"
                             "            height: 6\n"
                             "            content:\n"
                             "              $ref: \"#/spec/panels/notes\"\n";

// Replaces the first `from` in the editor as typing would (one undoable edit).
void replaceText(Pd::Gui::CodeEditor *editor, const QString &from, const QString &to)
{
    QTextCursor found = editor->document()->find(from);
    QVERIFY2(!found.isNull(), qPrintable(from));
    found.insertText(to);
}

// Answers the next message box with `button`, looking for it without blocking (its own
// event loop runs above the caller's); the text it showed is kept.
class BoxAnswerer : public QObject
{
public:
    explicit BoxAnswerer(QMessageBox::StandardButton button)
        : m_button(button)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            text = box->text();
            box->button(m_button)->click();
            m_timer.stop();
        });
        m_timer.start(10);
    }
    QString text;

private:
    QMessageBox::StandardButton m_button;
    QTimer m_timer;
};

} // namespace

class TestEditor : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
        m_file = m_dir.filePath(QStringLiteral("edited.yaml"));
        QVERIFY(PdTest::writeFile(m_file, dashboard));
        Pd::Gui::DraftStore::remove(m_file);
    }

    void typingAnErrorShowsItAtItsLineAndFixingItClearsIt()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        QVERIFY(page.preview());
        replaceText(page.codeEditor(), QStringLiteral("duration: 1h"),
                    QStringLiteral("duration: 1x"));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 1);
        QTreeWidget *problems = page.problems();
        QCOMPARE(problems->topLevelItemCount(), 1);
        QCOMPARE(problems->topLevelItem(0)->text(0), QStringLiteral("error"));
        QCOMPARE(problems->topLevelItem(0)->text(1), QStringLiteral("7:13"));
        QVERIFY2(problems->topLevelItem(0)->text(2).contains(QStringLiteral("1x")),
                 qPrintable(problems->topLevelItem(0)->text(2)));
        QCOMPARE(page.codeEditor()->messagesAt(7).size(), 1);
        QVERIFY(page.codeEditor()->messagesAt(6).isEmpty());
        // A click on the problem puts the cursor there.
        page.codeEditor()->goTo(1, 1);
        emit problems->itemActivated(problems->topLevelItem(0), 0);
        QCOMPARE(page.codeEditor()->textCursor().blockNumber() + 1, 7);
        QCOMPARE(page.codeEditor()->textCursor().positionInBlock() + 1, 13);

        replaceText(page.codeEditor(), QStringLiteral("duration: 1x"),
                    QStringLiteral("duration: 6h"));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        QCOMPARE(problems->topLevelItemCount(), 0);
        QVERIFY(page.codeEditor()->messagesAt(7).isEmpty());
    }

    void textThatDoesNotParseKeepsTheLastValidDashboard()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        // Guarded: a view built again may take the old one's address.
        const QPointer<Pd::Gui::DashboardView> before = page.preview();
        QVERIFY(before);
        replaceText(page.codeEditor(), QStringLiteral("  panels:"), QStringLiteral("  panels: ["));
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(page.isStale());
        QVERIFY(before); // kept, not rebuilt
        QCOMPARE(page.preview(), before.data());
        QCOMPARE(page.lastValid()->metadata.name, std::string("edited"));
        replaceText(page.codeEditor(), QStringLiteral("  panels: ["), QStringLiteral("  panels:"));
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(!page.isStale());
        // A comment edit is no change to the dashboard: its view stays.
        replaceText(page.codeEditor(), QStringLiteral("# the range"),
                    QStringLiteral("# The range"));
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(before);
        QCOMPARE(page.preview(), before.data());
        // A title edit is: the view is built again from the new text.
        replaceText(page.codeEditor(), QStringLiteral("name: Notes"),
                    QStringLiteral("name: Notes 2"));
        QVERIFY(PdTest::waitValidated(page));
        QTRY_VERIFY(before.isNull()); // once typing pauses
        QVERIFY(page.preview());
    }

    // Dragging a panel's title moves it on the grid: only the layout item's x changes in the
    // text; dragging its corner resizes it: only its height. Each is one undo step.
    void draggingAPanelRewritesOnlyItsLayoutLines()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.resize(1400, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(PdTest::waitValidated(page));
        Pd::Gui::DashboardView *preview = page.preview();
        QVERIFY(preview);
        Pd::Gui::PanelFrame *frame = preview->frame("notes");
        QVERIFY(frame);
        const Pd::GridGeometry grid(preview->viewport()->width());
        const int step = int(std::lround(grid.columnWidth() + Pd::GridGeometry::margin));
        // The mouse moves on the screen; the frame follows it, so each event is placed
        // relative to where the frame is then.
        auto at = [](QWidget *widget, QPoint global) { return widget->mapFromGlobal(global); };
        const QPoint title = frame->mapToGlobal(QPoint(40, 10));
        QTest::mousePress(frame, Qt::LeftButton, {}, at(frame, title));
        QTest::mouseMove(frame, at(frame, title + QPoint(step, 0)));
        QTest::mouseMove(frame, at(frame, title + QPoint(2 * step, 2)));
        QTest::mouseRelease(frame, Qt::LeftButton, {}, at(frame, title + QPoint(2 * step, 2)));
        QByteArray moved = dashboard;
        moved.replace("          - x: 0\n", "          - x: 2\n");
        const QString afterMove = page.codeEditor()->toPlainText();
        QVERIFY2(afterMove == QString::fromUtf8(moved), qPrintable(afterMove.right(200)));
        QVERIFY(PdTest::waitValidated(page));
        const QPointer<Pd::Gui::DashboardView> old = preview;
        QTRY_VERIFY(old.isNull()); // drawn again from the patched text

        frame = page.preview()->frame("notes");
        const QPoint corner = frame->mapToGlobal(QPoint(frame->width() - 4, frame->height() - 4));
        QTest::mousePress(frame, Qt::LeftButton, {}, at(frame, corner));
        QTest::mouseMove(frame, at(frame, corner + QPoint(0, 20)));
        QTest::mouseRelease(frame, Qt::LeftButton, {}, at(frame, corner + QPoint(0, 40)));
        QByteArray resized = moved;
        resized.replace("            height: 6\n", "            height: 7\n");
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(resized));

        page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(moved));
        page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(dashboard));
    }

    // Ctrl+Space on a new line offers the fields the object there may take and does not have
    // (a panel's display: its description), and after "kind:" of a plugin the kinds that fit.
    void completionOffersTheFieldsOfAPluginSpec()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        Pd::Gui::CodeEditor *editor = page.codeEditor();
        QTextCursor cursor = editor->document()->find(QStringLiteral("name: Notes"));
        cursor.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(cursor);
        QTest::keyClick(editor, Qt::Key_Return); // keeps the spec's indentation
        QVERIFY(PdTest::waitValidated(page));
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QCompleter *completer = editor->completer();
        QVERIFY(completer->popup()->isVisible());
        QStringList offered;
        for (int row = 0; row < completer->model()->rowCount(); ++row)
            offered << completer->model()->index(row, 0).data().toString();
        QVERIFY2(offered.contains(QStringLiteral("description")) &&
                     !offered.contains(QStringLiteral("name")),
                 qPrintable(offered.join(u',')));
        // Choosing one writes it as a key.
        emit completer->activated(offered.first());
        QVERIFY2(
            editor->textCursor().block().text().endsWith(offered.first() + QStringLiteral(": ")),
            qPrintable(editor->textCursor().block().text()));

        // After a panel plugin's "kind:", panel kinds.
        QTextCursor kind = editor->document()->find(QStringLiteral("kind: Markdown"));
        kind.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(kind);
        for (int i = 0; i < 8; ++i)
            QTest::keyClick(editor, Qt::Key_Backspace); // "kind: " left
        QVERIFY(PdTest::waitValidated(page));
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QStringList kinds;
        for (int row = 0; row < completer->model()->rowCount(); ++row)
            kinds << completer->model()->index(row, 0).data().toString();
        QVERIFY2(kinds.contains(QStringLiteral("TimeSeriesChart")) &&
                     kinds.contains(QStringLiteral("Markdown")),
                 qPrintable(kinds.join(u',')));
        QVERIFY(!kinds.contains(QStringLiteral("PrometheusTimeSeriesQuery")));
    }

    void findAndReplace()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(PdTest::waitValidated(page));
        Pd::Gui::CodeEditor *editor = page.codeEditor();
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_H, Qt::ControlModifier);
        Pd::Gui::FindBar *bar = page.findBar();
        QVERIFY(bar->isVisible());
        bar->findField()->setText(QStringLiteral("Notes"));
        QVERIFY(bar->find()); // any case: the panel's key first
        QCOMPARE(editor->textCursor().selectedText(), QStringLiteral("notes"));
        QCOMPARE(editor->textCursor().blockNumber() + 1, 9);
        QTest::keyClick(editor, Qt::Key_F3);
        QCOMPARE(editor->textCursor().selectedText(), QStringLiteral("Notes"));
        QCOMPARE(editor->textCursor().blockNumber() + 1, 13);
        bar->findField()->setText(QStringLiteral(": 0"));
        bar->replaceField()->setText(QStringLiteral(": 1"));
        QCOMPARE(bar->replaceAll(), 2); // x and "y"
        QVERIFY(editor->toPlainText().contains(QStringLiteral("- x: 1\n            \"y\": 1\n")));
        editor->undo(); // Replace All is one step
        QCOMPARE(editor->toPlainText(), QString::fromUtf8(dashboard));
        bar->findField()->setText(QStringLiteral("nowhere to be found"));
        QVERIFY(!bar->find());
    }

    void deletingAPanelTakesOutItsTextAndItsLayoutItem()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        Pd::Gui::PanelFrame *frame = page.preview()->frame("notes");
        QAction *remove = nullptr;
        for (QAction *action : frame->findChildren<QAction *>()) {
            if (action->text() == QStringLiteral("Delete Panel"))
                remove = action;
        }
        QVERIFY(remove && remove->isVisible());
        remove->trigger();
        const QString text = page.codeEditor()->toPlainText();
        QVERIFY2(!text.contains(QStringLiteral("notes")) && !text.contains(QStringLiteral("$ref")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("  # the range the dashboard opens with\n"))); // kept
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        QCOMPARE(page.lastValid()->spec.panels.size(), std::size_t(0));
        page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(dashboard));
    }

    void duplicatingAndAddingPanels()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.duplicatePanel(QStringLiteral("notes")), QStringLiteral("notes_copy"));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        const Pd::Model::Dashboard &copied = *page.lastValid();
        QCOMPARE(copied.spec.panels.size(), std::size_t(2));
        QCOMPARE(copied.spec.panels.at(1).id, std::string("notes_copy"));
        QCOMPARE(copied.spec.panels.at(1).display.name, std::string("Notes"));
        const Pd::Model::GridItem &item = copied.spec.layouts.at(0).items.at(1);
        QCOMPARE(item.panelId, std::string("notes_copy"));
        QCOMPARE(item.y, 6); // below the original
        QCOMPARE(item.width, 12);
        // The text before the new panel is as it was: the comment, the quoting.
        QVERIFY(page.codeEditor()->toPlainText().startsWith(
            QString::fromUtf8(dashboard.left(dashboard.indexOf("  layouts:")))));

        QCOMPARE(page.addPanel(QStringLiteral("Markdown")), QStringLiteral("panel"));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.lastValid()->spec.panels.size(), std::size_t(3));
        QCOMPARE(page.lastValid()->spec.panels.at(2).plugin.kind, std::string("Markdown"));
        QCOMPARE(page.lastValid()->spec.layouts.at(0).items.at(2).y, 12);
        page.codeEditor()->undo();
        page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(dashboard));
    }

    void editingAPanelsTitleDescriptionAndKind()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(page.setPanelDisplay(QStringLiteral("notes"), QStringLiteral("Release notes"),
                                     QStringLiteral("What changed, and when"),
                                     QStringLiteral("Markdown")));
        QByteArray expected = dashboard;
        expected.replace(
            "          name: Notes\n",
            "          name: Release notes\n          description: What changed, and when\n");
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(expected));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.lastValid()->spec.panels.at(0).display.description,
                 std::string("What changed, and when"));
        // Another kind: the kind changes, the spec stays and is checked against the new kind.
        QVERIFY(page.setPanelDisplay(QStringLiteral("notes"), QStringLiteral("Release notes"),
                                     QStringLiteral("What changed, and when"),
                                     QStringLiteral("StatChart")));
        QVERIFY(page.codeEditor()->toPlainText().contains(QStringLiteral("kind: StatChart\n")));
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(page.errorCount() > 0); // a StatChart has no "text"; it needs a calculation
        page.codeEditor()->undo();
        page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(dashboard));
    }

    // The dashboard's datasources through the Datasources… dialog: one added (the map made),
    // then moved behind the server's proxy, each a minimal patch that validates; the picker
    // then offers it first.
    void addingAndEditingDashboardDatasources()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        page.editDatasources();
        auto *editor = page.findChild<Pd::Gui::DatasourceEditor *>();
        QVERIFY(editor);
        QCOMPARE(editor->list()->count(), 0);
        editor->addDatasource();
        QCOMPARE(editor->list()->count(), 1);
        QVERIFY(editor->defaultField()->isChecked()); // the first is the default
        editor->nameField()->clear();
        QTest::keyClicks(editor->nameField(), QStringLiteral("local"));
        QCOMPARE(editor->list()->item(0)->text(), QStringLiteral("local"));
        auto *url = editor->pluginForm()->findChild<QLineEdit *>(QStringLiteral("directUrl"));
        QVERIFY(url);
        url->setText(QStringLiteral("http://127.0.0.1:9090"));
        editor->pluginForm()
            ->findChild<QLineEdit *>(QStringLiteral("scrapeInterval"))
            ->setText(QStringLiteral("30s"));
        editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        QVERIFY2(page.codeEditor()->toPlainText().contains(QStringLiteral(
                     "  datasources:\n    local:\n      default: true\n      plugin:\n"
                     "        kind: PrometheusDatasource\n        spec:\n"
                     "          directUrl: http://127.0.0.1:9090\n"
                     "          scrapeInterval: 30s\n")),
                 qPrintable(page.codeEditor()->toPlainText()));
        // The dashboard's own first (other tests leave datasources beside the file).
        QCOMPARE(page.prometheusDatasourceChoices().value(0), QStringLiteral("local · dashboard"));
        QCOMPARE(page.resolvedDatasource({}), QStringLiteral("local, defined at dashboard scope"));

        // Through the server's proxy instead: directUrl goes, proxy comes, nothing doubled.
        page.editDatasources();
        editor = page.findChild<Pd::Gui::DatasourceEditor *>();
        QVERIFY(editor);
        QCOMPARE(editor->list()->count(), 1);
        QCOMPARE(editor->nameField()->text(), QStringLiteral("local"));
        editor->pluginForm()->findChild<QLineEdit *>(QStringLiteral("directUrl"))->clear();
        editor->pluginForm()
            ->findChild<QComboBox *>(QStringLiteral("proxy.kind"))
            ->setCurrentText(QStringLiteral("HTTPProxy"));
        editor->pluginForm()
            ->findChild<QLineEdit *>(QStringLiteral("proxy.spec.url"))
            ->setText(QStringLiteral("http://127.0.0.1:9091"));
        editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        const QString text = page.codeEditor()->toPlainText();
        QVERIFY2(text.count(QStringLiteral("    local:\n")) == 1, qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("directUrl")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("          proxy:\n            kind: HTTPProxy\n"
                                              "            spec:\n"
                                              "              url: http://127.0.0.1:9091\n")),
                 qPrintable(text));
        QCOMPARE(page.lastValid()->spec.datasources.size(), std::size_t(1));

        // Removed: the map goes with it, and the text is as it was.
        page.editDatasources();
        editor = page.findChild<Pd::Gui::DatasourceEditor *>();
        QVERIFY(editor);
        editor->removeSelected();
        editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(dashboard));
    }

    // Inside a query, Ctrl+Space offers the metric names of the query's Prometheus, then inside
    // braces its label names: asked once (a real Prometheus), cached, never blocking typing.
    void completionOfPromQLFromTheQuerysDatasource()
    {
        PrometheusTestServer prometheus;
        const QString problem = prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Pd::DatasourceOverrides overrides;
        QVERIFY(!overrides.addFromArgument("prom=" + prometheus.url().toStdString()));
        const QString file = m_dir.filePath(QStringLiteral("query.yaml"));
        QVERIFY(PdTest::writeFile(
            file,
            "kind: Dashboard\nmetadata:\n  name: q\n  project: tests\nspec:\n  panels:\n"
            "    cpu:\n      kind: Panel\n      spec:\n        display:\n          name: CPU\n"
            "        plugin:\n          kind: TimeSeriesChart\n          spec: {}\n"
            "        queries:\n          - kind: TimeSeriesQuery\n            spec:\n"
            "              plugin:\n                kind: PrometheusTimeSeriesQuery\n"
            "                spec:\n                  query: pd_te\n  layouts:\n"
            "    - kind: Grid\n      spec:\n        items:\n          - x: 0\n"
            "            \"y\": 0\n            width: 12\n            height: 6\n"
            "            content:\n              $ref: \"#/spec/panels/cpu\"\n"));
        Pd::Gui::EditorPage page(file, overrides);
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QTRY_VERIFY(page.preview());
        Pd::Gui::CodeEditor *editor = page.codeEditor();
        QTextCursor cursor = editor->document()->find(QStringLiteral("query: pd_te"));
        cursor.clearSelection();
        editor->setTextCursor(cursor); // the cursor after "pd_te"
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QCompleter *completer = editor->completer();
        QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible(), 20000);
        QCOMPARE(completer->currentCompletion(), QStringLiteral("pd_temperature_celsius"));
        completer->popup()->hide();

        // Label names inside braces.
        cursor = editor->document()->find(QStringLiteral("query: pd_te"));
        cursor.insertText(QStringLiteral("query: pd_temperature_celsius{"));
        QVERIFY(PdTest::waitValidated(page));
        editor->setTextCursor(cursor);
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible(), 20000);
        QStringList labels;
        for (int row = 0; row < completer->model()->rowCount(); ++row)
            labels << completer->model()->index(row, 0).data().toString();
        QVERIFY2(labels.contains(QStringLiteral("__name__")), qPrintable(labels.join(u',')));
    }

    // Settings written in place: the duration replaced, a refresh interval and a display name
    // (with the display object it needs) added; the comment stays.
    void dashboardSettings()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(page.setDashboardSettings({QStringLiteral("edited"), QStringLiteral("Edited board"),
                                           QStringLiteral("6h"), QStringLiteral("30s"),
                                           QStringLiteral("Europe/Paris")}));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        const Pd::Model::Dashboard &dashboard = *page.lastValid();
        QCOMPARE(dashboard.spec.display.name, std::string("Edited board"));
        QCOMPARE(dashboard.spec.duration, std::string("6h"));
        QCOMPARE(dashboard.spec.refreshInterval, std::string("30s"));
        QCOMPARE(dashboard.spec.timezone, std::string("Europe/Paris"));
        const QString text = page.codeEditor()->toPlainText();
        QVERIFY(text.contains(
            QStringLiteral("  # the range the dashboard opens with\n  duration: 6h\n")));
        QVERIFY2(text.contains(QStringLiteral("  refreshInterval: 30s\n")), qPrintable(text));
        page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(::dashboard));
    }

    void newDashboardFromScratch()
    {
        Pd::Gui::MainWindow window({});
        window.show();
        const QString folder = m_dir.filePath(QStringLiteral("team-a"));
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + QStringLiteral("/latency.yaml");
        QCOMPARE(window.createDashboard(file, QStringLiteral("latency"), QStringLiteral("team-a")),
                 std::nullopt);
        Pd::Gui::EditorPage *page = window.currentEditor();
        QVERIFY(page);
        QCOMPARE(page->file(), file);
        QVERIFY(PdTest::waitValidated(*page));
        QCOMPARE(page->errorCount(), 0); // clean for lint
        QCOMPARE(page->lastValid()->metadata.project, std::string("team-a"));
        // A panel added to it goes into its group.
        QCOMPARE(page->addPanel(QStringLiteral("Markdown")), QStringLiteral("panel"));
        QVERIFY(PdTest::waitValidated(*page));
        QCOMPARE(page->lastValid()->spec.layouts.at(0).items.size(), std::size_t(1));
        // Never over an existing file.
        QVERIFY(window.createDashboard(file, QStringLiteral("latency"), QStringLiteral("team-a")));
    }

    void groupsAddedRenamedMovedAndDeleted()
    {
        QByteArray twoGroups = dashboard;
        twoGroups.replace("  layouts:\n    - kind: Grid\n      spec:\n",
                          "  layouts:\n    - kind: Grid\n      spec:\n        display:\n"
                          "          title: Top\n");
        twoGroups += "    - kind: Grid # the second group\n      spec:\n        display:\n"
                     "          title: Bottom\n        items: []\n";
        QVERIFY(PdTest::writeFile(m_file, twoGroups));
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        auto titles = [&page] {
            QStringList list;
            for (const Pd::Model::GridLayout &layout : page.lastValid()->spec.layouts)
                list << QString::fromStdString(layout.title.value_or("-"));
            return list;
        };
        QVERIFY(page.addGroup(QStringLiteral("Extra")));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(titles(), (QStringList{QStringLiteral("Top"), QStringLiteral("Bottom"),
                                        QStringLiteral("Extra")}));
        QVERIFY(page.renameGroup(0, QStringLiteral("First")));
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(page.moveGroup(0, 1));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(titles(), (QStringList{QStringLiteral("Bottom"), QStringLiteral("First"),
                                        QStringLiteral("Extra")}));
        QVERIFY(page.codeEditor()->toPlainText().contains(
            QStringLiteral("- kind: Grid # the second group")));
        QVERIFY(page.deleteGroup(2));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(titles(), (QStringList{QStringLiteral("Bottom"), QStringLiteral("First")}));
        QCOMPARE(page.errorCount(), 0);
        // Collapsible and closed when the dashboard opens, then open, then fixed again.
        using GroupEdit = Pd::Gui::DashboardView::GroupEdit;
        QVERIFY(page.setGroupCollapse(0, GroupEdit::ClosedAtStart));
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY2(page.codeEditor()->toPlainText().contains(
                     QStringLiteral("          title: Bottom\n          collapse:\n"
                                    "            open: false\n")),
                 qPrintable(page.codeEditor()->toPlainText()));
        QVERIFY(page.lastValid()->spec.layouts.at(0).collapsible);
        QVERIFY(!page.lastValid()->spec.layouts.at(0).open);
        QVERIFY(page.setGroupCollapse(0, GroupEdit::OpenAtStart));
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(page.lastValid()->spec.layouts.at(0).open);
        QVERIFY(page.setGroupCollapse(0, GroupEdit::Fixed));
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(!page.lastValid()->spec.layouts.at(0).collapsible);
        QVERIFY(!page.codeEditor()->toPlainText().contains(QStringLiteral("collapse")));
        QCOMPARE(page.errorCount(), 0);
        for (int i = 0; i < 7; ++i)
            page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(twoGroups));
    }

    void foldingHidesABlockAndShowsItAgain()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        Pd::Gui::CodeEditor *editor = page.codeEditor();
        QVERIFY(!editor->canFold(1)); // kind: Dashboard
        QVERIFY(editor->canFold(8));  // panels:
        editor->toggleFold(8);
        QVERIFY(editor->isFolded(8));
        auto visible = [editor](int line) {
            return editor->document()->findBlockByNumber(line - 1).isVisible();
        };
        QVERIFY(visible(8));
        QVERIFY(!visible(9));  // notes:
        QVERIFY(!visible(17)); // text: hello
        QVERIFY(visible(18));  // layouts: (a sibling of panels)
        // A list item folds its own lines only.
        QVERIFY(editor->canFold(19)); // - kind: Grid
        editor->toggleFold(8);
        QVERIFY(!editor->isFolded(8));
        QVERIFY(visible(9) && visible(17));
        QCOMPARE(editor->toPlainText(), QString::fromUtf8(dashboard)); // the text is untouched
    }

    void variablesAddedAndDeleted()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        // The dashboard has no variables list yet: it is made.
        QCOMPARE(page.addVariable({}), QStringLiteral("var"));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        QCOMPARE(page.addVariable(QStringLiteral("PrometheusLabelValuesVariable")),
                 QStringLiteral("var_2"));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.lastValid()->spec.variables.size(), std::size_t(2));
        QCOMPARE(page.lastValid()->spec.variables.at(1).kind, Pd::Model::VariableKind::List);
        QVERIFY(page.errorCount() > 0); // its plugin spec is still to be written: the label name
        QVERIFY(page.deleteVariable(QStringLiteral("var_2")));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        QCOMPARE(page.lastValid()->spec.variables.size(), std::size_t(1));
        QVERIFY(!page.deleteVariable(QStringLiteral("nothing")));
        for (int i = 0; i < 3; ++i)
            page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(dashboard));
    }

    void savingIsAtomicAndUndoReturnsTheExactText()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        const QString original = page.codeEditor()->toPlainText();
        replaceText(page.codeEditor(), QStringLiteral("text: hello"),
                    QStringLiteral("text: hello world"));
        QVERIFY(page.isModified());
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(page.save());
        QVERIFY(!page.isModified());
        QByteArray expected = dashboard;
        expected.replace("text: hello", "text: hello world");
        QCOMPARE(PdTest::readFile(m_file),
                 expected); // the comment and quoting elsewhere kept byte for byte
        page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), original);
        QVERIFY(page.isModified());
    }

    void savingWithErrorsAsksFirst()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        replaceText(page.codeEditor(), QStringLiteral("duration: 1h"),
                    QStringLiteral("duration: soon"));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 1);
        {
            BoxAnswerer cancel(QMessageBox::Cancel);
            QVERIFY(!page.save());
            QVERIFY2(cancel.text.contains(QStringLiteral("1 error")), qPrintable(cancel.text));
        }
        QCOMPARE(PdTest::readFile(m_file), dashboard); // not written
        {
            BoxAnswerer save(QMessageBox::Save);
            QVERIFY(page.save());
        }
        QVERIFY(PdTest::readFile(m_file).contains("duration: soon"));
    }

    // A place that cannot be written (here a folder that does not exist: permissions do not
    // stop root, who runs CI) says why, offers another place, and keeps the text.
    void unwritablePlaceSaysWhyAndKeepsTheText()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        replaceText(page.codeEditor(), QStringLiteral("text: hello"), QStringLiteral("text: bye"));
        const QString nowhere = m_dir.filePath(QStringLiteral("missing/edited.yaml"));
        BoxAnswerer cancel(QMessageBox::Cancel);
        QVERIFY(!page.saveAs(nowhere));
        QVERIFY2(cancel.text.contains(QStringLiteral("cannot be written")) &&
                     cancel.text.contains(QStringLiteral("Save it somewhere else?")),
                 qPrintable(cancel.text));
        QVERIFY(page.isModified());
        QCOMPARE(page.file(), m_file);
        QVERIFY(page.codeEditor()->toPlainText().contains(QStringLiteral("text: bye")));
        QVERIFY(!QFile::exists(nowhere));
    }

    // A real process edits, keeps its draft and is killed with SIGKILL; the next editor of the
    // file offers the draft back.
    void draftSurvivesSigkill()
    {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_STATE_HOME"),
                           m_dir.filePath(QStringLiteral("state")));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--draft-child"), m_file});
        QVERIFY(child.waitForStarted());
        QByteArray said;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (said += child.readAllStandardOutput()).contains("draft kept"),
            qPrintable(QString::fromUtf8(said + child.readAllStandardError())), 30000);
        child.kill(); // SIGKILL: no destructor, no cleanup runs
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QCOMPARE(PdTest::readFile(m_file), dashboard); // never saved

        Pd::Gui::EditorPage page(m_file, {});
        BoxAnswerer restore(QMessageBox::Yes);
        page.show();
        QTRY_VERIFY(page.codeEditor()->toPlainText().contains(
            QStringLiteral("text: typed before the kill")));
        QVERIFY2(restore.text.contains(QStringLiteral("unsaved changes")),
                 qPrintable(restore.text));
        QVERIFY(page.isModified());
        // One undo returns the file's text.
        page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(dashboard));
    }

    void changeOnDiskUnderUnsavedEditsOffersReloadOrKeepMine()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        replaceText(page.codeEditor(), QStringLiteral("text: hello"), QStringLiteral("text: mine"));
        QByteArray theirs = dashboard;
        theirs.replace("name: Notes", "name: Their notes");
        QVERIFY(PdTest::writeFile(m_file, theirs));
        QTRY_VERIFY_WITH_TIMEOUT(page.externalChangeBar()->isVisible(), 10000);
        QVERIFY(page.codeEditor()->toPlainText().contains(QStringLiteral("text: mine"))); // kept
        page.reloadFromDisk();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(theirs));
        QVERIFY(!page.isModified());
        QVERIFY(!page.externalChangeBar()->isVisible());
        // Undo brings the edits back.
        page.codeEditor()->undo();
        QVERIFY(page.codeEditor()->toPlainText().contains(QStringLiteral("text: mine")));
    }

    void changeOnDiskWithoutEditsIsTaken()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QByteArray theirs = dashboard;
        theirs.replace("text: hello", "text: from git checkout");
        // As git checkout does: a new file renamed over the old one.
        QVERIFY(PdTest::writeFile(m_file + QStringLiteral(".new"), theirs));
        QFile::remove(m_file);
        QFile::rename(m_file + QStringLiteral(".new"), m_file);
        QTRY_COMPARE_WITH_TIMEOUT(page.codeEditor()->toPlainText(), QString::fromUtf8(theirs),
                                  10000);
        QVERIFY(!page.externalChangeBar()->isVisible());
    }

    void editArgumentOpensAtLintsPosition()
    {
        Pd::Cli::WindowArguments arguments;
        QVERIFY(
            !Pd::Cli::parseWindowArguments({"--edit", m_file.toStdString() + ":7:13"}, arguments));
        QCOMPARE(arguments.editFile, m_file.toStdString());
        QCOMPARE(arguments.editLine, 7);
        QCOMPARE(arguments.editColumn, 13);
        QVERIFY(Pd::Cli::parseWindowArguments({"--edit", "/nonexistent.yaml:3"}, arguments));

        Pd::Gui::MainWindow window({});
        window.show();
        Pd::Gui::EditorPage *page = window.edit(QString::fromStdString(arguments.editFile),
                                                arguments.editLine, arguments.editColumn);
        QVERIFY(page);
        QCOMPARE(window.currentEditor(), page);
        QCOMPARE(page->codeEditor()->textCursor().blockNumber() + 1, 7);
        QCOMPARE(page->codeEditor()->textCursor().positionInBlock() + 1, 13);
        QTRY_VERIFY(page->codeEditor()->hasFocus());
    }

    void cleanup() { QSettings().remove(QStringLiteral("editMode")); }

private:
    QTemporaryDir m_dir;
    QString m_file;
};

// The child of draftSurvivesSigkill: edits, keeps a draft, says so, and waits to be killed.
int draftChild(int argc, char **argv)
{
    QApplication app(argc, argv);
    Pd::importBuiltinPlugins();
    Pd::Gui::EditorPage page(QString::fromLocal8Bit(argv[2]), {});
    QTextCursor found = page.codeEditor()->document()->find(QStringLiteral("text: hello"));
    found.insertText(QStringLiteral("text: typed before the kill"));
    page.writeDraft();
    std::cout << "draft kept" << std::endl;
    return app.exec();
}

int main(int argc, char **argv)
{
    if (argc > 2 && std::string_view(argv[1]) == "--draft-child")
        return draftChild(argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("perses-desktop-tests"));
    Pd::importBuiltinPlugins();
    TestEditor test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_editor.moc"
