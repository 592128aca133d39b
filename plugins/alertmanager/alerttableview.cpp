// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "alerttableview.h"

#include "alertrows.h"
#include "chipcolors.h"
#include "labelcolors.h"
#include "silencedialog.h"
#include "sortkeyitem.h"

#include <QApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace {

constexpr int urlRole = Qt::UserRole + 2;
constexpr int labelsRole = Qt::UserRole + 3; // on the Silence cell: the alert's labels
constexpr int queryRole = Qt::UserRole + 4;  // and the query whose datasource it came from

QColor statusColor(const QString &status, bool dark)
{
    if (status == QLatin1String("firing"))
        return chipColor(ChipRole::Error, dark);
    if (status == QLatin1String("silenced"))
        return chipColor(ChipRole::Warning, dark);
    if (status == QLatin1String("resolved"))
        return chipColor(ChipRole::Success, dark);
    return chipColor(ChipRole::Default, dark);
}

QString statusText(const QString &status)
{
    if (status == QLatin1String("firing"))
        return AlertTableView::tr("Firing");
    if (status == QLatin1String("silenced"))
        return AlertTableView::tr("Silenced");
    if (status == QLatin1String("pending"))
        return AlertTableView::tr("Pending");
    if (status == QLatin1String("resolved"))
        return AlertTableView::tr("Resolved");
    return status;
}

// "3d 4h", "2h 5m", "7m", "<1m": how long the alert has been on.
QString ageText(qint64 startsAtMs, qint64 nowMs)
{
    const qint64 minutes = std::max<qint64>(0, (nowMs - startsAtMs) / 60000);
    if (minutes < 1)
        return AlertTableView::tr("<1m");
    const qint64 days = minutes / 1440;
    const qint64 hours = minutes / 60 % 24;
    if (days > 0)
        return AlertTableView::tr("%1d %2h").arg(days).arg(hours);
    if (hours > 0)
        return AlertTableView::tr("%1h %2m").arg(hours).arg(minutes % 60);
    return AlertTableView::tr("%1m").arg(minutes);
}

QString labelsText(const QJsonObject &labels, const QStringList &shown)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key() != QLatin1String("alertname") && !shown.contains(it.key()))
            parts.append(it.key() + QLatin1Char('=') + it.value().toString());
    }
    return parts.join(QStringLiteral(", "));
}

QString alertCount(int count)
{
    return count == 1 ? AlertTableView::tr("1 alert") : AlertTableView::tr("%1 alerts").arg(count);
}

// Perses' allowedActions: both when the spec does not say.
bool allows(const QJsonObject &spec, const char *action)
{
    const QJsonValue actions = spec.value(QStringLiteral("allowedActions"));
    return !actions.isArray() || actions.toArray().contains(QLatin1String(action));
}

} // namespace

AlertTableView::AlertTableView(const PdPlugin::PanelContext &context)
    : m_context(context)
    , m_labelColors(context.spec.value(QStringLiteral("labelColorMappings")).toArray())
    , m_search(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    for (const QJsonValue &value : context.spec.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject column = value.toObject();
        const QString name = column.value(QStringLiteral("name")).toString();
        if (!name.isEmpty())
            m_columns.push_back({name, column.value(QStringLiteral("header")).toString(name),
                                 column.value(QStringLiteral("sortMode")).toString()});
    }
    m_search->setPlaceholderText(tr("Search alerts…"));
    m_search->setClearButtonEnabled(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_summary);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);
    QStringList headers = {tr("Status"), tr("Alert name")};
    for (const Column &column : m_columns)
        headers.append(column.header);
    // Labels last, where their width does not push the age and the links out of sight.
    headers << tr("Age");
    m_ageColumn = int(headers.size()) - 1;
    if (allows(context.spec, "silence")) {
        headers << tr("Silence");
        m_silenceColumn = int(headers.size()) - 1;
    }
    if (allows(context.spec, "runbook")) {
        headers << tr("Runbook");
        m_runbookColumn = int(headers.size()) - 1;
    }
    headers << tr("Labels");
    m_labelsColumn = int(headers.size()) - 1;
    m_tree->setHeaderLabels(headers);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSortingEnabled(true);
    m_tree->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    // The initial sort: the first column the spec sorts.
    for (const QJsonValue &value : context.spec.value(QStringLiteral("columns")).toArray()) {
        const QString sort = value.toObject().value(QStringLiteral("sort")).toString();
        const auto found = std::find_if(m_columns.begin(), m_columns.end(), [&](const Column &c) {
            return c.label == value.toObject().value(QStringLiteral("name")).toString();
        });
        if (!sort.isEmpty() && found != m_columns.end()) {
            m_tree->sortByColumn(2 + int(found - m_columns.begin()), sort == QLatin1String("desc")
                                                                         ? Qt::DescendingOrder
                                                                         : Qt::AscendingOrder);
            break;
        }
    }
    connect(m_search, &QLineEdit::textChanged, this, &AlertTableView::applySearch);
    connect(m_tree, &QTreeWidget::itemClicked, this, &AlertTableView::openLink);
}

