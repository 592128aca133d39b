// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardrenderer.h"

#include "dashboardview.h"
#include "panelframe.h"
#include "variableresolver.h"
#include "variablestate.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTimer>

namespace Pd::Gui {

namespace {

constexpr int defaultDashboardWidth = 1600;
constexpr QSize defaultPanelSize(800, 400);

// Lets queued work (results, layouts, chart geometry) run for a moment.
void settle(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitUntilSettled(DashboardView &view, std::chrono::milliseconds timeout)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeout.count()) {
        settle(25);
        if (view.engine().variables().isResolved() && view.hasRunAllShown() && view.isSettled())
            return true;
    }
    return false;
}

bool write(QWidget &widget, const QString &path, QString &error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png") {
        if (!widget.grab().save(path, "PNG"))
            error = QStringLiteral("cannot write ") + path;
        return error.isEmpty();
    }
    if (suffix == u"svg") {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(widget.size());
        svg.setViewBox(widget.rect());
        svg.setTitle(QStringLiteral("Perses Desktop render"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            error = QStringLiteral("cannot write ") + path;
            return false;
        }
        widget.render(&painter);
        return true;
    }
    QPdfWriter pdf(path);
    pdf.setResolution(72); // one pixel to one point: the page is the widget's size
    pdf.setPageSize(QPageSize(QSizeF(widget.size()), QPageSize::Point));
    pdf.setPageMargins(QMarginsF());
    QPainter painter;
    if (!painter.begin(&pdf)) {
        error = QStringLiteral("cannot write ") + path;
        return false;
    }
    widget.render(&painter);
    return true;
}

} // namespace

bool DashboardRenderer::isSupportedOutput(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"png" || suffix == u"svg" || suffix == u"pdf";
}

DashboardRenderer::Outcome DashboardRenderer::render(Request request, const QString &outPath,
                                                     QString &error)
{
    const bool onePanel = request.panelId.has_value();
    const int width = request.width > 0
                          ? request.width
                          : (onePanel ? defaultPanelSize.width() : defaultDashboardWidth);
    DashboardView view(std::move(request.dashboard), std::move(request.datasources),
                       std::move(request.variables), std::move(request.overrides),
                       std::move(request.settings));
    view.setAttribute(Qt::WA_DontShowOnScreen);
    // No scroll bar: panels run at the widths of the final image.
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setRunAllPanels(true);
    if (onePanel)
        view.setMaximised(*request.panelId);
    view.resize(width, request.height > 0 ? request.height : defaultPanelSize.height());
    view.show();
    settle(10);
    if (!onePanel && request.height <= 0)
        view.resize(width, std::max(view.contentHeight(), 100));
    Outcome outcome;
    outcome.timedOut = !waitUntilSettled(view, request.timeout);
    settle(50); // charts lay out their axes after the data
    for (const VariableState &variable : view.engine().variables().states()) {
        if (!variable.error.empty())
            outcome.errors.append(QStringLiteral("variable %1: %2")
                                      .arg(QString::fromStdString(variable.name()),
                                           QString::fromStdString(variable.error)));
    }
    if (outcome.timedOut && !view.engine().variables().isResolved())
        outcome.errors.append(QStringLiteral("variables: no answer before the timeout"));
    for (PanelFrame *frame : view.frames()) {
        if (onePanel && frame->panelId().toStdString() != *request.panelId)
            continue;
        for (const QString &message : frame->errors())
            outcome.errors.append(frame->panelId() + QStringLiteral(": ") + message);
        if (frame->isLoading())
            outcome.errors.append(frame->panelId() +
                                  QStringLiteral(": no answer before the timeout"));
    }
    outcome.size = view.size();
    write(view, outPath, error);
    return outcome;
}

} // namespace Pd::Gui
