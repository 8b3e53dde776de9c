#pragma once
// Dear ImGui's user configuration (IMGUI_USER_CONFIG, set in app/CMakeLists.txt for every target
// that includes imgui.h): its assertions stay on in every build type. The default IM_ASSERT is
// assert(), which NDEBUG (RelWithDebInfo, Release) turns off in the parts of Dear ImGui compiled
// into our code (its headers' inline functions); a misuse of Dear ImGui must stop the program in
// the build the tests and people run, saying where.

#include <cstdio>
#include <cstdlib>

namespace cc::gui {

/// Reports a failed Dear ImGui assertion and aborts.
[[noreturn]] inline void imguiAssertFailed(const char* expression, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: Dear ImGui assertion failed: %s\n", file, line, expression);
    std::fflush(stderr);
    std::abort();
}

}  // namespace cc::gui

#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : ::cc::gui::imguiAssertFailed(#_EXPR, __FILE__, __LINE__))
