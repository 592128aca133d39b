// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "timerange.h"

#include <QWidget>

class QComboBox;
class QToolButton;
class QTimer;

namespace Pd::Gui {

// The dashboard's time controls: a range picker (presets from 5 minutes to 30 days, or any
// from/to: "now-6h", RFC 3339, Unix seconds), shift back and forward, zoom out, refresh and
// auto-refresh. Relative ranges are resolved against the clock at every refresh.
class TimeRangePicker : public QWidget
{
    Q_OBJECT

public:
    explicit TimeRangePicker(QWidget *parent = nullptr);

    // Text as typed: from "now-1h", to "now".
    void setRange(const QString &from, const QString &to);
    void setAbsolute(qint64 fromMs, qint64 toMs);
    void setRefreshInterval(const QString &duration); // "30s", "" for off
    TimeRange resolved() const;
    // Holds auto-refresh while the dashboard is not shown.
    void setPaused(bool paused);
    QString fromText() const { return m_from; }
    QString toText() const { return m_to; }

signals:
    void rangeChanged(const Pd::TimeRange &range);

private:
    void emitRange();
    void editCustom();
    void shift(double fraction);
    void zoomOut();
    void updateLabel();

    QString m_from = QStringLiteral("now-1h");
    QString m_to = QStringLiteral("now");
    QToolButton *m_rangeButton;
    QComboBox *m_autoRefresh;
    QTimer *m_refreshTimer;
    bool m_paused = false;
};

} // namespace Pd::Gui
