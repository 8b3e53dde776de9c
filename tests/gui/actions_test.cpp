// The window's action table, walked in a headless Dear ImGui context with the real App on a small
// board: ids and keys are unique, the menus and the help window name only what exists, and
// every action that is enabled runs without a crash or an assertion and changes only what it
// declares. No display is needed: the App draws into Dear ImGui without a GPU.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "app/gui/app.h"
#include "app/gui/help_window.h"
#include "app/i18n.h"
#include "storage/clipboard.h"

using namespace cc;
using namespace cc::gui;

namespace {

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

class ActionTableTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = fs::temp_directory_path() / ("cc-actions-" + std::to_string(::getpid()));
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

    static void frame(App& app, const std::function<void()>& during = {}) {
        app.prepareFonts();
        ImGui::NewFrame();
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

    static fs::path s_dir;
};

fs::path ActionTableTest::s_dir;

bool overlaps(Chord::Shift a, Chord::Shift b) {
    return a == Chord::Shift::Any || b == Chord::Shift::Any || a == b;
}

}  // namespace

TEST_F(ActionTableTest, IdsAndKeysAreUnique) {
    auto h = makeApp("unique");
    App* app = h->app.get();
    const auto& all = app->actions().all();
    ASSERT_GT(all.size(), 20u);
    std::set<std::string> ids;
    for (const Action& a : all) EXPECT_TRUE(ids.insert(a.id).second) << a.id << " twice";
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = i; j < all.size(); ++j)
            for (std::size_t ci = 0; ci < all[i].keys.size(); ++ci)
                for (std::size_t cj = (i == j ? ci + 1 : 0); cj < all[j].keys.size(); ++cj) {
                    const Chord &a = all[i].keys[ci], &b = all[j].keys[cj];
                    EXPECT_FALSE(a.key == b.key && a.ctrl == b.ctrl && overlaps(a.shift, b.shift))
                        << all[i].id << " and " << all[j].id << " share " << ActionTable::chordName(a, true);
                }
}

TEST_F(ActionTableTest, MenusAndHelpNameOnlyWhatExists) {
    auto h = makeApp("names");
    App* app = h->app.get();
    const ActionTable& t = app->actions();
    std::set<std::string> menus;
    for (const Menu& m : t.menus()) menus.insert(m.name);
    EXPECT_EQ(menus, (std::set<std::string>{"File", "Edit", "View", "Help"}));
    for (const Action& a : t.all()) {
        EXPECT_TRUE(a.run) << a.id;
        if (!a.menu.empty()) {
            EXPECT_TRUE(menus.count(a.menu)) << a.id;
            EXPECT_FALSE(a.label.empty()) << a.id;
        } else {
            EXPECT_FALSE(a.keys.empty()) << a.id << " has neither a menu item nor a key";
        }
    }
    for (const auto& [keys, what] : helpRows()) EXPECT_NO_THROW(t.expandHelp(keys)) << keys;
    // The help names keys as the table has them.
    EXPECT_EQ(t.expandHelp("{edit.undo}, {edit.redo}"), "Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y");
    EXPECT_EQ(t.expandHelp("{edit.delete}, {edit.duplicate}"), "Delete, Ctrl+D");
    EXPECT_EQ(ActionTable::menuKeys(*t.find("edit.delete")), "Del");
    EXPECT_EQ(ActionTable::menuKeys(*t.find("view.zoom-in")), "Ctrl+=");
}

TEST_F(ActionTableTest, EveryEnabledActionRunsAndChangesOnlyWhatItDeclares) {
    int ran = 0;
    for (int selected : {1, 2}) {
        std::vector<std::string> ids;
        {
            auto probe = makeApp("probe");
            for (const Action& a : probe->app->actions().all()) ids.push_back(a.id);
        }
        for (const std::string& id : ids) {
            SCOPED_TRACE(id + " with " + std::to_string(selected) + " selected");
            auto h = makeApp(id);
            App* app = h->app.get();
            BoardSession& s = *app->session();
            if (selected == 1) s.selection.set({s.selection.ids()[0]});
            frame(*app);
            const Action& a = *app->actions().find(id);
            if (!a.isEnabled()) continue;
            const Observed before = observe(*app);
            frame(*app, [&] { a.run(); });
            frame(*app);
            frame(*app);
            const Observed after = observe(*app);
            ++ran;
            const unsigned e = a.effects;
            const bool documentChanged = after.revision != before.revision;
            if (!(e & kDocument)) {
                EXPECT_FALSE(documentChanged) << "changed the board";
            }
            if (!(e & kSelection)) {
                EXPECT_EQ(after.selection, before.selection) << "changed the selection";
            }
            if (!(e & kCamera)) {
                EXPECT_EQ(after.cx, before.cx) << "moved the wall";
                EXPECT_EQ(after.cy, before.cy) << "moved the wall";
                EXPECT_EQ(after.zoom, before.zoom) << "zoomed";
            }
            if (!(e & kPanels)) {
                EXPECT_TRUE(after.panels == before.panels) << "showed or hid a panel";
            }
            if (!(e & kClipboard)) {
                EXPECT_EQ(after.clipboard, before.clipboard) << "changed the clipboard";
            }
            if (!(e & kSettings)) {
                EXPECT_EQ(after.theme, before.theme);
                EXPECT_EQ(after.badges, before.badges);
                EXPECT_EQ(after.language, before.language);
            }
            if (!(e & kQuit)) {
                EXPECT_FALSE(after.quit) << "quit";
            }
            if (!(e & kStatus)) {
                EXPECT_EQ(after.status, before.status) << "said " << after.status;
            }
            if (!(e & kWallTool)) {
                EXPECT_EQ(after.editing, before.editing) << "started text editing";
                EXPECT_EQ(after.toolState, before.toolState);
            }
            if (!(e & (kDialog | kPanels | kWallTool))) {
                EXPECT_EQ(after.windows, before.windows) << "opened a window";
            }
            // And it did something a person can see.
            const bool changedSomething =
                documentChanged || after.selection != before.selection || after.cx != before.cx || after.cy != before.cy ||
                after.zoom != before.zoom || !(after.panels == before.panels) || after.clipboard != before.clipboard ||
                after.theme != before.theme || after.badges != before.badges || after.language != before.language || after.quit || after.status != before.status ||
                after.editing != before.editing || after.windows != before.windows;
            EXPECT_TRUE(changedSomething) << "did nothing visible";
        }
    }
    EXPECT_GT(ran, 40);
}

