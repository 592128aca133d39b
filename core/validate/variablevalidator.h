// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validationcontext.h"

#include <array>
#include <string>
#include <string_view>

namespace Pd {

// The rules of one variable {kind, spec} (spec §4.4): kind, name, text and list settings and
// the plugin schema. Dashboards and Variable/GlobalVariable resources share it.
class VariableValidator
{
public:
    explicit VariableValidator(ValidationContext &context);

    // `path` is the variable's JSON path. A dashboard variable carries its name in
    // spec.name; a Variable resource has it in metadata.name (`resourceName`).
    void validate(const Node &variable, const std::string &path,
                  const Node *resourceName = nullptr);
    // The sort methods a list variable may name, "none" first.
    static const std::array<std::string_view, 7> &sortMethods();

private:
    void checkName(const Node &name, const std::string &path, bool checkIdRule);
    void checkText(const Node &spec, const std::string &path);
    void checkList(const Node &spec, const std::string &path, const std::string &displayName);
    void checkCapturingRegexp(const Node &regexp, const std::string &path);

    ValidationContext &m_context;
    // The checks the server makes in a dashboard's variable wrapper (constant, list default,
    // custom all): errors there, warnings on a Variable resource, whose bare spec the server
    // decodes without them.
    Severity m_wrapperChecks = Severity::Error;
};

} // namespace Pd
