// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "chartlegend.h"

#include <QApplication>
#include <QEvent>
#include <QHash>
#include <QHeaderView>
#include <QPainter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace PdPanels {

namespace {

QIcon makeSwatch(const QColor &color, bool visible)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    if (!visible)
        fill.setAlphaF(0.25f);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(1, 4, 10, 4), 2, 2);
    return QIcon(pixmap);
}

// Legends repeat the palette's few colours: each swatch is painted once.
QIcon swatch(const QColor &color, bool visible)
{
    static QHash<std::pair<QRgb, bool>, QIcon> made;
    const auto key = std::pair(color.rgba(), visible);
    auto it = made.find(key);
    if (it == made.end())
        it = made.insert(key, makeSwatch(color, visible));
    return *it;
}

} // namespace

ChartLegend::ChartLegend(bool table, bool onRight, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(this))
    , m_tableMode(table)
    , m_onRight(onRight)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setShowGrid(false);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(20);
    m_table->horizontalHeader()->setVisible(table);
    m_table->setFocusPolicy(Qt::NoFocus);
    // On the panel's background: the viewport does not fill its own (a style sheet would
    // cost every legend a style of its own to make and paint with).
    m_table->viewport()->setAutoFillBackground(false);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        emit entryClicked(row, QApplication::keyboardModifiers() & Qt::ControlModifier);
    });
}

void ChartLegend::setEntries(const QStringList &valueHeaders, const std::vector<Entry> &entries)
{
    const QStringList headers =
        m_tableMode ? QStringList{tr("Name")} + valueHeaders : QStringList{tr("Name")};
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(entries.size()));
    const QColor text = palette().color(QPalette::WindowText);
    for (int row = 0; row < int(entries.size()); ++row) {
        const Entry &entry = entries[std::size_t(row)];
        QColor color = text;
        if (!entry.visible)
            color.setAlphaF(0.45f);
        auto *name = new QTableWidgetItem(swatch(entry.color, entry.visible), entry.name);
        name->setForeground(color);
        name->setToolTip(entry.name);
        m_table->setItem(row, 0, name);
        for (int column = 1; column < int(headers.size()); ++column) {
            auto *value = new QTableWidgetItem(entry.values.value(column - 1));
            value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            value->setForeground(color);
            m_table->setItem(row, column, value);
        }
    }
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    // Value columns as wide as their widest text, measured once here: ResizeToContents asks
    // every row for its size again at each layout of the table.
    // The paddings QStyledItemDelegate and QHeaderView add to a text.
    const QFontMetrics cellMetrics(m_table->font());
    const int padding = 2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1);
    const int headerPadding =
        2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    for (int column = 1; column < int(headers.size()); ++column) {
        int widest = header->fontMetrics().horizontalAdvance(headers[column]) + headerPadding;
        for (const Entry &entry : entries)
            widest = std::max(
                widest, cellMetrics.horizontalAdvance(entry.values.value(column - 1)) + padding);
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        header->resizeSection(column, widest);
    }
    const int rows = std::min<int>(int(entries.size()), m_onRight ? 1000 : 4);
    const int headerHeight = m_tableMode ? header->sizeHint().height() : 0;
    if (!m_onRight)
        setFixedHeight(headerHeight + rows * 20 + 4);
    else {
        m_wantedWidth = m_tableMode ? 120 + 80 * int(valueHeaders.size()) : 180;
        fitWidth();
    }
}

void ChartLegend::fitWidth()
{
    if (!m_onRight || m_wantedWidth == 0)
        return;
    const int panel = parentWidget() ? parentWidget()->width() : m_wantedWidth;
    setFixedWidth(std::min(m_wantedWidth, std::max(60, panel * 2 / 5)));
}

bool ChartLegend::event(QEvent *event)
{
    // The panel's width decides ours: watched from whichever widget holds us.
    if (event->type() == QEvent::ParentChange && parentWidget())
        parentWidget()->installEventFilter(this);
    return QWidget::event(event);
}

bool ChartLegend::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        fitWidth();
    return QWidget::eventFilter(watched, event);
}

} // namespace PdPanels
