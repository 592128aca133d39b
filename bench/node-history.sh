#!/usr/bin/env bash
# Turns one scrape of a node exporter (its /metrics text on stdin) into an hour of history as
# OpenMetrics for promtool: every series gets job="node", instance="bench:9100" and a sample
# every 15 s ending at END; counters (names ending in _total or _seconds_total) grow,
# gauges wave a little around their scraped value. The NodeExporter dashboard of the corpus
# then has real series names, labels and cardinality to query.
# usage: node-history.sh END_UNIX_SECONDS < metrics.txt > history.om
set -euo pipefail
awk -v end="$1" '
/^#/ { next }
NF < 2 { next }
{
  sample = $0
  value = $NF
  series = substr(sample, 1, length(sample) - length(value) - 1)
  if (value !~ /^-?[0-9.e+-]+$/) next
  brace = index(series, "{")
  if (brace) {
    name = substr(series, 1, brace - 1)
    labels = substr(series, brace + 1, length(series) - brace - 1)
    labels = "instance=\"bench:9100\",job=\"node\"" (labels == "" ? "" : "," labels)
  } else {
    name = series
    labels = "instance=\"bench:9100\",job=\"node\""
  }
  n++
  counter = name ~ /_total$/
  for (i = 0; i <= 240; i++) {
    t = end - (240 - i) * 15
    if (counter) v = value + i * (1 + (n % 7)) * 15
    else v = value * (1 + 0.05 * sin(i / 20 + n))
    printf "%s{%s} %.6g %d\n", name, labels, v, t
  }
}
END { print "# EOF" }'