TEST_F(ActionTableTest, ViewLanguageSwitchesWithoutRestarting) {
    // The catalogue as the program binds it (next to the test program); LC_MESSAGES here is C,
    // as on a machine without a zh_CN locale.
    i18n::init(i18n::Language::English);
    auto h = makeApp("language");
    App* app = h->app.get();
    EXPECT_STREQ(_("View"), "View");
    frame(*app, [&] { EXPECT_TRUE(app->actions().trigger("view.language-zh")); });
    frame(*app);
    EXPECT_STREQ(_("View"), "视图");
    EXPECT_STREQ(_("Language"), "语言");
    EXPECT_EQ(Settings::load().get("language").value_or(""), "zh");
    frame(*app, [&] { EXPECT_TRUE(app->actions().trigger("view.language-en")); });
    frame(*app);
    EXPECT_STREQ(_("View"), "View");
    EXPECT_EQ(Settings::load().get("language").value_or(""), "en");
}

TEST_F(ActionTableTest, DocumentActionsDoWhatTheySay) {
    {
        auto h = makeApp("delete");
        App* app = h->app.get();
        BoardSession& s = *app->session();
        const auto gone = s.selection.ids();
        frame(*app, [&] { EXPECT_TRUE(app->actions().trigger("edit.delete")); });
        for (const auto& id : gone) EXPECT_FALSE(s.doc->note(id));
        EXPECT_TRUE(s.selection.empty());
    }
    {
        auto h = makeApp("duplicate");
        App* app = h->app.get();
        BoardSession& s = *app->session();
        const std::size_t notes = s.doc->notes().size();
        const auto originals = s.selection.ids();
        frame(*app, [&] { EXPECT_TRUE(app->actions().trigger("edit.duplicate")); });
        EXPECT_EQ(s.doc->notes().size(), notes + 2);
        EXPECT_EQ(s.selection.size(), 2u);
        for (const auto& id : s.selection.ids()) EXPECT_EQ(std::count(originals.begin(), originals.end(), id), 0);
    }
    {
        auto h = makeApp("paste");
        App* app = h->app.get();
        BoardSession& s = *app->session();
        const std::size_t notes = s.doc->notes().size(), links = s.doc->links().size();
        frame(*app, [&] { EXPECT_TRUE(app->actions().trigger("edit.paste")); });
        EXPECT_EQ(s.doc->notes().size(), notes + 2);
        EXPECT_EQ(s.doc->links().size(), links + 1);  // the link between the two copied notes
        EXPECT_EQ(app->status().text(), "pasted 2 notes");
    }
    {
        auto h = makeApp("select-all");
        App* app = h->app.get();
        BoardSession& s = *app->session();
        frame(*app, [&] { EXPECT_TRUE(app->actions().trigger("edit.select-all")); });
        EXPECT_EQ(s.selection.size(), 5u);  // the wall's five, not the tray's one
    }
    {
        auto h = makeApp("disabled");
        App* app = h->app.get();
        BoardSession& s = *app->session();
        s.selection.clear();
        const auto revision = s.doc->revision();
        frame(*app, [&] { EXPECT_FALSE(app->actions().trigger("edit.delete")); });
        EXPECT_EQ(s.doc->revision(), revision);  // a disabled action does nothing
        EXPECT_FALSE(app->actions().trigger("no.such-action"));
    }
}

TEST_F(ActionTableTest, KeysRunTheirActions) {
    auto h = makeApp("keys");
    App* app = h->app.get();
    BoardSession& s = *app->session();
    ImGuiIO& io = ImGui::GetIO();
    const auto press = [&](int key, bool ctrl) {
        io.KeyCtrl = ctrl;
        io.KeysDown[key] = true;
        frame(*app);
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        frame(*app);
    };
    const std::size_t notes = s.doc->notes().size();
    press(GLFW_KEY_D, true);
    EXPECT_EQ(s.doc->notes().size(), notes + 2) << "Ctrl+D duplicates";
    press(GLFW_KEY_Z, true);
    EXPECT_EQ(s.doc->notes().size(), notes) << "Ctrl+Z undoes";
    press(GLFW_KEY_D, false);
    EXPECT_EQ(s.doc->notes().size(), notes) << "D without Ctrl is not Ctrl+D";
    s.selection.set({s.doc->sortedNotes().front()->id});
    press(GLFW_KEY_L, false);
    EXPECT_EQ(app->status().text(), "select exactly two notes to link them (L)") << "L with one note says why not";
    press(GLFW_KEY_H, true);
    EXPECT_TRUE(app->panels().activity) << "Ctrl+H opens the history";
    press(GLFW_KEY_H, true);
    EXPECT_TRUE(app->panels().activity) << "Ctrl+H opens the history, it does not toggle it as the menu does";
}
