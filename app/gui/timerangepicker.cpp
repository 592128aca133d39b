// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "timerangepicker.h"

#include "duration.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

#include <array>

namespace Pd::Gui {

namespace {

struct Preset
{
    const char *duration;
    const char *label;
};
constexpr std::array<Preset, 11> presets = {{
    {"5m", "Last 5 minutes"},
    {"15m", "Last 15 minutes"},
    {"30m", "Last 30 minutes"},
    {"1h", "Last 1 hour"},
    {"6h", "Last 6 hours"},
    {"12h", "Last 12 hours"},
    {"24h", "Last 24 hours"},
    {"2d", "Last 2 days"},
    {"7d", "Last 7 days"},
    {"14d", "Last 14 days"},
    {"30d", "Last 30 days"},
}};
constexpr std::array<const char *, 8> refreshIntervals = {"",   "5s", "10s", "30s",
                                                          "1m", "5m", "15m", "1h"};

QToolButton *toolButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

QString timeText(qint64 ms)
{
    return QString::fromStdString(formatRfc3339(ms));
}

} // namespace

TimeRangePicker::TimeRangePicker(QWidget *parent)
    : QWidget(parent)
    , m_rangeButton(new QToolButton(this))
    , m_autoRefresh(new QComboBox(this))
    , m_refreshTimer(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    QToolButton *back = toolButton(QStringLiteral("◀"), tr("Shift the range back"), this);
    QToolButton *forward = toolButton(QStringLiteral("▶"), tr("Shift the range forward"), this);
    QToolButton *zoom = toolButton(QStringLiteral("⊖"), tr("Zoom out (Ctrl+Z)"), this);
    QToolButton *refresh = toolButton(QStringLiteral("⟳"), tr("Refresh (F5)"), this);
    zoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    refresh->setShortcut(QKeySequence::Refresh);
    m_rangeButton->setPopupMode(QToolButton::InstantPopup);
    m_rangeButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_rangeButton);
    for (const Preset &preset : presets) {
        const QString from = QStringLiteral("now-") + QLatin1StringView(preset.duration);
        menu->addAction(tr(preset.label), this,
                        [this, from] { setRange(from, QStringLiteral("now")); });
    }
    menu->addSeparator();
    menu->addAction(tr("Custom range…"), this, &TimeRangePicker::editCustom);
    m_rangeButton->setMenu(menu);
    for (const char *interval : refreshIntervals)
        m_autoRefresh->addItem(*interval ? tr("Every %1").arg(QLatin1StringView(interval))
                                         : tr("Auto-refresh off"),
                               QLatin1StringView(interval));
    layout->addWidget(back);
    layout->addWidget(m_rangeButton);
    layout->addWidget(forward);
    layout->addWidget(zoom);
    layout->addWidget(refresh);
    layout->addWidget(m_autoRefresh);
    connect(back, &QToolButton::clicked, this, [this] { shift(-0.5); });
    connect(forward, &QToolButton::clicked, this, [this] { shift(0.5); });
    connect(zoom, &QToolButton::clicked, this, &TimeRangePicker::zoomOut);
    connect(refresh, &QToolButton::clicked, this, &TimeRangePicker::emitRange);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_paused)
            emitRange();
    });
    connect(m_autoRefresh, &QComboBox::currentIndexChanged, this, [this] {
        const DurationParse parsed =
            parseDuration(m_autoRefresh->currentData().toString().toStdString());
        if (parsed.isValid() && *parsed.milliseconds > 0)
            m_refreshTimer->start(int(std::min<std::int64_t>(*parsed.milliseconds, 86'400'000)));
        else
            m_refreshTimer->stop();
    });
    updateLabel();
}

void TimeRangePicker::setRange(const QString &from, const QString &to)
{
    m_from = from;
    m_to = to;
    updateLabel();
    emitRange();
}

void TimeRangePicker::setAbsolute(qint64 fromMs, qint64 toMs)
{
    setRange(timeText(fromMs), timeText(toMs));
}

