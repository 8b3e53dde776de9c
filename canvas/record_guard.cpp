#include "canvas/record_guard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "canvas/geometry.h"
#include "canvas/wording.h"

namespace cc {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

/// A control character a record may not hold (line feed and tab may be).
bool isForbiddenControl(char32_t c) { return c < 0x20 && c != '\n' && c != '\t'; }

std::string hexCodePoint(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

/// Makes one text field safe, noting "FIELD: REASON, made safe" when it was not.
void guardText(std::string& s, std::size_t maxBytes, const char* field, std::vector<std::string>& fixes) {
    const bool tooLong = s.size() > maxBytes;
    const std::string reason = unsafeTextReason(s);
    if (!tooLong && reason.empty()) return;
    s = safeText(s, maxBytes);
    if (!reason.empty()) fixes.push_back(message(CC_TEMPLATE("{1} {2}, replaced"), {message(field), reason}));
    if (tooLong)
        fixes.push_back(message(CC_TEMPLATE("{1} longer than {2} bytes, cut"), {message(field), std::to_string(maxBytes)}));
}

void guardTime(Millis& t, const char* field, std::vector<std::string>& fixes) {
    if (t >= 0 && t <= limits::kMaxMillis) return;
    fixes.push_back(message(CC_TEMPLATE("{1} time {2} out of range, set to {3}"),
                            {message(field), std::to_string(t), t < 0 ? "0" : std::to_string(limits::kMaxMillis)}));
    t = t < 0 ? 0 : limits::kMaxMillis;
}

void guardSize(double& v, double fallback, const char* field, std::vector<std::string>& fixes) {
    if (std::isfinite(v) && v > 0 && v <= limits::kMaxNoteSize) return;
    const double fixed = std::isfinite(v) && v > limits::kMaxNoteSize ? limits::kMaxNoteSize : fallback;
    fixes.push_back(message(CC_TEMPLATE("{1} {2} out of range, set to {3}"), {message(field), number(v), number(fixed)}));
    v = fixed;
}

}  // namespace

std::string unsafeTextReason(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = decodeUtf8(s, i);
        if (c == kInvalidUtf8) return message(CC_TEMPLATE("is not valid UTF-8"));
        if (isForbiddenControl(c)) return message(CC_TEMPLATE("holds the control character {1}"), {hexCodePoint(c)});
        if (isNoncharacter(c)) return message(CC_TEMPLATE("holds the noncharacter {1}"), {hexCodePoint(c)});
    }
    return {};
}

std::string safeText(std::string_view s, std::size_t maxBytes) {
    std::string out;
    out.reserve(std::min(s.size(), maxBytes));
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = decodeUtf8(s, i);
        if (c == '\r') {
            if (i < s.size() && s[i] == '\n') ++i;
            c = '\n';
        } else if (c == kInvalidUtf8 || isForbiddenControl(c) || isNoncharacter(c)) {
            c = kReplacement;
        }
        const std::size_t before = out.size();
        appendUtf8(out, c);
        if (out.size() > maxBytes) {
            out.resize(before);  // never half a character
            break;
        }
    }
    return out;
}

bool isUsableId(std::string_view id) { return !id.empty() && id.size() <= 64 && unsafeTextReason(id).empty(); }

std::string linkUnusableReason(const Link& l, const std::function<bool(const std::string&)>& noteExists) {
    if (!isUsableId(l.id)) return message(CC_TEMPLATE("its id is not usable"));
    if (l.from == l.to) return message(CC_TEMPLATE("it links a note to itself"));
    for (const std::string* end : {&l.from, &l.to})
        if (!noteExists(*end)) return message(CC_TEMPLATE("its note {1} is missing"), {safeText(end->substr(0, 64), 64)});
    return {};
}

