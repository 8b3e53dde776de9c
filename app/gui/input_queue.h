#pragma once
// The window's input, between GLFW and Dear ImGui: keys, typed characters and mouse buttons wait
// in one queue and are handed to Dear ImGui a frame's worth at a time, and the presses,
// releases and double-clicks the wall needs are taken from the event stream itself. Any input
// (or a dropped file) wakes the idle loop.

#include <imgui.h>

#include <string>
#include <vector>

struct GLFWwindow;

namespace cc::gui {

/// Before Dear ImGui's GLFW backend is installed (it chains to these): callbacks that wake the
/// idle loop, follow the pointer and collect dropped files.
void installWakeCallbacks(GLFWwindow* window);
/// After the backend is installed: keys, characters and buttons go through the queue, and from
/// there to the backend's own callbacks.
void installQueuedInput(GLFWwindow* window);

/// Hands the queued events that belong to this frame to Dear ImGui (call before NewFrame).
void feedQueuedInput(GLFWwindow* window);

/// True once since any input arrived (and clears it).
bool takeActivity();
/// Files dropped on the window since the last call.
std::vector<std::string> takeDropped();

/// The first left press not yet handled by the wall, from the event stream.
bool pressPending();
ImVec2 pressPosition();

/// The left presses, releases and double-clicks since the wall last took them.
struct WallInput {
    bool doubleClick = false;
    bool pressed = false, released = false;
    ImVec2 press, release;
};
WallInput takeWallInput();

}  // namespace cc::gui
