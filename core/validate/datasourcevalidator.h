// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validationcontext.h"

#include <string>

namespace Pd {

// A DatasourceSpec {display, default, plugin} (spec §5): the plugin schema and the HTTP proxy
// settings the server decodes itself. Used for Datasource resources and dashboard-local
// datasources.
class DatasourceValidator
{
public:
    explicit DatasourceValidator(ValidationContext &context);

    void validateSpec(const Node &spec, const std::string &path, const std::string &name);

private:
    void checkProxies(const Node &node, const std::string &path);
    void checkHttpProxy(const Node &spec, const std::string &path);

    ValidationContext &m_context;
};

} // namespace Pd