std::vector<std::string> guardNote(Note& n, const SourceKinds& kinds) {
    std::vector<std::string> fixes;
    guardText(n.text, limits::kTextBytes, CC_TEMPLATE("text"), fixes);
    if (!kinds.contains(n.source)) {
        fixes.push_back(message(CC_TEMPLATE("unknown source kind '{1}', set to 'other'"), {safeText(n.source, 40)}));
        n.source = "other";
    }
    if (!n.dateGathered.empty() && !isValidDate(n.dateGathered)) {
        fixes.push_back(message(CC_TEMPLATE("date gathered '{1}' is not a date, cleared"), {safeText(n.dateGathered, 40)}));
        n.dateGathered.clear();
    }
    guardText(n.author, limits::kShortBytes, CC_TEMPLATE("author"), fixes);
    guardText(n.segment, limits::kShortBytes, CC_TEMPLATE("segment"), fixes);
    guardTime(n.created, CC_TEMPLATE("created"), fixes);
    guardTime(n.updated, CC_TEMPLATE("updated"), fixes);
    {
        const auto before = n.tags;
        for (auto& t : n.tags) t = safeText(t, limits::kShortBytes);
        normaliseTags(n.tags);
        if (n.tags.size() > limits::kTagsPerNote) n.tags.resize(limits::kTagsPerNote);
        if (n.tags != before)
            fixes.push_back(message(CC_TEMPLATE("tags not safe, sorted and unique (at most {1}), repaired"),
                                    {std::to_string(limits::kTagsPerNote)}));
    }
    guardText(n.provenance.file, limits::kShortBytes * 4, CC_TEMPLATE("provenance file"), fixes);
    guardText(n.provenance.location, limits::kShortBytes, CC_TEMPLATE("provenance location"), fixes);
    guardText(n.provenance.excerpt, limits::kExcerptBytes, CC_TEMPLATE("provenance excerpt"), fixes);
    if (n.colour > 0xFFFFFF) {
        fixes.push_back(message(CC_TEMPLATE("colour {1} out of range, set to the source kind's"), {std::to_string(n.colour)}));
        n.colour = 0;
    }
    if (n.votes < 0 || n.votes > limits::kMaxVotes) {
        const int fixed = n.votes < 0 ? 0 : limits::kMaxVotes;
        fixes.push_back(message(CC_TEMPLATE("votes {1} out of range, set to {2}"), {std::to_string(n.votes), std::to_string(fixed)}));
        n.votes = fixed;
    }
    guardSize(n.w, kNoteWidth, CC_TEMPLATE("width"), fixes);
    guardSize(n.h, kNoteHeight, CC_TEMPLATE("height"), fixes);
    // A note with no usable place cannot be drawn where it says: it waits in the tray, where
    // someone can place it again.
    for (auto [v, name] : {std::pair{n.x, "x"}, std::pair{n.y, "y"}}) {
        if (std::isfinite(v) && std::fabs(v) <= limits::kMaxCoordinate) continue;
        fixes.push_back(message(CC_TEMPLATE("{1} {2} out of range, placed in the tray"), {name, number(v)}));
        n.state = NoteState::Tray;
        n.x = n.y = 0;
        n.quadrant = 0;
        break;
    }
    if (n.quadrant < 0 || n.quadrant > 4 || (n.state != NoteState::Tray && n.quadrant != quadrantOf(n))) {
        const int fixed = n.state == NoteState::Tray ? 0 : quadrantOf(n);
        fixes.push_back(message(CC_TEMPLATE("quadrant {1} does not match its place, set to {2}"),
                                {std::to_string(n.quadrant), std::to_string(fixed)}));
        n.quadrant = fixed;
    }
    return fixes;
}

std::vector<std::string> guardLink(Link& l) {
    std::vector<std::string> fixes;
    guardText(l.label, limits::kShortBytes, CC_TEMPLATE("label"), fixes);
    guardText(l.author, limits::kShortBytes, CC_TEMPLATE("author"), fixes);
    guardTime(l.created, CC_TEMPLATE("created"), fixes);
    return fixes;
}

