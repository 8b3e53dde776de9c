#include "wall_renderer.h"

#include <algorithm>
#include <cmath>

#include "fonts.h"

namespace cc::gui {

namespace {

// Card layout in wall units (a note is 220 × 140 by default).
constexpr double kPad = 10;
constexpr double kBadgeH = 20;
constexpr double kTitleSize = 20;
constexpr double kBodySize = 16;
constexpr double kMetaSize = 12.5;
constexpr double kFooterH = 20;
/// Below this many pixels of note height a note is a plain rectangle, below kFoldPixels a mark.
constexpr double kCardPixels = 40;
constexpr double kFoldPixels = 2;

ImU32 withAlpha(ImU32 c, int alpha) { return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT); }
int alphaOf(ImU32 c) { return static_cast<int>((c >> IM_COL32_A_SHIFT) & 0xFF); }

std::string initialsOf(const std::string& name) {
    // Latin names: first letters of the first two words; Chinese names: the given name's first
    // character (the second character), or the only one.
    std::vector<std::string> chars;
    for (std::size_t i = 0; i < name.size();) {
        unsigned char c = name[i];
        std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        chars.push_back(name.substr(i, len));
        i += len;
    }
    if (chars.empty()) return "?";
    if (static_cast<unsigned char>(chars[0][0]) >= 0x80) return chars.size() >= 2 ? chars[0] + chars[1] : chars[0];
    std::string out;
    bool start = true;
    for (const auto& ch : chars) {
        if (ch == " " || ch == "." || ch == "-" || ch == "_") {
            start = true;
            continue;
        }
        if (start && out.size() < 2) out += static_cast<char>(std::toupper(static_cast<unsigned char>(ch[0])));
        start = false;
    }
    return out.empty() ? "?" : out;
}

/// Where the line from a rectangle's centre towards (tx, ty) leaves the rectangle.
void borderPoint(const Rect& r, double tx, double ty, double& x, double& y) {
    const double cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    const double dx = tx - cx, dy = ty - cy;
    if (dx == 0 && dy == 0) {
        x = cx;
        y = cy;
        return;
    }
    const double t = std::min(dx != 0 ? (r.w / 2) / std::fabs(dx) : 1e300, dy != 0 ? (r.h / 2) / std::fabs(dy) : 1e300);
    x = cx + dx * std::min(t, 1.0);
    y = cy + dy * std::min(t, 1.0);
}

ImVec2 bezier(const ImVec2& a, const ImVec2& b, const ImVec2& c, const ImVec2& d, float t) {
    const float u = 1 - t;
    const float w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
    return {w0 * a.x + w1 * b.x + w2 * c.x + w3 * d.x, w0 * a.y + w1 * b.y + w2 * c.y + w3 * d.y};
}

std::int64_t cellKey(int x, int y) { return (static_cast<std::int64_t>(x) << 32) ^ static_cast<std::uint32_t>(y); }

}  // namespace

Rect WallRenderer::noteWallRect(const Note& n, const WallScene& s) {
    Rect r = noteRect(n);
    if ((s.dragDx != 0 || s.dragDy != 0) && s.selection && s.selection->contains(n.id)) {
        r.x += s.dragDx;
        r.y += s.dragDy;
    }
    return r;
}

