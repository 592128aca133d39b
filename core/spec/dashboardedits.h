// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcefile.h"
#include "textpatch.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Pd {

// The visual edits of a dashboard as text edits: what the editor's dashboard pane asks for,
// computed on a text and its own read (the spans must be that text's). Each returns the edits
// that make it, empty when there is nothing to change, or none when it cannot be done there
// (the text holds no plain Perses dashboard, the panel is not laid out, a coordinate is
// missing from the text).
class DashboardEdits
{
public:
    using Edits = std::optional<std::vector<TextEdit>>;
    // A field from the resource's root, and the string it takes.
    using Field = std::pair<std::vector<std::string>, std::string>;

    DashboardEdits(std::string_view text, const ResourceFile &read);

    Edits setPanelGeometry(const std::string &panel, int x, int y, int width, int height) const;
    // The panel and every layout item that shows it.
    Edits deletePanel(const std::string &panel) const;
    // A new panel of a plugin kind, or a copy of one, under a new key (`key` says which),
    // laid out below the panels of its group (the copy's, else the first).
    Edits addPanel(const std::string &pluginKind, std::string &key) const;
    Edits duplicatePanel(const std::string &panel, std::string &key) const;
    // Each field set in place when it is there, added to its object when not (and that
    // object to its own when missing too); an empty value is not written where there is none.
    Edits setStrings(const std::vector<Field> &fields) const;
    // The member at `path` taken out with its text; empty when it is not there.
    Edits remove(const std::vector<std::string> &path) const;
    // A variable appended to the dashboard's list (made when missing), or one taken out by
    // name; a new variable's name is made unique from `name` (`made` says which).
    Edits addVariable(const std::string &name, const Node &variable, std::string &made) const;
    Edits deleteVariable(const std::string &name) const;
    // The value at `path` made equal to `value` (what a form gives back: a panel's whole
    // spec, a variable) by the fewest member and item edits: a changed scalar rewritten in
    // place, a member added or taken out, an item appended or taken out. What did not change
    // keeps its text, comments and order; the edits come as one. None when the text cannot
    // be brought there (the parent is missing, or the text does not read).
    Edits replace(const std::vector<std::string> &path, const Node &value) const;
    Edits addGroup(const std::string &title) const;
    Edits moveGroup(int group, int by) const; // swapped with the group `by` away
    Edits deleteGroup(int group) const;       // its panels stay, no longer laid out

private:
    Edits insertPanel(const std::string &base, const Node &panel, const Node *itemLike,
                      std::string &key) const;
    const Node *at(const std::vector<std::string> &path) const;

    std::string_view m_text;
    DocumentFormat m_format;
    const LoadedResource *m_dashboard = nullptr;
};

} // namespace Pd
