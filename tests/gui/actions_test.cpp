// The window's action table, walked in a headless Dear ImGui context with the real App on a small
// board: ids and keys are unique, the menus and the help window name only what exists, and
// every action that is enabled runs without a crash or an assertion and changes only what it
// declares. No display is needed: the App draws into Dear ImGui without a GPU.
#include <gtest/gtest.h>
#include <imgui.h>

#include <GLFW/glfw3.h>

#include <set>

#include "app/gui/help_window.h"
#include "app/i18n.h"
#include "tests/gui/app_harness.h"

using namespace cc;
using namespace cc::gui;

namespace {

using ActionTableTest = cc::gui::test::AppTest;
using cc::gui::test::Observed;

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
