// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Pd::Gui {

// Unsaved editor text kept on disk every few seconds, so that a crash or a kill loses at most
// those seconds: one draft a file, in $XDG_STATE_HOME/perses-desktop/drafts (~/.local/state),
// or the application's local data folder where XDG does not apply. Written atomically.
class DraftStore
{
public:
    struct Draft
    {
        QString text;
        QDateTime savedAt;
    };

    static QString folder();
    static bool save(const QString &file, const QString &text);
    static std::optional<Draft> load(const QString &file);
    static void remove(const QString &file);

private:
    static QString pathFor(const QString &file);
};

} // namespace Pd::Gui