std::vector<std::string> guardBoard(BoardInfo& b) {
    std::vector<std::string> fixes;
    guardText(b.title, limits::kShortBytes, CC_TEMPLATE("title"), fixes);
    guardTime(b.created, CC_TEMPLATE("created"), fixes);
    for (int i = 0; i < 4; ++i) {
        QuadrantInfo& q = b.quadrants[i];
        if (q.index != i + 1) {
            fixes.push_back(message(CC_TEMPLATE("quadrant {1} had index {2}, repaired"), {std::to_string(i + 1), std::to_string(q.index)}));
            q.index = i + 1;
        }
        guardText(q.title, limits::kShortBytes, CC_TEMPLATE("quadrant title"), fixes);
        guardText(q.description, limits::kTextBytes, CC_TEMPLATE("quadrant description"), fixes);
    }
    for (auto [v, fallback, name] : {std::tuple{&b.wallWidth, kDefaultWallWidth, CC_TEMPLATE("wall width")},
                                     std::tuple{&b.wallHeight, kDefaultWallHeight, CC_TEMPLATE("wall height")}}) {
        if (std::isfinite(*v) && *v >= 100 && *v <= limits::kMaxCoordinate) continue;
        const double fixed = std::isfinite(*v) && *v > limits::kMaxCoordinate ? limits::kMaxCoordinate : fallback;
        fixes.push_back(message(CC_TEMPLATE("{1} {2} out of range, set to {3}"), {message(name), number(*v), number(fixed)}));
        *v = fixed;
    }
    return fixes;
}

std::vector<std::string> guardInsight(Insight& i, const std::function<bool(const std::string&)>& noteExists) {
    std::vector<std::string> fixes;
    guardText(i.title, limits::kShortBytes, CC_TEMPLATE("title"), fixes);
    if (i.title.empty()) {
        i.title = message(CC_TEMPLATE("(insight {1})"), {safeText(i.id.substr(0, 64), 64)});
        fixes.push_back(message(CC_TEMPLATE("empty title, named after its id")));
    }
    guardText(i.statement, limits::kStatementBytes, CC_TEMPLATE("statement"), fixes);
    guardText(i.author, limits::kShortBytes, CC_TEMPLATE("author"), fixes);
    guardTime(i.created, CC_TEMPLATE("created"), fixes);
    guardTime(i.updated, CC_TEMPLATE("updated"), fixes);
    if (i.quadrant < 0 || i.quadrant > 4) {
        fixes.push_back(message(CC_TEMPLATE("quadrant {1} out of range, set to 0"), {std::to_string(i.quadrant)}));
        i.quadrant = 0;
    }
    if (i.votes < 0 || i.votes > limits::kMaxVotes) {
        const int fixed = i.votes < 0 ? 0 : limits::kMaxVotes;
        fixes.push_back(message(CC_TEMPLATE("votes {1} out of range, set to {2}"), {std::to_string(i.votes), std::to_string(fixed)}));
        i.votes = fixed;
    }
    std::vector<std::string> kept;
    std::unordered_set<std::string> seen;
    std::size_t dropped = 0;
    for (auto& n : i.notes) {
        const bool usable = isUsableId(n) && n.find('\n') == std::string::npos;
        if (usable && noteExists(n) && kept.size() < limits::kEvidencePerInsight && seen.insert(n).second) {
            kept.push_back(std::move(n));
            continue;
        }
        if (++dropped <= 3)
            fixes.push_back(!usable ? message(CC_TEMPLATE("evidence id not usable, dropped"))
                            : seen.count(n) ? message(CC_TEMPLATE("note {1} cited twice, dropped once"), {n})
                            : !noteExists(n) ? message(CC_TEMPLATE("note {1} is missing, dropped from the evidence"), {n})
                                             : message(CC_TEMPLATE("more than {1} notes, {2} dropped"),
                                                       {std::to_string(limits::kEvidencePerInsight), n}));
    }
    if (dropped > 3) fixes.push_back(message(CC_TEMPLATE("and {1} more evidence ids dropped"), {std::to_string(dropped - 3)}));
    i.notes = std::move(kept);
    return fixes;
}

