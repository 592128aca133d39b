// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourcetransport.h"
#include "prometheusclient.h"
#include "prometheustestserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// A datasource behind HTTPS with a certificate the system does not trust: refused as it is,
// reached with the user's CA file or with verification skipped (the override's TLS options).
class TestPrometheusTls : public QObject
{
    Q_OBJECT

private:
    PrometheusTestServer m_prometheus;

    Pd::PrometheusResponse buildInfo(const std::string &caFile, bool insecure)
    {
        Pd::DatasourceConnection connection;
        connection.name = "secure";
        connection.url = m_prometheus.url().toStdString();
        connection.caFile = caFile;
        connection.insecureSkipVerify = insecure;
        // A transport as the app makes one for a datasource: its own access manager, so no
        // connection opened with other TLS settings is reused.
        Pd::DatasourceTransport transport(connection);
        transport.setTimeout(std::chrono::seconds(60));
        Pd::PrometheusClient client(&transport);
        Pd::PrometheusReply *reply = client.buildInfo();
        QSignalSpy finished(reply, &Pd::PrometheusReply::finished);
        if (!finished.wait(60000))
            return Pd::PrometheusResponse::failure("test", "no answer within a minute");
        return reply->response();
    }

    static std::string version(const Pd::PrometheusResponse &response)
    {
        for (const auto &[name, value] : response.fields) {
            if (name == "version")
                return value;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        m_prometheus.setTls(true);
        const QString problem = m_prometheus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(m_prometheus.url().startsWith(QStringLiteral("https://")));
    }

    void untrustedCertificateIsRefused()
    {
        const Pd::PrometheusResponse response = buildInfo({}, false);
        QVERIFY(!response.ok);
        QCOMPARE(response.errorType, std::string("network"));
        QVERIFY2(response.error.find("TLS") != std::string::npos, response.error.c_str());
    }

    void caFileIsTrusted()
    {
        const Pd::PrometheusResponse response =
            buildInfo(m_prometheus.caFile().toStdString(), false);
        QVERIFY2(response.ok, response.error.c_str());
        QVERIFY(!version(response).empty());
    }

    void verificationCanBeSkipped()
    {
        const Pd::PrometheusResponse response = buildInfo({}, true);
        QVERIFY2(response.ok, response.error.c_str());
        QVERIFY(!version(response).empty());
    }

    // A CA file that holds no certificate: no request goes out, and the error says why.
    void unreadableCaFileIsAnError()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.pem"));
        QFile(empty).open(QIODevice::WriteOnly);
        const Pd::PrometheusResponse response = buildInfo(empty.toStdString(), false);
        QVERIFY(!response.ok);
        QVERIFY2(response.error.find("no PEM certificate in") != std::string::npos,
                 response.error.c_str());
        QVERIFY(response.error.find("datasource \"secure\"") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusTls)
#include "tst_prometheustls.moc"
