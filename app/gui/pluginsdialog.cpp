// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "pluginsdialog.h"

#include "pluginregistry.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Pd::Gui {

PluginsDialog::PluginsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Plugins"));
    resize(820, 420);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("Plugin folders: %1").arg(PluginRegistry::pluginFolders().join(QStringLiteral(", "))),
        this));
    const auto &entries = PluginRegistry::instance().entries();
    auto *table = new QTableWidget(int(entries.size()), 4, this);
    table->setHorizontalHeaderLabels({tr("Plugin"), tr("Status"), tr("Kinds"), tr("From")});
    for (int row = 0; row < int(entries.size()); ++row) {
        const PluginRegistry::Entry &entry = entries[std::size_t(row)];
        table->setItem(row, 0, new QTableWidgetItem(entry.name));
        auto *status = new QTableWidgetItem(entry.loaded() ? tr("loaded") : entry.error);
        if (!entry.loaded())
            status->setForeground(QColor(0xd9, 0x53, 0x4f));
        table->setItem(row, 1, status);
        table->setItem(row, 2, new QTableWidgetItem(entry.kinds.join(QStringLiteral(", "))));
        table->setItem(row, 3, new QTableWidgetItem(entry.origin));
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    table->resizeColumnsToContents();
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace Pd::Gui
