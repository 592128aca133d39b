// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "timeserieschartview.h"

#include "chartstyle.h"
#include "timeticks.h"

#include <QBoxLayout>
#include <QJsonArray>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace PdPanels {

namespace {

Qt::PenStyle penStyle(const QString &style)
{
    if (style == u"dashed")
        return Qt::DashLine;
    if (style == u"dotted")
        return Qt::DotLine;
    return Qt::SolidLine;
}

std::size_t nearestIndex(std::span<const std::int64_t> times, std::int64_t timeMs)
{
    const auto it = std::lower_bound(times.begin(), times.end(), timeMs);
    std::size_t index = std::size_t(it - times.begin());
    if (index == times.size() || (index > 0 && timeMs - times[index - 1] < times[index] - timeMs))
        --index;
    return index;
}

} // namespace

struct TimeSeriesChartView::QueryStyle
{
    std::optional<QColor> color;
    Qt::PenStyle lineStyle;
    double areaOpacity;
    bool stack;
    bool negate;
};

TimeSeriesChartView::TimeSeriesChartView(const PdPlugin::PanelContext &context)
    : m_context(context)
    , m_root(new QWidget)
    , m_canvas(new TimeSeriesCanvas)
    , m_plot(&m_canvas->plot())
{
    const QJsonObject yAxis = context.spec.value(QStringLiteral("yAxis")).toObject();
    m_format = unitFormat(yAxis.value(QStringLiteral("format")));
    m_canvas->setValueLabelsShown(yAxis.value(QStringLiteral("show")).toBool(true));
    m_canvas->setValueTitle(yAxis.value(QStringLiteral("label")).toString());
    m_plot->setSeries(&m_series);
    m_plot->setAnnotations(&m_annotations);
    m_root->setProperty(PdPlugin::drawsAnnotationsProperty, true);

    const QJsonObject visual = context.spec.value(QStringLiteral("visual")).toObject();
    PlotStyle style;
    style.bars = visual.value(QStringLiteral("display")).toString() == u"bar";
    style.lineWidth = visual.value(QStringLiteral("lineWidth")).toDouble(1.25);
    style.alwaysShowPoints = visual.value(QStringLiteral("showPoints")).toString() == u"always";
    style.pointRadius = visual.value(QStringLiteral("pointRadius")).toDouble(2.75);
    style.connectNulls = visual.value(QStringLiteral("connectNulls")).toBool(false);
    m_plot->setStyle(style);

    const QJsonObject legend = context.spec.value(QStringLiteral("legend")).toObject();
    const bool onRight = legend.value(QStringLiteral("position")).toString() == u"right";
    auto *layout =
        new QBoxLayout(onRight ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom, m_root);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_canvas, 1);
    if (!legend.isEmpty()) {
        for (const QJsonValue &value : legend.value(QStringLiteral("values")).toArray()) {
            if (auto parsed = Pd::parseCalculation(value.toString().toStdString()))
                m_legendValues.push_back(*parsed);
        }
        const bool table = legend.value(QStringLiteral("mode")).toString() == u"table";
        m_legend = new ChartLegend(table, onRight);
        layout->addWidget(m_legend);
        connect(m_legend, &ChartLegend::entryClicked, this, &TimeSeriesChartView::isolate);
    }
    connect(m_canvas, &TimeSeriesCanvas::plotAreaChanged, this, [this] {
        m_plot->invalidate();
        updateTimeAxis();
        // Tick density follows the plot's height; only a changed count relabels the axis
        // (new labels move the plot area again).
        if (tickCount() != m_tickCount)
            updateScale();
    });
    connect(m_canvas, &TimeSeriesCanvas::hovered, this, &TimeSeriesChartView::showTooltip);
    connect(m_canvas, &TimeSeriesCanvas::left, this, [this] {
        m_plot->setHoverTime(std::nullopt);
        QToolTip::hideText();
    });
    connect(m_canvas, &TimeSeriesCanvas::dragging, this, [this](double from, double to) {
        m_plot->setSelection(std::pair{m_plot->timeAt(from), m_plot->timeAt(to)});
    });
    connect(m_canvas, &TimeSeriesCanvas::dragFinished, this, [this](double from, double to) {
        m_plot->setSelection(std::nullopt);
        if (std::abs(to - from) < 5 || !m_context.requestTimeRange)
            return;
        const qint64 a = m_plot->timeAt(std::min(from, to));
        const qint64 b = m_plot->timeAt(std::max(from, to));
        m_context.requestTimeRange(a, b);
    });
}

