// Every dialog of the window, opened through its action, its inputs filled and its buttons
// pressed, in the headless Dear ImGui context of app_harness.h with the real App. Each press must
// not crash or trip an assertion (Dear ImGui's are on in every build: app/gui/imgui_config.h), and
// the board (revision, notes, links) changes only when the button is meant to change it.
//
// How a press is made: Dear ImGui 1.86 has no test engine hooks in Debian's build, so there is no
// list of the items drawn. The tests name an item as the code does (its label, inside its window,
// child window, PushID scope or combo popup) and compute its id as Dear ImGui does (ImHashStr on
// the id stack). ImGui::ActivateItem(id) then presses it on the next frame through the same path
// as the keyboard's Enter/Space on a focused item (ButtonBehavior's navigation activation):
// buttons, selectables, checkboxes, radio buttons and combos react as to a click, and a text field
// takes the keyboard, after which typed characters arrive through io.AddInputCharactersUTF8 as
// from GLFW. Every press checks that the item really was pressed (it became the last active item),
// so a renamed or hidden button fails the test instead of passing unpressed. Keys (F5, arrows,
// Escape, Enter) go through io.KeysDown as GLFW sets them. Mouse positions are not used: item
// rectangles are not kept after a frame in 1.86, and the keyboard activation presses the same
// code a click does. One difference: in 1.86 ActivateItem presses a disabled item too, so a test
// presses a button only once what enables it is there (the preview read, say), as a person would.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <GLFW/glfw3.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <initializer_list>
#include <string>

#include "app/i18n.h"
#include "canvas/board_factory.h"
#include "canvas/editor.h"
#include "canvas/similarity.h"
#include "canvas/templates.h"
#include "storage/board_file.h"
#include "storage/serialize.h"
#include "tests/gui/app_harness.h"

using namespace cc;
using namespace cc::gui;

namespace {

namespace fs = std::filesystem;

/// What of the board a press may change.
struct BoardState {
    std::string address;
    std::uint64_t revision = 0;
    std::size_t notes = 0, links = 0;
    bool operator==(const BoardState&) const = default;
};

std::ostream& operator<<(std::ostream& os, const BoardState& b) {
    return os << b.address << " r" << b.revision << " " << b.notes << " notes " << b.links << " links";
}

class DialogsTest : public test::AppTest {
protected:
    void SetUp() override {
        i18n::init(i18n::Language::English);
        m_h = makeApp(::testing::UnitTest::GetInstance()->current_test_info()->name());
        m_app = m_h->app.get();
    }

    BoardState board() {
        const BoardSession& s = *m_app->session();
        return {s.file->address(), s.doc->revision(), s.doc->notes().size(), s.doc->links().size()};
    }

    void draw(const std::function<void()>& during = {}) { frame(*m_app, during); }
    /// A frame that starts with the keyboard taken from the field that has it, as a click on the
    /// wall or another field does: the field sees itself deactivated in that frame.
    void leaveField() {
        frame(*m_app, {}, [] { ImGui::ClearActiveID(); });
        draw();
    }

    /// A window or popup drawn in the last frame (by its name or its "###id"), or null.
    static ImGuiWindow* shown(const std::string& name) {
        ImGuiWindow* w = ImGui::FindWindowByName(name.c_str());
        return w && w->Active ? w : nullptr;
    }
    /// The child window `name` of `parent` (BeginChild's naming).
    static ImGuiWindow* child(ImGuiWindow* parent, const std::string& name) {
        char full[512];
        ImFormatString(full, sizeof full, "%s/%s_%08X", parent->Name, name.c_str(), ImHashStr(name.c_str(), 0, parent->ID));
        return shown(full);
    }
    /// The child window `name` of `parent`, begun inside the PushID scopes `scopes` (a tab's, say).
    static ImGuiWindow* childIn(ImGuiWindow* parent, const std::string& name, std::initializer_list<std::string> scopes) {
        if (!parent) return nullptr;
        char full[512];
        ImFormatString(full, sizeof full, "%s/%s_%08X", parent->Name, name.c_str(), idIn(parent, name, scopes));
        return shown(full);
    }
    /// The popup open on top (BeginPopup's window), or null.
    static ImGuiWindow* topPopup() {
        return GImGui->OpenPopupStack.empty() ? nullptr : GImGui->OpenPopupStack.back().Window;
    }
    /// The combo box's list that is open.
    static ImGuiWindow* comboList() {
        for (ImGuiWindow* w : GImGui->Windows)
            if (w->Active && std::string(w->Name).rfind("##Combo_", 0) == 0) return w;
        return nullptr;
    }
    /// An item's id: its label inside the PushID scopes `scopes` of window `w`.
    static ImGuiID idIn(ImGuiWindow* w, const std::string& label, std::initializer_list<std::string> scopes = {}) {
        if (!w) return 0;
        ImGuiID seed = w->ID;
        for (const auto& s : scopes) seed = ImHashStr(s.c_str(), 0, seed);
        return ImHashStr(label.c_str(), 0, seed);
    }
    /// An item's id inside PushID(n) (an int) within the scopes of `w`.
    static ImGuiID idInInt(ImGuiWindow* w, int n, const std::string& label, std::initializer_list<std::string> scopes = {}) {
        if (!w) return 0;
        ImGuiID seed = w->ID;
        for (const auto& s : scopes) seed = ImHashStr(s.c_str(), 0, seed);
        return ImHashStr(label.c_str(), 0, ImHashData(&n, sizeof n, seed));
    }
    /// The id of the i-th item of a list drawn inside PushID(i) (ImGui::Combo's items).
    static ImGuiID indexIn(ImGuiWindow* w, int i, const std::string& label) {
        const ImGuiID seed = ImHashData(&i, sizeof i, w->ID);
        return ImHashStr(label.c_str(), 0, seed);
    }

    /// Presses the item; true when it was there and pressed.
    [[nodiscard]] bool press(ImGuiID id) {
        if (!id) return false;
        // A click first takes the keyboard from a text field that has it.
        if (GImGui->ActiveId && GImGui->ActiveId != id) draw([] { ImGui::ClearActiveID(); });
        GImGui->LastActiveId = 0;
        ImGui::ActivateItem(id);
        draw();
        const bool pressed = GImGui->LastActiveId == id;
        if (!pressed) std::fprintf(stderr, "not pressed %08X: last active %08X active %08X nav %08X\n", id, GImGui->LastActiveId, GImGui->ActiveId, GImGui->NavId);
        draw();
        draw();
        return pressed;
    }
    /// Gives the text field the keyboard and types `text` into it (after what is there).
    [[nodiscard]] bool type(ImGuiID id, const std::string& text) {
        if (!id) return false;
        GImGui->NavInputSource = ImGuiInputSource_Keyboard;
        ImGui::ActivateItem(id);
        draw();
        if (GImGui->ActiveId != id) std::fprintf(stderr, "not typing %08X: active %08X\n", id, GImGui->ActiveId);
        if (GImGui->ActiveId != id) return false;
        // A field taken by the keyboard selects its text; End puts the cursor after it.
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[GLFW_KEY_END] = true;
        io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
        draw();
        io.KeysDown[GLFW_KEY_END] = false;
        io.AddInputCharactersUTF8(text.c_str());
        draw();
        const bool typed = GImGui->ActiveId == id;
        leaveField();
        return typed;
    }
    /// Gives the text field the keyboard and replaces what it holds with `text`.
    [[nodiscard]] bool replaceText(ImGuiID id, const std::string& text) {
        if (!id) return false;
        GImGui->NavInputSource = ImGuiInputSource_Keyboard;
        ImGui::ActivateItem(id);
        draw();
        if (GImGui->ActiveId != id) std::fprintf(stderr, "not typing %08X: active %08X\n", id, GImGui->ActiveId);
        if (GImGui->ActiveId != id) return false;
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
        io.KeyCtrl = true;
        io.KeysDown[GLFW_KEY_A] = true;
        draw();
        io.KeysDown[GLFW_KEY_A] = false;
        io.KeyCtrl = false;
        io.AddInputCharactersUTF8(text.c_str());
        draw();
        const bool typed = GImGui->ActiveId == id;
        leaveField();
        return typed;
    }
    /// Presses and lets go of a key, as GLFW reports it.
    void key(int k, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[k] = true;
        draw();
        io.KeysDown[k] = false;
        io.KeyCtrl = false;
        draw();
        draw();
    }
    /// Runs an action from the table (the menu item's way).
    void run(const std::string& id) {
        draw([&] { ASSERT_TRUE(m_app->actions().trigger(id)) << id; });
        draw();
        draw();
    }
    /// Draws frames until `done` (a worker thread's result, say), for at most a minute.
    bool until(const std::function<bool()>& done) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
        while (!done()) {
            if (std::chrono::steady_clock::now() > deadline) return false;
            draw();
        }
        return true;
    }

