// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "editorpage.h"

#include "codeeditor.h"
#include "dashboardbundle.h"
#include "dashboardedits.h"
#include "dashboardview.h"
#include "datasourcecatalog.h"
#include "datasourceeditor.h"
#include "editorcompletion.h"
#include "editorfile.h"
#include "fieldsdialog.h"
#include "findbar.h"
#include "modeldecoder.h"
#include "paneleditor.h"
#include "pluginregistry.h"
#include "prometheusclient.h"
#include "queryeditor.h"
#include "stackedpanels.h"
#include "syntaxhighlighter.h"
#include "textpatch.h"
#include "theme.h"
#include "variableeditor.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Pd::Gui {

namespace {

// The dashboard is drawn again this long after the last change to it (its queries run
// again): diagnostics follow every keystroke, the panels a pause in typing.
constexpr int previewDelayMs = 250;

// "spec.panels.cpu.spec.plugin" → "cpu": the panel a diagnostic is about.
std::string panelOf(const std::string &path)
{
    static const std::string prefix = "spec.panels.";
    if (!path.starts_with(prefix))
        return {};
    const std::string rest = path.substr(prefix.size());
    return rest.substr(0, rest.find('.'));
}

} // namespace

struct EditorPage::Outcome
{
    int generation = 0;
    LintedFile linted;
    bool parsed = false; // false: the text does not read (the preview goes stale)
    std::optional<Model::Dashboard> dashboard;
    std::optional<Node> resource;
    std::shared_ptr<const ResourceFile> file; // what was read, spans included
};

EditorPage::EditorPage(const QString &file, DatasourceOverrides overrides, QWidget *parent)
    : QWidget(parent)
    , m_overrides(std::move(overrides))
    , m_schemas(std::make_shared<PluginSchemaRegistry>(PluginRegistry::instance().schemas()))
    , m_editor(new CodeEditor(this))
    , m_document(new EditorFile(file, m_editor, this))
    , m_findBar(new FindBar(m_editor, this))
    , m_completion(new EditorCompletion(m_editor, m_schemas, this))
    , m_problems(new QTreeWidget(this))
    , m_counts(new QLabel(this))
    , m_staleBanner(new QLabel(this))
    , m_previewPane(new QVBoxLayout)
    , m_previewTimer(new QTimer(this))
{
    readSurroundings();
    buildLayout();
    new SyntaxHighlighter(m_editor->document(), Theme::isDark(palette()));
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(previewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &EditorPage::rebuildPreview);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &EditorPage::scheduleValidation);
    connect(m_editor, &CodeEditor::completionRequested, this, &EditorPage::complete);
    connect(m_completion, &EditorCompletion::unavailable, m_counts, &QLabel::setText);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this,
            &EditorPage::modifiedChanged);
    connect(m_document, &EditorFile::saved, this, &EditorPage::saved);
    startValidation();
}

EditorPage::~EditorPage() = default;

// The datasources and variables beside the file, for the dashboard: its folder read off the
// GUI thread (a repository's folder can be large; unreadable files are passed over). The
// dashboard is drawn again with them when they come.
void EditorPage::readSurroundings()
{
    using Found = std::pair<std::vector<Model::Datasource>, std::vector<Model::Variable>>;
    auto *watcher = new QFutureWatcher<Found>(this);
    connect(watcher, &QFutureWatcher<Found>::finished, this, [this, watcher] {
        watcher->deleteLater();
        Found found = watcher->result();
        if (found.first.empty() && found.second.empty())
            return; // nothing beside the file: the dashboard as drawn stays
        m_datasources = std::move(found.first);
        m_variables = std::move(found.second);
        if (m_preview)
            rebuildPreview();
    });
    // Beside the file; and in the layout `pull` writes (a server dashboard's working copy is
    // one too): <project>/dashboards/x.yaml finds <project>/datasources, <project>/variables
    // and the global ones two levels up.
    const QDir folder = QFileInfo(m_document->path()).absoluteDir();
    QStringList folders{folder.path()};
    if (folder.dirName() == u"dashboards") {
        const QString project = QFileInfo(folder.path()).path();
        const QString root = QFileInfo(project).path();
        folders << project + u"/datasources" << project + u"/variables"
                << root + u"/globaldatasources" << root + u"/globalvariables";
    }
    watcher->setFuture(QtConcurrent::run([folders] {
        DashboardBundle around;
        for (const QString &path : folders) {
            if (QFileInfo(path).isDir())
                around.add(path.toStdString(), false, true);
        }
        return Found{std::move(around.datasources), std::move(around.variables)};
    }));
}

