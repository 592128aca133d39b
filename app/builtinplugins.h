// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace Pd {

// Registers the built-in plugins linked into this executable (static builds); a no-op when
// they are modules. Call before the plugin registry is first used.
void importBuiltinPlugins();

} // namespace Pd
