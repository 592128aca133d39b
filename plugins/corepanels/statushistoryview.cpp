// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "statushistoryview.h"

#include "panelstyle.h"
#include "timeticks.h"
#include "valuemappings.h"

#include <QJsonArray>
#include <QPainter>

#include <cmath>

namespace PdPanels {

namespace {

constexpr double maxLabelWidth = 140;
constexpr double axisHeight = 20;
constexpr double legendHeight = 22;

} // namespace

StatusHistoryView::StatusHistoryView(const PdPlugin::PanelContext &context)
    : m_context(context)
{
    setMinimumSize(80, 40);
}

QString StatusHistoryView::mappedText(const QString &value) const
{
    const QJsonArray mappings = m_context.spec.value(QStringLiteral("mappings")).toArray();
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (auto mapped = applyMappings(mappings, ok ? std::optional(number) : std::nullopt, value))
        return mapped->text;
    return value;
}

QColor StatusHistoryView::colorOf(const QString &value)
{
    if (const auto known = m_colors.constFind(value); known != m_colors.constEnd())
        return *known;
    const QJsonArray mappings = m_context.spec.value(QStringLiteral("mappings")).toArray();
    bool ok = false;
    const double number = value.toDouble(&ok);
    QColor color;
    if (auto mapped = applyMappings(mappings, ok ? std::optional(number) : std::nullopt, value))
        color = mapped->color;
    if (!color.isValid())
        color = paletteColor(m_context.seriesPalette, qsizetype(m_colors.size()));
    m_colors.insert(value, color);
    // Continuous values would make a legend of thousands: it stops at 24 entries.
    if (m_legend.size() < 24)
        m_legend.emplace_back(value, color);
    return color;
}

void StatusHistoryView::setData(const PdPlugin::PanelData &input)
{
    m_fromMs = input.fromMs;
    m_toMs = std::max(input.toMs, input.fromMs + 1);
    m_rows.clear();
    m_legend.clear();
    m_colors.clear();
    for (const PdPlugin::QueryView &query : input.queries) {
        for (const PdPlugin::SeriesView &series : query.series) {
            Row row{series.name, {}};
            for (std::size_t i = 0; i < series.values.size(); ++i) {
                const QString text = sampleText(series.values[i]);
                row.cells.emplace_back(series.timesMs[i],
                                       text.isEmpty() ? QColor() : colorOf(text));
            }
            m_rows.push_back(std::move(row));
        }
    }
    const QString sorting = m_context.spec.value(QStringLiteral("sorting")).toString();
    if (!sorting.isEmpty())
        std::ranges::sort(m_rows, [&](const Row &a, const Row &b) {
            return sorting == u"desc" ? a.name > b.name : a.name < b.name;
        });
    update();
}

// As wide as the longest row name needs, at most 140 px and a third of the panel: a fixed
// 140 px left nothing to draw in a panel narrower than that.
double StatusHistoryView::labelGutter() const
{
    int widest = 0;
    for (const Row &row : m_rows)
        widest = std::max(widest, fontMetrics().horizontalAdvance(row.name));
    return std::min({double(widest) + 12, maxLabelWidth, double(width()) / 3});
}

void StatusHistoryView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QColor text = palette().color(QPalette::WindowText);
    const bool legend = m_context.spec.contains(QStringLiteral("legend"));
    const double labelWidth = labelGutter();
    const QRectF plot(labelWidth, 2, width() - labelWidth - 4,
                      height() - axisHeight - (legend ? legendHeight : 0) - 4);
    if (m_rows.empty() || plot.width() < 4 || plot.height() < 4)
        return;
    const double rowHeight = plot.height() / double(m_rows.size());
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows[r];
        const QRectF rowBox(plot.left(), plot.top() + double(r) * rowHeight, plot.width(),
                            rowHeight);
        painter.setPen(text);
        painter.drawText(QRectF(0, rowBox.top(), labelWidth - 6, rowBox.height()),
                         Qt::AlignRight | Qt::AlignVCenter,
                         fontMetrics().elidedText(row.name, Qt::ElideMiddle, int(labelWidth - 8)));
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const auto &[time, cellColor] = row.cells[c];
            const auto &cells = row.cells;
            const std::int64_t next = sampleEnd(
                time, c + 1 < cells.size() ? std::optional(cells[c + 1].first) : std::nullopt,
                c > 0 ? std::optional(cells[c - 1].first) : std::nullopt, m_toMs);
            const auto [left, right] = sampleExtent(plot, m_fromMs, m_toMs, time, next);
            if (!cellColor.isValid() || right < plot.left() || left > plot.right())
                continue;
            painter.fillRect(QRectF(QPointF(std::max(left, plot.left()), rowBox.top() + 1),
                                    QPointF(std::min(right, plot.right()), rowBox.bottom() - 1)),
                             cellColor);
        }
    }
    paintTimeAxis(painter, plot, m_fromMs, m_toMs, m_context.timeZone, text);
    if (!legend)
        return;
    double x = plot.left();
    const double y = height() - legendHeight;
    for (const auto &[value, color] : m_legend) {
        painter.fillRect(QRectF(x, y + 6, 10, 10), color);
        painter.setPen(text);
        const QString label = mappedText(value);
        painter.drawText(QPointF(x + 14, y + 15), label);
        x += 24 + fontMetrics().horizontalAdvance(label);
    }
}

} // namespace PdPanels
