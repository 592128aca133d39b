// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourcetransport.h"
#include "faulthttpserver.h"
#include "freeport.h"
#include "prometheusclient.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Pd;

// Every way a datasource can fail ends as one clear error on the query, never a crash or a
// hang; the client keeps working afterwards.
class TestPrometheusFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }

    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::newRow("500") << "500"
                             << "http"
                             << "HTTP 500 Internal Server Error: boom";
        QTest::newRow("503 with errorType")
            << "503"
            << "unavailable"
            << "too many concurrent queries (HTTP 503 Service Unavailable)";
        QTest::newRow("slower than the timeout") << "slow"
                                                 << "timeout"
                                                 << "within 1 s";
        QTest::newRow("malformed json") << "garbage"
                                        << "bad_response"
                                        << "unreadable response from Prometheus";
        QTest::newRow("truncated body") << "truncated"
                                        << "network"
                                        << "was cut off";
        QTest::newRow("200 MB body") << "huge"
                                     << "too_large"
                                     << "larger than 128 MiB";
        QTest::newRow("html error page") << "html"
                                         << "http"
                                         << "HTTP 502 Bad Gateway: 502 Bad Gateway";
        QTest::newRow("closed at once") << "closed"
                                        << "network"
                                        << "connection closed";
    }

    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(QString, type);
        QFETCH(QString, message);
        DatasourceConnection connection;
        connection.url = m_server.url(fault).toStdString();
        DatasourceTransport transport(connection);
        PrometheusClient client(&transport);
        // The server never answers "slow", so a short timeout fires whatever the load; the
        // others get a minute, so a busy machine cannot turn their fault into a timeout.
        transport.setTimeout(std::chrono::seconds(fault == QLatin1String("slow") ? 1 : 60));
        PrometheusReply *reply = client.queryRange("up", 1700000000, 1700003600, 60);
        QSignalSpy finished(reply, &PrometheusReply::finished);
        QVERIFY(finished.wait(120000));
        const PrometheusResponse &response = reply->response();
        QVERIFY(!response.ok);
        QCOMPARE(QString::fromStdString(response.errorType), type);
        QVERIFY2(QString::fromStdString(response.error).contains(message), response.error.c_str());
        QVERIFY(response.result.series().empty());
    }

    void connectionRefused()
    {
        DatasourceConnection connection;
        connection.url = "http://127.0.0.1:" + std::to_string(PdTest::freeLocalPort());
        DatasourceTransport transport(connection);
        PrometheusClient client(&transport);
        PrometheusReply *reply = client.query("up", std::nullopt);
        QSignalSpy finished(reply, &PrometheusReply::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(reply->response().error,
                 "cannot connect to " + connection.url + ": connection refused");
    }

    void goodAnswerAfterFaults()
    {
        DatasourceConnection connection;
        connection.url = m_server.url(QStringLiteral("ok")).toStdString();
        connection.queryParams = {{"tenant", "a b"}};
        DatasourceTransport transport(connection);
        PrometheusClient client(&transport);
        PrometheusReply *reply = client.queryRange("up{job=\"x\"} + 1", 1700000000, 1700000120, 60);
        QSignalSpy finished(reply, &PrometheusReply::finished);
        QVERIFY(finished.wait(30000));
        const PrometheusResponse &response = reply->response();
        QVERIFY2(response.ok, response.error.c_str());
        QCOMPARE(response.warnings, std::vector<std::string>{"careful"});
        const Series &series = response.result.series().front();
        QCOMPARE(series.size(), 3u);
        QVERIFY(std::isnan(series.values[1]));
        QVERIFY(std::isinf(series.values[2]));
        QVERIFY(reply->url().find("/ok/api/v1/query_range?tenant=a%20b") != std::string::npos);
    }

    void labelNamesAreEncodedOnce()
    {
        DatasourceConnection connection;
        connection.url = m_server.url(QStringLiteral("ok")).toStdString() + "/";
        DatasourceTransport transport(connection);
        PrometheusClient client(&transport);
        PrometheusReply *reply =
            client.labelValues("a b/c", {"up{x=\"1\"}"}, 1700000000, 1700003600);
        QCOMPARE(reply->url().substr(0, reply->url().find('?')),
                 m_server.url(QStringLiteral("ok")).toStdString() +
                     "/api/v1/label/a%20b%2Fc/values");
        QVERIFY(reply->url().find("start=1700000000&end=1700003600") != std::string::npos);
        QVERIFY(reply->url().find("match%5B%5D=up%7Bx%3D%221%22%7D") != std::string::npos);
    }

    void headersAreInterpolated()
    {
        DatasourceConnection connection;
        connection.url = m_server.url(QStringLiteral("echo")).toStdString();
        connection.headers = {{"X-Tenant", "team-$team"}};
        DatasourceTransport transport(connection);
        PrometheusClient client(&transport);
        transport.setVariables({{"team", VariableValue::single("a\r\nX-Evil: 1")}});
        PrometheusReply *reply = client.labelNames({}, 1700000000, 1700003600);
        QSignalSpy finished(reply, &PrometheusReply::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(reply->response().strings, std::vector<std::string>{"team-aX-Evil: 1"});
    }

    void atMostSixRequestsAtOnce()
    {
        DatasourceConnection connection;
        connection.url = m_server.url(QStringLiteral("slow")).toStdString();
        DatasourceTransport transport(connection);
        PrometheusClient client(&transport);
        transport.setTimeout(std::chrono::seconds(2));
        std::vector<PrometheusReply *> replies;
        std::vector<std::unique_ptr<QSignalSpy>> answers;
        for (int i = 0; i < 10; ++i) {
            replies.push_back(client.query("up", std::nullopt));
            answers.push_back(
                std::make_unique<QSignalSpy>(replies.back(), &PrometheusReply::finished));
        }
        QTRY_COMPARE(transport.requestsInFlight(), 6);
        QCOMPARE(transport.requestsQueued(), 4);
        // Cancelled requests never answer, and leave room for the others.
        for (int i = 0; i < 10; ++i)
            replies[i]->cancel();
        QTRY_COMPARE(transport.requestsInFlight() + transport.requestsQueued(), 0);
        QTest::qWait(100);
        for (const auto &answer : answers)
            QCOMPARE(answer->size(), 0);
    }

private:
    FaultHttpServer m_server;
};

QTEST_GUILESS_MAIN(TestPrometheusFaults)
#include "tst_prometheusfaults.moc"
