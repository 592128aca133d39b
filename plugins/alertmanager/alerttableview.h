// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "labelcolors.h"

#include <QWidget>

#include <perses-desktop/panelplugin.h>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

// AlertTable (docs/spec/alertmanager.md §4.1): the alerts of every query, duplicates merged,
// in groups by the spec's labels (alertname unless it says), each alert with its state as a
// coloured chip, its labels, its age and a link to silence it in Alertmanager's own UI (and
// its runbook, when an annotation names one). A search box filters on state, label and
// annotation values; a header click sorts (state by urgency).
class AlertTableView : public QWidget, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit AlertTableView(const PdPlugin::PanelContext &context);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return m_alertCount > 0; }

private:
    struct Column
    {
        QString label; // the label key
        QString header;
        QString sortMode; // alphabetical, numeric, severity
    };

    void applySearch();
    void sortGroupByChildren(QTreeWidgetItem *group) const;
    // `clickable`: a link even without a URL (an action of the panel's own).
    void setLink(QTreeWidgetItem *item, int column, const QString &text, const QString &url,
                 bool clickable = false) const;
    void openLink(QTreeWidgetItem *item, int column);
    void createSilence(const QJsonObject &labels, int query);
    QStringList groupBy() const;

    PdPlugin::PanelContext m_context;
    LabelColors m_labelColors;
    std::vector<Column> m_columns;
    QLineEdit *m_search;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    int m_alertCount = 0;
    int m_ageColumn = -1;
    int m_labelsColumn = -1;
    int m_silenceColumn = -1;
    int m_runbookColumn = -1;
};