QStringList AlertTableView::groupBy() const
{
    const QJsonValue spec = m_context.spec.value(QStringLiteral("defaultGroupBy"));
    if (!spec.isArray())
        return {QStringLiteral("alertname")};
    QStringList keys;
    for (const QJsonValue &entry : spec.toArray()) {
        // "$var" may stand for several keys: its values, comma-separated.
        const QString text =
            m_context.interpolate ? m_context.interpolate(entry.toString()) : entry.toString();
        for (const QString &key : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            keys.append(key.trimmed());
    }
    return keys;
}

void AlertTableView::setData(const PdPlugin::PanelData &panelData)
{
    const QList<AlertRow> alerts = AlertRow::fromTables(
        panelData.tables, m_context.spec.value(QStringLiteral("deduplication")).toObject());
    m_alertCount = int(alerts.size());
    const QStringList groupKeys = groupBy();
    QStringList shown;
    for (const Column &column : m_columns)
        shown.append(column.label);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString runbookKey = m_context.spec.value(QStringLiteral("runbookAnnotationKey"))
                                   .toString(QStringLiteral("runbook_url"));
    m_tree->setUpdatesEnabled(false);
    // Filled unsorted, then sorted once by the column the user (or the spec) sorts by: keys
    // set after an item is placed would not move it.
    m_tree->setSortingEnabled(false);
    m_tree->clear();
    QHash<QString, SortKeyItem *> groups;
    for (const AlertRow &alert : alerts) {
        QStringList parts;
        for (const QString &key : groupKeys)
            parts.append(key + QLatin1Char('=') + alert.labels.value(key).toString());
        const QString groupKey =
            groupKeys.isEmpty() ? tr("Ungrouped") : parts.join(QStringLiteral(", "));
        SortKeyItem *&group = groups[groupKey];
        if (!group) {
            group = new SortKeyItem(m_tree);
            group->setText(0, groupKey);
            group->setFirstColumnSpanned(false);
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setData(0, SortKeyItem::sortRole, 99);
            group->setData(1, SortKeyItem::sortRole, groupKey);
        }
        auto *item = new SortKeyItem(group);
        const QString status = alert.status();
        item->setText(0, statusText(status));
        item->setForeground(0, statusColor(status, m_context.darkTheme));
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        item->setData(0, SortKeyItem::sortRole, alert.urgency());
        group->setData(0, SortKeyItem::sortRole,
                       std::min(group->data(0, SortKeyItem::sortRole).toInt(), alert.urgency()));
        item->setText(1, alert.duplicates > 0
                             ? tr("%1 (×%2)").arg(alert.name).arg(alert.duplicates + 1)
                             : alert.name);
        item->setData(1, SortKeyItem::sortRole, alert.name);
        const QString summary = alert.annotations.value(QStringLiteral("summary")).toString();
        item->setToolTip(1, summary);
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const QString value = alert.labels.value(m_columns[c].label).toString();
            const int column = 2 + int(c);
            item->setText(column, value);
            if (m_columns[c].sortMode == QLatin1String("numeric"))
                item->setData(column, SortKeyItem::sortRole, value.toDouble());
            else if (m_columns[c].sortMode == QLatin1String("severity"))
                item->setData(column, SortKeyItem::sortRole, LabelColors::severityLevel(value));
            // A mapped label is a filled chip in Perses: its colour behind white text.
            if (const QColor color = m_labelColors.color(m_columns[c].label, value);
                color.isValid()) {
                item->setBackground(column, color);
                item->setForeground(column, Qt::white);
            }
        }
        item->setText(m_labelsColumn, labelsText(alert.labels, shown));
        item->setText(m_ageColumn, ageText(alert.startsAtMs, now));
        item->setData(m_ageColumn, SortKeyItem::sortRole, double(-alert.startsAtMs));
        item->setToolTip(m_ageColumn,
                         QDateTime::fromMSecsSinceEpoch(alert.startsAtMs).toString(Qt::ISODate));
        // A silenced alert needs no second silence.
        if (m_silenceColumn >= 0 && !alert.suppressed) {
            // Created here through the datasource when the host allows it, else in
            // Alertmanager's own form.
            const bool here = bool(m_context.sendToDatasource);
            setLink(item, m_silenceColumn, tr("Silence…"), alert.silenceUrl, here);
            if (here) {
                item->setData(m_silenceColumn, labelsRole, alert.labels);
                item->setData(m_silenceColumn, queryRole, alert.query);
            }
        }
        if (m_runbookColumn >= 0)
            setLink(item, m_runbookColumn, tr("Runbook"),
                    alert.annotations.value(runbookKey).toString());
    }
    for (SortKeyItem *group : std::as_const(groups)) {
        int firing = 0;
        int silenced = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            const int urgency = group->child(i)->data(0, SortKeyItem::sortRole).toInt();
            firing += urgency == 0;
            silenced += urgency == 2;
        }
        group->setText(1, alertCount(group->childCount()));
        QStringList counts;
        if (firing > 0)
            counts.append(tr("%1 firing").arg(firing));
        if (silenced > 0)
            counts.append(tr("%1 silenced").arg(silenced));
        group->setText(m_labelsColumn, counts.join(QStringLiteral(", ")));
        sortGroupByChildren(group);
        // Open while every alert fits on a screen; many groups are read as a summary first.
        group->setExpanded(groups.size() == 1 || alerts.size() <= 20);
    }
    for (int c = 0; c < m_tree->columnCount(); ++c)
        m_tree->resizeColumnToContents(c);
    m_tree->setSortingEnabled(true);
    m_tree->setUpdatesEnabled(true);
    applySearch();
}

