#include "app/gui/actions.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <stdexcept>

#include "app/i18n.h"

namespace cc::gui {

namespace {

std::string keyName(int key, bool longNames) {
    if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) return std::string(1, static_cast<char>('A' + key - GLFW_KEY_A));
    if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) return std::string(1, static_cast<char>('0' + key - GLFW_KEY_0));
    if (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9) return "Keypad " + std::to_string(key - GLFW_KEY_KP_0);
    switch (key) {
    case GLFW_KEY_EQUAL: return "=";
    case GLFW_KEY_MINUS: return "-";
    case GLFW_KEY_KP_ADD: return "Keypad +";
    case GLFW_KEY_KP_SUBTRACT: return "Keypad -";
    case GLFW_KEY_DELETE: return longNames ? "Delete" : "Del";
    case GLFW_KEY_BACKSPACE: return "Backspace";
    case GLFW_KEY_ESCAPE: return "Escape";
    case GLFW_KEY_ENTER: return "Enter";
    case GLFW_KEY_LEFT: return "Left";
    case GLFW_KEY_RIGHT: return "Right";
    case GLFW_KEY_UP: return "Up";
    case GLFW_KEY_DOWN: return "Down";
    default: break;
    }
    if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F25) return "F" + std::to_string(key - GLFW_KEY_F1 + 1);
    return "key " + std::to_string(key);
}

bool chordPressed(const Chord& c, const ImGuiIO& io) {
    // Ctrl must match, so that Ctrl+L is not L; Shift only where a chord says so.
    if (c.ctrl != io.KeyCtrl) return false;
    if (c.shift == Chord::Shift::Up && io.KeyShift) return false;
    if (c.shift == Chord::Shift::Down && !io.KeyShift) return false;
    return ImGui::IsKeyPressed(c.key, c.repeat);
}

}  // namespace

Action& ActionTable::add(Action action) {
    if (find(action.id)) throw std::logic_error("action " + action.id + " is registered twice");
    m_actions.push_back(std::move(action));
    return m_actions.back();
}

const Action* ActionTable::find(const std::string& id) const {
    for (const Action& a : m_actions)
        if (a.id == id) return &a;
    return nullptr;
}

bool ActionTable::trigger(const std::string& id) const {
    const Action* a = find(id);
    if (!a || !a->isEnabled()) return false;
    a->run();
    return true;
}

void ActionTable::drawMenus() const {
    // Labels are translated here, every frame, so the language can change while the window is
    // open; "###" keeps each item's Dear ImGui id the English name whatever the label says.
    for (const Menu& menu : m_menus) {
        const std::string title = std::string(_(menu.name.c_str())) + "###" + menu.name;
        if (!ImGui::BeginMenu(title.c_str(), !menu.enabled || menu.enabled())) continue;
        std::string open;  // the submenu being drawn
        bool openShown = false;
        const auto closeSubmenu = [&] {
            if (!open.empty() && openShown) ImGui::EndMenu();
            open.clear();
        };
        for (const Action& a : m_actions) {
            if (a.menu != menu.name) continue;
            if (a.submenu != open) {
                closeSubmenu();
                if (a.separatorBefore) ImGui::Separator();
                if (!a.submenu.empty()) {
                    open = a.submenu;
                    const std::string sub = std::string(_(a.submenu.c_str())) + "###" + a.submenu;
                    openShown = ImGui::BeginMenu(sub.c_str());
                }
            } else if (a.separatorBefore) {
                ImGui::Separator();
            }
            if (!open.empty() && !openShown) continue;
            const std::string keys = menuKeys(a);
            const std::string label = (a.verbatim ? a.label : std::string(_(a.label.c_str()))) + "###" + a.id;
            if (ImGui::MenuItem(label.c_str(), keys.empty() ? nullptr : keys.c_str(), a.checked && a.checked(), a.isEnabled()))
                a.run();
        }
        closeSubmenu();
        ImGui::EndMenu();
    }
}

void ActionTable::handleKeys() const {
    const ImGuiIO& io = ImGui::GetIO();
    for (const Action& a : m_actions) {
        bool hit = false;
        for (const Chord& c : a.keys)
            if (chordPressed(c, io)) {
                hit = true;
                break;
            }
        if (!hit) continue;
        if (!a.isEnabled()) {
            if (a.whenDisabled) a.whenDisabled();
            continue;
        }
        if (a.runFromKey) a.runFromKey();
        else a.run();
    }
}

std::string ActionTable::chordName(const Chord& c, bool longNames) {
    return std::string(c.ctrl ? "Ctrl+" : "") + (c.shift == Chord::Shift::Down ? "Shift+" : "") + keyName(c.key, longNames);
}

std::string ActionTable::menuKeys(const Action& a) {
    for (const Chord& c : a.keys)
        if (c.shown) return chordName(c, false);
    return {};
}

std::string ActionTable::helpKeys(const Action& a) {
    std::string out;
    for (const Chord& c : a.keys) {
        if (!c.shown) continue;
        if (!out.empty()) out += _(" or ");
        out += chordName(c, true);
    }
    return out;
}

std::string ActionTable::expandHelp(const std::string& line) const {
    std::string out;
    std::size_t at = 0;
    while (true) {
        const std::size_t open = line.find('{', at);
        if (open == std::string::npos) break;
        const std::size_t close = line.find('}', open);
        if (close == std::string::npos) break;
        out += line.substr(at, open - at);
        const std::string id = line.substr(open + 1, close - open - 1);
        const Action* a = find(id);
        if (!a) throw std::out_of_range("the help names an unknown action " + id);
        out += helpKeys(*a);
        at = close + 1;
    }
    return out + line.substr(at);
}

}  // namespace cc::gui
