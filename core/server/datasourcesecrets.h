// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourceconnection.h"

#include <QString>

namespace Pd {

// The secret headers of the user's datasources (an Authorization, an API key) in the system
// keyring through CredentialStore: the user datasources file names them and holds no value.
class DatasourceSecrets
{
public:
    // Stores the value of every secret header; forgets those `before` had and `after` has not.
    static void store(const DatasourceOverrides &after, const DatasourceOverrides &before = {});
    // Fills the values of the secret headers from the keyring, waiting for it (a local event
    // loop: the file is read before anything is drawn or asked). A header the keyring does
    // not have stays out.
    static void fill(DatasourceOverrides &overrides);
    // The same, from overrides filled before (the window's, read at start): no keyring asked,
    // so no event loop runs.
    static void fillFrom(const DatasourceOverrides &known, DatasourceOverrides &target);
    static QString key(const std::string &datasource, const std::string &header);
};

} // namespace Pd
