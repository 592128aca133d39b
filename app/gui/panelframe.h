// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model.h"
#include "queryresult.h"
#include "timegrids.h"

#include <QColor>
#include <QFrame>

#include <functional>
#include <memory>
#include <optional>
#include <perses-desktop/panelplugin.h>

class QAction;
class QLabel;
class QToolButton;
class QStackedLayout;
class QUrl;

namespace Pd::Gui {

class ElidedLabel;

// The frame around one panel: title, description tooltip, loading and error indicators,
// "No data", and the menu (maximise, copy as image). The body is the panel plugin's view, or
// a placeholder naming the plugin when none provides the kind.
class PanelFrame : public QFrame
{
    Q_OBJECT

public:
    PanelFrame(const Model::Panel &panel, const PdPlugin::PanelContext &context,
               QWidget *parent = nullptr);
    ~PanelFrame() override;

    const QString &panelId() const { return m_panelId; }
    // The title as shown, the variables' values in it.
    QString title() const;
    bool takesQueries() const { return m_takesQueries; }
    void setLoading(bool loading);
    // The title with the variables' current values (repeated panels name their value).
    void updateTitle();
    bool isLoading() const { return m_loading; }
    // Hands a finished result to the view; the frame keeps it alive while the view uses it.
    void setResult(std::shared_ptr<const PanelResult> result, qint64 fromMs, qint64 toMs);
    // The annotation events to draw with the data (those the user shows); the view gets them
    // at once when they differ from what it has.
    void setAnnotations(std::vector<PdPlugin::AnnotationView> events);
    bool hasErrors() const { return !m_errors.isEmpty(); }
    QStringList errors() const { return m_errors; }
    // Builds the view again in the current palette and hands it the result it had: a theme
    // change keeps the data, the range and the scroll position.
    void restyle(bool darkTheme);
    // The panel's plot width, for the query step.
    int contentWidth() const;
    // A coloured outline around the frame (the review marks added, removed and changed
    // panels); an invalid colour takes it away.
    void setOutline(const QColor &colour);
    QColor outline() const { return m_outline; }
    // Offers "History…" in the menu: the dashboard comes from a Git repository.
    void setHistoryAvailable(bool available);
    // Offers "Edit Panel…", "Duplicate Panel" and "Delete Panel" in the menu: edit mode.
    void setEditable(bool editable);

signals:
    void maximiseRequested(const QString &panelId);
    void historyRequested(const QString &panelId);
    void deleteRequested(const QString &panelId);
    void duplicateRequested(const QString &panelId);
    void editRequested(const QString &panelId);
    // One of the panel's links chosen in its menu: the URL to open, variables replaced.
    void linkActivated(const QUrl &url);
    void inspectRequested(const QString &panelId);
    // "Explore" in the menu: the panel's queries in Explore.
    void exploreRequested(const QString &panelId);

protected:
    void showEvent(QShowEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    PdPlugin::PanelView *ensureView();
    void buildHeader(const Model::Panel &panel);
    void addLinks(const std::vector<Model::Link> &links);
    QAction *addMenuAction(const QString &text, const std::function<void()> &triggered);
    void popUpMenu();
    void showBody();
    std::optional<QString> bodyMessage() const;
    void copyImage();
    PdPlugin::PanelData panelData(const PanelResult &result, qint64 fromMs, qint64 toMs);
    bool drawsAnnotations() const;
    std::span<const PdPlugin::HistogramSampleView> histogramViews(const Series &series);

    QString m_panelId;
    QString m_rawTitle;
    std::function<QString(const QString &)> m_interpolate;
    PdPlugin::PanelContext m_context;
    PdPlugin::PanelPlugin *m_plugin = nullptr;
    // The result outlives the view that reads spans into it: declared first, destroyed last.
    std::shared_ptr<const PanelResult> m_result;
    // What the plugin interface's spans point to besides the result, alive as long as it:
    // native histograms in the interface's shape, and lists of implicit times.
    struct ViewStorage
    {
        std::vector<std::vector<PdPlugin::HistogramSampleView>> histograms;
        TimeGrids times;
    };
    ViewStorage m_viewStorage;
    std::unique_ptr<PdPlugin::PanelView> m_view;
    ElidedLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_menu = nullptr;
    QList<QAction *> m_menuActions; // the menu's, in order; the frame owns them
    QAction *m_history = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_edit = nullptr;
    QLabel *m_message = nullptr;
    QStackedLayout *m_body = nullptr;
    QStringList m_errors;
    std::vector<PdPlugin::AnnotationView> m_annotations;
    bool m_loading = false;
    qint64 m_fromMs = 0; // the range of m_result
    qint64 m_toMs = 0;
    bool m_takesQueries = true;
    QColor m_outline;
};

} // namespace Pd::Gui