    /// A file in the test's folder.
    static std::string file(const std::string& name, const std::string& content) {
        const fs::path p = s_dir / name;
        std::ofstream(p) << content;
        return p.string();
    }

    std::unique_ptr<test::Harness> m_h;
    App* m_app = nullptr;
};

const char* kBoardDialog = "###board-dialog";
const char* kChooser = "###file-chooser";

}  // namespace

TEST_F(DialogsTest, NewBoardCancelChangesNothing) {
    const BoardState before = board();
    run("file.new");
    ImGuiWindow* d = shown(kBoardDialog);
    ASSERT_TRUE(d) << "File > New board… opens the dialog";
    ASSERT_TRUE(type(idIn(d, "##title"), "Never made"));
    ASSERT_TRUE(press(idIn(d, "preview", {templateKeys().back()}))) << "a template";
    ASSERT_TRUE(press(idIn(d, L_("Cancel", "cancel"))));
    EXPECT_FALSE(shown(kBoardDialog));
    EXPECT_EQ(board(), before);
    EXPECT_FALSE(fs::exists(s_dir / "Never made.ccboard"));
}

TEST_F(DialogsTest, NewBoardChooseWhereAndCreate) {
    const BoardState before = board();
    run("file.new");
    ImGuiWindow* d = shown(kBoardDialog);
    ASSERT_TRUE(d);
    ASSERT_TRUE(type(idIn(d, "##title"), "Pressed"));
    ASSERT_TRUE(press(idIn(d, "preview", {templateKeys().front()})));
    // Choose where…: the built-in chooser, inside the dialog; cancelled first, then used.
    ASSERT_TRUE(press(idIn(d, L_("Choose where…", "choose"))));
    ImGuiWindow* c = shown(kChooser);
    ASSERT_TRUE(c) << "the chooser opens";
    ASSERT_TRUE(press(idIn(c, L_("Cancel", "chooser-cancel"))));
    EXPECT_FALSE(shown(kChooser));
    EXPECT_TRUE(shown(kBoardDialog)) << "cancelling the chooser keeps the dialog";
    EXPECT_EQ(board(), before);

    ASSERT_TRUE(press(idIn(d, L_("Choose where…", "choose"))));
    c = shown(kChooser);
    ASSERT_TRUE(c);
    ASSERT_TRUE(press(idIn(c, L_("Up", "up"))));  // navigate: up, then back by the place
    ASSERT_TRUE(press(idIn(child(c, "places"), _("This board's folder") + std::string("##") + s_dir.string())));
    // The type filter: All files, then boards again.
    ASSERT_TRUE(press(idIn(c, "##type")));
    ASSERT_TRUE(comboList());
    ASSERT_TRUE(press(idIn(comboList(), _("All files"))));
    ASSERT_TRUE(press(idIn(c, "##type")));
    ASSERT_TRUE(press(idIn(comboList(), _("Boards (.ccboard)"))));
    const std::string name = "chosen place.ccboard";
    ASSERT_TRUE(replaceText(idIn(c, "##name"), name));
    ASSERT_TRUE(press(idIn(c, L_("Save", "chooser-ok"))));
    EXPECT_FALSE(shown(kChooser));
    ASSERT_TRUE(shown(kBoardDialog));
    EXPECT_EQ(board(), before) << "choosing where changes nothing yet";

    ASSERT_TRUE(press(idIn(d, L_("Create", "ok"))));
    EXPECT_FALSE(shown(kBoardDialog));
    const BoardState after = board();
    EXPECT_EQ(fs::path(after.address).filename(), name) << "Create makes the board where it was chosen";
    EXPECT_EQ(m_app->session()->doc->board().title, "Pressed");
    EXPECT_EQ(after.notes, 0u);
}

TEST_F(DialogsTest, TeamServerDialog) {
    const BoardState before = board();
    run("file.open-server");
    ImGuiWindow* d = shown(kBoardDialog);
    ASSERT_TRUE(d);
    // An address no server answers: the dialog says why, the board stays.
    ASSERT_TRUE(type(idIn(d, "##address"), "postgresql://127.0.0.1:1/nothing?board=x&connect_timeout=2"));
    ASSERT_TRUE(press(idIn(d, L_("Open", "ok"))));
    EXPECT_TRUE(shown(kBoardDialog));
    EXPECT_EQ(board(), before);
    // The password field, as when a server asks for one.
    m_app->askForBoard("postgresql://127.0.0.1:1/nothing?board=x");
    EXPECT_FALSE(m_app->wantsPassword());
    ASSERT_TRUE(press(idIn(d, L_("Cancel", "cancel"))));
    EXPECT_FALSE(shown(kBoardDialog));
    EXPECT_EQ(board(), before);
}

TEST_F(DialogsTest, OpenBoardThroughTheBuiltInChooser) {
    // A second board to open (made through the App, which then goes back to the first).
    const std::string first = board().address;
    const std::string other = (s_dir / "other.ccboard").string();
    fs::remove(other);
    ASSERT_TRUE(m_app->createBoard(other, "Other", "canvas"));
    ASSERT_TRUE(m_app->openBoard(first));
    draw();
    const BoardState before = board();
    run("file.open");
    ImGuiWindow* c = shown(kChooser);
    ASSERT_TRUE(c) << "File > Open board… opens the chooser";
    ASSERT_TRUE(press(idIn(c, L_("Cancel", "chooser-cancel"))));
    EXPECT_FALSE(shown(kChooser));
    EXPECT_EQ(board(), before);

    run("file.open");
    c = shown(kChooser);
    ASSERT_TRUE(c);
    ASSERT_TRUE(press(idIn(child(c, "places"), _("This board's folder") + std::string("##") + s_dir.string())));
    // Typing narrows the list to the one board; Home selects it, Open opens it.
    ImGui::GetIO().AddInputCharactersUTF8("other");
    draw();
    key(GLFW_KEY_HOME);
    ASSERT_TRUE(press(idIn(c, L_("Open", "chooser-ok"))));
    EXPECT_FALSE(shown(kChooser));
    EXPECT_EQ(fs::path(board().address), fs::path(other)) << "Open opens the chosen board";
    EXPECT_EQ(board().notes, 0u);
}

