// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// Query results: parsing a large query_range answer four ways over the same bytes, the memory
// the series store takes per point, and M4 decimation.
#include "benchharness.h"
#include "m4decimator.h"
#include "memorytuning.h"
#include "prometheusresponse.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <malloc.h>
#include <random>
#include <string>

using namespace Pd;

namespace {

// 1,000 series × 2,880 points, written as Prometheus writes them.
std::string generateResponse(int seriesCount, int points)
{
    std::mt19937 random(42);
    std::uniform_real_distribution<double> value(0, 1000);
    std::string out = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    char buffer[64];
    for (int s = 0; s < seriesCount; ++s) {
        out += s ? ",{" : "{";
        std::snprintf(buffer, sizeof buffer,
                      R"("metric":{"__name__":"node_cpu_seconds_total","cpu":"%d",)", s % 64);
        out += buffer;
        std::snprintf(buffer, sizeof buffer, R"("instance":"host-%03d:9100","job":"node",)", s);
        out += buffer;
        out += R"("mode":"idle"},"values":[)";
        for (int i = 0; i < points; ++i) {
            std::snprintf(buffer, sizeof buffer, "%s[%d,\"%.3f\"]", i ? "," : "",
                          1700000000 + i * 30, value(random));
            out += buffer;
        }
        out += "]}";
    }
    out += "]}}";
    return out;
}

// The floor: simdjson on-demand touching every value and converting it, nothing stored.
double bareSimdjson(simdjson::ondemand::parser &parser, const simdjson::padded_string &json)
{
    simdjson::ondemand::document doc = parser.iterate(json);
    double sum = 0;
    for (auto series : doc["data"]["result"]) {
        for (auto field : series["metric"].get_object())
            sum += double(std::string_view(field.value().get_string().value()).size());
        for (auto point : series["values"]) {
            auto pair = point.get_array();
            auto it = pair.begin();
            sum += double((*it).get_double());
            ++it;
            sum += double((*it).get_double_in_string());
        }
    }
    return sum;
}

double viaNlohmann(const std::string &text)
{
    const nlohmann::json json = nlohmann::json::parse(text);
    double sum = 0;
    for (const auto &series : json["data"]["result"]) {
        for (const auto &point : series["values"])
            sum += point[0].get<double>() + std::stod(point[1].get<std::string>());
    }
    return sum;
}

double viaQJsonDocument(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    double sum = 0;
    const QJsonArray result = doc.object()
                                  .value(QLatin1String("data"))
                                  .toObject()
                                  .value(QLatin1String("result"))
                                  .toArray();
    for (const QJsonValue &series : result) {
        const QJsonArray values = series.toObject().value(QLatin1String("values")).toArray();
        for (const QJsonValue &point : values) {
            const QJsonArray pair = point.toArray();
            sum += pair.at(0).toDouble() + pair.at(1).toString().toDouble();
        }
    }
    return sum;
}

// Bytes the allocator hands out right now (glibc: small chunks plus mmapped large ones),
// allocator overhead included: what a result really costs, not the capacity it asked for.
std::size_t heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

void parsing()
{
    const std::string text = generateResponse(1000, 2880);
    const double mb = double(text.size()) / 1e6;
    std::printf("query_range answer: 1,000 series x 2,880 points, %.1f MB (simdjson kernel %s)\n",
                mb, PrometheusResponseParser::kernel());
    const simdjson::padded_string padded(text);
    std::string withPadding = text;
    withPadding.reserve(text.size() + PrometheusResponseParser::padding);
    const QByteArray bytes = QByteArray::fromStdString(text);
    const PrometheusResponseParser::Options options{2880, true};
    double sink = 0;
    // The first parse of a process, on pages never touched before: one run, nothing to warm.
    const PdBench::Stats cold = PdBench::measure(
        [&] {
            const PrometheusResponse r = PrometheusResponseParser::parseQuery(withPadding, options);
            sink += double(r.result.pointCount());
        },
        1, 0);
    // Then as the app runs: freed results are reused by the next refresh (see MemoryTuning).
    MemoryTuning::keepFreedMemoryForReuse();
    simdjson::ondemand::parser bareParser; // reused, as our reader reuses its own
    const PdBench::Stats bare = PdBench::measure([&] { sink += bareSimdjson(bareParser, padded); });
    const PdBench::Stats ours = PdBench::measure([&] {
        const PrometheusResponse r = PrometheusResponseParser::parseQuery(withPadding, options);
        sink += double(r.result.pointCount());
    });
    const PdBench::Stats nlohmann = PdBench::measure([&] { sink += viaNlohmann(text); });
    const PdBench::Stats qt = PdBench::measure([&] { sink += viaQJsonDocument(bytes); });
    PdBench::printStats("bare simdjson on-demand scan (floor)", bare, mb);
    PdBench::printStats("our reader into the series store", ours, mb);
    PdBench::printStats("  the same, first parse on fresh pages", cold, mb);
    PdBench::printStats("nlohmann::json, values read", nlohmann, mb);
    PdBench::printStats("QJsonDocument, values read", qt, mb);
    PdBench::printRatio("ours / bare simdjson speed", bare, ours, ">= 0.8");
    PdBench::printRatio("ours / nlohmann speed", nlohmann, ours, "");
    PdBench::printRatio("ours / QJsonDocument speed", qt, ours, "");

    // Memory: the heap a parsed result holds, measured at the allocator after a real parse.
    const std::size_t before = heapInUse();
    const PrometheusResponse r = PrometheusResponseParser::parseQuery(withPadding, options);
    const std::size_t held = heapInUse() - before;
    const std::size_t points = r.result.pointCount();
    if (points != 1000u * 2880u) {
        std::fprintf(stderr, "bench_query: parsed %zu points, expected 2,880,000\n", points);
        std::exit(1);
    }
    std::size_t regular = 0;
    std::size_t implicit = 0;
    for (const Series &series : r.result.series()) {
        bool even = series.size() > 1;
        for (std::size_t i = 2; even && i < series.size(); ++i)
            even = series.timeAt(i) - series.timeAt(i - 1) == series.timeAt(1) - series.timeAt(0);
        regular += even ? series.size() : 0;
        implicit += series.hasImplicitTimes() ? series.size() : 0;
    }
    std::printf("\nseries store: %zu points (%.0f%% on a regular step, %.0f%% stored with implicit "
                "times), heap held %.1f MB\n",
                points, 100.0 * double(regular) / double(points),
                100.0 * double(implicit) / double(points), double(held) / 1e6);
    PdBench::printRatio("heap bytes per point", double(held) / double(points), "<= 9");
    std::printf("  (checksum %.0f)\n", sink);
}

void decimation()
{
    std::mt19937 random(1);
    std::normal_distribution<double> noise(0, 1);
    std::vector<std::vector<std::int64_t>> times(50);
    std::vector<std::vector<double>> values(50);
    for (int s = 0; s < 50; ++s) {
        for (int i = 0; i < 10000; ++i) {
            times[s].push_back(1700000000000LL + i * 15000LL);
            values[s].push_back(std::sin(i / 500.0 + s) * 100 + noise(random));
        }
    }
    std::vector<M4Decimator::Point> out;
    out.reserve(50 * 4 * 1200 + 100);
    const std::int64_t from = times[0].front();
    const std::int64_t to = times[0].back() + 1;
    const PdBench::Stats m4 = PdBench::measure([&] {
        out.clear();
        for (int s = 0; s < 50; ++s)
            M4Decimator::decimate(times[s], values[s], from, to, 1200, out);
    });
    std::printf("\nM4, 50 series x 10,000 points to 1,200 columns (%zu points out)\n", out.size());
    PdBench::printStats("decimate all series (target < 2 ms)", m4);
}

} // namespace

int main()
{
    parsing();
    decimation();
    return 0;
}
