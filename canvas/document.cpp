#include "canvas/document.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "canvas/geometry.h"
#include "canvas/record_guard.h"
#include "canvas/wording.h"

namespace cc {

namespace {
const std::vector<std::string> kNoLinks;

/// Throws a ChangeError worded by the English template `english` (a CC_TEMPLATE) filled with
/// `args`, unless `ok`; the message is looked up only when it is thrown.
void require(bool ok, const char* english, std::initializer_list<std::string_view> args = {}) {
    if (!ok) throw ChangeError(message(english, args));
}

/// `what` names the field as a template, "note {1}: text", filled with `id`.
void checkText(const std::string& s, std::size_t max, const char* what, std::string_view id = {}) {
    if (s.size() > max)
        throw ChangeError(message(CC_TEMPLATE("{1} is longer than {2} bytes"), {message(what, {id}), std::to_string(max)}));
    if (const std::string unsafe = unsafeTextReason(s); !unsafe.empty())
        throw ChangeError(message(CC_TEMPLATE("{1} {2}"), {message(what, {id}), unsafe}));
}

void checkTime(Millis t, const char* what, std::string_view id = {}) {
    if (t < 0 || t > limits::kMaxMillis)
        throw ChangeError(message(CC_TEMPLATE("{1} time {2} out of range"), {message(what, {id}), std::to_string(t)}));
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
    require(isUsableId(n.id), CC_TEMPLATE("a note needs an id of 1 to 64 bytes of text"));
    checkText(n.text, limits::kTextBytes, CC_TEMPLATE("note {1}: text"), n.id);
    require(m_kinds->contains(n.source), CC_TEMPLATE("note {1}: unknown source kind '{2}'"), {n.id, n.source});
    require(n.dateGathered.empty() || isValidDate(n.dateGathered),
            CC_TEMPLATE("note {1}: date gathered '{2}' is not a date (YYYY-MM-DD)"), {n.id, n.dateGathered});
    checkText(n.author, limits::kShortBytes, CC_TEMPLATE("note {1}: author"), n.id);
    checkText(n.segment, limits::kShortBytes, CC_TEMPLATE("note {1}: segment"), n.id);
    require(n.tags.size() <= limits::kTagsPerNote, CC_TEMPLATE("note {1}: has more than 64 tags"), {n.id});
    for (const auto& t : n.tags) {
        checkText(t, limits::kShortBytes, CC_TEMPLATE("note {1}: tag"), n.id);
        require(!t.empty(), CC_TEMPLATE("note {1}: has an empty tag"), {n.id});
    }
    require(std::is_sorted(n.tags.begin(), n.tags.end()) &&
                std::adjacent_find(n.tags.begin(), n.tags.end()) == n.tags.end(),
            CC_TEMPLATE("note {1}: tags are not sorted and unique"), {n.id});
    checkText(n.provenance.file, limits::kShortBytes * 4, CC_TEMPLATE("note {1}: provenance file"), n.id);
    checkText(n.provenance.location, limits::kShortBytes, CC_TEMPLATE("note {1}: provenance location"), n.id);
    checkText(n.provenance.excerpt, limits::kExcerptBytes, CC_TEMPLATE("note {1}: provenance excerpt"), n.id);
    require(n.colour <= 0xFFFFFF, CC_TEMPLATE("note {1}: colour out of range"), {n.id});
    require(n.votes >= 0 && n.votes <= limits::kMaxVotes, CC_TEMPLATE("note {1}: votes out of range"), {n.id});
    for (double v : {n.x, n.y})
        require(std::isfinite(v) && std::fabs(v) <= limits::kMaxCoordinate, CC_TEMPLATE("note {1}: position out of range"), {n.id});
    require(std::isfinite(n.w) && std::isfinite(n.h) && n.w > 0 && n.h > 0 && n.w <= limits::kMaxNoteSize &&
                n.h <= limits::kMaxNoteSize,
            CC_TEMPLATE("note {1}: size out of range"), {n.id});
    checkTime(n.created, CC_TEMPLATE("note {1}: created"), n.id);
    checkTime(n.updated, CC_TEMPLATE("note {1}: updated"), n.id);
    require(n.quadrant >= 0 && n.quadrant <= 4, CC_TEMPLATE("note {1}: quadrant must be 0 to 4"), {n.id});
    if (n.state != NoteState::Tray && n.quadrant != quadrantOf(n))
        throw ChangeError(message(CC_TEMPLATE("note {1}: quadrant {2} does not match its place on the wall (quadrant {3})"),
                                  {n.id, std::to_string(n.quadrant), std::to_string(quadrantOf(n))}));
}

void Document::validateLink(const Link& l) const {
    require(isUsableId(l.id), CC_TEMPLATE("a link needs an id of 1 to 64 bytes of text"));
    require(l.from != l.to, CC_TEMPLATE("link {1}: links a note to itself"), {l.id});
    checkTime(l.created, CC_TEMPLATE("link {1}: created"), l.id);
    checkText(l.label, limits::kShortBytes, CC_TEMPLATE("link {1}: label"), l.id);
    checkText(l.author, limits::kShortBytes, CC_TEMPLATE("link {1}: author"), l.id);
}

void Document::validateInsight(const Insight& i) const {
    require(isUsableId(i.id), CC_TEMPLATE("an insight needs an id of 1 to 64 bytes of text"));
    require(!i.title.empty(), CC_TEMPLATE("insight {1}: has an empty title"), {i.id});
    checkText(i.title, limits::kShortBytes, CC_TEMPLATE("insight {1}: title"), i.id);
    checkText(i.statement, limits::kStatementBytes, CC_TEMPLATE("insight {1}: statement"), i.id);
    checkText(i.author, limits::kShortBytes, CC_TEMPLATE("insight {1}: author"), i.id);
    require(i.quadrant >= 0 && i.quadrant <= 4, CC_TEMPLATE("insight {1}: quadrant must be 0 to 4"), {i.id});
    require(i.votes >= 0 && i.votes <= limits::kMaxVotes, CC_TEMPLATE("insight {1}: votes out of range"), {i.id});
    checkTime(i.created, CC_TEMPLATE("insight {1}: created"), i.id);
    checkTime(i.updated, CC_TEMPLATE("insight {1}: updated"), i.id);
    require(i.notes.size() <= limits::kEvidencePerInsight, CC_TEMPLATE("insight {1}: cites more than {2} notes"),
            {i.id, std::to_string(limits::kEvidencePerInsight)});
    std::unordered_set<std::string> seen;
    for (const auto& n : i.notes) {
        require(isUsableId(n) && n.find('\n') == std::string::npos, CC_TEMPLATE("insight {1}: cites a note by an id that is not usable"),
                {i.id});
        require(seen.insert(n).second, CC_TEMPLATE("insight {1}: cites note {2} twice"), {i.id, n});
    }
}

void Document::validateBoard(const BoardInfo& b) const {
    checkText(b.title, limits::kShortBytes, CC_TEMPLATE("board title"));
    checkTime(b.created, CC_TEMPLATE("board created"));
    for (int i = 0; i < 4; ++i) {
        require(b.quadrants[i].index == i + 1, CC_TEMPLATE("quadrant {1} has index {2}"),
                {std::to_string(i + 1), std::to_string(b.quadrants[i].index)});
        checkText(b.quadrants[i].title, limits::kShortBytes, CC_TEMPLATE("quadrant title"));
        checkText(b.quadrants[i].description, limits::kTextBytes, CC_TEMPLATE("quadrant description"));
    }
    require(std::isfinite(b.wallWidth) && std::isfinite(b.wallHeight) && b.wallWidth >= 100 &&
                b.wallHeight >= 100 && b.wallWidth <= limits::kMaxCoordinate &&
                b.wallHeight <= limits::kMaxCoordinate,
            CC_TEMPLATE("wall size out of range"));
}

void Document::validate(const ChangeSet& cs) const {
    // Notes: removals, then additions, then updates, as mutate() does them.
    std::unordered_set<std::string> removedNotes, addedNotes;
    for (const auto& n : cs.notes.removed) {
        require(m_notes.count(n.id) > 0, CC_TEMPLATE("note {1} does not exist"), {n.id});
        require(removedNotes.insert(n.id).second, CC_TEMPLATE("note {1} removed twice"), {n.id});
    }
    for (const auto& n : cs.notes.added) {
        require(!m_notes.count(n.id) || removedNotes.count(n.id), CC_TEMPLATE("note {1} already exists"), {n.id});
        require(addedNotes.insert(n.id).second, CC_TEMPLATE("note {1} added twice"), {n.id});
        validateNote(n);
    }
    std::unordered_set<std::string> updatedNotes;
    for (const auto& [before, after] : cs.notes.updated) {
        require(before.id == after.id, CC_TEMPLATE("an update changes note id {1}"), {before.id});
        require(m_notes.count(after.id) && !removedNotes.count(after.id), CC_TEMPLATE("note {1} does not exist"), {after.id});
        require(updatedNotes.insert(after.id).second, CC_TEMPLATE("note {1} updated twice"), {after.id});
        validateNote(after);
    }
    auto noteExistsAfter = [&](const std::string& id) {
        return addedNotes.count(id) || (m_notes.count(id) && !removedNotes.count(id));
    };

    std::unordered_set<std::string> removedLinks, addedLinks;
    for (const auto& l : cs.links.removed) {
        require(m_links.count(l.id) > 0, CC_TEMPLATE("link {1} does not exist"), {l.id});
        require(removedLinks.insert(l.id).second, CC_TEMPLATE("link {1} removed twice"), {l.id});
    }
    for (const auto& l : cs.links.added) {
        require(!m_links.count(l.id) || removedLinks.count(l.id), CC_TEMPLATE("link {1} already exists"), {l.id});
        require(addedLinks.insert(l.id).second, CC_TEMPLATE("link {1} added twice"), {l.id});
        validateLink(l);
        require(noteExistsAfter(l.from), CC_TEMPLATE("link {1}: note {2} does not exist"), {l.id, l.from});
        require(noteExistsAfter(l.to), CC_TEMPLATE("link {1}: note {2} does not exist"), {l.id, l.to});
    }
    for (const auto& [before, after] : cs.links.updated) {
        require(before.id == after.id, CC_TEMPLATE("an update changes link id {1}"), {before.id});
        require(m_links.count(after.id) && !removedLinks.count(after.id), CC_TEMPLATE("link {1} does not exist"), {after.id});
        validateLink(after);
        require(noteExistsAfter(after.from) && noteExistsAfter(after.to),
                CC_TEMPLATE("link {1} points at a note that does not exist"), {after.id});
    }
    // A removed note may not leave a link behind.
    for (const auto& id : removedNotes) {
        if (addedNotes.count(id)) continue;
        for (const auto& linkId : linksOf(id))
            require(removedLinks.count(linkId) > 0, CC_TEMPLATE("note {1} is removed but link {2} still points at it"), {id, linkId});
    }
    // Insights: each cites only notes there after the change, and a removed note leaves no
    // insight citing it.
    std::unordered_set<std::string> removedInsights, addedInsights, updatedInsights;
    for (const auto& i : cs.insights.removed) {
        require(m_insights.count(i.id) > 0, CC_TEMPLATE("insight {1} does not exist"), {i.id});
        require(removedInsights.insert(i.id).second, CC_TEMPLATE("insight {1} removed twice"), {i.id});
    }
    auto citesExisting = [&](const Insight& i) {
        for (const auto& n : i.notes)
            require(noteExistsAfter(n), CC_TEMPLATE("insight {1}: note {2} does not exist"), {i.id, n});
    };
    for (const auto& i : cs.insights.added) {
        require(!m_insights.count(i.id) || removedInsights.count(i.id), CC_TEMPLATE("insight {1} already exists"), {i.id});
        require(addedInsights.insert(i.id).second, CC_TEMPLATE("insight {1} added twice"), {i.id});
        validateInsight(i);
        citesExisting(i);
    }
    for (const auto& [before, after] : cs.insights.updated) {
        require(before.id == after.id, CC_TEMPLATE("an update changes insight id {1}"), {before.id});
        require(m_insights.count(after.id) && !removedInsights.count(after.id), CC_TEMPLATE("insight {1} does not exist"), {after.id});
        require(updatedInsights.insert(after.id).second, CC_TEMPLATE("insight {1} updated twice"), {after.id});
        validateInsight(after);
        citesExisting(after);
    }
    for (const auto& id : removedNotes) {
        if (addedNotes.count(id)) continue;
        for (const Insight* i : insightsCiting(id))
            require(removedInsights.count(i->id) || updatedInsights.count(i->id),
                    CC_TEMPLATE("note {1} is removed but insight {2} still cites it"), {id, i->id});
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
        if (id != n.id) problems.push_back(message(CC_TEMPLATE("note stored under id {1} says it is {2}"), {id, n.id}));
        try {
            validateNote(n);
        } catch (const ChangeError& e) {
            problems.emplace_back(e.what());
        }
    }
    for (const auto& [id, l] : m_links) {
        if (id != l.id) problems.push_back(message(CC_TEMPLATE("link stored under id {1} says it is {2}"), {id, l.id}));
        try {
            validateLink(l);
        } catch (const ChangeError& e) {
            problems.emplace_back(e.what());
        }
        if (!m_notes.count(l.from)) problems.push_back(message(CC_TEMPLATE("link {1} starts at missing note {2}"), {id, l.from}));
        if (!m_notes.count(l.to)) problems.push_back(message(CC_TEMPLATE("link {1} ends at missing note {2}"), {id, l.to}));
    }
    for (const auto& [id, i] : m_insights) {
        if (id != i.id) problems.push_back(message(CC_TEMPLATE("insight stored under id {1} says it is {2}"), {id, i.id}));
        try {
            validateInsight(i);
        } catch (const ChangeError& e) {
            problems.emplace_back(e.what());
        }
        for (const auto& n : i.notes)
            if (!m_notes.count(n)) problems.push_back(message(CC_TEMPLATE("insight {1} cites missing note {2}"), {id, n}));
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