TEST_F(DialogsTest, ImportDialog) {
    const std::string doc = file("interview.txt", "They want the export on Fridays, before the weekly meeting.\n\nSetting it up took two whole days.\n");
    const BoardState before = board();
    run("file.import");
    ImGuiWindow* d = shown(L_("Import documents", "import"));
    ASSERT_TRUE(d) << "File > Import documents… opens the dialog";
    // Choose…: the built-in chooser; cancelled.
    ASSERT_TRUE(press(idIn(d, L_("Choose…", "choose"))));
    ImGuiWindow* c = shown(kChooser);
    ASSERT_TRUE(c);
    ASSERT_TRUE(press(idIn(c, L_("Cancel", "chooser-cancel"))));
    EXPECT_FALSE(shown(kChooser));
    ASSERT_TRUE(shown(L_("Import documents", "import")));
    // The fields.
    ASSERT_TRUE(type(idIn(d, "##paths"), doc));
    ASSERT_TRUE(press(idIn(d, L_("source kind", "source-kind"))));
    ASSERT_TRUE(comboList());
    const auto& kind = m_app->session()->doc->sourceKinds().all().front();
    ASSERT_TRUE(press(idIn(comboList(), kind.english + "  " + kind.chinese)));
    ASSERT_TRUE(press(idIn(d, L_("source kind", "source-kind"))));
    ASSERT_TRUE(press(idIn(comboList(), L_("default (survey for CSV, else other)", "default"))));
    ASSERT_TRUE(type(idIn(d, L_("date gathered", "date-gathered")), "2026-11-03"));
    ASSERT_TRUE(type(idIn(d, L_("tags", "tags")), "pressed"));
    ASSERT_TRUE(press(idIn(d, L_("where", "where"))));
    ASSERT_TRUE(press(indexIn(comboList(), 0, _("into the tray"))));
    EXPECT_EQ(board(), before) << "filling the dialog writes nothing";
    ASSERT_TRUE(press(idIn(d, L_("Preview  (Ctrl+Enter)", "preview"))));
    EXPECT_EQ(board(), before) << "the preview writes nothing";
    // The preview is read on a worker: Import is enabled once it is there.
    ASSERT_TRUE(until([&] { return !m_app->busy(); }));
    draw();
    ASSERT_TRUE(press(idIn(d, L_("Import  (Ctrl+Enter)", "import"))));
    EXPECT_FALSE(shown(L_("Import documents", "import"))) << "Import closes the dialog";
    const BoardState after = board();
    EXPECT_GT(after.revision, before.revision) << m_app->status().text();
    EXPECT_GT(after.notes, before.notes) << "the candidates, into the tray";

    // Close changes nothing.
    run("file.import");
    d = shown(L_("Import documents", "import"));
    ASSERT_TRUE(d);
    ASSERT_TRUE(press(idIn(d, L_("Close", "close"))));
    EXPECT_FALSE(shown(L_("Import documents", "import")));
    EXPECT_EQ(board(), after);
}

TEST_F(DialogsTest, SummaryDialog) {
    const BoardState before = board();
    run("file.summary");
    ImGuiWindow* d = shown(L_("Monthly summary", "summary"));
    ASSERT_TRUE(d) << "File > Export monthly summary… opens the dialog";
    ASSERT_TRUE(press(idIn(d, L_("month", "month"))));
    ASSERT_TRUE(comboList());
    // The board was made this month (UTC, as the dialog counts): the list offers it first.
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    char month[16];
    std::strftime(month, sizeof month, "%Y-%m", &tm);
    ASSERT_TRUE(press(idIn(comboList(), month))) << month;
    ASSERT_TRUE(press(idIn(d, L_("language", "language"))));
    ASSERT_TRUE(press(indexIn(comboList(), 1, "中文")));
    ASSERT_TRUE(press(idIn(d, L_("format", "format"))));
    ASSERT_TRUE(press(indexIn(comboList(), 2, "Markdown")));
    // Choose…: the chooser, cancelled.
    ASSERT_TRUE(press(idIn(d, L_("Choose…", "choose"))));
    ImGuiWindow* c = shown(kChooser);
    ASSERT_TRUE(c);
    ASSERT_TRUE(press(idIn(c, L_("Cancel", "chooser-cancel"))));
    EXPECT_TRUE(shown(L_("Monthly summary", "summary")));
    // Export (enabled once the preview is read) writes the file and leaves the board alone.
    ASSERT_TRUE(until([&] { return !m_app->busy(); }));
    draw();
    ASSERT_TRUE(press(idIn(d, L_("Export", "export"))));
    const fs::path written = s_dir / (fs::path(board().address).stem().string() + "-summary-" + month + ".md");
    ASSERT_TRUE(until([&] { return fs::exists(written) && fs::file_size(written) > 0; })) << written;
    ASSERT_TRUE(until([&] { return !m_app->busy(); }));
    draw();
    EXPECT_EQ(board(), before);
    ASSERT_TRUE(shown(L_("Monthly summary", "summary"))) << "Export keeps the dialog, to say where it wrote";
    ASSERT_TRUE(press(idIn(d, L_("Close", "close"))));
    EXPECT_FALSE(shown(L_("Monthly summary", "summary")));
    EXPECT_EQ(board(), before);
}

TEST_F(DialogsTest, SummaryExportCancelledWritesNothingAndTheOutcomeReachesTheStatusBar) {
    // A board with a long history (15,000 edits), so that the export takes long enough to stop.
    const std::string path = (s_dir / "long-history.ccboard").string();
    fs::remove(path);
    {
        BoardInfo b = makeBoard("Long history");
        Document doc(b);
        Editor ed(doc, "setup");
        std::vector<LogEntry> log;
        const auto logged = [&](const ChangeSet& cs) {
            log.push_back(LogEntry{static_cast<std::int64_t>(log.size() + 1), cs.author, cs.time, std::string(toString(cs.source)),
                                   changeSetToJson(cs)});
        };
        ChangeSet created;  // a log starts with the board's creation
        created.author = "setup";
        created.time = b.created;
        created.board = std::make_pair(BoardInfo{}, b);
        logged(created);
        doc.subscribe(logged);
        std::vector<std::string> ids;
        for (int i = 0; i < 200; ++i) {
            Note n = ed.makeNote("客户反馈 feedback " + std::to_string(i), "survey");
            n.x = -1700 + (i % 20) * 80.0;
            n.y = -1000 + (i / 20) * 60.0;
            ids.push_back(ed.addNote(n));
        }
        for (int i = 0; i < 15000; ++i) ed.moveNotes({ids[static_cast<std::size_t>(i) % ids.size()]}, 1, 0);
        BoardFile::create(path, b, "setup")->writeAll(doc, log);
    }
    ASSERT_TRUE(m_app->openBoard(path));
    draw();
    const BoardState before = board();
    run("file.summary");
    ImGuiWindow* d = shown(L_("Monthly summary", "summary"));
    ASSERT_TRUE(d);
    ASSERT_TRUE(until([&] { return !m_app->busy(); })) << "the preview is read";
    draw();
    ASSERT_TRUE(press(idIn(d, L_("format", "format"))));
    ASSERT_TRUE(press(indexIn(comboList(), 2, "Markdown")));
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    char month[16];
    std::strftime(month, sizeof month, "%Y-%m", &tm);
    // The board was made this month: the only month the dialog offers.
    const fs::path written = s_dir / ("long-history-summary-" + std::string(month) + ".md");
    fs::remove(written);

    // Export, then Cancel while it reads the history: nothing is written, and it says so.
    ASSERT_TRUE(press(idIn(d, L_("Export", "export"))));
    ASSERT_TRUE(m_app->busy()) << "the export is still reading";
    ASSERT_TRUE(press(idIn(d, L_("Cancel", "cancel")))) << "Cancel is there while it runs";
    ASSERT_TRUE(until([&] { return !m_app->busy(); }));
    draw();
    EXPECT_FALSE(fs::exists(written)) << "a cancelled export writes nothing";
    EXPECT_NE(m_app->status().text().find(_("the export was cancelled: nothing was written")), std::string::npos)
        << m_app->status().text();
    EXPECT_EQ(board(), before);

    // Export again and Close at once: the export goes on, the status bar says where it wrote.
    ASSERT_TRUE(press(idIn(d, L_("Export", "export"))));
    ASSERT_TRUE(press(idIn(d, L_("Close", "close"))));
    EXPECT_FALSE(shown(L_("Monthly summary", "summary")));
    ASSERT_TRUE(until([&] { return !m_app->busy(); }));
    draw();
    EXPECT_TRUE(fs::exists(written));
    EXPECT_NE(m_app->status().text().find(written.string()), std::string::npos) << m_app->status().text();
    EXPECT_EQ(board(), before);
}

