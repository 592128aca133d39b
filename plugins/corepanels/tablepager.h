// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QToolButton;

namespace PdPanels {

// A Table's pagination (`pagination: true`): the rows of one page of the sorted and filtered
// rows, and the footer Perses shows under them: rows per page (10, 25, 50, 100), "1–10 of
// 42", previous and next. The page is kept when the data refreshes, as long as it still exists.
class TablePager : public QWidget
{
    Q_OBJECT

public:
    TablePager(QAbstractItemModel *rows, QWidget *parent = nullptr);

    // The model the table shows: the rows of the current page.
    QAbstractItemModel *pageModel() const;
    int page() const;
    int pageSize() const { return m_pageSize; }
    int pageCount() const;
    void setPage(int page);
    void setPageSize(int size);
    QString rangeText() const;
    // While suspended, rows coming and going are not counted; resuming counts them once.
    void setSuspended(bool suspended);

private:
    class PageFilter;
    void update();

    QAbstractItemModel *m_rows;
    PageFilter *m_filter;
    QComboBox *m_sizes;
    QLabel *m_range;
    QToolButton *m_previous;
    QToolButton *m_next;
    int m_page = 0;
    int m_pageSize = 10;
    bool m_suspended = false;
};

} // namespace PdPanels
