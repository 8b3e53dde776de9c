#include "app/gui/wall_renderer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "app/gui/fonts.h"
#include "canvas/insight_frames.h"
#include "canvas/presence.h"
#include "app/gui/text_layout.h"

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

Rect fitBounds(const Document& doc, int q) { return fitBounds(doc, grownWall(doc), q); }

Rect fitBounds(const Document& doc, const BoardInfo& b, int q) {
    std::array<std::optional<Rect>, 4> used;
    bool any = false;
    for (const auto& [id, n] : doc.notes()) {
        if (n.state == NoteState::Tray) continue;
        const int in = quadrantOf(n);
        const Rect area = quadrantRect(b, in);
        // The quadrant from its top down to below this note, and the note itself if beyond.
        Rect r{area.x, area.y, area.w, std::clamp(n.y + n.h + kNoteGap - area.y, 0.0, area.h)};
        r = r.united(noteRect(n));
        used[in - 1] = used[in - 1] ? used[in - 1]->united(r) : r;
        any = true;
    }
    if (!any) return q == 0 ? Rect{-b.wallWidth / 2, -b.wallHeight / 2, b.wallWidth, b.wallHeight} : quadrantRect(b, q);
    std::optional<Rect> out;
    for (int k = 1; k <= 4; ++k) {
        if (q != 0 && k != q) continue;
        const Rect area = quadrantRect(b, k);
        // At least the header and a row of notes: a quadrant without notes is still seen, with room.
        Rect r{area.x, area.y, area.w, std::min(area.h, kQuadrantHeader + kNoteHeight + 2 * kNoteGap)};
        if (used[k - 1]) r = r.united(*used[k - 1]);
        out = out ? out->united(r) : r;
    }
    return *out;
}

Rect WallRenderer::noteWallRect(const Note& n, const WallScene& s) {  // for callers without the cache
    Rect r = noteRect(n);
    if (!s.resizing.empty() && n.id == s.resizing) {
        r.w = s.resizeW;
        r.h = s.resizeH;
    }
    if ((s.dragDx != 0 || s.dragDy != 0) && s.selection && s.selection->contains(n.id)) {
        r.x += s.dragDx;
        r.y += s.dragDy;
    }
    return r;
}

void WallRenderer::refreshWall(const Document& doc) {
    // The wall is measured once per change (grownWall walks every note); its bounds and what
    // "fit wall" shows follow from it.
    m_wall = grownWall(doc);
    m_wallBounds = {-m_wall.wallWidth / 2, -m_wall.wallHeight / 2, m_wall.wallWidth, m_wall.wallHeight};
    m_fitBounds = fitBounds(doc, m_wall);
}

void WallRenderer::refresh(const WallScene& s) {
    const bool filterChanged = !s.filter ? m_filter.active() : !(*s.filter == m_filter);
    const bool docChanged = m_doc != s.doc || m_revision != s.doc->revision();
    const bool selectionChanged = m_selection != s.selection ||
                                  (s.selection && m_selectionRevision != s.selection->revision());
    // Notes moved or edited in place (the usual change, also from others): update just them.
    Document::NoteUpdates updates;
    const bool inPlace = docChanged && m_doc == s.doc && !filterChanged && m_palette == s.palette &&
                         m_chinese == s.chineseBadges && s.doc->noteUpdatesSince(m_revision, updates) &&
                         refreshInPlace(s, updates);
    if (inPlace) m_revision = s.doc->revision();
    if (!inPlace && (docChanged || filterChanged || m_palette != s.palette || m_chinese != s.chineseBadges)) {
        m_doc = s.doc;
        m_revision = s.doc->revision();
        m_filter = s.filter ? *s.filter : NoteFilter{};
        m_palette = s.palette;
        m_chinese = s.chineseBadges;
        m_notes.clear();
        m_slot.clear();
        for (const Note* n : s.doc->sortedNotes()) {  // creation order: the stacking order
            if (n->state != NoteState::Pinned) continue;
            CachedNote c;
            fill(c, *n, s);
            m_slot.emplace(n, static_cast<std::uint32_t>(m_notes.size()));
            m_notes.push_back(std::move(c));
        }
        m_links.clear();
        m_linkGrid.clear();
        m_longLinks.clear();
        m_linkSlot.clear();
        for (const Link* l : s.doc->sortedLinks()) {
            auto a = m_slot.find(s.doc->note(l->from)), b = m_slot.find(s.doc->note(l->to));
            if (a == m_slot.end() || b == m_slot.end()) continue;  // an end is not on the wall
            const auto index = static_cast<std::uint32_t>(m_links.size());
            m_links.push_back({l, a->second, b->second});
            m_linkSlot.emplace(l, index);
            bucket(index, true);
        }
        m_linkSeen.assign(m_links.size(), 0);
        m_linkStamp = 0;
        if (docChanged) {
            refreshWall(*s.doc);
        }
        m_selectionRevision = ~0ull;  // the selected flags are refilled below
    }
    if (selectionChanged || m_selectionRevision == ~0ull) {
        m_selection = s.selection;
        m_selectionRevision = s.selection ? s.selection->revision() : 0;
        for (auto& c : m_notes) c.selected = false;
        if (s.selection)
            for (const auto& id : s.selection->ids())
                if (auto it = m_slot.find(s.doc->note(id)); it != m_slot.end()) m_notes[it->second].selected = true;
    }
}

