// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QWidget>

#include <perses-desktop/panelplugin.h>

namespace PdPanels {

// StatusHistoryChart (§11.1): a row per series, a cell per sample coloured by its value
// (mappings first, else a palette colour per distinct value), rows sorted by `sorting`,
// a legend of values when `legend` is set.
class StatusHistoryView : public QWidget, public PdPlugin::PanelView
{
    Q_OBJECT

public:
    explicit StatusHistoryView(const PdPlugin::PanelContext &context);

    QWidget *widget() override { return this; }
    void setData(const PdPlugin::PanelData &data) override;
    bool hasContent() const override { return !m_rows.empty(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double labelGutter() const;
    struct Row
    {
        QString name;
        std::vector<std::pair<std::int64_t, QColor>> cells; // time, colour (invalid: no value)
    };
    QColor colorOf(const QString &value);
    QString mappedText(const QString &value) const;

    PdPlugin::PanelContext m_context;
    std::vector<Row> m_rows;
    std::vector<std::pair<QString, QColor>> m_legend; // distinct values in order seen
    QHash<QString, QColor> m_colors;                  // the same, for lookups
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
};

} // namespace PdPanels