TEST_F(DialogsTest, HelpWindowAndPresentation) {
    const BoardState before = board();
    run("help.keys");
    ImGuiWindow* help = shown(L_("Keyboard and mouse", "help"));
    ASSERT_TRUE(help) << "Help > Keyboard and mouse";
    ASSERT_TRUE(press(ImHashStr("#CLOSE", 0, help->ID))) << "its close button";
    EXPECT_FALSE(shown(L_("Keyboard and mouse", "help")));
    // The presentation: F5, the arrows, Escape.
    const auto windows = observe(*m_app).windows;
    key(GLFW_KEY_F5);
    EXPECT_NE(observe(*m_app).windows, windows) << "F5 presents";
    key(GLFW_KEY_RIGHT);
    key(GLFW_KEY_RIGHT);
    key(GLFW_KEY_LEFT);
    key(GLFW_KEY_PAGE_DOWN);
    key(GLFW_KEY_ESCAPE);
    EXPECT_EQ(observe(*m_app).windows, windows) << "Escape leaves the presentation";
    EXPECT_EQ(board(), before);
}

TEST_F(DialogsTest, InspectorFieldsAndButtons) {
    BoardSession& s = *m_app->session();
    // Two notes selected: Link the two… starts the link on the wall and writes nothing yet.
    BoardState before = board();
    ImGuiWindow* inspector = child(shown("##main"), "inspector");
    ASSERT_TRUE(inspector) << "the inspector is shown";
    ASSERT_TRUE(press(idIn(inspector, L_("Link the two…  (L)", "link-two"))));
    EXPECT_EQ(board(), before);
    key(GLFW_KEY_ESCAPE);

    const std::string id = s.selection.ids()[0];
    s.selection.set({id});
    draw();
    draw();
    inspector = child(shown("##main"), "inspector");
    ASSERT_TRUE(inspector);
    const auto note = [&] { return *s.doc->note(id); };
    const auto changedOnce = [&](const char* what) {
        const BoardState after = board();
        EXPECT_EQ(after.revision, before.revision + 1) << what << " is one change";
        EXPECT_EQ(after.notes, before.notes) << what;
        EXPECT_EQ(after.links, before.links) << what;
        before = after;
    };
    before = board();
    const int votes = note().votes;
    ASSERT_TRUE(press(idIn(inspector, "+", {id, "##votes"})));
    EXPECT_EQ(note().votes, votes + 1);
    changedOnce("votes +");
    ASSERT_TRUE(press(idIn(inspector, "-", {id, "##votes"})));
    EXPECT_EQ(note().votes, votes);
    changedOnce("votes -");

    const DataKind data = note().data;
    ASSERT_TRUE(press(idIn(inspector, data == DataKind::Quantitative ? L_("qualitative", "qualitative") : L_("quantitative", "quantitative"),
                           {id})));
    EXPECT_NE(note().data, data);
    changedOnce("data");

    const bool initiated = note().customerInitiated;
    ASSERT_TRUE(press(idIn(inspector, L_("the customer started it", "initiated"), {id})));
    EXPECT_NE(note().customerInitiated, initiated);
    changedOnce("contact");

    ASSERT_TRUE(press(idIn(inspector, "##source", {id})));
    ASSERT_TRUE(comboList());
    // One the list shows without scrolling.
    const SourceKind& other = s.doc->sourceKinds().all()[s.doc->sourceKinds().all()[0].key == note().source ? 1 : 0];
    ASSERT_NE(other.key, note().source);
    ASSERT_TRUE(press(idIn(comboList(), other.english + "  " + other.chinese + "##" + other.key)));
    EXPECT_EQ(note().source, other.key);
    changedOnce("source");

    // The colour: its button opens the picker, which changes nothing until a colour is picked.
    ASSERT_TRUE(press(idIn(inspector, "##ColorButton", {id, "##colour"})));
    EXPECT_EQ(board(), before);
    key(GLFW_KEY_ESCAPE);

    ASSERT_TRUE(press(idIn(inspector, L_("History…", "history"))));
    EXPECT_TRUE(m_app->panels().activity) << "History… opens the activity panel";
    EXPECT_EQ(board(), before);

    // Last: archived, the note leaves the wall.
    ASSERT_TRUE(press(idIn(inspector, "##state", {id})));
    ASSERT_TRUE(press(indexIn(comboList(), 2, _("archived"))));
    EXPECT_EQ(note().state, NoteState::Archived);
    changedOnce("state");
}

TEST_F(DialogsTest, LinkChooserEachKindAndCancel) {
    BoardSession& s = *m_app->session();
    std::vector<std::string> onWall;
    for (const auto& [id, n] : s.doc->notes())
        if (n.state == NoteState::Pinned) onWall.push_back(id);
    std::sort(onWall.begin(), onWall.end());
    const auto linkBetween = [&](const std::string& a, const std::string& b) -> const Link* {
        for (const auto& [id, l] : s.doc->links())
            if ((l.from == a && l.to == b) || (l.from == b && l.to == a)) return &l;
        return nullptr;
    };
    std::vector<std::pair<std::string, std::string>> pairs;  // notes not linked yet
    for (std::size_t i = 0; i < onWall.size(); ++i)
        for (std::size_t j = i + 1; j < onWall.size(); ++j)
            if (!linkBetween(onWall[i], onWall[j])) pairs.emplace_back(onWall[i], onWall[j]);
    ASSERT_GE(pairs.size(), 4u);
    // Two notes selected, the inspector's Link the two…: the chooser opens on the wall.
    const auto openChooser = [&](const std::pair<std::string, std::string>& p) -> ImGuiWindow* {
        s.selection.set({p.first, p.second});
        draw();
        draw();
        ImGuiWindow* inspector = child(shown("##main"), "inspector");
        if (!press(idIn(inspector, L_("Link the two…  (L)", "link-two")))) return nullptr;
        return topPopup();
    };
    struct Case {
        const char* label;
        const char* id;
        LinkKind kind;
    };
    const Case cases[] = {{"Supports  (S)", "supports", LinkKind::Supports},
                          {"Conflicts  (C)", "conflicts", LinkKind::Conflicts},
                          {"Relates  (R)", "relates", LinkKind::Relates}};
    for (std::size_t i = 0; i < 3; ++i) {
        const Case& c = cases[i];
        const BoardState before = board();
        ImGuiWindow* chooser = openChooser(pairs[i]);
        ASSERT_TRUE(chooser) << c.id;
        const std::string label = "标签 label " + std::to_string(i);
        ASSERT_TRUE(type(idIn(chooser, "##label"), label)) << c.id;
        EXPECT_EQ(board(), before) << "typing the label writes nothing";
        ASSERT_TRUE(press(idIn(chooser, L_(c.label, c.id)))) << c.id;
        EXPECT_FALSE(topPopup()) << c.id << " closes the chooser";
        const BoardState after = board();
        EXPECT_EQ(after.revision, before.revision + 1) << c.id << " is one change";
        EXPECT_EQ(after.links, before.links + 1) << c.id;
        EXPECT_EQ(after.notes, before.notes) << c.id;
        const Link* made = linkBetween(pairs[i].first, pairs[i].second);
        ASSERT_TRUE(made) << c.id;
        EXPECT_EQ(made->kind, c.kind) << c.id;
        EXPECT_EQ(made->label, label) << c.id;
    }
    // Cancel, after typing a label: nothing.
    const BoardState before = board();
    ImGuiWindow* chooser = openChooser(pairs[3]);
    ASSERT_TRUE(chooser);
    ASSERT_TRUE(type(idIn(chooser, "##label"), "not this"));
    ASSERT_TRUE(press(idIn(chooser, L_("Cancel", "cancel"))));
    EXPECT_FALSE(topPopup());
    EXPECT_EQ(board(), before);
    EXPECT_FALSE(linkBetween(pairs[3].first, pairs[3].second));
}

