// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "panelinspector.h"

#include "numbertext.h"
#include "panelcsv.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Pd::Gui {

namespace {

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

QString timeText(double seconds)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000), Qt::UTC).toString(Qt::ISODate);
}

// A row of name and value under a query.
void addDetail(QTreeWidgetItem *query, const QString &name, const QString &value)
{
    auto *row = new QTreeWidgetItem(query, {name, value});
    row->setToolTip(1, value);
}

} // namespace

PanelInspector::PanelInspector(const QString &title, std::shared_ptr<const PanelResult> result,
                               QWidget *parent)
    : QDialog(parent)
    , m_result(std::move(result))
    , m_queries(new QTreeWidget(this))
    , m_data(new QTableWidget(this))
    , m_dataNote(new QLabel(this))
{
    setWindowTitle(tr("Inspect %1").arg(title));
    m_queries->setHeaderLabels({tr("Query"), tr("Value")});
    m_queries->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_data->setColumnCount(4);
    m_data->setHorizontalHeaderLabels({tr("Series"), tr("Labels"), tr("Time (UTC)"), tr("Value")});
    m_data->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_data->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_data->verticalHeader()->hide();
    fillQueries();
    fillData();

    auto *dataPane = new QWidget(this);
    auto *dataLayout = new QVBoxLayout(dataPane);
    dataLayout->setContentsMargins(0, 0, 0, 0);
    dataLayout->addWidget(m_dataNote);
    dataLayout->addWidget(m_data, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_queries);
    split->addWidget(dataPane);
    split->setSizes({260, 360});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *csv = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export CSV"), {}, tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (const std::optional<QString> problem = exportCsv(path))
            QMessageBox::warning(this, tr("Export CSV"), *problem);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(980, 680);
}

void PanelInspector::fillQueries()
{
    for (std::size_t i = 0; i < m_result->queries.size(); ++i) {
        const QueryResult &query = m_result->queries[i];
        auto *item = new QTreeWidgetItem(m_queries, {tr("Query %1").arg(i + 1), text(query.query)});
        item->setToolTip(1, text(query.query));
        addDetail(item, tr("Plugin"), text(query.pluginKind));
        addDetail(item, tr("Datasource"),
                  query.url.empty() ? text(query.datasource)
                                    : tr("%1 at %2").arg(text(query.datasource), text(query.url)));
        if (!query.request.empty())
            addDetail(item, tr("Request"), text(query.request));
        // What the plugin asked is known once it answers.
        if (!query.finished)
            item->setText(1, tr("(waiting for the answer)"));
        else if (!query.instant && !query.response.isTable())
            addDetail(item, tr("Range"),
                      tr("%1 → %2, step %3 s")
                          .arg(timeText(query.window.startSeconds),
                               timeText(query.window.endSeconds),
                               text(sampleText(query.window.stepSeconds))));
        const QueryResponse &response = query.response;
        const auto &series = response.result.series();
        addDetail(item, tr("Status"),
                  !query.finished ? tr("waiting")
                  : response.ok
                      ? tr("ok")
                      : tr("error (%1): %2").arg(text(response.errorType), text(response.error)));
        addDetail(item, tr("Answer"),
                  response.isTable() ? tr("%1 rows, %2 columns, %3 bytes in %4 ms")
                                           .arg(response.table.rowCount())
                                           .arg(response.table.columns.size())
                                           .arg(response.bodyBytes)
                                           .arg(query.durationMs, 0, 'f', 1)
                                     : tr("%1 series, %2 points, %3 bytes in %4 ms")
                                           .arg(series.size())
                                           .arg(response.result.pointCount())
                                           .arg(response.bodyBytes)
                                           .arg(query.durationMs, 0, 'f', 1));
        for (const std::string &warning : response.warnings)
            addDetail(item, tr("Warning"), text(warning));
        item->setExpanded(true);
    }
}

void PanelInspector::fillData()
{
    std::size_t total = 0;
    for (const QueryResult &query : m_result->queries)
        total += query.response.result.pointCount();
    const int rows = int(std::min<std::size_t>(total, maxRows));
    m_data->setRowCount(rows);
    int row = 0;
    for (const QueryResult &query : m_result->queries) {
        for (const Series &series : query.response.result.series()) {
            const QString name = text(series.displayName(query.seriesNameFormat));
            const QString labels = text(series.key());
            for (std::size_t i = 0; i < series.size() && row < rows; ++i, ++row) {
                m_data->setItem(row, 0, new QTableWidgetItem(name));
                m_data->setItem(row, 1, new QTableWidgetItem(labels));
                m_data->setItem(row, 2, new QTableWidgetItem(timeText(series.timeAt(i) / 1000.0)));
                auto *value = new QTableWidgetItem(text(sampleText(series.values[i])));
                value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_data->setItem(row, 3, value);
            }
        }
    }
    m_dataNote->setText(
        total > std::size_t(maxRows)
            ? tr("The first %1 of %2 samples; Export CSV writes them all.").arg(maxRows).arg(total)
            : tr("%1 samples.").arg(total));
}

std::optional<QString> PanelInspector::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("%1 cannot be written: %2").arg(path, file.errorString());
    file.write(QByteArray::fromStdString(PanelCsv::write(*m_result)));
    if (!file.commit())
        return tr("%1 cannot be written: %2").arg(path, file.errorString());
    return std::nullopt;
}

} // namespace Pd::Gui
