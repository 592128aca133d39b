// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validationcontext.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace Pd {

// A dashboard variable as far as layouts care: can it repeat a group or a panel?
struct RepeatableVariable
{
    std::string name;
    bool multiValue = false;
};

// Grid layouts of a dashboard (spec §4.6): kinds, `$ref`s as the server checks them, and
// the geometry and repeat checks the server leaves out.
class LayoutValidator
{
public:
    LayoutValidator(ValidationContext &context, const Node &panels,
                    std::vector<RepeatableVariable> variables, std::string project);

    void validate(const Node &layouts, const std::string &path);
    // Panel keys that some grid item references.
    const std::set<std::string> &referencedPanels() const { return m_referenced; }

private:
    void checkGrid(const Node &spec, const std::string &path);
    void checkItem(const Node &item, const std::string &path);
    void checkRef(const Node &ref, const std::string &path);
    void checkTabs(const Node &kind, const Node &spec, const std::string &path);
    std::optional<std::pair<std::string_view, std::string>> refProblem(const std::string &text);
    void checkOverlaps(const Node &items, const std::string &path);
    void checkRepeat(const Node &name, const std::string &path, std::string_view what);

    ValidationContext &m_context;
    const Node &m_panels;
    std::vector<RepeatableVariable> m_variables;
    std::string m_project;
    std::set<std::string> m_referenced;
};

} // namespace Pd
