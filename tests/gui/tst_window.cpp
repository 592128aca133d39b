// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "cli/windowarguments.h"
#include "dashboardpage.h"
#include "dashboardview.h"
#include "datasourcesecrets.h"
#include "mainwindow.h"
#include "panelframe.h"
#include "panelinspector.h"
#include "prometheustestserver.h"
#include "testpaths.h"
#include "theme.h"
#include "timerangepicker.h"
#include "userdatasourcesdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <functional>

namespace {

constexpr std::int64_t dataEnd = 1767225600; // 2026-01-01T00:00:00Z

QByteArray dashboard(const char *name, const char *title, const char *panels, const char *items)
{
    return QByteArray("kind: Dashboard\nmetadata:\n  name: ") + name +
           "\n  project: tests\nspec:\n  display:\n    name: " + title +
           "\n  duration: 1h\n  panels:\n" + panels + "  layouts:\n    - kind: Grid\n" +
           "      spec:\n        items:\n" + items;
}

QByteArray queryPanel(const char *id, const char *query)
{
    return QByteArray("    ") + id + ":\n      kind: Panel\n      spec:\n        display:\n" +
           "          name: " + id + "\n        plugin:\n          kind: TimeSeriesChart\n" +
           "          spec: {}\n        queries:\n          - kind: TimeSeriesQuery\n" +
           "            spec:\n              plugin:\n" +
           "                kind: PrometheusTimeSeriesQuery\n" +
           "                spec:\n                  query: '" + query + "'\n";
}

QByteArray item(int x, const char *id)
{
    return "          - x: " + QByteArray::number(x) + "\n            \"y\": 0\n" +
           "            width: 12\n            height: 6\n            content:\n" +
           "              $ref: '#/spec/panels/" + id + "'\n";
}

// Runs `act` on the modal dialog that the next call opens, from the event loop it spins.
void onNextModal(std::function<void(QWidget *)> act)
{
    QTimer::singleShot(0, qApp, [act] {
        QTRY_VERIFY(QApplication::activeModalWidget());
        act(QApplication::activeModalWidget());
    });
}

QAction *action(QMenu *menu, const QString &text)
{
    for (QAction *candidate : menu->actions()) {
        if (candidate->text().remove(u'&') == text)
            return candidate;
    }
    return nullptr;
}

QMenu *menu(QMainWindow &window, const QString &title)
{
    for (QAction *candidate : window.menuBar()->actions()) {
        if (candidate->text().remove(u'&') == title)
            return candidate->menu();
    }
    return nullptr;
}

QToolButton *button(QWidget *parent, const QString &toolTip)
{
    for (QToolButton *candidate : parent->findChildren<QToolButton *>()) {
        if (candidate->toolTip() == toolTip)
            return candidate;
    }
    return nullptr;
}

QString statusText(QMainWindow &window)
{
    const QList<QLabel *> labels = window.statusBar()->findChildren<QLabel *>();
    return labels.isEmpty() ? QString() : labels.front()->text();
}

// Stands in for the browser: the URLs the window asked to open.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls << url; }
};

} // namespace

// The window as a person drives it, offscreen: open files and folders (and what goes wrong),
// the dashboard list, Open Recent, the time controls with their shortcuts, auto-refresh,
// Copy as image, the status bar, the theme, and the window's command line.
class TestWindow : public QObject
{
    Q_OBJECT

    PrometheusTestServer m_prometheus{dataEnd};
    QTemporaryDir m_dir;
    QString m_folder;

    Pd::DatasourceOverrides overrides() const
    {
        Pd::DatasourceOverrides result;
        result.addFromArgument("test=" + m_prometheus.url().toStdString());
        return result;
    }

