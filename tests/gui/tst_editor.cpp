// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "cli/windowarguments.h"
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

#include <csignal>
#include <iostream>

// Edit mode driven as a person would, on real files: live validation, find and folding,
// saving (and saving with errors), drafts that survive a SIGKILL, changes on disk, --edit.
// The visual edits are in tst_visualedits.
namespace {

using PdTest::BoxAnswerer;
using PdTest::dashboard;
using PdTest::replaceText;

} // namespace

class TestEditor : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_edited.reset(QStringLiteral("edited.yaml"), dashboard));
        m_file = m_edited.path;
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
        const QString nowhere = m_edited.dir.filePath(QStringLiteral("missing/edited.yaml"));
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
                           m_edited.dir.filePath(QStringLiteral("state")));
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
    PdTest::EditedFile m_edited;
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
