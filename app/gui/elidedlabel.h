// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLabel>

namespace Pd::Gui {

// A one-line label that shows "Average CPU …" when its text does not fit, rather than a
// text cut mid-letter, and gives the whole text as its tooltip then. It may shrink below
// its text's width.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    const QString &fullText() const { return m_fullText; }
    // As wide as the whole text wants; as narrow as one letter and the ellipsis.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_fullText;
};

} // namespace Pd::Gui