void EditorPage::buildLayout()
{
    m_problems->setHeaderLabels({tr("Severity"), tr("Line"), tr("Problem"), tr("Rule")});
    m_problems->setRootIsDecorated(false);
    m_problems->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_problems->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    connect(m_problems, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        m_editor->goTo(item->data(1, Qt::UserRole).toInt(),
                       item->data(1, Qt::UserRole + 1).toInt());
        const std::string panel = item->data(2, Qt::UserRole).toString().toStdString();
        if (m_preview && !panel.empty())
            m_preview->scrollToPanel(panel);
    });
    m_staleBanner->setWordWrap(true);
    m_staleBanner->setStyleSheet(
        QStringLiteral("background: #fff4d6; color: #5c4400; padding: 6px;"));
    m_staleBanner->hide();

    auto *code = new QWidget(this);
    auto *codeLayout = new QVBoxLayout(code);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    codeLayout->addWidget(m_document->changeBar());
    codeLayout->addWidget(m_findBar);
    auto *codeSplit = new QSplitter(Qt::Vertical, code);
    codeSplit->addWidget(m_editor);
    codeSplit->addWidget(m_problems);
    codeSplit->setSizes({700, 160});
    codeLayout->addWidget(codeSplit, 1);
    codeLayout->addWidget(m_counts);

    auto *visual = new QWidget(this);
    auto *visualLayout = new QVBoxLayout(visual);
    visualLayout->setContentsMargins(0, 0, 0, 0);
    // Add Panel: one entry a panel plugin, built-in or loaded.
    auto *add = new QToolButton(visual);
    add->setText(tr("Add Panel"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto *kinds = new QMenu(add);
    for (const PluginSchema *plugin : m_schemas->all()) {
        if (plugin->type != PluginType::Panel)
            continue;
        const QString kind = QString::fromStdString(plugin->kind);
        kinds->addAction(kind, this, [this, kind] { addPanel(kind); });
    }
    add->setMenu(kinds);
    auto *settings = new QToolButton(visual);
    settings->setText(tr("Settings…"));
    connect(settings, &QToolButton::clicked, this, &EditorPage::editSettings);
    auto *datasources = new QToolButton(visual);
    datasources->setText(tr("Datasources…"));
    datasources->setToolTip(tr("The dashboard's own datasources: add, remove, edit"));
    connect(datasources, &QToolButton::clicked, this, &EditorPage::editDatasources);
    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(6, 4, 6, 0);
    tools->addWidget(add);
    tools->addWidget(settings);
    tools->addWidget(datasources);
    auto *variables = new QToolButton(visual);
    variables->setText(tr("Variables"));
    variables->setPopupMode(QToolButton::InstantPopup);
    auto *variableMenu = new QMenu(variables);
    // A new variable opens in its editor straight away: its plugin's spec is still empty.
    auto addAndEdit = [this](const QString &kind) {
        const QString made = addVariable(kind);
        if (!made.isEmpty())
            m_editAfterValidation = made;
    };
    variableMenu->addAction(tr("Add Text Variable"), this, [addAndEdit] { addAndEdit({}); });
    QMenu *listKinds = variableMenu->addMenu(tr("Add List Variable"));
    for (const PluginSchema *plugin : m_schemas->all()) {
        if (plugin->type != PluginType::Variable)
            continue;
        const QString kind = QString::fromStdString(plugin->kind);
        listKinds->addAction(kind, this, [addAndEdit, kind] { addAndEdit(kind); });
    }
    QMenu *edit = variableMenu->addMenu(tr("Edit Variable"));
    connect(edit, &QMenu::aboutToShow, this, [this, edit] {
        edit->clear();
        if (!m_lastValid)
            return;
        for (const Model::VariableSpec &variable : m_lastValid->spec.variables) {
            const QString name = QString::fromStdString(variable.name);
            edit->addAction(name, this, [this, name] { editVariable(name); });
        }
    });
    QMenu *remove = variableMenu->addMenu(tr("Delete Variable"));
    // Filled as it opens: the variables of the text as last read.
    connect(remove, &QMenu::aboutToShow, this, [this, remove] {
        remove->clear();
        if (!m_lastValid)
            return;
        for (const Model::VariableSpec &variable : m_lastValid->spec.variables) {
            const QString name = QString::fromStdString(variable.name);
            remove->addAction(name, this, [this, name] { deleteVariable(name); });
        }
    });
    variables->setMenu(variableMenu);
    tools->addWidget(variables);
    auto *group = new QToolButton(visual);
    group->setText(tr("Add Group"));
    connect(group, &QToolButton::clicked, this, [this] { addGroup(tr("New group")); });
    tools->addWidget(group);
    tools->addStretch(1);
    // A hint that must not widen the pane: the code beside it needs the room more.
    visual->setToolTip(tr("Drag a panel's title to move it, its corner to resize it."));
    visualLayout->addLayout(tools);
    visualLayout->addWidget(m_staleBanner);
    visualLayout->addLayout(m_previewPane, 1);

    auto *split = new QSplitter(this);
    split->addWidget(code);
    split->addWidget(visual);
    split->setSizes({620, 820});
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

bool EditorPage::isModified() const
{
    return m_editor->document()->isModified();
}

// One validation at a time: edits made while it runs are read together when it ends, so
// the latest text always wins and a burst of keystrokes costs one extra run, not one each.
void EditorPage::scheduleValidation()
{
    ++m_generation; // an answer for older text is not shown
    if (!m_validating)
        startValidation();
}

// Reading and validating run on the thread pool; only the newest text's answer is shown.
void EditorPage::startValidation()
{
    m_validating = true;
    const int generation = m_generation;
    auto *watcher = new QFutureWatcher<std::shared_ptr<Outcome>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_validating = false;
        const std::shared_ptr<Outcome> outcome = watcher->result();
        if (outcome->generation == m_generation)
            showOutcome(*outcome);
        else
            startValidation(); // the text changed meanwhile
    });
    auto schemas = m_schemas;
    watcher->setFuture(QtConcurrent::run([text = m_editor->toPlainText().toStdString(),
                                          path = m_document->path().toStdString(), generation,
                                          schemas] {
        auto outcome = std::make_shared<Outcome>();
        outcome->generation = generation;
        auto read =
            std::make_shared<ResourceFile>(Linter(*schemas).lintText(text, path, outcome->linted));
        outcome->file = read;
        const ResourceFile &file = *read;
        outcome->parsed = !file.resources.empty() || !file.hasErrors();
        for (const LoadedResource &resource : file.resources) {
            if (resource.kind != ResourceKind::Dashboard)
                continue;
            std::optional<Model::Resource> decoded = ModelDecoder::decode(resource);
            if (auto *dashboard = decoded ? std::get_if<Model::Dashboard>(&*decoded) : nullptr) {
                outcome->dashboard = std::move(*dashboard);
                outcome->resource = resource.node;
            }
            break;
        }
        return outcome;
    }));
}

