// The App: wires the window, the board session, the wall view and the panels. It draws menus
// and the status bar and routes keyboard shortcuts; everything else lives in the views.
#include "app/window_launch.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_stdlib.h>
#include <stb/stb_image_write.h>

#include <chrono>
#include <deque>
#include <cmath>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "storage/board_file.h"
#include "storage/clipboard.h"
#include "storage/pg/pg_board.h"
#include "app/gui/fonts.h"
#include "app/gui/import_dialog.h"
#include "storage/output_file.h"
#include "app/gui/summary_dialog.h"
#include "app/gui/panels.h"
#include "app/gui/activity_panel.h"
#include "app/gui/tray_panel.h"
#include "app/settings.h"
#include "canvas/templates.h"
#include "canvas/wall_commands.h"
#include "app/gui/wall_view.h"

namespace cc {

namespace {

using gui::BoardSession;
using gui::Fonts;
using gui::ThemeKind;
using gui::WallView;

bool haveDisplay() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

void explainNoDisplay(const std::string& board) {
    explainWindowUnavailable(std::cerr, "no display (DISPLAY is not set)", board);
}

bool g_activity = true;  // set by any input event; an idle window waits instead of drawing
std::vector<std::string> g_dropped;  // files dropped on the window, for the next frame

// Dear ImGui 1.86 samples its input once a frame: a key pressed and released between two frames
// (a fast typist, a tool like xdotool) would never be seen, Ctrl released before the frame would
// turn Ctrl+V into V, and a click that arrives with the last typed characters would end the
// editing before they reach the text. So keys, typed characters and mouse buttons wait in one
// queue and are handed over in order, a frame's worth at a time: once a frame has seen a key go
// down, the next release waits for the next frame; a mouse button waits for the next frame when
// keys or characters went before it in this one.
GLFWkeyfun g_imguiKeyCallback = nullptr;
GLFWcharfun g_imguiCharCallback = nullptr;
GLFWmousebuttonfun g_imguiMouseCallback = nullptr;
struct InputEvent {
    enum class Kind { Key, Char, Button } kind;
    int key = 0, scancode = 0, action = 0, mods = 0;  // Key; Button uses key for the button
    unsigned codepoint = 0;                           // Char
    double x = 0, y = 0, time = 0;                    // Button: where and when
};
std::deque<InputEvent> g_input;

// Double-clicks are recognised here, from the press times, rather than by Dear ImGui from its
// frames: on a slow frame both presses of a double-click can fall into one frame.
double g_lastPressTime = -1, g_lastPressX = 0, g_lastPressY = 0;
bool g_doubleClick = false;
// The pointer as the event stream left it (glfwGetCursorPos would ask the server for where it is
// now, which is wrong for events that waited in the queue behind a slow frame).
double g_cursorX = 0, g_cursorY = 0;
// Where the last left press happened, for the frame that handles it.
bool g_pressed = false, g_released = false;
double g_pressX = 0, g_pressY = 0, g_releaseX = 0, g_releaseY = 0;

void keyCallback(GLFWwindow*, int key, int scancode, int action, int mods) {
    g_activity = true;
    if (g_input.size() < 4096) g_input.push_back({InputEvent::Kind::Key, key, scancode, action, mods});
}

void charCallback(GLFWwindow*, unsigned codepoint) {
    g_activity = true;
    InputEvent e{InputEvent::Kind::Char};
    e.codepoint = codepoint;
    if (g_input.size() < 4096) g_input.push_back(e);
}

void mouseCallback(GLFWwindow*, int button, int action, int mods) {
    g_activity = true;
    InputEvent e{InputEvent::Kind::Button, button, 0, action, mods};
    e.x = g_cursorX;
    e.y = g_cursorY;
    e.time = glfwGetTime();
    if (g_input.size() < 4096) g_input.push_back(e);
}

void deliverButton(GLFWwindow* w, const InputEvent& e) {
    if (e.key == GLFW_MOUSE_BUTTON_LEFT && e.action == GLFW_PRESS) {
        if (!g_pressed) {  // the first press of the frame is the one the frame handles
            g_pressed = true;
            g_pressX = e.x;
            g_pressY = e.y;
        }
        if (g_lastPressTime >= 0 && e.time - g_lastPressTime < 0.4 && std::hypot(e.x - g_lastPressX, e.y - g_lastPressY) < 6) {
            g_doubleClick = true;
            g_lastPressTime = -1;
        } else {
            g_lastPressTime = e.time;
            g_lastPressX = e.x;
            g_lastPressY = e.y;
        }
    }
    if (e.key == GLFW_MOUSE_BUTTON_LEFT && e.action == GLFW_RELEASE) {
        g_released = true;
        g_releaseX = e.x;
        g_releaseY = e.y;
    }
    if (g_imguiMouseCallback) g_imguiMouseCallback(w, e.key, e.action, e.mods);
}

void feedQueuedInput(GLFWwindow* w) {
    bool pressedNow = false, typedNow = false;
    // While a text field has the keyboard, plain typing keys need no pacing: their text comes
    // through the character events, and holding them back would only make the wall lag behind.
    const bool typing = ImGui::GetIO().WantTextInput;
    while (!g_input.empty()) {
        const InputEvent e = g_input.front();
        if (e.kind == InputEvent::Kind::Button) {
            if (typedNow) break;  // the typing reaches its field first
            g_input.pop_front();
            deliverButton(w, e);
            continue;
        }
        if (e.kind == InputEvent::Kind::Char) {
            g_input.pop_front();
            typedNow = true;
            if (g_imguiCharCallback) g_imguiCharCallback(w, e.codepoint);
            continue;
        }
        const bool plainTyping = typing && e.key >= GLFW_KEY_SPACE && e.key <= GLFW_KEY_GRAVE_ACCENT &&
                                 !(e.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER));
        if (!plainTyping) {
            if (e.action == GLFW_RELEASE && pressedNow) break;
            if (e.action == GLFW_PRESS) pressedNow = true;
        }
        typedNow = true;
        g_input.pop_front();
        if (g_imguiKeyCallback) g_imguiKeyCallback(w, e.key, e.scancode, e.action, e.mods);
    }
    if (!g_input.empty()) g_activity = true;  // the rest go to the next frame
}

class App {
public:
    App(GLFWwindow* window, const WindowOptions& options, float scale)
        : m_window(window), m_options(options), m_scale(scale), m_settings(Settings::load()) {
        m_theme = m_settings.get("theme").value_or("light") == "dark" ? ThemeKind::Dark : ThemeKind::Light;
        m_chineseBadges = m_settings.get("badges").value_or("en") == "zh";
        gui::applyStyle(m_theme, m_scale);
        m_fonts = std::make_unique<Fonts>();
        if (options.mode != WindowOptions::Mode::Interactive) m_showInspector = false;
        // A team server that wants a password it finds nowhere (password file, environment) asks
        // here: the board dialog shows a password field. The password stays in memory only.
        if (options.mode == WindowOptions::Mode::Interactive)
            setServerPasswordPrompt([this](const std::string&) -> std::optional<std::string> {
                if (!m_dialogPassword.empty()) return m_dialogPassword;
                m_dialogNeedsPassword = true;
                return std::nullopt;
            });
    }
    ~App() {
        setServerPasswordPrompt(nullptr);
        forgetPassword();
    }

