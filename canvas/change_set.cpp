#include "canvas/change_set.h"

#include <algorithm>
#include <map>

namespace cc {

std::string_view toString(ChangeSource s) {
    switch (s) {
        case ChangeSource::User: return "user";
        case ChangeSource::Import: return "import";
        case ChangeSource::Remote: return "remote";
        case ChangeSource::History: return "history";
    }
    return "user";
}

std::optional<ChangeSource> changeSourceFromString(std::string_view s) {
    if (s == "user") return ChangeSource::User;
    if (s == "import") return ChangeSource::Import;
    if (s == "remote") return ChangeSource::Remote;
    if (s == "history") return ChangeSource::History;
    return std::nullopt;
}

namespace {

template <class R>
RecordDiff<R> invert(const RecordDiff<R>& d) {
    RecordDiff<R> out;
    out.added = d.removed;
    out.removed = d.added;
    out.updated.reserve(d.updated.size());
    for (const auto& [before, after] : d.updated) out.updated.emplace_back(after, before);
    return out;
}

/// Per record id: the state before the first set and after the last (nullopt = absent).
template <class R>
struct Fold {
    std::map<std::string, std::pair<std::optional<R>, std::optional<R>>> byId;
    std::vector<std::string> order;  // first-seen order, so the result is deterministic

    void touch(const std::string& id, const std::optional<R>& before, const std::optional<R>& after) {
        auto it = byId.find(id);
        if (it == byId.end()) {
            byId.emplace(id, std::make_pair(before, after));
            order.push_back(id);
        } else {
            it->second.second = after;
        }
    }
    void add(const RecordDiff<R>& d) {
        // Within one set, removals happen before additions (see Document::apply).
        for (const auto& r : d.removed) touch(r.id, r, std::nullopt);
        for (const auto& [b, a] : d.updated) touch(b.id, b, a);
        for (const auto& r : d.added) touch(r.id, std::nullopt, r);
    }
    RecordDiff<R> result() const {
        RecordDiff<R> out;
        for (const auto& id : order) {
            const auto& [before, after] = byId.at(id);
            if (before && after) {
                if (!(*before == *after)) out.updated.emplace_back(*before, *after);
            } else if (after) {
                out.added.push_back(*after);
            } else if (before) {
                out.removed.push_back(*before);
            }
        }
        return out;
    }
};

}  // namespace

ChangeSet ChangeSet::inverted() const {
    ChangeSet out;
    out.source = source;
    out.author = author;
    out.time = time;
    out.notes = invert(notes);
    out.links = invert(links);
    if (board) out.board = std::make_pair(board->second, board->first);
    return out;
}

void collectTouched(const ChangeSet& cs, std::set<std::string>& notes, std::set<std::string>& links) {
    for (const auto& n : cs.notes.added) notes.insert(n.id);
    for (const auto& [b, a] : cs.notes.updated) notes.insert(a.id);
    for (const auto& n : cs.notes.removed) notes.insert(n.id);
    for (const auto& l : cs.links.added) links.insert(l.id);
    for (const auto& [b, a] : cs.links.updated) links.insert(a.id);
    for (const auto& l : cs.links.removed) links.insert(l.id);
}

ChangeSet squash(const std::vector<ChangeSet>& sets) {
    ChangeSet out;
    if (sets.empty()) return out;
    Fold<Note> notes;
    Fold<Link> links;
    std::optional<BoardInfo> boardBefore, boardAfter;
    for (const auto& s : sets) {
        notes.add(s.notes);
        links.add(s.links);
        for (const auto& id : s.overwrote)
            if (std::find(out.overwrote.begin(), out.overwrote.end(), id) == out.overwrote.end()) out.overwrote.push_back(id);
        if (s.board) {
            if (!boardBefore) boardBefore = s.board->first;
            boardAfter = s.board->second;
        }
    }
    out.source = sets.back().source;
    out.author = sets.back().author;
    out.time = sets.back().time;
    out.notes = notes.result();
    out.links = links.result();
    if (boardBefore && !(*boardBefore == *boardAfter)) out.board = std::make_pair(*boardBefore, *boardAfter);
    return out;
}

}  // namespace cc
