// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validationcontext.h"

#include <string>

namespace Pd {

// Annotation lists (spec §4.8) and link lists (§4.2), at dashboard or panel level.
// `messagePrefix` is "" for the dashboard and `panel "<id>": ` for a panel, as the server
// words it.
class AnnotationValidator
{
public:
    explicit AnnotationValidator(ValidationContext &context);

    void validateAnnotations(const Node &annotations, const std::string &path,
                             const std::string &messagePrefix);
    void validateLinks(const Node &links, const std::string &path);

private:
    ValidationContext &m_context;
};

} // namespace Pd
