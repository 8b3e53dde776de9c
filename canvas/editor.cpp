#include "canvas/editor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <tuple>
#include <unordered_set>

#include "canvas/geometry.h"
#include "canvas/wording.h"

namespace cc {

namespace {
/// The insights of `doc` that cite a note of `gone`, as updates that drop those notes from their
/// evidence, each applied over its version in `pending` (updates already planned) when there is one.
std::vector<std::pair<Insight, Insight>> insightsWithout(const Document& doc, const std::unordered_set<std::string>& gone,
                                                         std::vector<std::pair<Insight, Insight>> pending) {
    std::unordered_set<std::string> planned;
    for (auto& [before, after] : pending) {
        planned.insert(after.id);
        std::erase_if(after.notes, [&](const std::string& n) { return gone.count(n) > 0; });
    }
    std::vector<std::pair<Insight, Insight>> out;
    for (const Insight* i : doc.sortedInsights()) {
        if (planned.count(i->id)) continue;
        Insight after = *i;
        std::erase_if(after.notes, [&](const std::string& n) { return gone.count(n) > 0; });
        if (after.notes.size() != i->notes.size()) out.emplace_back(*i, std::move(after));
    }
    for (auto& p : pending)
        if (!(p.first == p.second)) out.push_back(std::move(p));
    return out;
}
}  // namespace

void setSourceKind(Note& n, const SourceKind& kind) {
    n.source = kind.key;
    if (!kind.eitherData) n.data = kind.data;
    n.customerInitiated = kind.customerInitiated;
}

namespace {

std::string placementMessage(PlacementError::Kind kind, int quadrant, int placedIn) {
    if (kind == PlacementError::Kind::NeedsAPlace) return message(CC_TEMPLATE("a note leaving the tray needs a place on the wall"));
    return message(CC_TEMPLATE("the place given is in quadrant {1}, not {2}"), {std::to_string(placedIn), std::to_string(quadrant)});
}

}  // namespace

PlacementError::PlacementError(Kind k, int q, int in)
    : ChangeError(placementMessage(k, q, in)), kind(k), quadrant(q), placedIn(in) {}

Editor::Editor(Document& doc, std::string author) : m_doc(doc), m_author(std::move(author)) {}

Note Editor::placed(Note n, const Note* before, const Placement& where) const {
    if (where.quadrant && (*where.quadrant < 1 || *where.quadrant > 4))
        throw ChangeError(message(CC_TEMPLATE("quadrant must be 1 to 4, not {1}"), {std::to_string(*where.quadrant)}));
    const bool wasInTray = !before || before->state == NoteState::Tray;
    if (where.at) {
        n.x = where.at->first;
        n.y = where.at->second;
        if (n.state == NoteState::Tray) n.state = NoteState::Pinned;
        if (where.nearestFree) {
            if (n.w <= 0) n.w = kNoteWidth;
            if (n.h <= 0) n.h = kNoteHeight;
            const int q = where.quadrant.value_or(quadrantOf(n));
            std::tie(n.x, n.y) = freePlaceNear(m_doc, n, q, n.x, n.y);
        }
        if (where.quadrant && quadrantOf(n) != *where.quadrant)
            throw PlacementError(PlacementError::Kind::OutsideQuadrant, *where.quadrant, quadrantOf(n));
    } else if (where.quadrant) {
        if (n.state == NoteState::Tray) n.state = NoteState::Pinned;
        if (wasInTray || quadrantOf(n) != *where.quadrant) {
            if (n.w <= 0) n.w = kNoteWidth;
            if (n.h <= 0) n.h = kNoteHeight;
            const auto [x, y] = freeSpotInQuadrant(m_doc, *where.quadrant, n.w, n.h);
            n.x = x;
            n.y = y;
        }
    } else if (n.state != NoteState::Tray && wasInTray) {
        throw PlacementError(PlacementError::Kind::NeedsAPlace, 0, 0);
    }
    return n;
}

std::pair<double, double> freePlaceNear(const Document& doc, const Note& n, int q, double x, double y,
                                        const std::vector<Rect>& alsoTaken) {
    const double w = n.w > 0 ? n.w : kNoteWidth, h = n.h > 0 ? n.h : kNoteHeight;
    const BoardInfo wall = grownWall(doc);
    // Other notes keep kNoteGap clear around them (less a hair, so that the grid's places,
    // exactly kNoteGap apart, count as free).
    const double gap = kNoteGap - 1e-6;
    // The corner may go from here to there and keep the note inside the quadrant, under its
    // header. A quadrant with no room left is that of a wall a quarter larger each time (the
    // wall grows with the note placed there: grownWall), as freeSpotsInQuadrant does.
    for (double scale = 1;; scale *= 1.25) {
        BoardInfo b = wall;
        b.wallWidth = std::min(wall.wallWidth * scale, limits::kMaxCoordinate);
        b.wallHeight = std::min(wall.wallHeight * scale, limits::kMaxCoordinate);
        const Rect area = quadrantRect(b, q);
        const double x0 = area.x + kNoteGap, x1 = std::max(x0, area.right() - kNoteGap - w);
        const double y0 = area.y + kQuadrantHeader, y1 = std::max(y0, area.bottom() - kNoteGap - h);
        const Rect reach{x0 - w - kNoteGap, y0 - h - kNoteGap, x1 - x0 + 2 * (w + kNoteGap), y1 - y0 + 2 * (h + kNoteGap)};
        std::vector<Rect> taken;
        for (const Rect& t : alsoTaken)
            if (t.intersects(reach)) taken.push_back(t);
        for (const auto& [id, o] : doc.notes())
            if (o.state != NoteState::Tray && id != n.id && noteRect(o).intersects(reach)) taken.push_back(noteRect(o));
        auto freeAt = [&](double cx, double cy) {
            const Rect r{cx - gap, cy - gap, w + 2 * gap, h + 2 * gap};
            return std::none_of(taken.begin(), taken.end(), [&](const Rect& t) { return t.intersects(r); });
        };
        // The nearest free place is the wanted one or lies against the edge of a note or of the
        // quadrant: those coordinates are the candidates, nearest first. The edges of the notes
        // nearest the wanted place are enough (a crowded quadrant would give too many).
        std::vector<Rect> near = taken;
        auto distance = [&](const Rect& t) {
            return std::hypot(std::max({0.0, t.x - x, x - t.right()}), std::max({0.0, t.y - y, y - t.bottom()}));
        };
        constexpr std::size_t kNearest = 80;
        if (near.size() > kNearest) {
            std::nth_element(near.begin(), near.begin() + kNearest, near.end(),
                             [&](const Rect& a, const Rect& b) { return distance(a) < distance(b); });
            near.resize(kNearest);
        }
        std::vector<double> xs{std::clamp(x, x0, x1), x0, x1}, ys{std::clamp(y, y0, y1), y0, y1};
        for (const Rect& t : near) {
            xs.push_back(t.right() + kNoteGap);
            xs.push_back(t.x - kNoteGap - w);
            ys.push_back(t.bottom() + kNoteGap);
            ys.push_back(t.y - kNoteGap - h);
        }
        auto keep = [](std::vector<double>& v, double lo, double hi) {
            v.erase(std::remove_if(v.begin(), v.end(), [&](double c) { return c < lo - 1e-9 || c > hi + 1e-9; }), v.end());
            std::sort(v.begin(), v.end());
            v.erase(std::unique(v.begin(), v.end()), v.end());
        };
        keep(xs, x0, x1);
        keep(ys, y0, y1);
        std::vector<std::pair<double, std::pair<double, double>>> candidates;
        candidates.reserve(xs.size() * ys.size());
        for (double cx : xs)
            for (double cy : ys) candidates.push_back({std::hypot(cx - x, cy - y), {cx, cy}});
        std::sort(candidates.begin(), candidates.end());
        for (const auto& [d, place] : candidates)
            if (freeAt(place.first, place.second)) return place;
        if (b.wallWidth >= limits::kMaxCoordinate || b.wallHeight >= limits::kMaxCoordinate)
            return {std::clamp(x, x0, x1), std::clamp(y, y0, y1)};  // no wall holds more
    }
}

std::pair<double, double> resizedSize(const Document& doc, const Note& n, double w, double h) {
    const Rect area = quadrantRect(grownWall(doc), quadrantOf(n));
    const double maxW = std::clamp(area.right() - n.x, kMinNoteWidth, limits::kMaxNoteSize);
    const double maxH = std::clamp(area.bottom() - n.y, kMinNoteHeight, limits::kMaxNoteSize);
    return {std::clamp(w, kMinNoteWidth, std::max(maxW, std::min(n.w, limits::kMaxNoteSize))),
            std::clamp(h, kMinNoteHeight, std::max(maxH, std::min(n.h, limits::kMaxNoteSize)))};
}

Note Editor::makeNote(std::string text, std::string source) const {
    Note n;
    n.id = newId("n");
    n.text = std::move(text);
    n.source = std::move(source);
    if (const SourceKind* k = m_doc.sourceKinds().find(n.source)) setSourceKind(n, *k);
    n.author = m_author;
    n.dateGathered = todayDate();
    n.created = n.updated = nowMillis();
    n.w = kNoteWidth;
    n.h = kNoteHeight;
    n.state = NoteState::Pinned;
    return n;
}

Note Editor::refiled(Note n) const {
    if (n.state != NoteState::Tray) n.quadrant = quadrantOf(n);
    normaliseTags(n.tags);
    return n;
}

std::string Editor::addNote(Note n) {
    if (n.id.empty()) n.id = newId("n");
    if (n.created == 0) n.created = nowMillis();
    if (n.updated == 0) n.updated = n.created;
    if (n.author.empty()) n.author = m_author;
    if (n.w <= 0) n.w = kNoteWidth;
    if (n.h <= 0) n.h = kNoteHeight;
    ChangeSet cs;
    cs.notes.added.push_back(refiled(std::move(n)));
    std::string id = cs.notes.added.back().id;
    applyLocal(std::move(cs));
    return id;
}

std::string Editor::addNoteInQuadrant(Note n, int q) { return addNote(placed(std::move(n), nullptr, {q, std::nullopt})); }

void Editor::updateNote(Note after) { updateNotes({std::move(after)}); }

void Editor::updateNotes(std::vector<Note> after) {
    ChangeSet cs;
    const Millis now = nowMillis();
    for (auto& a : after) {
        const Note* before = m_doc.note(a.id);
        if (!before) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {a.id}));
        Note next = refiled(std::move(a));
        if (next == *before) continue;
        next.updated = std::max(now, before->updated);
        cs.notes.updated.emplace_back(*before, std::move(next));
    }
    if (!cs.empty()) applyLocal(std::move(cs));
}

