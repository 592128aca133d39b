// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "imagecomparison.h"

#include <cstdlib>

namespace PdTest {

namespace {

bool sameColour(QRgb p, QRgb q)
{
    const int t = ImageComparison::channelThreshold;
    return std::abs(qRed(p) - qRed(q)) <= t && std::abs(qGreen(p) - qGreen(q)) <= t &&
           std::abs(qBlue(p) - qBlue(q)) <= t && std::abs(qAlpha(p) - qAlpha(q)) <= t;
}

// Whether `image` has `colour` at (x, y) or at one of its eight neighbours.
bool hasColourNear(const QImage &image, int x, int y, QRgb colour)
{
    for (int dy = -1; dy <= 1; ++dy) {
        const int row = y + dy;
        if (row < 0 || row >= image.height())
            continue;
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(row));
        for (int dx = -1; dx <= 1; ++dx) {
            const int column = x + dx;
            if (column >= 0 && column < image.width() && sameColour(line[column], colour))
                return true;
        }
    }
    return false;
}

} // namespace

ImageComparison ImageComparison::compare(const QImage &actual, const QImage &expected)
{
    ImageComparison result;
    if (actual.isNull() || actual.size() != expected.size()) {
        result.m_sizesDiffer = true;
        return result;
    }
    const QImage a = actual.convertToFormat(QImage::Format_ARGB32);
    const QImage b = expected.convertToFormat(QImage::Format_ARGB32);
    result.m_difference = b;
    for (int y = 0; y < a.height(); ++y) {
        const auto *rowA = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *rowB = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            if (sameColour(rowA[x], rowB[x]))
                continue;
            if (hasColourNear(b, x, y, rowA[x]) && hasColourNear(a, x, y, rowB[x]))
                continue; // an edge moved by at most a pixel
            ++result.m_differing;
            result.m_area |= QRect(x, y, 1, 1);
            result.m_difference.setPixel(x, y, qRgb(255, 0, 255));
        }
    }
    return result;
}

QString ImageComparison::summary() const
{
    if (m_sizesDiffer)
        return QStringLiteral("the images differ in size");
    return QStringLiteral("%1 pixels differ beyond antialiasing, within (%2,%3 %4x%5)")
        .arg(m_differing)
        .arg(m_area.x())
        .arg(m_area.y())
        .arg(m_area.width())
        .arg(m_area.height());
}

} // namespace PdTest
