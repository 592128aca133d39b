// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "theme.h"

#include <QApplication>
#include <QStyleFactory>

namespace Pd::Gui {

void Theme::apply(Mode mode)
{
    // Fusion draws the same on every platform and takes our palette whole.
    static const QPalette system = QApplication::palette(); // before any change of ours
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(mode == Mode::System ? system : palette(mode == Mode::Dark));
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QList<QColor> Theme::seriesPalette()
{
    static const QList<QColor> colors = {
        QColor(0x56, 0xb4, 0xe9), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73),
        QColor(0xd5, 0x5e, 0x00), QColor(0xcc, 0x79, 0xa7), QColor(0x00, 0x72, 0xb2),
        QColor(0xf0, 0xe4, 0x42), QColor(0x8e, 0x6c, 0xd9), QColor(0xe8, 0x5d, 0x75),
        QColor(0x4c, 0xaf, 0x50),
    };
    return colors;
}

QPalette Theme::palette(bool dark)
{
    QPalette palette;
    const QColor window = dark ? QColor(0x18, 0x1b, 0x1f) : QColor(0xf4, 0xf5, 0xf7);
    const QColor base = dark ? QColor(0x22, 0x25, 0x2b) : QColor(Qt::white);
    const QColor text = dark ? QColor(0xd8, 0xd9, 0xda) : QColor(0x20, 0x23, 0x28);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase,
                     dark ? QColor(0x2a, 0x2e, 0x35) : QColor(0xf0, 0xf2, 0xf5));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, base);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x71, 0xd9));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText,
                     dark ? QColor(0x8a, 0x8d, 0x91) : QColor(0x80, 0x84, 0x8a));
    palette.setColor(QPalette::Mid, dark ? QColor(0x3a, 0x3e, 0x45) : QColor(0xd6, 0xd9, 0xde));
    palette.setColor(QPalette::Link, QColor(0x3d, 0x71, 0xd9));
    return palette;
}

// Perses' own default (DEFAULT_ANNOTATION_COLOR in its plugin system).
QColor Theme::annotationColor(const std::string &written)
{
    const QColor color(QString::fromStdString(written));
    return color.isValid() ? color : QColor(QStringLiteral("#ff6b6b"));
}

} // namespace Pd::Gui
