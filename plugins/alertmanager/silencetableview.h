// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

#include <perses-desktop/panelplugin.h>

class QLineEdit;
class QTreeWidget;

// SilenceTable (docs/spec/alertmanager.md §4.2): every silence of the panel's queries with its
// state (active, pending, expired) as a coloured chip, its matchers and comment, then the
// columns the spec adds (creator, start, end, duration, last update). Sorted by state first;
// a search box filters on state, creator, comment and matchers.
class SilenceTableView : public QWidget, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit SilenceTableView(const PdPlugin::PanelContext &context);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return m_rowCount > 0; }

private:
    void applySearch();
    void expireClicked(class QTreeWidgetItem *item, int column);

    PdPlugin::PanelContext m_context;
    QStringList m_fields; // the columns' fields, in order
    QLineEdit *m_search;
    QTreeWidget *m_tree;
    int m_rowCount = 0;
    int m_actionsColumn = -1;
};
