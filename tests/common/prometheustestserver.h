// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <memory>

// A real Prometheus (Debian's package) for tests: data generated here with known values,
// backfilled with promtool, served on 127.0.0.1 on a free port, stopped on destruction.
//
// Data, one sample every 15 s over the 6 hours before `endSeconds()` (a whole hour):
// (and on until two hours from now):
//   pd_info{job, instance} = 1                    node/host-a, node/host-b, api/host-a
//   pd_temperature_celsius{job="node", instance}  20 + (i % 10) on host-a, 30 on host-b
//   pd_requests_total{job="api", instance="host-a", code}  +10 per sample (200), +1 (500)
//   pd_request_duration_seconds (classic histogram, job="api"): per sample 5 under 0.1 s,
//     3 more under 0.5 s, 2 more above; sum += 1.5
class PrometheusTestServer
{
public:
    static constexpr int stepSeconds = 15;
    static constexpr int samples = 6 * 3600 / stepSeconds + 1;

    PrometheusTestServer();
    // Data ending at a fixed time (and not beyond): images of it do not change with the clock.
    explicit PrometheusTestServer(std::int64_t fixedEndSeconds);
    ~PrometheusTestServer();

    // Generates the data, backfills it and starts Prometheus; waits until it is ready.
    // Returns an error message, or an empty string.
    QString start();
    // Before start(): serve HTTPS with a self-signed certificate for 127.0.0.1 (made with
    // openssl), which caFile() holds.
    void setTls(bool tls) { m_tls = tls; }
    // Before start(): evaluate these alerting rules (a rule file's `groups` list in YAML)
    // every second and send what fires to the Alertmanager at `alertmanagerUrl`.
    void setAlerting(const QString &alertmanagerUrl, const QByteArray &ruleGroups)
    {
        m_alertmanager = alertmanagerUrl;
        m_ruleGroups = ruleGroups;
    }
    QString caFile() const;
    QString url() const;
    std::int64_t startSeconds() const { return m_end - (samples - 1) * stepSeconds; }
    std::int64_t endSeconds() const { return m_end; }

private:
    QString writeOpenMetrics(const QString &path) const;
    bool m_fixedEnd = false;
    bool m_tls = false;
    QString m_alertmanager;
    QByteArray m_ruleGroups;
    QByteArray configuration();
    QString writeTlsConfig();
    QString run(const QString &program, const QStringList &arguments);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    std::int64_t m_end = 0;
};
