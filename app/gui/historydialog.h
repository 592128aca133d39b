// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "changehistory.h"

#include <QDialog>

#include <optional>

class QLabel;
class QTreeWidget;

namespace Pd::Gui {

// A file's history, or one panel's: the commits that changed it (following renames of the
// file and of the panel), each with what it changed, read off the GUI thread. "Open This
// Version" asks for the dashboard as it was in the chosen commit.
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    // `panel`: that panel's history; none: the whole file's.
    HistoryDialog(const QString &repository, const std::string &path,
                  const std::optional<std::string> &panel, const std::string &revision,
                  QWidget *parent = nullptr);

    QTreeWidget *commitList() const { return m_list; }
    bool isLoaded() const { return m_loaded; }

signals:
    void loaded();
    // "commit:path", to open read-only.
    void openRequested(const QString &revisionPath);

private:
    void showHistory(const GitResult<std::vector<HistoryEntry>> &history);

    QLabel *m_summary;
    QTreeWidget *m_list;
    bool m_loaded = false;
};

} // namespace Pd::Gui
