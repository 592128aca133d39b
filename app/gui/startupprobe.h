// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace Pd::Gui {

class MainWindow;

// Ends the process once the window has painted its dashboard with every panel in view
// answered: the end of a cold start as bench_coldstart measures it (PD_STARTUP_PROBE=1). Prints
// "startup-probe: painted" and exits 0, or exits 1 after a minute without that.
class StartupProbe : public QObject
{
    Q_OBJECT

public:
    explicit StartupProbe(MainWindow *window);

private:
    void check();

    MainWindow *m_window;
    QTimer *m_timer;
    QElapsedTimer m_clock;
};

} // namespace Pd::Gui
