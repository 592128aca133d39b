// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace Pd::TextPatterns {

// The fixed patterns of the Perses schemas, written out by hand: std::regex recurses per
// character and overflows the stack on long input, and these run on untrusted files.
bool isHexColor(std::string_view text); // ^#(?:[0-9a-fA-F]{3}){1,2}$
bool isDurationString(
    std::string_view text); // ^(\d+y)?(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?(\d+ms)?$
bool isVariableReference(std::string_view text); // ^\$\w+$
bool isHttpUrl(std::string_view text);           // ^https?://[^\s/$.?#].[^\s]*$

// A user's regular expression (a JavaScript capturingRegexp, a Go endpointPattern) made
// acceptable to std::regex's ECMAScript grammar where only the notation differs: named
// groups become plain groups, Go's leading flags and \p classes are dropped or widened.
// Empty when the pattern uses what std::regex cannot check (lookbehind) or is too long to
// check safely: then it is not checked at all.
std::string forStdRegex(std::string_view pattern);

} // namespace Pd::TextPatterns