void Editor::setText(const std::string& id, std::string text, bool overwrote) {
    const Note* before = m_doc.note(id);
    if (!before) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {id}));
    if (before->text == text) return;
    Note after = *before;
    after.text = std::move(text);
    after.updated = std::max(nowMillis(), before->updated);
    ChangeSet cs;
    cs.notes.updated.emplace_back(*before, std::move(after));
    if (overwrote) cs.overwrote.push_back(id);
    applyLocal(std::move(cs));
}

void Editor::resizeNote(const std::string& id, double w, double h) {
    const Note* n = m_doc.note(id);
    if (!n) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {id}));
    Note after = *n;
    std::tie(after.w, after.h) = resizedSize(m_doc, *n, w, h);
    updateNote(std::move(after));
}

void Editor::moveNotes(const std::vector<std::string>& ids, double dx, double dy) {
    std::vector<Note> moved;
    for (const auto& id : ids) {
        const Note* n = m_doc.note(id);
        if (!n) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {id}));
        Note m = *n;
        m.x += dx;
        m.y += dy;
        moved.push_back(std::move(m));
    }
    updateNotes(std::move(moved));
}

void Editor::deleteNotes(const std::vector<std::string>& ids) {
    ChangeSet cs;
    std::unordered_set<std::string> seenLinks, seenNotes;
    for (const auto& id : ids) {
        const Note* n = m_doc.note(id);
        if (!n) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {id}));
        if (!seenNotes.insert(id).second) continue;
        cs.notes.removed.push_back(*n);
        for (const auto& linkId : m_doc.linksOf(id))
            if (seenLinks.insert(linkId).second) cs.links.removed.push_back(*m_doc.link(linkId));
    }
    cs.insights.updated = insightsWithout(m_doc, seenNotes, {});
    if (!cs.empty()) applyLocal(std::move(cs));
}

