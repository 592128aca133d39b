// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardrenderer.h"

#include "dashboardpage.h"
#include "dashboardview.h"
#include "panelframe.h"
#include "variableresolver.h"
#include "variablestate.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QLabel>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTimer>
#include <QVBoxLayout>

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
        if (view.isComplete())
            return true;
    }
    return false;
}

QString headerText(const QString &title, const TimeRange &range,
                   const std::vector<VariableState> &variables)
{
    QStringList values;
    for (const VariableState &variable : variables) {
        if (variable.spec.hidden)
            continue;
        QStringList picked;
        for (const std::string &value : variable.selected.values)
            picked.append(value == "$__all" ? QStringLiteral("All")
                                            : QString::fromStdString(value));
        values.append(QString::fromStdString(variable.name()) + u'=' + picked.join(u','));
    }
    return QStringLiteral(
               "<b style=\"font-size:15px\">%1</b>&nbsp;&nbsp;&nbsp;%2 → %3&nbsp;&nbsp;&nbsp;%4")
        .arg(title.toHtmlEscaped(), QString::fromStdString(formatRfc3339(range.fromMs)),
             QString::fromStdString(formatRfc3339(range.toMs)),
             values.join(QStringLiteral(" · ")).toHtmlEscaped());
}

void collectErrors(DashboardView &view, const std::optional<std::string> &panelId,
                   DashboardRenderer::Outcome &outcome)
{
    for (const VariableState &variable : view.engine().variables().states()) {
        if (!variable.error.empty())
            outcome.errors.append(QStringLiteral("variable %1: %2")
                                      .arg(QString::fromStdString(variable.name()),
                                           QString::fromStdString(variable.error)));
    }
    if (outcome.timedOut && !view.engine().variables().isResolved())
        outcome.errors.append(QStringLiteral("variables: no answer before the timeout"));
    const std::optional<std::string> shown =
        panelId ? std::optional(view.frameIdFor(*panelId)) : std::nullopt;
    for (PanelFrame *frame : view.frames()) {
        if (shown && frame->panelId().toStdString() != *shown)
            continue;
        for (const QString &message : frame->errors())
            outcome.errors.append(frame->panelId() + QStringLiteral(": ") + message);
        if (frame->isLoading())
            outcome.errors.append(frame->panelId() +
                                  QStringLiteral(": no answer before the timeout"));
    }
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
    const bool fitHeight = !onePanel && request.height <= 0;
    const int width = request.width > 0
                          ? request.width
                          : (onePanel ? defaultPanelSize.width() : defaultDashboardWidth);
    // The sheet is what is drawn: for a dashboard, a header line (title, range, variables)
    // above the panels, as the window shows them.
    QWidget sheet;
    sheet.setAttribute(Qt::WA_DontShowOnScreen);
    sheet.setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(&sheet);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *header = new QLabel(&sheet);
    header->setContentsMargins(10, 8, 10, 0);
    header->setTextFormat(Qt::RichText);
    header->setVisible(!onePanel);
    layout->addWidget(header);
    const QString title = DashboardPage::titleOf(request.dashboard);
    const TimeRange range = request.settings.range;
    auto *view = new DashboardView(std::move(request.dashboard), std::move(request.datasources),
                                   std::move(request.variables), std::move(request.overrides),
                                   std::move(request.settings), &sheet);
    layout->addWidget(view, 1);
    // No scroll bar: panels run at the widths of the final image.
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setRunAllPanels(true);
    if (onePanel)
        view->setMaximised(*request.panelId);
    header->setText(headerText(title, range, {}));
    sheet.resize(width, request.height > 0 ? request.height : defaultPanelSize.height());
    sheet.show();
    Outcome outcome;
    // Repeats unroll once variables are known, which can change the height: fit, wait, again.
    for (int pass = 0; pass < 3; ++pass) {
        settle(10);
        if (fitHeight)
            sheet.resize(width, header->sizeHint().height() + std::max(view->contentHeight(), 100));
        outcome.timedOut = !waitUntilSettled(*view, request.timeout);
        if (!fitHeight || outcome.timedOut ||
            sheet.height() == header->sizeHint().height() + std::max(view->contentHeight(), 100))
            break;
    }
    header->setText(headerText(title, range, view->engine().variables().states()));
    settle(50); // charts lay out their axes after the data
    collectErrors(*view, request.panelId, outcome);
    outcome.size = sheet.size();
    write(sheet, outPath, error);
    return outcome;
}

} // namespace Pd::Gui