TEST_F(DialogsTest, TrayRowsAndButtons) {
    BoardSession& s = *m_app->session();
    // Three more candidates: four in the tray, oldest first.
    for (int i = 0; i < 3; ++i) {
        Note n = s.editor->makeNote("候选 candidate " + std::to_string(i), "complaint");
        n.state = NoteState::Tray;
        n.created += i + 1;
        s.editor->addNote(n);
    }
    const auto inTray = [&] {
        std::vector<const Note*> t;
        for (const auto& [id, n] : s.doc->notes())
            if (n.state == NoteState::Tray) t.push_back(&n);
        std::sort(t.begin(), t.end(), [](const Note* a, const Note* b) { return a->created != b->created ? a->created < b->created : a->id < b->id; });
        return t;
    };
    ASSERT_EQ(inTray().size(), 4u);
    if (!m_app->panels().tray) run("view.tray");
    ImGuiWindow* left = child(shown("##main"), "left");
    ASSERT_TRUE(left) << "the tray is shown";
    const std::string tab = "Tray (4)###tray";
    const auto trayList = [&] { return childIn(child(shown("##main"), "left"), "tray-list", {"lefttabs", tab}); };
    ASSERT_TRUE(trayList());
    const std::string first = inTray()[0]->id, second = inTray()[1]->id;

    // A click on a row selects it; Discard the selected deletes it (one change).
    BoardState before = board();
    ASSERT_TRUE(press(idIn(trayList(), "##row", {first})));
    EXPECT_EQ(board(), before) << "selecting a row writes nothing";
    ASSERT_TRUE(press(idIn(left, L_("Discard the selected", "discard"), {"lefttabs", tab})));
    EXPECT_FALSE(s.doc->note(first)) << "Discard the selected";
    EXPECT_EQ(board().revision, before.revision + 1);
    EXPECT_EQ(inTray().size(), 3u);

    // Select a row, then Select none: Discard is greyed again and nothing changed.
    const std::string tab3 = "Tray (3)###tray";
    before = board();
    ASSERT_TRUE(press(idIn(childIn(child(shown("##main"), "left"), "tray-list", {"lefttabs", tab3}), "##row", {second})));
    ASSERT_TRUE(press(idIn(left, L_("Select none", "select-none"), {"lefttabs", tab3})));
    EXPECT_EQ(board(), before);

    // One row selected, 2: that one goes to quadrant 2, the rest stay.
    ASSERT_TRUE(press(idIn(childIn(child(shown("##main"), "left"), "tray-list", {"lefttabs", tab3}), "##row", {second})));
    ASSERT_TRUE(press(idIn(left, "2", {"lefttabs", tab3})));
    const Note* pinned = s.doc->note(second);
    ASSERT_TRUE(pinned);
    EXPECT_EQ(pinned->state, NoteState::Pinned);
    EXPECT_EQ(quadrantAt(pinned->x + pinned->w / 2, pinned->y + pinned->h / 2), 2);
    EXPECT_EQ(inTray().size(), 2u);
    EXPECT_EQ(board().revision, before.revision + 1);

    // Nothing selected, 4: all the rest go to quadrant 4, none on top of another.
    const std::string tab2 = "Tray (2)###tray";
    before = board();
    std::vector<std::string> rest;
    for (const Note* n : inTray()) rest.push_back(n->id);
    ASSERT_TRUE(press(idIn(left, "4", {"lefttabs", tab2})));
    EXPECT_TRUE(inTray().empty());
    for (const auto& id : rest) {
        const Note* n = s.doc->note(id);
        ASSERT_TRUE(n);
        EXPECT_EQ(quadrantAt(n->x + n->w / 2, n->y + n->h / 2), 4);
        for (const auto& [otherId, o] : s.doc->notes()) {
            if (otherId == id || o.state != NoteState::Pinned) continue;
            EXPECT_FALSE(n->x < o.x + o.w && o.x < n->x + n->w && n->y < o.y + o.h && o.y < n->y + n->h)
                << id << " lands on " << otherId;
        }
    }
    EXPECT_EQ(board().notes, before.notes);
}

TEST_F(DialogsTest, ActivityBringBackHistoryAndRestore) {
    BoardSession& s = *m_app->session();
    const std::string id = s.selection.ids()[0];
    const std::string original = s.doc->note(id)->text;
    s.editor->setText(id, "changed 改过的");
    s.editor->deleteNotes({id});
    ASSERT_FALSE(s.doc->note(id));
    const int deletion = static_cast<int>(s.file->lastSequence());
    run("view.activity");
    ASSERT_TRUE(m_app->panels().activity);
    draw();
    const std::initializer_list<std::string> boardTab = {"lefttabs", "Activity###activity", "activitytabs", "Board###board"};
    const auto lines = [&] { return childIn(child(shown("##main"), "left"), "activitylines", boardTab); };
    ASSERT_TRUE(lines()) << "the activity panel's Board tab";

    // The deletion's line: Bring it back.
    BoardState before = board();
    ASSERT_TRUE(press(idInInt(lines(), deletion, L_("Bring it back", "bring-back"))));
    ASSERT_TRUE(s.doc->note(id)) << "Bring it back";
    EXPECT_EQ(s.doc->note(id)->text, "changed 改过的");
    EXPECT_EQ(board().revision, before.revision + 1);
    EXPECT_EQ(board().links, before.links + 1) << "with its link";

    // Deleted again: History shows the note's versions; Bring it back with this text (the first).
    s.editor->deleteNotes({id});
    const int again = static_cast<int>(s.file->lastSequence());
    draw();
    ASSERT_TRUE(press(idInInt(lines(), again, L_("History", "history"))));
    ImGuiWindow* left = child(shown("##main"), "left");
    const std::initializer_list<std::string> noteTab = {"lefttabs", "Activity###activity", "activitytabs", "Note###note"};
    ImGuiWindow* versions = childIn(left, "versions", noteTab);
    ASSERT_TRUE(versions) << "History opens the Note tab";
    const auto created = [&] {  // the sequence of the note's first version
        for (const auto& e : s.file->changes())
            if (e.change)
                for (const Note& n : e.change->notes.added)
                    if (n.id == id) return static_cast<int>(e.seq);
        return -1;
    }();
    before = board();
    ASSERT_TRUE(press(idInInt(versions, created, L_("Bring it back with this text", "bring-back-text"))));
    ASSERT_TRUE(s.doc->note(id));
    EXPECT_EQ(s.doc->note(id)->text, original) << "with the text it was made with";
    EXPECT_EQ(board().revision, before.revision + 1);

    // Restore this text: the later version's text comes back.
    const int changed = [&] {
        for (const auto& e : s.file->changes())
            if (e.change)
                for (const auto& [was, now] : e.change->notes.updated)
                    if (now.id == id && now.text == "changed 改过的") return static_cast<int>(e.seq);
        return -1;
    }();
    ASSERT_GT(changed, 0);
    draw();
    draw();
    versions = childIn(child(shown("##main"), "left"), "versions", noteTab);
    ASSERT_TRUE(versions);
    before = board();
    ASSERT_TRUE(press(idInInt(versions, changed, L_("Restore this text", "restore"))));
    EXPECT_EQ(s.doc->note(id)->text, "changed 改过的");
    EXPECT_EQ(board().revision, before.revision + 1);

    // Follow the selection: the Note tab follows the selected note again; nothing changes.
    before = board();
    ASSERT_TRUE(press(idIn(child(shown("##main"), "left"), L_("Follow the selection", "follow"), noteTab)));
    EXPECT_EQ(board(), before);
}

