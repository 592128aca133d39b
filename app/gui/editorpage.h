// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dashboardedits.h"
#include "dashboardview.h"
#include "datasourcecatalog.h"
#include "datasourceconnection.h"
#include "linter.h"
#include "model.h"
#include "textpatch.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QVBoxLayout;

namespace Pd::Gui {

class CodeEditor;
class EditorFile;
class EditorCompletion;
class FindBar;
class QueryEditor;

// Edit mode for one file: its text beside the live dashboard. Every edit is read and validated
// again off the GUI thread (debounced, the latest edit winning); problems are underlined in
// the text, listed below it (a click goes to the line, and to the panel) and counted. While
// the text does not parse the dashboard keeps its last valid state and says so. The file
// behind the text (atomic saves, drafts, changes on disk) is EditorFile's; the panel,
// variable and datasource editors write back through DashboardEdits::replace.
class EditorPage : public QWidget
{
    Q_OBJECT

public:
    EditorPage(const QString &file, DatasourceOverrides overrides, QWidget *parent = nullptr);
    ~EditorPage() override;

    QString file() const;
    CodeEditor *codeEditor() const { return m_editor; }
    QTreeWidget *problems() const { return m_problems; }
    DashboardView *preview() const { return m_preview; }
    // The dashboard as last read without errors that stop reading (drawn once typing pauses).
    const std::optional<Model::Dashboard> &lastValid() const { return m_lastValid; }
    bool isModified() const;
    bool isStale() const { return m_stale; }
    // The problems and the dashboard shown are those of the text as it is now.
    bool isValidated() const { return m_shownGeneration == m_generation; }
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }
    // Shown while the file on disk changed under unsaved edits.
    QWidget *externalChangeBar() const;
    FindBar *findBar() const { return m_findBar; }

