#include "canvas/wall_commands.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>

#include "canvas/geometry.h"
#include "canvas/wording.h"
#include "canvas/record_guard.h"

namespace cc {

namespace {

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

/// Fresh ids, the new author and time, and the place moved by (dx, dy).
std::vector<std::string> addCopies(Editor& ed, std::vector<Note> notes, std::vector<Link> links, double dx, double dy) {
    const Millis now = nowMillis();
    std::unordered_map<std::string, std::string> newId;
    ChangeSet cs;
    for (Note& n : notes) {
        std::string id = cc::newId("n");
        newId[n.id] = id;
        n.id = id;
        n.x += dx;
        n.y += dy;
        n.created = n.updated = now;
        n.author = ed.author();
        if (n.state != NoteState::Tray) n.quadrant = quadrantOf(n);
        normaliseTags(n.tags);
        cs.notes.added.push_back(std::move(n));
    }
    for (Link& l : links) {
        auto f = newId.find(l.from), t = newId.find(l.to);
        if (f == newId.end() || t == newId.end()) continue;
        l.id = cc::newId("l");
        l.from = f->second;
        l.to = t->second;
        l.author = ed.author();
        l.created = now;
        cs.links.added.push_back(std::move(l));
    }
    std::vector<std::string> ids;
    for (const auto& n : cs.notes.added) ids.push_back(n.id);
    ed.applyLocal(std::move(cs));
    return ids;
}

}  // namespace

std::vector<std::string> duplicateNotes(Editor& ed, const std::vector<std::string>& ids, double dx, double dy) {
    const Document& doc = ed.document();
    std::vector<Note> notes;
    std::vector<Link> links;
    std::unordered_map<std::string, bool> chosen;
    for (const auto& id : ids)
        if (const Note* n = doc.note(id)) {
            notes.push_back(*n);
            chosen[id] = true;
        }
    for (const auto& [id, l] : doc.links())
        if (chosen.count(l.from) && chosen.count(l.to)) links.push_back(l);
    return addCopies(ed, std::move(notes), std::move(links), dx, dy);
}

std::vector<std::string> pasteNotes(Editor& ed, std::vector<Note> notes, std::vector<Link> links, double x, double y) {
    if (notes.empty()) return {};
    double minX = std::numeric_limits<double>::max(), minY = std::numeric_limits<double>::max();
    for (auto& n : notes) {
        if (n.w <= 0) n.w = kNoteWidth;
        if (n.h <= 0) n.h = kNoteHeight;
        if (n.state == NoteState::Tray) n.state = NoteState::Pinned;
        minX = std::min(minX, n.x);
        minY = std::min(minY, n.y);
    }
    return addCopies(ed, std::move(notes), std::move(links), x - minX, y - minY);
}

std::vector<std::string> splitParagraphs(const std::string& text) {
    std::string t;
    t.reserve(text.size());
    for (char c : text)
        if (c != '\r') t += c;
    std::vector<std::string> out;
    const bool hasBlank = t.find("\n\n") != std::string::npos ||
                          t.find("\n \n") != std::string::npos || t.find("\n\t\n") != std::string::npos;
    std::string current;
    std::size_t pos = 0;
    while (pos <= t.size()) {
        std::size_t end = t.find('\n', pos);
        if (end == std::string::npos) end = t.size();
        std::string line = t.substr(pos, end - pos);
        pos = end + 1;
        if (!hasBlank) {
            if (!trimmed(line).empty()) out.push_back(trimmed(line));
            continue;
        }
        if (trimmed(line).empty()) {
            if (!trimmed(current).empty()) out.push_back(trimmed(current));
            current.clear();
        } else {
            current += (current.empty() ? "" : "\n") + line;
        }
    }
    if (!trimmed(current).empty()) out.push_back(trimmed(current));
    return out;
}

std::vector<std::string> pasteText(Editor& ed, const std::string& text, double x, double y) {
    std::vector<Note> notes;
    const int perRow = 5;
    int i = 0;
    for (auto& para : splitParagraphs(text)) {
        Note n = ed.makeNote(safeText(para, limits::kTextBytes), "other");
        n.x = (i % perRow) * (kNoteWidth + kNoteGap);
        n.y = (i / perRow) * (kNoteHeight + kNoteGap);
        notes.push_back(std::move(n));
        ++i;
    }
    return pasteNotes(ed, std::move(notes), {}, x, y);
}

void pinNotesAt(Editor& ed, const std::vector<std::string>& ids, double x, double y) {
    std::vector<Note> pinned;
    std::vector<Rect> taken;  // the places given to the notes before, in this same step
    const int perRow = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(ids.size())))));
    const int q = quadrantAt(x, y);
    int i = 0;
    for (const auto& id : ids) {
        const Note* n = ed.document().note(id);
        if (!n) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {id}));
        Note p = *n;
        p.state = NoteState::Pinned;
        if (p.w <= 0) p.w = kNoteWidth;
        if (p.h <= 0) p.h = kNoteHeight;
        // Each takes the free place nearest to its place in the rows, in the quadrant dropped on.
        std::tie(p.x, p.y) = freePlaceNear(ed.document(), p, q, x - p.w / 2 + (i % perRow) * (kNoteWidth + kNoteGap),
                                           y - p.h / 2 + (i / perRow) * (kNoteHeight + kNoteGap), taken);
        taken.push_back(noteRect(p));
        pinned.push_back(std::move(p));
        ++i;
    }
    ed.updateNotes(std::move(pinned));
}