    // A window on the two test dashboards, shown and active so shortcuts reach it.
    std::unique_ptr<Pd::Gui::MainWindow> openWindow()
    {
        auto window = std::make_unique<Pd::Gui::MainWindow>(overrides());
        window->resize(1400, 800);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the window did not become active");
        if (!window->open(m_folder))
            return nullptr;
        return window;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("perses-desktop-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_window"));
        QSettings().clear();
        Pd::importBuiltinPlugins();
        Pd::Gui::Theme::apply(Pd::Gui::Theme::Mode::Light);
        const QString problem = m_prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_folder = m_dir.filePath(QStringLiteral("dashboards"));
        QVERIFY(QDir().mkpath(m_folder));
        QVERIFY(PdTest::writeFile(m_folder + QStringLiteral("/alpha.yaml"),
                                  dashboard("alpha", "Alpha board",
                                            queryPanel("temps", "pd_temperature_celsius") +
                                                queryPanel("broken", "rate(pd_requests_total[5m"),
                                            item(0, "temps") + item(12, "broken"))));
        QVERIFY(PdTest::writeFile(
            m_folder + QStringLiteral("/beta.yaml"),
            dashboard("beta", "Beta board", queryPanel("info", "pd_info"), item(0, "info"))));
    }

    void emptyWindowSaysWhatToDo()
    {
        Pd::Gui::MainWindow window(overrides());
        QCOMPARE(window.windowTitle(), QStringLiteral("Perses Desktop"));
        bool invites = false;
        for (QLabel *label : window.findChildren<QLabel *>())
            invites |= label->text().startsWith(QStringLiteral("Open a dashboard file"));
        QVERIFY(invites);
        QVERIFY(!window.findChild<QListWidget *>()->isVisibleTo(&window));
    }

    // A folder's dashboards fill the list; the first is shown; picking another shows it.
    void folderFillsTheDashboardList()
    {
        auto window = openWindow();
        QVERIFY(window);
        auto *list = window->findChild<QListWidget *>();
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Alpha board"));
        QCOMPARE(list->item(1)->text(), QStringLiteral("Beta board"));
        QCOMPARE(window->windowTitle(), QStringLiteral("Alpha board — Perses Desktop"));
        list->setCurrentRow(1);
        QCOMPARE(window->windowTitle(), QStringLiteral("Beta board — Perses Desktop"));
        // Ctrl+B hides and shows the list.
        QTest::keyClick(window.get(), Qt::Key_B, Qt::ControlModifier);
        QVERIFY(!list->isVisible());
        QTest::keyClick(window.get(), Qt::Key_B, Qt::ControlModifier);
        QVERIFY(list->isVisible());
    }

    // The status bar counts what is in flight and which panels failed: "broken" does.
    void statusBarCountsPanelsInError()
    {
        auto window = openWindow();
        QVERIFY(window);
        QTRY_COMPARE_WITH_TIMEOUT(statusText(*window),
                                  QStringLiteral("0 queries in flight · 1 panels with errors"),
                                  60000);
    }

    // A dashboard whose datasource is defined nowhere: one banner names it, its button opens
    // the Datasources dialog, the URL typed there is tested against Prometheus and saved to
    // the user's file, and the dashboard is drawn again with data, without reopening it.
    void missingDatasourceIsSetFromTheBanner()
    {
        const QString config = m_dir.filePath(QStringLiteral("config"));
        qputenv("XDG_CONFIG_HOME", config.toUtf8());
        const QString file = m_dir.filePath(QStringLiteral("demo.yaml"));
        QByteArray panel = queryPanel("temps", "pd_temperature_celsius");
        panel.replace("                spec:\n",
                      "                spec:\n                  datasource: {kind: "
                      "PrometheusDatasource, name: PrometheusDemo}\n");
        QVERIFY(PdTest::writeFile(file, dashboard("demo", "Demo", panel, item(0, "temps"))));
        Pd::Gui::MainWindow window({});
        window.resize(1400, 800);
        window.show();
        QVERIFY(window.open(file));
        auto page = [&window] {
            return window.findChild<QStackedWidget *>()->currentWidget()
                       ? qobject_cast<Pd::Gui::DashboardPage *>(
                             window.findChild<QStackedWidget *>()->currentWidget())
                       : nullptr;
        };
        QVERIFY(page());
        QTRY_VERIFY_WITH_TIMEOUT(page()->datasourceBannerText().contains(QStringLiteral(
                                     "No datasource found for kind 'PrometheusDatasource' and "
                                     "name 'PrometheusDemo' (1 panel)")),
                                 20000);

        QPushButton *set = nullptr;
        for (QPushButton *button : page()->datasourceBanner()->findChildren<QPushButton *>())
            set = button->text() == QStringLiteral("Set Datasources…") ? button : set;
        QVERIFY(set);
        set->click();
        auto *dialog = window.findChild<Pd::Gui::UserDatasourcesDialog *>();
        QVERIFY(dialog);
        QTreeWidgetItem *first = dialog->list()->topLevelItem(0);
        QCOMPARE(first->text(0), QStringLiteral("PrometheusDemo"));
        QCOMPARE(first->text(2), QStringLiteral("nowhere: not defined"));
        QCOMPARE(dialog->list()->currentItem(), first);
        // A URL where nothing listens says so; the test Prometheus answers.
        dialog->urlField()->setText(QStringLiteral("http://127.0.0.1:1"));
        dialog->testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->testResult()->text().contains(
                                     QStringLiteral("does not answer as a Prometheus")),
                                 20000);
        dialog->urlField()->setText(m_prometheus.url());
        dialog->testConnection();
        // Its build info names the version the Debian package runs.
        static const QRegularExpression answered(
            QStringLiteral("answers: Prometheus \\d+\\.\\d+\\.\\d+"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->testResult()->text().contains(answered), 20000);
        // A header kept in the keyring (the default): named in the file, its value not.
        QVERIFY(dialog->headersInKeyringField()->isChecked());
        dialog->headersField()->setPlainText(QStringLiteral("X-Scope-OrgID: team-secret"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();

        // Drawn again with it: no banner, and the panel has its data.
        QTRY_VERIFY_WITH_TIMEOUT(page() && page()->view()->isComplete(), 20000);
        QVERIFY(page()->datasourceBannerText().isEmpty());
        Pd::Gui::PanelFrame *frame = page()->view()->frame("temps");
        QVERIFY(frame);
        QVERIFY2(!frame->hasErrors(), qPrintable(frame->errors().join(u'\n')));
        const QByteArray saved =
            PdTest::readFile(config + QStringLiteral("/perses-desktop/datasources.yaml"));
        QVERIFY2(saved.contains("prometheusdemo:\n    url: " + m_prometheus.url().toUtf8()),
                 saved.constData());
        QVERIFY2(saved.contains("secretHeaders:\n      - X-Scope-OrgID"), saved.constData());
        QVERIFY2(!saved.contains("team-secret"), saved.constData());
        // Read again as the app reads it at start: the value comes from the keyring.
        Pd::DatasourceOverrides read;
        QVERIFY(!read.loadFile(Pd::DatasourceOverrides::userFilePath()));
        QVERIFY(read.find("PrometheusDemo")->headers.empty());
        Pd::DatasourceSecrets::fill(read);
        QCOMPARE(
            read.find("PrometheusDemo")->headers,
            (std::vector<std::pair<std::string, std::string>>{{"X-Scope-OrgID", "team-secret"}}));
        qunsetenv("XDG_CONFIG_HOME");
    }

    // A dashboard link beside the title and a panel link in the panel's menu open their URL,
    // the variables' and the range's values in it when the link asks (renderVariables).
    void linksOpenTheirUrls()
    {
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        const QString file = m_dir.filePath(QStringLiteral("links.yaml"));
        QByteArray panel = queryPanel("temps", "pd_temperature_celsius");
        // After the title: the one place in the panel that text is.
        panel.replace("          name: temps\n",
                      "          name: temps\n        links:\n"
                      "          - {name: Logs, url: 'https://logs.test/?job=$job', "
                      "renderVariables: true}\n");
        QByteArray text = dashboard("links", "Links", panel, item(0, "temps"));
        text.replace("  duration: 1h\n",
                     "  duration: 1h\n  variables:\n    - kind: TextVariable\n      spec: {name: "
                     "job, value: api}\n  links:\n    - {name: Runbook, url: "
                     "'https://runbooks.test/$job?from=$__from', renderVariables: true, tooltip: "
                     "What to do}\n    - {name: Raw, url: 'https://raw.test/$job'}\n");
        QVERIFY(PdTest::writeFile(file, text));
        Pd::Gui::MainWindow window(overrides());
        window.resize(1400, 800);
        window.show();
        QVERIFY(window.open(file));
        QTRY_VERIFY_WITH_TIMEOUT(window.currentView() && window.currentView()->isComplete(), 20000);
        const QList<QToolButton *> buttons =
            window.findChildren<QToolButton *>(QStringLiteral("dashboardLink"));
        QCOMPARE(buttons.size(), 2);
        QCOMPARE(buttons[0]->text(), QStringLiteral("Runbook ↗"));
        QCOMPARE(buttons[0]->toolTip(), QStringLiteral("What to do"));
        buttons[0]->click();
        QCOMPARE(catcher.urls.size(), 1);
        const QString runbook = catcher.urls[0].toString();
        QVERIFY2(runbook.startsWith(QStringLiteral("https://runbooks.test/api?from=")),
                 qPrintable(runbook));
        QCOMPARE(runbook.mid(runbook.indexOf(u'=') + 1).toLongLong() / 1000 > 1'700'000'000, true);
        buttons[1]->click();
        QCOMPARE(catcher.urls[1].toString(), QStringLiteral("https://raw.test/$job"));

        Pd::Gui::PanelFrame *frame = window.currentView()->frame("temps");
        QVERIFY(frame);
        QAction *logs = nullptr;
        for (QAction *action : frame->findChildren<QAction *>(QStringLiteral("link")))
            logs = action->text() == QStringLiteral("Logs") ? action : logs;
        QVERIFY(logs);
        logs->trigger();
        QCOMPARE(catcher.urls.size(), 3);
        QCOMPARE(catcher.urls[2].toString(), QStringLiteral("https://logs.test/?job=api"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    }

    // Kiosk: the panels alone, full screen; Escape brings back what was there. --cycle shows
    // the folder's dashboards in turn, from the last back to the first.
    void kioskAndCycle()
    {
        auto window = openWindow();
        QVERIFY(window);
        auto *list = window->findChild<QListWidget *>();
        QVERIFY(list->isVisible());
        auto *page = qobject_cast<Pd::Gui::DashboardPage *>(
            window->findChild<QStackedWidget *>()->currentWidget());
        QVERIFY(page);
        QVERIFY(page->controls()->isVisible());
        QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(window->isKiosk());
        QVERIFY(!window->menuBar()->isVisible());
        QVERIFY(!window->statusBar()->isVisible());
        QVERIFY(!list->isVisible());
        for (QDockWidget *dock : window->findChildren<QDockWidget *>())
            QVERIFY2(!dock->isVisible(), qPrintable(dock->windowTitle()));
        QVERIFY(!page->controls()->isVisible());
        QVERIFY(page->view()->isVisible());
        // A dashboard shown for the first time in kiosk comes without its controls too.
        window->setCycle(std::chrono::milliseconds(50));
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("Beta board — Perses Desktop"));
        auto *beta = qobject_cast<Pd::Gui::DashboardPage *>(
            window->findChild<QStackedWidget *>()->currentWidget());
        QVERIFY(beta && beta != page);
        QVERIFY(!beta->controls()->isVisible());
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("Alpha board — Perses Desktop"));
        window->setCycle(std::chrono::milliseconds(0));
        QTest::keyClick(window.get(), Qt::Key_Escape);
        QVERIFY(!window->isKiosk());
        QVERIFY(window->menuBar()->isVisible());
        QVERIFY(list->isVisible());
        QVERIFY(page->controls()->isVisible());
    }

    // Inspect…: the query as sent, what came back, the data as rows, and the same rows as CSV.
    void inspectAPanelAndExportItsData()
    {
        auto window = openWindow();
        QVERIFY(window);
        Pd::Gui::DashboardView *view = window->currentView();
        QVERIFY(view);
        view->setTimeRange(Pd::TimeRange{(dataEnd - 3600) * 1000, dataEnd * 1000});
        QTRY_VERIFY_WITH_TIMEOUT(view->isComplete(), 20000);
        Pd::Gui::PanelFrame *frame = view->frame("temps");
        QVERIFY(frame);
        QAction *inspect = frame->findChild<QAction *>(QStringLiteral("inspect"));
        QVERIFY(inspect);
        inspect->trigger();
        auto *inspector = window->findChild<Pd::Gui::PanelInspector *>();
        QVERIFY(inspector);
        QTreeWidgetItem *query = inspector->queries()->topLevelItem(0);
        QCOMPARE(query->text(1), QStringLiteral("pd_temperature_celsius"));
        QMap<QString, QString> details;
        for (int i = 0; i < query->childCount(); ++i)
            details[query->child(i)->text(0)] = query->child(i)->text(1);
        QCOMPARE(details.value(QStringLiteral("Request")),
                 QStringLiteral("POST ") + m_prometheus.url() +
                     QStringLiteral("/api/v1/query_range"));
        QCOMPARE(details.value(QStringLiteral("Status")), QStringLiteral("ok"));
        QVERIFY2(details.value(QStringLiteral("Answer")).startsWith(QStringLiteral("2 series, ")),
                 qPrintable(details.value(QStringLiteral("Answer"))));
        QVERIFY(details.value(QStringLiteral("Range")).contains(QStringLiteral("step")));

        const int rows = inspector->data()->rowCount();
        QVERIFY(rows > 10);
        int hostB = 0;
        for (int row = 0; row < rows; ++row) {
            if (inspector->data()->item(row, 1)->text().contains(QStringLiteral("host-b"))) {
                ++hostB;
                QCOMPARE(inspector->data()->item(row, 3)->text(), QStringLiteral("30"));
            }
        }
        QCOMPARE(hostB * 2, rows); // two series of as many samples

        const QString csv = m_dir.filePath(QStringLiteral("temps.csv"));
        QVERIFY(!inspector->exportCsv(csv));
        const QList<QByteArray> lines = PdTest::readFile(csv).split('\n');
        QCOMPARE(lines.front(), QByteArray("query,series,labels,timestamp_ms,time,value\r"));
        QCOMPARE(lines.size(), rows + 2); // the header, the rows, and after the last break
        int csvHostB = 0;
        for (const QByteArray &line : lines) {
            if (line.contains("host-b")) {
                ++csvHostB;
                QVERIFY2(line.endsWith(",30\r"), line.constData());
            }
        }
        QCOMPARE(csvHostB, hostB);
        inspector->close();
    }

    // A file that does not read says where, and nothing is added.
    void brokenFileIsReportedWithItsPosition()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.yaml"));
        QVERIFY(PdTest::writeFile(bad, "kind: Dashboard\nmetadata: [unclosed\n"));
        Pd::Gui::MainWindow window(overrides());
        QString text;
        QString details;
        onNextModal([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            text = box->text();
            details = box->detailedText();
            box->close();
        });
        QVERIFY(!window.open(bad));
        QCOMPARE(details.trimmed(),
                 bad + QStringLiteral(":3:1: end of sequence flow not found")); // as lint says
        QVERIFY(!text.isEmpty());
        QCOMPARE(window.findChild<QListWidget *>()->count(), 0);
    }

    // What was opened is offered again under File ▸ Open Recent, newest first.
    void openRecentReopens()
    {
        QSettings().clear();
        {
            auto first = openWindow();
            QVERIFY(first);
        }
        Pd::Gui::MainWindow window(overrides());
        QMenu *file = menu(window, QStringLiteral("File"));
        QVERIFY(file);
        QMenu *recent = action(file, QStringLiteral("Open Recent"))->menu();
        QVERIFY(recent && recent->isEnabled());
        QCOMPARE(recent->actions().size(), 1);
        QCOMPARE(recent->actions().front()->text(), QFileInfo(m_folder).absoluteFilePath());
        recent->actions().front()->trigger();
        QCOMPARE(window.findChild<QListWidget *>()->count(), 2);
    }

    // Presets, shift, zoom out (Ctrl+Z), refresh (F5) and a custom range, each giving the
    // dashboard a new range.
    void timeControls()
    {
        auto window = openWindow();
        QVERIFY(window);
        auto *picker = window->findChild<Pd::Gui::TimeRangePicker *>();
        QVERIFY(picker);
        QSignalSpy ranges(picker, &Pd::Gui::TimeRangePicker::rangeChanged);
        QToolButton *rangeButton = nullptr;
        for (QToolButton *candidate : picker->findChildren<QToolButton *>())
            rangeButton = candidate->menu() ? candidate : rangeButton;
        QVERIFY(rangeButton);

        action(rangeButton->menu(), QStringLiteral("Last 6 hours"))->trigger();
        QCOMPARE(rangeButton->text(), QStringLiteral("Last 6 hours"));
        QCOMPARE(ranges.size(), 1);
        QCOMPARE(ranges.takeFirst().front().value<Pd::TimeRange>().durationMs(),
                 std::int64_t{6} * 3'600'000);

        // A button's shortcut clicks it as an animated click, from the event loop.
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier); // zoom out
        QTRY_COMPARE(picker->fromText(), QStringLiteral("now-12h"));
        QCOMPARE(rangeButton->text(), QStringLiteral("Last 12 hours"));
        QCOMPARE(ranges.size(), 1);

        QTest::keyClick(window.get(), Qt::Key_F5); // refresh: the same range again
        QTRY_COMPARE(ranges.size(), 2);

        const std::int64_t from = dataEnd * 1000 - 3'600'000;
        picker->setAbsolute(from, dataEnd * 1000);
        QTest::mouseClick(button(picker, QStringLiteral("Shift the range back")), Qt::LeftButton);
        QCOMPARE(picker->resolved().fromMs, from - 1'800'000);
        QCOMPARE(picker->resolved().toMs, dataEnd * 1000 - 1'800'000);
        QCOMPARE(rangeButton->text(),
                 QStringLiteral("2025-12-31T22:30:00Z → 2025-12-31T23:30:00Z"));

        // A custom range: a bad one is explained in the dialog, a good one applied.
        QString problem;
        onNextModal([&](QWidget *modal) {
            auto *dialog = qobject_cast<QDialog *>(modal);
            QVERIFY(dialog);
            const QList<QLineEdit *> edits = dialog->findChildren<QLineEdit *>();
            QCOMPARE(edits.size(), 2);
            QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            edits[0]->setText(QStringLiteral("yesterday"));
            ok->click();
            QVERIFY(dialog->isVisible());
            for (QLabel *label : dialog->findChildren<QLabel *>())
                problem +=
                    label->text().startsWith(QStringLiteral("From:")) ? label->text() : QString();
            edits[0]->setText(QStringLiteral("now-2d"));
            edits[1]->setText(QStringLiteral("now-1d"));
            ok->click();
        });
        action(rangeButton->menu(), QStringLiteral("Custom range…"))->trigger();
        QVERIFY2(!problem.isEmpty(), "no message for a bad time");
        QCOMPARE(picker->fromText(), QStringLiteral("now-2d"));
        QCOMPARE(picker->toText(), QStringLiteral("now-1d"));
        QCOMPARE(picker->resolved().durationMs(), std::int64_t{86'400'000});
    }

    // Auto-refresh re-runs the range on its interval and holds while the page is hidden.
    void autoRefresh()
    {
        Pd::Gui::TimeRangePicker picker;
        QSignalSpy ranges(&picker, &Pd::Gui::TimeRangePicker::rangeChanged);
        picker.setRefreshInterval(QStringLiteral("1s"));
        QCOMPARE(picker.findChild<QComboBox *>()->currentText(), QStringLiteral("Every 1s"));
        QVERIFY(ranges.wait(30000));
        picker.setPaused(true);
        ranges.clear();
        QTest::qWait(2500); // more than two intervals: none may fire while paused
        QCOMPARE(ranges.size(), 0);
        picker.setPaused(false);
        QVERIFY(ranges.wait(30000));
        picker.setRefreshInterval(QStringLiteral("0s")); // Perses' "off"
        QCOMPARE(picker.findChild<QComboBox *>()->currentIndex(), 0);
    }

    // Copy as image puts the panel, as drawn, on the clipboard.
    void copyAsImage()
    {
        auto window = openWindow();
        QVERIFY(window);
        Pd::Gui::PanelFrame *frame = nullptr;
        QTRY_VERIFY((frame = window->findChild<Pd::Gui::PanelFrame *>()) && !frame->isLoading());
        QApplication::clipboard()->clear();
        // The "⋮" button pops up the panel's menu, made for the click.
        QToolButton *more = nullptr;
        for (QToolButton *candidate : frame->findChildren<QToolButton *>())
            more = candidate->text() == QStringLiteral("⋮") ? candidate : more;
        QVERIFY(more);
        more->click();
        QMenu *popup = nullptr;
        QTRY_VERIFY((popup = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
        QAction *copy = action(popup, QStringLiteral("Copy as image"));
        QVERIFY(copy);
        QVERIFY(action(popup, QStringLiteral("Inspect…")));
        popup->close();
        copy->trigger();
        const QImage copied = QApplication::clipboard()->image();
        QCOMPARE(copied.size(), frame->size());
        QCOMPARE(copied.pixelColor(frame->width() / 2, frame->height() - 4),
                 frame->grab().toImage().pixelColor(frame->width() / 2, frame->height() - 4));
    }

    // View ▸ Theme ▸ Dark darkens the window; Light brings it back.
    void themeMenu()
    {
        auto window = openWindow();
        QVERIFY(window);
        QMenu *theme =
            action(menu(*window, QStringLiteral("View")), QStringLiteral("Theme"))->menu();
        action(theme, QStringLiteral("Dark"))->trigger();
        QTRY_VERIFY(window->palette().color(QPalette::Window).lightnessF() < 0.3);
        action(theme, QStringLiteral("Light"))->trigger();
        QTRY_VERIFY(window->palette().color(QPalette::Window).lightnessF() > 0.7);
    }

    // The window's command line: files, --datasource, --theme, and its usage errors.
    void windowArguments()
    {
        Pd::Cli::WindowArguments arguments;
        QVERIFY(!Pd::Cli::parseWindowArguments(
            {"a.yaml", "--datasource", "prom=http://h:9090", "--theme=dark", "folder"}, arguments));
        QCOMPARE(arguments.paths, (std::vector<std::string>{"a.yaml", "folder"}));
        QCOMPARE(arguments.theme, Pd::Gui::Theme::Mode::Dark);
        QVERIFY(arguments.overrides.find("prom"));
        QCOMPARE(arguments.overrides.find("prom")->url, std::string("http://h:9090"));

        Pd::Cli::WindowArguments bad;
        QCOMPARE(Pd::Cli::parseWindowArguments({"--theme", "purple"}, bad).value_or(""),
                 std::string("unknown option '--theme purple'"));
        Pd::Cli::WindowArguments wall;
        QVERIFY(!Pd::Cli::parseWindowArguments({"folder", "--kiosk", "--cycle", "1m"}, wall));
        QVERIFY(wall.kiosk);
        QCOMPARE(wall.cycleMs, std::int64_t(60000));
        QCOMPARE(wall.paths, std::vector<std::string>{"folder"});
        Pd::Cli::WindowArguments fast;
        QCOMPARE(Pd::Cli::parseWindowArguments({"--cycle", "10ms"}, fast).value_or(""),
                 std::string("--cycle: '10ms' is not a duration of a second or more (e.g. 60s, "
                             "5m)"));
        QVERIFY(Pd::Cli::parseWindowArguments({"--datasource", "no-equals"}, bad).has_value());
    }
};

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