TEST_F(DialogsTest, NoticeButtons) {
    BoardSession& s = *m_app->session();
    const std::string id = s.selection.ids()[0];
    const Note kept = *s.doc->note(id);
    // Someone else deleted the note being edited: its notice brings it back with the text typed.
    s.editor->deleteNotes({id});
    Notice gone;
    gone.text = "王芳 deleted the note while you were editing it";
    gone.noteId = id;
    gone.bringBack = kept;
    gone.bringBack->text = "what I typed 我打的字";
    gone.actionLabel = L_("Bring it back with my text", "bring-back");
    s.notify(gone);
    // And a second notice, dismissed.
    Notice other;
    other.text = "another notice";
    other.noteId = id;
    other.actionLabel = L_("Bring it back", "bring-back");
    other.bringBack = kept;
    s.notify(other);
    draw();
    draw();
    ImGuiWindow* notices = shown("##notices");
    ASSERT_TRUE(notices) << "the notices are shown";
    BoardState before = board();
    ASSERT_TRUE(press(idInInt(notices, 1, L_("Dismiss", "dismiss"))));
    EXPECT_EQ(board(), before) << "Dismiss writes nothing";
    ASSERT_TRUE(press(idInInt(notices, 0, L_("History", "history"))));
    EXPECT_TRUE(m_app->panels().activity) << "History opens the note's history";
    EXPECT_EQ(board(), before);
    ASSERT_TRUE(press(idInInt(shown("##notices"), 0, L_("Bring it back with my text", "bring-back"))));
    ASSERT_TRUE(s.doc->note(id));
    EXPECT_EQ(s.doc->note(id)->text, "what I typed 我打的字");
    EXPECT_EQ(board().revision, before.revision + 1);
    draw();
    EXPECT_FALSE(shown("##notices")) << "both notices are gone";
}

TEST_F(DialogsTest, InspectorTextDateTagsSegmentColourAndLinks) {
    BoardSession& s = *m_app->session();
    const std::string id = s.selection.ids()[0];  // it supports the other selected note
    s.selection.set({id});
    draw();
    draw();
    const auto inspector = [&] { return child(shown("##main"), "inspector"); };
    ASSERT_TRUE(inspector());
    const auto note = [&] { return *s.doc->note(id); };
    BoardState before = board();
    const auto oneChange = [&](const char* what) {
        const BoardState after = board();
        EXPECT_EQ(after.revision, before.revision + 1) << what << " is one change";
        EXPECT_EQ(after.notes, before.notes) << what;
        before = after;
    };
    ASSERT_TRUE(replaceText(idIn(inspector(), "##text", {id}), "退货太慢 returns are slow"));
    EXPECT_EQ(note().text, "退货太慢 returns are slow");
    oneChange("text");
    ASSERT_TRUE(replaceText(idIn(inspector(), "##date", {id}), "2026-10-03"));
    EXPECT_EQ(note().dateGathered, "2026-10-03");
    oneChange("date");
    ASSERT_TRUE(replaceText(idIn(inspector(), "##date", {id}), "2026-13-45"));
    EXPECT_EQ(note().dateGathered, "2026-10-03") << "a date that is not one changes nothing";
    EXPECT_EQ(board(), before);
    ASSERT_TRUE(replaceText(idIn(inspector(), "##tags", {id}), "退货, returns"));
    EXPECT_EQ(note().tags, (std::vector<std::string>{"returns", "退货"})) << "kept in order";
    oneChange("tags");
    ASSERT_TRUE(replaceText(idIn(inspector(), "##segment", {id}), "年轻家庭"));
    EXPECT_EQ(note().segment, "年轻家庭");
    oneChange("segment");

    // A colour of its own, then "source colour" takes the source kind's again.
    Note coloured = note();
    coloured.colour = 0x336699;
    s.editor->updateNote(coloured);
    draw();
    before = board();
    ASSERT_TRUE(press(idIn(inspector(), L_("source colour", "source-colour"), {id})));
    EXPECT_EQ(note().colour, 0u);
    oneChange("source colour");

    // Its link: go selects the other note and writes nothing; remove deletes the link.
    const std::string linkId = s.doc->linksOf(id).front();
    const Link link = *s.doc->link(linkId);
    const std::string other = link.from == id ? link.to : link.from;
    ASSERT_TRUE(press(idIn(inspector(), L_("go", "go"), {linkId})));
    EXPECT_EQ(s.selection.ids(), std::vector<std::string>{other}) << "go";
    EXPECT_EQ(board(), before);
    s.selection.set({id});
    draw();
    draw();
    ASSERT_TRUE(press(idIn(inspector(), L_("remove", "remove"), {linkId})));
    EXPECT_FALSE(s.doc->link(linkId)) << "remove";
    EXPECT_EQ(board().links, before.links - 1);
    EXPECT_EQ(board().revision, before.revision + 1);
    EXPECT_TRUE(s.doc->note(other)) << "the other note stays";
}

TEST_F(DialogsTest, GroupAsInsightNamedOnItsFrameThenItsInspector) {
    BoardSession& s = *m_app->session();
    const std::vector<std::string> notes = s.selection.ids();  // two notes on the wall
    BoardState before = board();
    // Edit > Group as insight: a draft citing them, chosen, its title open for typing on the frame.
    run("edit.group");
    const std::string id = s.selection.insight();
    ASSERT_FALSE(id.empty());
    const auto insight = [&] { return *s.doc->insight(id); };
    EXPECT_EQ(insight().notes, notes);
    EXPECT_EQ(board().revision, before.revision + 1);
    EXPECT_EQ(m_app->wall()->editingTitleOf(), id);
    ImGuiWindow* editor = shown("##title-editor");
    ASSERT_TRUE(editor);
    EXPECT_EQ(GImGui->ActiveId, idIn(editor, "##insight-title")) << "the title has the keyboard";
    // Typing replaces the suggested title; Enter keeps it.
    ImGui::GetIO().AddInputCharactersUTF8("退货太慢");
    draw();
    key(GLFW_KEY_ENTER);
    EXPECT_EQ(insight().title, "退货太慢");
    EXPECT_TRUE(m_app->wall()->editingTitleOf().empty());
    EXPECT_EQ(board().revision, before.revision + 2);
    // Escape in the title editor leaves the title as it was.
    m_app->wall()->editInsightTitle(id);
    draw();
    draw();
    ImGui::GetIO().AddInputCharactersUTF8("gone");
    draw();
    key(GLFW_KEY_ESCAPE);
    EXPECT_EQ(insight().title, "退货太慢");
    EXPECT_EQ(board().revision, before.revision + 2);

    before = board();
    const auto inspector = [&] { return child(shown("##main"), "inspector"); };
    ASSERT_TRUE(inspector());
    const auto changedOnce = [&](const char* what) {
        const BoardState after = board();
        EXPECT_EQ(after.revision, before.revision + 1) << what << " is one change";
        EXPECT_EQ(after.notes, before.notes) << what;
        before = after;
    };
    ASSERT_TRUE(replaceText(idIn(inspector(), "##title", {id}), "Returns are too slow"));
    EXPECT_EQ(insight().title, "Returns are too slow");
    changedOnce("title");
    ASSERT_TRUE(replaceText(idIn(inspector(), "##title", {id}), "   "));
    EXPECT_EQ(insight().title, "Returns are too slow") << "a blank title is not saved";
    EXPECT_EQ(board(), before);
    ASSERT_TRUE(replaceText(idIn(inspector(), "##statement", {id}), "年轻家庭因为退货慢而离开"));
    EXPECT_EQ(insight().statement, "年轻家庭因为退货慢而离开");
    changedOnce("statement");
    ASSERT_TRUE(press(idIn(inspector(), "##quadrant", {id})));
    ASSERT_TRUE(comboList());
    ASSERT_TRUE(press(idIn(comboList(), "4  " + s.doc->board().quadrants[3].title)));
    EXPECT_EQ(insight().quadrant, 4);
    changedOnce("quadrant");
    ASSERT_TRUE(press(idIn(inspector(), "##insight-state", {id})));
    ASSERT_TRUE(press(indexIn(comboList(), 1, insightStateWord(InsightState::Agreed))));
    EXPECT_EQ(insight().state, InsightState::Agreed);
    changedOnce("state");
    ASSERT_TRUE(press(idIn(inspector(), "+", {id, "##insight-votes"})));
    EXPECT_EQ(insight().votes, 1);
    changedOnce("votes");

    // Evidence: go shows the note and changes nothing; take out leaves the note on the wall.
    const Camera camera = m_app->wall()->camera();
    ASSERT_TRUE(press(idIn(inspector(), L_("go", "go"), {id, notes[1]})));
    EXPECT_EQ(board(), before);
    EXPECT_EQ(s.selection.insight(), id) << "the insight stays chosen";
    const Note& shownNote = *s.doc->note(notes[1]);
    EXPECT_DOUBLE_EQ(m_app->wall()->camera().cx, shownNote.x + shownNote.w / 2);
    EXPECT_NE(m_app->wall()->camera().cx, camera.cx);
    ASSERT_TRUE(press(idIn(inspector(), L_("take out", "take-out"), {id, notes[1]})));
    EXPECT_EQ(insight().notes, std::vector<std::string>{notes[0]});
    changedOnce("take out");
    EXPECT_EQ(s.selection.ids(), std::vector<std::string>{notes[0]}) << "the chosen notes follow";

    // A note's inspector names the insights it is evidence for; show chooses one.
    s.selection.set({notes[0]});
    draw();
    draw();
    ASSERT_TRUE(press(idIn(inspector(), L_("show", "show-insight"), {id})));
    EXPECT_EQ(s.selection.insight(), id);
    EXPECT_EQ(board(), before);

    // Delete insight: the insight goes, its notes stay (selected); undo brings it back.
    draw();
    ASSERT_TRUE(press(idIn(inspector(), L_("Delete insight (the notes stay)", "delete-insight"), {id})));
    EXPECT_FALSE(s.doc->insight(id));
    EXPECT_EQ(board().notes, before.notes);
    EXPECT_EQ(s.selection.ids(), std::vector<std::string>{notes[0]});
    run("edit.undo");
    EXPECT_TRUE(s.doc->insight(id));
}

