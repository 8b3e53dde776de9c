#pragma once
// The App: wires the board session, the wall view, the panels, the dialogs and the action
// table into one window's frame. Each part lives in its own file; what the menus and keys do is
// registered once, in app_actions.cpp.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/gui/actions.h"
#include "app/gui/activity_panel.h"
#include "app/gui/board_dialog.h"
#include "app/gui/board_session.h"
#include "app/gui/fonts.h"
#include "app/gui/import_dialog.h"
#include "app/gui/panels.h"
#include "app/gui/presentation.h"
#include "app/gui/status_bar.h"
#include "app/gui/summary_dialog.h"
#include "app/gui/theme.h"
#include "app/gui/tray_panel.h"
#include "app/gui/wall_view.h"
#include "app/recent_boards.h"
#include "app/window_launch.h"
#include "app/settings.h"

struct GLFWwindow;

namespace cc::gui {

/// Which side panels and windows are shown.
struct PanelState {
    bool inspector = true, tray = false, filters = false, activity = false, legend = false, minimap = true, help = false;
    bool operator==(const PanelState&) const = default;
};

class App {
public:
    /// `window` may be null (tests): then nothing is uploaded to a GPU and no title is set.
    App(GLFWwindow* window, const WindowOptions& options, float scale);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// Opens a board; false with the reason kept for the board dialog and the start screen.
    bool openBoard(const std::string& path);
    bool createBoard(const std::string& path, const std::string& title, const std::string& templ);
    /// Opens a fresh copy of the sample board (the shipped one is never opened itself).
    bool openSampleBoard();
    /// The boards opened lately, newest first.
    const RecentBoards& recentBoards() const { return m_recent; }
    /// The board named on the command line wants a password: ask for it in the board dialog.
    bool wantsPassword() const { return m_boardDialog.needsPassword(); }
    void askForBoard(const std::string& address) { m_boardDialog.askFor(address); }

    /// One frame of the real window: input, fonts, drawing, and the swap (unless `swap` is false).
    void frame(bool swap = true);
    /// Builds the font atlas when new characters arrived (and uploads it, with a window).
    /// The glyphs of the board's records changed since `since` (0: all of them).
    void addRecordText(Millis since);
    void prepareFonts();
    /// The frame's Dear ImGui part, between NewFrame and Render.
    void drawUi();

    /// Commits whatever is being typed (closing the window loses nothing).
    void shutdown();
    /// Other windows' and command-line commits to the same board: applied here, never undone
    /// by this window's undo; and who else is here. True when the view must be drawn again.
    bool pullRemote();
    bool busy() const;
    /// Files dropped on the window: import them.
    void dropped(std::vector<std::string> files);

    WallView* wall() { return m_wall.get(); }
    BoardSession* session() { return m_session.get(); }
    bool wantsClose() const { return m_quit; }
    const ActionTable& actions() const { return m_actions; }
    const PanelState& panels() const { return m_panels; }
    const StatusBar& status() const { return m_status; }
    ThemeKind theme() const { return m_theme; }
    bool chineseBadges() const { return m_chineseBadges; }

private:
    /// Makes the session `openSession` opens (for `path`) the window's board; a failure goes to
    /// the board dialog. True when it opened.
    bool adopt(const std::function<std::unique_ptr<BoardSession>()>& openSession, const std::string& path);
    void registerActions();  // app_actions.cpp
    void setSession(std::unique_ptr<BoardSession> s);
    std::uint32_t colourOfUser() const;
    /// Puts a board first in the recent list and keeps the list in the settings.
    void rememberBoard(const std::string& address, const std::string& title);
    /// The file chooser's places: the board's folder, recent boards' folders, home.
    void updatePlaces();
    /// A calm hint in the middle of an empty wall: how to add the first note.
    void emptyWallHint();
    void trySaveSettings();
    template <class F>
    void guarded(F f) {
        try {
            f();
        } catch (const std::exception& e) {
            m_status.fail(e.what());
        }
    }
    void copySelection(bool cut);
    void paste();
    void openActivity(bool forSelectedNote);
    void showHistory(const std::string& noteId);
    void setTheme(ThemeKind theme);
    /// Switches the interface language ("zh", "en" or "auto") and keeps it as the language setting.
    void setLanguage(const std::string& value);
    void drawMain();
    void drawBoard();
    /// The tray, filters and activity tabs (or their folded strip), left of the wall.
    void drawLeftPanel(float width, float height);
    /// The inspector and the legend (or their folded strip), right of the wall.
    void drawInspector(float width, float height);
    /// Keeps the layout in the settings when a person changed it.
    void layoutChanged();
    /// The wall filling the window, nothing else: what `screenshot` draws unless asked for the window.
    void drawWallAlone();
    void legendOverlay();

    GLFWwindow* m_window;
    WindowOptions m_options;
    float m_scale;
    Settings m_settings;
    RecentBoards m_recent;
    ThemeKind m_theme = ThemeKind::Light;
    bool m_chineseBadges = false;
    std::unique_ptr<Fonts> m_fonts;
    std::unique_ptr<BoardSession> m_session;
    std::unique_ptr<WallView> m_wall;
    ActionTable m_actions;
    Inspector m_inspector;
    FiltersPanel m_filters;
    TrayPanel m_tray;
    ActivityPanel m_activity;
    ImportDialog m_import;
    SummaryDialog m_summary;
    BoardDialog m_boardDialog;
    /// Asks for a team server's password through the board dialog (empty outside a person's window).
    PasswordPrompt m_askPassword;
    StatusBar m_status;
    PanelState m_panels;
    PanelLayout m_layout;
    Presentation m_presentation;
    bool m_selectActivityTab = false, m_selectTrayTab = false, m_selectFiltersTab = false;
    bool m_quit = false;
    std::string m_connectionShown;  // the connection line the status bar last showed
    std::uint64_t m_fontRevision = 0;
    Millis m_fontCheckTime = 0;
};

}  // namespace cc::gui