void EditorPage::showOutcome(const Outcome &outcome)
{
    m_shownGeneration = outcome.generation;
    m_validatedFile = outcome.file;
    showProblems(outcome.linted.diagnostics);
    m_stale = !outcome.parsed || !outcome.dashboard;
    if (outcome.dashboard && outcome.resource)
        updatePreview(*outcome.dashboard, *outcome.resource);
    if (m_stale) {
        const Diagnostic *first = nullptr;
        for (const Diagnostic &diagnostic : outcome.linted.diagnostics) {
            if (diagnostic.isError()) {
                first = &diagnostic;
                break;
            }
        }
        m_staleBanner->setText(
            tr("The text does not read as a dashboard%1: the dashboard shows the last version "
               "that did.")
                .arg(first ? tr(" (line %1: %2)")
                                 .arg(first->pos.line)
                                 .arg(QString::fromStdString(first->message))
                           : QString()));
    }
    m_staleBanner->setVisible(m_stale && m_lastValid.has_value());
    if (!m_editAfterValidation.isEmpty() && isValidated()) {
        const QString name = std::exchange(m_editAfterValidation, QString());
        editVariable(name);
    }
}

void EditorPage::showProblems(const Diagnostics &diagnostics)
{
    m_editor->setDiagnostics(diagnostics);
    m_problems->clear();
    m_errors = 0;
    m_warnings = 0;
    for (const Diagnostic &diagnostic : diagnostics) {
        m_errors += diagnostic.severity == Severity::Error;
        m_warnings += diagnostic.severity == Severity::Warning;
        auto *row = new QTreeWidgetItem(m_problems);
        row->setText(0, QString::fromLatin1(severityName(diagnostic.severity).data(),
                                            qsizetype(severityName(diagnostic.severity).size())));
        row->setText(1,
                     QStringLiteral("%1:%2").arg(diagnostic.pos.line).arg(diagnostic.pos.column));
        row->setData(1, Qt::UserRole, diagnostic.pos.line);
        row->setData(1, Qt::UserRole + 1, diagnostic.pos.column);
        row->setText(2, QString::fromStdString(diagnostic.message));
        row->setData(2, Qt::UserRole, QString::fromStdString(panelOf(diagnostic.path)));
        row->setText(3, QString::fromStdString(diagnostic.rule));
    }
    m_counts->setText(tr("%1 errors · %2 warnings").arg(m_errors).arg(m_warnings));
    emit statusChanged(m_errors, m_warnings);
}

