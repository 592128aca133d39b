// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "m4decimator.h"
#include "prometheusresponse.h"
#include "queryresponse.h"
#include "timegrids.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace Pd;

class TestPrometheusResponse : public QObject
{
    Q_OBJECT

private slots:
    void matrixWithSpecialValues()
    {
        const auto r = PrometheusResponseParser::parseQuery(
            R"({"status":"success","data":{"resultType":"matrix","result":[ {"metric":{"__name__":"up","job":"api","instance":"a"},"values":[[1700000000,"1"],[1700000015.5,"NaN"],[1700000030,"+Inf"],[1700000045,"-Inf"],[1700000060,"1e+06"]]}, {"metric":{},"values":[]}]},"warnings":["w1","w2"],"infos":["i"]})");
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.result.resultType(), SeriesStore::ResultType::Matrix);
        QCOMPARE(r.result.series().size(), 2u);
        const Series &s = r.result.series()[0];
        QCOMPARE(s.timesMs, (std::vector<std::int64_t>{1700000000000, 1700000015500, 1700000030000,
                                                       1700000045000, 1700000060000}));
        QCOMPARE(s.values[0], 1.0);
        QVERIFY(std::isnan(s.values[1]));
        QVERIFY(std::isinf(s.values[2]) && s.values[2] > 0);
        QVERIFY(std::isinf(s.values[3]) && s.values[3] < 0);
        QCOMPARE(s.values[4], 1e6);
        QCOMPARE(s.key(), std::string("up{instance=\"a\",job=\"api\"}"));
        QCOMPARE(s.displayName("{{ job }}/{{instance}} {{missing}}!"), std::string("api/a !"));
        QCOMPARE(r.result.series()[1].key(), std::string("{}"));
        QCOMPARE(r.warnings, (std::vector<std::string>{"w1", "w2"}));
        QCOMPARE(r.infos.size(), 1u);
    }

    void vectorScalarAndStrings()
    {
        auto r = PrometheusResponseParser::parseQuery(
            R"({"data":{"result":[{"value":[1700000000,"2.5"],"metric":{"a":"b"}}],"resultType":"vector"},"status":"success"})");
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.result.series().front().values.front(), 2.5);
        r = PrometheusResponseParser::parseQuery(
            R"({"status":"success","data":{"resultType":"scalar","result":[1700000000,"42"]}})");
        QVERIFY(r.ok);
        QCOMPARE(r.result.series().size(), 1u);
        QCOMPARE(r.result.series().front().values.front(), 42.0);
        QCOMPARE(r.result.series().front().key(), std::string("{}"));
        r = PrometheusResponseParser::parseStrings(
            R"({"status":"success","data":["__name__","job","a\u0062"]})");
        QVERIFY(r.ok);
        QCOMPARE(r.strings, (std::vector<std::string>{"__name__", "job", "ab"}));
        // A status object (buildinfo): its string members, in order.
        r = PrometheusResponseParser::parseStrings(
            R"({"status":"success","data":{"version":"2.42.0","revision":"abc","goVersion":"go1.19","extra":{"a":1},"n":3}})");
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.fields,
                 (std::vector<std::pair<std::string, std::string>>{
                     {"version", "2.42.0"}, {"revision", "abc"}, {"goVersion", "go1.19"}}));
        QVERIFY(r.strings.empty());
    }

    void nativeHistogramsPlotTheirSums()
    {
        const auto r = PrometheusResponseParser::parseQuery(
            R"({"status":"success","data":{"resultType":"matrix","result":[ {"metric":{"__name__":"h"},"values":[[1,"9"]],"histograms":[[1700000000,{"count":"10","sum":"3.5","buckets":[[0,"0","0.5","4"],[3,"0.5","1","6"]]}]]}]}})");
        QVERIFY2(r.ok, r.error.c_str());
        const Series &s = r.result.series().front();
        QCOMPARE(s.values, std::vector<double>{3.5});
        QCOMPARE(s.timesMs, std::vector<std::int64_t>{1700000000000});
        QCOMPARE(s.histograms.front().count, 10.0);
        QCOMPARE(s.histograms.front().buckets.size(), 2u);
        QCOMPARE(s.histograms.front().buckets[1].boundaryRule, 3);
        QCOMPARE(s.histograms.front().buckets[1].upper, 1.0);
    }

    // A range query's samples lie on one step: their times are kept as start and step only.
    void regularTimesAreImplicit()
    {
        const auto r = PrometheusResponseParser::parseQuery(
            R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"1"},"values":[[1700000000,"1"],[1700000030,"2"],[1700000060,"3"]]}]}})");
        QVERIFY2(r.ok, r.error.c_str());
        const Series &s = r.result.series().front();
        QVERIFY(s.hasImplicitTimes());
        QVERIFY(s.timesMs.empty());
        QCOMPARE(s.startMs, 1700000000000);
        QCOMPARE(s.stepMs, 30000);
        QCOMPARE(s.timeAt(2), 1700000060000);
        QCOMPARE(s.values, (std::vector<double>{1, 2, 3}));
    }

    // A sample off the grid (a gap, a late scrape) turns the series into a list of times,
    // with every time before it written out as it was.
    void timesOffTheGridAreListed_data()
    {
        QTest::addColumn<QString>("values");
        QTest::addColumn<QList<qint64>>("times");
        QTest::newRow("gap") << "[[100,\"1\"],[110,\"2\"],[120,\"3\"],[140,\"4\"],[150,\"5\"]]"
                             << QList<qint64>{100000, 110000, 120000, 140000, 150000};
        QTest::newRow("second sample first")
            << "[[100,\"1\"],[100,\"2\"]]" << QList<qint64>{100000, 100000};
        QTest::newRow("backwards")
            << "[[100,\"1\"],[90,\"2\"],[80,\"3\"]]" << QList<qint64>{100000, 90000, 80000};
        QTest::newRow("one sample") << "[[100,\"1\"]]" << QList<qint64>{100000};
        // A step between these would overflow: they stay a list.
        QTest::newRow("far apart")
            << "[[-8e15,\"1\"],[8e15,\"2\"]]"
            << QList<qint64>{-8'000'000'000'000'000'000, 8'000'000'000'000'000'000};
    }

    void timesOffTheGridAreListed()
    {
        QFETCH(QString, values);
        QFETCH(QList<qint64>, times);
        const std::string body =
            R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":)" +
            values.toStdString() + "}]}}";
        const auto r = PrometheusResponseParser::parseQuery(body);
        QVERIFY2(r.ok, r.error.c_str());
        const Series &s = r.result.series().front();
        QVERIFY(!s.hasImplicitTimes());
        QCOMPARE(QList<qint64>(s.timesMs.begin(), s.timesMs.end()), times);
        QCOMPARE(s.values.size(), s.timesMs.size());
    }

    // Times are read as whole milliseconds where Prometheus' form allows it, and rounded to
    // the nearest millisecond otherwise, as before.
    void sampleTimeForms_data()
    {
        QTest::addColumn<QString>("time");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("seconds") << "1700000000" << qint64(1700000000000);
        QTest::newRow("tenths") << "1700000000.5" << qint64(1700000000500);
        QTest::newRow("milliseconds") << "1700000000.123" << qint64(1700000000123);
        QTest::newRow("finer, rounded") << "1700000000.1236" << qint64(1700000000124);
        QTest::newRow("exponent") << "1.7e9" << qint64(1700000000000);
        QTest::newRow("negative") << "-1.5" << qint64(-1500);
        QTest::newRow("short") << "7" << qint64(7000);
        QTest::newRow("thirteen digits") << "1700000000000" << qint64(1700000000000000);
        QTest::newRow("spaces") << " 1700000000.25 " << qint64(1700000000250);
    }

    void sampleTimeForms()
    {
        QFETCH(QString, time);
        QFETCH(qint64, ms);
        const std::string body =
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[)" +
            time.toStdString() + R"(,"1"]}]}})";
        const auto r = PrometheusResponseParser::parseQuery(body);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.result.series().front().timeAt(0), ms);
    }

    // Panels are handed a list of times: series on one grid share one list, made once.
    void timeGridsShareOneList()
    {
        auto regular = [](std::int64_t start, std::int64_t step, std::size_t count) {
            PdPlugin::TimeSeries series;
            series.startMs = start;
            series.stepMs = step;
            series.values.assign(count, 1.0);
            return series;
        };
        TimeGrids grids;
        const auto a = grids.timesOf(regular(1000, 10, 5));
        QCOMPARE(std::vector<std::int64_t>(a.begin(), a.end()),
                 (std::vector<std::int64_t>{1000, 1010, 1020, 1030, 1040}));
        const auto sameGrid = grids.timesOf(regular(1000, 10, 5));
        QCOMPARE(sameGrid.data(), a.data());
        const auto later = grids.timesOf(regular(1020, 10, 2)); // a part of the first list
        QCOMPARE(later.data(), a.data() + 2);
        QCOMPARE(later.size(), 2u);
        const auto longer = grids.timesOf(regular(1000, 10, 7)); // does not fit: a new list
        QCOMPARE(longer.size(), 7u);
        QCOMPARE(longer.back(), 1060);
        QCOMPARE(a.front(), 1000); // earlier spans stay valid
        const auto otherStep = grids.timesOf(regular(1000, 20, 3));
        QCOMPARE(otherStep.back(), 1040);
        PdPlugin::TimeSeries listed;
        listed.timesMs = {5, 7};
        listed.values = {1, 2};
        QCOMPARE(grids.timesOf(listed).data(), listed.timesMs.data());
        QVERIFY(grids.timesOf(regular(1000, 10, 0)).empty());
        // Starts far apart on one step: no overflow, each its own list.
        const auto low = grids.timesOf(regular(-8'000'000'000'000'000'000, 10, 2));
        const auto high = grids.timesOf(regular(8'000'000'000'000'000'000, 10, 2));
        QCOMPARE(low.front(), -8'000'000'000'000'000'000);
        QCOMPARE(high.front(), 8'000'000'000'000'000'000);
    }

    // A plugin's result: implicit times are a valid shape, times missing without a step not.
    void pluginSeriesShapes()
    {
        PdPlugin::QueryData data;
        PdPlugin::TimeSeries &series = data.series.emplace_back();
        series.values = {1, 2, 3};
        series.startMs = 1000;
        series.stepMs = 15000;
        QueryResponse response = QueryResponse::fromData(data);
        QVERIFY(response.ok);
        QCOMPARE(response.result.series().front().timeAt(2), 31000);
        data.series.front().stepMs = std::numeric_limits<std::int64_t>::max() / 2;
        response = QueryResponse::fromData(data);
        QVERIFY(!response.ok); // the third time would overflow
        QCOMPARE(response.error, std::string("the query plugin's result is malformed: a series' "
                                             "implicit times run past the largest time"));
        data.series.front().stepMs = 0;
        response = QueryResponse::fromData(data);
        QVERIFY(!response.ok);
        QCOMPARE(response.errorType, std::string("bad_data"));
        QCOMPARE(response.error, std::string("the query plugin's result is malformed: a series "
                                             "has 0 times and 3 values"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::newRow("prometheus error")
            << QByteArray(
                   R"({"status":"error","errorType":"bad_data","error":"parse error at char 5"})")
            << "bad_data"
            << "parse error at char 5";
        QTest::newRow("garbage") << QByteArray("{not json") << "bad_response"
                                 << "unreadable response";
        QTest::newRow("truncated")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"2"],[2,)")
            << "bad_response"
            << "unreadable response";
        QTest::newRow("html") << QByteArray("<html><body>oops</body></html>") << "bad_response"
                              << "HTML page";
        QTest::newRow("not an object") << QByteArray("[1,2]") << "bad_response"
                                       << "not a JSON object";
        QTest::newRow("no status") << QByteArray(R"({"data":{}})") << "bad_response"
                                   << "has no status";
        QTest::newRow("number values")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}})")
            << "bad_response"
            << "sample value";
        QTest::newRow("empty") << QByteArray("") << "bad_response"
                               << "unreadable";
        QTest::newRow("time as text")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[["1700000000","2"]]}]}})")
            << "bad_response"
            << "sample time";
        QTest::newRow("time out of range")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"],[1e30,"2"]]}]}})")
            << "bad_response"
            << "out of range";
    }

    void errors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, type);
        QFETCH(QString, message);
        const auto r = PrometheusResponseParser::parseQuery(body.toStdString());
        QVERIFY(!r.ok);
        QCOMPARE(QString::fromStdString(r.errorType), type);
        QVERIFY2(QString::fromStdString(r.error).contains(message), r.error.c_str());
        QVERIFY(r.result.series().empty());
    }

    // A line through the M4 points covers the same pixels: per column the extremes survive.
    void m4KeepsExtremesAndOrder()
    {
        std::mt19937 random(7);
        std::normal_distribution<double> noise(0, 1);
        std::vector<std::int64_t> times;
        std::vector<double> values;
        for (int i = 0; i < 100000; ++i) {
            times.push_back(1000LL * i);
            values.push_back(std::sin(i / 1000.0) * 10 + noise(random));
        }
        values[5000] = std::numeric_limits<double>::quiet_NaN();
        const int columns = 400;
        const auto points = M4Decimator::decimate(times, values, 0, 100000000, columns);
        QVERIFY(points.size() <= 4u * columns + 1);
        QVERIFY(points.size() >= 2u * columns);
        for (std::size_t i = 1; i < points.size(); ++i)
            QVERIFY(points[i - 1].timeMs < points[i].timeMs);
        // Each column keeps its minimum and maximum.
        for (int column = 0; column < columns; column += 37) {
            double lo = INFINITY, hi = -INFINITY;
            for (int i = column * 250; i < (column + 1) * 250; ++i) {
                if (!std::isnan(values[i])) {
                    lo = std::min(lo, values[i]);
                    hi = std::max(hi, values[i]);
                }
            }
            bool sawLo = false, sawHi = false;
            for (const auto &p : points) {
                if (p.timeMs >= column * 250000LL && p.timeMs < (column + 1) * 250000LL) {
                    sawLo |= p.value == lo;
                    sawHi |= p.value == hi;
                }
            }
            QVERIFY(sawLo && sawHi);
        }
        // The gap survives as a NaN point.
        QVERIFY(std::any_of(points.begin(), points.end(),
                            [](const auto &p) { return std::isnan(p.value); }));
    }

    void m4KeepsNeighboursOutsideTheRange()
    {
        const std::vector<std::int64_t> times = {0, 10, 20, 30, 40};
        const std::vector<double> values = {1, 2, 3, 4, 5};
        const auto points = M4Decimator::decimate(times, values, 15, 35, 100);
        QCOMPARE(points.size(), 4u);
        QCOMPARE(points.front().timeMs, 10);
        QCOMPARE(points.back().timeMs, 40);
        QVERIFY(M4Decimator::decimate(times, values, 50, 40, 10).empty());
    }
};

QTEST_APPLESS_MAIN(TestPrometheusResponse)
#include "tst_prometheusresponse.moc"