std::vector<std::string> guardInsights(std::vector<Insight>& insights, const std::function<bool(const std::string&)>& noteExists) {
    std::vector<std::string> out;
    std::unordered_set<std::string> ids;
    std::vector<Insight> kept;
    kept.reserve(insights.size());
    for (Insight& i : insights) {
        if (!isUsableId(i.id) || !ids.insert(i.id).second) {
            out.push_back(repairLine(RecordKind::Insight, i.id,
                                     {isUsableId(i.id) ? message(CC_TEMPLATE("a second insight with this id, left out"))
                                                       : message(CC_TEMPLATE("its id is not usable, left out"))}));
            continue;
        }
        if (auto fixes = guardInsight(i, noteExists); !fixes.empty()) out.push_back(repairLine(RecordKind::Insight, i.id, fixes));
        kept.push_back(std::move(i));
    }
    insights = std::move(kept);
    return out;
}

std::string repairLine(RecordKind kind, std::string_view id, const std::vector<std::string>& what) {
    const std::string shownId = safeText(id.substr(0, 64), 64);
    std::string line;
    switch (kind) {
        case RecordKind::Note: line = message(CC_TEMPLATE("note {1}"), {shownId}); break;
        case RecordKind::Link: line = message(CC_TEMPLATE("link {1}"), {shownId}); break;
        case RecordKind::Insight: line = message(CC_TEMPLATE("insight {1}"), {shownId}); break;
        case RecordKind::Board: line = id.empty() ? message(CC_TEMPLATE("board")) : message(CC_TEMPLATE("board {1}"), {shownId}); break;
    }
    std::string list;
    for (std::size_t i = 0; i < what.size(); ++i) list += (i ? message(CC_TEMPLATE("; ")) : "") + what[i];
    return message(CC_TEMPLATE("{1}: {2}"), {line, list});
}

std::vector<std::string> guardRecords(std::vector<Note>& notes, std::vector<Link>& links, const SourceKinds& kinds) {
    std::vector<std::string> out;
    std::unordered_set<std::string> ids;
    std::vector<Note> kept;
    kept.reserve(notes.size());
    for (Note& n : notes) {
        if (!isUsableId(n.id) || !ids.insert(n.id).second) {
            out.push_back(repairLine(RecordKind::Note, n.id,
                                     {isUsableId(n.id) ? message(CC_TEMPLATE("a second note with this id, left out"))
                                                       : message(CC_TEMPLATE("its id is not usable, left out"))}));
            continue;
        }
        if (auto fixes = guardNote(n, kinds); !fixes.empty()) out.push_back(repairLine(RecordKind::Note, n.id, fixes));
        kept.push_back(std::move(n));
    }
    notes = std::move(kept);
    std::unordered_set<std::string> linkIds;
    std::vector<Link> keptLinks;
    keptLinks.reserve(links.size());
    for (Link& l : links) {
        std::string why = linkUnusableReason(l, [&](const std::string& id) { return ids.count(id) > 0; });
        if (why.empty() && !linkIds.insert(l.id).second) why = message(CC_TEMPLATE("a second link with this id"));
        if (!why.empty()) {
            out.push_back(repairLine(RecordKind::Link, l.id, {message(CC_TEMPLATE("{1}, left out"), {why})}));
            continue;
        }
        if (auto fixes = guardLink(l); !fixes.empty()) out.push_back(repairLine(RecordKind::Link, l.id, fixes));
        keptLinks.push_back(std::move(l));
    }
    links = std::move(keptLinks);
    return out;
}

}  // namespace cc