// A new dashboard view only when the dashboard itself changed (a comment or a reformatting
// keeps the panels and their data), and only once typing pauses.
void EditorPage::updatePreview(const Model::Dashboard &dashboard, const Node &resource)
{
    m_lastValid = dashboard;
    if (m_lastResource && m_lastResource->equals(resource) && m_preview) {
        m_previewTimer->stop(); // back to what is drawn
        return;
    }
    m_lastResource = resource;
    if (m_preview)
        m_previewTimer->start();
    else
        rebuildPreview();
}

void EditorPage::rebuildPreview()
{
    if (!m_lastValid)
        return;
    const Model::Dashboard &dashboard = *m_lastValid;
    delete m_preview;
    m_preview = new DashboardView(dashboard, m_datasources, m_variables, m_overrides,
                                  previewSettings(dashboard));
    m_preview->setLayoutEditable(true);
    connect(m_preview, &DashboardView::panelGeometryEdited, this, &EditorPage::setPanelGeometry);
    connect(m_preview, &DashboardView::panelDeleteRequested, this, &EditorPage::deletePanel);
    connect(m_preview, &DashboardView::panelDuplicateRequested, this, &EditorPage::duplicatePanel);
    connect(m_preview, &DashboardView::panelEditRequested, this, &EditorPage::editPanel);
    connect(m_preview, &DashboardView::groupEditRequested, this, &EditorPage::editGroup);
    m_previewPane->addWidget(m_preview);
}

DashboardQueryEngine::Settings EditorPage::previewSettings(const Model::Dashboard &dashboard)
{
    DashboardQueryEngine::Settings settings;
    // The dashboard's own duration; a duration that does not read (the editor shows why)
    // falls back to the last hour.
    if (DashboardBundle::parseRange({}, "now", dashboard, settings.range))
        settings.range = TimeRange::last(3600 * 1000, currentTimeMs());
    settings.timezoneOffsetSeconds = localTimezoneOffsetSeconds(currentTimeMs());
    return settings;
}

