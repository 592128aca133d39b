// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "tablepager.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QToolButton>

namespace PdPanels {

// Keeps the rows of one page; its source is already sorted and filtered, so a row's place
// there is its place in the table.
class TablePager::PageFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setWindow(int first, int count)
    {
        m_first = first;
        m_count = count;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        return row >= m_first && row < m_first + m_count;
    }

private:
    int m_first = 0;
    int m_count = 10;
};

TablePager::TablePager(QAbstractItemModel *rows, QWidget *parent)
    : QWidget(parent)
    , m_rows(rows)
    , m_filter(new PageFilter(this))
    , m_sizes(new QComboBox(this))
    , m_range(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
{
    m_filter->setSourceModel(rows);
    m_range->setObjectName(QStringLiteral("pageRange"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addStretch(1);
    layout->addWidget(new QLabel(tr("Rows per page:"), this));
    for (const int size : {10, 25, 50, 100})
        m_sizes->addItem(QString::number(size), size);
    layout->addWidget(m_sizes);
    layout->addWidget(m_range);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous page"));
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next page"));
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    connect(m_sizes, &QComboBox::activated, this,
            [this] { setPageSize(m_sizes->currentData().toInt()); });
    connect(m_previous, &QToolButton::clicked, this, [this] { setPage(page() - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { setPage(page() + 1); });
    // Sorting, filtering and new data move rows between pages.
    connect(rows, &QAbstractItemModel::layoutChanged, this, &TablePager::update);
    connect(rows, &QAbstractItemModel::modelReset, this, &TablePager::update);
    connect(rows, &QAbstractItemModel::rowsInserted, this, &TablePager::update);
    connect(rows, &QAbstractItemModel::rowsRemoved, this, &TablePager::update);
    update();
}

QAbstractItemModel *TablePager::pageModel() const
{
    return m_filter;
}

int TablePager::pageCount() const
{
    return std::max(1, (m_rows->rowCount() + m_pageSize - 1) / m_pageSize);
}

void TablePager::setPage(int page)
{
    m_page = page;
    update();
}

// Another page size starts again at the first page, as in Perses.
void TablePager::setPageSize(int size)
{
    m_pageSize = std::max(1, size);
    m_sizes->setCurrentIndex(m_sizes->findData(m_pageSize));
    m_page = 0;
    update();
}

QString TablePager::rangeText() const
{
    return m_range->text();
}

int TablePager::page() const
{
    return std::clamp(m_page, 0, pageCount() - 1);
}

// The page asked for is kept while a refresh empties the rows for a moment; the one shown is
// the nearest that exists.
void TablePager::setSuspended(bool suspended)
{
    m_suspended = suspended;
    if (!suspended)
        update();
}

void TablePager::update()
{
    if (m_suspended)
        return;
    const int shown = page();
    const int total = m_rows->rowCount();
    const int first = shown * m_pageSize;
    const int last = std::min(total, first + m_pageSize);
    m_filter->setWindow(first, m_pageSize);
    m_range->setText(total == 0 ? tr("0 of 0")
                                : tr("%1–%2 of %3").arg(first + 1).arg(last).arg(total));
    m_previous->setEnabled(shown > 0);
    m_next->setEnabled(shown + 1 < pageCount());
}

} // namespace PdPanels
