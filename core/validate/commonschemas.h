// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schema.h"

#include <string>
#include <vector>

namespace Pd::CommonSchemas {

// The shared CUE definitions of spec §10 that plugin schemas build on.
const Schema &format();           // #format (§10.1)
const Schema &calculation();      // #calculation (§10.2)
const Schema &thresholds();       // #thresholds (§10.3)
const Schema &legend();           // #legend (§10.4)
const Schema &legendWithValues(); // #legendWithValues
const Schema &mappings();         // one #mappings item (§10.5)
const Schema &transform();        // one #transform (§10.6)
const Schema &selection();        // #selection (§10.7)
const Schema &actions();          // #actions
const Schema &hexColor();
const Schema &durationString();    // §8.1
const Schema &variableReference(); // "$name"
const Schema &sortOrder();         // asc | desc
const Schema &logBase();           // 2 | 10
const Schema &palette();           // {mode: auto | categorical}

// `datasource?: {kind: string, name?: string} | "$var"`, as the server checks it.
Schema datasourceSelector();
// The HTTP datasource shape (§5.2): exactly one of directUrl and proxy, plus `extra` fields.
Schema httpDatasource(std::vector<SchemaField> extra = {});
// Struct check: when both are numbers, `maxField` must be >= `minField`.
Schema::Check maxNotBelowMin(std::string minField, std::string maxField);

} // namespace Pd::CommonSchemas