QString EditorPage::file() const
{
    return m_document->path();
}

QWidget *EditorPage::externalChangeBar() const
{
    return m_document->changeBar();
}

bool EditorPage::save()
{
    return m_document->save(m_errors);
}

bool EditorPage::saveAs(const QString &path)
{
    return m_document->saveAs(path);
}

bool EditorPage::maybeClose()
{
    return m_document->maybeClose(m_errors);
}

void EditorPage::writeDraft()
{
    m_document->writeDraft();
}

void EditorPage::reloadFromDisk()
{
    m_document->reloadFromDisk();
}

void EditorPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!std::exchange(m_draftOffered, true))
        QTimer::singleShot(0, m_document, &EditorFile::offerDraft);
}

// A visual edit: the text edits DashboardEdits computes on the text as it is and its own read,
// applied as one undo step. False when it cannot be done there.
bool EditorPage::applyDashboardEdits(
    const std::function<DashboardEdits::Edits(const DashboardEdits &)> &make)
{
    const std::string text = m_editor->toPlainText().toStdString();
    const std::shared_ptr<const ResourceFile> read = currentRead(text);
    const DashboardEdits::Edits edits = make(DashboardEdits(text, *read));
    if (!edits)
        return false;
    if (!edits->empty())
        applyEdits(text, *edits);
    return true;
}

bool EditorPage::setPanelGeometry(const QString &panelId, int x, int y, int width, int height)
{
    return applyDashboardEdits([&](const DashboardEdits &edits) {
        return edits.setPanelGeometry(panelId.toStdString(), x, y, width, height);
    });
}

bool EditorPage::deletePanel(const QString &panelId)
{
    return applyDashboardEdits(
        [&](const DashboardEdits &edits) { return edits.deletePanel(panelId.toStdString()); });
}

QString EditorPage::addPanel(const QString &pluginKind)
{
    std::string key;
    const bool made = applyDashboardEdits(
        [&](const DashboardEdits &edits) { return edits.addPanel(pluginKind.toStdString(), key); });
    return made ? QString::fromStdString(key) : QString();
}

QString EditorPage::duplicatePanel(const QString &panelId)
{
    std::string key;
    const bool made = applyDashboardEdits([&](const DashboardEdits &edits) {
        return edits.duplicatePanel(panelId.toStdString(), key);
    });
    return made ? QString::fromStdString(key) : QString();
}

bool EditorPage::setStrings(const std::vector<std::pair<std::vector<std::string>, QString>> &fields)
{
    std::vector<DashboardEdits::Field> values;
    for (const auto &[path, value] : fields)
        values.emplace_back(path, value.toStdString());
    return applyDashboardEdits(
        [&](const DashboardEdits &edits) { return edits.setStrings(values); });
}

QString EditorPage::addVariable(const QString &pluginKind)
{
    Node spec = Node::object();
    spec.set("name", Node::string("var"));
    Node variable = Node::object();
    if (pluginKind.isEmpty()) {
        variable.set("kind", Node::string("TextVariable"));
        spec.set("value", Node::string(""));
    } else {
        variable.set("kind", Node::string("ListVariable"));
        Node plugin = Node::object();
        plugin.set("kind", Node::string(pluginKind.toStdString()));
        plugin.set("spec", Node::object());
        spec.set("plugin", plugin);
    }
    variable.set("spec", spec);
    std::string made;
    const bool added = applyDashboardEdits(
        [&](const DashboardEdits &edits) { return edits.addVariable("var", variable, made); });
    return added ? QString::fromStdString(made) : QString();
}

// The variable's place in spec.variables, or -1.
int EditorPage::variableIndex(const QString &name) const
{
    const Node *variables = m_lastResource ? m_lastResource->at({"spec", "variables"}) : nullptr;
    for (std::size_t i = 0; variables && i < variables->items().size(); ++i) {
        const Node *spec = variables->items()[i].find("spec");
        if (spec && spec->stringAt("name") == name.toStdString())
            return int(i);
    }
    return -1;
}

