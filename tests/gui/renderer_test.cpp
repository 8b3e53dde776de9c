// The wall renderer keeps per-note caches and, when notes only moved or changed in place (the
// usual edit, also from others), updates just those entries. Every frame it draws that way must
// be the frame a renderer built from scratch draws: same vertices, same indices, same counts.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstring>

#include "editor.h"
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
