// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model.h"
#include "variableoptions.h"
#include "variablevalue.h"

#include <string>
#include <vector>

namespace Pd {

// One variable as the dashboard sees it at run time.
struct VariableState
{
    enum class Scope { Dashboard, Project, Global };

    Model::VariableSpec spec;
    Scope scope = Scope::Dashboard;
    std::vector<VariableOption> options; // plugin order, after capturingRegexp
    VariableValue selected;              // what the user picked ("$__all" for All)
    VariableValue effective;             // what interpolation sees
    std::string error;
    bool resolved = false;

    const std::string &name() const { return spec.name; }
};

} // namespace Pd