Insight Editor::makeInsight(std::string title, std::vector<std::string> notes) const {
    Insight i;
    i.id = newId("i");
    i.title = std::move(title);
    std::unordered_set<std::string> seen;
    for (auto& n : notes)
        if (seen.insert(n).second) i.notes.push_back(std::move(n));
    std::array<int, 5> perQuadrant{};
    for (const auto& id : i.notes)
        if (const Note* n = m_doc.note(id); n && n->state != NoteState::Tray && n->quadrant >= 1 && n->quadrant <= 4)
            ++perQuadrant[static_cast<std::size_t>(n->quadrant)];
    for (int q = 1; q <= 4; ++q)
        if (perQuadrant[static_cast<std::size_t>(q)] > perQuadrant[static_cast<std::size_t>(i.quadrant)]) i.quadrant = q;
    i.author = m_author;
    i.created = i.updated = nowMillis();
    return i;
}

std::string Editor::addInsight(Insight i) {
    std::string id = i.id;
    ChangeSet cs;
    cs.insights.added.push_back(std::move(i));
    applyLocal(std::move(cs));
    return id;
}

void Editor::updateInsight(Insight after) {
    const Insight* before = m_doc.insight(after.id);
    if (!before) throw ChangeError(message(CC_TEMPLATE("insight {1} does not exist"), {after.id}));
    after.updated = before->updated;
    if (*before == after) return;
    after.updated = std::max(nowMillis(), before->updated);
    ChangeSet cs;
    cs.insights.updated.emplace_back(*before, std::move(after));
    applyLocal(std::move(cs));
}

