// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

namespace Pd::Gui {

// Help ▸ About Plugins: every plugin found, where it came from, the kinds it provides, and
// why it did not load when it did not.
class PluginsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PluginsDialog(QWidget *parent = nullptr);
};

} // namespace Pd::Gui