void EditorPage::editVariable(const QString &name)
{
    const int index = variableIndex(name);
    if (index < 0)
        return;
    const Node &variable = m_lastResource->at({"spec", "variables"})->items()[std::size_t(index)];
    VariableEditor::Context context{
        m_schemas, [this, index](const Node &edited) { return previewEngine(index, edited); },
        [this](const std::string &kind) { return datasourceChoices(kind); }};
    auto *dialog = new VariableEditor(variable, std::move(context), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, index] {
        if (!setVariable(index, dialog->value()))
            QMessageBox::warning(this, tr("Edit variable"),
                                 tr("The variable could not be written: the text no longer "
                                    "reads as the dashboard it was opened from."));
    });
    dialog->open();
}

bool EditorPage::setVariable(int index, const Node &variable)
{
    return applyDashboardEdits([&](const DashboardEdits &edits) {
        return edits.replace({"spec", "variables", std::to_string(index)}, variable);
    });
}

// The dashboard's variables with one as edited, and no panels: what the variable editor
// resolves its options with.
DashboardQueryEngine *EditorPage::previewEngine(int index, const Node &variable) const
{
    const Node *variables = m_lastResource ? m_lastResource->at({"spec", "variables"}) : nullptr;
    if (!variables || index >= int(variables->items().size()))
        return nullptr;
    Node resource = *m_lastResource;
    Node *spec = resource.find("spec");
    spec->find("variables")->items()[std::size_t(index)] = variable;
    spec->set("panels", Node::object());
    spec->set("layouts", Node::array());
    const Model::Dashboard dashboard = ModelDecoder::dashboard(resource);
    return new DashboardQueryEngine(dashboard, m_datasources, m_variables, m_overrides,
                                    previewSettings(dashboard));
}

bool EditorPage::deleteVariable(const QString &name)
{
    return applyDashboardEdits(
        [&](const DashboardEdits &edits) { return edits.deleteVariable(name.toStdString()); });
}

bool EditorPage::addGroup(const QString &title)
{
    return applyDashboardEdits(
        [&](const DashboardEdits &edits) { return edits.addGroup(title.toStdString()); });
}

bool EditorPage::renameGroup(int group, const QString &title)
{
    return setStrings(
        {{{"spec", "layouts", std::to_string(group), "spec", "display", "title"}, title}});
}

bool EditorPage::moveGroup(int group, int by)
{
    return applyDashboardEdits(
        [&](const DashboardEdits &edits) { return edits.moveGroup(group, by); });
}

bool EditorPage::deleteGroup(int group)
{
    return applyDashboardEdits(
        [&](const DashboardEdits &edits) { return edits.deleteGroup(group); });
}

void EditorPage::editGroup(int group, DashboardView::GroupEdit edit)
{
    switch (edit) {
    case DashboardView::GroupEdit::Rename: {
        const auto &layouts =
            m_lastValid ? m_lastValid->spec.layouts : std::vector<Model::GridLayout>{};
        bool ok = false;
        const QString title = QInputDialog::getText(
            this, tr("Rename group"), tr("Title:"), QLineEdit::Normal,
            group < int(layouts.size())
                ? QString::fromStdString(layouts[std::size_t(group)].title.value_or(std::string()))
                : QString(),
            &ok);
        if (ok)
            renameGroup(group, title);
        break;
    }
    case DashboardView::GroupEdit::MoveUp:
        moveGroup(group, -1);
        break;
    case DashboardView::GroupEdit::MoveDown:
        moveGroup(group, 1);
        break;
    case DashboardView::GroupEdit::Delete:
        deleteGroup(group);
        break;
    case DashboardView::GroupEdit::OpenAtStart:
    case DashboardView::GroupEdit::ClosedAtStart:
    case DashboardView::GroupEdit::Fixed:
        setGroupCollapse(group, edit);
        break;
    }
}

