// Labels fit: every panel and dialog of the window, drawn in Chinese and in English at three
// window sizes, and no line of text runs past the edge it is clipped at (a label cut off by its button,
// column or panel). Read from what Dear ImGui would send to the screen: a glyph whose quad
// straddles the right edge of its clip rectangle is text that did not fit.
#include <gtest/gtest.h>

#include <sstream>

#include "app/i18n.h"
#include "canvas/commands.h"
#include "gui/app_harness.h"

namespace cc::gui {
namespace {

struct Cut {
    std::string window;
    float x = 0, y = 0, edge = 0;
};

/// The glyphs of the last frame cut by the right edge of their clip rectangle (the wall aside:
/// its note cards cut their text by design, at their own edges).
std::vector<Cut> cutText() {
    std::vector<Cut> out;
    const ImDrawData* dd = ImGui::GetDrawData();
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* list = dd->CmdLists[l];
        const std::string owner = list->_OwnerName ? list->_OwnerName : "";
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            // Glyphs are quads: two triangles over four vertices (PrimRectUV).
            for (unsigned i = 0; i + 6 <= cmd.ElemCount; i += 6) {
                const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset + i;
                const ImDrawVert& a = list->VtxBuffer[cmd.VtxOffset + idx[0]];
                const ImDrawVert& c = list->VtxBuffer[cmd.VtxOffset + idx[2]];
                if ((a.uv.x == white.x && a.uv.y == white.y) || a.uv.x == c.uv.x || a.uv.y == c.uv.y) continue;
                const float x0 = std::min(a.pos.x, c.pos.x), x1 = std::max(a.pos.x, c.pos.x);
                const float y0 = std::min(a.pos.y, c.pos.y), y1 = std::max(a.pos.y, c.pos.y);
                if (y1 <= cmd.ClipRect.y || y0 >= cmd.ClipRect.w) continue;  // scrolled out of sight: not shown
                if (x0 < cmd.ClipRect.z - 1 && x1 > cmd.ClipRect.z + 1) out.push_back({owner, x0, y0, cmd.ClipRect.z});
            }
        }
    }
    return out;
}

class FitTest : public test::AppTest {
protected:
    void TearDown() override { i18n::init(i18n::Language::English); }

    /// Draws a few frames of `app` at `size` and says where text was cut, if anywhere.
    static std::string cutsAt(App& app, ImVec2 size, const std::string& what) {
        ImGui::GetIO().DisplaySize = size;
        for (int i = 0; i < 4; ++i) frame(app);
        std::ostringstream os;
        for (const Cut& c : cutText())
            os << (i18n::language() == i18n::Language::Chinese ? "zh " : "en ") << what << " at " << size.x << "x" << size.y << ": text cut at x=" << c.edge << " in " << c.window << " (glyph at "
               << c.x << "," << c.y << ")\n";
        return os.str();
    }
};

const ImVec2 kSizes[] = {{1600, 1000}, {1024, 700}, {800, 600}};

const i18n::Language kLanguages[] = {i18n::Language::Chinese, i18n::Language::English};

TEST_F(FitTest, PanelsFitAtEverySizeInChineseAndEnglish) {
    for (const i18n::Language language : kLanguages)
    for (const ImVec2 size : kSizes) {
        i18n::init(language);
        auto h = makeApp("fit-panels");
        App& app = *h->app;
        BoardSession& s = *app.session();
        for (const char* id : {"view.tray", "view.filters", "view.activity", "view.legend"}) ASSERT_TRUE(app.actions().trigger(id)) << id;
        std::string cuts = cutsAt(app, size, "two notes selected, every panel open");
        s.selection.set({s.selection.ids()[0]});
        cuts += cutsAt(app, size, "a note in the inspector");
        groupAsInsight(*s.editor, s.selection, "退货太慢正在流失年轻家庭客户");
        cuts += cutsAt(app, size, "an insight in the inspector");
        EXPECT_EQ(cuts, "");
    }
}

TEST_F(FitTest, DialogsFitAtEverySizeInChineseAndEnglish) {
    for (const i18n::Language language : kLanguages)
    for (const ImVec2 size : kSizes)
        for (const char* id : {"file.new", "file.open", "file.open-server", "file.import", "file.summary", "help.keys"}) {
            i18n::init(language);
            auto h = makeApp("fit-dialogs");
            App& app = *h->app;
            ImGui::GetIO().DisplaySize = size;
            frame(app, [&] { ASSERT_TRUE(app.actions().trigger(id)) << id; });
            EXPECT_EQ(cutsAt(app, size, id), "");
        }
}

}  // namespace
}  // namespace cc::gui
