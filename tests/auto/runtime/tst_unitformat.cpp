// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonreader.h"
#include "unitformat.h"

#include <QTest>

#include <cmath>
#include <ctime>
#include <limits>

using namespace Pd;

namespace {

// Sources: perses/perses ui/core/src/model/units/<file>.test.ts unless a row says "from
// <file>.ts", where the expectation follows that file's code (and Intl en-US / numbro).

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr int unset = -1;

constexpr double testTimestampMs = 1704112245000;   // date.test.ts: 2024-01-01T12:30:45Z
constexpr std::int64_t referenceMs = 1704121200000; // date.test.ts: 2024-01-01T15:00:00Z

void row(const char *unit, double value, const char *expected, int decimalPlaces = unset,
         int shortValues = unset)
{
    QTest::addRow("%s %.17g dp=%d short=%d", unit, value, decimalPlaces, shortValues)
        << QString::fromUtf8(unit) << value << decimalPlaces << shortValues
        << QString::fromUtf8(expected);
}

void decimalRows() // decimal.test.ts
{
    row("decimal", -4444, "-4.44K");
    row("decimal", -4444, "-4,444", unset, false);
    row("decimal", -4444, "-4,444.0000", 4, false);
    row("decimal", -4444, "-4.4440K", 4, true);
    row("decimal", -0.123456789, "-0.123");
    row("decimal", -0.123456789, "-0.1235", 4, false);
    row("decimal", 0, "0");
    row("decimal", 10.123456, "10.1");
    row("decimal", 10.123456, "10.123", unset, false);
    row("decimal", 666666, "667K");
    row("decimal", 666666, "666.6660K", 4, true);
    row("decimal", 88888888, "88.9M");
    row("decimal", 1000000000, "1B");
    row("decimal", 1010101010, "1.01B");
    row("", 1234, "1.23K", unset, true);
    row("", 1234, "1,234", unset, false);
    row("", 1234, "1.23K", 2, true);
    row("decimal", 999999, "1M");                // from decimal.ts: compact rounding carries
    row("decimal", 1.5e12, "1.5T");              // from decimal.ts
    row("decimal", -0.0001, "-0", unset, false); // from decimal.ts: Intl keeps the sign
    row("furlongs", 1234, "1.23K");              // unknown unit: decimal (Perses throws)
}

void percentRows() // percent.test.ts
{
    row("percent", 0, "0%");
    row("percent", 0, "0.0000%", 4);
    row("percent", 0.001111, "0.00111%");
    row("percent", 0.001111, "0%", 0);
    row("percent", 55.555, "55.6%");
    row("percent", 55.555, "56%", 0);
    row("percent", 55.555, "55.5550%", 4);
    row("percent", 100000, "100,000%");
    row("percent-decimal", 0.00001111, "0.00111%");
    row("percent-decimal", 0.1111, "11.1100%", 4);
    row("percent-decimal", 1, "100%");
    row("percent-decimal", 10, "1,000%");
    row("percent-decimal", 0.45, "45%"); // from percent.ts
    row("percent", -45, "-45%");         // from percent.ts
}

void timeRows() // time.test.ts
{
    row("milliseconds", 0, "0s");
    row("years", 0, "0s");
    // time.test.ts expects "0.001ms" here, from before time.ts gained micro- and nanoseconds;
    // time.ts now picks microseconds.
    row("milliseconds", 0.001, "1μs");
    row("seconds", 0.001, "1ms");
    row("minutes", 0.001, "60ms");
    row("hours", 0.001, "3.6s");
    row("days", 0.001, "1.44m");
    row("weeks", 0.001, "10.1m");
    row("months", 0.001, "43.2m");
    row("years", 0.001, "8.76h");
    row("weeks", 1, "1w");
    row("months", 1, "1 month");
    row("years", 1, "1 year");
    row("seconds", 100, "1.67m");
    row("hours", 100, "4.17d");
    row("days", 100, "3.33 months");
    row("weeks", 100, "1.92 years");
    row("months", 100, "8.22 years");
    row("seconds", 90, "1.5m");             // from time.ts
    row("microseconds", 5, "5μs");          // from time.ts: Intl narrow microsecond
    row("nanoseconds", 1, "1ns");           // from time.ts
    row("seconds", 1, "1.00s", 2);          // from time.ts
    row("seconds", -5, "-5,000,000,000ns"); // from time.ts: no unit reaches 1 when negative
}

void currencyRows() // currency.test.ts
{
    row("eur", 1.23, "€1.23");
    row("eur", 0.99, "€0.99");
    row("aud", 1.23, "A$1.23");
    row("gbp", 1000, "£1,000");
    row("jpy", 100000, "¥100,000");
    row("usd", -1.23, "-$1.23");
    row("chf", 1.23, "CHF\u00A01.23"); // from currency.ts: Intl symbol and currency spacing
    row("cny", 1234.5, "CN¥1,230");    // from currency.ts
    row("usd", 1.5, "$1.50", 2);       // from currency.ts
    row("sek", -2, "-SEK\u00A02");     // from currency.ts
}

void temperatureRows() // temperature.test.ts
{
    row("celsius", 10, "10.0°C", 1);
    row("celsius", -5.678, "-5.68°C", 2);
    row("fahrenheit", 25.5, "25.5°F", 1);
    row("fahrenheit", 0, "0°F", 0);
    row("celsius", 21.5, "21.5°C"); // from temperature.ts
}

void dataRows() // bytes.test.ts, bits.test.ts
{
    row("decbytes", -1234, "-1.23 KB");
    row("decbytes", -1234, "-1,234 bytes", unset, false);
    row("decbytes", -1234, "-1.2340 KB", 4, true);
    row("bytes", 0, "0 bytes");
    row("bytes", 1, "1 byte");
    row("decbytes", 10.1234, "10.1 bytes");
    row("decbytes", 10.1234, "10.123 bytes", unset, false);
    row("decbytes", 123456, "123.46 KB");
    row("decbytes", 12345678, "12.35 MB");
    row("decbytes", 1e18, "1 EB");
    row("bytes", 1536, "1.5 KiB");
    row("bytes", 1073741824, "1 GiB");
    row("bytes", -1024, "-1 KiB");
    row("bytes", 1024, "1,024 bytes", unset, false);
    row("decbits", -1234, "-1.23 Kb");
    row("bits", 1, "1 bits");
    row("bits", 1024, "1 Kib");
    row("bits", 1024, "1.000 Kib", 3);
    row("bits", 1048576, "1,048,576 bits", unset, false);
    row("decbits", 1e9, "1 Gb");
}

void throughputRows() // throughput.test.ts
{
    row("counts/sec", -4444, "-4.44K counts/sec");
    row("ops/sec", -4444, "-4,444 ops/sec", unset, false);
    row("requests/sec", -4444, "-4,444.0000 requests/sec", 4, false);
    row("writes/sec", -4444, "-4.4440K writes/sec", 4, true);
    row("events/sec", -0.123456789, "-0.123 events/sec");
    row("counts/sec", 0, "0 counts/sec");
    row("decbytes/sec", 1000, "1 KB/s");
    row("bytes/sec", 1024, "1 KiB/s");
    row("decbits/sec", 1000, "1 Kb/s");
    row("bits/sec", 1024, "1 Kib/s");
    row("bytes/sec", 500, "500 bytes/sec"); // from throughput.ts
}

void dateRows() // date.test.ts; the local zone is set to UTC+9 (its Asia/Tokyo case)
{
    row("datetime-iso", testTimestampMs, "2024-01-01T12:30:45.000Z");
    row("datetime-iso", 1704112245, "2024-01-01T12:30:45.000Z");
    row("datetime-us", testTimestampMs, "01/01/2024, 07:30:45 AM");
    row("datetime-us", 1720182645000, "07/05/2024, 08:30:45 AM");
    row("datetime-us", 1679229045000, "03/19/2023, 08:30:45 AM");
    row("datetime-local", testTimestampMs, "01/01/2024, 21:30:45");
    row("date-iso", testTimestampMs, "2024-01-01");
    row("date-us", 1720182645000, "07/05/2024");
    row("date-local", testTimestampMs, "01/01/2024");
    row("time-local", testTimestampMs, "21:30:45");
    row("time-iso", 1704112245999, "12:30:45.999");
    row("time-us", testTimestampMs, "07:30:45 AM");
    row("time-us", 1704067200000, "07:00:00 PM");
    row("date-iso", 253402300799, "9999-12-31");
    row("date-iso", -2208988800, "1900-01-01");
    row("date-iso", 9999999999, "2286-11-20");
    row("date-iso", 10000000001, "1970-04-26");
    row("unix-timestamp", 1704112245, "1704112245");
    row("unix-timestamp", 2147483647000, "2147483647");
    row("unix-timestamp-ms", 999999999, "999999999000");
    row("relative-time", referenceMs - 3600000, "1 hour ago");
    row("relative-time", referenceMs + 3600000, "in 1 hour");
    row("relative-time", referenceMs, "now");
    row("relative-time", referenceMs - 2592000000, "last month");
    row("relative-time", referenceMs + 31536000000, "next year");
    row("relative-time", referenceMs - 86400000, "yesterday");
    row("relative-time", referenceMs + 1000, "in 1 second");
    row("relative-time", referenceMs - 300000, "5 minutes ago"); // from date.ts
}

void nonFiniteRows() // Intl prints NaN and ∞ inside its patterns; numbro prints toString()
{
    row("decimal", nan, "NaN");
    row("decimal", -inf, "-∞");
    row("percent", nan, "NaN%");
    row("seconds", nan, "NaNns"); // time.ts ends in nanoseconds
    row("usd", nan, "$NaN");
    row("decbytes", nan, "NaN B"); // bytes.ts: NaN is not below 1000
    row("bytes", nan, "NaN bytes", unset, false);
    row("unix-timestamp", nan, "NaN");        // date.ts: toString()
    row("relative-time", nan, "now");         // date.ts: no unit reaches 1
    row("datetime-iso", nan, "Invalid Date"); // Perses throws a RangeError
}

} // namespace

