// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validationcontext.h"

namespace Pd {

// Secret and GlobalSecret specs (spec §3.6): one authentication method, complete, and
// known TLS versions.
class SecretValidator
{
public:
    explicit SecretValidator(ValidationContext &context);
    void validate(const Node &spec);

private:
    void checkBasicAuth(const Node &basicAuth);
    void checkAuthorization(const Node &authorization);
    void checkOAuth(const Node &oauth);
    void checkTls(const Node &tls);
    void report(const Node &at, const std::string &path, std::string message);

    ValidationContext &m_context;
};

} // namespace Pd