TimeSeriesChartView::~TimeSeriesChartView()
{
    delete m_root;
}

TimeSeriesChartView::QueryStyle TimeSeriesChartView::queryStyle(int queryIndex) const
{
    const QJsonObject visual = m_context.spec.value(QStringLiteral("visual")).toObject();
    QueryStyle style{std::nullopt, penStyle(visual.value(QStringLiteral("lineStyle")).toString()),
                     visual.value(QStringLiteral("areaOpacity")).toDouble(0),
                     visual.contains(QStringLiteral("stack")), false};
    for (const QJsonValue &value :
         m_context.spec.value(QStringLiteral("querySettings")).toArray()) {
        const QJsonObject settings = value.toObject();
        if (settings.value(QStringLiteral("queryIndex")).toInt(-1) != queryIndex)
            continue;
        if (settings.contains(QStringLiteral("colorMode")))
            style.color = color(settings.value(QStringLiteral("colorValue")), QColor());
        if (!style.color || !style.color->isValid())
            style.color.reset();
        if (settings.contains(QStringLiteral("lineStyle")))
            style.lineStyle = penStyle(settings.value(QStringLiteral("lineStyle")).toString());
        style.areaOpacity =
            settings.value(QStringLiteral("areaOpacity")).toDouble(style.areaOpacity);
        style.stack = settings.value(QStringLiteral("stack")).toBool(style.stack);
        style.negate = settings.value(QStringLiteral("negativeY")).toBool(false);
    }
    return style;
}

void TimeSeriesChartView::setData(const PdPlugin::PanelData &data)
{
    m_fromMs = data.fromMs;
    m_toMs = std::max(data.toMs, data.fromMs + 1);
    buildSeries(data);
    m_annotations.setEvents(data.annotations);
    m_plot->setTimeRange(m_fromMs, m_toMs);
    m_plot->setSeries(&m_series);
    updateValueRange();
    updateScale();
    updateTimeAxis();
    updateLegend();
}

void TimeSeriesChartView::buildSeries(const PdPlugin::PanelData &data)
{
    m_series.clear();
    const QList<QColor> &palette = m_context.seriesPalette;
    for (std::size_t q = 0; q < data.queries.size(); ++q) {
        const QueryStyle style = queryStyle(int(q));
        for (const PdPlugin::SeriesView &view : data.queries[q].series) {
            PlotSeries series;
            series.name = view.name;
            series.queryIndex = int(q);
            series.timesMs = view.timesMs;
            series.values = view.values;
            series.color = style.color.value_or(paletteColor(palette, qsizetype(m_series.size())));
            series.lineStyle = style.lineStyle;
            series.areaOpacity = style.areaOpacity;
            if (style.negate) {
                series.negated.assign(view.values.begin(), view.values.end());
                for (double &value : series.negated)
                    value = -value;
            }
            series.stacked = style.stack;
            m_series.push_back(std::move(series));
        }
    }
    stackSeries();
}

