// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "tlssettings.h"

#include <QCoreApplication>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace Pd {

QString TlsSettings::load(const QString &caFile, bool insecure)
{
    m_insecure = insecure;
    m_caFile = caFile;
    m_caCertificates.clear();
    if (caFile.isEmpty())
        return {};
    m_caCertificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
    if (m_caCertificates.isEmpty())
        return QCoreApplication::translate("Pd::TlsSettings", "no PEM certificate in %1")
            .arg(caFile);
    return {};
}

void TlsSettings::apply(QNetworkRequest &request) const
{
    if (!m_insecure && m_caCertificates.isEmpty())
        return;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (m_insecure)
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    else
        tls.addCaCertificates(m_caCertificates);
    request.setSslConfiguration(tls);
}

} // namespace Pd
