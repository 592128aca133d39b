// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardlayout.h"
#include "modeldecoder.h"
#include "repeatexpansion.h"
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

    // Item repeat: one copy per value, maxPer to a row of the item's width, rows below;
    // group repeat: one titled group per value; each copy pins the variable to its value.
    void repeatsUnroll()
    {
        Model::DashboardSpec spec;
        Model::Panel cpu;
        cpu.id = "cpu";
        spec.panels.push_back(cpu);
        Model::Panel disk;
        disk.id = "disk";
        spec.panels.push_back(disk);
        Model::GridLayout items;
        Model::GridItem item{0, 0, 24, 6, "cpu", Model::ItemRepeat{"host", 2, false}, {}};
        items.items.push_back(item);
        spec.layouts.push_back(items);
        Model::GridLayout group;
        group.title = "Disks";
        group.repeatVariable = "disk";
        group.items.push_back(Model::GridItem{0, 0, 12, 4, "disk", std::nullopt, {}});
        spec.layouts.push_back(group);
        const ExpandedLayout expanded = expandRepeats(spec, [](const std::string &variable) {
            return variable == "host" ? std::vector<std::string>{"a", "b", "c"}
                                      : std::vector<std::string>{"sda", "sdb"};
        });
        QCOMPARE(expanded.spec.layouts.size(), 3u);
        const auto &copies = expanded.spec.layouts[0].items;
        QCOMPARE(copies.size(), 3u);
        QCOMPARE(copies[0].panelId, std::string("cpu@host=a"));
        QCOMPARE((GridCell{copies[1].x, copies[1].y, copies[1].width, copies[1].height}),
                 (GridCell{12, 0, 12, 6}));
        QCOMPARE((GridCell{copies[2].x, copies[2].y, copies[2].width, copies[2].height}),
                 (GridCell{0, 6, 12, 6}));
        QCOMPARE(*expanded.spec.layouts[2].title, std::string("Disks (sdb)"));
        QCOMPARE(expanded.spec.layouts[2].items[0].panelId, std::string("disk@disk=sdb"));
        const PanelInstance &instance = expanded.instances.at("disk@disk=sdb");
        QCOMPARE(instance.panelId, std::string("disk"));
        QCOMPARE(instance.pinned.at("disk"), std::string("sdb"));
        QVERIFY(expanded.spec.panel("cpu@host=c"));
        QVERIFY(!expanded.spec.panel("cpu")); // only the copies are drawn
        // No value: no copy; no repeat: the panel as it is.
        const ExpandedLayout none =
            expandRepeats(spec, [](const std::string &) { return std::vector<std::string>{}; });
        QVERIFY(none.spec.layouts[0].items.empty());
        QCOMPARE(none.spec.layouts.size(), 1u);
        // The same panel in two items (legal, §4.6): two instances of it.
        Model::DashboardSpec twice;
        twice.panels.push_back(cpu);
        Model::GridLayout both;
        both.items.push_back(Model::GridItem{0, 0, 12, 4, "cpu", std::nullopt, {}});
        both.items.push_back(Model::GridItem{12, 0, 12, 4, "cpu", std::nullopt, {}});
        twice.layouts.push_back(both);
        const ExpandedLayout doubled =
            expandRepeats(twice, [](const std::string &) { return std::vector<std::string>{}; });
        QCOMPARE(doubled.spec.layouts[0].items[0].panelId, std::string("cpu"));
        QCOMPARE(doubled.spec.layouts[0].items[1].panelId, std::string("cpu#2"));
        QCOMPARE(doubled.instances.at("cpu#2").panelId, std::string("cpu"));
        QVERIFY(doubled.spec.panel("cpu#2"));
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