    /// The board named on the command line wants a password: ask for it in the board dialog.
    bool wantsPassword() const { return m_dialogNeedsPassword; }
    void askForBoard(const std::string& address) {
        m_dialogPath = address;
        m_dialogCreate = false;
        m_openDialog = true;
    }

    void forgetPassword() {
        std::fill(m_dialogPassword.begin(), m_dialogPassword.end(), '\0');
        m_dialogPassword.clear();
    }

    bool openBoard(const std::string& path) {
        try {
            auto s = BoardSession::open(path, m_options.author);
            forgetPassword();  // the connection keeps what it needs to reconnect
            m_dialogNeedsPassword = false;
            // A server board is remembered by its address without any password.
            const std::string remembered =
                isServerAddress(path) ? s->file->address() : std::filesystem::absolute(path).string();
            setSession(std::move(s));
            remember("last_board", remembered);
            return true;
        } catch (const std::exception& e) {
            m_dialogError = e.what();
            return false;
        }
    }

    bool createBoard(const std::string& path, const std::string& title, const std::string& templ) {
        try {
            auto s = BoardSession::create(path, title, templ, m_options.author);
            forgetPassword();
            m_dialogNeedsPassword = false;
            const std::string remembered =
                isServerAddress(path) ? s->file->address() : std::filesystem::absolute(path).string();
            setSession(std::move(s));
            remember("last_board", remembered);
            return true;
        } catch (const std::exception& e) {
            m_dialogError = e.what();
            return false;
        }
    }