// A group sorts by its most urgent alert in the columns that sort by a key (state, severity,
// numbers, age), and by its first alert's value in the others.
void AlertTableView::sortGroupByChildren(QTreeWidgetItem *group) const
{
    for (int c = 1; c < m_tree->columnCount(); ++c) {
        QVariant key;
        for (int i = 0; i < group->childCount(); ++i) {
            const QVariant child = group->child(i)->data(c, SortKeyItem::sortRole);
            if (child.isValid() && child.typeId() != QMetaType::QString &&
                (!key.isValid() || child.toDouble() < key.toDouble()))
                key = child;
        }
        if (!key.isValid() && c != 1 && group->childCount() > 0)
            key = group->child(0)->text(c);
        if (key.isValid())
            group->setData(c, SortKeyItem::sortRole, key);
    }
}

void AlertTableView::applySearch()
{
    const QString term = m_search->text().trimmed().toLower();
    int alerts = 0;
    int groups = 0;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const QString haystack =
                (item->text(0) + u' ' + item->text(1) + u' ' + item->text(m_labelsColumn))
                    .toLower();
            const bool shows = term.isEmpty() || haystack.contains(term) ||
                               item->toolTip(1).toLower().contains(term);
            item->setHidden(!shows);
            visible += shows;
        }
        group->setHidden(visible == 0);
        alerts += visible;
        groups += visible > 0;
    }
    m_summary->setText(groups == 1 ? tr("%1 in 1 group").arg(alertCount(alerts))
                                   : tr("%1 in %2 groups").arg(alertCount(alerts)).arg(groups));
}

void AlertTableView::createSilence(const QJsonObject &labels, int query)
{
    auto *dialog = new SilenceDialog(labels, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SilenceDialog::createRequested, this, [this, dialog, query] {
        PdPlugin::HttpRequest request;
        request.method = QByteArrayLiteral("POST");
        request.path = QByteArrayLiteral("/api/v2/silences");
        request.contentType = QByteArrayLiteral("application/json");
        request.body = QJsonDocument(dialog->silence()).toJson(QJsonDocument::Compact);
        dialog->setSending(true);
        QPointer<SilenceDialog> guard(dialog);
        const PdPlugin::CallHandle call = m_context.sendToDatasource(
            query, request, [guard](const PdPlugin::HttpResponse &response) {
                // On a worker thread: the answer goes back to the dialog, if still open.
                const QString error = response.problem();
                QMetaObject::invokeMethod(
                    qApp,
                    [guard, error] {
                        if (guard && error.isEmpty())
                            guard->accept();
                        else if (guard)
                            guard->showError(error);
                    },
                    Qt::QueuedConnection);
            });
        if (!call)
            dialog->showError(tr("the panel's query has no datasource"));
    });
    // The new silence shows once the alerts are asked again.
    connect(dialog, &QDialog::accepted, this, [this] {
        if (m_context.refresh)
            m_context.refresh();
    });
    dialog->open();
}

void AlertTableView::setLink(QTreeWidgetItem *item, int column, const QString &text,
                             const QString &url, bool clickable) const
{
    if (url.isEmpty() && !clickable)
        return;
    item->setText(column, text);
    item->setData(column, urlRole, url);
    item->setToolTip(column, url);
    item->setForeground(column, m_tree->palette().color(QPalette::Link));
    QFont underlined = item->font(column);
    underlined.setUnderline(true);
    item->setFont(column, underlined);
}

// Through the datasource when the host lets the panel reach it, as Perses does; else in
// Alertmanager's own form.
void AlertTableView::openLink(QTreeWidgetItem *item, int column)
{
    if (item && column == m_silenceColumn && m_context.sendToDatasource &&
        !item->data(column, labelsRole).isNull()) {
        createSilence(item->data(column, labelsRole).toJsonObject(),
                      item->data(column, queryRole).toInt());
        return;
    }
    const QUrl url(item ? item->data(column, urlRole).toString() : QString());
    if (url.isEmpty())
        return;
    PdPlugin::openLink(m_context, url);
}