void WallRenderer::fill(CachedNote& c, const Note& n, const WallScene& s) const {
    const SourceKinds& kinds = s.doc->sourceKinds();
    c.note = &n;
    c.rect = noteRect(n);
    c.fill = noteFill(*s.palette, noteColour(n, kinds));
    c.title = noteTitle(n);
    c.body.clear();
    const auto at = n.text.find(c.title);
    if (at != std::string::npos) {
        auto bodyStart = n.text.find('\n', at + c.title.size());
        if (bodyStart != std::string::npos) c.body = n.text.substr(bodyStart + 1);
    }
    c.initials = initialsOf(n.author);
    c.badge.clear();
    if (const SourceKind* k = kinds.find(n.source)) c.badge = s.chineseBadges ? k->chinese : k->english;
    c.matches = m_filter.matches(n);
}

void WallRenderer::bucket(std::uint32_t index, bool add) {
    const CachedLink& l = m_links[index];
    const Rect bb = m_notes[l.a].rect.united(m_notes[l.b].rect);
    const int x0 = static_cast<int>(std::floor(bb.x / m_linkCell)), x1 = static_cast<int>(std::floor(bb.right() / m_linkCell));
    const int y0 = static_cast<int>(std::floor(bb.y / m_linkCell)), y1 = static_cast<int>(std::floor(bb.bottom() / m_linkCell));
    // A link between far-apart notes would fill a great many cells (two notes at opposite ends
    // of the largest wall: 10^8): such links are kept aside and looked at every frame instead.
    if ((static_cast<double>(x1) - x0 + 1) * (static_cast<double>(y1) - y0 + 1) > kMaxLinkCells) {
        auto pos = std::lower_bound(m_longLinks.begin(), m_longLinks.end(), index);
        if (add && (pos == m_longLinks.end() || *pos != index)) m_longLinks.insert(pos, index);
        if (!add && pos != m_longLinks.end() && *pos == index) m_longLinks.erase(pos);
        return;
    }
    for (int x = x0; x <= x1; ++x)
        for (int y = y0; y <= y1; ++y) {
            if (add) {
                // Kept in index order, as a rebuild fills them: links overlap in the same order.
                auto& v = m_linkGrid[cellKey(x, y)];
                if (v.empty() || v.back() < index) v.push_back(index);
                else v.insert(std::lower_bound(v.begin(), v.end(), index), index);
                continue;
            }
            auto it = m_linkGrid.find(cellKey(x, y));
            if (it == m_linkGrid.end()) continue;
            auto& v = it->second;
            if (auto pos = std::find(v.begin(), v.end(), index); pos != v.end()) v.erase(pos);
            if (v.empty()) m_linkGrid.erase(it);
        }
}

