// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QImage>

#include <cstdlib>

namespace PdTest {

// The share of pixels where some channel differs by more than `threshold` (of 255): the
// golden-image tolerance, robust to antialiasing noise, not to a moved line or a lost label.
inline double differingFraction(const QImage &actual, const QImage &expected, int threshold = 64)
{
    if (actual.size() != expected.size() || actual.isNull())
        return 1.0;
    const QImage a = actual.convertToFormat(QImage::Format_ARGB32);
    const QImage b = expected.convertToFormat(QImage::Format_ARGB32);
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *rowA = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *rowB = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = rowA[x];
            const QRgb q = rowB[x];
            if (std::abs(qRed(p) - qRed(q)) > threshold ||
                std::abs(qGreen(p) - qGreen(q)) > threshold ||
                std::abs(qBlue(p) - qBlue(q)) > threshold ||
                std::abs(qAlpha(p) - qAlpha(q)) > threshold)
                ++differing;
        }
    }
    return double(differing) / double(qint64(a.width()) * a.height());
}

} // namespace PdTest