TEST_F(DialogsTest, GroupAsInsightWithNothingOnTheWallSelectedSaysHow) {
    BoardSession& s = *m_app->session();
    s.selection.clear();
    draw();
    const BoardState before = board();
    key(GLFW_KEY_G);
    EXPECT_EQ(board(), before);
    EXPECT_TRUE(s.doc->insights().empty());
    EXPECT_NE(m_app->status().text().find("(G)"), std::string::npos) << m_app->status().text();
}

TEST_F(DialogsTest, MinimapLooksWherePressedAndChangesNothingElse) {
    WallView& wall = *m_app->wall();
    wall.zoomActual();
    wall.zoomBy(3);
    draw();
    draw();
    const auto rect = wall.minimapRect();
    ASSERT_TRUE(rect) << "zoomed in, the minimap is shown";
    const BoardState before = board();
    const auto selection = m_app->session()->selection.ids();
    // A press in the minimap's lower-left part: the view's centre goes to the wall point there.
    const ImVec2 at{rect->first.x + (rect->second.x - rect->first.x) * 0.25f, rect->first.y + (rect->second.y - rect->first.y) * 0.75f};
    ImGui::GetIO().MousePos = at;
    const Rect bounds = wallBounds(*m_app->session()->doc);
    const double k = (rect->second.x - rect->first.x) / bounds.w;
    ASSERT_TRUE(press(idIn(childIn(shown("##main"), "wallarea", {}), "minimap")));
    // Within a pixel of the minimap.
    EXPECT_NEAR(wall.camera().cx, bounds.x + (at.x - rect->first.x) / k, 1 / k);
    EXPECT_NEAR(wall.camera().cy, bounds.y + (at.y - rect->first.y) / k, 1 / k);
    EXPECT_LT(wall.camera().cx, 0) << "the left half of the wall";
    EXPECT_GT(wall.camera().cy, 0) << "the lower half";
    EXPECT_EQ(board(), before);
    EXPECT_EQ(m_app->session()->selection.ids(), selection);
    // Hidden from the View menu, it is not drawn and not pressed.
    run("view.minimap");
    EXPECT_FALSE(wall.minimapRect());
}

TEST_F(DialogsTest, FiltersPanel) {
    const BoardState before = board();
    run("edit.find");
    ImGuiWindow* left = child(shown("##main"), "left");
    ASSERT_TRUE(left) << "Edit > Find… shows the filters";
    ASSERT_TRUE(type(idIn(left, "##search", {"lefttabs", L_("Filters", "filters")}), "note 1")) << "the search field";
    EXPECT_EQ(m_app->session()->filter.text, "note 1");
    ASSERT_TRUE(press(idIn(left, L_("Clear filters", "clear-filters"), {"lefttabs", L_("Filters", "filters")})));
    EXPECT_TRUE(m_app->session()->filter.text.empty()) << "Clear filters";
    EXPECT_EQ(board(), before) << "filtering writes nothing";

    // A source kind's box, an author's box (its section opened first) and the dates.
    BoardSession& s = *m_app->session();
    const std::initializer_list<std::string> tab = {"lefttabs", L_("Filters", "filters")};
    const SourceKind& survey = *s.doc->sourceKinds().find("survey");
    const int surveys = s.facts.counts().bySource.at("survey");
    ASSERT_TRUE(press(idIn(left, survey.english + "  " + survey.chinese + "  (" + std::to_string(surveys) + ")##survey", tab)));
    EXPECT_EQ(s.filter.sources, std::set<std::string>{"survey"});
    ASSERT_TRUE(press(idIn(left, L_("Authors", "Authors"), tab)));
    ASSERT_TRUE(press(idIn(left, "tester", tab)));
    EXPECT_EQ(s.filter.authors, std::set<std::string>{"tester"});
    ASSERT_TRUE(press(idIn(left, L_("Date gathered", "date-gathered"), tab)));
    ASSERT_TRUE(type(idIn(left, L_("from", "from"), tab), "2026-01-01"));
    ASSERT_TRUE(type(idIn(left, L_("to", "to"), tab), "2026-12-31"));
    EXPECT_EQ(s.filter.dateFrom, "2026-01-01");
    EXPECT_EQ(s.filter.dateTo, "2026-12-31");
    EXPECT_TRUE(s.filter.active());
    ASSERT_TRUE(press(idIn(left, L_("Clear filters", "clear-filters"), tab)));
    EXPECT_FALSE(s.filter.active()) << "Clear filters clears them all";
    EXPECT_EQ(board(), before) << "filtering writes nothing";
}

// Death tests run first and in a fresh process each (the App has threads of its own).
using ImGuiAssertDeathTest = DialogsTest;

TEST_F(ImGuiAssertDeathTest, AnAssertionStopsTheProgram) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    // IM_ASSERT in Dear ImGui's headers, compiled into our code, is on under NDEBUG too.
    ImVec2 v{1, 2};
    volatile std::size_t i = 2;
    EXPECT_DEATH((void)v[i], "Dear ImGui assertion failed");
    // And one inside Dear ImGui itself: an EndDisabled without its BeginDisabled.
    EXPECT_DEATH(draw([] { ImGui::EndDisabled(); }), "");
}

// Sorting candidates in the tray: near-duplicates (Merge, Not duplicates) and suggested groups
// (Make insight, Dismiss); the inspector's similar notes.
class SortingTest : public DialogsTest {
protected:
    /// A note made `age` ms later than the board's notes, in the tray or on the wall.
    std::string add(const std::string& text, Millis age, NoteState state = NoteState::Tray, double x = 0, double y = 0) {
        BoardSession& s = *m_app->session();
        Note n = s.editor->makeNote(text, "complaint");
        n.state = state;
        n.created += age;
        n.x = x;
        n.y = y;
        return s.editor->addNote(n);
    }
    std::size_t trayCount() {
        std::size_t count = 0;
        for (const auto& [id, n] : m_app->session()->doc->notes()) count += n.state == NoteState::Tray;
        return count;
    }
    std::string tab() { return "Tray (" + std::to_string(trayCount()) + ")###tray"; }
    ImGuiWindow* left() { return child(shown("##main"), "left"); }
    ImGuiWindow* sorting() { return childIn(left(), "tray-sorting", {"lefttabs", tab()}); }
    void showTray() {
        if (!m_app->panels().tray) run("view.tray");
        draw();
    }
};

