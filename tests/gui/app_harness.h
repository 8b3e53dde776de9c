#pragma once
// The window in a test: a headless Dear ImGui context with the real App on a small board, what a
// person would notice of it (Observed), and frames drawn without a display. Shared by the action
// table's and the dialogs' tests.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/gui/app.h"
#include "app/settings.h"
#include "storage/clipboard.h"

namespace cc::gui::test {

namespace fs = std::filesystem;

/// Everything an action could change that a person would notice.
struct Observed {
    std::uint64_t revision = 0;
    std::size_t notes = 0, links = 0;
    std::vector<std::string> selection;
    double cx = 0, cy = 0, zoom = 0;
    PanelState panels;
    std::string clipboard;
    ThemeKind theme = ThemeKind::Light;
    bool badges = false, quit = false;
    std::string language;  ///< the language setting as saved ("" when there is none)
    std::string status;
    bool editing = false;
    int toolState = 0;
    std::set<std::string> windows;  ///< Dear ImGui windows and popups drawn in the last frame
};

/// A Dear ImGui context of its own for each App, so that nothing (an open popup, say) carries
/// over from one App to the next.
struct Ui {
    Ui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        io.DisplaySize = {1400, 900};
        io.DeltaTime = 1.0f / 60;
        io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
        io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    }
    ~Ui() { ImGui::DestroyContext(); }
};

/// An App and its context (the App goes first).
struct Harness {
    Ui ui;
    std::unique_ptr<App> app;
};

class AppTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = fs::temp_directory_path() / ("cc-gui-" + std::to_string(::getpid()));
        fs::create_directories(s_dir / "config");
        ::setenv("XDG_CONFIG_HOME", (s_dir / "config").c_str(), 1);  // settings stay in the test's folder
    }
    static void TearDownTestSuite() {
        std::error_code ec;
        fs::remove_all(s_dir, ec);
    }

    /// A fresh App on a fresh board: notes in every quadrant, one in the tray, two links, a
    /// step to undo and one to redo, two notes selected, notes on the clipboard and the wall
    /// neither fitted nor at 100 %.
    std::unique_ptr<Harness> makeApp(const std::string& name) {
        auto h = std::make_unique<Harness>();
        WindowOptions options;
        options.author = "tester";
        h->app = std::make_unique<App>(nullptr, options, 1.0f);
        App* app = h->app.get();
        const std::string path = (s_dir / (name + ".ccboard")).string();
        fs::remove(path);
        if (!app->createBoard(path, "Actions", "canvas")) throw std::runtime_error("the board could not be made");
        BoardSession& s = *app->session();
        Editor& ed = *s.editor;
        std::vector<std::string> ids;
        const double spots[][2] = {{-900, -600}, {-600, -600}, {300, -600}, {-900, 300}, {400, 300}};
        for (const auto& p : spots) {
            Note n = ed.makeNote("note " + std::to_string(ids.size()), "survey");
            n.x = p[0];
            n.y = p[1];
            ids.push_back(ed.addNote(n));
        }
        Note tray = ed.makeNote("in the tray", "census");
        tray.state = NoteState::Tray;
        ed.addNote(tray);
        ed.addLink(ids[0], ids[1], LinkKind::Supports);
        ed.addLink(ids[2], ids[3], LinkKind::Conflicts);
        ed.moveNotes({ids[4]}, 20, 0);
        ed.moveNotes({ids[4]}, 20, 0);
        ed.undo();
        ImGui::SetClipboardText(notesToClipboard(*s.doc, {ids[2], ids[3]}).c_str());
        s.selection.set({ids[0], ids[1]});
        frame(*app);
        frame(*app);
        app->wall()->zoomActual();
        app->wall()->zoomBy(1.5);
        app->wall()->panBy(37, 11);
        frame(*app);
        return h;
    }

    /// One frame of the window: `before` runs as the frame starts (where a click elsewhere takes
    /// the keyboard from a field), `during` after the window has drawn.
    static void frame(App& app, const std::function<void()>& during = {}, const std::function<void()>& before = {}) {
        app.prepareFonts();
        ImGui::NewFrame();
        if (before) before();
        app.drawUi();
        if (during) during();
        ImGui::Render();
    }

    static Observed observe(App& app) {
        Observed o;
        const BoardSession& s = *app.session();
        o.revision = s.doc->revision();
        o.notes = s.doc->notes().size();
        o.links = s.doc->links().size();
        o.selection = s.selection.ids();
        o.cx = app.wall()->camera().cx;
        o.cy = app.wall()->camera().cy;
        o.zoom = app.wall()->camera().zoom;
        o.panels = app.panels();
        const char* clip = ImGui::GetClipboardText();
        o.clipboard = clip ? clip : "";
        o.theme = app.theme();
        o.badges = app.chineseBadges();
        o.language = Settings::load().get("language").value_or("");
        o.quit = app.wantsClose();
        o.status = app.status().text();
        o.editing = app.wall()->editing();
        o.toolState = static_cast<int>(app.wall()->tool().state());
        for (ImGuiWindow* w : GImGui->Windows)  // the windows and popups, not the panels inside them
            if (w->Active && !(w->Flags & ImGuiWindowFlags_ChildWindow)) o.windows.insert(w->Name);
        return o;
    }

    static inline fs::path s_dir;
};

}  // namespace cc::gui::test
