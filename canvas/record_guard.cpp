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
    if (!reason.empty()) fixes.push_back(std::string(field) + " " + reason + ", replaced");
    if (tooLong) fixes.push_back(std::string(field) + " longer than " + std::to_string(maxBytes) + " bytes, cut");
}

void guardTime(Millis& t, const char* field, std::vector<std::string>& fixes) {
    if (t >= 0 && t <= limits::kMaxMillis) return;
    fixes.push_back(std::string(field) + " time " + std::to_string(t) + " out of range, set to " +
                    (t < 0 ? "0" : std::to_string(limits::kMaxMillis)));
    t = t < 0 ? 0 : limits::kMaxMillis;
}

void guardSize(double& v, double fallback, const char* field, std::vector<std::string>& fixes) {
    if (std::isfinite(v) && v > 0 && v <= limits::kMaxNoteSize) return;
    const double fixed = std::isfinite(v) && v > limits::kMaxNoteSize ? limits::kMaxNoteSize : fallback;
    fixes.push_back(std::string(field) + " " + number(v) + " out of range, set to " + number(fixed));
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
    if (!isUsableId(l.id)) return "its id is not usable";
    if (l.from == l.to) return "it links a note to itself";
    for (const std::string* end : {&l.from, &l.to})
        if (!noteExists(*end)) return "its note " + safeText(end->substr(0, 64), 64) + " is missing";
    return {};
}

std::vector<std::string> guardNote(Note& n, const SourceKinds& kinds) {
    std::vector<std::string> fixes;
    guardText(n.text, limits::kTextBytes, "text", fixes);
    if (!kinds.contains(n.source)) {
        fixes.push_back("unknown source kind '" + safeText(n.source, 40) + "', set to 'other'");
        n.source = "other";
    }
    if (!n.dateGathered.empty() && !isValidDate(n.dateGathered)) {
        fixes.push_back("date gathered '" + safeText(n.dateGathered, 40) + "' is not a date, cleared");
        n.dateGathered.clear();
    }
    guardText(n.author, limits::kShortBytes, "author", fixes);
    guardText(n.segment, limits::kShortBytes, "segment", fixes);
    guardTime(n.created, "created", fixes);
    guardTime(n.updated, "updated", fixes);
    {
        const auto before = n.tags;
        for (auto& t : n.tags) t = safeText(t, limits::kShortBytes);
        normaliseTags(n.tags);
        if (n.tags.size() > limits::kTagsPerNote) n.tags.resize(limits::kTagsPerNote);
        if (n.tags != before) fixes.push_back("tags not safe, sorted and unique (at most 64), repaired");
    }
    guardText(n.provenance.file, limits::kShortBytes * 4, "provenance file", fixes);
    guardText(n.provenance.location, limits::kShortBytes, "provenance location", fixes);
    guardText(n.provenance.excerpt, limits::kExcerptBytes, "provenance excerpt", fixes);
    if (n.colour > 0xFFFFFF) {
        fixes.push_back("colour " + std::to_string(n.colour) + " out of range, set to the source kind's");
        n.colour = 0;
    }
    if (n.votes < 0 || n.votes > limits::kMaxVotes) {
        const int fixed = n.votes < 0 ? 0 : limits::kMaxVotes;
        fixes.push_back("votes " + std::to_string(n.votes) + " out of range, set to " + std::to_string(fixed));
        n.votes = fixed;
    }
    guardSize(n.w, kNoteWidth, "width", fixes);
    guardSize(n.h, kNoteHeight, "height", fixes);
    // A note with no usable place cannot be drawn where it says: it waits in the tray, where
    // someone can place it again.
    for (auto [v, name] : {std::pair{n.x, "x"}, std::pair{n.y, "y"}}) {
        if (std::isfinite(v) && std::fabs(v) <= limits::kMaxCoordinate) continue;
        fixes.push_back(std::string(name) + " " + number(v) + " out of range, placed in the tray");
        n.state = NoteState::Tray;
        n.x = n.y = 0;
        n.quadrant = 0;
        break;
    }
    if (n.quadrant < 0 || n.quadrant > 4 || (n.state != NoteState::Tray && n.quadrant != quadrantOf(n))) {
        const int fixed = n.state == NoteState::Tray ? 0 : quadrantOf(n);
        fixes.push_back("quadrant " + std::to_string(n.quadrant) + " does not match its place, set to " +
                        std::to_string(fixed));
        n.quadrant = fixed;
    }
    return fixes;
}

std::vector<std::string> guardLink(Link& l) {
    std::vector<std::string> fixes;
    guardText(l.label, limits::kShortBytes, "label", fixes);
    guardText(l.author, limits::kShortBytes, "author", fixes);
    guardTime(l.created, "created", fixes);
    return fixes;
}

