// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "fuzztarget.h"
#include "testpaths.h"

#include <QTest>

// Inputs that once crashed or hung the fuzz target, replayed in every build.
class TestFuzzRegressions : public QObject
{
    Q_OBJECT

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
        const std::string text = PdTest::readText(path);
        PdFuzz::exerciseResources(text);
        QVERIFY(true); // reaching here without a crash or a sanitizer report is the assertion
    }
};

QTEST_APPLESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
