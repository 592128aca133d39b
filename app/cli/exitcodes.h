// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace Pd::Cli::ExitCode {
// Shared by every subcommand; scripts rely on them.
inline constexpr int success = 0;
inline constexpr int failure = 1; // findings: lint errors, files fmt would change, failed queries
inline constexpr int usage = 2;   // bad arguments or paths that cannot be read
} // namespace Pd::Cli::ExitCode
