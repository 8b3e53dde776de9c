#include "canvas/wall_tool.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "canvas/insight_frames.h"

namespace cc {

WallTool::WallTool(Editor& editor, const SpatialIndex& index, Selection& selection)
    : m_editor(editor), m_index(index), m_selection(selection) {}

Rect WallTool::rubberBand() const {
    return {std::min(m_start.x, m_last.x), std::min(m_start.y, m_last.y), std::fabs(m_last.x - m_start.x),
            std::fabs(m_last.y - m_start.y)};
}

template <class F>
const Note* WallTool::shownHandle(F near) const {
    const Document& doc = m_editor.document();
    auto shown = [&](const std::string& id) -> const Note* {
        const Note* n = doc.note(id);
        return n && n->state == NoteState::Pinned && near(*n) ? n : nullptr;
    };
    if (!m_hovered.empty())
        if (const Note* n = shown(m_hovered)) return n;
    for (const auto& id : m_selection.ids())
        if (const Note* n = shown(id)) return n;
    return nullptr;
}

const Note* WallTool::handleAt(const Pointer& p) const {
    const double r = 9 * m_px;
    return shownHandle([&](const Note& n) {
        auto [hx, hy] = linkHandle(n);
        return (p.x - hx) * (p.x - hx) + (p.y - hy) * (p.y - hy) <= r * r;
    });
}

const Note* WallTool::gripAt(const Pointer& p) const {
    // The corner's last 14 pixels inside the note (a third of it at most, for tiny notes).
    return shownHandle([&](const Note& n) {
        const double gx = std::min(14 * m_px, n.w / 3), gy = std::min(14 * m_px, n.h / 3);
        return p.x <= n.x + n.w && p.y <= n.y + n.h && p.x >= n.x + n.w - gx && p.y >= n.y + n.h - gy;
    });
}

const Insight* WallTool::frameTitleAt(const Pointer& p) const {
    const auto frames = insightFrames(m_editor.document(), frameBandHeight(m_px));
    const InsightFrame* f = frameBandAt(frames, p.x, p.y);
    return f ? f->insight : nullptr;
}

void WallTool::down(const Pointer& p) {
    m_start = m_last = p;
    m_dx = m_dy = 0;
    if (const Note* h = handleAt(p)) {
        m_linkFrom = h->id;
        m_state = State::Linking;
        return;
    }
    if (const Note* g = gripAt(p)) {
        m_resizing = g->id;
        m_resizeW = g->w;
        m_resizeH = g->h;
        m_selection.set({g->id});
        m_state = State::Resizing;
        return;
    }
    const Note* n = m_index.hit(p.x, p.y);
    if (n) {
        m_pressed = n->id;
        m_pressToggled = false;
        if (p.shift || p.ctrl) {
            m_selection.toggle(n->id);
            m_pressToggled = true;
        } else if (!m_selection.contains(n->id)) {
            m_selection.set({n->id});
        }
        m_state = State::PointingNote;
        return;
    }
    // A frame's title chooses its insight, with its notes (dragging it moves them all).
    const auto frames = insightFrames(m_editor.document(), frameBandHeight(m_px));
    if (const InsightFrame* f = frameBandAt(frames, p.x, p.y)) {
        m_selection.setInsight(f->insight->id, f->notes);
        m_state = State::PointingFrame;
        return;
    }
    m_rubberBase = (p.shift || p.ctrl) ? m_selection.ids() : std::vector<std::string>{};
    if (!(p.shift || p.ctrl)) m_selection.clear();
    m_state = State::PointingEmpty;
}

void WallTool::move(const Pointer& p) {
    m_last = p;
    if (m_state == State::Idle) {
        const Note* n = m_index.hit(p.x, p.y);
        m_hovered = n ? n->id : std::string();
        return;
    }
    const double dist = std::hypot(p.x - m_start.x, p.y - m_start.y);
    switch (m_state) {
        case State::PointingNote:
            if (dist >= threshold() && m_selection.contains(m_pressed)) m_state = State::Dragging;
            else break;
            [[fallthrough]];
        case State::PointingFrame:
            if (m_state == State::PointingFrame) {
                if (dist >= threshold() && !m_selection.empty()) m_state = State::Dragging;
                else break;
            }
            [[fallthrough]];
        case State::Dragging:
            m_dx = p.x - m_start.x;
            m_dy = p.y - m_start.y;
            break;
        case State::PointingEmpty:
            if (dist >= threshold()) m_state = State::RubberBand;
            else break;
            [[fallthrough]];
        case State::RubberBand: {
            std::vector<std::string> ids = m_rubberBase;
            for (const Note* n : m_index.query(rubberBand()))
                if (std::find(ids.begin(), ids.end(), n->id) == ids.end()) ids.push_back(n->id);
            std::sort(ids.begin() + static_cast<long>(m_rubberBase.size()), ids.end());
            if (ids != m_selection.ids()) m_selection.set(std::move(ids));
            break;
        }
        case State::Linking: {
            const Note* n = m_index.hit(p.x, p.y);
            m_hovered = n ? n->id : std::string();
            break;
        }
        case State::Resizing:
            if (const Note* n = m_editor.document().note(m_resizing))
                std::tie(m_resizeW, m_resizeH) =
                    resizedSize(m_editor.document(), *n, n->w + p.x - m_start.x, n->h + p.y - m_start.y);
            break;
        case State::Idle: break;
    }
}

void WallTool::up(const Pointer& p) {
    move(p);
    switch (m_state) {
        case State::PointingNote:
            // A plain click on a note of a multi-selection selects just that note.
            if (!m_pressToggled && !(p.shift || p.ctrl)) m_selection.set({m_pressed});
            break;
        case State::Dragging: {
            // Only notes on the wall move; notes dropped into a frame or out of theirs join or
            // leave its insight. The whole drag is one undo step.
            std::vector<std::string> ids;
            for (const auto& id : m_selection.ids())
                if (const Note* n = m_editor.document().note(id); n && n->state == NoteState::Pinned) ids.push_back(id);
            if (ids.empty() || (m_dx == 0 && m_dy == 0)) break;
            const Document& doc = m_editor.document();
            const std::vector<Insight> changed =
                evidenceAfterMove(doc, insightFrames(doc, frameBandHeight(m_px)), ids, m_dx, m_dy);
            if (changed.empty()) {
                m_editor.moveNotes(ids, m_dx, m_dy);
                break;
            }
            m_editor.beginGesture();
            try {
                m_editor.moveNotes(ids, m_dx, m_dy);
                for (const Insight& i : changed) m_editor.updateInsight(i);
            } catch (...) {
                m_editor.cancelGesture();
                throw;
            }
            m_editor.endGesture();
            break;
        }
        case State::Linking: {
            const Note* target = m_index.hit(p.x, p.y);
            if (target && target->id != m_linkFrom) m_linkRequest = std::make_pair(m_linkFrom, target->id);
            break;
        }
        case State::Resizing:
            if (m_editor.document().note(m_resizing)) m_editor.resizeNote(m_resizing, m_resizeW, m_resizeH);
            break;
        default: break;
    }
    m_state = State::Idle;
    m_dx = m_dy = 0;
    m_linkFrom.clear();
    m_resizing.clear();
    m_pressed.clear();
}

void WallTool::doubleClick(const Pointer& p) {
    m_state = State::Idle;
    if (const Note* n = m_index.hit(p.x, p.y)) {
        m_selection.set({n->id});
        m_editRequest = n->id;
        return;
    }
    const auto frames = insightFrames(m_editor.document(), frameBandHeight(m_px));
    if (const InsightFrame* f = frameBandAt(frames, p.x, p.y)) {
        m_selection.setInsight(f->insight->id, f->notes);
        m_titleEditRequest = f->insight->id;
        return;
    }
    newNoteAt(p.x, p.y);
}

std::string WallTool::newNoteAt(double x, double y) {
    // A new note as near as it can be to where the person pointed, in the quadrant pointed at,
    // straight into text editing. The view ends the gesture when editing ends (an empty note
    // is then removed: no undo step).
    m_editor.beginGesture();
    Note n = m_editor.makeNote("", "other");
    Placement where;
    where.quadrant = quadrantAt(x, y);
    where.at = std::make_pair(x - n.w / 2, y - n.h / 2);
    where.nearestFree = true;
    const std::string id = m_editor.addNote(m_editor.placed(std::move(n), nullptr, where));
    m_selection.set({id});
    m_editRequest = id;
    return id;
}

void WallTool::escape() {
    if (m_state == State::RubberBand) m_selection.set(m_rubberBase);
    m_state = State::Idle;
    m_dx = m_dy = 0;
    m_linkFrom.clear();
    m_resizing.clear();
}

bool WallTool::requestLinkForSelection() {
    if (m_selection.size() != 2) return false;
    m_linkRequest = std::make_pair(m_selection.ids()[0], m_selection.ids()[1]);
    return true;
}

}  // namespace cc
