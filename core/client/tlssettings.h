// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

class QNetworkRequest;

namespace Pd {

// TLS beyond the system's trust, for a Perses server or a datasource: a CA bundle trusted as
// well (a company's own CA), or no verification at all (a lab's self-signed certificate).
class TlsSettings
{
public:
    // Reads the PEM file; returns why not when it holds no certificate (then nothing is
    // trusted beyond the system's).
    QString load(const QString &caFile, bool insecure);
    bool isInsecure() const { return m_insecure; }
    const QString &caFile() const { return m_caFile; }
    // Gives the request its TLS configuration when anything differs from the defaults.
    void apply(QNetworkRequest &request) const;

private:
    bool m_insecure = false;
    QString m_caFile;
    QList<QSslCertificate> m_caCertificates;
};

} // namespace Pd
