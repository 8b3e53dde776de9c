#include "app/gui/presentation.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cfloat>
#include <string>

#include "app/gui/fonts.h"
#include "app/gui/theme.h"
#include "app/gui/wall_renderer.h"
#include "app/gui/wall_view.h"
#include "canvas/geometry.h"
#include "app/i18n.h"

namespace cc::gui {

void Presentation::enter(GLFWwindow* window) {
    m_active = true;
    m_step = 0;
    m_fitted = -1;
    m_window = window;
    if (!window) return;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode) return;  // no monitor to fill: present in the window as it is
    glfwGetWindowPos(window, &m_x, &m_y);
    glfwGetWindowSize(window, &m_w, &m_h);
    glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

void Presentation::leave() {
    if (!m_active) return;
    m_active = false;
    if (m_window && glfwGetWindowMonitor(m_window)) glfwSetWindowMonitor(m_window, nullptr, m_x, m_y, m_w, m_h, 0);
    m_window = nullptr;
}

bool Presentation::draw(WallView& wall, const Document& doc, const Palette& palette, Fonts& fonts, float uiScale,
                        bool chineseBadges) {
    if (!m_active) return false;
    // Keys belong to the presentation, unless a note's text is being typed.
    if (!wall.editing() && !ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) || ImGui::IsKeyPressed(GLFW_KEY_F5, false)) {
            leave();
            wall.fitWall();
            // The window's shortcuts run later in this frame: the key that left is not theirs too
            // (F5 would present again, Escape would clear the selection).
            ImGuiIO& io = ImGui::GetIO();
            for (int key : {GLFW_KEY_ESCAPE, GLFW_KEY_F5})
                if (io.KeysDownDuration[key] == 0.0f) io.KeysDownDuration[key] = FLT_MIN;
            return false;
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT, false) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN, false)) stepBy(1);
        if (ImGui::IsKeyPressed(GLFW_KEY_LEFT, false) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP, false)) stepBy(-1);
    }
    if (m_fitted != m_step) {
        // A quadrant is shown whole (and any notes of it beyond the wall): the room sees where it ends.
        wall.fitTo(m_step == 0 ? fitBounds(doc) : fitBounds(doc, m_step).united(quadrantRect(grownWall(doc), m_step)));
        m_fitted = m_step;
    }

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette.background);
    ImGui::Begin("##presentation", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);

    // The caption: what is shown, in large type, and where in the sequence it is.
    const BoardInfo& b = doc.board();
    std::string caption = m_step == 0 ? b.title : b.quadrants[static_cast<std::size_t>(m_step - 1)].title;
    if (caption.empty()) caption = m_step == 0 ? _("The whole wall") : i18n::fill(_("Quadrant {1}"), {std::to_string(m_step)});
    const std::string where = i18n::fill(_("{1} of {2}   ←/→ step   Esc leaves"), {std::to_string(m_step + 1), std::to_string(kSteps)});
    fonts.addText(caption + where);
    const float bandH = 64 * uiScale;
    const float big = 34 * uiScale, small = 16 * uiScale;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* bigFont = fonts.forSize(big);
    ImFont* smallFont = fonts.forSize(small);
    const ImVec2 ws = smallFont->CalcTextSizeA(small, FLT_MAX, 0, where.c_str());
    const float room = vp->Size.x - ws.x - 60 * uiScale;
    const ImVec4 clip{o.x, o.y, o.x + room, o.y + bandH};
    dl->AddText(bigFont, big, {o.x + 24 * uiScale, o.y + (bandH - big) / 2}, palette.title, caption.c_str(), nullptr, 0, &clip);
    dl->AddText(smallFont, small, {o.x + vp->Size.x - ws.x - 24 * uiScale, o.y + (bandH - small) / 2}, palette.description,
                where.c_str());
    ImGui::SetCursorScreenPos({o.x, o.y + bandH});

    ImGui::BeginChild("presentwall", ImGui::GetContentRegionAvail(), false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    wall.setTitlePixels(kTitlePixels);
    wall.draw(palette, uiScale, chineseBadges, false);
    wall.setTitlePixels(WallView::kTitlePixels);
    ImGui::EndChild();
    ImGui::End();
    return true;
}

}  // namespace cc::gui
