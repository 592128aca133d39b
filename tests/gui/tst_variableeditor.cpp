// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "codeeditor.h"
#include "draftstore.h"
#include "editorpage.h"
#include "editorwait.h"
#include "prometheustestserver.h"
#include "specform.h"
#include "testpaths.h"
#include "variableeditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>

// The variable editor driven as a person would, on real files and a real Prometheus: every
// field written back as the fewest edits, and the options the variable resolves to shown as
// it is edited.
namespace {

const QByteArray board = "kind: Dashboard\n"
                         "metadata:\n"
                         "  name: board\n"
                         "  project: tests\n"
                         "spec:\n"
                         "  duration: 1h\n"
                         "  variables:\n"
                         "    # where the temperature is read\n"
                         "    - kind: ListVariable\n"
                         "      spec:\n"
                         "        name: instance\n"
                         "        plugin:\n"
                         "          kind: PrometheusLabelValuesVariable\n"
                         "          spec:\n"
                         "            labelName: instance\n"
                         "            matchers: ['pd_temperature_celsius']\n"
                         "    - kind: TextVariable\n"
                         "      spec:\n"
                         "        name: note\n"
                         "        value: hello # greeting\n"
                         "  panels: {}\n"
                         "  layouts: []\n";

QStringList shownOptions(const Pd::Gui::VariableEditor &editor)
{
    QStringList shown;
    for (int row = 0; row < editor.options()->count(); ++row)
        shown << editor.options()->item(row)->text();
    return shown;
}

// The preview as it is once the edits so far are resolved.
bool waitPreview(Pd::Gui::VariableEditor &editor)
{
    editor.refreshPreview();
    QDeadlineTimer deadline(20000);
    while (!editor.isPreviewDone() && !deadline.hasExpired())
        QTest::qWait(5);
    return editor.isPreviewDone();
}

} // namespace

class TestVariableEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
        const QString problem = m_prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!m_overrides.addFromArgument("prom=" + m_prometheus.url().toStdString()));
    }

    void init()
    {
        m_file = m_dir.filePath(QStringLiteral("board.yaml"));
        QVERIFY(PdTest::writeFile(m_file, board));
        Pd::Gui::DraftStore::remove(m_file);
    }

    // The label's values from Prometheus, then as the capturing regexp, the sort and "All"
    // change them; accepted, those fields are added and the rest of the text stays.
    void listVariableShowsTheOptionsItResolvesTo()
    {
        Pd::Gui::EditorPage page(m_file, m_overrides);
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        page.editVariable(QStringLiteral("instance"));
        auto *editor = page.findChild<Pd::Gui::VariableEditor *>();
        QVERIFY(editor);
        QCOMPARE(editor->kindField()->currentText(), QStringLiteral("List"));
        QCOMPARE(editor->pluginField()->currentText(),
                 QStringLiteral("PrometheusLabelValuesVariable"));
        auto *label = editor->pluginForm()->findChild<QLineEdit *>(QStringLiteral("labelName"));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("instance"));
        QVERIFY(waitPreview(*editor));
        QCOMPARE(shownOptions(*editor),
                 (QStringList{QStringLiteral("host-a"), QStringLiteral("host-b")}));
        QVERIFY2(editor->previewStatus()->text().contains(QStringLiteral("2 option")),
                 qPrintable(editor->previewStatus()->text()));

        editor->capturingRegexpField()->setText(QStringLiteral("host-(.*)"));
        editor->sortField()->setCurrentText(QStringLiteral("alphabetical-desc"));
        editor->allowAllField()->setChecked(true);
        QVERIFY(waitPreview(*editor));
        QCOMPARE(shownOptions(*editor),
                 (QStringList{QStringLiteral("All"), QStringLiteral("host-b (b)"),
                              QStringLiteral("host-a (a)")}));
        // A label no series has: no options, said so.
        label->setText(QStringLiteral("no_such_label"));
        QVERIFY(waitPreview(*editor));
        QCOMPARE(shownOptions(*editor), QStringList{QStringLiteral("All")});
        label->setText(QStringLiteral("instance"));
        editor->accept();

        QByteArray expected = board;
        expected.replace("            matchers: ['pd_temperature_celsius']\n",
                         "            matchers: ['pd_temperature_celsius']\n"
                         "        allowAllValue: true\n"
                         "        capturingRegexp: host-(.*)\n"
                         "        sort: alphabetical-desc\n");
        QVERIFY2(page.codeEditor()->toPlainText() == QString::fromUtf8(expected),
                 qPrintable(page.codeEditor()->toPlainText()));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(board));
    }

    // A text variable's value and constant flag; made a list, what only a text variable has
    // goes, its name stays, and the options come from the plugin picked.
    void textVariableAndTurningItIntoAList()
    {
        Pd::Gui::EditorPage page(m_file, m_overrides);
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        page.editVariable(QStringLiteral("note"));
        auto *editor = page.findChild<Pd::Gui::VariableEditor *>();
        QVERIFY(editor);
        QCOMPARE(editor->textValueField()->text(), QStringLiteral("hello"));
        QVERIFY(waitPreview(*editor));
        QCOMPARE(shownOptions(*editor), QStringList{QStringLiteral("hello")});
        editor->textValueField()->setText(QStringLiteral("bonjour"));
        editor->findChildren<QCheckBox *>().at(0)->setChecked(false); // hidden: stays unwritten
        editor->accept();
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(page.codeEditor()->toPlainText().contains(
            QStringLiteral("        value: bonjour # greeting\n")));
        QVERIFY(!page.codeEditor()->toPlainText().contains(QStringLiteral("hidden")));

        page.editVariable(QStringLiteral("note"));
        editor = page.findChild<Pd::Gui::VariableEditor *>();
        QVERIFY(editor);
        editor->kindField()->setCurrentText(QStringLiteral("List"));
        editor->pluginField()->setCurrentText(QStringLiteral("StaticListVariable"));
        auto *values = editor->pluginForm()->findChild<QWidget *>(QStringLiteral("values"));
        QVERIFY(values);
        // Lists are written as YAML in the form.
        QMetaObject::invokeMethod(values, "setPlainText",
                                  Q_ARG(QString, QStringLiteral("[red, green]")));
        editor->defaultValueField()->setText(QStringLiteral("green"));
        QVERIFY(waitPreview(*editor));
        QCOMPARE(shownOptions(*editor),
                 (QStringList{QStringLiteral("red"), QStringLiteral("green")}));
        QVERIFY2(editor->previewStatus()->text().contains(QStringLiteral("selected: green")),
                 qPrintable(editor->previewStatus()->text()));
        editor->accept();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        const Pd::Model::VariableSpec &note = page.lastValid()->spec.variables.at(1);
        QCOMPARE(note.kind, Pd::Model::VariableKind::List);
        QCOMPARE(note.name, std::string("note"));
        QCOMPARE(note.plugin.kind, std::string("StaticListVariable"));
        QCOMPARE(note.defaultValue, std::vector<std::string>{"green"});
        QVERIFY(!page.codeEditor()->toPlainText().contains(QStringLiteral("bonjour")));
        // The first variable and its comment are untouched.
        QVERIFY(page.codeEditor()->toPlainText().startsWith(
            QString::fromUtf8(board.left(board.indexOf("    - kind: TextVariable")))));
    }

    // The plugin's datasource is picked among the dashboard's datasources of its kind, the
    // scope beside each; the preview then asks that one; back to the default, the selector goes.
    void pluginDatasourceIsPicked()
    {
        const QString file = m_dir.filePath(QStringLiteral("picked.yaml"));
        QByteArray text = board;
        text.replace("  duration: 1h\n",
                     "  duration: 1h\n  datasources:\n    nowhere:\n      default: false\n"
                     "      plugin:\n        kind: PrometheusDatasource\n        spec:\n"
                     "          directUrl: http://127.0.0.1:1\n");
        QVERIFY(PdTest::writeFile(file, text));
        Pd::Gui::EditorPage page(file, m_overrides);
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        page.editVariable(QStringLiteral("instance"));
        auto *editor = page.findChild<Pd::Gui::VariableEditor *>();
        QVERIFY(editor);
        auto *picker = editor->pluginForm()->findChild<QComboBox *>(QStringLiteral("datasource"));
        QVERIFY(picker);
        QCOMPARE(picker->currentText(), QStringLiteral("(default)"));
        QCOMPARE(picker->itemText(1), QStringLiteral("nowhere · dashboard"));
        picker->setCurrentIndex(1);
        QVERIFY(waitPreview(*editor));
        QVERIFY2(editor->previewStatus()->text().contains(QStringLiteral("127.0.0.1:1")),
                 qPrintable(editor->previewStatus()->text()));
        editor->accept();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        const QString written = page.codeEditor()->toPlainText();
        QVERIFY2(written.contains(QStringLiteral("            datasource:\n"
                                                 "              kind: PrometheusDatasource\n"
                                                 "              name: nowhere\n")),
                 qPrintable(written));
        page.editVariable(QStringLiteral("instance"));
        editor = page.findChild<Pd::Gui::VariableEditor *>();
        picker = editor->pluginForm()->findChild<QComboBox *>(QStringLiteral("datasource"));
        QCOMPARE(picker->currentText(), QStringLiteral("nowhere · dashboard"));
        picker->setCurrentIndex(0);
        editor->accept();
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(!page.codeEditor()->toPlainText().contains(QStringLiteral("name: nowhere")));
    }

    // A query Prometheus refuses: the preview says why, and OK is refused without a name.
    void aVariableThatDoesNotResolveSaysWhy()
    {
        Pd::Gui::EditorPage page(m_file, m_overrides);
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        page.editVariable(QStringLiteral("instance"));
        auto *editor = page.findChild<Pd::Gui::VariableEditor *>();
        QVERIFY(editor);
        editor->pluginField()->setCurrentText(QStringLiteral("PrometheusPromQLVariable"));
        auto *expr = editor->pluginForm()->findChild<QLineEdit *>(QStringLiteral("expr"));
        QVERIFY(expr);
        expr->setText(QStringLiteral("sum(pd_temperature_celsius"));
        auto *label = editor->pluginForm()->findChild<QLineEdit *>(QStringLiteral("labelName"));
        QVERIFY(label);
        label->setText(QStringLiteral("instance"));
        QVERIFY(waitPreview(*editor));
        QVERIFY2(editor->previewStatus()->text().contains(QStringLiteral("parse error")),
                 qPrintable(editor->previewStatus()->text()));
        editor->nameField()->clear();
        QCOMPARE(editor->problem(), QStringLiteral("A variable needs a name."));
        editor->reject();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(board));
    }

private:
    QTemporaryDir m_dir;
    PrometheusTestServer m_prometheus;
    Pd::DatasourceOverrides m_overrides;
    QString m_file;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("perses-desktop-tests"));
    Pd::importBuiltinPlugins();
    TestVariableEditor test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_variableeditor.moc"
