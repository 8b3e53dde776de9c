#include "editor.h"

#include <algorithm>
#include <unordered_set>

#include "geometry.h"

namespace cc {

Editor::Editor(Document& doc, std::string author) : m_doc(doc), m_author(std::move(author)) {}

Note Editor::makeNote(std::string text, std::string source) const {
    Note n;
    n.id = newId("n");
    n.text = std::move(text);
    n.source = std::move(source);
    if (const SourceKind* k = m_doc.sourceKinds().find(n.source)) {
        n.data = k->eitherData ? DataKind::Qualitative : k->data;
        n.customerInitiated = k->customerInitiated;
    }
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

std::string Editor::addNoteInQuadrant(Note n, int q) {
    if (q < 1 || q > 4) throw ChangeError("quadrant must be 1 to 4, not " + std::to_string(q));
    if (n.w <= 0) n.w = kNoteWidth;
    if (n.h <= 0) n.h = kNoteHeight;
    auto [x, y] = freeSpotInQuadrant(m_doc, q, n.w, n.h);
    n.x = x;
    n.y = y;
    return addNote(std::move(n));
}

void Editor::updateNote(Note after) { updateNotes({std::move(after)}); }

void Editor::updateNotes(std::vector<Note> after) {
    ChangeSet cs;
    const Millis now = nowMillis();
    for (auto& a : after) {
        const Note* before = m_doc.note(a.id);
        if (!before) throw ChangeError("note " + a.id + " does not exist");
        Note next = refiled(std::move(a));
        if (next == *before) continue;
        next.updated = std::max(now, before->updated);
        cs.notes.updated.emplace_back(*before, std::move(next));
    }
    if (!cs.empty()) applyLocal(std::move(cs));
}

void Editor::setText(const std::string& id, std::string text, bool overwrote) {
    const Note* before = m_doc.note(id);
    if (!before) throw ChangeError("note " + id + " does not exist");
    if (before->text == text) return;
    Note after = *before;
    after.text = std::move(text);
    after.updated = std::max(nowMillis(), before->updated);
    ChangeSet cs;
    cs.notes.updated.emplace_back(*before, std::move(after));
    if (overwrote) cs.overwrote.push_back(id);
    applyLocal(std::move(cs));
}

void Editor::moveNotes(const std::vector<std::string>& ids, double dx, double dy) {
    std::vector<Note> moved;
    for (const auto& id : ids) {
        const Note* n = m_doc.note(id);
        if (!n) throw ChangeError("note " + id + " does not exist");
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
        if (!n) throw ChangeError("note " + id + " does not exist");
        if (!seenNotes.insert(id).second) continue;
        cs.notes.removed.push_back(*n);
        for (const auto& linkId : m_doc.linksOf(id))
            if (seenLinks.insert(linkId).second) cs.links.removed.push_back(*m_doc.link(linkId));
    }
    if (!cs.empty()) applyLocal(std::move(cs));
}

std::string Editor::addLink(const std::string& from, const std::string& to, LinkKind kind, std::string label) {
    if (!m_doc.note(from)) throw ChangeError("note " + from + " does not exist");
    if (!m_doc.note(to)) throw ChangeError("note " + to + " does not exist");
    if (from == to) throw ChangeError("a note cannot be linked to itself");
    for (const auto& linkId : m_doc.linksOf(from)) {
        const Link* l = m_doc.link(linkId);
        if (l->kind == kind && ((l->from == from && l->to == to) || (l->from == to && l->to == from)))
            throw ChangeError("notes " + from + " and " + to + " are already linked (" +
                              std::string(toString(kind)) + ", " + l->id + ")");
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
    if (!before) throw ChangeError("link " + after.id + " does not exist");
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
        if (!l) throw ChangeError("link " + id + " does not exist");
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

bool Editor::undo() {
    if (m_gestureMark) endGesture();
    auto cs = m_history.popUndo();
    if (!cs) return false;
    ChangeSet back = cs->inverted();
    back.source = ChangeSource::History;
    back.author = m_author;
    back.time = nowMillis();
    try {
        m_doc.apply(back);
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
    ChangeSet again = *cs;
    again.source = ChangeSource::History;
    again.author = m_author;
    again.time = nowMillis();
    try {
        m_doc.apply(again);
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
    ChangeSet back = squash(steps).inverted();
    back.source = ChangeSource::History;
    back.author = m_author;
    back.time = nowMillis();
    if (!back.empty()) m_doc.apply(back);
}

}  // namespace cc
