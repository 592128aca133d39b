// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTreeWidgetItem>

// A row that sorts by a key of its own per column (Qt::UserRole + 1) when it has one: states
// by urgency, times by time, numbers as numbers; by its text otherwise.
class SortKeyItem : public QTreeWidgetItem
{
public:
    static constexpr int sortRole = Qt::UserRole + 1;
    using QTreeWidgetItem::QTreeWidgetItem;

    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant mine = data(column, sortRole);
        const QVariant theirs = other.data(column, sortRole);
        if (mine.isValid() && theirs.isValid()) {
            if (mine.typeId() == QMetaType::QString || theirs.typeId() == QMetaType::QString)
                return QString::localeAwareCompare(mine.toString(), theirs.toString()) < 0;
            return mine.toDouble() < theirs.toDouble();
        }
        return QString::localeAwareCompare(text(column), other.text(column)) < 0;
    }
};
