// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "codeeditor.h"
#include "dashboardview.h"
#include "draftstore.h"
#include "editorfixture.h"
#include "editorpage.h"
#include "editorwait.h"
#include "paneleditor.h"
#include "panelframe.h"
#include "pluginregistry.h"
#include "pluginschemaregistry.h"
#include "prometheustestserver.h"
#include "queryeditor.h"
#include "specform.h"
#include "testpaths.h"

#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

// The panel editor driven as a person would, on real files: its fields, the options form
// from the plugin's schema (or the plugin's own widget), queries added and removed, the live
// preview; accepted, only what changed is written into the text.
namespace {

const QByteArray chart = "kind: Dashboard\n"
                         "metadata:\n"
                         "  name: board\n"
                         "  project: tests\n"
                         "spec:\n"
                         "  duration: 1h\n"
                         "  panels:\n"
                         "    cpu:\n"
                         "      kind: Panel\n"
                         "      spec:\n"
                         "        display:\n"
                         "          name: CPU # as the team calls it\n"
                         "        plugin:\n"
                         "          kind: TimeSeriesChart\n"
                         "          spec:\n"
                         "            # keep the legend at the bottom\n"
                         "            legend:\n"
                         "              position: bottom\n"
                         "        queries:\n"
                         "          - kind: TimeSeriesQuery\n"
                         "            spec:\n"
                         "              plugin:\n"
                         "                kind: PrometheusTimeSeriesQuery\n"
                         "                spec:\n"
                         "                  query: up # liveness\n"
                         "          - kind: TimeSeriesQuery\n"
                         "            spec:\n"
                         "              plugin:\n"
                         "                kind: PrometheusTimeSeriesQuery\n"
                         "                spec:\n"
                         "                  query: pd_temperature_celsius\n"
                         "  layouts:\n"
                         "    - kind: Grid\n"
                         "      spec:\n"
                         "        items:\n"
                         "          - x: 0\n"
                         "            \"y\": 0\n"
                         "            width: 12\n"
                         "            height: 6\n"
                         "            content:\n"
                         "              $ref: \"#/spec/panels/cpu\"\n";

// Edit Panel… on a panel: the dialog it opens beside the page.
Pd::Gui::PanelEditor *openEditor(Pd::Gui::EditorPage &page, const QString &panel)
{
    page.editPanel(panel);
    return page.findChild<Pd::Gui::PanelEditor *>();
}

// The text of the preview's only panel title.
QString previewTitle(Pd::Gui::PanelEditor &editor)
{
    if (!editor.preview() || editor.preview()->frames().empty())
        return {};
    for (const QLabel *label : editor.preview()->frames().front()->findChildren<QLabel *>()) {
        if (!label->text().isEmpty())
            return label->text();
    }
    return {};
}

} // namespace

