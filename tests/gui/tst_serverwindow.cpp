// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"
#include "codeeditor.h"
#include "dashboardview.h"
#include "editorpage.h"
#include "mainwindow.h"
#include "panelframe.h"
#include "persesdemoproject.h"
#include "persesserverprocess.h"
#include "prometheustestserver.h"
#include "serverbrowser.h"
#include "serversession.h"
#include "serverworkspace.h"
#include "testpaths.h"

#include <QApplication>
#include <QDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

// The window with a Perses server (the test server, a real Prometheus behind its proxy), driven
// as a person would: add the server, log in, browse, open a dashboard with live data, edit and
// save it, resolve a conflict, meet a read-only dashboard and a server that fails a save.
using namespace Pd;
using namespace Pd::Gui;

namespace {

ServerConnection connectionTo(const QString &url, const QString &user, const QString &name)
{
    ServerConnection connection;
    connection.name = name;
    connection.url = url;
    connection.username = user;
    return connection;
}

QTreeWidgetItem *child(QTreeWidgetItem *parent, const QString &text)
{
    for (int i = 0; parent && i < parent->childCount(); ++i) {
        if (parent->child(i)->text(0) == text)
            return parent->child(i);
    }
    return nullptr;
}

QStringList childTexts(QTreeWidgetItem *parent)
{
    QStringList texts;
    for (int i = 0; parent && i < parent->childCount(); ++i)
        texts << parent->child(i)->text(0);
    return texts;
}

QJsonObject serverDashboard(const PdTest::PersesServerProcess &server, const QByteArray &token)
{
    return PdTest::PersesServerProcess::call(
               server.url() + QStringLiteral("/api/v1/projects/demo/dashboards/board"), "GET", {},
               token)
        .object();
}

// Replaces one piece of the editor's text, as typing would.
bool replaceInEditor(EditorPage *editor, const QString &from, const QString &to)
{
    // By position in the plain text (case-sensitive, across lines), where the document's
    // own find would not look.
    const qsizetype at = editor->codeEditor()->toPlainText().indexOf(from);
    if (at < 0)
        return false;
    QTextCursor cursor(editor->codeEditor()->document());
    cursor.setPosition(int(at));
    cursor.setPosition(int(at + from.size()), QTextCursor::KeepAnchor);
    cursor.insertText(to);
    return true;
}

} // namespace

class TestServerWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Pd::importBuiltinPlugins(); // Prometheus is a plugin: the engine runs nothing without it
        QStandardPaths::setTestModeEnabled(true);
        for (auto location :
             {QStandardPaths::GenericConfigLocation, QStandardPaths::AppLocalDataLocation})
            QDir(QStandardPaths::writableLocation(location)).removeRecursively();
        qputenv("XDG_STATE_HOME", m_resources.filePath(QStringLiteral("state")).toUtf8());
        QCOMPARE(m_prometheus.start(), QString());
        QVERIFY(PdTest::writeDemoProject(m_resources.path(), m_prometheus.url()));
    }

    void init()
    {
        // A fresh server per test: each starts from the same versions.
        m_server = std::make_unique<PdTest::PersesServerProcess>();
        QCOMPARE(
            m_server->start({QStringLiteral("--conformance"), QStringLiteral(PD_CONFORMANCE_DIR),
                             QStringLiteral("--resources"), m_resources.path()}),
            QString());
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
            .removeRecursively();
    }

    void addLogInAndBrowse()
    {
        MainWindow window({});
        ServerSession *session = window.servers()->addConnection(
            connectionTo(m_server->url(), QStringLiteral("admin"), QStringLiteral("test")), false);
        QTRY_COMPARE(session->state(), ServerSession::State::NeedsLogin);
        QTreeWidget *tree = window.servers()->browser()->tree();
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("test — log in"));

        session->login(QStringLiteral("admin"), QStringLiteral("wrong"));
        QTRY_COMPARE(session->state(), ServerSession::State::NeedsLogin);
        QCOMPARE(session->message(), QStringLiteral("HTTP 400 Bad Request: bad request: wrong "
                                                    "login or password "));
        session->login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QTRY_COMPARE(session->state(), ServerSession::State::Ready);
        QTreeWidgetItem *server = tree->topLevelItem(0);
        QCOMPARE(server->text(0), QStringLiteral("test — admin"));
        QTRY_COMPARE(
            childTexts(server),
            (QStringList{QStringLiteral("Global Datasources"), QStringLiteral("Global Variables"),
                         QStringLiteral("demo"), QStringLiteral("incredibleproject"),
                         QStringLiteral("perses"), QStringLiteral("testing")}));
        QTreeWidgetItem *dashboards =
            child(child(server, QStringLiteral("perses")), QStringLiteral("Dashboards"));
        dashboards->setExpanded(true);
        QTRY_COMPARE(childTexts(dashboards),
                     (QStringList{QStringLiteral("benchmark"), QStringLiteral("demo"),
                                  QStringLiteral("nodeexporter")}));
        QTreeWidgetItem *secrets =
            child(child(server, QStringLiteral("perses")), QStringLiteral("Secrets"));
        secrets->setExpanded(true);
        QTRY_COMPARE(childTexts(secrets), QStringList{QStringLiteral("turlututu")});
        QTreeWidgetItem *folders =
            child(child(server, QStringLiteral("perses")), QStringLiteral("Folders"));
        folders->setExpanded(true);
        QTRY_VERIFY(child(folders, QStringLiteral("demos")) != nullptr);
        QTreeWidgetItem *globals = child(server, QStringLiteral("Global Datasources"));
        globals->setExpanded(true);
        QTRY_VERIFY(childTexts(globals).contains(QStringLiteral("prom · default")));

        // Search across projects.
        window.servers()->browser()->searchField()->setText(QStringLiteral("node"));
        QTRY_VERIFY(tree->topLevelItem(0)->text(0).startsWith(u"Search results"));
        QTRY_COMPARE(childTexts(tree->topLevelItem(0)),
                     QStringList{QStringLiteral("Node Exporter  — test perses")});
    }

    void openShowsLiveDataThroughTheProxy()
    {
        MainWindow window({});
        window.resize(1400, 900);
        window.show();
        ServerSession *session = loggedIn(window, QStringLiteral("admin"));
        QSignalSpy opened(window.servers(), &ServerWorkspace::dashboardOpened);
        window.servers()->openDashboard(session, QStringLiteral("demo"), QStringLiteral("board"),
                                        false);
        QVERIFY(opened.wait(30000));
        QVERIFY(window.windowTitle().contains(QStringLiteral("test demo/board")));
        DashboardView *view = nullptr;
        QTRY_VERIFY((view = window.currentView()) && view->isComplete());
        PanelFrame *temperature = view->frame("temperature");
        PanelFrame *locked = view->frame("locked");
        QVERIFY(temperature && locked);
        QVERIFY2(!temperature->hasErrors(), qPrintable(temperature->errors().join(u'\n')));
        // Data came through the proxy: both hosts' series, through the global datasource's route.
        const std::shared_ptr<const Pd::PanelResult> result =
            view->engine().sharedPanelResult("temperature");
        QVERIFY(result && result->queries.size() == 1);
        QCOMPARE(result->queries.front().response.result.series().size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(result->queries.front().url),
                 m_server->url() + QStringLiteral("/proxy/globaldatasources/prom"));
        QCOMPARE(locked->errors(),
                 QStringList{
                     QStringLiteral("Query 1: http: HTTP 403 Forbidden: forbidden access: you are "
                                    "not allowed to use this "
                                    "endpoint \"/api/v1/query_range\" with the HTTP method POST")});
        // The frame shows the proxy's refusal, and the app keeps working.
        bool shown = false;
        for (QLabel *label : locked->findChildren<QLabel *>())
            shown = shown ||
                    (label->text() + label->toolTip()).contains(QStringLiteral("forbidden access"));
        QVERIFY(shown);
    }

    void editSaveAndResolveAConflict()
    {
        MainWindow window({});
        window.show();
        ServerSession *session = loggedIn(window, QStringLiteral("admin"));
        EditorPage *editor = openForEditing(window, session);
        QVERIFY(editor);
        QVERIFY(replaceInEditor(editor, QStringLiteral("name: Temperature"),
                                QStringLiteral("name: Temperature (mine)")));
        QSignalSpy finished(window.servers(), &ServerWorkspace::publishFinished);
        QVERIFY(editor->save());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(1).toBool(), true);
        const QByteArray token = m_server->login(QStringLiteral("admin"));
        QJsonObject stored = serverDashboard(*m_server, token);
        QCOMPARE(
            stored[u"spec"][u"panels"][u"temperature"][u"spec"][u"display"][u"name"].toString(),
            QStringLiteral("Temperature (mine)"));
        QCOMPARE(stored[u"metadata"][u"version"].toInt(), 1);

        // Someone else renames the other panel; I change mine again and save: a conflict,
        // merged without loss since we changed different panels.
        QJsonObject spec = stored[u"spec"].toObject();
        QJsonObject panels = spec[u"panels"].toObject();
        QJsonObject lockedPanel = panels[u"locked"].toObject();
        QJsonObject lockedSpec = lockedPanel[u"spec"].toObject();
        lockedSpec[u"display"] =
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Locked (theirs)")}};
        lockedPanel[u"spec"] = lockedSpec;
        panels[u"locked"] = lockedPanel;
        spec[u"panels"] = panels;
        stored[u"spec"] = spec;
        PdTest::PersesServerProcess::call(
            m_server->url() + QStringLiteral("/api/v1/projects/demo/dashboards/board"), "PUT",
            QJsonDocument(stored).toJson(), token);
        QVERIFY(replaceInEditor(editor, QStringLiteral("Temperature (mine)"),
                                QStringLiteral("Temperature (mine, again)")));
        QString dialogText;
        answerConflict(QStringLiteral("merge"), &dialogText);
        QVERIFY(editor->save());
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, 30000);
        QCOMPARE(finished.last().at(1).toBool(), false);
        QCOMPARE(finished.last().at(2).toString(),
                 QStringLiteral("Merged with their changes. Review, then save to publish."));
        // The dialog said what they changed, and that a merge keeps both.
        QVERIFY2(dialogText.contains(QStringLiteral("panel locked: spec.display.name: "
                                                    "Locked{+ (theirs)+}")),
                 qPrintable(dialogText));
        QVERIFY2(dialogText.contains(QStringLiteral("a merge keeps both")), qPrintable(dialogText));
        const QString merged = editor->codeEditor()->toPlainText();
        QVERIFY(merged.contains(QStringLiteral("Temperature (mine, again)")));
        QVERIFY(merged.contains(QStringLiteral("Locked (theirs)")));
        QVERIFY(editor->save());
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 3, 30000);
        QCOMPARE(finished.last().at(1).toBool(), true);
        stored = serverDashboard(*m_server, token);
        QCOMPARE(
            stored[u"spec"][u"panels"][u"temperature"][u"spec"][u"display"][u"name"].toString(),
            QStringLiteral("Temperature (mine, again)"));
        QCOMPARE(stored[u"spec"][u"panels"][u"locked"][u"spec"][u"display"][u"name"].toString(),
                 QStringLiteral("Locked (theirs)"));
        QCOMPARE(stored[u"metadata"][u"version"].toInt(), 3);
    }

    void readOnlyWithoutPermission()
    {
        MainWindow window({});
        window.show();
        ServerSession *session = loggedIn(window, QStringLiteral("viewer"));
        QSignalSpy opened(window.servers(), &ServerWorkspace::dashboardOpened);
        window.servers()->openDashboard(session, QStringLiteral("demo"), QStringLiteral("board"),
                                        true);
        QVERIFY(opened.wait(30000));
        QVERIFY(!window.currentEditor());
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Read-only: viewer has no 'update' permission on Dashboard "
                                "resources in project 'demo'."));
        QVERIFY(window.windowTitle().contains(QStringLiteral("(read-only: viewer has no")));
    }

    void failedSavesKeepTheEdit_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("message");
        QTest::newRow("5xx") << QStringLiteral(R"({"path":"/api/validate","status":503})")
                             << QStringLiteral(
                                    "HTTP 503 Service Unavailable: internal server error");
        QTest::newRow("reverse proxy page")
            << QStringLiteral(R"({"path":"/api/validate","status":502,"html":true})")
            << QStringLiteral("HTTP 502 Bad Gateway: 502 Bad Gateway");
    }

    void failedSavesKeepTheEdit()
    {
        QFETCH(QString, fault);
        QFETCH(QString, message);
        MainWindow window({});
        window.show();
        ServerSession *session = loggedIn(window, QStringLiteral("admin"));
        EditorPage *editor = openForEditing(window, session);
        QVERIFY(editor);
        QVERIFY(replaceInEditor(editor, QStringLiteral("name: Temperature"),
                                QStringLiteral("name: Kept")));
        PdTest::PersesServerProcess::call(m_server->url() + QStringLiteral("/test/faults"), "POST",
                                          fault.toUtf8());
        QSignalSpy finished(window.servers(), &ServerWorkspace::publishFinished);
        QVERIFY(editor->save());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(1).toBool(), false);
        QCOMPARE(finished.last().at(2).toString(),
                 QStringLiteral("Saved demo/board on this computer, not on the server: %1. Save "
                                "again to retry.")
                     .arg(message));
        // The edit is in the working copy; the next save publishes it.
        QVERIFY(PdTest::readFile(editor->file()).contains("name: Kept"));
        QVERIFY(editor->save());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(1).toBool(), true);
        QCOMPARE(serverDashboard(*m_server, m_server->login(QStringLiteral(
                                                "admin")))[u"spec"][u"panels"][u"temperature"]
                                                          [u"spec"][u"display"][u"name"]
                                                              .toString(),
                 QStringLiteral("Kept"));
    }

    void unpublishedEditsSurviveReopening()
    {
        {
            MainWindow window({});
            ServerSession *session = loggedIn(window, QStringLiteral("admin"));
            EditorPage *editor = openForEditing(window, session);
            QVERIFY(replaceInEditor(editor, QStringLiteral("name: Temperature"),
                                    QStringLiteral("name: Offline edit")));
            PdTest::PersesServerProcess::call(m_server->url() + QStringLiteral("/test/faults"),
                                              "POST", R"({"path":"/api","status":503})");
            QSignalSpy finished(window.servers(), &ServerWorkspace::publishFinished);
            QVERIFY(editor->save());
            QVERIFY(finished.wait(30000));
            QCOMPARE(finished.last().at(1).toBool(), false);
        }
        // A new window (after a quit): opening the dashboard keeps the unpublished edit.
        MainWindow window({});
        ServerSession *session = loggedIn(window, QStringLiteral("admin"));
        EditorPage *editor = openForEditing(window, session);
        QVERIFY(editor);
        QVERIFY(editor->codeEditor()->toPlainText().contains(QStringLiteral("Offline edit")));
        QVERIFY(window.statusBar()->currentMessage().startsWith(
            QStringLiteral("Your unpublished changes to demo/board are kept")));
    }

    void unsavedDatasourceGoesThroughTheUnsavedRoute()
    {
        // A dashboard datasource added in the edit is not on the server yet: the preview
        // reaches it through /proxy/unsaved/…, with its spec.
        MainWindow window({});
        window.resize(1400, 900);
        window.show();
        ServerSession *session = loggedIn(window, QStringLiteral("admin"));
        EditorPage *editor = openForEditing(window, session);
        QVERIFY(editor);
        const QString local =
            QStringLiteral("  datasources:\n    mine:\n      default: false\n      plugin:\n"
                           "        kind: PrometheusDatasource\n        spec:\n"
                           "          proxy:\n            kind: HTTPProxy\n            spec:\n"
                           "              url: %1\n")
                .arg(m_prometheus.url());
        QVERIFY(replaceInEditor(editor, QStringLiteral("    name: Board\n"),
                                QStringLiteral("    name: Board\n") + local));
        QVERIFY(
            replaceInEditor(editor, QStringLiteral("name: locked"), QStringLiteral("name: mine")));
        // The preview is rebuilt once typing pauses; then the panel runs again, answered.
        auto answered = [editor] {
            PanelFrame *frame = editor->preview() ? editor->preview()->frame("locked") : nullptr;
            return frame && editor->isValidated() && !editor->isStale() &&
                   editor->preview()->isComplete() && !frame->isLoading() && !frame->hasErrors();
        };
        const bool ok = QTest::qWaitFor(answered, 30000);
        PanelFrame *frame = editor->preview() ? editor->preview()->frame("locked") : nullptr;
        QVERIFY2(ok && frame, frame ? qPrintable(frame->errors().join(u'\n')) : "no frame");
    }

    void moveADashboardBetweenFolders()
    {
        MainWindow window({});
        ServerSession *session = loggedIn(window, QStringLiteral("admin"));
        QVERIFY(session);
        // perses/demo is in folder "demos"; moved to "infrastructure" it leaves "demos".
        QString problem = QStringLiteral("not called");
        window.servers()->moveDashboard(session, QStringLiteral("perses"), QStringLiteral("demo"),
                                        QStringLiteral("infrastructure"),
                                        [&problem](const QString &p) { problem = p; });
        QTRY_COMPARE(problem, QString());
        const QByteArray token = m_server->login(QStringLiteral("admin"));
        auto items = [&](const char *folder) {
            return QJsonDocument(PdTest::PersesServerProcess::call(
                                     m_server->url() +
                                         QStringLiteral("/api/v1/projects/perses/folders/") +
                                         QLatin1String(folder),
                                     "GET", {}, token)
                                     .object()[u"spec"][u"items"]
                                     .toArray())
                .toJson(QJsonDocument::Compact);
        };
        QCOMPARE(items("infrastructure"),
                 QByteArray(R"([{"kind":"Dashboard","name":"nodeexporter"},)"
                            R"({"kind":"Dashboard","name":"demo"}])"));
        QCOMPARE(items("demos"),
                 QByteArray(R"([{"kind":"Dashboard","name":"benchmark"},{"items":[{"kind":)"
                            R"("Dashboard","name":"nodeexporter"}],"kind":"Folder","name":)"
                            R"("infrastructure"}])"));
        // Out of every folder.
        problem = QStringLiteral("not called");
        window.servers()->moveDashboard(session, QStringLiteral("perses"), QStringLiteral("demo"),
                                        {}, [&problem](const QString &p) { problem = p; });
        QTRY_COMPARE(problem, QString());
        QVERIFY(!items("infrastructure").contains("\"demo\""));
    }

    void expiredSessionLogsInAgainAndSaves()
    {
        // Tokens that expire in a second, refresh tokens in two.
        m_server = std::make_unique<PdTest::PersesServerProcess>();
        QCOMPARE(m_server->start({QStringLiteral("--resources"), m_resources.path(),
                                  QStringLiteral("--access-ttl"), QStringLiteral("1"),
                                  QStringLiteral("--refresh-ttl"), QStringLiteral("2")}),
                 QString());
        MainWindow window({});
        ServerSession *session = loggedIn(window, QStringLiteral("admin"));
        EditorPage *editor = openForEditing(window, session);
        QVERIFY(editor);
        QVERIFY(replaceInEditor(editor, QStringLiteral("name: Temperature"),
                                QStringLiteral("name: After the break")));
        QTest::qWait(2500);
        QSignalSpy finished(window.servers(), &ServerWorkspace::publishFinished);
        QVERIFY(editor->save());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(1).toBool(), false);
        QCOMPARE(finished.last().at(2).toString(),
                 QStringLiteral("Saved demo/board on this computer, not on the server: not logged "
                                "in: HTTP 401 Unauthorized: missing or malformed jwt. Log in again "
                                "(double-click the server), then save."));
        QCOMPARE(session->state(), ServerSession::State::NeedsLogin);
        QVERIFY(PdTest::readFile(editor->file()).contains("name: After the break"));
        session->login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QTRY_COMPARE(session->state(), ServerSession::State::Ready);
        QVERIFY(editor->save());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(1).toBool(), true);
    }