TEST_F(SortingTest, TrayMergesANearDuplicateAndDismissesAPair) {
    BoardSession& s = *m_app->session();
    // A wall note and its copy in the tray; two tray notes copying each other.
    const std::string wall = add("退货太慢！等了三周", 1000, NoteState::Pinned, -600, -400);
    const std::string copy = add("退货 太慢，等了三周（来源：问卷）", 2000);
    const std::string older = add("Refund still not received after the call", 3000);
    const std::string younger = add("REFUND still not received after the call - survey 2026", 4000);
    Note w = *s.doc->note(wall), c = *s.doc->note(copy);
    c.tags = {"refund"};
    c.votes = 2;
    s.editor->updateNotes({c});
    const std::string insight = s.editor->addInsight(s.editor->makeInsight("Slow returns", {copy}));
    showTray();
    ASSERT_TRUE(sorting()) << "the tray shows its near-duplicates";
    const std::size_t builds = s.similarity.builds();
    for (int i = 0; i < 5; ++i) draw();
    EXPECT_EQ(s.similarity.builds(), builds) << "the index is not built again while the board stays";

    // Merge keeps the older (the wall's) and takes in the copy: one change, undone in one step.
    BoardState before = board();
    ASSERT_TRUE(press(idIn(sorting(), L_("Merge", "merge"), {wall + "/" + copy})));
    EXPECT_FALSE(s.doc->note(copy)) << "the copy is merged away";
    ASSERT_TRUE(s.doc->note(wall));
    EXPECT_EQ(s.doc->note(wall)->tags, std::vector<std::string>{"refund"});
    EXPECT_EQ(s.doc->note(wall)->votes, w.votes + 2);
    EXPECT_EQ(s.doc->insight(insight)->notes, std::vector<std::string>{wall});
    EXPECT_EQ(board().revision, before.revision + 1);
    EXPECT_EQ(board().notes, before.notes - 1);
    EXPECT_GT(s.similarity.builds(), builds) << "the merge changed the board: the index follows";

    // Not duplicates: the pair goes from the list, the board stays as it is.
    before = board();
    ASSERT_TRUE(press(idIn(sorting(), L_("Not duplicates", "not-duplicates"), {older + "/" + younger})));
    EXPECT_EQ(board(), before);
    EXPECT_TRUE(s.doc->note(older) && s.doc->note(younger));
    EXPECT_FALSE(sorting()) << "no pair left to show";

    ASSERT_TRUE(s.editor->undo());  // the merge
    EXPECT_TRUE(s.doc->note(copy));
    EXPECT_EQ(s.doc->insight(insight)->notes, std::vector<std::string>{copy});
}

TEST_F(SortingTest, TraySuggestsGroupsToMakeInsightsOrDismiss) {
    BoardSession& s = *m_app->session();
    const std::vector<std::string> texts = {
        "退款到账太慢，等了三周", "退款到账很慢，客服说要三周", "Refund arrived slowly, three weeks",
        "退款太慢，三周才到账",   "登录密码重置失败",           "密码重置邮件收不到，登录失败",
        "登录失败，密码重置没反应"};
    for (std::size_t i = 0; i < texts.size(); ++i) add(texts[i], 1000 + static_cast<Millis>(i));
    showTray();
    const auto expected = similarity::Index(similarity::itemsOf(*s.doc, similarity::Scope::Tray)).suggest();
    ASSERT_GE(expected.size(), 2u) << "two themes";

    BoardState before = board();
    ASSERT_TRUE(press(idIn(left(), L_("Suggest groups", "suggest-groups"), {"lefttabs", tab()})));
    EXPECT_EQ(board(), before) << "suggesting writes nothing";
    ASSERT_TRUE(sorting()) << "the groups are shown";

    // The first group's title edited, then Make insight: a draft insight citing its notes.
    const auto& first = expected[0];
    ASSERT_TRUE(replaceText(idIn(sorting(), "##title", {first.notes.front()}), "Refunds are slow"));
    EXPECT_EQ(board(), before) << "typing a title writes nothing";
    ASSERT_TRUE(press(idIn(sorting(), L_("Make insight", "make-insight"), {first.notes.front()})));
    ASSERT_EQ(s.doc->insights().size(), 1u);
    const Insight& made = s.doc->insights().begin()->second;
    EXPECT_EQ(made.title, "Refunds are slow");
    EXPECT_EQ(made.notes, first.notes);
    EXPECT_EQ(made.state, InsightState::Draft);
    EXPECT_EQ(board().revision, before.revision + 1) << "one change";
    EXPECT_FALSE(press(idIn(sorting(), L_("Make insight", "make-insight"), {first.notes.front()}))) << "the group left the list";
    ASSERT_TRUE(s.editor->undo());
    EXPECT_TRUE(s.doc->insights().empty()) << "one undo step";

    // Dismiss the second group: gone from the list, nothing written.
    const auto& second = expected[1];
    before = board();
    ASSERT_TRUE(press(idIn(sorting(), L_("Dismiss", "dismiss-group"), {second.notes.front()})));
    EXPECT_EQ(board(), before);
    EXPECT_FALSE(press(idIn(sorting(), L_("Dismiss", "dismiss-group"), {second.notes.front()})));

    // Hide suggestions: the list goes (no near-duplicates here, so the whole part does).
    ASSERT_TRUE(press(idIn(sorting(), L_("Hide suggestions", "hide-suggestions"))));
    EXPECT_EQ(board(), before);
    EXPECT_FALSE(sorting());
}

TEST_F(SortingTest, InspectorListsSimilarNotesAndGoesToOne) {
    BoardSession& s = *m_app->session();
    const std::string a = add("退款到账太慢，等了三周", 1000, NoteState::Pinned, -600, -400);
    const std::string b = add("退款到账很慢，要等三周", 2000, NoteState::Pinned, 500, 300);
    const std::string tray = add("退款到账慢，三周", 3000);  // in the tray: listed, with no go
    s.selection.set({a});
    draw();
    draw();
    ImGuiWindow* inspector = child(shown("##main"), "inspector");
    ASSERT_TRUE(inspector);
    const BoardState before = board();
    EXPECT_FALSE(press(idIn(inspector, L_("go", "go-similar"), {tray}))) << "a note in the tray has no place to go to";
    ASSERT_TRUE(press(idIn(inspector, L_("go", "go-similar"), {b})));
    EXPECT_EQ(s.selection.ids(), std::vector<std::string>{b}) << "go selects the similar note on the wall";
    EXPECT_EQ(board(), before);
}

TEST_F(SortingTest, InspectorOffersANearDuplicateOnTheWallForMerging) {
    BoardSession& s = *m_app->session();
    const std::string older = add("Transfers take three days.", 1000, NoteState::Pinned, -600, -400);
    const std::string copy = add("transfers take three days", 2000, NoteState::Pinned, 500, 300);
    s.selection.set({copy});
    draw();
    draw();
    ImGuiWindow* inspector = child(shown("##main"), "inspector");
    ASSERT_TRUE(inspector);
    const BoardState before = board();
    ASSERT_TRUE(press(idIn(inspector, L_("Merge", "merge-duplicate"), {older})));
    EXPECT_EQ(board().notes, before.notes - 1);
    EXPECT_EQ(board().revision, before.revision + 1) << "one change";
    EXPECT_TRUE(s.doc->note(older)) << "the older note is kept";
    EXPECT_FALSE(s.doc->note(copy));
    EXPECT_EQ(s.selection.ids(), std::vector<std::string>{older}) << "the kept note is selected";
    run("edit.undo");
    EXPECT_TRUE(s.doc->note(copy)) << "undo brings the copy back";
}