void Editor::deleteInsights(const std::vector<std::string>& ids) {
    ChangeSet cs;
    std::unordered_set<std::string> seen;
    for (const auto& id : ids) {
        const Insight* i = m_doc.insight(id);
        if (!i) throw ChangeError(message(CC_TEMPLATE("insight {1} does not exist"), {id}));
        if (seen.insert(id).second) cs.insights.removed.push_back(*i);
    }
    if (!cs.empty()) applyLocal(std::move(cs));
}

std::string Editor::addLink(const std::string& from, const std::string& to, LinkKind kind, std::string label) {
    if (!m_doc.note(from)) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {from}));
    if (!m_doc.note(to)) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {to}));
    if (from == to) throw ChangeError(message(CC_TEMPLATE("a note cannot be linked to itself")));
    for (const auto& linkId : m_doc.linksOf(from)) {
        const Link* l = m_doc.link(linkId);
        if (l->kind == kind && ((l->from == from && l->to == to) || (l->from == to && l->to == from)))
            throw ChangeError(message(CC_TEMPLATE("notes {1} and {2} are already linked ({3}, {4})"),
                                      {from, to, toString(kind), l->id}));
    }
    Link l;
    l.id = newId("l");
    l.from = from;
    l.to = to;
    l.kind = kind;
    l.label = std::move(label);
    l.author = m_author;
    l.created = nowMillis();
    ChangeSet cs;
    cs.links.added.push_back(l);
    applyLocal(std::move(cs));
    return l.id;
}

void Editor::updateLink(Link after) {
    const Link* before = m_doc.link(after.id);
    if (!before) throw ChangeError(message(CC_TEMPLATE("link {1} does not exist"), {after.id}));
    if (*before == after) return;
    ChangeSet cs;
    cs.links.updated.emplace_back(*before, std::move(after));
    applyLocal(std::move(cs));
}

void Editor::deleteLinks(const std::vector<std::string>& ids) {
    ChangeSet cs;
    std::unordered_set<std::string> seen;
    for (const auto& id : ids) {
        const Link* l = m_doc.link(id);
        if (!l) throw ChangeError(message(CC_TEMPLATE("link {1} does not exist"), {id}));
        if (seen.insert(id).second) cs.links.removed.push_back(*l);
    }
    if (!cs.empty()) applyLocal(std::move(cs));
}

void Editor::updateBoard(BoardInfo after) {
    if (after == m_doc.board()) return;
    ChangeSet cs;
    cs.board = std::make_pair(m_doc.board(), std::move(after));
    applyLocal(std::move(cs));
}

void Editor::applyLocal(ChangeSet cs, ChangeSource source) {
    if (cs.empty()) return;
    cs.source = source;
    cs.author = m_author;
    cs.time = nowMillis();
    m_doc.apply(cs);
    m_history.record(std::move(cs));
}

