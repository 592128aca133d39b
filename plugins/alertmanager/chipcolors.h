// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>

// The colours Perses' status chips take (Material's error, warning, success and default),
// in their light and dark shades: one palette for alert and silence states.
enum class ChipRole { Error, Warning, Success, Default };

inline QColor chipColor(ChipRole role, bool dark)
{
    switch (role) {
    case ChipRole::Error:
        return dark ? QColor(0xf4, 0x43, 0x36) : QColor(0xd3, 0x2f, 0x2f);
    case ChipRole::Warning:
        return dark ? QColor(0xff, 0xa7, 0x26) : QColor(0xed, 0x6c, 0x02);
    case ChipRole::Success:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case ChipRole::Default:
        break;
    }
    return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
}
