#include "canvas/change_set.h"

#include <algorithm>
#include <map>
#include <set>

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
    out.insights = invert(insights);
    if (board) out.board = std::make_pair(board->second, board->first);
    return out;
}

void collectTouched(const ChangeSet& cs, std::set<std::string>& notes, std::set<std::string>& links,
                    std::set<std::string>* insights) {
    for (const auto& n : cs.notes.added) notes.insert(n.id);
    for (const auto& [b, a] : cs.notes.updated) notes.insert(a.id);
    for (const auto& n : cs.notes.removed) notes.insert(n.id);
    for (const auto& l : cs.links.added) links.insert(l.id);
    for (const auto& [b, a] : cs.links.updated) links.insert(a.id);
    for (const auto& l : cs.links.removed) links.insert(l.id);
    if (!insights) return;
    for (const auto& i : cs.insights.added) insights->insert(i.id);
    for (const auto& [b, a] : cs.insights.updated) insights->insert(a.id);
    for (const auto& i : cs.insights.removed) insights->insert(i.id);
}

ChangeSet squash(const std::vector<ChangeSet>& sets) {
    ChangeSet out;
    if (sets.empty()) return out;
    Fold<Note> notes;
    Fold<Link> links;
    Fold<Insight> insights;
    std::optional<BoardInfo> boardBefore, boardAfter;
    for (const auto& s : sets) {
        notes.add(s.notes);
        links.add(s.links);
        insights.add(s.insights);
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
    out.insights = insights.result();
    if (boardBefore && !(*boardBefore == *boardAfter)) out.board = std::make_pair(*boardBefore, *boardAfter);
    return out;
}

namespace {

std::size_t textBytes(const Note& n) {
    std::size_t b = 256 + n.id.size() + n.text.size() + n.source.size() + n.dateGathered.size() + n.author.size() +
                    n.segment.size() + n.provenance.file.size() + n.provenance.location.size() + n.provenance.excerpt.size();
    for (const auto& t : n.tags) b += t.size() + 4;
    return b;
}

std::size_t textBytes(const Link& l) { return 128 + l.id.size() + l.from.size() + l.to.size() + l.label.size() + l.author.size(); }

std::size_t textBytes(const Insight& i) {
    std::size_t b = 128 + i.id.size() + i.title.size() + i.statement.size() + i.author.size();
    for (const auto& n : i.notes) b += n.size() + 4;
    return b;
}

bool replacesANote(const ChangeSet& cs) {
    // Insights cite notes: a change that removes notes and changes insights stays whole.
    if (!cs.notes.removed.empty() && !cs.insights.empty()) return true;
    if (cs.notes.removed.empty() || cs.notes.added.empty()) return false;
    std::set<std::string> removed;
    for (const auto& n : cs.notes.removed) removed.insert(n.id);
    for (const auto& n : cs.notes.added)
        if (removed.count(n.id)) return true;
    return false;
}

}  // namespace

void forEachLogPart(const ChangeSet& cs, const LogPartLimits& limits, const std::function<void(const ChangeSet&)>& part) {
    std::size_t records = 0, bytes = 0;
    auto count = [&](std::size_t r, std::size_t b) {
        records += r;
        bytes += b;
    };
    for (const auto& n : cs.notes.added) count(1, textBytes(n));
    for (const auto& n : cs.notes.removed) count(1, textBytes(n));
    for (const auto& [b, a] : cs.notes.updated) count(2, textBytes(b) + textBytes(a));
    for (const auto& l : cs.links.added) count(1, textBytes(l));
    for (const auto& l : cs.links.removed) count(1, textBytes(l));
    for (const auto& [b, a] : cs.links.updated) count(2, textBytes(b) + textBytes(a));
    for (const auto& i : cs.insights.added) count(1, textBytes(i));
    for (const auto& i : cs.insights.removed) count(1, textBytes(i));
    for (const auto& [b, a] : cs.insights.updated) count(2, textBytes(b) + textBytes(a));
    if ((records <= limits.records && bytes <= limits.bytes) || replacesANote(cs)) {
        part(cs);
        return;
    }

    ChangeSet piece;
    std::size_t pieceRecords = 0, pieceBytes = 0;
    auto startPiece = [&] {
        piece = ChangeSet{};
        piece.source = cs.source;
        piece.author = cs.author;
        piece.time = cs.time;
        pieceRecords = pieceBytes = 0;
    };
    auto flush = [&] {
        if (!piece.empty()) part(piece);
        startPiece();
    };
    // Room for one more record of this weight, else the piece so far goes out first (a piece
    // always takes at least one record, however large).
    auto room = [&](std::size_t r, std::size_t b) {
        if (pieceRecords > 0 && (pieceRecords + r > limits.records || pieceBytes + b > limits.bytes)) flush();
        pieceRecords += r;
        pieceBytes += b;
    };
    startPiece();
    for (const auto& l : cs.links.removed) {
        room(1, textBytes(l));
        piece.links.removed.push_back(l);
    }
    for (const auto& i : cs.insights.removed) {
        room(1, textBytes(i));
        piece.insights.removed.push_back(i);
    }
    for (const auto& n : cs.notes.removed) {
        room(1, textBytes(n));
        piece.notes.removed.push_back(n);
    }
    for (const auto& n : cs.notes.added) {
        room(1, textBytes(n));
        piece.notes.added.push_back(n);
    }
    const std::set<std::string> overwrote(cs.overwrote.begin(), cs.overwrote.end());
    for (const auto& u : cs.notes.updated) {
        room(2, textBytes(u.first) + textBytes(u.second));
        piece.notes.updated.push_back(u);
        if (overwrote.count(u.second.id)) piece.overwrote.push_back(u.second.id);
    }
    for (const auto& l : cs.links.added) {
        room(1, textBytes(l));
        piece.links.added.push_back(l);
    }
    for (const auto& u : cs.links.updated) {
        room(2, textBytes(u.first) + textBytes(u.second));
        piece.links.updated.push_back(u);
    }
    for (const auto& i : cs.insights.added) {
        room(1, textBytes(i));
        piece.insights.added.push_back(i);
    }
    for (const auto& u : cs.insights.updated) {
        room(2, textBytes(u.first) + textBytes(u.second));
        piece.insights.updated.push_back(u);
    }
    piece.board = cs.board;
    flush();
}

}  // namespace cc
