// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "prometheustestserver.h"

#include "freeport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>

PrometheusTestServer::PrometheusTestServer()
{
    // Data ends at the last whole hour, so that expected values do not depend on the minute.
    const std::int64_t now = QDateTime::currentSecsSinceEpoch();
    m_end = now - now % 3600;
}

PrometheusTestServer::PrometheusTestServer(std::int64_t fixedEndSeconds)
    : m_fixedEnd(true)
{
    m_end = fixedEndSeconds;
}

PrometheusTestServer::~PrometheusTestServer()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString PrometheusTestServer::url() const
{
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(m_port);
}

QString PrometheusTestServer::caFile() const
{
    return m_dir.filePath(QStringLiteral("cert.pem"));
}

// A certificate for 127.0.0.1 and Prometheus' web configuration that serves it.
QString PrometheusTestServer::writeTlsConfig()
{
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    if (QString problem =
            run(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                 key, QStringLiteral("-out"), caFile(), QStringLiteral("-days"),
                 QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        !problem.isEmpty())
        return problem;
    QFile web(m_dir.filePath(QStringLiteral("web.yml")));
    if (!web.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write the web configuration");
    web.write(QStringLiteral("tls_server_config:\n  cert_file: %1\n  key_file: %2\n")
                  .arg(caFile(), key)
                  .toUtf8());
    return {};
}

QString PrometheusTestServer::writeOpenMetrics(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QStringLiteral("cannot write %1").arg(path);
    QByteArray out;
    const std::int64_t first = startSeconds();
    // Samples go on past the window for two hours from now, so that queries at "now" (PromQL
    // variables send no time) see data however long the suite takes (CI stops at 90 minutes).
    const std::int64_t now = QDateTime::currentSecsSinceEpoch();
    const std::int64_t last = m_fixedEnd ? m_end : std::max(m_end, now + 2 * 3600);
    const int written = int((last - first) / stepSeconds) + 1;
    auto line = [&out](const char *series, double value, std::int64_t t) {
        out += series;
        out += ' ';
        out += QByteArray::number(value, 'g', 17);
        out += ' ';
        out += QByteArray::number(t);
        out += '\n';
    };
    out += "# TYPE pd_info gauge\n";
    for (const char *series :
         {"pd_info{job=\"api\",instance=\"host-a\"}", "pd_info{job=\"node\",instance=\"host-a\"}",
          "pd_info{job=\"node\",instance=\"host-b\"}"}) {
        for (int i = 0; i < written; ++i)
            line(series, 1, first + i * stepSeconds);
    }
    out += "# TYPE pd_temperature_celsius gauge\n";
    for (int i = 0; i < written; ++i)
        line("pd_temperature_celsius{job=\"node\",instance=\"host-a\"}", 20 + i % 10,
             first + i * stepSeconds);
    for (int i = 0; i < written; ++i)
        line("pd_temperature_celsius{job=\"node\",instance=\"host-b\"}", 30,
             first + i * stepSeconds);
    out += "# TYPE pd_requests counter\n";
    for (int i = 0; i < written; ++i)
        line("pd_requests_total{job=\"api\",instance=\"host-a\",code=\"200\"}", 10.0 * i,
             first + i * stepSeconds);
    for (int i = 0; i < written; ++i)
        line("pd_requests_total{job=\"api\",instance=\"host-a\",code=\"500\"}", 1.0 * i,
             first + i * stepSeconds);
    out += "# TYPE pd_request_duration_seconds histogram\n";
    for (int i = 0; i < written; ++i) {
        const std::int64_t t = first + i * stepSeconds;
        line("pd_request_duration_seconds_bucket{job=\"api\",le=\"0.1\"}", 5.0 * i, t);
        line("pd_request_duration_seconds_bucket{job=\"api\",le=\"0.5\"}", 8.0 * i, t);
        line("pd_request_duration_seconds_bucket{job=\"api\",le=\"+Inf\"}", 10.0 * i, t);
        line("pd_request_duration_seconds_sum{job=\"api\"}", 1.5 * i, t);
        line("pd_request_duration_seconds_count{job=\"api\"}", 10.0 * i, t);
    }
    out += "# EOF\n";
    if (file.write(out) != out.size())
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

QString PrometheusTestServer::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return QStringLiteral("%1 failed: %2").arg(program, QString::fromUtf8(process.readAll()));
    return {};
}

QByteArray PrometheusTestServer::configuration()
{
    QByteArray config = "scrape_configs: []\n";
    if (m_alertmanager.isEmpty())
        return config;
    const QString rules = m_dir.filePath(QStringLiteral("rules.yml"));
    QFile file(rules);
    if (file.open(QIODevice::WriteOnly))
        file.write("groups:\n" + m_ruleGroups);
    const QUrl alertmanager(m_alertmanager);
    config += "global:\n  evaluation_interval: 1s\nrule_files:\n  - " + rules.toUtf8() +
              "\nalerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['" +
              alertmanager.authority().toUtf8() + "']\n";
    return config;
}

QString PrometheusTestServer::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory");
    const QString data = m_dir.filePath(QStringLiteral("data.om"));
    const QString tsdb = m_dir.filePath(QStringLiteral("tsdb"));
    if (QString problem = writeOpenMetrics(data); !problem.isEmpty())
        return problem;
    if (QString problem = run(QStringLiteral(PD_PROMTOOL),
                              {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                               QStringLiteral("openmetrics"), data, tsdb});
        !problem.isEmpty())
        return problem;
    const QString config = m_dir.filePath(QStringLiteral("prometheus.yml"));
    QFile configFile(config);
    if (!configFile.open(QIODevice::WriteOnly) || configFile.write(configuration()) < 0)
        return QStringLiteral("cannot write the Prometheus configuration");
    configFile.close();
    QStringList tlsArguments;
    if (m_tls) {
        if (QString problem = writeTlsConfig(); !problem.isEmpty())
            return problem;
        tlsArguments << QStringLiteral("--web.config.file=") +
                            m_dir.filePath(QStringLiteral("web.yml"));
    }
    m_port = PdTest::freeLocalPort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("prometheus.log")));
    QStringList arguments =
        QStringList{QStringLiteral("--config.file=") + config,
                    QStringLiteral("--storage.tsdb.path=") + tsdb,
                    QStringLiteral("--storage.tsdb.retention.time=100y"),
                    QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
                    QStringLiteral("--web.enable-lifecycle")} +
        tlsArguments;
    if (!m_alertmanager.isEmpty()) {
        // An alert that fires before the Alertmanager is discovered is only sent again after
        // the resend delay (a minute by default).
        arguments.append(QStringLiteral("--rules.alert.resend-delay=1s"));
    }
    m_process->start(QStringLiteral(PD_PROMETHEUS), arguments);
    if (!m_process->waitForStarted(10000))
        return QStringLiteral("prometheus did not start: %1").arg(m_process->errorString());
    // Ready means the TSDB with the backfilled blocks is open.
    QNetworkAccessManager network;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000) {
        QNetworkRequest ready(QUrl(url() + QStringLiteral("/-/ready")));
        if (m_tls) { // the probe trusts it; the tests decide what the client does
            QSslConfiguration trustAll = QSslConfiguration::defaultConfiguration();
            trustAll.setPeerVerifyMode(QSslSocket::VerifyNone);
            ready.setSslConfiguration(trustAll);
        }
        QNetworkReply *reply = network.get(ready);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status == 200)
            return {};
        if (m_process->state() == QProcess::NotRunning)
            break;
        QThread::msleep(200);
    }
    QFile log(m_dir.filePath(QStringLiteral("prometheus.log")));
    log.open(QIODevice::ReadOnly);
    return QStringLiteral("prometheus did not become ready: %1")
        .arg(QString::fromUtf8(log.readAll().right(2000)));
}
