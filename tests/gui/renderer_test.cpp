// The wall renderer keeps per-note caches and, when notes only moved or changed in place (the
// usual edit, also from others), updates just those entries. Every frame it draws that way must
// be the frame a renderer built from scratch draws: same vertices, same indices, same counts.
#include <gtest/gtest.h>
#include <imgui.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>

#include "canvas/editor.h"
#include "app/gui/wall_view.h"
#include "canvas/record_guard.h"
#include "wall_fixture.h"

using namespace cc;

namespace {

struct Frame {
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    gui::WallStats stats;
    bool operator==(const Frame& o) const {
        return vertices.size() == o.vertices.size() && indices == o.indices &&
               std::memcmp(vertices.data(), o.vertices.data(), vertices.size() * sizeof(ImDrawVert)) == 0 &&
               stats.visible == o.stats.visible && stats.cards == o.stats.cards && stats.links == o.stats.links;
    }
};

Frame drawOnce(gui::WallRenderer& r, const gui::WallScene& scene) {
    ImGui::GetIO().DisplaySize = test::kView;
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(test::kView);
    ImGui::Begin("wall", nullptr, ImGuiWindowFlags_NoDecoration);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Frame f;
    f.stats = r.draw(dl, scene);
    f.vertices.assign(dl->VtxBuffer.begin(), dl->VtxBuffer.end());
    f.indices.assign(dl->IdxBuffer.begin(), dl->IdxBuffer.end());
    ImGui::End();
    ImGui::Render();
    return f;
}

struct Renderer : ::testing::Test {
    static void SetUpTestSuite() {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        fonts = new gui::Fonts;
        fonts->addText("App 转账失败率 3.2%\n十月投诉环比增长 48%，主要是跨行转账人脸识别失败退休客户更喜欢网点服务满意但排队时间是最大抱怨王芳帧");
        fonts->build(1.0f);
        unsigned char* pixels;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    static void TearDownTestSuite() {
        delete fonts;
        ImGui::DestroyContext();
    }
    static gui::Fonts* fonts;

    /// Draws with the long-lived renderer and with a fresh one, at the whole wall and at 100 %.
    void expectSameAsFresh(test::Wall& wall, const std::string& step) {
        wall.facts.update(*wall.doc);
        for (double zoom : {0.0, 1.0}) {
            gui::WallScene scene = wall.scene;
            if (zoom > 0) {
                scene.camera.zoom = zoom;
                const Note* n = wall.doc->note("n-7");
                scene.camera.cx = n->x;
                scene.camera.cy = n->y;
            } else {
                scene.camera.fit(wallBounds(*wall.doc), test::kView);
            }
            const Frame kept = drawOnce(wall.renderer, scene);
            gui::WallRenderer freshRenderer;
            const Frame fresh = drawOnce(freshRenderer, scene);
            EXPECT_TRUE(kept == fresh) << step << " at zoom " << zoom << ": " << kept.vertices.size() << " vs "
                                       << fresh.vertices.size() << " vertices";
        }
    }
};
gui::Fonts* Renderer::fonts = nullptr;

}  // namespace

TEST_F(Renderer, CachesUpdatedInPlaceDrawWhatARebuildDraws) {
    test::Wall wall(2000, *fonts);
    Editor ed(*wall.doc, "t");
    expectSameAsFresh(wall, "start");
    ed.moveNotes({"n-7"}, 35, 20);  // a small move: its links change grid cells or not
    expectSameAsFresh(wall, "a move");
    ed.moveNotes({"n-7", "n-8", "n-30"}, 3000, 1500);  // far, across quadrants
    expectSameAsFresh(wall, "a far move of three");
    ed.setText("n-7", "新的标题 New title\nand a body");
    expectSameAsFresh(wall, "a text edit");
    Note c = *wall.doc->note("n-8");
    c.colour = 0x336699;
    c.source = "complaint";
    ed.updateNote(c);
    expectSameAsFresh(wall, "colour and source");
    wall.selection.set({"n-7", "n-9"});
    ed.moveNotes({"n-9"}, -20, 0);
    expectSameAsFresh(wall, "a selected note moved");
    Note archived = *wall.doc->note("n-10");
    archived.state = NoteState::Archived;  // leaves the wall: the caches are rebuilt
    ed.updateNote(archived);
    expectSameAsFresh(wall, "a note archived");
    ed.undo();
    expectSameAsFresh(wall, "undone");
    ed.moveNotes({"n-7"}, -3000, -1500);
    expectSameAsFresh(wall, "moved back");
}

// Rows another program wrote, after the record guard: the most the guard lets through (places
// at the edge of the largest wall, links across it, the largest notes, 64 KiB of text of every
// kind) draws at every zoom without a crash, a hang or a runaway grid.
TEST_F(Renderer, TheMostTheRecordGuardLetsThroughDraws) {
    BoardInfo b = makeBoard("Hostile");
    b.wallWidth = b.wallHeight = std::numeric_limits<double>::infinity();
    std::vector<Note> notes;
    const double far = limits::kMaxCoordinate;
    const double places[][2] = {{far, far}, {-far, -far}, {far, -far}, {-far, far}, {1e308, -1e308},
                                {0, -1e308}, {std::nan(""), 0}, {-far - 1, 0}, {0, 0}, {-500, -400}};
    std::string text;
    for (int i = 0; i < 8000; ++i) text += i % 7 == 0 ? "\n" : i % 3 ? "转账" : "x\x01\x7f";
    text += std::string("\0\xEF\xBF\xBF\xEF\xB7\x90\xff", 8);
    for (int i = 0; i < 10; ++i) {
        Note n;
        n.id = "n-" + std::to_string(i);
        n.text = i % 2 ? text : std::string("a\0b", 3);
        n.source = "survey";
        n.author = std::string("\0\0", 2);
        n.x = places[i][0];
        n.y = places[i][1];
        n.w = i % 3 == 0 ? 1e9 : i % 3 == 1 ? limits::kMaxNoteSize : -1;
        n.h = i % 2 ? 1e9 : std::nan("");
        n.quadrant = quadrantOf(n);
        notes.push_back(std::move(n));
    }
    std::vector<Link> links;
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 10; ++j)
            if (i != j) {
                Link l;
                l.id = "l-" + std::to_string(i) + "-" + std::to_string(j);
                l.from = "n-" + std::to_string(i);
                l.to = "n-" + std::to_string(j);
                l.label = std::string("\0lbl", 4);
                links.push_back(std::move(l));
            }
    guardBoard(b);
    guardRecords(notes, links, SourceKinds::builtin());
    auto doc = std::make_unique<Document>(b);
    doc->loadRecords(std::move(notes), std::move(links));
    ASSERT_EQ(doc->checkInvariants(), std::vector<std::string>{});
    for (const auto& [id, n] : doc->notes()) fonts->addText(n.text + n.author);
    fonts->build(1.0f);
    unsigned char* pixels;
    int w, h;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