    // Writes the text (asking first when it has errors). False when nothing was written.
    bool save();
    bool saveAs(const QString &path);
    // Save, Discard or Cancel for unsaved text; true when the page may close.
    bool maybeClose();
    // Keeps a draft now (the timer does it every few seconds).
    void writeDraft();
    void reloadFromDisk();
    // A panel placed again on the grid (a drag in the dashboard): the layout item's x, y,
    // width and height are rewritten in the text, nothing else; one undo step. False when the
    // text has no such item to patch (it does not read, or the panel is not laid out).
    bool setPanelGeometry(const QString &panelId, int x, int y, int width, int height);
    // The panel and every layout item that shows it taken out of the text, one undo step.
    bool deletePanel(const QString &panelId);
    // A new panel of a plugin kind, or a copy of a panel, under a new key, laid out below the
    // panels of its group (the copy's, else the first); one undo step. The key made, or empty.
    QString addPanel(const QString &pluginKind);
    QString duplicatePanel(const QString &panelId);
    // The panel's title, description and plugin kind rewritten in place (a missing field is
    // added); one undo step. The plugin's spec stays: what no longer fits is reported.
    bool setPanelDisplay(const QString &panelId, const QString &name, const QString &description,
                         const QString &pluginKind);
    // The panel editor (Edit Panel… in a panel's menu), opened beside the page; accepted, it
    // writes what it changed.
    void editPanel(const QString &panelId);
    // A panel's whole spec written back: only what differs from the text, one undo step.
    bool setPanelSpec(const QString &panelId, const Node &spec);
    // The dashboard's own datasources (spec.datasources) written back as a whole: what
    // differs, one undo step; an empty map takes the key out.
    bool setDashboardDatasources(const Node &datasources);
    void editDatasources();
    // What the datasource picker offers: each Prometheus datasource the dashboard sees, as
    // "name · scope", the scope that defines it first; and what a selector resolves to.
    QStringList prometheusDatasourceChoices() const;
    QStringList datasourceChoices(const std::string &kind) const;
    QString resolvedDatasource(const QString &name) const;
    // The dashboard's name, display name, default range and refresh interval, in place.
    struct DashboardSettings
    {
        QString name;
        QString displayName;
        QString duration;
        QString refreshInterval;
        QString timezone;
    };
    bool setDashboardSettings(const DashboardSettings &settings);
    // Groups: a titled Grid added at the end, one renamed, moved (swapped with its neighbour)
    // or deleted (its panels stay, no longer laid out). One undo step each.
    bool addGroup(const QString &title);
    // A variable: a text box, or a list whose options come from a variable plugin of `kind`
    // (its spec to be filled in the text). The name made, or empty.
    QString addVariable(const QString &pluginKind);
    bool deleteVariable(const QString &name);
    // The variable editor for a variable of the dashboard, opened beside the page; accepted,
    // it writes what it changed (setVariable: the whole variable at its index, one undo step).
    void editVariable(const QString &name);
    bool setVariable(int index, const Node &variable);
    bool renameGroup(int group, const QString &title);
    bool moveGroup(int group, int by);
    bool deleteGroup(int group);
    // OpenAtStart, ClosedAtStart or Fixed: the group's collapse setting, one undo step.
    bool setGroupCollapse(int group, DashboardView::GroupEdit edit);
    void editSettings();
    void editGroup(int group, DashboardView::GroupEdit edit);
    // Ctrl+Space: the keys the object under the cursor may take (from the schemas the
    // validator uses, a plugin's spec by its kind), or after "kind:" of a plugin the plugin
    // kinds that fit there.
    void complete();

signals:
    void statusChanged(int errors, int warnings);
    void modifiedChanged(bool modified);
    // The text was written to its file by save() (a server dashboard is then published).
    void saved();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildLayout();
    void readSurroundings();
    void scheduleValidation();
    void startValidation();
    struct Outcome;
    void showOutcome(const Outcome &outcome);
    void showProblems(const Diagnostics &diagnostics);
    void updatePreview(const Model::Dashboard &dashboard, const Node &resource);
    void rebuildPreview();
    void applyEdits(const std::string &text, std::vector<TextEdit> edits);
    DashboardView *previewOf(const QString &panelId, const Node &panelSpec) const;
    void completeQuery(QueryEditor *query, DashboardView *preview);
    static DashboardQueryEngine::Settings previewSettings(const Model::Dashboard &dashboard);
    int variableIndex(const QString &name) const;
    DashboardQueryEngine *previewEngine(int index, const Node &variable) const;
    // The read of the text as it is now: the last validation's, or a new one.
    std::shared_ptr<const ResourceFile> currentRead(const std::string &text) const;
    bool applyDashboardEdits(
        const std::function<std::optional<std::vector<TextEdit>>(const DashboardEdits &)> &make);
    bool setStrings(const std::vector<std::pair<std::vector<std::string>, QString>> &fields);

    DatasourceOverrides m_overrides;
    // Built-in and loaded plugins' schemas: what validation and completion check against,
    // shared with the validation's thread.
    std::shared_ptr<const PluginSchemaRegistry> m_schemas;
    std::vector<Model::Datasource> m_datasources; // beside the file
    std::vector<Model::Variable> m_variables;
    CodeEditor *m_editor;
    EditorFile *m_document; // the file behind the text: saves, drafts, changes on disk
    FindBar *m_findBar;
    EditorCompletion *m_completion;
    QTreeWidget *m_problems;
    QLabel *m_counts;
    QLabel *m_staleBanner;
    QVBoxLayout *m_previewPane;
    DashboardView *m_preview = nullptr;
    std::optional<Model::Dashboard> m_lastValid;
    std::optional<Node> m_lastResource;                  // the tree the preview was built from
    std::shared_ptr<const ResourceFile> m_validatedFile; // read from the text last validated
    QTimer *m_previewTimer;
    int m_generation = 0;
    int m_shownGeneration = -1;
    bool m_validating = false;
    int m_errors = 0;
    int m_warnings = 0;
    bool m_stale = false;
    QString m_editAfterValidation; // a variable just added, edited once the text is read
    bool m_draftOffered = false;
};

} // namespace Pd::Gui
