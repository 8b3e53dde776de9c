// Every menu command and keyboard shortcut of the window, registered once. To add one: add an
// entry here (in menu order); if it changes the board, put the change in canvas/commands.h and
// call it from `run`; if the help window should name its keys, add a row in help_window.cpp.
#include <GLFW/glfw3.h>

#include "app/gui/app.h"
#include "canvas/commands.h"
#include "app/i18n.h"

namespace cc::gui {

namespace {

using Shift = Chord::Shift;

Chord ctrl(int key, Shift shift = Shift::Any) { return Chord{key, true, shift}; }
Chord plain(int key) { return Chord{key, false}; }
/// An alternative key that menus and help do not name (the keypad's, Backspace).
Chord hidden(Chord c) {
    c.shown = false;
    return c;
}
Chord repeating(Chord c) {
    c.repeat = true;
    return c;
}

}  // namespace

void App::registerActions() {
    ActionTable& t = m_actions;
    const auto has = [this] { return m_session != nullptr; };
    const auto selected = [this] { return m_session && (!m_session->selection.empty() || !m_session->selection.insight().empty()); };

    t.addMenu({N_("File")});
    t.addMenu({N_("Edit"), has});
    t.addMenu({N_("View")});
    t.addMenu({N_("Help")});

    // File
    t.add({.id = "file.new", .menu = N_("File"), .label = N_("New board…"), .run = [this] { m_boardDialog.openNew(); }, .effects = kDialog});
    t.add({.id = "file.open", .menu = N_("File"), .label = N_("Open board…"), .run = [this] { m_boardDialog.openFile(); }, .effects = kDialog});
    t.add({.id = "file.open-server", .menu = N_("File"), .label = N_("Board on a team server…"), .run = [this] { m_boardDialog.openServer(); },
           .effects = kDialog});
    t.add({.id = "file.import", .menu = N_("File"), .label = N_("Import documents…"), .keys = {ctrl(GLFW_KEY_I)}, .separatorBefore = true,
           .enabled = has, .run = [this] { m_import.open(); }, .effects = kDialog});
    t.add({.id = "file.summary", .menu = N_("File"), .label = N_("Export monthly summary…"), .enabled = has,
           .run = [this] { m_summary.open(*m_session); }, .effects = kDialog});
    t.add({.id = "file.quit", .menu = N_("File"), .label = N_("Quit"), .keys = {ctrl(GLFW_KEY_Q)}, .separatorBefore = true,
           .run = [this] { m_quit = true; }, .effects = kQuit});

    // Edit (the menu is there only with a board open)
    t.add({.id = "edit.undo", .menu = N_("Edit"), .label = N_("Undo"), .keys = {ctrl(GLFW_KEY_Z, Shift::Up)},
           .enabled = [this] { return m_session && m_session->editor->canUndo(); },
           .run = [this] { guarded([&] { m_session->editor->undo(); }); }, .effects = kDocument | kSelection});
    t.add({.id = "edit.redo", .menu = N_("Edit"), .label = N_("Redo"), .keys = {ctrl(GLFW_KEY_Z, Shift::Down), ctrl(GLFW_KEY_Y)},
           .enabled = [this] { return m_session && m_session->editor->canRedo(); },
           .run = [this] { guarded([&] { m_session->editor->redo(); }); }, .effects = kDocument | kSelection});
    t.add({.id = "edit.new-note", .menu = N_("Edit"), .label = N_("New note"), .keys = {plain(GLFW_KEY_N)}, .separatorBefore = true,
           .enabled = has, .run = [this] { m_wall->newNote(); }, .effects = kDocument | kSelection | kWallTool});
    t.add({.id = "edit.cut", .menu = N_("Edit"), .label = N_("Cut"), .keys = {ctrl(GLFW_KEY_X)}, .separatorBefore = true,
           .enabled = selected, .run = [this] { copySelection(true); }, .effects = kDocument | kSelection | kClipboard});
    t.add({.id = "edit.copy", .menu = N_("Edit"), .label = N_("Copy"), .keys = {ctrl(GLFW_KEY_C)}, .enabled = selected,
           .run = [this] { copySelection(false); }, .effects = kClipboard | kSelection});
    t.add({.id = "edit.paste", .menu = N_("Edit"), .label = N_("Paste"), .keys = {ctrl(GLFW_KEY_V)}, .enabled = has,
           .run = [this] { paste(); }, .effects = kDocument | kSelection | kStatus});
    t.add({.id = "edit.duplicate", .menu = N_("Edit"), .label = N_("Duplicate"), .keys = {ctrl(GLFW_KEY_D)}, .enabled = selected,
           .run = [this] { guarded([&] { duplicateSelected(*m_session->editor, m_session->selection); }); },
           .effects = kDocument | kSelection});
    t.add({.id = "edit.delete", .menu = N_("Edit"), .label = N_("Delete"), .keys = {plain(GLFW_KEY_DELETE), hidden(plain(GLFW_KEY_BACKSPACE))},
           .enabled = selected, .run = [this] { guarded([&] { deleteSelected(*m_session->editor, m_session->selection); }); },
           .effects = kDocument | kSelection});
    t.add({.id = "edit.link", .menu = N_("Edit"), .label = N_("Link the two selected…"), .keys = {plain(GLFW_KEY_L)}, .separatorBefore = true,
           .enabled = [this] { return m_session && m_session->selection.size() == 2; },
           .run = [this] { m_wall->tool().requestLinkForSelection(); },
           .whenDisabled = [this] { m_status.say(_("select exactly two notes to link them (L)")); }, .effects = kWallTool | kStatus});
    t.add({.id = "edit.group", .menu = N_("Edit"), .label = N_("Group as insight"), .keys = {plain(GLFW_KEY_G)},
           .enabled = [this] { return m_session && !m_session->selection.empty(); },
           .run =
               [this] {
                   guarded([&] {
                       const std::string id = groupAsInsight(*m_session->editor, m_session->selection, _("New insight"));
                       if (!id.empty()) m_wall->editInsightTitle(id);  // named at once, on its frame
                   });
               },
           .whenDisabled = [this] { m_status.say(_("select notes on the wall to group them as an insight (G)")); },
           .effects = kDocument | kSelection | kWallTool | kStatus});
    t.add({.id = "edit.select-all", .menu = N_("Edit"), .label = N_("Select all"), .keys = {ctrl(GLFW_KEY_A)}, .enabled = has,
           .run = [this] { selectAll(*m_session->doc, m_session->selection); }, .effects = kSelection});
    t.add({.id = "edit.find", .menu = N_("Edit"), .label = N_("Find…"), .keys = {ctrl(GLFW_KEY_F)}, .enabled = has,
           .run =
               [this] {
                   m_panels.filters = true;
                   m_selectFiltersTab = true;
                   m_filters.focusSearch();
               },
           .effects = kPanels});

    // View
    t.add({.id = "view.fit", .menu = N_("View"), .label = N_("Fit wall"), .keys = {ctrl(GLFW_KEY_0), hidden(ctrl(GLFW_KEY_KP_0))},
           .enabled = has, .run = [this] { m_wall->fitWall(); }, .effects = kCamera});
    t.add({.id = "view.zoom-100", .menu = N_("View"), .label = N_("Zoom 100 %"), .keys = {ctrl(GLFW_KEY_1), hidden(ctrl(GLFW_KEY_KP_1))},
           .enabled = has, .run = [this] { m_wall->zoomActual(); }, .effects = kCamera});
    t.add({.id = "view.zoom-in", .menu = N_("View"), .label = N_("Zoom in"), .keys = {ctrl(GLFW_KEY_EQUAL), hidden(ctrl(GLFW_KEY_KP_ADD))},
           .enabled = has, .run = [this] { m_wall->zoomBy(1.25); }, .effects = kCamera});
    t.add({.id = "view.zoom-out", .menu = N_("View"), .label = N_("Zoom out"), .keys = {ctrl(GLFW_KEY_MINUS), hidden(ctrl(GLFW_KEY_KP_SUBTRACT))},
           .enabled = has, .run = [this] { m_wall->zoomBy(0.8); }, .effects = kCamera});
    t.add({.id = "view.present", .menu = N_("View"), .label = N_("Presentation"), .keys = {plain(GLFW_KEY_F5)}, .enabled = has,
           .run = [this] { m_presentation.enter(m_window); }, .effects = kCamera | kPanels});
    const auto toggle = [&t](std::string id, std::string label, bool* shown, bool separatorBefore = false) {
        t.add({.id = std::move(id), .menu = N_("View"), .label = std::move(label), .separatorBefore = separatorBefore,
               .checked = [shown] { return *shown; }, .run = [shown] { *shown = !*shown; }, .effects = kPanels});
    };
    toggle("view.inspector", N_("Inspector"), &m_panels.inspector, true);
    toggle("view.tray", N_("Tray"), &m_panels.tray);
    toggle("view.filters", N_("Filters"), &m_panels.filters);
    // The menu item shows or hides the panel; the key always opens it, on the selected note's history.
    t.add({.id = "view.activity", .menu = N_("View"), .label = N_("Activity and history"), .keys = {ctrl(GLFW_KEY_H)}, .enabled = has,
           .checked = [this] { return m_panels.activity; },
           .run = [this] { m_panels.activity ? void(m_panels.activity = false) : openActivity(false); },
           .runFromKey = [this] { openActivity(m_session->selection.size() == 1); }, .effects = kPanels});
    toggle("view.legend", N_("Floating legend"), &m_panels.legend);
    toggle("view.minimap", N_("Minimap"), &m_panels.minimap);
    t.add({.id = "view.dark", .menu = N_("View"), .label = N_("Dark theme"), .separatorBefore = true,
           .checked = [this] { return m_theme == ThemeKind::Dark; },
           .run = [this] { setTheme(m_theme == ThemeKind::Dark ? ThemeKind::Light : ThemeKind::Dark); }, .effects = kSettings});
    t.add({.id = "view.chinese-badges", .menu = N_("View"), .label = N_("Source badges in Chinese"), .checked = [this] { return m_chineseBadges; },
           .run =
               [this] {
                   m_chineseBadges = !m_chineseBadges;
                   m_settings.set("badges", m_chineseBadges ? "zh" : "en");
                   trySaveSettings();
               },
           .effects = kSettings});

    // View > Language: the interface language, switched at once and kept as the language setting.
    const auto language = [&t, this](std::string id, std::string label, std::string value, bool separatorBefore = false,
                                     bool verbatim = true) {
        t.add({.id = std::move(id), .menu = N_("View"), .label = std::move(label), .verbatim = verbatim,
               .submenu = N_("Language"), .separatorBefore = separatorBefore,
               .checked = [this, value] { return m_settings.get("language").value_or("auto") == value; },
               .run = [this, value] { setLanguage(value); }, .effects = kSettings});
    };
    language("view.language-auto", N_("As the system"), "auto", true, false);
    // Each language is named in itself, so a person who cannot read the current one finds theirs.
    language("view.language-en", "English", "en");
    language("view.language-zh", "中文", "zh");

    // Help
    t.add({.id = "help.keys", .menu = N_("Help"), .label = N_("Keyboard and mouse"), .run = [this] { m_panels.help = true; }, .effects = kPanels});

    // Keys without a menu item: on the wall and its selection.
    t.add({.id = "wall.escape", .keys = {plain(GLFW_KEY_ESCAPE)}, .run = [this] { m_wall->escape(); }, .effects = kSelection | kWallTool});
    t.add({.id = "note.edit", .keys = {plain(GLFW_KEY_ENTER), hidden(plain(GLFW_KEY_F2))},
           .enabled = [this] { return m_session && m_session->selection.size() == 1; },
           .run = [this] { m_wall->editNote(m_session->selection.ids()[0]); }, .effects = kWallTool | kDocument});
    const auto pan = [&t, this](std::string id, int key, float dx, float dy) {
        t.add({.id = std::move(id), .keys = {repeating(plain(key))}, .enabled = [this] { return m_session != nullptr; },
               .run = [this, dx, dy] { m_wall->panBy(dx * 80 * m_scale, dy * 80 * m_scale); }, .effects = kCamera});
    };
    pan("view.pan-left", GLFW_KEY_LEFT, -1, 0);
    pan("view.pan-right", GLFW_KEY_RIGHT, 1, 0);
    pan("view.pan-up", GLFW_KEY_UP, 0, -1);
    pan("view.pan-down", GLFW_KEY_DOWN, 0, 1);
}

}  // namespace cc::gui
