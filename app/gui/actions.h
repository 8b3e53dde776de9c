#pragma once
// The window's action table (after ImHex's shortcut manager): each thing a person can do from a
// menu or a key is registered once, with its id, its place in the menus, its keys, when it is
// enabled and what it does. The menu bar, the keyboard shortcuts, the help window's key names
// and the tests all read this one table.

#include <functional>
#include <string>
#include <vector>

namespace cc::gui {

/// One key combination. Keys are GLFW key codes (as Dear ImGui 1.86's GLFW backend reports them).
struct Chord {
    enum class Shift { Any, Up, Down };
    int key = 0;
    bool ctrl = false;
    Shift shift = Shift::Any;  ///< Up: only without Shift (Ctrl+Z undoes, Ctrl+Shift+Z redoes)
    bool shown = true;         ///< false: an alternative not named in menus or help (keypad, Backspace)
    bool repeat = false;       ///< held down, it acts again (panning with the arrows)
};

/// What an action may change; the action-table test checks that an action changes nothing else.
enum Effect : unsigned {
    kNoEffect = 0,
    kDocument = 1u << 0,   ///< the board's records
    kSelection = 1u << 1,
    kCamera = 1u << 2,     ///< where the wall is looked at from
    kPanels = 1u << 3,     ///< which side panels and windows are shown
    kDialog = 1u << 4,     ///< opens a dialog
    kClipboard = 1u << 5,
    kSettings = 1u << 6,   ///< theme and badge language (saved)
    kQuit = 1u << 7,
    kStatus = 1u << 8,     ///< the status line
    kWallTool = 1u << 9,   ///< the wall's tool (a link request, a cancelled drag, text editing)
};

struct Action {
    std::string id{};       ///< unique and stable: "edit.undo"
    std::string menu{};     ///< the top menu it appears in ("Edit", N_()); empty: keys only
    std::string label{};    ///< its menu label, in English; marked N_() and translated where drawn
    /// The label is shown as written in every language: a language's name in itself ("English",
    /// "中文"), so a person who cannot read the current one still finds theirs.
    bool verbatim = false;
    std::string submenu{};  ///< non-empty: the item sits in this submenu of its menu (English, N_())
    std::vector<Chord> keys{};
    bool separatorBefore = false;  ///< a line above it in its menu
    std::function<bool()> enabled{};      ///< empty: always
    std::function<bool()> checked{};      ///< non-empty: a menu item with a check mark
    std::function<void()> run{};
    /// The key does something other than the menu item (empty: the same).
    std::function<void()> runFromKey{};
    /// Said when the key is pressed while the action is disabled ("" : the key does nothing then).
    std::function<void()> whenDisabled{};
    unsigned effects = kNoEffect;

    bool isEnabled() const { return !enabled || enabled(); }
};

/// A top-level menu, in menu-bar order.
struct Menu {
    std::string name{};
    std::function<bool()> enabled{};  ///< empty: always
};

class ActionTable {
public:
    /// Adds a menu to the bar (menus appear in the order added).
    void addMenu(Menu menu) { m_menus.push_back(std::move(menu)); }
    /// Registers an action; its menu items appear in the order registered.
    Action& add(Action action);

    const std::vector<Action>& all() const { return m_actions; }
    const std::vector<Menu>& menus() const { return m_menus; }
    /// The action with this id, or null.
    const Action* find(const std::string& id) const;

    /// Runs an action as its menu item would; false when there is no such action or it is disabled.
    bool trigger(const std::string& id) const;

    /// Draws the menu bar's menus (between BeginMenuBar and EndMenuBar) and runs what was chosen.
    void drawMenus() const;
    /// Runs the actions whose keys were pressed this frame (the caller decides when keys are
    /// shortcuts at all, e.g. not while typing).
    void handleKeys() const;

    /// The keys of an action as a menu shows them: its first shown chord ("Ctrl+Shift+Z", "Del").
    static std::string menuKeys(const Action& a);
    /// The keys of an action as the help window names them: every shown chord ("Ctrl+Shift+Z or Ctrl+Y").
    static std::string helpKeys(const Action& a);
    /// A chord's name; `longNames`: "Delete" rather than "Del".
    static std::string chordName(const Chord& c, bool longNames);
    /// Fills "{action.id}" in a help line with that action's helpKeys; throws std::out_of_range
    /// for an id that is not registered.
    std::string expandHelp(const std::string& line) const;

private:
    std::vector<Menu> m_menus;
    std::vector<Action> m_actions;
};

}  // namespace cc::gui