bool WallRenderer::refreshInPlace(const WallScene& s, const Document::NoteUpdates& updates) {
    // First check that no note comes onto the wall or leaves it: that changes the order of the
    // cached arrays, which only a rebuild gets right.
    for (const auto& [before, after] : updates) {
        const bool was = before.state == NoteState::Pinned, is = after.state == NoteState::Pinned;
        if (was != is) return false;
        if (is && !m_slot.count(s.doc->note(after.id))) return false;
    }
    bool moved = false;
    for (const auto& [before, after] : updates) {
        if (after.state != NoteState::Pinned) continue;
        const Note* n = s.doc->note(after.id);
        CachedNote& c = m_notes[m_slot.at(n)];
        const Rect newRect = noteRect(*n);
        const bool rectChanged = !(newRect.x == c.rect.x && newRect.y == c.rect.y && newRect.w == c.rect.w && newRect.h == c.rect.h);
        if (rectChanged) {
            // Its links leave the grid cells of their old boxes and join those of the new ones.
            std::vector<std::uint32_t> links;
            for (const auto& linkId : s.doc->linksOf(n->id))
                if (auto it = m_linkSlot.find(s.doc->link(linkId)); it != m_linkSlot.end()) links.push_back(it->second);
            for (auto i : links) bucket(i, false);
            const bool selected = c.selected;
            fill(c, *n, s);
            c.selected = selected;
            for (auto i : links) bucket(i, true);
            moved = true;
        } else {
            const bool selected = c.selected;
            fill(c, *n, s);
            c.selected = selected;
        }
    }
    if (moved) {
        refreshWall(*s.doc);
    }
    return true;
}

void WallRenderer::drawQuadrants(ImDrawList* dl, const WallScene& s) {
    const BoardInfo& b = m_wall;
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
            drawWrapped(dl, s.fonts->forSize(descSize), descSize, {at.x, at.y + titleSize * 1.3f}, p.description,
                        qi.description, width - 48 * z, clip, 3);
        }
    }
}