namespace {

/// Takes field `f` from `want` when the record still has the value `expect` there; a field
/// someone else changed since is theirs, later than this step, and stays.
template <class R, class F>
void takeIfUnchanged(R& result, const R& current, const R& expect, const R& want, F R::*f) {
    if (!(expect.*f == want.*f) && current.*f == expect.*f) result.*f = want.*f;
}

template <class R, class... F>
void takeEachIfUnchanged(R& result, const R& current, const R& expect, const R& want, F R::*... fields) {
    (takeIfUnchanged(result, current, expect, want, fields), ...);
}

/// A note as `step` (expect -> want) would leave it, applied field by field to `current`.
Note mergeNote(const Note& current, const Note& expect, const Note& want) {
    Note r = current;
    takeEachIfUnchanged(r, current, expect, want, &Note::text, &Note::source, &Note::data, &Note::customerInitiated,
                        &Note::dateGathered, &Note::tags, &Note::segment, &Note::provenance, &Note::colour,
                        &Note::votes, &Note::state, &Note::w, &Note::h, &Note::author, &Note::created);
    // A place is one thing: both coordinates (and the quadrant they give) move together.
    if ((expect.x != want.x || expect.y != want.y || expect.quadrant != want.quadrant) && current.x == expect.x &&
        current.y == expect.y && current.quadrant == expect.quadrant) {
        r.x = want.x;
        r.y = want.y;
        r.quadrant = want.quadrant;
    }
    // Alone on the board the step comes back exactly; over others' changes it is a new change.
    if (current.updated == expect.updated) r.updated = want.updated;
    else if (!(r == current)) r.updated = std::max(nowMillis(), current.updated);
    return r;
}

Link mergeLink(const Link& current, const Link& expect, const Link& want) {
    Link r = current;
    takeEachIfUnchanged(r, current, expect, want, &Link::kind, &Link::label, &Link::from, &Link::to);
    return r;
}

Insight mergeInsight(const Insight& current, const Insight& expect, const Insight& want) {
    Insight r = current;
    takeEachIfUnchanged(r, current, expect, want, &Insight::title, &Insight::statement, &Insight::quadrant,
                        &Insight::votes, &Insight::state, &Insight::author, &Insight::created);
    // Evidence merges note by note: what the step added or dropped, over what others did since.
    if (current.notes == expect.notes) {
        r.notes = want.notes;  // nobody changed them since: exactly as the step had them
    } else if (expect.notes != want.notes) {
        for (const auto& n : expect.notes)
            if (std::find(want.notes.begin(), want.notes.end(), n) == want.notes.end()) std::erase(r.notes, n);
        for (const auto& n : want.notes)
            if (std::find(r.notes.begin(), r.notes.end(), n) == r.notes.end()) r.notes.push_back(n);
    }
    if (current.updated == expect.updated) r.updated = want.updated;
    else if (!(r == current)) r.updated = std::max(nowMillis(), current.updated);
    return r;
}

}  // namespace

