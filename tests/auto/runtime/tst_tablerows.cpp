// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "tablerows.h"

#include <QTest>

using namespace Pd;

namespace {

// Rows written as the Perses table's own JavaScript prints them (JSON.stringify), so the
// expected texts below are what Perses' transformData gives for the same input.
QString text(const std::vector<TableRow> &rows)
{
    QStringList lines;
    for (const TableRow &row : rows) {
        QStringList cells;
        for (const auto &[name, value] : row)
            cells.append(QStringLiteral("\"%1\":%2")
                             .arg(QString::fromStdString(name),
                                  value.number ? QString::fromStdString(value.key())
                                               : u'"' + QString::fromStdString(value.text) + u'"'));
        lines.append(u'{' + cells.join(u',') + u'}');
    }
    return lines.join(u'\n');
}

TableRow row(std::initializer_list<std::pair<const char *, TableValue>> cells)
{
    TableRow result;
    for (const auto &[name, value] : cells)
        result.emplace_back(name, value);
    return result;
}

TableValue s(const char *value)
{
    return {value, std::nullopt};
}

TableValue n(double value)
{
    return {{}, value};
}

// Two instant queries over disks: query 1 keeps __name__, query 2 does not.
std::vector<TableRow> twoQueries()
{
    using Series = TableRows::Series;
    const std::int64_t t = 1700000000000;
    const std::vector<std::vector<Series>> queries = {
        {Series{{{"__name__", "up"}, {"instance", "a:9100"}, {"mount", "/"}}, {{t, 10}}},
         Series{{{"__name__", "up"}, {"instance", "a:9100"}, {"mount", "/boot"}}, {{t, 20}}}},
        {Series{{{"instance", "a:9100"}, {"mount", "/"}}, {{t, 50}}},
         Series{{{"instance", "a:9100"}, {"mount", "/boot"}}, {{t, 60}}}},
    };
    return TableRows::fromQueries(queries, true);
}

TableTransform transform(TableTransform::Kind kind, std::vector<std::string> columns = {},
                         std::string name = {}, std::string column = {})
{
    return TableTransform{kind, std::move(columns), std::move(name), std::move(column), false};
}

} // namespace

// §10.6's transforms against the outputs of Perses' own code for the same rows.
class TestTableRows : public QObject
{
    Q_OBJECT

private slots:
    void rowsFromQueries()
    {
        QCOMPARE(text(twoQueries()),
                 QStringLiteral(
                     "{\"timestamp\":1700000000000,\"value #1\":10,\"__name__ #1\":\"up\","
                     "\"instance #1\":\"a:9100\",\"mount #1\":\"/\"}\n"
                     "{\"timestamp\":1700000000000,\"value #1\":20,\"__name__ #1\":\"up\","
                     "\"instance #1\":\"a:9100\",\"mount #1\":\"/boot\"}\n"
                     "{\"timestamp\":1700000000000,\"value #2\":50,\"instance #2\":\"a:9100\","
                     "\"mount #2\":\"/\"}\n"
                     "{\"timestamp\":1700000000000,\"value #2\":60,\"instance #2\":\"a:9100\","
                     "\"mount #2\":\"/boot\"}"));
        // One query: bare names; a range table has no timestamp.
        const auto one =
            TableRows::fromQueries({{TableRows::Series{{{"job", "node"}}, {{5, 1.5}}}}}, false);
        QCOMPARE(text(one), QStringLiteral("{\"value\":1.5,\"job\":\"node\"}"));
    }

    void mergeIndexedThenJoin()
    {
        using Kind = TableTransform::Kind;
        const auto rows = TableRows::transform(
            twoQueries(), {transform(Kind::MergeIndexedColumns, {}, {}, "mount"),
                           transform(Kind::JoinByColumnValue, {"mount"})});
        QCOMPARE(text(rows),
                 QStringLiteral(
                     "{\"__name__ #1\":\"up\",\"instance #1\":\"a:9100\",\"instance "
                     "#2\":\"a:9100\",\"mount\":\"/\",\"timestamp\":1700000000000,\"value "
                     "#1\":10,\"value #2\":50}\n"
                     "{\"__name__ #1\":\"up\",\"instance #1\":\"a:9100\",\"instance "
                     "#2\":\"a:9100\",\"mount\":\"/boot\",\"timestamp\":1700000000000,\"value "
                     "#1\":20,\"value #2\":60}"));
        // The columns as the table lists them: in the order rows first show them.
        QCOMPARE(TableRows::columns(rows),
                 (std::vector<std::string>{"__name__ #1", "instance #1", "instance #2", "mount",
                                           "timestamp", "value #1", "value #2"}));
    }

