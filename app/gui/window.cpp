#include "window.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "board_file.h"
#include "editor.h"
#include "fonts.h"
#include "queries.h"
#include "wall_view.h"

namespace cc {

namespace {

bool haveDisplay() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

void explainNoDisplay(const std::string& board) {
    std::cerr << "customer-canvas: no display (DISPLAY is not set), so the window cannot open.\n"
              << "Use the command line instead, for example:\n"
              << "  customer-canvas list " << (board.empty() ? "BOARD.ccboard" : board) << "\n"
              << "  customer-canvas add BOARD.ccboard --text \"...\" --source survey --quadrant 3\n"
              << "  customer-canvas --help\n";
}

/// The open board in the window: file, document and editor, as the command line has them.
struct Session {
    std::unique_ptr<BoardFile> file;
    std::unique_ptr<Document> doc;
    std::unique_ptr<Editor> editor;
    std::string error;
};

Session openSession(const std::string& path, const std::string& author) {
    Session s;
    try {
        s.file = BoardFile::open(path);
        s.doc = s.file->load();
        s.file->attach(*s.doc);
        s.editor = std::make_unique<Editor>(*s.doc, author);
    } catch (const std::exception& e) {
        s = Session{};
        s.error = e.what();
    }
    return s;
}

}  // namespace

int openWindow(const std::string& board, const std::string& author) {
    if (!haveDisplay()) {
        explainNoDisplay(board);
        return 1;
    }
    Session session;
    if (!board.empty()) {
        session = openSession(board, author);
        if (!session.doc) {
            std::cerr << "customer-canvas: " << session.error << "\n";
            return 1;
        }
    }

    std::setlocale(LC_CTYPE, "");  // so X input methods deliver committed text
    glfwSetErrorCallback([](int code, const char* text) { std::cerr << "GLFW error " << code << ": " << text << "\n"; });
    if (!glfwInit()) {
        std::cerr << "customer-canvas: the window system could not be started\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(1400, 900, "Customer Canvas", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        std::cerr << "customer-canvas: no OpenGL 3.2 window could be created\n";
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    float xscale = 1, yscale = 1;
    glfwGetWindowContentScale(window, &xscale, &yscale);
    const float scale = std::max(1.0f, xscale);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImGui::StyleColorsLight();
    ImGui::GetStyle().ScaleAllSizes(scale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 150");

    std::unique_ptr<gui::Fonts> fonts;
    try {
        fonts = std::make_unique<gui::Fonts>();
    } catch (const std::exception& e) {
        std::cerr << "customer-canvas: " << e.what() << "\n";
        return 1;
    }
    auto addBoardText = [&] {
        if (!session.doc) return;
        const BoardInfo& b = session.doc->board();
        fonts->addText(b.title);
        for (const auto& q : b.quadrants) fonts->addText(q.title + q.description);
        for (const auto& [id, n] : session.doc->notes()) fonts->addText(n.text);
    };
    addBoardText();
    gui::WallView wall(*fonts);
    if (session.doc) {
        wall.fitWall(*session.doc);
        glfwSetWindowTitle(window, (session.doc->board().title + " — Customer Canvas").c_str());
    }
    static char pathInput[1024] = "";

    while (!glfwWindowShouldClose(window)) {
        glfwPollEvents();
        if (fonts->dirty()) {
            fonts->build(scale);
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImGui::PushFont(fonts->ui());

        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(vp->WorkPos);
        ImGui::SetNextWindowSize(vp->WorkSize);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
        ImGui::Begin("##main", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::PopStyleVar();
        if (ImGui::BeginMenuBar()) {
            if (ImGui::BeginMenu("File")) {
                if (ImGui::MenuItem("Quit", "Ctrl+Q")) glfwSetWindowShouldClose(window, 1);
                ImGui::EndMenu();
            }
            if (ImGui::BeginMenu("View")) {
                if (ImGui::MenuItem("Fit wall", "Ctrl+0") && session.doc) wall.fitWall(*session.doc);
                if (ImGui::MenuItem("Zoom 100 %", "Ctrl+1")) wall.zoomActual();
                ImGui::EndMenu();
            }
            ImGui::EndMenuBar();
        }
        // Dear ImGui 1.86's GLFW backend indexes KeysDown by GLFW key code.
        if (io.KeyCtrl && !io.WantTextInput) {
            if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) glfwSetWindowShouldClose(window, 1);
            if (ImGui::IsKeyPressed(GLFW_KEY_0, false) && session.doc) wall.fitWall(*session.doc);
            if (ImGui::IsKeyPressed(GLFW_KEY_1, false)) wall.zoomActual();
        }
        const float statusHeight = ImGui::GetFrameHeight();
        if (session.doc) {
            ImGui::BeginChild("wallarea", {0, -statusHeight}, false, ImGuiWindowFlags_NoScrollWithMouse);
            wall.draw(*session.doc);
            ImGui::EndChild();
            const BoardCounts c = countBoard(*session.doc);
            ImGui::Separator();
            ImGui::SetCursorPosX(8 * scale);
            ImGui::Text("%s   ·   all changes saved   ·   zoom %.0f %%   ·   %d notes on the wall, %d in the tray, %d links",
                        std::filesystem::path(session.file->path()).filename().c_str(), wall.camera().zoom * 100.0,
                        c.onWall, c.inTray, c.links);
        } else {
            ImGui::SetCursorPos({40 * scale, 60 * scale});
            ImGui::BeginGroup();
            ImGui::TextUnformatted("Open a board file (.ccboard), or create a new one with that name.");
            ImGui::SetNextItemWidth(600 * scale);
            ImGui::InputText("##path", pathInput, sizeof pathInput);
            if (ImGui::Button("Open")) {
                session = openSession(pathInput, author);
                if (session.doc) {
                    addBoardText();
                    wall.fitWall(*session.doc);
                }
            }
            if (!session.error.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", session.error.c_str());
            ImGui::EndGroup();
        }
        ImGui::End();
        ImGui::PopFont();
        ImGui::Render();
        int w, h;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.9f, 0.9f, 0.92f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

}  // namespace cc