void pinNotesToQuadrant(Editor& ed, const std::vector<std::string>& ids, int q) {
    if (q < 1 || q > 4) throw ChangeError(message(CC_TEMPLATE("quadrant must be 1 to 4, not {1}"), {std::to_string(q)}));
    const auto spots = freeSpotsInQuadrant(ed.document(), q, ids.size());
    std::vector<Note> pinned;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const Note* n = ed.document().note(ids[i]);
        if (!n) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {ids[i]}));
        Note p = *n;
        p.state = NoteState::Pinned;
        p.x = spots[i].first;
        p.y = spots[i].second;
        pinned.push_back(std::move(p));
    }
    ed.updateNotes(std::move(pinned));
}

void mergeNotes(Editor& ed, const std::string& keep, const std::string& drop) {
    const Document& doc = ed.document();
    const Note* kept = doc.note(keep);
    if (!kept) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {keep}));
    const Note* dropped = doc.note(drop);
    if (!dropped) throw ChangeError(message(CC_TEMPLATE("note {1} does not exist"), {drop}));
    if (keep == drop) throw ChangeError(message(CC_TEMPLATE("a note cannot be merged into itself")));

    ChangeSet cs;
    const Millis now = nowMillis();
    Note after = *kept;
    after.tags.insert(after.tags.end(), dropped->tags.begin(), dropped->tags.end());
    normaliseTags(after.tags);
    after.votes = static_cast<int>(std::min<long long>(static_cast<long long>(kept->votes) + dropped->votes, limits::kMaxVotes));
    if (!(after == *kept)) {
        after.updated = std::max(now, kept->updated);
        cs.notes.updated.emplace_back(*kept, std::move(after));
    }

    // Links: each of drop's is removed; re-added at keep (same id) unless it would be a link to
    // itself or a second link of its kind between keep and the other note.
    std::set<std::tuple<std::string, LinkKind>> keepLinked;  // (other note, kind) keep already has
    for (const auto& id : doc.linksOf(keep)) {
        const Link* l = doc.link(id);
        if (l->from == drop || l->to == drop) continue;  // goes with drop (it would become a self-link)
        keepLinked.emplace(l->from == keep ? l->to : l->from, l->kind);
    }
    for (const auto& id : doc.linksOf(drop)) {
        const Link* l = doc.link(id);
        cs.links.removed.push_back(*l);
        Link moved = *l;
        if (moved.from == drop) moved.from = keep;
        if (moved.to == drop) moved.to = keep;
        if (moved.from == moved.to) continue;
        if (!keepLinked.emplace(moved.from == keep ? moved.to : moved.from, moved.kind).second) continue;
        cs.links.added.push_back(std::move(moved));
    }

    // Evidence: keep takes drop's place in every insight citing drop, unless it is cited already.
    for (const Insight* i : doc.insightsCiting(drop)) {
        Insight next = *i;
        const bool citesKeep = std::find(next.notes.begin(), next.notes.end(), keep) != next.notes.end();
        std::vector<std::string> notes;
        for (const auto& n : next.notes) {
            if (n != drop) notes.push_back(n);
            else if (!citesKeep) notes.push_back(keep);
        }
        next.notes = std::move(notes);
        next.updated = std::max(now, i->updated);
        cs.insights.updated.emplace_back(*i, std::move(next));
    }
    cs.notes.removed.push_back(*dropped);
    ed.applyLocal(std::move(cs));
}

}  // namespace cc