void WallRenderer::refresh(const WallScene& s) {
    const bool filterChanged = !s.filter ? m_filter.active() : !(*s.filter == m_filter);
    if (m_doc == s.doc && m_revision == s.doc->revision() && !filterChanged && m_palette == s.palette &&
        m_chinese == s.chineseBadges)
        return;
    const bool docChanged = m_doc != s.doc || m_revision != s.doc->revision();
    m_doc = s.doc;
    m_revision = s.doc->revision();
    m_filter = s.filter ? *s.filter : NoteFilter{};
    m_palette = s.palette;
    m_chinese = s.chineseBadges;
    m_notes.clear();
    const SourceKinds& kinds = s.doc->sourceKinds();
    for (const auto& [id, n] : s.doc->notes()) {
        if (n.state != NoteState::Pinned) continue;
        CachedNote c;
        c.fill = noteFill(*s.palette, noteColour(n, kinds));
        c.title = noteTitle(n);
        const auto nl = n.text.find(c.title);
        if (nl != std::string::npos) {
            auto bodyStart = n.text.find('\n', nl + c.title.size());
            if (bodyStart != std::string::npos) c.body = n.text.substr(bodyStart + 1);
        }
        c.initials = initialsOf(n.author);
        if (const SourceKind* k = kinds.find(n.source)) c.badge = s.chineseBadges ? k->chinese : k->english;
        c.matches = m_filter.matches(n);
        m_notes.emplace(&n, std::move(c));
    }
    if (docChanged) {
        m_wallBounds = wallBounds(*s.doc);
        m_linkGrid.clear();
        for (const auto& [id, l] : s.doc->links()) {
            const Note* a = s.doc->note(l.from);
            const Note* b = s.doc->note(l.to);
            if (!a || !b || a->state != NoteState::Pinned || b->state != NoteState::Pinned) continue;
            const Rect bb = noteRect(*a).united(noteRect(*b));
            const int x0 = static_cast<int>(std::floor(bb.x / m_linkCell)), x1 = static_cast<int>(std::floor(bb.right() / m_linkCell));
            const int y0 = static_cast<int>(std::floor(bb.y / m_linkCell)), y1 = static_cast<int>(std::floor(bb.bottom() / m_linkCell));
            for (int x = x0; x <= x1; ++x)
                for (int y = y0; y <= y1; ++y) m_linkGrid[cellKey(x, y)].push_back(&l);
        }
        m_linkSeen.clear();
    }
}

void WallRenderer::drawQuadrants(ImDrawList* dl, const WallScene& s) {
    const BoardInfo& b = s.doc->board();
    const Palette& p = *s.palette;
    const ImVec2 centre{s.origin.x + s.size.x / 2, s.origin.y + s.size.y / 2};
    const float z = static_cast<float>(s.camera.zoom);
    const auto& counts = s.facts->counts();
    for (int q = 1; q <= 4; ++q) {
        const Rect r = quadrantRect(b, q);
        const ImVec2 a = s.camera.toScreen(r.x, r.y, centre), c = s.camera.toScreen(r.right(), r.bottom(), centre);
        dl->AddRectFilled(a, c, p.quadrantFill[q - 1]);
    }
    // The boundaries: the cross through the centre and the wall's outline.
    const Rect wall{-b.wallWidth / 2, -b.wallHeight / 2, b.wallWidth, b.wallHeight};
    const ImVec2 tl = s.camera.toScreen(wall.x, wall.y, centre), br = s.camera.toScreen(wall.right(), wall.bottom(), centre);
    const ImVec2 mid = s.camera.toScreen(0, 0, centre);
    const float border = std::clamp(3.0f * z, 1.0f, 3.0f);
    dl->AddRect(tl, br, p.quadrantBorder, 0, 0, border);
    dl->AddLine({mid.x, tl.y}, {mid.x, br.y}, p.quadrantBorder, border);
    dl->AddLine({tl.x, mid.y}, {br.x, mid.y}, p.quadrantBorder, border);

    for (int q = 1; q <= 4; ++q) {
        const Rect r = quadrantRect(b, q);
        const ImVec2 a = s.camera.toScreen(r.x, r.y, centre);
        const QuadrantInfo& qi = b.quadrants[q - 1];
        // Titles stay readable at every zoom: never below 14 px, never wider than the quadrant.
        const float width = static_cast<float>(r.w * z);
        float titleSize = std::max(48.0f * z, 14.0f * s.uiScale);
        ImFont* font = s.fonts->forSize(titleSize);
        std::string heading = std::to_string(q) + "  " + qi.title;
        std::string count = "  " + std::to_string(counts.byQuadrant[q]);
        ImVec2 ts = font->CalcTextSizeA(titleSize, FLT_MAX, 0, heading.c_str());
        if (ts.x > width * 0.9f && ts.x > 0) {
            titleSize *= width * 0.9f / ts.x;
            ts = font->CalcTextSizeA(titleSize, FLT_MAX, 0, heading.c_str());
        }
        if (titleSize < 4) continue;
        const ImVec2 at{a.x + 24 * z + 4, a.y + 18 * z + 4};
        dl->AddText(font, titleSize, at, p.title, heading.c_str());
        dl->AddText(font, titleSize * 0.8f, {at.x + ts.x, at.y + titleSize * 0.18f}, p.count, count.c_str());
        const float descSize = 22.0f * z;
        if (descSize >= 8) {
            const ImVec4 clip{a.x, a.y, a.x + width, a.y + static_cast<float>(kQuadrantHeader * z)};
            dl->AddText(s.fonts->forSize(descSize), descSize, {at.x, at.y + titleSize * 1.3f}, p.description,
                        qi.description.c_str(), nullptr, width - 48 * z, &clip);
        }
    }
}

