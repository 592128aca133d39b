// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardlayout.h"
#include "modeldecoder.h"
#include "resourcefile.h"
#include "testpaths.h"

#include <QTest>

using namespace Pd;

class TestLayout : public QObject
{
    Q_OBJECT

private slots:
    // react-grid-layout's arithmetic at 1920 px: column width (1920 - 23 x 10 - 2 x 10) / 24.
    void pixelsAtAKnownWidth()
    {
        const GridGeometry geometry(1920);
        QCOMPARE(geometry.columnWidth(), 1670.0 / 24.0);
        QCOMPARE(geometry.rect({0, 0, 12, 6}), (PixelRect{10, 10, 945, 230}));
        QCOMPARE(geometry.rect({12, 0, 12, 6}), (PixelRect{965, 10, 945, 230}));
        QCOMPARE(geometry.rect({0, 6, 24, 8}), (PixelRect{10, 250, 1900, 310}));
        QCOMPARE(geometry.rect({5, 3, 1, 1}), (PixelRect{408, 130, 70, 30}));
        QCOMPARE(GridGeometry::height(14), 14 * 30 + 13 * 10 + 20);
        QCOMPARE(GridGeometry::height(0), 0);
    }

    void verticalCompaction()
    {
        // A gap above floats up; an item blocked by another drops below it; order is kept.
        const auto cells =
            GridGeometry::compact({{0, 5, 12, 4}, {12, 2, 12, 3}, {6, 20, 12, 2}, {-3, 30, 40, 0}});
        QCOMPARE(cells[0], (GridCell{0, 0, 12, 4}));
        QCOMPARE(cells[1], (GridCell{12, 0, 12, 3}));
        QCOMPARE(cells[2], (GridCell{6, 4, 12, 2})); // under both: max(4, 3)
        QCOMPARE(cells[3], (GridCell{0, 6, 24, 1})); // clamped into the grid, then up
    }

    void overlappingItemsArePushedDown()
    {
        // The Demo dashboard's overlap (a 24-wide gauge over a 12-wide chart at y 0).
        const auto cells = GridGeometry::compact({{0, 0, 24, 6}, {0, 6, 12, 8}, {12, 0, 12, 8}});
        QCOMPARE(cells[0], (GridCell{0, 0, 24, 6}));
        QCOMPARE(cells[2], (GridCell{12, 6, 12, 8}));
        QCOMPARE(cells[1], (GridCell{0, 6, 12, 8}));
    }

    void sectionsStack()
    {
        const ResourceFile file = ResourceReader::readFile(
            PdTest::conformance(QStringLiteral("dashboards/dev-data__testing__Variables.json"))
                .toStdString());
        const Model::Dashboard dashboard = ModelDecoder::dashboard(file.resources.front().node);
        auto sections = DashboardLayout::arrange(dashboard.spec, 1200);
        QCOMPARE(sections.size(), 2u);
        QCOMPARE(*sections[0].title, std::string("Row 1"));
        QCOMPARE(sections[0].top, 0);
        QCOMPARE(sections[0].headerHeight, DashboardLayout::sectionHeaderHeight);
        QCOMPARE(sections[0].panels.size(), 1u);
        const GridGeometry geometry(1200);
        PixelRect expected = geometry.rect({0, 0, 12, 6});
        expected.y += DashboardLayout::sectionHeaderHeight;
        QCOMPARE(sections[0].panels[0].rect, expected);
        QCOMPARE(sections[0].bodyHeight, GridGeometry::height(6));
        QCOMPARE(sections[1].top, sections[0].bottom());
        QCOMPARE(sections[1].bodyHeight, 0); // an open group without items
        // Collapsing the first group lifts the second to just under its header.
        sections = DashboardLayout::arrange(dashboard.spec, 1200, {false});
        QVERIFY(!sections[0].open);
        QVERIFY(sections[0].panels.empty());
        QCOMPARE(sections[1].top, DashboardLayout::sectionHeaderHeight);
        QCOMPARE(DashboardLayout::height(sections), 2 * DashboardLayout::sectionHeaderHeight);
    }

    void nodeExporterPlacesEveryPanel()
    {
        const ResourceFile file = ResourceReader::readFile(
            PdTest::conformance(QStringLiteral("dashboards/dev-data__perses__NodeExporter.json"))
                .toStdString());
        const Model::Dashboard dashboard = ModelDecoder::dashboard(file.resources.front().node);
        // Most of its groups start collapsed: those show no panels until opened.
        std::size_t initiallyShown = 0;
        for (const LayoutSection &section : DashboardLayout::arrange(dashboard.spec, 1920))
            initiallyShown += section.panels.size();
        QCOMPARE(initiallyShown, 15u);
        const auto sections = DashboardLayout::arrange(
            dashboard.spec, 1920,
            std::vector<std::optional<bool>>(dashboard.spec.layouts.size(), true));
        std::size_t panels = 0;
        for (const LayoutSection &section : sections) {
            panels += section.panels.size();
            for (std::size_t i = 0; i < section.panels.size(); ++i) {
                const LayoutPanel &a = section.panels[i];
                QVERIFY(a.rect.x >= 10 && a.rect.x + a.rect.width <= 1910);
                QVERIFY(a.rect.y >= section.top + section.headerHeight);
                QVERIFY(a.rect.y + a.rect.height <= section.bottom());
                for (std::size_t j = 0; j < i; ++j)
                    QVERIFY(!a.cell.overlaps(section.panels[j].cell));
            }
        }
        QCOMPARE(panels, 114u);
    }
};

QTEST_APPLESS_MAIN(TestLayout)
#include "tst_layout.moc"