    SpatialIndex index(*doc);
    DerivedFacts facts;
    facts.update(*doc);
    Selection selection;
    NoteFilter filter;
    gui::WallRenderer renderer;
    gui::WallScene scene;
    scene.doc = doc.get();
    scene.index = &index;
    scene.facts = &facts;
    scene.fonts = fonts;
    scene.palette = &gui::palette(gui::ThemeKind::Light);
    scene.selection = &selection;
    scene.filter = &filter;
    scene.size = test::kView;
    const auto start = std::chrono::steady_clock::now();
    scene.camera.fit(wallBounds(*doc), test::kView);
    EXPECT_GT(drawOnce(renderer, scene).stats.visible, 0);
    for (const char* id : {"n-0", "n-1", "n-9"}) {
        scene.camera.zoom = gui::Camera::kMaxZoom;
        scene.camera.cx = doc->note(id)->x;
        scene.camera.cy = doc->note(id)->y;
        drawOnce(renderer, scene);
    }
    Editor ed(*doc, "t");
    ed.moveNotes({"n-0"}, -far, -far);  // a long link moves (drawn from the cache)
    facts.update(*doc);
    selection.set({"n-0", "n-1"});
    const Frame kept = drawOnce(renderer, scene);
    gui::WallRenderer fresh;
    EXPECT_TRUE(kept == drawOnce(fresh, scene));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

// A NUL among the characters to rasterise ended Dear ImGui's glyph range list at once, so no
// font loaded and the first text drawn failed an assertion.
TEST_F(Renderer, AControlCharacterInTheTextStillLoadsTheFonts) {
    fonts->addText(std::string("before\0after\x01", 13));
    fonts->build(1.0f);
    unsigned char* pixels;
    int w, h;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ASSERT_NE(fonts->ui(), nullptr);
    EXPECT_TRUE(fonts->ui()->IsLoaded());
    EXPECT_GT(fonts->ui()->Glyphs.Size, 100);
}

// A workshop at "fit wall" on a projector: every note of a board laid out as the sample board
// is (about a dozen notes a quadrant, each where the command line put it) shows its title at
// 12 pixels or more, in a 1920×1080 window (less its menu and status bars) and in smaller ones.
TEST_F(Renderer, AtFitWallEveryNoteShowsItsTitleAtAReadableSize) {
    Document doc(makeBoard("零售银行客户画布 Retail Banking"));
    Editor ed(doc, "t");
    const char* titles[] = {"App 转账失败率 3.2%", "Fee complaints are about fairness, not the amount",
                            "退休客户更喜欢网点服务", "Young professionals move 62% of their salary out within 48 hours"};
    for (int i = 0; i < 50; ++i)
        ed.addNoteInQuadrant(ed.makeNote(std::string(titles[i % 4]) + "\nbody " + std::to_string(i), "survey"), 1 + i % 4);
    for (const auto& [id, n] : doc.notes()) fonts->addText(n.text);
    fonts->build(1.0f);
    unsigned char* pixels;
    int w, h;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    SpatialIndex index(doc);
    DerivedFacts facts;
    facts.update(doc);
    Selection selection;
    NoteFilter filter;
    for (const ImVec2 view : {ImVec2{1920, 1030}, ImVec2{1024, 650}}) {
        gui::WallRenderer renderer;
        gui::WallScene scene;
        scene.doc = &doc;
        scene.index = &index;
        scene.facts = &facts;
        scene.fonts = fonts;
        scene.palette = &gui::palette(gui::ThemeKind::Light);
        scene.selection = &selection;
        scene.filter = &filter;
        scene.size = view;
        scene.titlePixels = gui::WallView::kTitlePixels;
        scene.camera.fit(gui::fitBounds(doc), view);
        ImGui::GetIO().DisplaySize = view;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(view);
        ImGui::Begin("wall", nullptr, ImGuiWindowFlags_NoDecoration);
        const gui::WallStats st = renderer.draw(ImGui::GetWindowDrawList(), scene);
        ImGui::End();
        ImGui::Render();
        SCOPED_TRACE(std::to_string(static_cast<int>(view.x)) + "x" + std::to_string(static_cast<int>(view.y)));
        EXPECT_EQ(st.visible, 50);
        EXPECT_EQ(st.cards, 50);
        EXPECT_EQ(st.titles, 50);  // not one card too small to say what it is
        EXPECT_GE(st.smallestTitle, 12.0f);
        // On a wide screen the fit uses the room the empty lower halves of the quadrants took:
        // the notes are drawn larger than fitting the whole nominal wall would draw them.
        gui::Camera whole;
        whole.fit(wallBounds(doc), view);
        if (view.x / view.y > 1.7f) EXPECT_GT(scene.camera.zoom, whole.zoom * 1.1);
    }
}