void WallRenderer::drawLinks(ImDrawList* dl, const WallScene& s, const Rect& view, bool detailed, WallStats& st) {
    const Palette& p = *s.palette;
    const ImVec2 centre{s.origin.x + s.size.x / 2, s.origin.y + s.size.y / 2};
    const float z = static_cast<float>(s.camera.zoom);
    const bool dragging = s.dragDx != 0 || s.dragDy != 0;

    auto drawOne = [&](const Link& l) {
        const Note* a = s.doc->note(l.from);
        const Note* b = s.doc->note(l.to);
        if (!a || !b) return;
        const Rect ra = noteWallRect(*a, s), rb = noteWallRect(*b, s);
        if (!ra.united(rb).intersects(view)) return;
        double ax, ay, bx, by;
        borderPoint(ra, rb.x + rb.w / 2, rb.y + rb.h / 2, ax, ay);
        borderPoint(rb, ra.x + ra.w / 2, ra.y + ra.h / 2, bx, by);
        const ImVec2 pa = s.camera.toScreen(ax, ay, centre), pb = s.camera.toScreen(bx, by, centre);
        const float len = std::hypot(pb.x - pa.x, pb.y - pa.y);
        if (len < 2) return;
        ImU32 col = l.kind == LinkKind::Supports ? p.supports : l.kind == LinkKind::Conflicts ? p.conflicts : p.relates;
        auto matches = [&](const Note* n) {
            auto it = m_notes.find(n);
            return it != m_notes.end() && it->second.matches;
        };
        const bool dimmed = (s.filter && s.filter->active()) && !(matches(a) && matches(b));
        if (dimmed) col = withAlpha(col, alphaOf(col) / 4);
        ++st.links;
        if (!detailed) {
            dl->AddLine(pa, pb, withAlpha(col, alphaOf(col) * 2 / 3), 1.0f);
            return;
        }
        const float thick = std::clamp(2.5f * z, 1.2f, 4.0f);
        // A gentle curve: control points pulled sideways by a tenth of the length.
        const ImVec2 d{(pb.x - pa.x) / len, (pb.y - pa.y) / len};
        const ImVec2 n{-d.y, d.x};
        const float bend = len * 0.12f;
        const ImVec2 c1{pa.x + (pb.x - pa.x) / 3 + n.x * bend, pa.y + (pb.y - pa.y) / 3 + n.y * bend};
        const ImVec2 c2{pa.x + 2 * (pb.x - pa.x) / 3 + n.x * bend, pa.y + 2 * (pb.y - pa.y) / 3 + n.y * bend};
        constexpr int kSteps = 24;
        ImVec2 pts[kSteps + 1];
        for (int i = 0; i <= kSteps; ++i) pts[i] = bezier(pa, c1, c2, pb, static_cast<float>(i) / kSteps);
        const float head = std::clamp(12.0f * z, 6.0f, 14.0f);
        if (l.kind == LinkKind::Conflicts) {
            // Dashed: draw every other stretch of about 8 px.
            float acc = 0;
            bool on = true;
            for (int i = 0; i < kSteps; ++i) {
                const float seg = std::hypot(pts[i + 1].x - pts[i].x, pts[i + 1].y - pts[i].y);
                if (on) dl->AddLine(pts[i], pts[i + 1], col, thick);
                acc += seg;
                if (acc >= 8.0f * std::max(1.0f, z * 2)) {
                    acc = 0;
                    on = !on;
                }
            }
        } else {
            dl->AddPolyline(pts, kSteps + 1, col, 0, thick);
        }
        // Arrowhead at the target, along the curve's last stretch.
        const ImVec2 tip = pts[kSteps], from = pts[kSteps - 2];
        const float tl = std::max(1e-3f, std::hypot(tip.x - from.x, tip.y - from.y));
        const ImVec2 td{(tip.x - from.x) / tl, (tip.y - from.y) / tl};
        dl->AddTriangleFilled(tip, {tip.x - td.x * head - td.y * head * 0.5f, tip.y - td.y * head + td.x * head * 0.5f},
                              {tip.x - td.x * head + td.y * head * 0.5f, tip.y - td.y * head - td.x * head * 0.5f}, col);
        const float labelSize = 12.0f * z;
        if (!l.label.empty() && labelSize >= 7) {
            ImFont* font = s.fonts->forSize(labelSize);
            const ImVec2 m = pts[kSteps / 2];
            const ImVec2 ts = font->CalcTextSizeA(labelSize, FLT_MAX, 0, l.label.c_str());
            const ImVec2 a{m.x - ts.x / 2 - 4, m.y - ts.y / 2 - 2}, b{m.x + ts.x / 2 + 4, m.y + ts.y / 2 + 2};
            dl->AddRectFilled(a, b, dimmed ? withAlpha(p.linkLabelFill, 60) : p.linkLabelFill, 4);
            dl->AddRect(a, b, col, 4);
            dl->AddText(font, labelSize, {a.x + 4, a.y + 2}, dimmed ? withAlpha(p.linkLabelText, 80) : p.linkLabelText,
                        l.label.c_str());
        }
    };

    const bool whole = view.w * view.h >= 0.5 * m_wallBounds.w * m_wallBounds.h;
    if (whole || m_linkGrid.empty()) {
        for (const auto& [id, l] : s.doc->links()) {
            const Note* a = s.doc->note(l.from);
            const Note* b = s.doc->note(l.to);
            if (a && b && a->state == NoteState::Pinned && b->state == NoteState::Pinned) drawOne(l);
        }
        return;
    }
    if (++m_linkStamp == 0) {
        m_linkSeen.clear();
        m_linkStamp = 1;
    }
    const int x0 = static_cast<int>(std::floor(view.x / m_linkCell)), x1 = static_cast<int>(std::floor(view.right() / m_linkCell));
    const int y0 = static_cast<int>(std::floor(view.y / m_linkCell)), y1 = static_cast<int>(std::floor(view.bottom() / m_linkCell));
    auto visit = [&](const Link* l) {
        auto& seen = m_linkSeen[l];
        if (seen == m_linkStamp) return;
        seen = m_linkStamp;
        drawOne(*l);
    };
    for (int x = x0; x <= x1; ++x)
        for (int y = y0; y <= y1; ++y) {
            auto it = m_linkGrid.find(cellKey(x, y));
            if (it != m_linkGrid.end())
                for (const Link* l : it->second) visit(l);
        }
    // During a drag the grid still has the old places: draw the dragged notes' links as well.
    if (dragging && s.selection)
        for (const auto& id : s.selection->ids())
            for (const auto& linkId : s.doc->linksOf(id))
                if (const Link* l = s.doc->link(linkId)) visit(l);
}

