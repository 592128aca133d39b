// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "silencetableview.h"

#include "chipcolors.h"
#include "sortkeyitem.h"

#include <QApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTimeZone>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

namespace {

constexpr int idRole = Qt::UserRole + 2;    // on the Expire cell: the silence's id
constexpr int queryRole = Qt::UserRole + 3; // and the query whose datasource holds it

const QStringList defaultFields = {QStringLiteral("status"), QStringLiteral("matchers"),
                                   QStringLiteral("comment")};

QString headerOf(const QString &field)
{
    static const QHash<QString, const char *> headers = {
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("SilenceTableView", "Status")},
        {QStringLiteral("matchers"), QT_TRANSLATE_NOOP("SilenceTableView", "Matchers")},
        {QStringLiteral("comment"), QT_TRANSLATE_NOOP("SilenceTableView", "Comment")},
        {QStringLiteral("createdBy"), QT_TRANSLATE_NOOP("SilenceTableView", "Creator")},
        {QStringLiteral("startsAt"), QT_TRANSLATE_NOOP("SilenceTableView", "Starts At")},
        {QStringLiteral("endsAt"), QT_TRANSLATE_NOOP("SilenceTableView", "Ends At")},
        {QStringLiteral("duration"), QT_TRANSLATE_NOOP("SilenceTableView", "Duration")},
        {QStringLiteral("updatedAt"), QT_TRANSLATE_NOOP("SilenceTableView", "Updated At")}};
    const char *header = headers.value(field);
    return header ? SilenceTableView::tr(header) : field;
}

QColor stateColor(const QString &state, bool dark)
{
    if (state == QLatin1String("active"))
        return chipColor(ChipRole::Success, dark);
    if (state == QLatin1String("pending"))
        return chipColor(ChipRole::Warning, dark);
    return chipColor(ChipRole::Default, dark);
}

int stateWeight(const QString &state)
{
    const qsizetype index =
        QStringList{QStringLiteral("active"), QStringLiteral("pending"), QStringLiteral("expired")}
            .indexOf(state);
    return index < 0 ? 3 : int(index);
}

// "2d 3h 5m" leaving out zero parts; "0m" under a minute.
QString durationText(double startMs, double endMs)
{
    const qint64 minutes = std::isnan(startMs) || std::isnan(endMs)
                               ? 0
                               : std::max<qint64>(0, qint64(endMs - startMs) / 60000);
    QStringList parts;
    if (minutes / 1440)
        parts.append(SilenceTableView::tr("%1d").arg(minutes / 1440));
    if (minutes / 60 % 24)
        parts.append(SilenceTableView::tr("%1h").arg(minutes / 60 % 24));
    if (minutes % 60 || parts.isEmpty())
        parts.append(SilenceTableView::tr("%1m").arg(minutes % 60));
    return parts.join(QLatin1Char(' '));
}

} // namespace

SilenceTableView::SilenceTableView(const PdPlugin::PanelContext &context)
    : m_context(context)
    , m_fields(defaultFields)
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    // The default columns always come first; spec entries for them are ignored, as in Perses.
    for (const QJsonValue &value : context.spec.value(QStringLiteral("columns")).toArray()) {
        const QString name = value.toObject().value(QStringLiteral("name")).toString();
        if (!name.isEmpty() && !m_fields.contains(name))
            m_fields.append(name);
    }
    QStringList headers;
    for (const QString &field : std::as_const(m_fields))
        headers.append(headerOf(field));
    // Expiring goes through the panel's datasource, when the host lets it.
    const QJsonValue actions = context.spec.value(QStringLiteral("allowedActions"));
    if (context.sendToDatasource &&
        (!actions.isArray() || actions.toArray().contains(QStringLiteral("expire")))) {
        headers.append(tr("Actions"));
        m_actionsColumn = int(headers.size()) - 1;
        connect(m_tree, &QTreeWidget::itemClicked, this, &SilenceTableView::expireClicked);
    }
    m_search->setPlaceholderText(tr("Search silences…"));
    m_search->setClearButtonEnabled(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    m_tree->setHeaderLabels(headers);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(0, Qt::AscendingOrder);
    connect(m_search, &QLineEdit::textChanged, this, &SilenceTableView::applySearch);
}