// Stacked series add up sample by sample at equal timestamps, as Perses stacks them.
void TimeSeriesChartView::stackSeries()
{
    std::unordered_map<qint64, double> totals;
    for (PlotSeries &series : m_series) {
        series.top.clear();
        series.base.clear();
        if (!series.stacked || !series.visible)
            continue;
        const std::span<const double> own = series.ownValues();
        std::vector<double> top(own.size());
        series.base.assign(own.size(), 0);
        for (std::size_t i = 0; i < own.size(); ++i) {
            double &total = totals[series.timesMs[i]];
            series.base[i] = total;
            top[i] = std::isnan(own[i]) ? own[i] : total + own[i];
            if (!std::isnan(own[i]))
                total += own[i];
        }
        series.top = std::move(top);
    }
}

// The lowest and highest value drawn in the time range, over the shown series. Kept, as a
// new plot height asks for a new scale of the same values.
void TimeSeriesChartView::updateValueRange()
{
    const QJsonObject yAxis = m_context.spec.value(QStringLiteral("yAxis")).toObject();
    const bool logarithmic = yAxis.value(QStringLiteral("logBase")).toInt(0) > 1;
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const PlotSeries &series : m_series) {
        if (!series.visible)
            continue;
        const std::span<const double> values = series.drawnValues();
        // Times are in order: the samples in the range are one run of them.
        const auto times = series.timesMs.first(std::min(series.timesMs.size(), values.size()));
        const auto first = std::ranges::lower_bound(times, m_fromMs);
        const auto last = std::ranges::upper_bound(first, times.end(), m_toMs);
        for (auto i = std::size_t(first - times.begin()); i < std::size_t(last - times.begin());
             ++i) {
            const double value = values[i];
            if (!std::isfinite(value) || (logarithmic && value <= 0))
                continue;
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    m_valueRange = {low, high};
}

void TimeSeriesChartView::updateScale()
{
    const QJsonObject yAxis = m_context.spec.value(QStringLiteral("yAxis")).toObject();
    const int logBase = yAxis.value(QStringLiteral("logBase")).toInt(0);
    const auto [low, high] = m_valueRange;
    m_tickCount = tickCount();
    const ValueScale scale =
        ValueScale::fit(low, high, number(yAxis, QStringLiteral("min")),
                        number(yAxis, QStringLiteral("max")), logBase, m_tickCount);
    m_plot->setScale(scale);
    std::vector<TimeSeriesCanvas::AxisLabel> labels;
    for (double tick : scale.ticks())
        labels.push_back({unitText(tick, m_format), scale.fraction(tick)});
    m_canvas->setValueLabels(std::move(labels));

    std::vector<PlotThreshold> thresholds;
    const Thresholds steps = Thresholds::read(m_context.spec.value(QStringLiteral("thresholds")));
    for (const Thresholds::Step &step : steps.steps())
        thresholds.push_back({steps.absoluteValue(step, scale.max()), step.color});
    m_plot->setThresholds(std::move(thresholds));
}

int TimeSeriesChartView::tickCount() const
{
    const double height = m_canvas->plotArea().height();
    return std::max(2, int(height > 1 ? height : m_canvas->height()) / 50);
}

void TimeSeriesChartView::updateTimeAxis()
{
    std::vector<TimeSeriesCanvas::AxisLabel> labels;
    const double span = double(m_toMs - m_fromMs);
    for (const TimeTick &tick :
         timeTicks(m_fromMs, m_toMs, int(m_canvas->plotArea().width()), m_context.timeZone))
        labels.push_back({tick.label, double(tick.ms - m_fromMs) / span});
    m_canvas->setTimeLabels(std::move(labels));
}

void TimeSeriesChartView::updateLegend()
{
    if (!m_legend)
        return;
    QStringList headers;
    for (Pd::Calculation calculation : m_legendValues)
        headers.append(QString::fromStdString(std::string(Pd::calculationTitle(calculation))));
    std::vector<ChartLegend::Entry> entries;
    for (const PlotSeries &series : m_series) {
        ChartLegend::Entry entry{series.name, series.color, {}, series.visible};
        for (Pd::Calculation calculation : m_legendValues) {
            const std::optional<double> value = Pd::calculate(calculation, series.values);
            entry.values.append(value ? unitText(*value, m_format) : QStringLiteral("-"));
        }
        entries.push_back(std::move(entry));
    }
    m_legend->setEntries(headers, entries);
}

// Over the marker row along the time axis, the tooltip names the annotations there.
bool TimeSeriesChartView::showAnnotationTooltip(QPointF position, QPoint globalPos)
{
    const QRectF area = m_plot->plotArea();
    if (m_annotations.isEmpty() || position.y() < area.bottom() - 2 * PlotAnnotations::markerSize ||
        position.y() > area.bottom() + 2 || position.x() < area.left() - 4 ||
        position.x() > area.right() + 4)
        return false;
    const auto events =
        m_annotations.eventsAt(position.x(), [this](qint64 ms) { return m_plot->xOf(ms); });
    if (events.empty())
        return false;
    m_plot->setHoverTime(std::nullopt);
    QToolTip::showText(globalPos,
                       PlotAnnotations::describe(events,
                                                 [this](qint64 ms) {
                                                     return zonedTime(ms, m_context.timeZone)
                                                         .toString(
                                                             QStringLiteral("yyyy-MM-dd HH:mm:ss"));
                                                 }),
                       m_canvas);
    return true;
}

void TimeSeriesChartView::showTooltip(QPointF position, QPoint globalPos)
{
    if (showAnnotationTooltip(position, globalPos))
        return;
    if (!m_plot->plotArea().contains(position) || m_series.empty()) {
        m_plot->setHoverTime(std::nullopt);
        QToolTip::hideText();
        return;
    }
    const qint64 hovered = m_plot->timeAt(position.x());
    struct Row
    {
        const PlotSeries *series;
        double value;
        qint64 timeMs;
    };
    std::vector<Row> rows;
    for (const PlotSeries &series : m_series) {
        if (!series.visible || series.timesMs.empty())
            continue;
        const std::size_t index = nearestIndex(series.timesMs, hovered);
        rows.push_back({&series, series.values[index], series.timesMs[index]});
    }
    if (rows.empty())
        return;
    std::ranges::sort(rows, [](const Row &a, const Row &b) { return a.value > b.value; });
    m_plot->setHoverTime(rows.front().timeMs);
    QString html = QStringLiteral("<b>%1</b><table>")
                       .arg(zonedTime(rows.front().timeMs, m_context.timeZone)
                                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    constexpr std::size_t maxRows = 20;
    for (std::size_t i = 0; i < std::min(rows.size(), maxRows); ++i)
        html += QStringLiteral("<tr><td><span style=\"color:%1\">&#9632;</span> %2</td>"
                               "<td align=right>&nbsp;<b>%3</b></td></tr>")
                    .arg(rows[i].series->color.name(), rows[i].series->name.toHtmlEscaped(),
                         unitText(rows[i].value, m_format));
    if (rows.size() > maxRows)
        html += QStringLiteral("<tr><td>") + tr("%n more", nullptr, int(rows.size() - maxRows)) +
                QStringLiteral("</td></tr>");
    QToolTip::showText(globalPos, html + QStringLiteral("</table>"), m_canvas);
}

void TimeSeriesChartView::isolate(int index, bool toggleOnly)
{
    if (index < 0 || index >= int(m_series.size()))
        return;
    PlotSeries &clicked = m_series[std::size_t(index)];
    if (toggleOnly) {
        clicked.visible = !clicked.visible;
    } else {
        const bool alreadyAlone = clicked.visible && std::ranges::count_if(m_series, [](auto &s) {
                                                         return s.visible;
                                                     }) == 1;
        for (PlotSeries &series : m_series)
            series.visible = alreadyAlone || &series == &clicked;
    }
    stackSeries();
    m_plot->invalidate();
    updateValueRange();
    updateScale();
    updateLegend();
}

} // namespace PdPanels
