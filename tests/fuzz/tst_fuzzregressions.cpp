// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "fuzztarget.h"
#include "testpaths.h"

#include <QTest>

#include <map>

namespace {

// tests/data/fuzz-outcomes.txt: for each input, "== name" and then the lines that
// PdFuzz::exerciseResources returns for it. Each was read by a person when the input was added.
std::map<QString, QString> expectedOutcomes()
{
    std::map<QString, QString> outcomes;
    const QString text = QString::fromStdString(
        PdTest::readText(PdTest::testData(QStringLiteral("fuzz-outcomes.txt"))));
    QString name;
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(u'#'))
            continue;
        if (line.startsWith(QStringLiteral("== ")))
            name = line.mid(3);
        else if (!name.isEmpty() && !line.isEmpty())
            outcomes[name] += line + u'\n';
    }
    return outcomes;
}

} // namespace

// Inputs that once crashed or hung the fuzz target, replayed in every build: each must still
// be read to the same outcome (its diagnostics, its Prometheus verdict), not merely survive.
class TestFuzzRegressions : public QObject
{
    Q_OBJECT

    const std::map<QString, QString> m_expected = expectedOutcomes();

private slots:
    void replay_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList files = PdTest::filesBelow(
            PdTest::testData(QStringLiteral("fuzz-regressions")), QStringLiteral("*"));
        QVERIFY(!files.isEmpty());
        for (const QString &file : files)
            QTest::newRow(qPrintable(file.section(QLatin1Char('/'), -1))) << file;
    }

    void replay()
    {
        QFETCH(QString, path);
        const QString name = path.section(QLatin1Char('/'), -1);
        const QString outcome =
            QString::fromStdString(PdFuzz::exerciseResources(PdTest::readText(path)));
        const auto it = m_expected.find(name);
        QVERIFY2(
            it != m_expected.end(),
            qPrintable(QStringLiteral("no outcome for %1 in fuzz-outcomes.txt; it is:\n== %1\n%2")
                           .arg(name, outcome)));
        QCOMPARE(outcome, it->second);
    }
};

QTEST_APPLESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
