// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QImage>
#include <QRect>
#include <QString>

namespace PdTest {

// Compares a drawing with its golden image so that antialiasing may move an edge by a pixel
// but nothing may go missing, appear or change colour. A pixel whose colour differs is
// forgiven only when each image has the other's colour within one pixel of it: a shifted
// edge passes, a lost legend row, axis label, error text or a recoloured line does not (the
// other image has nothing of that colour nearby). What is not forgiven is counted, and
// golden tests allow only a handful of such pixels, far fewer than the smallest text.
class ImageComparison
{
public:
    // Of 255, per channel: below this two colours are the same.
    static constexpr int channelThreshold = 48;
    // Budget of unexplained pixels for a golden test: one glyph of 9 pt text is about 40.
    static constexpr qint64 goldenBudget = 12;

    static ImageComparison compare(const QImage &actual, const QImage &expected);

    bool sizesDiffer() const { return m_sizesDiffer; }
    qint64 differingPixels() const { return m_differing; }
    QRect differingArea() const { return m_area; }
    bool matches(qint64 budget = goldenBudget) const
    {
        return !m_sizesDiffer && m_differing <= budget;
    }
    // The expected image with the unexplained pixels in magenta, for a person to look at.
    QImage differenceImage() const { return m_difference; }
    QString summary() const;

private:
    bool m_sizesDiffer = false;
    qint64 m_differing = 0;
    QRect m_area;
    QImage m_difference;
};

} // namespace PdTest
