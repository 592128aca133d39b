// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "codeeditor.h"
#include "dashboardview.h"
#include "datasourceeditor.h"
#include "draftstore.h"
#include "editorfixture.h"
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

// Edit mode's visual edits on real files, each written back into the text as the fewest
// changes: dragging panels, deleting, duplicating and adding them, the panel, datasource and
// settings dialogs, groups and variables, and completion of spec fields and PromQL.
namespace {

using PdTest::BoxAnswerer;
using PdTest::dashboard;
using PdTest::replaceText;

} // namespace

class TestVisualEdits : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_edited.reset(QStringLiteral("edited.yaml"), dashboard));
        m_file = m_edited.path;
    }

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
        const QString file = m_edited.dir.filePath(QStringLiteral("query.yaml"));
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
        const QString folder = m_edited.dir.filePath(QStringLiteral("team-a"));
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

    void cleanup() { QSettings().remove(QStringLiteral("editMode")); }

private:
    PdTest::EditedFile m_edited;
    QString m_file;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("perses-desktop-tests"));
    Pd::importBuiltinPlugins();
    TestVisualEdits test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_visualedits.moc"