// A group's display.collapse: {open: true|false}, or none for a group that does not collapse.
bool EditorPage::setGroupCollapse(int group, DashboardView::GroupEdit edit)
{
    const std::vector<std::string> path{"spec", "layouts", std::to_string(group), "spec",
                                        "display"};
    const Node *written = m_lastResource ? m_lastResource->at(path) : nullptr;
    Node display = written && written->isObject() ? *written : Node::object();
    if (edit == DashboardView::GroupEdit::Fixed) {
        display.remove("collapse");
    } else {
        Node collapse = Node::object();
        collapse.set("open", Node::boolean(edit == DashboardView::GroupEdit::OpenAtStart));
        display.set("collapse", std::move(collapse));
    }
    return applyDashboardEdits(
        [&](const DashboardEdits &edits) { return edits.replace(path, display); });
}

bool EditorPage::setPanelDisplay(const QString &panelId, const QString &name,
                                 const QString &description, const QString &pluginKind)
{
    const std::string key = panelId.toStdString();
    return setStrings({{{"spec", "panels", key, "spec", "display", "name"}, name},
                       {{"spec", "panels", key, "spec", "display", "description"}, description},
                       {{"spec", "panels", key, "spec", "plugin", "kind"}, pluginKind}});
}

bool EditorPage::setDashboardSettings(const DashboardSettings &settings)
{
    return setStrings({{{"metadata", "name"}, settings.name},
                       {{"spec", "display", "name"}, settings.displayName},
                       {{"spec", "duration"}, settings.duration},
                       {{"spec", "refreshInterval"}, settings.refreshInterval},
                       {{"spec", "timezone"}, settings.timezone}});
}

void EditorPage::editSettings()
{
    if (!m_lastValid)
        return;
    FieldsDialog dialog(tr("Dashboard settings"), this);
    auto text = [](const std::string &value) { return QString::fromStdString(value); };
    QLineEdit *name = dialog.addText(tr("Name:"), text(m_lastValid->metadata.name));
    QLineEdit *display = dialog.addText(tr("Display name:"), text(m_lastValid->spec.display.name));
    QLineEdit *duration = dialog.addText(tr("Default range:"), text(m_lastValid->spec.duration),
                                         QStringLiteral("1h"));
    QLineEdit *refresh = dialog.addText(
        tr("Refresh interval:"), text(m_lastValid->spec.refreshInterval), tr("off (e.g. 30s)"));
    QLineEdit *timezone = dialog.addText(tr("Time zone:"), text(m_lastValid->spec.timezone),
                                         tr("local, UTC or Europe/Paris"));
    if (dialog.ask())
        setDashboardSettings(
            {name->text(), display->text(), duration->text(), refresh->text(), timezone->text()});
}

void EditorPage::editPanel(const QString &panelId)
{
    const Node *panel = m_lastResource
                            ? m_lastResource->at({"spec", "panels", panelId.toStdString(), "spec"})
                            : nullptr;
    if (!panel)
        return;
    PanelEditor::Context context{
        m_schemas,
        prometheusDatasourceChoices(),
        [this](const QString &name) { return resolvedDatasource(name); },
        [this, panelId](const Node &spec) { return previewOf(panelId, spec); },
        [this](QueryEditor *query, DashboardView *preview) { completeQuery(query, preview); },
        Theme::isDark(palette())};
    auto *dialog = new PanelEditor(panelId, *panel, std::move(context), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, panelId] {
        if (!setPanelSpec(panelId, dialog->spec()))
            QMessageBox::warning(this, tr("Edit panel"),
                                 tr("The panel could not be written: the text no longer reads "
                                    "as the dashboard it was opened from."));
    });
    dialog->open();
}

bool EditorPage::setPanelSpec(const QString &panelId, const Node &spec)
{
    return applyDashboardEdits([&](const DashboardEdits &edits) {
        return edits.replace({"spec", "panels", panelId.toStdString(), "spec"}, spec);
    });
}

