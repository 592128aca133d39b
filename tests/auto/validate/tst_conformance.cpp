// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "linter.h"
#include "resourcefile.h"
#include "testpaths.h"

#include <QTest>

using namespace Pd;

namespace {

QStringList errorsOf(const LintedFile &file)
{
    QStringList errors;
    for (const Diagnostic &d : file.diagnostics) {
        if (d.isError())
            errors << QString::fromStdString(d.rule + ": " + d.message);
    }
    return errors;
}

} // namespace

// The conformance corpus, group by group, as its README asks.
class TestConformance : public QObject
{
    Q_OBJECT

private slots:
    void validResourcesLintClean_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &file :
             PdTest::filesBelow(PdTest::conformance(QStringLiteral("dashboards")))) {
            if (!file.contains(QLatin1String("/migrate__")))
                QTest::newRow(qPrintable(file.section(QLatin1Char('/'), -1))) << file;
        }
        for (const QString &file :
             PdTest::filesBelow(PdTest::conformance(QStringLiteral("resources")))) {
            if (!file.contains(QLatin1String("/invalid/")))
                QTest::newRow(qPrintable(file.section(QLatin1Char('/'), -2))) << file;
        }
    }

    void validResourcesLintClean()
    {
        QFETCH(QString, path);
        const LintReport report = Linter().run({path.toStdString()});
        QCOMPARE(report.files.size(), 1u);
        QVERIFY(!report.files.front().skipped);
        const QStringList errors = errorsOf(report.files.front());
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    }

    // Run together, as the upstream validate test does: only one of them is default.
    void datasourcesTogetherKeepOneDefault()
    {
        const LintReport report = Linter().run(
            {PdTest::conformance(QStringLiteral("resources/datasources")).toStdString()});
        QCOMPARE(report.files.size(), 5u);
        for (const LintedFile &file : report.files)
            QVERIFY2(errorsOf(file).isEmpty(), qPrintable(errorsOf(file).join(QLatin1Char('\n'))));
    }

    void migrationOutputsNameTheirTestPlugins()
    {
        const LintReport report = Linter().run(
            {PdTest::conformance(QStringLiteral("dashboards/migrate__basic_perses_dashboard.json"))
                 .toStdString()});
        const QStringList errors = errorsOf(report.files.front());
        QVERIFY(errors.contains(
            QStringLiteral("plugin-unknown: schema not found for plugin FooChart")));
        QVERIFY(errors.contains(
            QStringLiteral("plugin-unknown: schema not found for plugin ExoticQuery")));
        QVERIFY(errors.contains(
            QStringLiteral("plugin-unknown: schema not found for plugin SomeVariable")));
        QVERIFY(errors.contains(
            QStringLiteral("plugin-schema: invalid panel 0_2: spec.nested: field not allowed")));
    }

    void invalidResourcesAreRejected()
    {
        const LintReport report =
            Linter().run({PdTest::conformance(QStringLiteral("resources/invalid")).toStdString()});
        QCOMPARE(report.files.size(), 2u);
        // The array of kind "game" is not a Perses file: lint skips it.
        QVERIFY(report.files[0].path.ends_with("cli-sample__unknown_resource.json"));
        QVERIFY(report.files[0].skipped);
        const QStringList errors = errorsOf(report.files[1]);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.front().contains(
                     QStringLiteral("invalid value \"www.datasource.com\" (out of bound")),
                 qPrintable(errors.front()));
        QCOMPARE(report.files[1].diagnostics.front().pos, (SourcePos{19, 22}));
    }

    void unknownKindIsAnErrorWhenOpenedAsResources()
    {
        const ResourceFile file = ResourceReader::readFile(
            PdTest::conformance(
                QStringLiteral("resources/invalid/cli-sample__unknown_resource.json"))
                .toStdString());
        QVERIFY(file.hasErrors());
        QCOMPARE(file.diagnostics.front().message, std::string("unknown kind \"game\" used"));
    }

    void wholeCorpusInOneRun()
    {
        const LintReport report =
            Linter().run({PdTest::conformance(QStringLiteral("dashboards")).toStdString(),
                          PdTest::conformance(QStringLiteral("resources")).toStdString()});
        int errorFiles = 0;
        for (const LintedFile &file : report.files)
            errorFiles += errorsOf(file).isEmpty() ? 0 : 1;
        // the 7 migration outputs with test plugins (2 of them fine) and the invalid datasource
        QCOMPARE(errorFiles, 6);
    }
};

QTEST_APPLESS_MAIN(TestConformance)
#include "tst_conformance.moc"