    /// One frame; returns the wall's stats (for the frames command).
    void frame(bool swap = true) {
        feedQueuedInput(m_window);
        prepareFonts();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        // Dear ImGui 1.86 reads the pointer once a frame: a press and a move that arrive before
        // the same frame would count as a press where the pointer ended up, on another widget
        // perhaps. The frame that sees a press sees the pointer where it was pressed.
        if (g_pressed) ImGui::GetIO().MousePos = ImVec2(static_cast<float>(g_pressX), static_cast<float>(g_pressY));
        ImGui::NewFrame();
        if (m_wall) {
            m_wall->setDoubleClick(std::exchange(g_doubleClick, false));
            if (std::exchange(g_pressed, false))
                m_wall->setPressPosition(ImVec2(static_cast<float>(g_pressX), static_cast<float>(g_pressY)));
            if (std::exchange(g_released, false))
                m_wall->setReleasePosition(ImVec2(static_cast<float>(g_releaseX), static_cast<float>(g_releaseY)));
        }
        ImGui::PushFont(m_fonts->ui());
        drawMain();
        ImGui::PopFont();
        ImGui::Render();
        int w, h;
        glfwGetFramebufferSize(m_window, &w, &h);
        glViewport(0, 0, w, h);
        const ImU32 bg = gui::palette(m_theme).background;
        glClearColor(((bg >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f, ((bg >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f,
                     ((bg >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (swap) glfwSwapBuffers(m_window);
    }

    /// Commits whatever is being typed (closing the window loses nothing).
    void shutdown() {
        if (m_wall) m_wall->commitEditing();
        if (m_session) m_session->file->leave(m_session->me.session);
    }

    WallView* wall() { return m_wall.get(); }
    /// Other windows' and command-line commits to the same board: applied here, never undone
    /// by this window's undo; and who else is here. True when the view must be drawn again.
    bool pullRemote() {
        if (!m_session) return false;
        try {
            const bool others = m_session->heartbeat(m_wall && m_wall->editing() ? m_wall->editingId() : std::string());
            if (others)
                for (const auto& p : m_session->others) m_fonts->addText(p.name);
            const bool pulled = m_session->pullRemote(m_wall && m_wall->editing() ? m_wall->editingId() : std::string());
            // A server that went away (or came back) changes the status bar: draw it now, not at
            // the next input.
            std::string connection = m_session->file->connectionStatus();
            const bool connectionChanged = connection != m_connectionShown;
            m_connectionShown = std::move(connection);
            return pulled || others || connectionChanged;
        } catch (const std::exception& e) {
            m_status = e.what();
            m_statusIsError = true;
            return true;
        }
    }
    BoardSession* session() { return m_session.get(); }
    bool wantsClose() const { return m_quit; }
    bool busy() const {
        return m_import.busy() || m_summary.busy() || (m_wall && (m_wall->editing() || m_wall->tool().state() != WallTool::State::Idle));
    }
    /// Files dropped on the window: import them.
    void dropped(std::vector<std::string> files) {
        if (m_session) m_import.open(std::move(files));
    }

private:
    void setSession(std::unique_ptr<BoardSession> s) {
        if (m_wall) m_wall->commitEditing();
        m_wall.reset();
        m_session = std::move(s);
        m_session->me.session = newId("s");
        m_session->me.name = m_options.author;
        m_session->me.colour = colourOfUser();
        m_wall = std::make_unique<WallView>(*m_session, *m_fonts);
        m_wall->setTraySource([this] { return m_tray.dragged(*m_session); });
        m_inspector.onHistory = [this](const std::string& id) {
            m_activity.showNote(id);
            m_showActivity = true;
            m_selectActivityTab = true;
        };
        m_showTray = m_session->facts.update(*m_session->doc).counts().inTray > 0;
        const BoardInfo& b = m_session->doc->board();
        m_fonts->addText(b.title);
        for (const auto& q : b.quadrants) m_fonts->addText(q.title + q.description);
        for (const auto& [id, n] : m_session->doc->notes()) m_fonts->addText(n.text + n.author + n.segment);
        for (const auto& [id, l] : m_session->doc->links()) m_fonts->addText(l.label);
        for (const auto& k : m_session->doc->sourceKinds().all()) m_fonts->addText(k.chinese);
        m_fontRevision = m_session->doc->revision();
        glfwSetWindowTitle(m_window, (b.title + "  —  " + m_session->file->shortName() +
                                      "  —  Customer Canvas").c_str());
        m_status.clear();
    }

    /// The user's colour: the `colour` setting (#RRGGBB), else one from their name.
    std::uint32_t colourOfUser() const {
        if (auto c = m_settings.get("colour"); c && c->size() == 7 && (*c)[0] == '#') {
            try {
                return static_cast<std::uint32_t>(std::stoul(c->substr(1), nullptr, 16)) & 0xFFFFFF;
            } catch (const std::exception&) {
            }
        }
        return colourForName(m_options.author);
    }

    /// Keeps a setting if the file can hold it (a path with a line break cannot), and saves.
    void remember(const std::string& key, const std::string& value) {
        if (!Settings::valueProblem(value).empty()) return;
        m_settings.set(key, value);
        trySaveSettings();
    }

    void trySaveSettings() {
        try {
            m_settings.save();
        } catch (const std::exception&) {
            // Settings are a convenience; a read-only home must not stop the work.
        }
    }

    void prepareFonts() {
        ImGuiIO& io = ImGui::GetIO();
        for (ImWchar c : io.InputQueueCharacters) m_fonts->addCodepoint(c);
        if (m_session && m_fontRevision != m_session->doc->revision()) {
            // Text can arrive without typing (paste, undo of a delete): look at what changed.
            for (const auto& [id, n] : m_session->doc->notes())
                if (n.updated >= m_fontCheckTime) m_fonts->addText(n.text + n.author + n.segment);
            for (const auto& [id, l] : m_session->doc->links()) m_fonts->addText(l.label);
            m_fontRevision = m_session->doc->revision();
        }
        m_fontCheckTime = nowMillis() - 60'000;
        if (m_fonts->dirty()) {
            m_fonts->build(m_scale);
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }

    template <class F>
    void guarded(F f) {
        try {
            f();
        } catch (const std::exception& e) {
            m_status = e.what();
            m_statusIsError = true;
        }
    }

    void copySelection(bool cut) {
        if (!m_session || m_session->selection.empty()) return;
        ImGui::SetClipboardText(notesToClipboard(*m_session->doc, m_session->selection.ids()).c_str());
        if (cut) guarded([&] { m_session->editor->deleteNotes(m_session->selection.ids()); });
        m_session->pruneSelection();
    }

    void paste() {
        const char* clip = ImGui::GetClipboardText();
        if (!m_session || !clip || !*clip) return;
        const std::string text = clip;
        auto [x, y] = m_wall->pointerOnWall();
        guarded([&] {
            std::vector<std::string> ids;
            std::string repaired;
            if (auto notes = notesFromClipboard(text, m_session->doc->sourceKinds())) {
                for (const auto& n : notes->notes) m_fonts->addText(n.text);
                ids = pasteNotes(*m_session->editor, std::move(notes->notes), std::move(notes->links), x, y);
                if (!notes->repairs.empty())
                    repaired = " (repaired on reading: " + notes->repairs.front() +
                               (notes->repairs.size() > 1 ? " and " + std::to_string(notes->repairs.size() - 1) + " more" : "") + ")";
            } else {
                m_fonts->addText(text);
                ids = pasteText(*m_session->editor, text.substr(0, limits::kTextBytes * 16), x, y);
            }
            m_session->selection.set(ids);
            m_status = "pasted " + std::to_string(ids.size()) + (ids.size() == 1 ? " note" : " notes") + repaired;
            m_statusIsError = false;
        });
    }

    void shortcuts() {
        ImGuiIO& io = ImGui::GetIO();
        if (!m_session || io.WantTextInput || m_wall->editing() || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
            return;
        auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
        auto& ed = *m_session->editor;
        if (io.KeyCtrl) {
            if (pressed(GLFW_KEY_Z) && !io.KeyShift) guarded([&] { ed.undo(); });
            if ((pressed(GLFW_KEY_Z) && io.KeyShift) || pressed(GLFW_KEY_Y)) guarded([&] { ed.redo(); });
            if (pressed(GLFW_KEY_A)) {
                std::vector<std::string> all;
                for (const Note* n : m_session->doc->sortedNotes())
                    if (n->state == NoteState::Pinned) all.push_back(n->id);
                m_session->selection.set(all);
            }
            if (pressed(GLFW_KEY_D) && !m_session->selection.empty())
                guarded([&] { m_session->selection.set(duplicateNotes(ed, m_session->selection.ids(), 30, 30)); });
            if (pressed(GLFW_KEY_C)) copySelection(false);
            if (pressed(GLFW_KEY_X)) copySelection(true);
            if (pressed(GLFW_KEY_V)) paste();
            if (pressed(GLFW_KEY_F)) {
                m_showFilters = true;
                m_selectFiltersTab = true;
                m_filters.focusSearch();
            }
            if (pressed(GLFW_KEY_0) || pressed(GLFW_KEY_KP_0)) m_wall->fitWall();
            if (pressed(GLFW_KEY_1) || pressed(GLFW_KEY_KP_1)) m_wall->zoomActual();
            if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD)) m_wall->zoomBy(1.25);
            if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT)) m_wall->zoomBy(0.8);
            if (pressed(GLFW_KEY_Q)) m_quit = true;
            if (pressed(GLFW_KEY_I)) m_import.open();
            if (pressed(GLFW_KEY_H)) openActivity(m_session->selection.size() == 1);
            return;
        }
        if ((pressed(GLFW_KEY_DELETE) || pressed(GLFW_KEY_BACKSPACE)) && !m_session->selection.empty())
            guarded([&] {
                ed.deleteNotes(m_session->selection.ids());
                m_session->selection.clear();
            });
        if (pressed(GLFW_KEY_L) && !m_wall->tool().requestLinkForSelection()) {
            m_status = "select exactly two notes to link them (L)";
            m_statusIsError = false;
        }
        if (pressed(GLFW_KEY_ESCAPE)) m_wall->escape();
        if ((pressed(GLFW_KEY_ENTER) || pressed(GLFW_KEY_F2)) && m_session->selection.size() == 1)
            m_wall->editNote(m_session->selection.ids()[0]);
        const float step = 80 * m_scale;
        if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) m_wall->panBy(-step, 0);
        if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) m_wall->panBy(step, 0);
        if (ImGui::IsKeyPressed(GLFW_KEY_UP)) m_wall->panBy(0, -step);
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) m_wall->panBy(0, step);
    }

    void menus() {
        if (!ImGui::BeginMenuBar()) return;
        if (ImGui::BeginMenu("File")) {
            if (ImGui::MenuItem("New board…")) openDialog(true);
            if (ImGui::MenuItem("Open board…")) openDialog(false);
            ImGui::Separator();
            if (ImGui::MenuItem("Import documents…", "Ctrl+I", false, m_session != nullptr)) m_import.open();
            if (ImGui::MenuItem("Export monthly summary…", nullptr, false, m_session != nullptr)) m_summary.open(*m_session);
            ImGui::Separator();
            if (ImGui::MenuItem("Quit", "Ctrl+Q")) m_quit = true;
            ImGui::EndMenu();
        }
        const bool has = m_session != nullptr;
        if (ImGui::BeginMenu("Edit", has)) {
            auto& ed = *m_session->editor;
            if (ImGui::MenuItem("Undo", "Ctrl+Z", false, ed.canUndo())) guarded([&] { ed.undo(); });
            if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, ed.canRedo())) guarded([&] { ed.redo(); });
            ImGui::Separator();
            const bool sel = !m_session->selection.empty();
            if (ImGui::MenuItem("Cut", "Ctrl+X", false, sel)) copySelection(true);
            if (ImGui::MenuItem("Copy", "Ctrl+C", false, sel)) copySelection(false);
            if (ImGui::MenuItem("Paste", "Ctrl+V")) paste();
            if (ImGui::MenuItem("Duplicate", "Ctrl+D", false, sel))
                guarded([&] { m_session->selection.set(duplicateNotes(ed, m_session->selection.ids(), 30, 30)); });
            if (ImGui::MenuItem("Delete", "Del", false, sel))
                guarded([&] {
                    ed.deleteNotes(m_session->selection.ids());
                    m_session->selection.clear();
                });
            ImGui::Separator();
            if (ImGui::MenuItem("Link the two selected…", "L", false, m_session->selection.size() == 2))
                m_wall->tool().requestLinkForSelection();
            if (ImGui::MenuItem("Select all", "Ctrl+A")) {
                std::vector<std::string> all;
                for (const Note* n : m_session->doc->sortedNotes())
                    if (n->state == NoteState::Pinned) all.push_back(n->id);
                m_session->selection.set(all);
            }
            if (ImGui::MenuItem("Find…", "Ctrl+F")) {
                m_showFilters = true;
                m_selectFiltersTab = true;
                m_filters.focusSearch();
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("View")) {
            if (ImGui::MenuItem("Fit wall", "Ctrl+0", false, has)) m_wall->fitWall();
            if (ImGui::MenuItem("Zoom 100 %", "Ctrl+1", false, has)) m_wall->zoomActual();
            if (ImGui::MenuItem("Zoom in", "Ctrl+=", false, has)) m_wall->zoomBy(1.25);
            if (ImGui::MenuItem("Zoom out", "Ctrl+-", false, has)) m_wall->zoomBy(0.8);
            ImGui::Separator();
            ImGui::MenuItem("Inspector", nullptr, &m_showInspector);
            ImGui::MenuItem("Tray", nullptr, &m_showTray);
            ImGui::MenuItem("Filters", nullptr, &m_showFilters);
            if (ImGui::MenuItem("Activity and history", "Ctrl+H", m_showActivity, has))
                m_showActivity ? void(m_showActivity = false) : openActivity(false);
            ImGui::MenuItem("Floating legend", nullptr, &m_showLegend);
            ImGui::MenuItem("Minimap", nullptr, &m_showMinimap);
            ImGui::Separator();
            bool dark = m_theme == ThemeKind::Dark;
            if (ImGui::MenuItem("Dark theme", nullptr, &dark)) {
                m_theme = dark ? ThemeKind::Dark : ThemeKind::Light;
                gui::applyStyle(m_theme, m_scale);
                m_settings.set("theme", dark ? "dark" : "light");
                trySaveSettings();
            }
            if (ImGui::MenuItem("Source badges in Chinese", nullptr, &m_chineseBadges)) {
                m_settings.set("badges", m_chineseBadges ? "zh" : "en");
                trySaveSettings();
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Help")) {
            if (ImGui::MenuItem("Keyboard and mouse")) m_showHelp = true;
            ImGui::EndMenu();
        }
        ImGui::EndMenuBar();
    }

    void openDialog(bool create) {
        m_dialogCreate = create;
        m_dialogError.clear();
        m_openDialog = true;
        if (m_dialogPath.empty()) m_dialogPath = create ? "new-board.ccboard" : "";
    }

    void boardDialog() {
        if (m_openDialog) {
            ImGui::OpenPopup("Board file");
            m_openDialog = false;
        }
        ImGui::SetNextWindowSize({640 * m_scale, 0});
        if (!ImGui::BeginPopupModal("Board file", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
        ImGui::TextUnformatted(m_dialogCreate ? "Create a new board: a file, or an address on a team server"
                                              : "Open a board: a file, or an address on a team server");
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##path", "path/to/board.ccboard", &m_dialogPath);
        m_fonts->addText(m_dialogPath);
        if (m_dialogCreate) {
            ImGui::SetNextItemWidth(300 * m_scale);
            ImGui::InputTextWithHint("title", "board title", &m_dialogTitle);
            m_fonts->addText(m_dialogTitle);
            const auto& keys = templateKeys();
            if (ImGui::BeginCombo("template", keys[m_dialogTemplate].c_str())) {
                for (int i = 0; i < static_cast<int>(keys.size()); ++i)
                    if (ImGui::Selectable(keys[i].c_str(), i == m_dialogTemplate)) m_dialogTemplate = i;
                ImGui::EndCombo();
            }
        } else if (isServerAddress(m_dialogPath)) {
            ImGui::TextDisabled("A board on a team server: name it with ?board=NAME at the end of the address.");
        } else {
            // Board files in the folder of the path typed so far.
            std::error_code ec;
            std::filesystem::path dir = std::filesystem::path(m_dialogPath).parent_path();
            if (dir.empty()) dir = ".";
            ImGui::BeginChild("files", {0, 160 * m_scale}, true);
            int shown = 0;
            for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
                if (shown > 500) break;
                if (e.path().extension() != kBoardExtension) continue;
                ++shown;
                const std::string p = e.path().string();
                m_fonts->addText(p);
                if (ImGui::Selectable(p.c_str(), p == m_dialogPath, ImGuiSelectableFlags_AllowDoubleClick)) {
                    m_dialogPath = p;
                    if (ImGui::IsMouseDoubleClicked(0) && openBoard(p)) ImGui::CloseCurrentPopup();
                }
            }
            if (!shown) ImGui::TextDisabled("No .ccboard files in %s", dir.string().c_str());
            ImGui::EndChild();
        }
        if (m_dialogNeedsPassword && isServerAddress(m_dialogPath)) {
            ImGui::TextUnformatted("The server asks for your password:");
            if (!m_passwordFocused) {
                ImGui::SetKeyboardFocusHere();
                m_passwordFocused = true;
            }
            ImGui::SetNextItemWidth(300 * m_scale);
            ImGui::InputText("##password", &m_dialogPassword, ImGuiInputTextFlags_Password);
        } else {
            m_passwordFocused = false;
        }
        if (!m_dialogError.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.1f, 0.1f, 1});
            ImGui::TextWrapped("%s", m_dialogError.c_str());
            ImGui::PopStyleColor();
        }
        if (ImGui::Button(m_dialogCreate ? "Create" : "Open") || ImGui::IsKeyPressed(GLFW_KEY_ENTER, false)) {
            std::string path = m_dialogPath;
            if (m_dialogCreate && std::filesystem::path(path).extension() != kBoardExtension) path += kBoardExtension;
            const bool ok = m_dialogCreate
                                ? createBoard(path, m_dialogTitle.empty() ? std::filesystem::path(path).stem().string() : m_dialogTitle,
                                              templateKeys()[m_dialogTemplate])
                                : openBoard(path);
            if (ok) ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
            forgetPassword();
            m_dialogNeedsPassword = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    void helpWindow() {
        if (!m_showHelp) return;
        ImGui::SetNextWindowSize({560 * m_scale, 0}, ImGuiCond_Appearing);
        if (ImGui::Begin("Keyboard and mouse", &m_showHelp, ImGuiWindowFlags_NoSavedSettings)) {
            const char* rows[][2] = {
                {"Double-click empty wall", "new note there, typing fills it"},
                {"Double-click a note / Enter", "edit its text (Escape or a click outside ends)"},
                {"Click, Shift/Ctrl-click", "select, add to the selection"},
                {"Drag on empty wall", "select with a rectangle"},
                {"Drag notes", "move them (across quadrants re-files them)"},
                {"Drag the blue handle to a note, or L", "link: supports / conflicts / relates"},
                {"Right/middle drag, Space+drag, arrows", "pan"},
                {"Wheel", "zoom around the pointer"},
                {"Ctrl+0 / Ctrl+1", "fit wall / 100 %"},
                {"Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y", "undo, redo (your own changes)"},
                {"Delete, Ctrl+D", "delete, duplicate"},
                {"Ctrl+C, Ctrl+X, Ctrl+V", "copy, cut, paste (plain text: a note per paragraph)"},
                {"Ctrl+A, Ctrl+F", "select all, search"},
            };
            if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
                for (auto& r : rows) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(r[0]);
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(r[1]);
                }
                ImGui::EndTable();
            }
            ImGui::TextDisabled("Every change is saved as it happens.");
        }
        ImGui::End();
    }

    void startScreen() {
        ImGui::SetCursorPos({40 * m_scale, 60 * m_scale});
        ImGui::BeginGroup();
        ImGui::TextUnformatted("Customer Canvas");
        ImGui::TextDisabled("The four-quadrant customer canvas for insight teams.");
        ImGui::Spacing();
        if (ImGui::Button("New board…")) openDialog(true);
        ImGui::SameLine();
        if (ImGui::Button("Open board…")) openDialog(false);
        if (!m_dialogError.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.1f, 0.1f, 1});
            ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - 40 * m_scale);
            ImGui::TextWrapped("%s", m_dialogError.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
        }
        ImGui::EndGroup();
    }

