#include "wall_view.h"

#include <algorithm>
#include <cmath>

#include "fonts.h"
#include "queries.h"

namespace cc::gui {

namespace {

ImU32 rgb(std::uint32_t c, int alpha = 255) {
    return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, alpha);
}

const ImU32 kQuadrantFill[4] = {IM_COL32(250, 248, 240, 255), IM_COL32(244, 248, 252, 255),
                                IM_COL32(246, 251, 245, 255), IM_COL32(252, 246, 246, 255)};

}  // namespace

void WallView::fitWall(const Document& doc) {
    m_fitTarget = wallBounds(doc);
    m_fitPending = true;
}

void WallView::handleInput(const ImVec2& centre) {
    ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsItemHovered()) return;
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle)) {
        m_camera.cx -= io.MouseDelta.x / m_camera.zoom;
        m_camera.cy -= io.MouseDelta.y / m_camera.zoom;
    }
    if (io.MouseWheel != 0) {
        // Zoom around the cursor: the wall point under it stays under it.
        double wx, wy;
        m_camera.toWall(io.MousePos, centre, wx, wy);
        double factor = std::pow(1.15, io.MouseWheel);
        m_camera.zoom = std::clamp(m_camera.zoom * factor, 0.01, 8.0);
        m_camera.cx = wx - (io.MousePos.x - centre.x) / m_camera.zoom;
        m_camera.cy = wy - (io.MousePos.y - centre.y) / m_camera.zoom;
    }
}

void WallView::draw(const Document& doc) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    m_viewSize = ImGui::GetContentRegionAvail();
    if (m_viewSize.x < 1 || m_viewSize.y < 1) return;
    ImGui::InvisibleButton("wall", m_viewSize,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    const ImVec2 centre{origin.x + m_viewSize.x / 2, origin.y + m_viewSize.y / 2};
    if (m_fitPending) {
        if (m_fitTarget.w <= 0) m_fitTarget = wallBounds(doc);
        const double margin = 0.04;
        m_camera.zoom = std::min(m_viewSize.x / (m_fitTarget.w * (1 + 2 * margin)),
                                 m_viewSize.y / (m_fitTarget.h * (1 + 2 * margin)));
        m_camera.cx = m_fitTarget.x + m_fitTarget.w / 2;
        m_camera.cy = m_fitTarget.y + m_fitTarget.h / 2;
        m_fitPending = false;
    }
    handleInput(centre);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, {origin.x + m_viewSize.x, origin.y + m_viewSize.y}, true);
    dl->AddRectFilled(origin, {origin.x + m_viewSize.x, origin.y + m_viewSize.y}, IM_COL32(226, 228, 232, 255));

    const BoardInfo& b = doc.board();
    const BoardCounts counts = countBoard(doc);
    const float zoom = static_cast<float>(m_camera.zoom);
    ImFont* font = m_fonts.note();
    const float base = m_fonts.noteBaseSize();
    for (int q = 1; q <= 4; ++q) {
        Rect r = quadrantRect(b, q);
        ImVec2 a = m_camera.toScreen(r.x, r.y, centre), c = m_camera.toScreen(r.right(), r.bottom(), centre);
        dl->AddRectFilled(a, c, kQuadrantFill[q - 1]);
        dl->AddRect(a, c, IM_COL32(150, 155, 165, 255), 0, 0, 2.0f);
        const QuadrantInfo& qi = b.quadrants[q - 1];
        std::string heading = std::to_string(q) + "  " + qi.title + "  (" + std::to_string(counts.byQuadrant[q]) + ")";
        const float titleSize = 56.0f * zoom;
        if (titleSize >= 6) {
            dl->AddText(font, titleSize, {a.x + 24 * zoom, a.y + 20 * zoom}, IM_COL32(40, 44, 52, 255), heading.c_str());
            const float descSize = 26.0f * zoom;
            if (descSize >= 6)
                dl->AddText(font, descSize, {a.x + 24 * zoom, a.y + 20 * zoom + titleSize * 1.25f},
                            IM_COL32(90, 96, 108, 255), qi.description.c_str(), nullptr, (r.w - 48) * zoom);
        }
    }

    for (const auto& [id, l] : doc.links()) {
        const Note* a = doc.note(l.from);
        const Note* z = doc.note(l.to);
        if (!a || !z || a->state != NoteState::Pinned || z->state != NoteState::Pinned) continue;
        ImVec2 p = m_camera.toScreen(a->x + a->w / 2, a->y + a->h / 2, centre);
        ImVec2 q = m_camera.toScreen(z->x + z->w / 2, z->y + z->h / 2, centre);
        ImU32 col = l.kind == LinkKind::Supports    ? IM_COL32(46, 140, 70, 220)
                    : l.kind == LinkKind::Conflicts ? IM_COL32(200, 50, 50, 220)
                                                    : IM_COL32(120, 120, 120, 200);
        dl->AddLine(p, q, col, std::max(1.0f, 3.0f * zoom));
    }

    for (const auto& [id, n] : doc.notes()) {
        if (n.state != NoteState::Pinned) continue;
        ImVec2 a = m_camera.toScreen(n.x, n.y, centre), c = m_camera.toScreen(n.x + n.w, n.y + n.h, centre);
        const float rounding = zoom > 0.3f ? 6.0f * zoom : 0.0f;
        dl->AddRectFilled({a.x + 2, a.y + 3}, {c.x + 2, c.y + 3}, IM_COL32(0, 0, 0, 30), rounding);
        dl->AddRectFilled(a, c, rgb(noteColour(n, doc.sourceKinds())), rounding);
        const float textSize = 19.0f * zoom;
        if (textSize >= 5) {
            std::string title = noteTitle(n);
            dl->AddText(font, textSize, {a.x + 10 * zoom, a.y + 8 * zoom}, IM_COL32(25, 25, 30, 255), title.c_str(),
                        nullptr, (n.w - 20) * zoom);
        }
    }
    (void)base;
    dl->PopClipRect();
}

}  // namespace cc::gui