private:
    ServerSession *loggedIn(MainWindow &window, const QString &user)
    {
        ServerSession *session = window.servers()->addConnection(
            connectionTo(m_server->url(), user, QStringLiteral("test")), false);
        if (!QTest::qWaitFor(
                [session] { return session->state() != ServerSession::State::Connecting; }, 30000))
            return nullptr;
        if (session->state() != ServerSession::State::Ready)
            session->login(user, user + QStringLiteral("-password"));
        auto ready = [session] { return session->state() == ServerSession::State::Ready; };
        return QTest::qWaitFor(ready, 30000) ? session : nullptr;
    }

    EditorPage *openForEditing(MainWindow &window, ServerSession *session)
    {
        QSignalSpy opened(window.servers(), &ServerWorkspace::dashboardOpened);
        window.servers()->openDashboard(session, QStringLiteral("demo"), QStringLiteral("board"),
                                        true);
        if (!opened.wait(30000))
            return nullptr;
        EditorPage *editor = window.currentEditor();
        auto validated = [editor] { return editor && editor->isValidated(); };
        return QTest::qWaitFor(validated, 30000) ? editor : nullptr;
    }

    // Answers the conflict dialog once it shows (polling: it runs its own modal loop),
    // remembering what it said.
    void answerConflict(const QString &button, QString *text)
    {
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [poll, button, text] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll->stop();
            poll->deleteLater();
            for (QLabel *label : dialog->findChildren<QLabel *>())
                *text += label->text() + u'\n';
            for (QListWidget *list : dialog->findChildren<QListWidget *>()) {
                for (int i = 0; i < list->count(); ++i)
                    *text += list->item(i)->text() + u'\n';
            }
            if (auto *choice = dialog->findChild<QPushButton *>(button))
                choice->click();
        });
        poll->start(50);
    }

    PrometheusTestServer m_prometheus;
    QTemporaryDir m_resources;
    std::unique_ptr<PdTest::PersesServerProcess> m_server;
};

QTEST_MAIN(TestServerWindow)
#include "tst_serverwindow.moc"
