// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "statchartview.h"

#include "valuemappings.h"

#include <QJsonArray>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace PdPanels {

namespace {

std::vector<QPointF> normalisedLine(const PdPlugin::SeriesView &series)
{
    std::vector<QPointF> points;
    if (series.values.size() < 2)
        return points;
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (double value : series.values) {
        if (std::isfinite(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    if (!std::isfinite(low))
        return points;
    const double first = double(series.timesMs.front());
    const double span = std::max(1.0, double(series.timesMs.back()) - first);
    // A few hundred points are plenty for a sparkline.
    const std::size_t stride = std::max<std::size_t>(1, series.values.size() / 400);
    for (std::size_t i = 0; i < series.values.size(); i += stride) {
        if (!std::isfinite(series.values[i]))
            continue;
        const double y = high > low ? (series.values[i] - low) / (high - low) : 0.5;
        points.emplace_back((double(series.timesMs[i]) - first) / span, y);
    }
    return points;
}

QFont fittingFont(QFont font, const QString &text, const QSizeF &box, double maxPixels)
{
    font.setPixelSize(int(std::max(8.0, maxPixels)));
    const QFontMetricsF metrics(font);
    const double scale = std::min(box.width() / std::max(1.0, metrics.horizontalAdvance(text)),
                                  box.height() / std::max(1.0, metrics.height()));
    if (scale < 1)
        font.setPixelSize(std::max(8, int(font.pixelSize() * scale)));
    return font;
}

} // namespace

StatChartView::StatChartView(const PdPlugin::PanelContext &context)
    : m_context(context)
    , m_format(unitFormat(context.spec.value(QStringLiteral("format"))))
    , m_calculation(calculation(context.spec, Pd::Calculation::Last))
    , m_thresholds(Thresholds::read(context.spec.value(QStringLiteral("thresholds"))))
{
    setMinimumSize(40, 30);
}

StatChartView::Stat StatChartView::makeStat(const PdPlugin::SeriesView &series) const
{
    Stat stat;
    stat.name = series.name;
    const std::optional<double> value = Pd::calculate(m_calculation, series.values);
    const QString metricLabel = m_context.spec.value(QStringLiteral("metricLabel")).toString();
    // Mappings match what is shown before formatting: the label, or the number as written.
    QString raw = sampleText(value);
    if (!metricLabel.isEmpty()) {
        raw.clear();
        for (const auto &[name, labelValue] : series.labels) {
            if (name == metricLabel)
                raw = labelValue;
        }
        stat.text = raw;
    } else {
        stat.text = value ? unitText(*value, m_format) : QStringLiteral("null");
    }
    stat.color = value && std::isfinite(*value) ? m_thresholds.colorFor(*value)
                                                : m_thresholds.defaultColor();
    const QJsonArray mappings = m_context.spec.value(QStringLiteral("mappings")).toArray();
    if (auto mapped = applyMappings(mappings, value, raw)) {
        stat.text = mapped->text;
        if (mapped->color.isValid())
            stat.color = mapped->color;
    }
    if (m_context.spec.contains(QStringLiteral("sparkline")))
        stat.sparkline = normalisedLine(series);
    return stat;
}

void StatChartView::setData(const PdPlugin::PanelData &input)
{
    m_stats.clear();
    for (const PdPlugin::QueryView &query : input.queries) {
        for (const PdPlugin::SeriesView &series : query.series)
            m_stats.push_back(makeStat(series));
    }
    update();
}

void StatChartView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QString legendMode = m_context.spec.value(QStringLiteral("legendMode")).toString();
    const bool showNames = legendMode == u"on" || (legendMode != u"off" && m_stats.size() > 1);
    const std::vector<QRectF> cells = splitIntoCells(rect(), int(m_stats.size()));
    for (std::size_t i = 0; i < m_stats.size(); ++i)
        paintStat(painter, m_stats[i], cells[i].adjusted(2, 2, -2, -2), showNames);
}

void StatChartView::paintStat(QPainter &painter, const Stat &stat, const QRectF &cell,
                              bool showName) const
{
    const QString colorMode = m_context.spec.value(QStringLiteral("colorMode")).toString();
    const bool background = colorMode == u"background_solid";
    QColor textColor = palette().color(QPalette::WindowText);
    if (background) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(stat.color);
        painter.drawRoundedRect(cell, 4, 4);
        textColor = stat.color.lightnessF() > 0.6 ? Qt::black : Qt::white;
    } else if (colorMode != u"none") {
        textColor = stat.color;
    }
    QRectF valueBox = cell;
    if (showName) {
        QFont nameFont = font();
        nameFont.setPixelSize(int(std::clamp(cell.height() / 7, 10.0, 14.0)));
        painter.setFont(nameFont);
        painter.setPen(background ? textColor : palette().color(QPalette::WindowText));
        const QRectF nameBox(cell.left(), cell.top(), cell.width(), nameFont.pixelSize() * 1.6);
        painter.drawText(
            nameBox, Qt::AlignCenter,
            QFontMetrics(nameFont).elidedText(stat.name, Qt::ElideMiddle, int(cell.width()) - 4));
        valueBox.setTop(nameBox.bottom());
    }
    if (!stat.sparkline.empty()) {
        const QRectF line(cell.left(), cell.bottom() - cell.height() * 0.35, cell.width(),
                          cell.height() * 0.35);
        QColor onBackground = textColor;
        onBackground.setAlphaF(0.55f);
        QColor lineColor = color(m_context.spec.value(QStringLiteral("sparkline"))
                                     .toObject()
                                     .value(QStringLiteral("color")),
                                 background ? onBackground : stat.color);
        QPainterPath path;
        for (std::size_t i = 0; i < stat.sparkline.size(); ++i) {
            const QPointF p(line.left() + stat.sparkline[i].x() * line.width(),
                            line.bottom() - stat.sparkline[i].y() * line.height() * 0.9);
            i == 0 ? path.moveTo(p) : path.lineTo(p);
        }
        QPainterPath area = path;
        area.lineTo(line.right(), line.bottom());
        area.lineTo(line.left(), line.bottom());
        QColor fill = lineColor;
        fill.setAlphaF(0.25f);
        painter.fillPath(area, fill);
        const double width = m_context.spec.value(QStringLiteral("sparkline"))
                                 .toObject()
                                 .value(QStringLiteral("width"))
                                 .toDouble(1.5);
        painter.strokePath(path, QPen(lineColor, width));
        valueBox.setBottom(line.top() + line.height() * 0.3);
    }
    const double fontSize =
        m_context.spec.value(QStringLiteral("valueFontSize")).toDouble(valueBox.height() * 0.6);
    painter.setFont(fittingFont(font(), stat.text, valueBox.size() * 0.92, fontSize));
    painter.setPen(textColor);
    painter.drawText(valueBox, Qt::AlignCenter, stat.text);
}

} // namespace PdPanels