ChangeSet Editor::rebased(const ChangeSet& step) const {
    ChangeSet out;
    out.source = step.source;
    out.author = step.author;
    out.time = step.time;
    std::set<std::string> removedNotes, removedLinks, addedNotes;
    for (const auto& n : step.notes.removed) {
        const Note* cur = m_doc.note(n.id);
        if (!cur) continue;  // gone already
        out.notes.removed.push_back(*cur);
        removedNotes.insert(n.id);
    }
    for (const auto& l : step.links.removed) {
        if (const Link* cur = m_doc.link(l.id)) {
            out.links.removed.push_back(*cur);
            removedLinks.insert(l.id);
        }
    }
    // Links others made to a note this step removes go with it (as with a deletion).
    for (const auto& id : removedNotes)
        for (const auto& linkId : m_doc.linksOf(id))
            if (removedLinks.insert(linkId).second) out.links.removed.push_back(*m_doc.link(linkId));
    for (const auto& n : step.notes.added) {
        if (m_doc.note(n.id) && !removedNotes.count(n.id)) continue;  // someone brought it back already
        out.notes.added.push_back(n);
        addedNotes.insert(n.id);
    }
    for (const auto& [expect, want] : step.notes.updated) {
        const Note* cur = m_doc.note(want.id);
        if (!cur || removedNotes.count(want.id)) continue;  // deleted by someone else meanwhile
        Note merged = mergeNote(*cur, expect, want);
        if (!(merged == *cur)) out.notes.updated.emplace_back(*cur, std::move(merged));
    }
    auto noteThere = [&](const std::string& id) {
        return addedNotes.count(id) || (m_doc.note(id) && !removedNotes.count(id));
    };
    for (const auto& l : step.links.added) {
        if ((m_doc.link(l.id) && !removedLinks.count(l.id)) || !noteThere(l.from) || !noteThere(l.to)) continue;
        out.links.added.push_back(l);
    }
    for (const auto& [expect, want] : step.links.updated) {
        const Link* cur = m_doc.link(want.id);
        if (!cur || removedLinks.count(want.id)) continue;
        Link merged = mergeLink(*cur, expect, want);
        if (!(merged == *cur)) out.links.updated.emplace_back(*cur, std::move(merged));
    }
    // Insights: only notes there after the step stay cited, and a note this step removes leaves
    // every insight that cites it now (others' included).
    std::set<std::string> removedInsights;
    for (const auto& i : step.insights.removed)
        if (const Insight* cur = m_doc.insight(i.id)) {
            out.insights.removed.push_back(*cur);
            removedInsights.insert(i.id);
        }
    auto keepThere = [&](Insight& i) { std::erase_if(i.notes, [&](const std::string& n) { return !noteThere(n); }); };
    for (Insight i : step.insights.added) {
        if (m_doc.insight(i.id) && !removedInsights.count(i.id)) continue;
        keepThere(i);
        out.insights.added.push_back(std::move(i));
    }
    std::vector<std::pair<Insight, Insight>> insightUpdates;
    for (const auto& [expect, want] : step.insights.updated) {
        const Insight* cur = m_doc.insight(want.id);
        if (!cur || removedInsights.count(want.id)) continue;
        Insight merged = mergeInsight(*cur, expect, want);
        keepThere(merged);
        insightUpdates.emplace_back(*cur, std::move(merged));
    }
    std::unordered_set<std::string> goneNotes;
    for (const auto& id : removedNotes)
        if (!addedNotes.count(id)) goneNotes.insert(id);
    for (auto& u : insightsWithout(m_doc, goneNotes, std::move(insightUpdates)))
        if (!removedInsights.count(u.first.id)) out.insights.updated.push_back(std::move(u));
    if (step.board) {
        const auto& [expect, want] = *step.board;
        BoardInfo merged = m_doc.board();
        if (expect.title != want.title && merged.title == expect.title) merged.title = want.title;
        for (std::size_t q = 0; q < merged.quadrants.size(); ++q)
            if (!(expect.quadrants[q] == want.quadrants[q]) && merged.quadrants[q] == expect.quadrants[q])
                merged.quadrants[q] = want.quadrants[q];
        if (!(merged == m_doc.board())) out.board = std::make_pair(m_doc.board(), merged);
    }
    return out;
}

bool Editor::undo() {
    if (m_gestureMark) endGesture();
    auto cs = m_history.popUndo();
    if (!cs) return false;
    // Taken back on the board as it is now: what others changed since stays theirs.
    ChangeSet back = rebased(cs->inverted());
    back.source = ChangeSource::History;
    back.author = m_author;
    back.time = nowMillis();
    try {
        if (!back.empty()) m_doc.apply(back);
    } catch (...) {
        m_history.pushUndo(std::move(*cs));
        throw;
    }
    m_history.pushRedo(std::move(*cs));
    return true;
}

bool Editor::redo() {
    if (m_gestureMark) endGesture();
    auto cs = m_history.popRedo();
    if (!cs) return false;
    ChangeSet again = rebased(*cs);
    again.source = ChangeSource::History;
    again.author = m_author;
    again.time = nowMillis();
    try {
        if (!again.empty()) m_doc.apply(again);
    } catch (...) {
        m_history.pushRedo(std::move(*cs));
        throw;
    }
    m_history.pushUndo(std::move(*cs));
    return true;
}

void Editor::beginGesture() {
    if (m_gestureMark) endGesture();
    m_gestureMark = m_history.mark();
}

void Editor::endGesture() {
    if (!m_gestureMark) return;
    m_history.squashTo(*m_gestureMark);
    m_gestureMark.reset();
}

void Editor::cancelGesture() {
    if (!m_gestureMark) return;
    auto steps = m_history.takeSince(*m_gestureMark);
    m_gestureMark.reset();
    if (steps.empty()) return;
    ChangeSet back = rebased(squash(steps).inverted());
    back.source = ChangeSource::History;
    back.author = m_author;
    back.time = nowMillis();
    if (!back.empty()) m_doc.apply(back);
}

}  // namespace cc