class TestPanelEditor : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_edited.reset(QStringLiteral("board.yaml"), chart));
        m_file = m_edited.path;
    }

    // A new title, an option set through the schema's form, the first query taken out and a
    // new one added: the text changes there and nowhere else, the comments of what stayed are
    // kept, and one undo gives back the exact text.
    void writesOnlyWhatChanged()
    {
        Pd::Gui::EditorPage page(m_file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        Pd::Gui::PanelEditor *editor = openEditor(page, QStringLiteral("cpu"));
        QVERIFY(editor);
        QCOMPARE(editor->titleField()->text(), QStringLiteral("CPU"));
        QCOMPARE(editor->queries().size(), std::size_t(2));
        QCOMPARE(editor->queries()[0]->promql()->toPlainText(), QStringLiteral("up"));

        editor->titleField()->setText(QStringLiteral("CPU busy"));
        Pd::Gui::SpecForm *form = editor->optionsForm();
        QVERIFY(form);
        auto *position = form->findChild<QComboBox *>(QStringLiteral("legend.position"));
        QVERIFY(position);
        QCOMPARE(position->currentText(), QStringLiteral("bottom"));
        position->setCurrentText(QStringLiteral("right"));
        auto *lineWidth = form->findChild<QLineEdit *>(QStringLiteral("visual.lineWidth"));
        QVERIFY(lineWidth);
        QTest::keyClicks(lineWidth, QStringLiteral("2.5"));
        emit editor->queries()[0]->removeRequested();
        Pd::Gui::QueryEditor *added = editor->addQuery();
        QCOMPARE(added->kind()->currentText(), QStringLiteral("PrometheusTimeSeriesQuery"));
        QTest::keyClicks(added->promql(), QStringLiteral("sum(rate(pd_requests_total[5m]))"));
        editor->accept();

        QByteArray expected = chart;
        expected.replace("name: CPU # as", "name: CPU busy # as");
        expected.replace("              position: bottom\n", "              position: right\n"
                                                             "            visual:\n"
                                                             "              lineWidth: 2.5\n");
        expected.replace("          - kind: TimeSeriesQuery\n"
                         "            spec:\n"
                         "              plugin:\n"
                         "                kind: PrometheusTimeSeriesQuery\n"
                         "                spec:\n"
                         "                  query: up # liveness\n",
                         "");
        expected.replace("                  query: pd_temperature_celsius\n",
                         "                  query: pd_temperature_celsius\n"
                         "          - kind: TimeSeriesQuery\n"
                         "            spec:\n"
                         "              plugin:\n"
                         "                kind: PrometheusTimeSeriesQuery\n"
                         "                spec:\n"
                         "                  query: sum(rate(pd_requests_total[5m]))\n");
        QVERIFY2(page.codeEditor()->toPlainText() == QString::fromUtf8(expected),
                 qPrintable(page.codeEditor()->toPlainText()));
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        QCOMPARE(page.lastValid()->spec.panels.at(0).queries.size(), std::size_t(2));
        page.codeEditor()->undo();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(chart));
    }

    // Another kind keeps the options that still fit it (GaugeChart to StatChart: the
    // calculation and the format, not the maximum); a number that is not one blocks OK.
    void switchingKindKeepsWhatFits()
    {
        const QString file = m_edited.dir.filePath(QStringLiteral("gauge.yaml"));
        QByteArray gauge = chart;
        gauge.replace("          kind: TimeSeriesChart\n"
                      "          spec:\n"
                      "            # keep the legend at the bottom\n"
                      "            legend:\n"
                      "              position: bottom\n",
                      "          kind: GaugeChart\n"
                      "          spec:\n"
                      "            calculation: last\n"
                      "            format: {unit: percent}\n"
                      "            max: 100\n");
        QVERIFY(PdTest::writeFile(file, gauge));
        Pd::Gui::EditorPage page(file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        Pd::Gui::PanelEditor *editor = openEditor(page, QStringLiteral("cpu"));
        QVERIFY(editor);
        auto *max = editor->optionsForm()->findChild<QLineEdit *>(QStringLiteral("max"));
        QVERIFY(max);
        QCOMPARE(max->text(), QStringLiteral("100"));
        max->setText(QStringLiteral("a hundred"));
        const QPushButton *ok =
            editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(editor->problem().contains(QStringLiteral("max: \"a hundred\" is not a number")));
        QVERIFY(!ok->isEnabled());
        max->setText(QStringLiteral("100"));
        QVERIFY(editor->problem().isEmpty());
        QVERIFY(ok->isEnabled());

        editor->kindField()->setCurrentText(QStringLiteral("StatChart"));
        const Pd::Node spec = editor->spec();
        const Pd::Node *options = spec.at({"plugin", "spec"});
        QVERIFY(options);
        QCOMPARE(spec.at({"plugin", "kind"})->text(), std::string("StatChart"));
        QCOMPARE(options->stringAt("calculation"), std::string("last"));
        QVERIFY(options->find("format"));
        QVERIFY(!options->find("max")); // a StatChart has no maximum
        QCOMPARE(spec.find("queries")->size(), std::size_t(2));
        // A kind that takes no queries writes none; back to one that does, the queries and
        // the options it takes come back.
        editor->kindField()->setCurrentText(QStringLiteral("Markdown"));
        QVERIFY(!editor->spec().find("queries"));
        QVERIFY(!editor->spec().at({"plugin", "spec", "calculation"}));
        editor->kindField()->setCurrentText(QStringLiteral("StatChart"));
        QCOMPARE(editor->spec().find("queries")->size(), std::size_t(2));
        QCOMPARE(editor->spec().at({"plugin", "spec"})->stringAt("calculation"),
                 std::string("last"));
        editor->accept();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        QCOMPARE(page.lastValid()->spec.panels.at(0).plugin.kind, std::string("StatChart"));
        QVERIFY(!page.codeEditor()->toPlainText().contains(QStringLiteral("max: 100")));
        QVERIFY(
            page.codeEditor()->toPlainText().contains(QStringLiteral("format: {unit: percent}")));
    }

    // A value of another type than the schema's (a string where a yes/no goes) is shown as
    // YAML and given back as it was: the form never drops what it cannot show as a choice.
    void formKeepsValuesOfAnotherType()
    {
        const Pd::PluginSchema *gauge =
            Pd::PluginSchemaRegistry::builtin().find("GaugeChart", Pd::PluginType::Panel);
        QVERIFY(gauge);
        Pd::Node legend = Pd::Node::object();
        legend.set("show", Pd::Node::string("yes"));
        Pd::Node spec = Pd::Node::object();
        spec.set("calculation", Pd::Node::string("last"));
        spec.set("legend", legend);
        Pd::Gui::SpecForm form(gauge->spec, spec);
        QVERIFY(form.findChild<QPlainTextEdit *>(QStringLiteral("legend.show")));
        QVERIFY(!form.findChild<QComboBox *>(QStringLiteral("legend.show")));
        QVERIFY(form.value().equals(spec));
        // A value of the schema's type gets its own widget, and changes through it.
        legend.set("show", Pd::Node::boolean(true));
        spec.set("legend", legend);
        Pd::Gui::SpecForm typed(gauge->spec, spec);
        auto *show = typed.findChild<QComboBox *>(QStringLiteral("legend.show"));
        QVERIFY(show);
        QCOMPARE(show->currentText(), QStringLiteral("true"));
        show->setCurrentText(QStringLiteral("false"));
        QCOMPARE(typed.value().at({"legend", "show"})->toBool(true), false);
    }

    // The preview is the panel as edited, run against a real Prometheus: a new title shows, a
    // query that does not parse shows Prometheus' error on the panel, fixing it clears it.
    void livePreviewFollowsTheEdits()
    {
        PrometheusTestServer prometheus;
        const QString problem = prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Pd::DatasourceOverrides overrides;
        QVERIFY(!overrides.addFromArgument("prom=" + prometheus.url().toStdString()));
        Pd::Gui::EditorPage page(m_file, overrides);
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        Pd::Gui::PanelEditor *editor = openEditor(page, QStringLiteral("cpu"));
        QVERIFY(editor);
        QTRY_COMPARE(previewTitle(*editor), QStringLiteral("CPU"));
        editor->titleField()->setText(QStringLiteral("Temperature"));
        QTRY_COMPARE(previewTitle(*editor), QStringLiteral("Temperature"));
        Pd::Gui::PanelFrame *frame = editor->preview()->frames().front();
        QTRY_VERIFY_WITH_TIMEOUT(editor->preview()->isSettled(), 20000);
        QVERIFY2(!frame->hasErrors(), qPrintable(frame->errors().join(u'\n')));

        editor->queries()[1]->promql()->setPlainText(QStringLiteral("pd_temperature_celsius{"));
        QTRY_VERIFY_WITH_TIMEOUT(editor->preview()->frames().front()->hasErrors(), 20000);
        QVERIFY2(editor->preview()->frames().front()->errors().join(u' ').contains(
                     QStringLiteral("parse error")),
                 qPrintable(editor->preview()->frames().front()->errors().join(u' ')));
        editor->queries()[1]->promql()->setPlainText(QStringLiteral("pd_temperature_celsius"));
        QTRY_VERIFY_WITH_TIMEOUT(editor->preview()->isSettled() &&
                                     !editor->preview()->frames().front()->hasErrors(),
                                 20000);
        // Nothing is written before OK.
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(chart));
        editor->reject();
        QCOMPARE(page.codeEditor()->toPlainText(), QString::fromUtf8(chart));
    }

    // A Prometheus query's datasource picker: every Prometheus datasource the dashboard sees
    // with the scope that defines it, what the choice resolves to, and the selector written
    // (and taken out again for the default, as the Perses UI writes it).
    void queryDatasourcePicker()
    {
        const QString folder = m_edited.dir.filePath(QStringLiteral("picker"));
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + QStringLiteral("/board.yaml");
        QVERIFY(PdTest::writeFile(
            file, "kind: Dashboard\nmetadata:\n  name: board\n  project: demo\nspec:\n"
                  "  datasources:\n    local:\n      default: false\n      plugin:\n"
                  "        kind: PrometheusDatasource\n        spec:\n"
                  "          directUrl: http://127.0.0.1:1\n"
                  "  panels:\n    cpu:\n      kind: Panel\n      spec:\n        display:\n"
                  "          name: CPU\n        plugin:\n          kind: TimeSeriesChart\n"
                  "          spec: {}\n        queries:\n          - kind: TimeSeriesQuery\n"
                  "            spec:\n              plugin:\n"
                  "                kind: PrometheusTimeSeriesQuery\n                spec:\n"
                  "                  query: up\n  layouts: []\n  duration: 1h\n"));
        QVERIFY(PdTest::writeFile(
            folder + QStringLiteral("/prom.yaml"),
            "kind: GlobalDatasource\nmetadata:\n  name: prom\nspec:\n  default: true\n"
            "  plugin:\n    kind: PrometheusDatasource\n    spec:\n"
            "      directUrl: http://127.0.0.1:2\n"));
        Pd::Gui::EditorPage page(file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        // The datasources beside the file are read off the GUI thread.
        QTRY_COMPARE(
            page.prometheusDatasourceChoices(),
            (QStringList{QStringLiteral("local · dashboard"), QStringLiteral("prom · global")}));
        QCOMPARE(page.resolvedDatasource({}), QStringLiteral("prom, defined at global scope"));

        Pd::Gui::PanelEditor *editor = openEditor(page, QStringLiteral("cpu"));
        QVERIFY(editor);
        Pd::Gui::QueryEditor *query = editor->queries().front();
        QCOMPARE(query->datasource()->currentText(), QStringLiteral("(the default)"));
        QCOMPARE(query->datasource()->toolTip(),
                 QStringLiteral("Resolves to prom, defined at global scope"));
        query->datasource()->setCurrentText(QStringLiteral("local · dashboard"));
        QCOMPARE(query->datasource()->toolTip(),
                 QStringLiteral("Resolves to local, defined at dashboard scope"));
        query->promql()->setPlainText(QStringLiteral("rate(up[5m])"));
        query->findChildren<QLineEdit *>().at(0)->setText(QStringLiteral("{{job}}"));
        query->findChildren<QLineEdit *>().at(1)->setText(QStringLiteral("30s"));
        editor->accept();
        QVERIFY(PdTest::waitValidated(page));
        const QString text = page.codeEditor()->toPlainText();
        QVERIFY2(text.contains(
                     QStringLiteral("                spec:\n                  query: rate(up[5m])\n"
                                    "                  seriesNameFormat: '{{job}}'\n"
                                    "                  minStep: 30s\n"
                                    "                  datasource:\n"
                                    "                    kind: PrometheusDatasource\n"
                                    "                    name: local\n")),
                 qPrintable(text));
        QCOMPARE(page.errorCount(), 0);

        // Back to the default: the selector goes.
        editor = openEditor(page, QStringLiteral("cpu"));
        QVERIFY(editor);
        QCOMPARE(editor->queries().front()->datasource()->currentText(),
                 QStringLiteral("local · dashboard"));
        editor->queries().front()->datasource()->setCurrentIndex(0);
        editor->accept();
        QVERIFY(PdTest::waitValidated(page));
        QVERIFY(!page.codeEditor()->toPlainText().contains(QStringLiteral("datasource:")));
        QVERIFY(page.codeEditor()->toPlainText().contains(QStringLiteral("seriesNameFormat")));
        QCOMPARE(page.errorCount(), 0);
    }

    // A panel plugin's own options widget (the example plugin, loaded as a module) stands in
    // for the schema's form, and what it gives back is written.
    void aPluginsOwnOptionsWidget()
    {
        Pd::PluginRegistry::instance().loadFile(QStringLiteral(PD_EXAMPLE_PLUGIN));
        QVERIFY(Pd::PluginRegistry::instance().panelOptionsEditor(QStringLiteral("ExampleText")));
        const QString file = m_edited.dir.filePath(QStringLiteral("example.yaml"));
        QVERIFY(QFile::copy(QStringLiteral(PD_SOURCE_DIR "/tests/plugin/examplepanel.yaml"), file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        Pd::Gui::EditorPage page(file, {});
        page.show();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        const QString panel = QString::fromStdString(page.lastValid()->spec.panels.at(0).id);
        Pd::Gui::PanelEditor *editor = openEditor(page, panel);
        QVERIFY(editor);
        QVERIFY(!editor->optionsForm()); // the plugin's widget, not the form
        auto *text = editor->optionsWidget()->findChild<QLineEdit *>(QStringLiteral("exampleText"));
        if (!text)
            text = qobject_cast<QLineEdit *>(editor->optionsWidget());
        QVERIFY(text);
        text->setText(QStringLiteral("Edited through the plugin"));
        editor->accept();
        QVERIFY(PdTest::waitValidated(page));
        QCOMPARE(page.errorCount(), 0);
        QVERIFY2(page.codeEditor()->toPlainText().contains(
                     QStringLiteral("text: Edited through the plugin")),
                 qPrintable(page.codeEditor()->toPlainText()));
    }

private:
    PdTest::EditedFile m_edited;
    QString m_file;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("perses-desktop-tests"));
    Pd::importBuiltinPlugins();
    TestPanelEditor test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_paneleditor.moc"
