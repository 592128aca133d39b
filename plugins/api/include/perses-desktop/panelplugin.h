// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datahost.h"
#include "querydata.h"
#include "specissue.h"

#include <QColor>
#include <QDesktopServices>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtPlugin>

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

class QWidget;

namespace PdPlugin {

// One bucket of a native histogram sample: the very bucket a query result holds (same
// members, same layout as in version 1), so the spans below point into the result.
using HistogramBucketView = HistogramBucket;

struct HistogramSampleView
{
    std::int64_t timeMs = 0;
    double count = 0;
    double sum = 0;
    std::span<const HistogramBucketView> buckets;
};

// One series of a query result. The spans point into the host's result, which stays alive
// until the next setData() call of the view that received it.
struct SeriesView
{
    QString name; // seriesNameFormat applied, or the series' labels
    QList<QPair<QString, QString>> labels;
    std::span<const std::int64_t> timesMs;
    std::span<const double> values; // NaN: a missing sample
    // Native histogram samples, when the series has them (`values` then holds their sums).
    std::span<const HistogramSampleView> histograms;
};

struct QueryView
{
    QString query; // as sent, variables interpolated
    QString error; // empty when the query succeeded
    QStringList warnings;
    bool instant = false;
    std::vector<SeriesView> series;
};

// One event of an annotation (§4.8) shown with the panel: a moment (startMs == endMs) or a
// region of time.
struct AnnotationView
{
    QString annotation; // the annotation's display name
    QColor color;       // the annotation's colour, or the host's default
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString title;
    QString text;
    QList<QPair<QString, QString>> tags;
};

struct PanelData
{
    qint64 fromMs = 0; // the dashboard's time range
    qint64 toMs = 0;
    std::vector<QueryView> queries; // in panel.spec.queries order
    // Appended after version 1 was published: modules built before it never read it, and the
    // members above keep their places. The events of the annotations the user shows, those
    // of the dashboard and the panel's own, sorted by start. Only a view whose widget has the
    // dynamic property `drawsAnnotationsProperty` set to true gets them (and new data when
    // they change): the others are not drawn again for annotations they do not show.
    std::vector<AnnotationView> annotations;
    // Appended with the data interfaces version 2: for each query (same order as `queries`),
    // its table when the query returned one (alerts, silences), else nullptr. Owned by the
    // host, alive until the next setData() call.
    std::vector<const TableData *> tables;
};

inline constexpr char drawsAnnotationsProperty[] = "pdDrawsAnnotations";

// What the host gives a panel when it creates it.
struct PanelContext
{
    QString kind;
    QJsonObject spec; // the panel plugin's spec, as written
    QString panelId;
    bool darkTheme = false;
    // The dashboard's time zone for times shown: "" or "local" for the user's, else an IANA
    // name ("UTC", "Europe/Paris").
    QString timeZone;
    QList<QColor> seriesPalette;
    // Replaces $variables with their current values (Markdown, titles, links).
    std::function<QString(const QString &)> interpolate;
    // Asks the dashboard to show another time range (drag to zoom).
    std::function<void(qint64 fromMs, qint64 toMs)> requestTimeRange;
    // Appended after version 1 was published (modules built before it never read it): opens a
    // link the panel draws (a table's data links) the way the host opens links; unset, the
    // panel opens it with QDesktopServices.
    std::function<void(const QUrl &url)> openUrl;
    // Appended with the data interfaces (version 2), for panels that act on their datasource
    // (silence an alert, expire a silence): sends a request to the datasource that the
    // panel's query number `query` selects, through the host's transport, by the rules of
    // HttpTransport::send. Null (and no call) when that query has no datasource. Unset by a
    // host that does not offer it.
    std::function<CallHandle(int query, const HttpRequest &request,
                             std::function<void(HttpResponse response)> done)>
        sendToDatasource;
    // Runs the dashboard's queries again, as its refresh button does (after an action).
    std::function<void()> refresh;
};

// Opens a link a panel draws the way the host opens links, or in the desktop's browser when
// the host does not say.
inline void openLink(const PanelContext &context, const QUrl &url)
{
    if (context.openUrl)
        context.openUrl(url);
    else
        QDesktopServices::openUrl(url);
}

// A panel as the host sees it: a widget it places in the grid and data it hands over.
class PanelView
{
public:
    virtual ~PanelView() = default;
    virtual QWidget *widget() = 0;
    virtual void setData(const PanelData &data) = 0;
    // False while the data holds nothing to draw: the host then shows "No data".
    virtual bool hasContent() const = 0;
};

struct PanelKind
{
    QString kind;        // "TimeSeriesChart"
    QString displayName; // "Time Series Chart"
    bool takesQueries = true;
};

// Level "panel": draws a panel plugin kind (§11.1).
class PanelPlugin
{
public:
    virtual ~PanelPlugin() = default;
    virtual int interfaceVersion() const { return apiVersion; }
    virtual QList<PanelKind> panelKinds() const = 0;
    // The host owns the returned view and places its widget; the view owns (and deletes) its
    // widget.
    virtual PanelView *createPanel(const PanelContext &context) = 0;
    // Problems in a spec of one of this plugin's kinds; contributes to `lint` and the editor.
    virtual SpecIssues validateSpec(const QString &kind, const QJsonObject &spec) const = 0;
};

} // namespace PdPlugin

#define PdPanelPlugin_iid "dev.perses.desktop.PanelPlugin/1"
Q_DECLARE_INTERFACE(PdPlugin::PanelPlugin, PdPanelPlugin_iid)