void TimeRangePicker::setRefreshInterval(const QString &duration)
{
    const DurationParse parsed = parseDuration(duration.toStdString());
    if (!parsed.isValid() || *parsed.milliseconds <= 0) {
        m_autoRefresh->setCurrentIndex(0); // "0s" is Perses' "off"
        return;
    }
    int index = m_autoRefresh->findData(duration);
    if (index < 0 && !duration.isEmpty()) {
        m_autoRefresh->addItem(tr("Every %1").arg(duration), duration);
        index = m_autoRefresh->count() - 1;
    }
    m_autoRefresh->setCurrentIndex(std::max(0, index));
}

TimeRange TimeRangePicker::resolved() const
{
    const std::int64_t now = currentTimeMs();
    const TimePointParse from = parseTimePoint(m_from.toStdString(), now);
    const TimePointParse to = parseTimePoint(m_to.toStdString(), now);
    if (!from.ms || !to.ms || *from.ms >= *to.ms)
        return TimeRange::last(3'600'000, now);
    return TimeRange{*from.ms, *to.ms};
}

void TimeRangePicker::setPaused(bool paused)
{
    m_paused = paused;
}

void TimeRangePicker::emitRange()
{
    emit rangeChanged(resolved());
}

void TimeRangePicker::updateLabel()
{
    QString label = m_from + QStringLiteral(" → ") + m_to;
    if (m_to == u"now" && m_from.startsWith(u"now-"))
        label = tr("Last %1").arg(m_from.mid(4));
    for (const Preset &preset : presets) {
        if (m_to == u"now" && m_from == QStringLiteral("now-") + QLatin1StringView(preset.duration))
            label = tr(preset.label);
    }
    m_rangeButton->setText(label);
    // Qt's size hint leaves the popup arrow no room of its own in some styles: the arrow drew
    // over the text's end ("Last 3h,").
    const int arrow =
        m_rangeButton->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, m_rangeButton);
    m_rangeButton->setMinimumWidth(m_rangeButton->fontMetrics().horizontalAdvance(label) + arrow +
                                   24);
}

void TimeRangePicker::editCustom()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Time range"));
    auto *form = new QFormLayout(&dialog);
    auto *from = new QLineEdit(m_from, &dialog);
    auto *to = new QLineEdit(m_to, &dialog);
    auto *problem = new QLabel(&dialog);
    problem->setStyleSheet(QStringLiteral("color: #d9534f"));
    form->addRow(tr("From"), from);
    form->addRow(tr("To"), to);
    form->addRow(new QLabel(tr("now, now-6h, 2026-11-26T10:00:00Z or Unix seconds"), &dialog));
    form->addRow(problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const std::int64_t now = currentTimeMs();
        const TimePointParse a = parseTimePoint(from->text().trimmed().toStdString(), now);
        const TimePointParse b = parseTimePoint(to->text().trimmed().toStdString(), now);
        if (!a.ms || !b.ms)
            problem->setText(QString::fromStdString(!a.ms ? "From: " + a.error : "To: " + b.error));
        else if (*a.ms >= *b.ms)
            problem->setText(tr("From must be before To."));
        else
            dialog.accept();
    });
    if (dialog.exec() == QDialog::Accepted)
        setRange(from->text().trimmed(), to->text().trimmed());
}

void TimeRangePicker::shift(double fraction)
{
    const TimeRange range = resolved();
    const qint64 by = qint64(double(range.durationMs()) * fraction);
    setAbsolute(range.fromMs + by, range.toMs + by);
}

void TimeRangePicker::zoomOut()
{
    const TimeRange range = resolved();
    const qint64 half = range.durationMs() / 2;
    const qint64 now = currentTimeMs();
    if (m_to == u"now") {
        // Keeps following the clock: only the start moves back ("now-1h" becomes "now-2h").
        setRange(QStringLiteral("now-") +
                     QString::fromStdString(formatDuration(range.durationMs() * 2)),
                 m_to);
        return;
    }
    setAbsolute(range.fromMs - half, std::min(range.toMs + half, now));
}

} // namespace Pd::Gui
