// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// The baseline of bench_coldstart: the smallest Qt Widgets window (a main window with a menu
// and a label), started, painted once and left the way the app's startup probe leaves.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"));
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.resize(1440, 900);
    window.show();
    QTimer::singleShot(0, &window, [&window] {
        window.repaint();
        std::printf("startup-probe: painted\n");
        std::fflush(stdout);
        std::_Exit(0);
    });
    return app.exec();
}