void WallRenderer::drawCard(ImDrawList* dl, const WallScene& s, const Note& n, const CachedNote& c, const Rect& r) {
    const Palette& p = *s.palette;
    const ImVec2 centre{s.origin.x + s.size.x / 2, s.origin.y + s.size.y / 2};
    const float z = static_cast<float>(s.camera.zoom);
    const ImVec2 a = s.camera.toScreen(r.x, r.y, centre), b = s.camera.toScreen(r.right(), r.bottom(), centre);
    const bool dim = !c.matches && s.filter && s.filter->active();
    const int alpha = dim ? 70 : 255;
    const bool selected = s.selection && s.selection->contains(n.id);
    const float rounding = std::min(8.0f * z, 8.0f);

    const float shadow = std::clamp(4.0f * z, 1.0f, 5.0f);
    dl->AddRectFilled({a.x + shadow * 0.5f, a.y + shadow}, {b.x + shadow * 0.5f, b.y + shadow},
                      withAlpha(p.noteShadow, dim ? 10 : alphaOf(p.noteShadow)), rounding);
    dl->AddRectFilled(a, b, withAlpha(c.fill, alpha), rounding);
    if (selected) dl->AddRect({a.x - 2, a.y - 2}, {b.x + 2, b.y + 2}, p.selection, rounding + 2, 0, 2.5f);
    else if (n.id == s.hovered) dl->AddRect(a, b, p.hover, rounding, 0, 1.5f);
    else dl->AddRect(a, b, withAlpha(p.noteBorder, dim ? 15 : alphaOf(p.noteBorder)), rounding);

    const ImU32 text = withAlpha(p.noteText, dim ? 90 : 255);
    const ImVec4 clip{a.x, a.y, b.x, b.y};
    const float pad = static_cast<float>(kPad * z);

    // Source badge and the corroborated / contested marks.
    const float metaSize = static_cast<float>(kMetaSize * z);
    ImFont* metaFont = s.fonts->forSize(metaSize);
    float y = a.y + pad * 0.7f;
    if (!c.badge.empty()) {
        const ImVec2 ts = metaFont->CalcTextSizeA(metaSize, FLT_MAX, 0, c.badge.c_str());
        const float bw = std::min(ts.x + pad, (b.x - a.x) * 0.68f);
        dl->AddRectFilled({a.x + pad * 0.7f, y}, {a.x + pad * 0.7f + bw, y + static_cast<float>(kBadgeH * z * 0.85)},
                          withAlpha(p.badgeFill, dim ? 60 : alphaOf(p.badgeFill)), 5 * z);
        const ImVec4 bclip{a.x, a.y, a.x + pad * 0.7f + bw - pad * 0.3f, b.y};
        dl->AddText(metaFont, metaSize, {a.x + pad * 1.2f, y + 2 * z}, withAlpha(p.badgeText, dim ? 90 : 255),
                    c.badge.c_str(), nullptr, 0, &bclip);
    }
    const float markR = static_cast<float>(8 * z);
    float mx = b.x - pad * 0.7f - markR;
    const float my = y + markR;
    ImFont* markFont = s.fonts->forSize(markR * 1.6f);
    if (s.facts->contested(n.id)) {
        dl->AddCircleFilled({mx, my}, markR, withAlpha(p.contested, alpha));
        const ImVec2 ts = markFont->CalcTextSizeA(markR * 1.6f, FLT_MAX, 0, "!");
        dl->AddText(markFont, markR * 1.6f, {mx - ts.x / 2, my - ts.y / 2}, IM_COL32(255, 255, 255, alpha), "!");
        mx -= markR * 2.4f;
    }
    if (s.facts->corroborated(n.id)) {
        dl->AddCircleFilled({mx, my}, markR, withAlpha(p.corroborated, alpha));
        // A check mark drawn as two strokes (no glyph needed).
        const float k = markR * 0.5f;
        dl->AddLine({mx - k, my}, {mx - k * 0.2f, my + k * 0.8f}, IM_COL32(255, 255, 255, alpha), std::max(1.0f, 1.6f * z));
        dl->AddLine({mx - k * 0.2f, my + k * 0.8f}, {mx + k, my - k * 0.7f}, IM_COL32(255, 255, 255, alpha),
                    std::max(1.0f, 1.6f * z));
    }

    // Title (first line, larger and bold) and body, wrapped and clipped to the card.
    y = a.y + static_cast<float>((kPad * 0.7 + kBadgeH + 4) * z);
    const float wrap = b.x - a.x - 2 * pad;
    const float footerTop = b.y - static_cast<float>(kFooterH * z) - pad * 0.4f;
    if (n.id != s.editing) {
        const float titleSize = static_cast<float>(kTitleSize * z);
        ImFont* tf = s.fonts->forSize(titleSize);
        const ImVec4 tclip{a.x, a.y, b.x, footerTop};
        dl->AddText(tf, titleSize, {a.x + pad, y}, text, c.title.c_str(), nullptr, wrap, &tclip);
        if (titleSize >= 9) dl->AddText(tf, titleSize, {a.x + pad + 0.6f, y}, text, c.title.c_str(), nullptr, wrap, &tclip);
        y += tf->CalcTextSizeA(titleSize, FLT_MAX, wrap, c.title.c_str()).y + 3 * z;
        if (!c.body.empty() && y < footerTop) {
            const float bodySize = static_cast<float>(kBodySize * z);
            dl->AddText(s.fonts->forSize(bodySize), bodySize, {a.x + pad, y}, withAlpha(p.noteText, dim ? 70 : 215),
                        c.body.c_str(), nullptr, wrap, &tclip);
        }
    }

    // Footer: author initials, date gathered, votes.
    const float fy = b.y - static_cast<float>(kFooterH * z * 0.5) - pad * 0.5f;
    const float ir = static_cast<float>(9 * z);
    dl->AddCircleFilled({a.x + pad + ir, fy}, ir, withAlpha(p.meta, dim ? 60 : 200));
    const float initSize = ir * 1.05f;
    ImFont* inf = s.fonts->forSize(initSize);
    const ImVec2 its = inf->CalcTextSizeA(initSize, FLT_MAX, 0, c.initials.c_str());
    dl->AddText(inf, initSize, {a.x + pad + ir - its.x / 2, fy - its.y / 2}, IM_COL32(255, 255, 255, alpha), c.initials.c_str());
    if (!n.dateGathered.empty())
        dl->AddText(metaFont, metaSize, {a.x + pad + ir * 2 + 5 * z, fy - metaSize * 0.55f}, withAlpha(p.meta, dim ? 80 : 255),
                    n.dateGathered.c_str(), nullptr, 0, &clip);
    if (n.votes > 0) {
        const std::string votes = "+" + std::to_string(n.votes);
        const ImVec2 vs = metaFont->CalcTextSizeA(metaSize, FLT_MAX, 0, votes.c_str());
        const float vx = b.x - pad - vs.x;
        dl->AddRectFilled({vx - 4 * z, fy - metaSize * 0.65f}, {b.x - pad + 4 * z, fy + metaSize * 0.65f},
                          withAlpha(p.meta, dim ? 40 : 160), 6 * z);
        dl->AddText(metaFont, metaSize, {vx, fy - metaSize * 0.55f}, IM_COL32(255, 255, 255, alpha), votes.c_str());
    }

    if (n.id == s.linkHandleOf) {
        const ImVec2 h = s.camera.toScreen(r.right(), r.y + r.h / 2, centre);
        dl->AddCircleFilled(h, 7.0f * s.uiScale, p.handle);
        dl->AddCircle(h, 7.0f * s.uiScale, IM_COL32(255, 255, 255, 255), 0, 2.0f);
    }
}

