#include "app/gui/input_queue.h"

#include <GLFW/glfw3.h>

#include <cmath>
#include <deque>
#include <utility>

namespace cc::gui {

namespace {

bool g_activity = true;  // set by any input event; an idle window waits instead of drawing
std::vector<std::string> g_dropped;  // files dropped on the window, for the next frame

// Dear ImGui 1.86 samples its input once a frame: a key pressed and released between two frames
// (a fast typist, a tool like xdotool) would never be seen, Ctrl released before the frame would
// turn Ctrl+V into V, and a click that arrives with the last typed characters would end the
// editing before they reach the text. So keys, typed characters and mouse buttons wait in one
// queue and are handed over in order, a frame's worth at a time: once a frame has seen a key go
// down, the next release waits for the next frame; a mouse button, and a key that is not plain
// typing (Escape, Enter, Tab, a shortcut), waits for the next frame when characters went before
// it in this one. An input method's committed text (fcitx5's 需求 after Space) comes back from
// the input method a moment late and can share a frame with the Escape typed after it; Escape
// handled first would end the editing without the words.
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

}  // namespace

void installWakeCallbacks(GLFWwindow* window) {
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
}

void installQueuedInput(GLFWwindow* window) {
    g_imguiKeyCallback = glfwSetKeyCallback(window, keyCallback);
    g_imguiCharCallback = glfwSetCharCallback(window, charCallback);
    g_imguiMouseCallback = glfwSetMouseButtonCallback(window, mouseCallback);
}

void feedQueuedInput(GLFWwindow* w) {
    bool pressedNow = false, typedNow = false, charsNow = false;
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
            typedNow = charsNow = true;
            if (g_imguiCharCallback) g_imguiCharCallback(w, e.codepoint);
            continue;
        }
        const bool plainTyping = typing && e.key >= GLFW_KEY_SPACE && e.key <= GLFW_KEY_GRAVE_ACCENT &&
                                 !(e.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER));
        if (!plainTyping) {
            if (e.action == GLFW_RELEASE && pressedNow) break;
            if (e.action == GLFW_PRESS && charsNow) break;  // the characters reach their field first
            if (e.action == GLFW_PRESS) pressedNow = true;
        }
        typedNow = true;
        g_input.pop_front();
        if (g_imguiKeyCallback) g_imguiKeyCallback(w, e.key, e.scancode, e.action, e.mods);
    }
    if (!g_input.empty()) g_activity = true;  // the rest go to the next frame
}

bool takeActivity() { return std::exchange(g_activity, false); }

std::vector<std::string> takeDropped() { return std::exchange(g_dropped, {}); }

bool pressPending() { return g_pressed; }

ImVec2 pressPosition() { return ImVec2(static_cast<float>(g_pressX), static_cast<float>(g_pressY)); }

WallInput takeWallInput() {
    WallInput in;
    in.doubleClick = std::exchange(g_doubleClick, false);
    in.pressed = std::exchange(g_pressed, false);
    in.released = std::exchange(g_released, false);
    in.press = pressPosition();
    in.release = ImVec2(static_cast<float>(g_releaseX), static_cast<float>(g_releaseY));
    return in;
}

}  // namespace cc::gui