std::vector<std::string> guardBoard(BoardInfo& b) {
    std::vector<std::string> fixes;
    guardText(b.title, limits::kShortBytes, "title", fixes);
    guardTime(b.created, "created", fixes);
    for (int i = 0; i < 4; ++i) {
        QuadrantInfo& q = b.quadrants[i];
        if (q.index != i + 1) {
            fixes.push_back("quadrant " + std::to_string(i + 1) + " had index " + std::to_string(q.index) + ", repaired");
            q.index = i + 1;
        }
        guardText(q.title, limits::kShortBytes, "quadrant title", fixes);
        guardText(q.description, limits::kTextBytes, "quadrant description", fixes);
    }
    for (auto [v, fallback, name] : {std::tuple{&b.wallWidth, kDefaultWallWidth, "wall width"},
                                     std::tuple{&b.wallHeight, kDefaultWallHeight, "wall height"}}) {
        if (std::isfinite(*v) && *v >= 100 && *v <= limits::kMaxCoordinate) continue;
        const double fixed = std::isfinite(*v) && *v > limits::kMaxCoordinate ? limits::kMaxCoordinate : fallback;
        fixes.push_back(std::string(name) + " " + number(*v) + " out of range, set to " + number(fixed));
        *v = fixed;
    }
    return fixes;
}

std::vector<std::string> guardInsight(Insight& i, const std::function<bool(const std::string&)>& noteExists) {
    std::vector<std::string> fixes;
    guardText(i.title, limits::kShortBytes, "title", fixes);
    if (i.title.empty()) {
        i.title = "(insight " + safeText(i.id.substr(0, 64), 64) + ")";
        fixes.push_back("empty title, named after its id");
    }
    guardText(i.statement, limits::kStatementBytes, "statement", fixes);
    guardText(i.author, limits::kShortBytes, "author", fixes);
    guardTime(i.created, "created", fixes);
    guardTime(i.updated, "updated", fixes);
    if (i.quadrant < 0 || i.quadrant > 4) {
        fixes.push_back("quadrant " + std::to_string(i.quadrant) + " out of range, set to 0");
        i.quadrant = 0;
    }
    if (i.votes < 0 || i.votes > limits::kMaxVotes) {
        const int fixed = i.votes < 0 ? 0 : limits::kMaxVotes;
        fixes.push_back("votes " + std::to_string(i.votes) + " out of range, set to " + std::to_string(fixed));
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
            fixes.push_back(!usable ? std::string("evidence id not usable, dropped")
                            : seen.count(n) ? "note " + n + " cited twice, dropped once"
                            : !noteExists(n) ? "note " + n + " is missing, dropped from the evidence"
                                             : "more than " + std::to_string(limits::kEvidencePerInsight) + " notes, " + n + " dropped");
    }
    if (dropped > 3) fixes.push_back("and " + std::to_string(dropped - 3) + " more evidence ids dropped");
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
            out.push_back(repairLine("insight", i.id, {isUsableId(i.id) ? "a second insight with this id, left out"
                                                                        : "its id is not usable, left out"}));
            continue;
        }
        if (auto fixes = guardInsight(i, noteExists); !fixes.empty()) out.push_back(repairLine("insight", i.id, fixes));
        kept.push_back(std::move(i));
    }
    insights = std::move(kept);
    return out;
}

std::string repairLine(std::string_view kind, std::string_view id, const std::vector<std::string>& what) {
    std::string line(kind);
    if (!id.empty() || kind != "board") line += " " + safeText(id.substr(0, 64), 64);
    line += ": ";
    for (std::size_t i = 0; i < what.size(); ++i) line += (i ? "; " : "") + what[i];
    return line;
}

std::vector<std::string> guardRecords(std::vector<Note>& notes, std::vector<Link>& links, const SourceKinds& kinds) {
    std::vector<std::string> out;
    std::unordered_set<std::string> ids;
    std::vector<Note> kept;
    kept.reserve(notes.size());
    for (Note& n : notes) {
        if (!isUsableId(n.id) || !ids.insert(n.id).second) {
            out.push_back(repairLine("note", n.id, {isUsableId(n.id) ? "a second note with this id, left out"
                                                                     : "its id is not usable, left out"}));
            continue;
        }
        if (auto fixes = guardNote(n, kinds); !fixes.empty()) out.push_back(repairLine("note", n.id, fixes));
        kept.push_back(std::move(n));
    }
    notes = std::move(kept);
    std::unordered_set<std::string> linkIds;
    std::vector<Link> keptLinks;
    keptLinks.reserve(links.size());
    for (Link& l : links) {
        std::string why = linkUnusableReason(l, [&](const std::string& id) { return ids.count(id) > 0; });
        if (why.empty() && !linkIds.insert(l.id).second) why = "a second link with this id";
        if (!why.empty()) {
            out.push_back(repairLine("link", l.id, {why + ", left out"}));
            continue;
        }
        if (auto fixes = guardLink(l); !fixes.empty()) out.push_back(repairLine("link", l.id, fixes));
        keptLinks.push_back(std::move(l));
    }
    links = std::move(keptLinks);
    return out;
}

}  // namespace cc
