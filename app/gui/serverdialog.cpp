// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "serverdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>

namespace Pd::Gui {

ServerDialog::ServerDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_authentication(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_insecure(new QCheckBox(tr("Do not verify the server's TLS certificate"), this))
    , m_warning(new QLabel(this))
{
    setWindowTitle(tr("Perses server"));
    m_url->setPlaceholderText(QStringLiteral("https://perses.example.com"));
    m_authentication->addItem(tr("User name and password"),
                              int(ServerConnection::Authentication::Native));
    m_authentication->addItem(tr("Bearer token"), int(ServerConnection::Authentication::Token));
    m_authentication->addItem(tr("None (authentication off)"),
                              int(ServerConnection::Authentication::None));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #c4162a"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate (PEM)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile);
    caRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("Log in with:"), m_authentication);
    form->addRow(tr("User name:"), m_username);
    form->addRow(tr("CA file:"), caRow);
    form->addRow(QString(), m_insecure);
    form->addRow(QString(), m_warning);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    for (QLineEdit *edit : {m_name, m_url, m_username})
        connect(edit, &QLineEdit::textChanged, this, &ServerDialog::updateState);
    connect(m_authentication, &QComboBox::currentIndexChanged, this, &ServerDialog::updateState);
    connect(m_insecure, &QCheckBox::toggled, this, &ServerDialog::updateState);
    updateState();
}

void ServerDialog::setConnection(const ServerConnection &connection)
{
    m_name->setText(connection.name);
    m_url->setText(connection.url);
    m_authentication->setCurrentIndex(m_authentication->findData(int(connection.authentication)));
    m_username->setText(connection.username);
    m_caFile->setText(connection.caFile);
    m_insecure->setChecked(connection.insecure);
}

ServerConnection ServerDialog::connection() const
{
    ServerConnection connection;
    connection.name = m_name->text().trimmed();
    connection.url = m_url->text().trimmed();
    connection.authentication =
        ServerConnection::Authentication(m_authentication->currentData().toInt());
    connection.username = m_username->text().trimmed();
    connection.caFile = m_caFile->text().trimmed();
    connection.insecure = m_insecure->isChecked();
    return connection;
}

void ServerDialog::updateState()
{
    const QUrl url(m_url->text().trimmed());
    const bool native =
        m_authentication->currentData().toInt() == int(ServerConnection::Authentication::Native);
    m_username->setEnabled(native);
    QString warning;
    if (m_insecure->isChecked())
        warning = tr("Anyone between you and the server can read your token and your "
                     "dashboards. Use a CA file instead when you can.");
    else if (url.scheme() == u"http" && url.host() != u"localhost" && url.host() != u"127.0.0.1")
        warning = tr("Plain HTTP: your password and token cross the network unencrypted.");
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
    m_ok->setEnabled(!m_name->text().trimmed().isEmpty() && url.isValid() &&
                     (url.scheme() == u"http" || url.scheme() == u"https") &&
                     (!native || !m_username->text().trimmed().isEmpty()));
}

} // namespace Pd::Gui