// The dashboard with only this panel, laid out across the width: the panel editor's preview,
// with the dashboard's datasources, variables and range.
DashboardView *EditorPage::previewOf(const QString &panelId, const Node &panelSpec) const
{
    if (!m_lastResource || !m_lastResource->find("spec"))
        return nullptr;
    Node resource = *m_lastResource;
    StackedPanels::set(*resource.find("spec"), {{panelId.toStdString(), panelSpec, 12}});
    const Model::Dashboard dashboard = ModelDecoder::dashboard(resource);
    auto *view = new DashboardView(dashboard, m_datasources, m_variables, m_overrides,
                                   previewSettings(dashboard));
    view->setRunAllPanels(true);
    return view;
}

void EditorPage::completeQuery(QueryEditor *query, DashboardView *preview)
{
    m_completion->completeQuery(query, preview);
}

bool EditorPage::setDashboardDatasources(const Node &datasources)
{
    return applyDashboardEdits([&](const DashboardEdits &edits) {
        // None left: the map goes rather than stay empty.
        if (datasources.size() == 0)
            return edits.remove({"spec", "datasources"});
        return edits.replace({"spec", "datasources"}, datasources);
    });
}

void EditorPage::editDatasources()
{
    if (!m_lastResource)
        return;
    QStringList inherited;
    if (m_lastValid) {
        const DatasourceCatalog catalog(m_lastValid->spec, m_lastValid->metadata.project,
                                        m_datasources);
        for (const DatasourceEntry &entry : catalog.entries()) {
            if (entry.scope != DatasourceEntry::Scope::Dashboard)
                inherited << tr("%1 · %2 (%3)")
                                 .arg(QString::fromStdString(entry.name),
                                      QueryEditor::scopeName(entry),
                                      QString::fromStdString(entry.spec.plugin.kind));
        }
    }
    const Node *written = m_lastResource->at({"spec", "datasources"});
    auto *dialog =
        new DatasourceEditor(written ? *written : Node::null(), m_schemas, inherited, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!setDashboardDatasources(dialog->value()))
            QMessageBox::warning(this, tr("Datasources"),
                                 tr("The datasources could not be written: the text no longer "
                                    "reads as the dashboard they were opened from."));
    });
    dialog->open();
}

QStringList EditorPage::prometheusDatasourceChoices() const
{
    return datasourceChoices("PrometheusDatasource");
}

QStringList EditorPage::datasourceChoices(const std::string &kind) const
{
    return m_lastValid ? QueryEditor::datasourceChoices(*m_lastValid, m_datasources, kind)
                       : QStringList();
}

QString EditorPage::resolvedDatasource(const QString &name) const
{
    return m_lastValid ? QueryEditor::resolvedDatasource(*m_lastValid, m_datasources, name)
                       : tr("nothing yet");
}

std::shared_ptr<const ResourceFile> EditorPage::currentRead(const std::string &text) const
{
    if (isValidated() && m_validatedFile)
        return m_validatedFile;
    return std::make_shared<ResourceFile>(ResourceReader::readText(
        text, m_document->path().toStdString(),
        ResourceReader::formatFor(m_document->path().toStdString(), text)));
}

void EditorPage::complete()
{
    const std::string text = m_editor->toPlainText().toStdString();
    m_completion->complete(*currentRead(text), m_preview);
}

// Byte offsets into the UTF-8 text become the document's positions; all edits are one undo
// step.
void EditorPage::applyEdits(const std::string &text, std::vector<TextEdit> edits)
{
    std::sort(edits.begin(), edits.end(),
              [](const TextEdit &a, const TextEdit &b) { return a.offset > b.offset; });
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    for (const TextEdit &edit : edits) {
        const int from = int(QString::fromUtf8(text.data(), qsizetype(edit.offset)).size());
        const int length =
            int(QString::fromUtf8(text.data() + edit.offset, qsizetype(edit.length)).size());
        cursor.setPosition(from);
        cursor.setPosition(from + length, QTextCursor::KeepAnchor);
        cursor.insertText(QString::fromStdString(edit.replacement));
    }
    cursor.endEditBlock();
}

} // namespace Pd::Gui
