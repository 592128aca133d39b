// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "userdatasourcesdialog.h"

#include "credentialstore.h"
#include "datasourcetransport.h"
#include "prometheusclient.h"
#include "prometheusreply.h"
#include "textpatterns.h"
#include "timerange.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Pd::Gui {

namespace {

enum Column { Name, Kind, DefinedAt, ReachedAt };

// What an override is when it does not say.
const std::string prometheusKind = "PrometheusDatasource";

QString scopeText(DatasourceEntry::Scope scope)
{
    switch (scope) {
    case DatasourceEntry::Scope::Dashboard:
        return UserDatasourcesDialog::tr("dashboard");
    case DatasourceEntry::Scope::Project:
        return UserDatasourcesDialog::tr("project");
    case DatasourceEntry::Scope::Global:
        break;
    }
    return UserDatasourcesDialog::tr("global");
}

// "Name: value" a line.
std::vector<std::pair<std::string, std::string>> parseHeaders(const QString &text)
{
    std::vector<std::pair<std::string, std::string>> headers;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        headers.emplace_back(line.left(colon).trimmed().toStdString(),
                             line.mid(colon + 1).trimmed().toStdString());
    }
    return headers;
}

} // namespace

UserDatasourcesDialog::UserDatasourcesDialog(const DatasourceCatalog &catalog,
                                             const std::vector<DatasourceProblem> &problems,
                                             DatasourceOverrides overrides, QWidget *parent)
    : QDialog(parent)
    , m_overrides(std::move(overrides))
    , m_list(new QTreeWidget(this))
    , m_url(new QLineEdit(this))
    , m_headers(new QPlainTextEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_skipVerify(new QCheckBox(tr("Skip certificate verification (self-signed, lab use)"), this))
    , m_headersInKeyring(
          new QCheckBox(tr("Keep the header values in the system keyring, not in the file"), this))
    , m_testResult(new QLabel(this))
    , m_test(new QPushButton(tr("Test Connection"), this))
{
    setWindowTitle(tr("Datasources"));
    m_list->setHeaderLabels({tr("Name"), tr("Kind"), tr("Defined at"), tr("Reached at")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_url->setPlaceholderText(QStringLiteral("http://localhost:9090"));
    m_headers->setPlaceholderText(tr("One a line, e.g. X-Scope-OrgID: team-a"));
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 4 + 12);
    m_testResult->setWordWrap(true);
    auto *remove = new QPushButton(tr("Use the Dashboard's Own"), this);
    remove->setToolTip(tr("Take back this app's URL for it"));

    auto *form = new QFormLayout;
    form->addRow(tr("URL this app uses:"), m_url);
    form->addRow(tr("Headers:"), m_headers);
    m_headersInKeyring->setChecked(true);
    form->addRow(QString(), m_headersInKeyring);
    m_caFile->setPlaceholderText(tr("PEM file of a CA to trust beside the system's"));
    auto *caRow = new QHBoxLayout;
    auto *browse = new QPushButton(tr("Browse…"), this);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    form->addRow(tr("CA certificate:"), caRow);
    form->addRow(QString(), m_skipVerify);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("CA certificate"), m_caFile->text(),
                                         tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *buttonsRow = new QHBoxLayout;
    buttonsRow->addWidget(m_test);
    buttonsRow->addWidget(remove);
    buttonsRow->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Every datasource this dashboard can see, and those its "
                                    "panels ask for and cannot find:"),
                                 this));
    layout->addWidget(m_list, 1);
    layout->addLayout(form);
    layout->addLayout(buttonsRow);
    layout->addWidget(m_testResult);
    layout->addWidget(buttons);
    resize(760, 520);

    fill(catalog, problems);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &UserDatasourcesDialog::showSelected);
    connect(m_test, &QPushButton::clicked, this, &UserDatasourcesDialog::testConnection);
    connect(remove, &QPushButton::clicked, this, [this] {
        m_url->clear();
        m_headers->clear();
        m_caFile->clear();
        m_skipVerify->setChecked(false);
        commit();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        commit();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

// The missing first: they are why the dialog was opened.
void UserDatasourcesDialog::fill(const DatasourceCatalog &catalog,
                                 const std::vector<DatasourceProblem> &problems)
{
    auto add = [this](const QString &name, const QString &kind, const QString &definedAt,
                      const QString &ownUrl = {}) {
        for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
            if (m_list->topLevelItem(row)->text(Name).compare(name, Qt::CaseInsensitive) == 0)
                return;
        }
        auto *item = new QTreeWidgetItem(m_list, {name, kind, definedAt, {}});
        item->setData(ReachedAt, Qt::UserRole, ownUrl);
        describeRow(m_list->indexOfTopLevelItem(item));
    };
    for (const DatasourceProblem &problem : problems) {
        if (!problem.undefined)
            continue;
        const std::string kind = problem.kind.empty() ? prometheusKind : problem.kind;
        // A name for a datasource nothing defines: the kind's, as "alertmanager".
        std::string fallback = QString::fromStdString(kind)
                                   .remove(QStringLiteral("Datasource"))
                                   .toLower()
                                   .toStdString();
        const std::string name = !problem.datasource.empty() ? problem.datasource
                                 : !problem.selected.empty() ? problem.selected
                                                             : fallback;
        add(QString::fromStdString(name), QString::fromStdString(kind),
            problem.datasource.empty() ? tr("nowhere: not defined") : tr("without a URL"));
    }
    for (const DatasourceEntry &entry : catalog.entries()) {
        const Node *direct = entry.spec.plugin.spec.find("directUrl");
        add(QString::fromStdString(entry.name), QString::fromStdString(entry.spec.plugin.kind),
            scopeText(entry.scope),
            direct && direct->isString() ? QString::fromStdString(direct->text())
                                         : tr("only through a Perses server's proxy"));
    }
    for (const auto &[name, value] : m_overrides.all())
        add(QString::fromStdString(name),
            QString::fromStdString(value.kind.empty() ? prometheusKind : value.kind),
            tr("this app only"));
}

void UserDatasourcesDialog::describeRow(int row)
{
    QTreeWidgetItem *item = m_list->topLevelItem(row);
    const DatasourceOverrides::Override *override =
        m_overrides.find(item->text(Name).toStdString());
    const QString own = item->data(ReachedAt, Qt::UserRole).toString();
    item->setText(ReachedAt, override
                                 ? tr("%1 (this app's)").arg(QString::fromStdString(override->url))
                             : own.isEmpty() ? tr("nowhere yet")
                                             : own);
}

// The kind of the datasource shown, as an override keeps it: empty for Prometheus, the
// kind of an override that names none.
std::string UserDatasourcesDialog::shownKind() const
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->text(Name) == m_shown && item->text(Kind).toStdString() != prometheusKind)
            return item->text(Kind).toStdString();
    }
    return {};
}

