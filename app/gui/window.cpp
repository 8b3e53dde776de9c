// The window: opens it (or says why it cannot), runs the App in it for a person, for one
// screenshot or to time frames, and closes it. The App and its parts live in their own files.
#include "app/window_launch.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <chrono>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/gui/app.h"
#include "app/gui/field_text.h"
#include "app/gui/input_queue.h"
#include "app/settings.h"
#include "storage/board_store.h"
#include "storage/output_file.h"
#include "app/i18n.h"

namespace cc {

namespace {

using gui::App;
using gui::BoardSession;

bool haveDisplay() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

void explainNoDisplay(const std::string& board) {
    explainWindowUnavailable(std::cerr, _("no display (DISPLAY is not set)"), board);
}

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
        return path + _(": the picture could not be encoded");
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
    // No board named: the start screen (README, "The window"), never a board from last time.
    const std::string board = options.board;

    std::setlocale(LC_CTYPE, "");  // so X input methods deliver committed text
    glfwSetErrorCallback([](int code, const char* text) { std::cerr << "customer-canvas: " << i18n::fill(_("GLFW error {1}: {2}"), {std::to_string(code), text}) << "\n"; });
    if (!glfwInit()) {
        std::cerr << "customer-canvas: " << _("the window system could not be started") << "\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    if (options.mode != WindowOptions::Mode::Interactive) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    int width = options.width, height = options.height;
    if (options.mode == WindowOptions::Mode::Interactive) {
        // The window opens whole on a small screen (800x600, a projector's 1024x768): no larger
        // than the desktop's work area. Screenshots keep their size.
        int wx = 0, wy = 0, ww = 0, wh = 0;
        float sx = 1, sy = 1;
        if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
            glfwGetMonitorWorkarea(monitor, &wx, &wy, &ww, &wh);
            glfwGetMonitorContentScale(monitor, &sx, &sy);  // GLFW_SCALE_TO_MONITOR multiplies by it
        }
        // The work area leaves out the desktop's panels; a window manager fits the title bar.
        if (ww > 0 && wh > 0) {
            width = std::min(width, static_cast<int>(ww / std::max(sx, 1.0f)));
            height = std::min(height, static_cast<int>(wh / std::max(sy, 1.0f)));
        }
    }
    GLFWwindow* window = glfwCreateWindow(width, height, "Customer Canvas", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        std::cerr << "customer-canvas: " << _("no OpenGL 3.2 window could be created") << "\n";
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.mode == WindowOptions::Mode::Frames ? 0 : 1);
    float xscale = 1, yscale = 1;
    glfwGetWindowContentScale(window, &xscale, &yscale);
    const float scale = std::clamp(xscale, 1.0f, 4.0f);

    // Any input wakes the idle loop; Dear ImGui's backend chains to these callbacks.
    gui::installWakeCallbacks(window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    gui::keepClipboardWhole();
    ImGui_ImplOpenGL3_Init("#version 150");
    gui::installQueuedInput(window);

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
                    app->wall()->centreOnNotes();
                    app->frame();
                }
                app->frame(false);  // the picture is read from the back buffer, before any swap
                glFinish();
                if (const std::string error = writePng(window, options.out); !error.empty()) {
                    std::cerr << "customer-canvas: " << error << "\n";
                    status = 1;
                } else {
                    std::cout << i18n::fill(_("wrote {1}"), {options.out}) << "\n";
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
                    const bool active = gui::takeActivity();
                    if (!active && !remote && idle > 3 && !app->busy()) continue;
                    if (active || remote) idle = 0;
                    if (auto files = gui::takeDropped(); !files.empty()) app->dropped(std::move(files));
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