    void statusBar() {
        const auto& c = m_session->facts.counts();
        ImGui::SetCursorPosX(8 * m_scale);
        const std::string file = m_session->file->shortName();
        ImGui::TextUnformatted(file.c_str());
        ImGui::SameLine(0, 18 * m_scale);
        const std::string connection = m_session->file->connectionStatus();
        if (!connection.empty()) {
            ImGui::TextColored({0.80f, 0.45f, 0.05f, 1}, "%s", connection.c_str());
            ImGui::SameLine(0, 18 * m_scale);
        }
        if (const auto& repairs = m_session->file->repairs(); !repairs.empty()) {
            // Records another program wrote that broke a rule: shown as repaired, never silently.
            ImGui::TextColored({0.80f, 0.45f, 0.05f, 1}, "%zu %s repaired on reading", repairs.size(),
                               repairs.size() == 1 ? "record" : "records");
            if (ImGui::IsItemHovered()) {
                std::string lines;
                for (std::size_t i = 0; i < repairs.size() && i < 12; ++i) lines += repairs[i] + "\n";
                if (repairs.size() > 12) lines += "... (customer-canvas check lists them all)";
                ImGui::SetTooltip("%s", lines.c_str());
            }
            ImGui::SameLine(0, 18 * m_scale);
        }
        if (m_status.empty() || !m_statusIsError) ImGui::TextColored({0.13f, 0.55f, 0.25f, 1}, "all changes saved");
        else ImGui::TextColored({0.85f, 0.15f, 0.15f, 1}, "%s", m_status.c_str());
        ImGui::SameLine(0, 18 * m_scale);
        ImGui::Text("zoom %.0f %%", m_wall->zoomPercent());
        ImGui::SameLine(0, 18 * m_scale);
        ImGui::Text("%d %s on the wall · %d in the tray · %d %s · %d corroborated · %d contested", c.onWall,
                    c.onWall == 1 ? "note" : "notes", c.inTray, c.links, c.links == 1 ? "link" : "links", c.corroborated,
                    c.contested);
        if (!m_session->selection.empty()) {
            ImGui::SameLine(0, 18 * m_scale);
            ImGui::Text("%zu selected", m_session->selection.size());
        }
        if (!m_session->others.empty()) {
            ImGui::SameLine(0, 18 * m_scale);
            ImGui::TextDisabled("here:");
            for (const auto& p : m_session->others) {
                ImGui::SameLine();
                const ImVec4 c{((p.colour >> 16) & 0xFF) / 255.0f, ((p.colour >> 8) & 0xFF) / 255.0f, (p.colour & 0xFF) / 255.0f, 1};
                ImGui::TextColored(c, "● %s", p.name.c_str());
            }
        }
        if (m_session->filter.active()) {
            // Dimmed notes are never hidden without a sign.
            const auto [matching, total] = m_filters.matching(*m_session);
            ImGui::SameLine(0, 18 * m_scale);
            ImGui::TextColored({0.15f, 0.39f, 0.92f, 1}, "filter: %d of %d match", matching, total);
            ImGui::SameLine();
            if (ImGui::SmallButton("clear")) m_session->filter = NoteFilter{};
        }
        if (!m_status.empty() && !m_statusIsError) {
            ImGui::SameLine(0, 18 * m_scale);
            ImGui::TextDisabled("%s", m_status.c_str());
        }
    }

