#pragma once
// A wall of generated notes and links with the view state the window has (index, facts,
// selection, filter, renderer, scene): for the frame benchmark and the renderer tests.
#include <imgui.h>

#include <cmath>
#include <memory>
#include <random>

#include "canvas/board_factory.h"
#include "app/gui/fonts.h"
#include "canvas/geometry.h"
#include "app/gui/wall_renderer.h"

namespace cc::test {

inline const ImVec2 kView{1600, 1000};

inline std::unique_ptr<Document> makeTestBoard(int count) {
    const char* texts[] = {"App 转账失败率 3.2%\n十月投诉环比增长 48%，主要是跨行转账人脸识别失败",
                           "Customers find fees unfair\nThey accept the amount but not the surprise",
                           "退休客户更喜欢网点服务\n92% 满意，但排队时间是最大抱怨",
                           "Young professionals move 62% of salary out within 48 hours"};
    const char* sources[] = {"survey", "complaint", "census", "focus_group", "mystery_shopping", "transaction_db"};
    // A wall big enough to hold the notes in a grid, split into the four quadrants.
    const double stepX = kNoteWidth + kNoteGap, stepY = kNoteHeight + kNoteGap;
    const int cols = static_cast<int>(std::ceil(std::sqrt(count * 1.6)));
    const int rows = (count + cols - 1) / cols;
    BoardInfo b = cc::makeBoard("Frames 帧");
    b.wallWidth = cols * stepX + 400;
    b.wallHeight = rows * stepY + 2 * kQuadrantHeader + 400;
    std::vector<Note> notes;
    std::mt19937 rng(1);
    for (int i = 0; i < count; ++i) {
        Note n;
        n.id = "n-" + std::to_string(i);
        n.text = texts[i % 4];
        n.source = sources[rng() % 6];
        n.author = i % 2 ? "王芳" : "Tom Baker";
        n.dateGathered = "2026-10-15";
        n.created = n.updated = 1'790'000'000'000 + i;
        n.votes = i % 5;
        n.w = kNoteWidth;
        n.h = kNoteHeight;
        const int c = i % cols, r = i / cols;
        n.x = -b.wallWidth / 2 + 200 + c * stepX;
        n.y = -b.wallHeight / 2 + kQuadrantHeader + 200 + r * stepY + (r >= rows / 2 ? kQuadrantHeader : 0);
        n.quadrant = quadrantOf(n);
        notes.push_back(std::move(n));
    }
    std::vector<Link> links;
    for (int i = 0; i < count; ++i) {
        Link l;
        l.id = "l-" + std::to_string(i);
        l.from = "n-" + std::to_string(i);
        l.to = "n-" + std::to_string((i + 1 + rng() % 40) % count);
        l.kind = static_cast<LinkKind>(i % 3);
        l.created = 1;
        links.push_back(std::move(l));
    }
    auto doc = std::make_unique<Document>(b);
    doc->loadRecords(std::move(notes), std::move(links));
    return doc;
}

/// A board with its view state, as the window has them.
struct Wall {
    std::unique_ptr<Document> doc;
    std::unique_ptr<SpatialIndex> index;
    DerivedFacts facts;
    Selection selection;
    NoteFilter filter;
    gui::WallRenderer renderer;
    gui::WallScene scene;

    Wall(int count, const gui::Fonts& fonts) : doc(makeTestBoard(count)), index(std::make_unique<SpatialIndex>(*doc)) {
        facts.update(*doc);
        scene.doc = doc.get();
        scene.index = index.get();
        scene.facts = &facts;
        scene.fonts = &fonts;
        scene.palette = &gui::palette(gui::ThemeKind::Light);
        scene.selection = &selection;
        scene.filter = &filter;
        scene.origin = {0, 0};
        scene.size = kView;
    }
};

}  // namespace cc::test
