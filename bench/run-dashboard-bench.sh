#!/usr/bin/env bash
# Starts Debian's node exporter and Prometheus on free ports of 127.0.0.1, backfills an hour
# of node history made from one scrape (bench/node-history.sh), runs bench_dashboard against
# it and stops both.
# Then the cold start of perses-desktop on the same dashboard (bench_coldstart), when its
# programs are given.
# usage: run-dashboard-bench.sh PATH/TO/bench_dashboard [PERSES_DESKTOP BENCH_COLDSTART COLDSTART_BARE]
set -euo pipefail
cd "$(dirname "$0")/.."
bench=$1
command -v prometheus-node-exporter >/dev/null ||
    apt-get install -y -qq --no-install-recommends prometheus-node-exporter >/dev/null
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while listening "$p"; do p=$((p + 1)); done; echo "$p"; }
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

exporter=$(free_port 29100)
prometheus-node-exporter --web.listen-address="127.0.0.1:$exporter" >"$work/exporter.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 40); do listening "$exporter" && break; sleep 0.25; done
curl -sf "http://127.0.0.1:$exporter/metrics" >"$work/metrics.txt"
bench/node-history.sh "$(date +%s)" <"$work/metrics.txt" >"$work/history.om"
promtool tsdb create-blocks-from openmetrics "$work/history.om" "$work/data" >/dev/null
port=$(free_port 29090)
echo 'scrape_configs: []' >"$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
    --storage.tsdb.retention.time=30d --web.listen-address="127.0.0.1:$port" \
    >"$work/prometheus.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do listening "$port" && break; sleep 0.25; done
sleep 1
QT_QPA_PLATFORM=offscreen "$bench" "http://127.0.0.1:$port"
if [[ $# -ge 4 ]]; then
    "$3" "$2" "$4" "${PD_CONFORMANCE_DIR:-../shared/conformance}/dashboards/dev-data__perses__NodeExporter.json" \
        --datasource "PrometheusDemo=http://127.0.0.1:$port"
fi
