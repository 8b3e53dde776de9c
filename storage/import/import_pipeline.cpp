#include "canvas/wording.h"
#include "storage/import/import_pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "canvas/geometry.h"
#include "canvas/record_guard.h"
#include "storage/import/text_util.h"

namespace cc::import {

namespace {

std::string baseName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

/// The cut point for a piece of at most `max` bytes of text: after the last paragraph break in
/// reach, else the last line break, else the last sentence end or space, else a character boundary.
std::size_t cutPoint(std::string_view text, std::size_t max) {
    if (text.size() <= max) return text.size();
    const std::string_view reach = text.substr(0, max);
    const std::size_t least = max / 2;  // never make a piece smaller than half the room
    for (std::string_view sep : {"\n\n", "\n", "\xE3\x80\x82" /*。*/, ". ", "! ", "? ", " "}) {
        const std::size_t at = reach.rfind(sep);
        if (at != std::string_view::npos && at + sep.size() >= least) return at + sep.size();
    }
    std::size_t at = max;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

/// Text too long for one note, as pieces that each fit (trimmed, none empty).
std::vector<std::string> pieces(const std::string& text, std::size_t max) {
    std::vector<std::string> out;
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t cut = cutPoint(rest, max);
        std::string piece(rest.substr(0, cut));
        rest.remove_prefix(cut);
        const auto b = piece.find_first_not_of(" \t\r\n");
        if (b != std::string::npos) out.push_back(piece.substr(b, piece.find_last_not_of(" \t\r\n") - b + 1));
    }
    return out;
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string fileDate(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return todayDate();
    std::tm tm{};
    const std::time_t t = st.st_mtime;
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

/// An insight's title from a canvas group: its label; without one, the first line of its first
/// note; without that, "Group N" (the group's place among the file's groups). Trimmed to one
/// line and to what a title holds.
std::string groupTitle(const std::string& label, const std::string& firstNote, std::size_t number) {
    for (const std::string& from : {label, firstNote}) {
        std::string line = trimmed(from.substr(0, from.find('\n')));
        line = safeText(text::shortened(line, 200), limits::kShortBytes);
        if (!trimmed(line).empty()) return line;
    }
    return message(CC_TEMPLATE("Group {1}"), {std::to_string(number)});
}

/// What makes a candidate a duplicate: the file it came from and its text.
std::string dedupeKey(const std::string& file, const std::string& text) { return file + '\x1f' + trimmed(text); }

}  // namespace

std::string defaultSource(const std::string& format) {
    return (format == "csv" || format == "tsv") ? "survey" : "other";
}

ParsedFile parseForImport(const std::string& path, const ParseOptions& opt) {
    ParsedFile f;
    f.path = path;
    f.result = parseFile(path, opt);
    f.fileDate = fileDate(path);
    return f;
}

namespace {

/// buildImport's work. With `release`, each candidate's text and excerpt are let go once its note
/// holds them (the caller's files are then spent): a huge import never holds both in full.
ChangeSet build(const Document& doc, std::vector<ParsedFile>& files, const ImportOptions& opt, const std::string& author,
                std::vector<FileReport>& reports, bool release) {
    const SourceKinds& kinds = doc.sourceKinds();
    if (!opt.source.empty() && !kinds.contains(opt.source))
        throw ImportError(message(CC_TEMPLATE("unknown source kind '{1}' (see 'customer-canvas sources')"), {opt.source}));
    if (!opt.date.empty() && !isValidDate(opt.date)) throw ImportError(message(CC_TEMPLATE("'{1}' is not a date (YYYY-MM-DD)"), {opt.date}));
    if (opt.pinQuadrant < 0 || opt.pinQuadrant > 4) throw ImportError(message(CC_TEMPLATE("quadrant must be 1 to 4")));
    for (const auto& t : opt.tags)
        if (trimmed(t).empty() || t.size() > limits::kShortBytes || !unsafeTextReason(t).empty()) throw ImportError(message(CC_TEMPLATE("tag '{1}' is not valid"), {t}));

    // What is on the board already; when a canvas has groups, also the note each key is (a
    // group's insight cites a note it finds there), kept only then: a big import without groups
    // needs no more memory than before.
    const bool anyGroups = std::any_of(files.begin(), files.end(), [](const ParsedFile& f) { return !f.result.groups.empty(); });
    std::set<std::string> seen;
    std::unordered_map<std::string, std::string> noteOfKey;
    for (const auto& [id, n] : doc.notes())
        if (!n.provenance.file.empty()) {
            const auto at = seen.insert(dedupeKey(n.provenance.file, n.text)).first;
            if (anyGroups) noteOfKey.emplace(*at, id);
        }
    std::unordered_map<const Candidate*, std::vector<std::string>> duplicateOf;  // candidates in a group, already on the board

    ChangeSet cs;
    const Millis now = nowMillis();
    struct Pending {
        Note note;
        const Candidate* candidate;
    };
    std::vector<Pending> pending;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // per file: [begin, end) of pending
    for (ParsedFile& f : files) {
        FileReport rep;
        rep.file = f.path;
        rep.format = f.result.format;
        rep.encoding = f.result.encoding;
        rep.candidates = f.result.candidates.size();
        const std::string file = baseName(f.path);
        const std::string source = opt.source.empty() ? defaultSource(f.result.format) : opt.source;
        const SourceKind* kind = kinds.find(source);
        rep.remarks = f.result.remarks;
        std::size_t split = 0, splitInto = 0;
        const std::size_t begin = pending.size();
        for (Candidate& c : f.result.candidates) {
            // A text longer than a note holds is split into notes that each do (said in the report).
            std::string whole = trimmed(c.text);
            std::vector<std::string> parts;
            if (whole.size() <= limits::kTextBytes) parts.push_back(std::move(whole));
            else parts = pieces(whole, limits::kTextBytes);
            if (parts.size() > 1) {
                ++split;
                splitInto += parts.size();
            }
            for (std::size_t part = 0; part < parts.size(); ++part) {
                std::string text = safeText(parts[part], limits::kTextBytes);
                if (text.empty()) continue;
                const auto [key, isNew] = seen.insert(dedupeKey(file, text));
                if (!isNew) {
                    ++rep.duplicates;
                    if (!c.nodeId.empty() && !f.result.groups.empty()) duplicateOf[&c].push_back(noteOfKey.at(*key));
                    continue;
                }
                Note n;
                n.id = newId("n");
                if (anyGroups) noteOfKey.emplace(*key, n.id);
                n.text = std::move(text);
                setSourceKind(n, *kind);
                n.dateGathered = !opt.date.empty() ? opt.date : isValidDate(c.date) ? c.date : f.fileDate;
                n.author = author;
                n.created = n.updated = now;
                for (const auto& t : opt.tags) n.tags.push_back(trimmed(t));
                for (const auto& t : c.tags)
                    if (n.tags.size() < limits::kTagsPerNote && !trimmed(t).empty())
                        n.tags.push_back(safeText(trimmed(t), limits::kShortBytes));
                normaliseTags(n.tags);
                n.segment = safeText(trimmed(c.segment), limits::kShortBytes);
                n.provenance.file = safeText(file, limits::kShortBytes * 4);
                std::string location = c.location;
                if (!c.respondent.empty()) location += (location.empty() ? "" : ", ") + std::string("respondent ") + c.respondent;
                if (parts.size() > 1)
                    location += (location.empty() ? "" : ", ") + std::string("part ") + std::to_string(part + 1) + " of " +
                                std::to_string(parts.size());
                n.provenance.location = safeText(location, limits::kShortBytes);
                // The excerpt is the text as the document had it; when that is too long to keep
                // whole (or the text was split), the note's own text is its evidence instead.
                const std::string& excerpt = c.excerpt.empty() ? c.text : c.excerpt;
                n.provenance.excerpt = safeText(parts.size() == 1 && excerpt.size() <= limits::kExcerptBytes ? excerpt : n.text, limits::kExcerptBytes);
                if (c.colour <= 0xFFFFFF) n.colour = c.colour;
                n.w = c.w && *c.w >= 40 && *c.w <= limits::kMaxNoteSize ? *c.w : kNoteWidth;
                n.h = c.h && *c.h >= 30 && *c.h <= limits::kMaxNoteSize ? *c.h : kNoteHeight;
                n.state = opt.pinQuadrant ? NoteState::Pinned : NoteState::Tray;
                pending.push_back({std::move(n), &c});
                ++rep.added;
            }
            if (release) {
                std::string().swap(c.text);
                std::string().swap(c.excerpt);
            }
        }
        if (split)
            rep.remarks.push_back(messageCount("{1} text over {2} KiB split into {3} notes", "{1} texts over {2} KiB split into {3} notes",
                                               split, {std::to_string(split), std::to_string(limits::kTextBytes / 1024),
                                                       std::to_string(splitInto)}));
        ranges.emplace_back(begin, pending.size());
        reports.push_back(rep);
    }

    if (opt.pinQuadrant) {
        // Notes with a place on their own canvas (JSON Canvas) keep their arrangement, moved as a
        // group into the quadrant and kept inside it; the others take free places in turn.
        const int q = opt.pinQuadrant;
        const Rect area = quadrantRect(grownWall(doc), q);
        std::vector<Pending*> loose;
        for (const auto& [begin, end] : ranges) {
            double minX = std::numeric_limits<double>::max(), minY = std::numeric_limits<double>::max();
            bool anyPlaced = false;
            for (std::size_t i = begin; i < end; ++i)
                if (pending[i].candidate->x && pending[i].candidate->y) {
                    minX = std::min(minX, *pending[i].candidate->x);
                    minY = std::min(minY, *pending[i].candidate->y);
                    anyPlaced = true;
                }
            if (!anyPlaced) {
                for (std::size_t i = begin; i < end; ++i) loose.push_back(&pending[i]);
                continue;
            }
            const auto origin = freeSpotInQuadrant(doc, q);
            for (std::size_t i = begin; i < end; ++i) {
                Note& n = pending[i].note;
                const Candidate& c = *pending[i].candidate;
                if (!(c.x && c.y)) {
                    loose.push_back(&pending[i]);
                    continue;
                }
                n.x = std::clamp(origin.first + (*c.x - minX), area.x + 1, area.right() - n.w - 1);
                n.y = std::clamp(origin.second + (*c.y - minY), area.y + kQuadrantHeader, area.bottom() - n.h - 1);
                if (!std::isfinite(n.x) || !std::isfinite(n.y)) {
                    n.x = origin.first;
                    n.y = origin.second;
                }
            }
        }
        const auto spots = freeSpotsInQuadrant(doc, q, loose.size());
        for (std::size_t i = 0; i < loose.size(); ++i) {
            loose[i]->note.x = spots[i].first;
            loose[i]->note.y = spots[i].second;
        }
        for (auto& p : pending) p.note.quadrant = quadrantOf(p.note);
    }

    // Links between candidates (JSON Canvas edges), by node id within each file.
    std::vector<Link> links;
    for (std::size_t fi = 0; fi < files.size(); ++fi) {
        std::unordered_map<std::string, std::string> byNode;
        for (std::size_t i = ranges[fi].first; i < ranges[fi].second; ++i)
            if (!pending[i].candidate->nodeId.empty()) byNode[pending[i].candidate->nodeId] = pending[i].note.id;
        std::set<std::tuple<std::string, std::string, int>> made;
        for (const CandidateLink& cl : files[fi].result.links) {
            auto a = byNode.find(cl.fromNode), b = byNode.find(cl.toNode);
            if (a == byNode.end() || b == byNode.end() || a->second == b->second) continue;
            if (!made.insert({a->second, b->second, static_cast<int>(cl.kind)}).second) continue;
            Link l;
            l.id = newId("l");
            l.from = a->second;
            l.to = b->second;
            l.kind = cl.kind;
            l.label = safeText(trimmed(cl.label), limits::kShortBytes);
            l.author = author;
            l.created = now;
            links.push_back(std::move(l));
            ++reports[reports.size() - files.size() + fi].links;
        }
    }
    // Groups (JSON Canvas) become insights citing their nodes' notes, new or already on the board.
    // A group none of whose notes is new was imported before, and makes no insight again.
    for (std::size_t fi = 0; fi < files.size(); ++fi) {
        const auto& groups = files[fi].result.groups;
        if (groups.empty()) continue;
        FileReport& rep = reports[reports.size() - files.size() + fi];
        std::unordered_map<std::string, std::vector<const Note*>> byNode;
        for (std::size_t i = ranges[fi].first; i < ranges[fi].second; ++i)
            if (!pending[i].candidate->nodeId.empty()) byNode[pending[i].candidate->nodeId].push_back(&pending[i].note);
        std::unordered_map<std::string, const std::vector<std::string>*> existing;
        for (const Candidate& c : files[fi].result.candidates)
            if (auto it = duplicateOf.find(&c); it != duplicateOf.end()) existing[c.nodeId] = &it->second;
        std::size_t before = 0, number = 0;
        for (const CandidateGroup& g : groups) {
            ++number;
            Insight in;
            std::set<std::string> cited;
            bool anyNew = false;
            std::string firstText;
            for (const auto& node : g.nodes) {
                if (auto it = byNode.find(node); it != byNode.end())
                    for (const Note* n : it->second) {
                        anyNew = true;
                        if (firstText.empty()) firstText = n->text;
                        if (cited.insert(n->id).second) in.notes.push_back(n->id);
                    }
                if (auto it = existing.find(node); it != existing.end())
                    for (const auto& id : *it->second)
                        if (cited.insert(id).second) in.notes.push_back(id);
            }
            if (!anyNew) {
                ++before;
                continue;
            }
            if (in.notes.size() > limits::kEvidencePerInsight) in.notes.resize(limits::kEvidencePerInsight);
            in.title = groupTitle(g.label, firstText, number);
            in.id = newId("i");
            in.quadrant = opt.pinQuadrant;
            in.author = author;
            in.created = in.updated = now;
            cs.insights.added.push_back(std::move(in));
            ++rep.insights;
        }
        if (rep.insights)
            rep.remarks.push_back(std::to_string(rep.insights) + (rep.insights == 1 ? " group" : " groups") + " made into insights");
        if (before)
            rep.remarks.push_back(std::to_string(before) + (before == 1 ? " group" : " groups") + " imported before (no new notes), no insight made");
    }
    cs.notes.added.reserve(pending.size());
    for (auto& p : pending) cs.notes.added.push_back(std::move(p.note));
    cs.links.added = std::move(links);
    return cs;
}

}  // namespace

ChangeSet buildImport(const Document& doc, const std::vector<ParsedFile>& files, const ImportOptions& opt,
                      const std::string& author, std::vector<FileReport>& reports) {
    // Not released: nothing in `files` is written.
    return build(doc, const_cast<std::vector<ParsedFile>&>(files), opt, author, reports, false);
}

std::vector<FileReport> importFiles(Editor& editor, const std::vector<std::string>& paths, const ImportOptions& opt) {
    std::vector<ParsedFile> files;
    files.reserve(paths.size());
    for (const auto& p : paths) files.push_back(parseForImport(p, opt.parse));
    std::vector<FileReport> reports;
    ChangeSet cs = build(editor.document(), files, opt, editor.author(), reports, true);
    // The parsed candidates are not needed once they are notes: let their memory go before the
    // board takes its copy (a 500,000-node canvas holds about 400 MB of them).
    std::vector<ParsedFile>().swap(files);
    editor.applyLocal(std::move(cs), ChangeSource::Import);
    return reports;
}

}  // namespace cc::import