    void drawMain() {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(vp->WorkPos);
        ImGui::SetNextWindowSize(vp->WorkSize);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
        ImGui::Begin("##main", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
        ImGui::PopStyleVar(2);
        menus();
        if (!m_session) {
            startScreen();
        } else {
            shortcuts();
            const float statusH = ImGui::GetFrameHeightWithSpacing();
            const bool left = m_showFilters || m_showTray || m_showActivity;
            const float filtersW = left ? 320 * m_scale : 0;
            const float inspectorW = m_showInspector ? 340 * m_scale : 0;
            const ImGuiWindowFlags panelFlags = ImGuiWindowFlags_AlwaysUseWindowPadding;
            ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {10 * m_scale, 10 * m_scale});
            if (left) {
                ImGui::BeginChild("left", {filtersW, -statusH}, true, panelFlags);
                if (ImGui::BeginTabBar("lefttabs")) {
                    const int inTray = m_session->facts.counts().inTray;
                    const std::string trayLabel = "Tray (" + std::to_string(inTray) + ")###tray";
                    if (m_showTray &&
                        ImGui::BeginTabItem(trayLabel.c_str(), &m_showTray,
                                            std::exchange(m_selectTrayTab, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
                        m_tray.draw(*m_session, *m_fonts, m_scale);
                        ImGui::EndTabItem();
                    }
                    if (m_showFilters && ImGui::BeginTabItem("Filters", &m_showFilters,
                                                             std::exchange(m_selectFiltersTab, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
                        m_filters.draw(*m_session, *m_fonts, m_scale);
                        ImGui::EndTabItem();
                    }
                    if (m_showActivity && ImGui::BeginTabItem("Activity", &m_showActivity,
                                                              std::exchange(m_selectActivityTab, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
                        m_activity.draw(*m_session, *m_wall, *m_fonts, m_scale);
                        ImGui::EndTabItem();
                    }
                    ImGui::EndTabBar();
                }
                ImGui::EndChild();
                ImGui::SameLine(0, 0);
            }
            ImGui::PopStyleVar();
            const float wallW = ImGui::GetContentRegionAvail().x - inspectorW;
            ImGui::BeginChild("wallarea", {wallW, -statusH}, false,
                              ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
            guarded([&] { m_wall->draw(gui::palette(m_theme), m_scale, m_chineseBadges, m_showMinimap); });
            if (std::string msg = m_wall->takeMessage(); !msg.empty()) {
                m_status = msg;
                m_statusIsError = true;
            }
            if (m_showLegend) legendOverlay();
            notices();
            ImGui::EndChild();
            ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {10 * m_scale, 10 * m_scale});
            if (m_showInspector) {
                ImGui::SameLine(0, 0);
                ImGui::BeginChild("inspector", {inspectorW, -statusH}, true, panelFlags);
                m_inspector.draw(*m_session, *m_wall, *m_fonts, m_scale);
                ImGui::Spacing();
                if (ImGui::CollapsingHeader("Legend", m_session->selection.empty() ? ImGuiTreeNodeFlags_DefaultOpen : 0))
                    gui::drawLegend(*m_session, gui::palette(m_theme), m_chineseBadges, m_scale);
                ImGui::EndChild();
            }
            ImGui::PopStyleVar();
            statusBar();
        }
        boardDialog();
        if (m_session && m_import.draw(*m_session, *m_fonts, m_scale)) {
            m_showTray = true;
            m_selectTrayTab = true;
        }
        if (m_session) m_summary.draw(*m_session, m_scale);
        if (std::string msg = m_import.takeMessage(); !msg.empty()) {
            m_status = msg;
            m_statusIsError = false;
        }
        helpWindow();
        ImGui::End();
    }

    void openActivity(bool forSelectedNote) {
        m_showActivity = true;
        m_selectActivityTab = true;
        if (forSelectedNote && m_session && m_session->selection.size() == 1) m_activity.showNote(m_session->selection.ids()[0]);
    }

    /// What others did to this user's work (text replaced, a note deleted while being edited),
    /// at the top of the wall until dismissed, with the button that undoes it for them.
    void notices() {
        auto& list = m_session->notices;
        if (list.empty()) return;
        const ImVec2 min = ImGui::GetWindowPos();
        const ImVec2 size = ImGui::GetWindowSize();
        const float width = std::min(560 * m_scale, size.x - 40 * m_scale);
        ImGui::SetNextWindowPos({min.x + (size.x - width) / 2, min.y + 10 * m_scale});
        ImGui::SetNextWindowSize({width, 0});
        ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(255, 244, 214, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(60, 40, 0, 255));
        ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(220, 160, 40, 255));
        if (ImGui::Begin("##notices", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_AlwaysAutoResize)) {
            std::optional<std::size_t> drop;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const gui::Notice& n = list[i];
                ImGui::PushID(static_cast<int>(i));
                ImGui::PushTextWrapPos(width - 16 * m_scale);
                ImGui::TextWrapped("%s", n.text.c_str());
                ImGui::PopTextWrapPos();
                if (!n.actionLabel.empty() && ImGui::SmallButton(n.actionLabel.c_str())) {
                    guarded([&] { m_session->act(n); });
                    drop = i;
                }
                if (!n.noteId.empty()) {
                    ImGui::SameLine();
                    if (ImGui::SmallButton("History")) {
                        m_activity.showNote(n.noteId);
                        m_showActivity = true;
                        m_selectActivityTab = true;
                        if (m_session->doc->note(n.noteId)) m_wall->focusNote(n.noteId);
                    }
                }
                ImGui::SameLine();
                if (ImGui::SmallButton("Dismiss")) drop = i;
                if (i + 1 < list.size()) ImGui::Separator();
                ImGui::PopID();
            }
            if (drop) list.erase(list.begin() + static_cast<long>(*drop));
        }
        ImGui::End();
        ImGui::PopStyleColor(3);
    }

    void legendOverlay() {
        const ImVec2 min = ImGui::GetWindowPos();
        const ImVec2 size = ImGui::GetWindowSize();
        ImGui::SetNextWindowPos({min.x + 10 * m_scale, min.y + size.y - 10 * m_scale}, ImGuiCond_Always, {0, 1});
        ImGui::SetNextWindowBgAlpha(0.92f);
        if (ImGui::Begin("Sources", &m_showLegend,
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoFocusOnAppearing))
            gui::drawLegend(*m_session, gui::palette(m_theme), m_chineseBadges, m_scale);
        ImGui::End();
    }

    GLFWwindow* m_window;
    WindowOptions m_options;
    float m_scale;
    Settings m_settings;
    ThemeKind m_theme = ThemeKind::Light;
    bool m_chineseBadges = false;
    std::unique_ptr<Fonts> m_fonts;
    std::unique_ptr<BoardSession> m_session;
    std::unique_ptr<WallView> m_wall;
    gui::Inspector m_inspector;
    gui::FiltersPanel m_filters;
    gui::TrayPanel m_tray;
    gui::ActivityPanel m_activity;
    bool m_showActivity = false, m_selectActivityTab = false;
    gui::ImportDialog m_import;
    gui::SummaryDialog m_summary;
    bool m_showTray = false;
    bool m_selectTrayTab = false, m_selectFiltersTab = false;
    bool m_showInspector = true, m_showFilters = false, m_showLegend = false, m_showMinimap = true, m_showHelp = false;
    bool m_quit = false;
    std::string m_status;
    std::string m_connectionShown;  // the connection line the status bar last showed
    bool m_statusIsError = false;
    std::uint64_t m_fontRevision = 0;
    Millis m_fontCheckTime = 0;
    // The board-file dialog.
    bool m_openDialog = false, m_dialogCreate = false;
    std::string m_dialogPassword;  // typed for a team server; wiped once the board is open
    bool m_dialogNeedsPassword = false, m_passwordFocused = false;
    std::string m_dialogPath, m_dialogTitle, m_dialogError;
    int m_dialogTemplate = 0;
};

/// Writes the back buffer as a PNG through an OutputFile; an empty string, or why it failed.
std::string writePng(GLFWwindow* window, const std::string& path) {
    int w, h;
    glfwGetFramebufferSize(window, &w, &h);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom-up; a PNG's top-down.
    std::string png;
    const auto append = [](void* out, void* data, int size) {
        static_cast<std::string*>(out)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (stbi_write_png_to_func(append, &png, w, h, 4, pixels.data() + static_cast<std::size_t>(w) * 4 * (h - 1), -w * 4) == 0)
        return path + ": the picture could not be encoded";
    try {
        writeOutputFile(path, png);
    } catch (const OutputFileError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

int openWindow(const WindowOptions& options) {
    if (!haveDisplay()) {
        explainNoDisplay(options.board);
        return 1;
    }
    std::string board = options.board;
    if (board.empty() && options.mode == WindowOptions::Mode::Interactive) {
        if (auto last = Settings::load().get("last_board"); last && (isServerAddress(*last) || std::filesystem::exists(*last)))
            board = *last;
    }

    std::setlocale(LC_CTYPE, "");  // so X input methods deliver committed text
    glfwSetErrorCallback([](int code, const char* text) { std::cerr << "customer-canvas: GLFW error " << code << ": " << text << "\n"; });
    if (!glfwInit()) {
        std::cerr << "customer-canvas: the window system could not be started\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    if (options.mode != WindowOptions::Mode::Interactive) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "Customer Canvas", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        std::cerr << "customer-canvas: no OpenGL 3.2 window could be created\n";
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.mode == WindowOptions::Mode::Frames ? 0 : 1);
    float xscale = 1, yscale = 1;
    glfwGetWindowContentScale(window, &xscale, &yscale);
    const float scale = std::clamp(xscale, 1.0f, 4.0f);

    // Any input wakes the idle loop; Dear ImGui's backend chains to these callbacks.
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double x, double y) {
        g_activity = true;
        g_cursorX = x;
        g_cursorY = y;
    });
    glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { g_activity = true; });
    glfwSetCharCallback(window, [](GLFWwindow*, unsigned int) { g_activity = true; });
    glfwSetWindowSizeCallback(window, [](GLFWwindow*, int, int) { g_activity = true; });
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { g_activity = true; });
    glfwSetDropCallback(window, [](GLFWwindow*, int count, const char** paths) {
        g_activity = true;
        for (int i = 0; i < count && i < 1000; ++i) g_dropped.emplace_back(paths[i]);
    });
    glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { g_activity = true; });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 150");
    g_imguiKeyCallback = glfwSetKeyCallback(window, keyCallback);
    g_imguiCharCallback = glfwSetCharCallback(window, charCallback);
    g_imguiMouseCallback = glfwSetMouseButtonCallback(window, mouseCallback);

    int status = 0;
    {
        std::unique_ptr<App> app;
        try {
            app = std::make_unique<App>(window, options, scale);
        } catch (const std::exception& e) {
            std::cerr << "customer-canvas: " << e.what() << "\n";
            status = 1;
        }
        if (app && !board.empty() && !app->openBoard(board) && options.mode == WindowOptions::Mode::Interactive &&
            app->wantsPassword()) {
            app->askForBoard(board);  // the server wants a password: the board dialog asks for it
        } else if (app && !board.empty() && !app->session()) {
            // The reason was kept for the start screen; on the command line say it once.
            try {
                BoardSession::open(board, options.author);
            } catch (const std::exception& e) {
                std::cerr << "customer-canvas: " << e.what() << "\n";
            }
            if (options.mode != WindowOptions::Mode::Interactive || !options.board.empty()) status = 1;
        }
        if (app && status == 0) {
            using Mode = WindowOptions::Mode;
            if (options.mode == Mode::Screenshot) {
                // A few frames: the first builds the font atlas with the board's characters.
                for (int i = 0; i < 4; ++i) app->frame();
                if (options.zoom100 && app->wall()) {
                    app->wall()->zoomActual();
                    app->frame();
                }
                app->frame(false);  // the picture is read from the back buffer, before any swap
                glFinish();
                if (const std::string error = writePng(window, options.out); !error.empty()) {
                    std::cerr << "customer-canvas: " << error << "\n";
                    status = 1;
                } else {
                    std::cout << "wrote " << options.out << "\n";
                }
            } else if (options.mode == Mode::Frames) {
                for (int i = 0; i < 5; ++i) app->frame();  // settle: fonts, fit
                if (options.zoom100) {
                    app->wall()->zoomActual();
                    app->frame();
                }
                std::vector<double> ms;
                ms.reserve(options.frames);
                for (int i = 0; i < options.frames; ++i) {
                    const auto t0 = std::chrono::steady_clock::now();
                    glfwPollEvents();
                    // A person dragging the wall: a few pixels a frame, back and forth.
                    app->wall()->panBy(((i / 60) % 2 ? -6.0f : 6.0f), ((i / 90) % 2 ? -3.0f : 3.0f));
                    app->frame();
                    glFinish();
                    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
                }
                std::sort(ms.begin(), ms.end());
                auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * (ms.size() - 1) + 0.5))]; };
                const auto& st = app->wall()->stats();
                std::printf("frames: %d at %dx%d, zoom %s: median %.2f ms, p90 %.2f ms per frame (input to swapped buffer); "
                            "%d notes visible, %d links drawn\n",
                            options.frames, options.width, options.height, options.zoom100 ? "100 %" : "fit", pct(0.5), pct(0.9),
                            st.visible, st.links);
            } else {
                int idle = 0;
                while (!glfwWindowShouldClose(window) && !app->wantsClose()) {
                    // Draw only when something happens (and a few frames after, for ImGui to
                    // settle); look for other processes' commits ten times a second.
                    if (idle > 3 && !app->busy()) glfwWaitEventsTimeout(0.1);
                    else glfwPollEvents();
                    const bool remote = app->pullRemote();
                    if (!g_activity && !remote && idle > 3 && !app->busy()) continue;
                    if (g_activity || remote) idle = 0;
                    g_activity = false;
                    if (!g_dropped.empty()) app->dropped(std::exchange(g_dropped, {}));
                    app->frame();
                    ++idle;
                }
                app->shutdown();
            }
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return status;
}

}  // namespace cc