WallStats WallRenderer::draw(ImDrawList* dl, const WallScene& s) {
    WallStats st;
    refresh(s);
    const Palette& p = *s.palette;
    const ImVec2 end{s.origin.x + s.size.x, s.origin.y + s.size.y};
    dl->PushClipRect(s.origin, end, true);
    dl->AddRectFilled(s.origin, end, p.background);
    drawQuadrants(dl, s);

    const Rect view = s.camera.visible(s.size);
    const ImVec2 centre{s.origin.x + s.size.x / 2, s.origin.y + s.size.y / 2};
    const double z = s.camera.zoom;
    const double notePixels = kNoteHeight * z;
    const bool detailed = notePixels >= kCardPixels;

    std::vector<const Note*> visible = s.index->query(view);
    // Dragged notes may have left the indexed places: make sure they are drawn where they are now.
    if ((s.dragDx != 0 || s.dragDy != 0) && s.selection) {
        for (const auto& id : s.selection->ids())
            if (const Note* n = s.doc->note(id); n && n->state == NoteState::Pinned &&
                                                 std::find(visible.begin(), visible.end(), n) == visible.end())
                visible.push_back(n);
    }
    st.visible = static_cast<int>(visible.size());
    drawLinks(dl, s, view, detailed, st);

    if (visible.size() <= 4000)  // stacking order matters when notes are big enough to overlap visibly
        std::sort(visible.begin(), visible.end(), [](const Note* a, const Note* b) {
            return a->created != b->created ? a->created < b->created : a->id < b->id;
        });
    const bool filtering = s.filter && s.filter->active();
    if (!detailed) {
        const int gw = static_cast<int>(s.size.x / 3) + 2, gh = static_cast<int>(s.size.y / 3) + 2;
        if (m_markGrid.size() != static_cast<std::size_t>(gw * gh)) {
            m_markGrid.assign(static_cast<std::size_t>(gw * gh), 0);
            m_markStamp = 0;
        }
        if (++m_markStamp == 0) {
            std::fill(m_markGrid.begin(), m_markGrid.end(), 0);
            m_markStamp = 1;
        }
        for (const Note* n : visible) {
            auto it = m_notes.find(n);
            if (it == m_notes.end()) continue;
            const CachedNote& c = it->second;
            const Rect r = noteWallRect(*n, s);
            const ImVec2 a = s.camera.toScreen(r.x, r.y, centre);
            const bool dim = filtering && !c.matches;
            if (notePixels >= kFoldPixels) {
                const ImVec2 b = s.camera.toScreen(r.right(), r.bottom(), centre);
                dl->AddRectFilled(a, b, withAlpha(c.fill, dim ? 60 : 255));
                if (notePixels >= 8) dl->AddRect(a, b, withAlpha(p.noteBorder, dim ? 15 : 70));
                if (s.selection && s.selection->contains(n->id)) dl->AddRect({a.x - 1, a.y - 1}, {b.x + 1, b.y + 1}, p.selection, 0, 0, 2);
                ++st.plain;
            } else {
                const int gx = static_cast<int>((a.x - s.origin.x) / 3), gy = static_cast<int>((a.y - s.origin.y) / 3);
                if (gx < 0 || gy < 0 || gx >= gw || gy >= gh) continue;
                auto& cell = m_markGrid[static_cast<std::size_t>(gy * gw + gx)];
                if (cell == m_markStamp) continue;
                cell = m_markStamp;
                const ImVec2 q{s.origin.x + gx * 3.0f, s.origin.y + gy * 3.0f};
                dl->AddRectFilled(q, {q.x + 3, q.y + 3}, withAlpha(c.fill, dim ? 60 : 255));
                ++st.marks;
            }
        }
    } else {
        for (const Note* n : visible) {
            auto it = m_notes.find(n);
            if (it == m_notes.end()) continue;
            drawCard(dl, s, *n, it->second, noteWallRect(*n, s));
            ++st.cards;
        }
    }
    dl->PopClipRect();
    return st;
}

}  // namespace cc::gui
