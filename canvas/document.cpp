#include "canvas/document.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "canvas/geometry.h"
#include "canvas/record_guard.h"

namespace cc {

namespace {
const std::vector<std::string> kNoLinks;

void require(bool ok, const std::string& message) {
    if (!ok) throw ChangeError(message);
}

void checkText(const std::string& s, std::size_t max, const std::string& what) {
    require(s.size() <= max, what + " is longer than " + std::to_string(max) + " bytes");
    const std::string unsafe = unsafeTextReason(s);
    require(unsafe.empty(), what + " " + unsafe);
}

void checkTime(Millis t, const std::string& what) {
    require(t >= 0 && t <= limits::kMaxMillis, what + " time " + std::to_string(t) + " out of range");
}
}  // namespace

Document::Document(BoardInfo board, const SourceKinds& kinds) : m_board(std::move(board)), m_kinds(&kinds) {}

const Note* Document::note(const std::string& id) const {
    auto it = m_notes.find(id);
    return it == m_notes.end() ? nullptr : &it->second;
}

const Link* Document::link(const std::string& id) const {
    auto it = m_links.find(id);
    return it == m_links.end() ? nullptr : &it->second;
}

const Insight* Document::insight(const std::string& id) const {
    auto it = m_insights.find(id);
    return it == m_insights.end() ? nullptr : &it->second;
}

std::vector<const Insight*> Document::insightsCiting(const std::string& noteId) const {
    std::vector<const Insight*> out;
    for (const auto& [id, i] : m_insights)
        if (std::find(i.notes.begin(), i.notes.end(), noteId) != i.notes.end()) out.push_back(&i);
    std::sort(out.begin(), out.end(), [](const Insight* a, const Insight* b) { return a->id < b->id; });
    return out;
}

const std::vector<std::string>& Document::linksOf(const std::string& noteId) const {
    auto it = m_adjacency.find(noteId);
    return it == m_adjacency.end() ? kNoLinks : it->second;
}

void Document::validateNote(const Note& n) const {
    const std::string who = "note " + n.id + ": ";
    require(isUsableId(n.id), "a note needs an id of 1 to 64 bytes of text");
    checkText(n.text, limits::kTextBytes, who + "text");
    require(m_kinds->contains(n.source), who + "unknown source kind '" + n.source + "'");
    require(n.dateGathered.empty() || isValidDate(n.dateGathered),
            who + "date gathered '" + n.dateGathered + "' is not a date (YYYY-MM-DD)");
    checkText(n.author, limits::kShortBytes, who + "author");
    checkText(n.segment, limits::kShortBytes, who + "segment");
    require(n.tags.size() <= limits::kTagsPerNote, who + "has more than 64 tags");
    for (const auto& t : n.tags) {
        checkText(t, limits::kShortBytes, who + "tag");
        require(!t.empty(), who + "has an empty tag");
    }
    require(std::is_sorted(n.tags.begin(), n.tags.end()) &&
                std::adjacent_find(n.tags.begin(), n.tags.end()) == n.tags.end(),
            who + "tags are not sorted and unique");
    checkText(n.provenance.file, limits::kShortBytes * 4, who + "provenance file");
    checkText(n.provenance.location, limits::kShortBytes, who + "provenance location");
    checkText(n.provenance.excerpt, limits::kExcerptBytes, who + "provenance excerpt");
    require(n.colour <= 0xFFFFFF, who + "colour out of range");
    require(n.votes >= 0 && n.votes <= limits::kMaxVotes, who + "votes out of range");
    for (double v : {n.x, n.y})
        require(std::isfinite(v) && std::fabs(v) <= limits::kMaxCoordinate, who + "position out of range");
    require(std::isfinite(n.w) && std::isfinite(n.h) && n.w > 0 && n.h > 0 && n.w <= limits::kMaxNoteSize &&
                n.h <= limits::kMaxNoteSize,
            who + "size out of range");
    checkTime(n.created, who + "created");
    checkTime(n.updated, who + "updated");
    require(n.quadrant >= 0 && n.quadrant <= 4, who + "quadrant must be 0 to 4");
    if (n.state != NoteState::Tray)
        require(n.quadrant == quadrantOf(n), who + "quadrant " + std::to_string(n.quadrant) +
                                                 " does not match its place on the wall (quadrant " +
                                                 std::to_string(quadrantOf(n)) + ")");
}

void Document::validateLink(const Link& l) const {
    const std::string who = "link " + l.id + ": ";
    require(isUsableId(l.id), "a link needs an id of 1 to 64 bytes of text");
    require(l.from != l.to, who + "links a note to itself");
    checkTime(l.created, who + "created");
    checkText(l.label, limits::kShortBytes, who + "label");
    checkText(l.author, limits::kShortBytes, who + "author");
}

void Document::validateInsight(const Insight& i) const {
    const std::string who = "insight " + i.id + ": ";
    require(isUsableId(i.id), "an insight needs an id of 1 to 64 bytes of text");
    require(!i.title.empty(), who + "has an empty title");
    checkText(i.title, limits::kShortBytes, who + "title");
    checkText(i.statement, limits::kStatementBytes, who + "statement");
    checkText(i.author, limits::kShortBytes, who + "author");
    require(i.quadrant >= 0 && i.quadrant <= 4, who + "quadrant must be 0 to 4");
    require(i.votes >= 0 && i.votes <= limits::kMaxVotes, who + "votes out of range");
    checkTime(i.created, who + "created");
    checkTime(i.updated, who + "updated");
    require(i.notes.size() <= limits::kEvidencePerInsight, who + "cites more than " +
                                                              std::to_string(limits::kEvidencePerInsight) + " notes");
    std::unordered_set<std::string> seen;
    for (const auto& n : i.notes) {
        require(isUsableId(n) && n.find('\n') == std::string::npos, who + "cites a note by an id that is not usable");
        require(seen.insert(n).second, who + "cites note " + n + " twice");
    }
}

void Document::validateBoard(const BoardInfo& b) const {
    checkText(b.title, limits::kShortBytes, "board title");
    checkTime(b.created, "board created");
    for (int i = 0; i < 4; ++i) {
        require(b.quadrants[i].index == i + 1, "quadrant " + std::to_string(i + 1) + " has index " +
                                                   std::to_string(b.quadrants[i].index));
        checkText(b.quadrants[i].title, limits::kShortBytes, "quadrant title");
        checkText(b.quadrants[i].description, limits::kTextBytes, "quadrant description");
    }
    require(std::isfinite(b.wallWidth) && std::isfinite(b.wallHeight) && b.wallWidth >= 100 &&
                b.wallHeight >= 100 && b.wallWidth <= limits::kMaxCoordinate &&
                b.wallHeight <= limits::kMaxCoordinate,
            "wall size out of range");
}

void Document::validate(const ChangeSet& cs) const {
    // Notes: removals, then additions, then updates, as mutate() does them.
    std::unordered_set<std::string> removedNotes, addedNotes;
    for (const auto& n : cs.notes.removed) {
        require(m_notes.count(n.id) > 0, "note " + n.id + " does not exist");
        require(removedNotes.insert(n.id).second, "note " + n.id + " removed twice");
    }
    for (const auto& n : cs.notes.added) {
        require(!m_notes.count(n.id) || removedNotes.count(n.id), "note " + n.id + " already exists");
        require(addedNotes.insert(n.id).second, "note " + n.id + " added twice");
        validateNote(n);
    }
    std::unordered_set<std::string> updatedNotes;
    for (const auto& [before, after] : cs.notes.updated) {
        require(before.id == after.id, "an update changes note id " + before.id);
        require(m_notes.count(after.id) && !removedNotes.count(after.id),
                "note " + after.id + " does not exist");
        require(updatedNotes.insert(after.id).second, "note " + after.id + " updated twice");
        validateNote(after);
    }
    auto noteExistsAfter = [&](const std::string& id) {
        return addedNotes.count(id) || (m_notes.count(id) && !removedNotes.count(id));
    };

    std::unordered_set<std::string> removedLinks, addedLinks;
    for (const auto& l : cs.links.removed) {
        require(m_links.count(l.id) > 0, "link " + l.id + " does not exist");
        require(removedLinks.insert(l.id).second, "link " + l.id + " removed twice");
    }
    for (const auto& l : cs.links.added) {
        require(!m_links.count(l.id) || removedLinks.count(l.id), "link " + l.id + " already exists");
        require(addedLinks.insert(l.id).second, "link " + l.id + " added twice");
        validateLink(l);
        require(noteExistsAfter(l.from), "link " + l.id + ": note " + l.from + " does not exist");
        require(noteExistsAfter(l.to), "link " + l.id + ": note " + l.to + " does not exist");
    }
    for (const auto& [before, after] : cs.links.updated) {
        require(before.id == after.id, "an update changes link id " + before.id);
        require(m_links.count(after.id) && !removedLinks.count(after.id), "link " + after.id + " does not exist");
        validateLink(after);
        require(noteExistsAfter(after.from) && noteExistsAfter(after.to),
                "link " + after.id + " points at a note that does not exist");
    }
    // A removed note may not leave a link behind.
    for (const auto& id : removedNotes) {
        if (addedNotes.count(id)) continue;
        for (const auto& linkId : linksOf(id))
            require(removedLinks.count(linkId) > 0,
                    "note " + id + " is removed but link " + linkId + " still points at it");
    }
    // Insights: each cites only notes there after the change, and a removed note leaves no
    // insight citing it.
    std::unordered_set<std::string> removedInsights, addedInsights, updatedInsights;
    for (const auto& i : cs.insights.removed) {
        require(m_insights.count(i.id) > 0, "insight " + i.id + " does not exist");
        require(removedInsights.insert(i.id).second, "insight " + i.id + " removed twice");
    }
    auto citesExisting = [&](const Insight& i) {
        for (const auto& n : i.notes)
            require(noteExistsAfter(n), "insight " + i.id + ": note " + n + " does not exist");
    };
    for (const auto& i : cs.insights.added) {
        require(!m_insights.count(i.id) || removedInsights.count(i.id), "insight " + i.id + " already exists");
        require(addedInsights.insert(i.id).second, "insight " + i.id + " added twice");
        validateInsight(i);
        citesExisting(i);
    }
    for (const auto& [before, after] : cs.insights.updated) {
        require(before.id == after.id, "an update changes insight id " + before.id);
        require(m_insights.count(after.id) && !removedInsights.count(after.id), "insight " + after.id + " does not exist");
        require(updatedInsights.insert(after.id).second, "insight " + after.id + " updated twice");
        validateInsight(after);
        citesExisting(after);
    }
    for (const auto& id : removedNotes) {
        if (addedNotes.count(id)) continue;
        for (const Insight* i : insightsCiting(id))
            require(removedInsights.count(i->id) || updatedInsights.count(i->id),
                    "note " + id + " is removed but insight " + i->id + " still cites it");
    }
    if (cs.board) validateBoard(cs.board->second);
}

void Document::indexLink(const Link& l) {
    m_adjacency[l.from].push_back(l.id);
    m_adjacency[l.to].push_back(l.id);
}

void Document::unindexLink(const Link& l) {
    for (const auto& end : {l.from, l.to}) {
        auto it = m_adjacency.find(end);
        if (it == m_adjacency.end()) continue;
        auto& v = it->second;
        v.erase(std::remove(v.begin(), v.end(), l.id), v.end());
        if (v.empty()) m_adjacency.erase(it);
    }
}

void Document::mutate(const ChangeSet& cs) {
    // Remember what this mutation did, for views that update their caches in place.
    constexpr std::size_t kJournal = 64, kMaxUpdates = 512;
    std::optional<NoteUpdates> updates;
    if (cs.notes.added.empty() && cs.notes.removed.empty() && cs.links.empty() && cs.insights.empty() && !cs.board &&
        cs.notes.updated.size() <= kMaxUpdates) {
        updates.emplace();
        updates->reserve(cs.notes.updated.size());
        for (const auto& [before, after] : cs.notes.updated) updates->emplace_back(m_notes.at(after.id), after);
    }
    m_journal.push_back(std::move(updates));
    if (m_journal.size() > kJournal) {
        m_journal.pop_front();
        ++m_journalFirst;
    }
    for (const auto& l : cs.links.removed) {
        unindexLink(m_links.at(l.id));
        m_links.erase(l.id);
    }
    for (const auto& i : cs.insights.removed) m_insights.erase(i.id);
    for (const auto& n : cs.notes.removed) m_notes.erase(n.id);
    for (const auto& n : cs.notes.added) m_notes[n.id] = n;
    for (const auto& [before, after] : cs.notes.updated) m_notes[after.id] = after;
    for (const auto& l : cs.links.added) {
        m_links[l.id] = l;
        indexLink(l);
    }
    for (const auto& [before, after] : cs.links.updated) {
        unindexLink(m_links.at(after.id));
        m_links[after.id] = after;
        indexLink(after);
    }
    for (const auto& i : cs.insights.added) m_insights[i.id] = i;
    for (const auto& [before, after] : cs.insights.updated) m_insights[after.id] = after;
    if (cs.board) m_board = cs.board->second;
    ++m_revision;
}

void Document::apply(const ChangeSet& cs) {
    validate(cs);
    mutate(cs);
    try {
        for (auto& [handle, listener] : m_listeners) listener(cs);
    } catch (...) {
        // Put back the state from before: the inverse of a change that just applied is valid.
        mutate(cs.inverted());
        throw;
    }
}

void Document::loadRecords(std::vector<Note> notes, std::vector<Link> links, std::vector<Insight> insights) {
    m_notes.clear();
    m_links.clear();
    m_insights.clear();
    m_insights.reserve(insights.size());
    for (auto& i : insights) {
        std::string id = i.id;
        m_insights.emplace(std::move(id), std::move(i));
    }
    m_adjacency.clear();
    m_notes.reserve(notes.size());
    for (auto& n : notes) {
        std::string id = n.id;
        m_notes.emplace(std::move(id), std::move(n));
    }
    m_links.reserve(links.size());
    m_adjacency.reserve(links.size());
    for (auto& l : links) {
        indexLink(l);
        std::string id = l.id;
        m_links.emplace(std::move(id), std::move(l));
    }
    m_journal.push_back(std::nullopt);  // everything changed
    if (m_journal.size() > 64) {
        m_journal.pop_front();
        ++m_journalFirst;
    }
    ++m_revision;
}

bool Document::noteUpdatesSince(std::uint64_t revision, NoteUpdates& out) const {
    if (revision > m_revision) return false;
    if (revision + 1 < m_journalFirst) return false;  // forgotten
    for (std::uint64_t r = revision + 1; r <= m_revision; ++r) {
        const auto& entry = m_journal[static_cast<std::size_t>(r - m_journalFirst)];
        if (!entry) return false;
        out.insert(out.end(), entry->begin(), entry->end());
    }
    return true;
}

std::size_t Document::subscribe(Listener l) {
    m_listeners.emplace_back(m_nextListener, std::move(l));
    return m_nextListener++;
}

void Document::unsubscribe(std::size_t handle) {
    m_listeners.erase(std::remove_if(m_listeners.begin(), m_listeners.end(),
                                     [&](const auto& p) { return p.first == handle; }),
                      m_listeners.end());
}

std::vector<std::string> Document::checkInvariants() const {
    std::vector<std::string> problems;
    try {
        validateBoard(m_board);
    } catch (const ChangeError& e) {
        problems.emplace_back(e.what());
    }
    for (const auto& [id, n] : m_notes) {
        if (id != n.id) problems.push_back("note stored under id " + id + " says it is " + n.id);
        try {
            validateNote(n);
        } catch (const ChangeError& e) {
            problems.emplace_back(e.what());
        }
    }
    for (const auto& [id, l] : m_links) {
        if (id != l.id) problems.push_back("link stored under id " + id + " says it is " + l.id);
        try {
            validateLink(l);
        } catch (const ChangeError& e) {
            problems.emplace_back(e.what());
        }
        if (!m_notes.count(l.from)) problems.push_back("link " + id + " starts at missing note " + l.from);
        if (!m_notes.count(l.to)) problems.push_back("link " + id + " ends at missing note " + l.to);
    }
    for (const auto& [id, i] : m_insights) {
        if (id != i.id) problems.push_back("insight stored under id " + id + " says it is " + i.id);
        try {
            validateInsight(i);
        } catch (const ChangeError& e) {
            problems.emplace_back(e.what());
        }
        for (const auto& n : i.notes)
            if (!m_notes.count(n)) problems.push_back("insight " + id + " cites missing note " + n);
    }
    return problems;
}

std::vector<const Note*> Document::sortedNotes() const {
    std::vector<const Note*> out;
    out.reserve(m_notes.size());
    for (const auto& [id, n] : m_notes) out.push_back(&n);
    std::sort(out.begin(), out.end(), [](const Note* a, const Note* b) {
        return a->created != b->created ? a->created < b->created : a->id < b->id;
    });
    return out;
}

std::vector<const Link*> Document::sortedLinks() const {
    std::vector<const Link*> out;
    out.reserve(m_links.size());
    for (const auto& [id, l] : m_links) out.push_back(&l);
    std::sort(out.begin(), out.end(), [](const Link* a, const Link* b) {
        return a->created != b->created ? a->created < b->created : a->id < b->id;
    });
    return out;
}

}  // namespace cc

namespace cc {

std::vector<const Insight*> Document::sortedInsights() const {
    std::vector<const Insight*> out;
    out.reserve(m_insights.size());
    for (const auto& [id, i] : m_insights) out.push_back(&i);
    std::sort(out.begin(), out.end(), [](const Insight* a, const Insight* b) {
        return a->created != b->created ? a->created < b->created : a->id < b->id;
    });
    return out;
}

}  // namespace cc