QString UserDatasourcesDialog::selectedName() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->text(Name) : QString();
}

void UserDatasourcesDialog::select(const QString &name)
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        if (m_list->topLevelItem(row)->text(Name) == name)
            m_list->setCurrentItem(m_list->topLevelItem(row));
    }
}

void UserDatasourcesDialog::showSelected()
{
    commit(); // what was typed for the one shown before
    m_shown = selectedName();
    m_testResult->clear();
    const DatasourceOverrides::Override *override = m_overrides.find(m_shown.toStdString());
    m_url->setText(override ? QString::fromStdString(override->url) : QString());
    QStringList headers;
    for (const auto &[name, value] :
         override ? override->headers : std::vector<std::pair<std::string, std::string>>{})
        headers << QString::fromStdString(name + ": " + value);
    m_headers->setPlainText(headers.join(u'\n'));
    m_caFile->setText(override ? QString::fromStdString(override->caFile) : QString());
    m_skipVerify->setChecked(override && override->insecureSkipVerify);
    // Kept in the keyring unless this one's headers are written in the file already, or
    // there is no keyring (then only in the file do they outlive the session).
    const CredentialStore &store = CredentialStore::instance();
    m_headersInKeyring->setEnabled(store.isPersistent());
    m_headersInKeyring->setToolTip(
        store.isPersistent() ? QString() : tr("No system keyring: %1").arg(store.keyringProblem()));
    m_headersInKeyring->setChecked(
        store.isPersistent() &&
        (!override || override->headers.empty() || !override->secretHeaders.empty()));
    m_unreadSecrets.clear();
    for (const std::string &header :
         override ? override->secretHeaders : std::vector<std::string>{}) {
        const bool read = std::ranges::any_of(
            override->headers, [&](const auto &pair) { return pair.first == header; });
        if (!read)
            m_unreadSecrets.push_back(header);
    }
    if (!store.isPersistent() && override && !override->headers.empty())
        m_testResult->setText(tr("No system keyring: saving writes these header values into "
                                 "the user datasources file."));
    if (!m_unreadSecrets.empty())
        m_testResult->setText(
            tr("The keyring did not give the value of %1; it is kept unless you type one.")
                .arg(QString::fromStdString(m_unreadSecrets.front())));
}