class TestUnitFormat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A POSIX zone string needs no tzdata: UTC+9 all year, like Asia/Tokyo.
        qputenv("TZ", "JST-9");
        tzset();
    }

    void formats_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("decimalPlaces");
        QTest::addColumn<int>("shortValues");
        QTest::addColumn<QString>("expected");
        decimalRows();
        percentRows();
        timeRows();
        currencyRows();
        temperatureRows();
        dataRows();
        throughputRows();
        dateRows();
        nonFiniteRows();
    }

    void formats()
    {
        QFETCH(QString, unit);
        QFETCH(double, value);
        QFETCH(int, decimalPlaces);
        QFETCH(int, shortValues);
        QFETCH(QString, expected);
        UnitFormat format;
        format.unit = unit.toStdString();
        if (decimalPlaces != unset)
            format.decimalPlaces = decimalPlaces;
        if (shortValues != unset)
            format.shortValues = shortValues != 0;
        QCOMPARE(QString::fromStdString(formatValue(value, format, referenceMs)), expected);
    }

    void parsesFormatNodes()
    {
        const auto parse = [](const char *json) {
            return parseUnitFormat(JsonReader::parse(json).documents.front());
        };
        const UnitFormat full =
            parse(R"({"unit": "bytes", "decimalPlaces": 2.7, "shortValues": false})");
        QCOMPARE(full.unit, std::string("bytes"));
        QCOMPARE(full.decimalPlaces, std::optional<int>(2));
        QCOMPARE(full.shortValues, std::optional<bool>(false));
        // utils.ts limitDecimalPlaces keeps Intl's 0..20; fields of the wrong type are ignored.
        QCOMPARE(parse(R"({"decimalPlaces": 25})").decimalPlaces, std::optional<int>(20));
        QCOMPARE(parse(R"({"decimalPlaces": -3})").decimalPlaces, std::optional<int>(0));
        const UnitFormat wrong = parse(R"({"unit": 5, "decimalPlaces": "2", "shortValues": 1})");
        QVERIFY(wrong.unit.empty());
        QVERIFY(!wrong.decimalPlaces);
        QVERIFY(!wrong.shortValues);
        QCOMPARE(formatValue(-1, parse(R"({"decimalPlaces": 25})")),
                 std::string("-1.00000000000000000000"));
    }

    void percentUnits()
    {
        QVERIFY(isPercentUnit("percent"));
        QVERIFY(isPercentUnit("percent-decimal"));
        QVERIFY(isPercentUnit("%"));
        QVERIFY(!isPercentUnit("decimal"));
        // percent.ts divides only "percent" by 100: the "%" shorthand reads a 0-1 ratio.
        QCOMPARE(formatValue(0.5, UnitFormat{"%", {}, {}}), std::string("50%"));
    }
};

QTEST_APPLESS_MAIN(TestUnitFormat)
#include "tst_unitformat.moc"