    void mergeColumnsSplitsRows()
    {
        using Kind = TableTransform::Kind;
        QCOMPARE(
            text(TableRows::transform(
                twoQueries(), {transform(Kind::MergeColumns, {"value #1", "value #2"}, "val")})),
            QStringLiteral("{\"__name__ #1\":\"up\",\"instance #1\":\"a:9100\",\"mount "
                           "#1\":\"/\",\"timestamp\":1700000000000,\"val\":10}\n"
                           "{\"__name__ #1\":\"up\",\"instance #1\":\"a:9100\",\"mount "
                           "#1\":\"/boot\",\"timestamp\":1700000000000,\"val\":20}\n"
                           "{\"instance #2\":\"a:9100\",\"mount "
                           "#2\":\"/\",\"timestamp\":1700000000000,\"val\":50}\n"
                           "{\"instance #2\":\"a:9100\",\"mount "
                           "#2\":\"/boot\",\"timestamp\":1700000000000,\"val\":60}"));
        // A row holding both merged columns becomes two.
        const std::vector<TableRow> both = {row({{"a", n(1)}, {"b", n(2)}, {"k", s("x")}}),
                                            row({{"k", s("y")}})};
        QCOMPARE(
            text(TableRows::transform(both, {transform(Kind::MergeColumns, {"a", "b"}, "ab")})),
            QStringLiteral("{\"ab\":1,\"k\":\"x\"}\n{\"ab\":2,\"k\":\"x\"}\n{\"k\":\"y\"}"));
    }

    void mergeSeries()
    {
        using Kind = TableTransform::Kind;
        const std::vector<TableRow> rows = {
            row({{"timestamp", n(1000)}, {"value #1", n(10)}, {"mount #1", s("/")}}),
            row({{"timestamp", n(1000)}, {"value #1", n(20)}, {"mount #1", s("/boot")}}),
            row({{"timestamp", n(1000)}, {"value #2", n(50)}, {"mount #2", s("/")}}),
            row({{"timestamp", n(1000)}, {"value #2", n(60)}, {"mount #2", s("/boot")}})};
        QCOMPARE(text(TableRows::transform(rows, {transform(Kind::MergeSeries)})),
                 QStringLiteral("{\"mount\":\"/\",\"timestamp\":1000,\"value #1\":10,\"value "
                                "#2\":50}\n"
                                "{\"mount\":\"/boot\",\"timestamp\":1000,\"value #1\":20,\"value "
                                "#2\":60}"));
        // Label sets that differ (__name__ in one query only) do not merge, as in Perses.
        QCOMPARE(TableRows::transform(twoQueries(), {transform(Kind::MergeSeries)}).size(), 4u);
        // Chained: the merged values stacked in one column.
        QCOMPARE(text(TableRows::transform(
                     rows, {transform(Kind::MergeSeries),
                            transform(Kind::MergeColumns, {"value #1", "value #2"}, "v")})),
                 QStringLiteral("{\"mount\":\"/\",\"timestamp\":1000,\"v\":10}\n"
                                "{\"mount\":\"/\",\"timestamp\":1000,\"v\":50}\n"
                                "{\"mount\":\"/boot\",\"timestamp\":1000,\"v\":20}\n"
                                "{\"mount\":\"/boot\",\"timestamp\":1000,\"v\":60}"));
    }

    // The example of Perses' own data-field interpolation.
    void dataLinks()
    {
        const TableRow cells =
            row({{"instance", s("a:9100")}, {"value #1", n(10)}, {"mount", s("/boot")}});
        QCOMPARE(TableRows::linkUrl("/explore?i=${__data.fields[\"instance\"]}&m=${__data.fields."
                                    "mount}&v=${__data.fields['value #1']}&x=${__data.fields["
                                    "\"nope\"]}&r=${__data.fields.mount:raw}&k=${__data}",
                                    cells),
                 std::string("/explore?i=a%3A9100&m=%2Fboot&v=10&x=&r=/boot&k=${__data}"));
    }

    void joinKeepsWhatTheLaterRowLacks()
    {
        using Kind = TableTransform::Kind;
        const std::vector<TableRow> rows = {
            row({{"value", n(0.5)}, {"job", s("node")}, {"code", s("500")}, {"instance", s("x")}}),
            row({{"value", n(0.7)}, {"job", s("node")}, {"code", s("200")}, {"instance", s("y")}}),
            row({{"value", n(0.9)}, {"job", s("node")}, {"code", s("200")}, {"instance", s("z")}}),
            row({{"job", s("node")}, {"code", s("404")}, {"instance", s("w")}})};
        QCOMPARE(
            text(TableRows::transform(rows, {transform(Kind::JoinByColumnValue, {"job"})})),
            QStringLiteral("{\"code\":\"404\",\"instance\":\"w\",\"job\":\"node\",\"value\":0.9}"));
        // Perses puts integer-looking keys first ("200" before "500"); first seen first here.
        QCOMPARE(
            text(TableRows::transform(rows, {transform(Kind::JoinByColumnValue, {"code"})})),
            QStringLiteral("{\"code\":\"500\",\"instance\":\"x\",\"job\":\"node\",\"value\":0.5}\n"
                           "{\"code\":\"200\",\"instance\":\"z\",\"job\":\"node\",\"value\":0.9}\n"
                           "{\"code\":\"404\",\"instance\":\"w\",\"job\":\"node\"}"));
        // A disabled transform does nothing but the column sort every table gets.
        TableTransform off = transform(Kind::JoinByColumnValue, {"job"});
        off.disabled = true;
        QCOMPARE(TableRows::transform(rows, {off}).size(), 4u);
    }
};

QTEST_GUILESS_MAIN(TestTableRows)
#include "tst_tablerows.moc"