void UserDatasourcesDialog::commit()
{
    if (m_shown.isEmpty())
        return;
    const std::string name = m_shown.toStdString();
    const QString url = m_url->text().trimmed();
    if (url.isEmpty()) {
        m_overrides.remove(name);
    } else {
        DatasourceOverrides::Override value{url.toStdString(),
                                            parseHeaders(m_headers->toPlainText()),
                                            m_caFile->text().trimmed().toStdString(),
                                            m_skipVerify->isChecked(),
                                            {},
                                            shownKind()};
        if (m_headersInKeyring->isChecked()) {
            for (const auto &[header, text] : value.headers)
                value.secretHeaders.push_back(header);
        }
        // Unread values stay in the keyring, unless a value was typed for them here.
        for (const std::string &header : m_unreadSecrets) {
            const bool typed = std::ranges::any_of(
                value.headers, [&](const auto &pair) { return pair.first == header; });
            if (!typed && !value.isSecret(header))
                value.secretHeaders.push_back(header);
        }
        m_overrides.set(name, std::move(value));
    }
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        if (m_list->topLevelItem(row)->text(Name) == m_shown)
            describeRow(row);
    }
}

void UserDatasourcesDialog::testConnection()
{
    const QString url = m_url->text().trimmed();
    if (!TextPatterns::isHttpUrl(url.toStdString())) {
        m_testResult->setText(tr("Type an http:// or https:// URL first."));
        return;
    }
    DatasourceConnection connection;
    connection.name = m_shown.toStdString();
    connection.url = url.toStdString();
    connection.headers = parseHeaders(m_headers->toPlainText());
    connection.caFile = m_caFile->text().trimmed().toStdString();
    connection.insecureSkipVerify = m_skipVerify->isChecked();
    // A transport (and access manager) of its own for each test: one that refused a
    // certificate would refuse it again after the CA is given.
    auto *transport = new DatasourceTransport(connection, this);
    transport->setTimeout(std::chrono::seconds(10));
    auto *client = new PrometheusClient(transport, transport);
    PrometheusReply *reply = client->buildInfo();
    m_testResult->setText(tr("Asking %1…").arg(url));
    m_test->setEnabled(false);
    connect(reply, &PrometheusReply::finished, this, [this, reply, transport, url] {
        m_test->setEnabled(true);
        const PrometheusResponse &response = reply->response();
        QString version;
        for (const auto &[name, value] : response.fields) {
            if (name == "version")
                version = QString::fromStdString(value);
        }
        if (response.ok && version.isEmpty())
            m_testResult->setText(
                tr("%1 answers, but not as a Prometheus: it gives no version.").arg(url));
        else
            m_testResult->setText(response.ok
                                      ? tr("%1 answers: Prometheus %2.").arg(url, version)
                                      : tr("%1 does not answer as a Prometheus: %2")
                                            .arg(url, QString::fromStdString(response.error)));
        reply->deleteLater();
        transport->deleteLater();
    });
}

std::optional<std::string> UserDatasourcesDialog::save(const std::string &path) const
{
    return m_overrides.saveFile(path);
}

} // namespace Pd::Gui