void WallRenderer::drawLinks(ImDrawList* dl, const WallScene& s, const Rect& view, bool whole, bool detailed,
                             WallStats& st) {
    const Palette& p = *s.palette;
    const ImVec2 centre{s.origin.x + s.size.x / 2, s.origin.y + s.size.y / 2};
    const float z = static_cast<float>(s.camera.zoom);
    const bool filtering = s.filter && s.filter->active();

    auto drawOne = [&](const CachedLink& cl) {
        const CachedNote& na = m_notes[cl.a];
        const CachedNote& nb = m_notes[cl.b];
        const Link& l = *cl.link;
        const Rect ra = placed(na, s), rb = placed(nb, s);
        if (!ra.united(rb).intersects(view)) return;
        double ax, ay, bx, by;
        borderPoint(ra, rb.x + rb.w / 2, rb.y + rb.h / 2, ax, ay);
        borderPoint(rb, ra.x + ra.w / 2, ra.y + ra.h / 2, bx, by);
        const ImVec2 pa = s.camera.toScreen(ax, ay, centre), pb = s.camera.toScreen(bx, by, centre);
        const float len = std::hypot(pb.x - pa.x, pb.y - pa.y);
        if (len < 2) return;
        ImU32 col = l.kind == LinkKind::Supports ? p.supports : l.kind == LinkKind::Conflicts ? p.conflicts : p.relates;
        const bool dimmed = filtering && !(na.matches && nb.matches);
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

    if (whole) {
        for (const auto& cl : m_links) drawOne(cl);
        return;
    }
    if (++m_linkStamp == 0) {
        std::fill(m_linkSeen.begin(), m_linkSeen.end(), 0);
        m_linkStamp = 1;
    }
    auto visit = [&](std::uint32_t index) {
        if (m_linkSeen[index] == m_linkStamp) return;
        m_linkSeen[index] = m_linkStamp;
        drawOne(m_links[index]);
    };
    const int x0 = static_cast<int>(std::floor(view.x / m_linkCell)), x1 = static_cast<int>(std::floor(view.right() / m_linkCell));
    const int y0 = static_cast<int>(std::floor(view.y / m_linkCell)), y1 = static_cast<int>(std::floor(view.bottom() / m_linkCell));
    for (std::uint32_t index : m_longLinks) visit(index);
    for (int x = x0; x <= x1; ++x)
        for (int y = y0; y <= y1; ++y)
            if (auto it = m_linkGrid.find(cellKey(x, y)); it != m_linkGrid.end())
                for (std::uint32_t index : it->second) visit(index);
    // During a drag the grid still has the old places: draw the dragged notes' links as well.
    if ((s.dragDx != 0 || s.dragDy != 0) && s.selection)
        for (std::uint32_t index = 0; index < m_links.size() && s.selection->size() < 2000; ++index)
            if (m_notes[m_links[index].a].selected || m_notes[m_links[index].b].selected) visit(index);
}

void WallRenderer::drawTitleCard(ImDrawList* dl, const WallScene& s, const CachedNote& c, const ImVec2& a, const ImVec2& b,
                                 WallStats& st) {
    // Seen from afar (a projector at "fit wall") the badge, body and footer could not be read
    // anyway: the card gives all its room to the title, at a size a room can read.
    const float size = s.titlePixels;
    const float pad = std::max(3.0f, size * 0.3f);
    if (b.y - a.y < size * 1.18f + pad || b.x - a.x < size * 2 + 2 * pad) return;  // the colour says what it can
    const bool dim = !c.matches && s.filter && s.filter->active();
    const ImVec4 clip{a.x, a.y, b.x - pad * 0.5f, b.y - pad * 0.5f};
    drawWrapped(dl, s.fonts->forSize(size), size, {a.x + pad, a.y + pad * 0.7f}, withAlpha(s.palette->noteText, dim ? 90 : 255),
                c.title, b.x - a.x - 2 * pad, clip, 1000, 0.6f);
    ++st.titleCards;
    ++st.titles;
    st.smallestTitle = st.smallestTitle > 0 ? std::min(st.smallestTitle, size) : size;
}

void WallRenderer::drawCard(ImDrawList* dl, const WallScene& s, const CachedNote& c, const Rect& r, WallStats& st) {
    const Note& n = *c.note;
    const Palette& p = *s.palette;
    const ImVec2 centre{s.origin.x + s.size.x / 2, s.origin.y + s.size.y / 2};
    const float z = static_cast<float>(s.camera.zoom);
    const ImVec2 a = s.camera.toScreen(r.x, r.y, centre), b = s.camera.toScreen(r.right(), r.bottom(), centre);
    const bool dim = !c.matches && s.filter && s.filter->active();
    const int alpha = dim ? 70 : 255;
    const bool selected = c.selected;
    const float rounding = std::min(8.0f * z, 8.0f);

    const float shadow = std::clamp(4.0f * z, 1.0f, 5.0f);
    dl->AddRectFilled({a.x + shadow * 0.5f, a.y + shadow}, {b.x + shadow * 0.5f, b.y + shadow},
                      withAlpha(p.noteShadow, dim ? 10 : alphaOf(p.noteShadow)), rounding);
    dl->AddRectFilled(a, b, withAlpha(c.fill, alpha), rounding);
    if (selected) dl->AddRect({a.x - 2, a.y - 2}, {b.x + 2, b.y + 2}, p.selection, rounding + 2, 0, 2.5f);
    else if (n.id == s.hovered) dl->AddRect(a, b, p.hover, rounding, 0, 1.5f);
    else dl->AddRect(a, b, withAlpha(p.noteBorder, dim ? 15 : alphaOf(p.noteBorder)), rounding);

    auto drawHandles = [&] {
        if (n.id != s.linkHandleOf) return;
        const ImVec2 h = s.camera.toScreen(r.right(), r.y + r.h / 2, centre);
        dl->AddCircleFilled(h, 7.0f * s.uiScale, p.handle);
        dl->AddCircle(h, 7.0f * s.uiScale, IM_COL32(255, 255, 255, 255), 0, 2.0f);
        // The resize grip: three short diagonal strokes in the bottom-right corner.
        const float g = std::min(12.0f * s.uiScale, (b.y - a.y) / 3);
        for (int i = 1; i <= 3; ++i) {
            const float k = g * i / 3;
            dl->AddLine({b.x - k - 2, b.y - 2}, {b.x - 2, b.y - k - 2}, p.handle, 1.5f * s.uiScale);
        }
    };
    if (kTitleSize * z < s.titlePixels && n.id != s.editing) {
        drawTitleCard(dl, s, c, a, b, st);
        drawHandles();
        return;
    }

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
        y += drawWrapped(dl, tf, titleSize, {a.x + pad, y}, text, c.title, wrap, tclip, 3, titleSize >= 9 ? 0.6f : 0);
        ++st.titles;
        st.smallestTitle = st.smallestTitle > 0 ? std::min(st.smallestTitle, titleSize) : titleSize;
        y += 2 * z;
        if (!c.body.empty() && y < footerTop) {
            const float bodySize = static_cast<float>(kBodySize * z);
            drawWrapped(dl, s.fonts->forSize(bodySize), bodySize, {a.x + pad, y}, withAlpha(p.noteText, dim ? 70 : 215),
                        c.body, wrap, tclip);
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

    drawHandles();
}

void WallRenderer::drawOthers(ImDrawList* dl, const WallScene& s) {
    if (!s.others || s.others->empty()) return;
    const ImVec2 centre{s.origin.x + s.size.x / 2, s.origin.y + s.size.y / 2};
    const Rect view = s.camera.visible(s.size);
    ImFont* font = s.fonts->forSize(12 * s.uiScale);
    for (const Presence& p : *s.others) {
        const ImU32 col = IM_COL32((p.colour >> 16) & 0xFF, (p.colour >> 8) & 0xFF, p.colour & 0xFF, 255);
        const std::string initials = initialsOf(p.name);
        auto mark = [&](const std::string& id, bool editing) {
            const Note* n = s.doc->note(id);
            if (!n || n->state != NoteState::Pinned || !noteRect(*n).intersects(view)) return;
            const ImVec2 a = s.camera.toScreen(n->x, n->y, centre), b = s.camera.toScreen(n->x + n->w, n->y + n->h, centre);
            dl->AddRect({a.x - 4, a.y - 4}, {b.x + 4, b.y + 4}, col, 6, 0, editing ? 3.0f : 2.0f);
            // A tag with their initials (and a pencil's worth of meaning: "…" while they type).
            const std::string tag = editing ? initials + " …" : initials;
            const float size = 12 * s.uiScale;
            const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, tag.c_str());
            const ImVec2 t{a.x - 4, a.y - 6 - ts.y - 2};
            dl->AddRectFilled(t, {t.x + ts.x + 8, t.y + ts.y + 2}, col, 3);
            dl->AddText(font, size, {t.x + 4, t.y + 1}, IM_COL32(255, 255, 255, 255), tag.c_str());
        };
        for (const auto& id : p.selected) mark(id, id == p.editing);
        if (!p.editing.empty() && std::find(p.selected.begin(), p.selected.end(), p.editing) == p.selected.end())
            mark(p.editing, true);
    }
}

void WallRenderer::drawFrames(ImDrawList* dl, const WallScene& s, const Rect& view, WallStats& st) {
    if (s.doc->insights().empty()) return;
    if (m_gradesRevision != s.doc->revision()) {
        m_gradesRevision = s.doc->revision();
        m_grades.clear();
        const std::string today = todayDate();
        for (const auto& [id, i] : s.doc->insights()) m_grades[id] = evidenceStrength(*s.doc, i, today).grade;
    }
    const Palette& p = *s.palette;
    const ImVec2 centre{s.origin.x + s.size.x / 2, s.origin.y + s.size.y / 2};
    const float z = static_cast<float>(s.camera.zoom);
    const double band = frameBandHeight(1.0 / s.camera.zoom);
    // Frames follow their notes as drawn (a drag in progress moves them too).
    const NotePlace place = [&](const Note& n) {
        auto it = m_slot.find(&n);
        return it == m_slot.end() ? noteRect(n) : placed(m_notes[it->second], s);
    };
    for (const InsightFrame& f : insightFrames(*s.doc, band, place)) {
        if (!f.box.intersects(view)) continue;
        const bool chosen = s.selection && s.selection->insight() == f.insight->id;
        const ImVec2 a = s.camera.toScreen(f.box.x, f.box.y, centre), b = s.camera.toScreen(f.box.right(), f.box.bottom(), centre);
        const float bandPx = static_cast<float>(band * z);
        const float rounding = std::min(10.0f * z, 10.0f);
        dl->AddRectFilled(a, b, p.frameFill, rounding);
        dl->AddRectFilled(a, {b.x, a.y + bandPx}, p.frameBand, rounding, ImDrawFlags_RoundCornersTop);
        // Its evidence stands out from other notes that happen to lie inside the frame: an edge
        // in the frame's colour behind each of its notes.
        const float halo = std::clamp(6.0f * z, 2.0f, 6.0f);
        for (const auto& id : f.notes) {
            const Note* n = s.doc->note(id);
            if (!n) continue;
            const Rect r = place(*n);
            const ImVec2 na = s.camera.toScreen(r.x, r.y, centre), nb = s.camera.toScreen(r.right(), r.bottom(), centre);
            dl->AddRectFilled({na.x - halo, na.y - halo}, {nb.x + halo, nb.y + halo}, p.frameBorder, rounding);
        }
        dl->AddRect(a, b, chosen ? p.selection : p.frameBorder, rounding, 0, chosen ? 3.0f : std::clamp(2.0f * z, 1.0f, 2.0f));
        ++st.frames;
        if (bandPx < 8 || f.insight->id == s.editingInsight) continue;
        // The title on the left, the strength on the right, at a size read from afar.
        const float size = std::min(bandPx * 0.58f, 40.0f * s.uiScale);
        const float pad = size * 0.45f;
        ImFont* font = s.fonts->forSize(size);
        const auto g = m_grades.find(f.insight->id);
        const StrengthGrade grade = g == m_grades.end() ? StrengthGrade::Weak : g->second;
        const std::string chip = gradeWord(grade);
        const float chipW = font->CalcTextSizeA(size * 0.85f, FLT_MAX, 0, chip.c_str()).x + 2 * pad;
        const ImVec2 chipA{b.x - pad - chipW, a.y + bandPx * 0.15f}, chipB{b.x - pad, a.y + bandPx * 0.85f};
        const bool roomForChip = chipA.x > a.x + 4 * size;
        if (roomForChip) {
            const ImU32 c = grade == StrengthGrade::Strong ? p.strong : grade == StrengthGrade::Moderate ? p.moderate : p.weak;
            dl->AddRectFilled(chipA, chipB, c, (chipB.y - chipA.y) / 2);
            dl->AddText(font, size * 0.85f, {chipA.x + pad, a.y + (bandPx - size * 0.85f) / 2}, IM_COL32(255, 255, 255, 255),
                        chip.c_str());
        }
        const float right = roomForChip ? chipA.x - pad : b.x - pad;
        // A title longer than its band ends in "…".
        const auto title = firstLines(font, size, f.insight->title, right - a.x - pad, 1);
        if (!title.empty())
            dl->AddText(font, size, {a.x + pad, a.y + (bandPx - size) / 2}, p.frameTitle, title[0].c_str());
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

    // The whole wall: walk the cached notes in stacking order. Zoomed in: ask the spatial index.
    const bool whole = view.w * view.h >= 0.5 * m_wallBounds.w * m_wallBounds.h;
    m_visible.clear();
    const bool dragging = s.dragDx != 0 || s.dragDy != 0;
    if (whole) {
        for (std::uint32_t i = 0; i < m_notes.size(); ++i)
            if (placed(m_notes[i], s).intersects(view)) m_visible.push_back(i);
    } else {
        for (const Note* n : s.index->query(view))
            if (auto it = m_slot.find(n); it != m_slot.end() && !(dragging && m_notes[it->second].selected))
                m_visible.push_back(it->second);
        // Dragged notes are drawn where they are now, wherever the index has them.
        if (dragging)
            for (std::uint32_t i = 0; i < m_notes.size() && s.selection->size() < 2000; ++i)
                if (m_notes[i].selected && placed(m_notes[i], s).intersects(view)) m_visible.push_back(i);
        std::sort(m_visible.begin(), m_visible.end());  // slots are in stacking order
    }
    st.visible = static_cast<int>(m_visible.size());
    drawFrames(dl, s, view, st);
    drawLinks(dl, s, view, whole, detailed, st);

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
        for (std::uint32_t slot : m_visible) {
            const CachedNote& c = m_notes[slot];
            const Rect r = placed(c, s);
            const ImVec2 a = s.camera.toScreen(r.x, r.y, centre);
            const bool dim = filtering && !c.matches;
            if (notePixels >= kFoldPixels) {
                const ImVec2 b = s.camera.toScreen(r.right(), r.bottom(), centre);
                dl->AddRectFilled(a, b, withAlpha(c.fill, dim ? 60 : 255));
                if (notePixels >= 8) dl->AddRect(a, b, withAlpha(p.noteBorder, dim ? 15 : 70));
                if (c.selected) dl->AddRect({a.x - 1, a.y - 1}, {b.x + 1, b.y + 1}, p.selection, 0, 0, 2);
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
        for (std::uint32_t slot : m_visible) {
            drawCard(dl, s, m_notes[slot], placed(m_notes[slot], s), st);
            ++st.cards;
        }
    }
    drawOthers(dl, s);
    dl->PopClipRect();
    return st;
}

}  // namespace cc::gui
