// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "parseresult.h"

#include <string_view>

namespace Pd {

// Reads a YAML stream (one or more `---` documents) into positioned nodes.
// Plain scalars resolve with the YAML 1.2 core schema; plain words that YAML 1.1 tools
// (kubectl, Go's yaml.v2 used by percli) read as booleans are flagged, since the same file
// would mean something else there. yaml-cpp's exceptions stop here.
class YamlReader
{
public:
    // The block YAML people write goes through a one-pass reader (YamlBlockReader); the rest
    // through yaml-cpp. Both give the same nodes, positions and diagnostics.
    static ParseResult parse(std::string_view text);
    // yaml-cpp alone: what the fast path is compared against.
    static ParseResult parseWithYamlCpp(std::string_view text);
    // True when the text has a comment (outside quoted strings and block scalars), which a
    // rewrite would lose. Errs on the side of "yes".
    static bool containsComments(std::string_view text);

private:
    static ParseResult read(std::string_view text, bool fastPath);
    static void readWithYamlCpp(std::string_view text, ParseResult &result);
    static ParseResult finish(std::string_view text, ParseResult result);
};

} // namespace Pd