void SilenceTableView::setData(const PdPlugin::PanelData &panelData)
{
    const QTimeZone zone = m_context.timeZone.isEmpty() || m_context.timeZone == u"local"
                               ? QTimeZone::systemTimeZone()
                               : QTimeZone(m_context.timeZone.toUtf8());
    m_tree->setUpdatesEnabled(false);
    // Filled unsorted, then sorted once by the column the user (or the spec) sorts by: keys
    // set after an item is placed would not move it.
    m_tree->setSortingEnabled(false);
    m_tree->clear();
    m_rowCount = 0;
    for (std::size_t query = 0; query < panelData.tables.size(); ++query) {
        const PdPlugin::TableData *table = panelData.tables[query];
        if (!table)
            continue;
        auto text = [table](const char *name, std::size_t row) {
            const PdPlugin::TableColumn *column = table->column(name);
            return column && row < column->text.size() ? QString::fromStdString(column->text[row])
                                                       : QString();
        };
        auto time = [table](const char *name, std::size_t row) {
            const PdPlugin::TableColumn *column = table->column(name);
            return column && row < column->numbers.size() ? column->numbers[row] : std::nan("");
        };
        for (std::size_t row = 0; row < table->rowCount(); ++row, ++m_rowCount) {
            auto *item = new SortKeyItem(m_tree);
            for (int c = 0; c < m_fields.size(); ++c) {
                const QString &field = m_fields[c];
                if (field == u"status") {
                    const QString state = text("state", row);
                    item->setText(c,
                                  state.isEmpty() ? state : state.front().toUpper() + state.mid(1));
                    item->setForeground(c, stateColor(state, m_context.darkTheme));
                    QFont bold = item->font(c);
                    bold.setBold(true);
                    item->setFont(c, bold);
                    item->setData(c, SortKeyItem::sortRole, stateWeight(state));
                } else if (field == u"duration") {
                    const double start = time("startsAt", row);
                    const double end = time("endsAt", row);
                    item->setText(c, durationText(start, end));
                    item->setData(c, SortKeyItem::sortRole,
                                  std::isnan(end - start) ? 0.0 : end - start);
                } else if (field == u"startsAt" || field == u"endsAt" || field == u"updatedAt") {
                    const double ms = time(field.toLatin1().constData(), row);
                    if (!std::isnan(ms))
                        item->setText(c, QDateTime::fromMSecsSinceEpoch(qint64(ms), zone)
                                             .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
                    item->setData(c, SortKeyItem::sortRole, std::isnan(ms) ? 0.0 : ms);
                } else {
                    item->setText(c, text(field.toLatin1().constData(), row));
                    item->setToolTip(c, item->text(c));
                }
            }
            if (m_actionsColumn >= 0 && text("state", row) != u"expired") {
                item->setText(m_actionsColumn, tr("Expire…"));
                item->setForeground(m_actionsColumn, m_tree->palette().color(QPalette::Link));
                item->setData(m_actionsColumn, idRole, text("id", row));
                item->setData(m_actionsColumn, queryRole, int(query));
            }
        }
    }
    for (int c = 0; c < m_tree->columnCount(); ++c)
        m_tree->resizeColumnToContents(c);
    m_tree->setSortingEnabled(true);
    m_tree->setUpdatesEnabled(true);
    applySearch();
}

// Perses' Expire Silence: confirmed first, then DELETE /api/v2/silence/{id} and a refresh.
void SilenceTableView::expireClicked(QTreeWidgetItem *item, int column)
{
    if (!item || column != m_actionsColumn || item->data(column, idRole).isNull())
        return;
    const QString id = item->data(column, idRole).toString();
    const int query = item->data(column, queryRole).toInt();
    auto *confirm =
        new QMessageBox(QMessageBox::Question, tr("Expire Silence"),
                        tr("Expire this silence? Alerts matching its matchers will fire again."),
                        QMessageBox::Cancel, this);
    QPushButton *expire = confirm->addButton(tr("Expire"), QMessageBox::AcceptRole);
    expire->setObjectName(QStringLiteral("expire"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(expire, &QPushButton::clicked, this, [this, id, query] {
        PdPlugin::HttpRequest request;
        request.method = QByteArrayLiteral("DELETE");
        request.path = "/api/v2/silence/" + QUrl::toPercentEncoding(id);
        QPointer<SilenceTableView> guard(this);
        m_context.sendToDatasource(query, request, [guard](const PdPlugin::HttpResponse &response) {
            const QString error = response.problem();
            // On a worker thread: back to the panel, if it is still there.
            QMetaObject::invokeMethod(
                qApp,
                [guard, error] {
                    if (!guard)
                        return;
                    if (!error.isEmpty())
                        QMessageBox::warning(
                            guard, tr("Expire Silence"),
                            tr("Alertmanager did not expire the silence: %1").arg(error));
                    else if (guard->m_context.refresh)
                        guard->m_context.refresh();
                },
                Qt::QueuedConnection);
        });
    });
    confirm->open();
}

void SilenceTableView::applySearch()
{
    const QString term = m_search->text().trimmed().toLower();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        QString haystack;
        for (int c = 0; c < m_tree->columnCount(); ++c)
            haystack += item->text(c).toLower() + u' ';
        item->setHidden(!term.isEmpty() && !haystack.contains(term));
    }
}
