#include "storage/board_store.h"

#include <map>
#include <tuple>
#include <unordered_set>

#include "canvas/record_guard.h"
#include "canvas/wording.h"
#include "storage/serialize.h"

namespace cc {

LogChange readLogEntry(const LogEntry& e) {
    LogChange out;
    out.seq = e.seq;
    out.author = e.author;
    out.time = e.time;
    try {
        out.change = changeSetFromJson(e.payload, &out.repairs);
    } catch (const std::exception& ex) {
        out.problem = ex.what();
    }
    return out;
}

std::vector<LoggedChange> readableChanges(const std::vector<LogChange>& rows) {
    std::vector<LoggedChange> out;
    out.reserve(rows.size());
    for (const LogChange& r : rows)
        if (r.change) out.push_back(LoggedChange{r.seq, *r.change});
    return out;
}

std::vector<LogChange> BoardStore::changes(std::int64_t afterSeq, std::size_t max) {
    std::vector<LogChange> out;
    for (const LogEntry& e : changeLog(afterSeq, max)) out.push_back(readLogEntry(e));
    return out;
}

std::vector<LogChange> BoardStore::recentChangeSets(std::size_t max, const std::string& needle) {
    std::vector<LogChange> out;
    for (const LogEntry& e : recentChanges(max, needle)) out.push_back(readLogEntry(e));
    return out;
}

void BoardStore::attach(Document& doc) {
    doc.subscribe([this](const ChangeSet& cs) {
        if (cs.source != ChangeSource::Remote) persist(cs);
    });
}

std::unique_ptr<Document> BoardStore::guardedDocument(BoardInfo board, std::vector<Note> notes,
                                                      std::vector<Link> links, const SourceKinds& kinds,
                                                      std::vector<Insight> insights) {
    if (auto fixes = guardBoard(board); !fixes.empty()) addRepairs({repairLine(RecordKind::Board, {}, fixes)});
    addRepairs(guardRecords(notes, links, kinds));
    std::unordered_set<std::string> noteIds;
    for (const Note& n : notes) noteIds.insert(n.id);
    addRepairs(guardInsights(insights, [&](const std::string& id) { return noteIds.count(id) > 0; }));
    auto doc = std::make_unique<Document>(std::move(board), kinds);
    doc->loadRecords(std::move(notes), std::move(links), std::move(insights));
    return doc;
}

void BoardStore::addRepairs(const std::vector<std::string>& lines) {
    for (const auto& l : lines) {
        if (m_repairs.size() >= kMaxRepairLines) return;
        m_repairs.push_back(l);
    }
}

std::vector<std::string> BoardStore::checkBoard(const Document& doc) {
    std::vector<std::string> out = integrityProblems();
    out.insert(out.end(), m_repairs.begin(), m_repairs.end());
    for (auto& p : doc.checkInvariants()) out.push_back(std::move(p));
    std::map<std::tuple<std::string, std::string, LinkKind>, const Link*> seenLinks;
    for (const Link* l : doc.sortedLinks()) {
        // Either way round, as the editor refuses a second link of a kind between two notes.
        auto [it, fresh] = seenLinks.emplace(std::make_tuple(std::min(l->from, l->to), std::max(l->from, l->to), l->kind), l);
        if (!fresh)
            out.push_back(message(CC_TEMPLATE("link {1} says what link {2} says ({3} {4} {5})"),
                                  {l->id, it->second->id, l->from, message(std::string(toString(l->kind)).c_str()), l->to}));
    }
    // The log, in pages: every row must be a change set whose records keep the rules, and every
    // note must have come in through it (or the history and summaries cannot account for it).
    std::unordered_set<std::string> logged;
    std::size_t badRows = 0;
    constexpr std::size_t kShown = 50;
    auto note = [&](const std::string& line) {
        if (++badRows <= kShown) out.push_back(line);
    };
    std::int64_t after = 0, newest = 0;
    for (;;) {
        const std::vector<LogChange> page = changes(after, 2000);
        if (page.empty()) break;
        for (const LogChange& e : page) {
            const std::string row = std::to_string(e.seq);
            if (e.change) {
                for (const auto& n : e.change->notes.added) logged.insert(n.id);
                for (const auto& [before, n] : e.change->notes.updated) logged.insert(n.id);
            } else {
                note(message(CC_TEMPLATE("change {1}: {2}"), {row, e.problem}));
            }
            for (const auto& f : e.repairs) note(message(CC_TEMPLATE("change {1}: {2}"), {row, f}));
        }
        after = page.back().seq;
        newest = std::max(newest, after);
        if (page.size() < 2000) break;
    }
    if (badRows > kShown)
        out.push_back(message(CC_TEMPLATE("... and {1} more problems in the change log"), {std::to_string(badRows - kShown)}));
    std::size_t unlogged = 0;
    for (const Note* n : doc.sortedNotes())
        if (!logged.count(n->id) && ++unlogged <= kShown)
            out.push_back(message(CC_TEMPLATE("note {1} was not made by any change in the log (written by another program?)"), {n->id}));
    if (unlogged > kShown)
        out.push_back(message(CC_TEMPLATE("... and {1} more notes not in the log"), {std::to_string(unlogged - kShown)}));
    if (newest > kSequenceWarning)
        out.push_back(message(CC_TEMPLATE("the change log's sequence number {1} is near its 64-bit limit: a row written by another program?"),
                              {std::to_string(newest)}));
    return out;
}

std::size_t BoardStore::pullRemote(Document& doc) {
    m_lastPulled.clear();
    try {
        if (!othersMayHaveCommitted()) return 0;
        // Which records did others touch? The store, not the change sets' "after" records,
        // says how they stand now: it holds every commit in log order, so every process that
        // brings the touched records to it agrees, whatever order it saw the commits in.
        std::set<std::string> notes, links, insights;
        bool board = false;
        std::int64_t newest = m_seenSeq;
        for (LogChange& e : changes(m_seenSeq)) {
            newest = std::max(newest, e.seq);
            if (m_ownSeqs.erase(e.seq)) continue;
            if (!e.change) continue;  // an unreadable history row changes nothing here; check reports it
            collectTouched(*e.change, notes, links, &insights);
            board = board || e.change->board.has_value();
            m_lastPulled.push_back(LoggedChange{e.seq, std::move(*e.change)});
        }
        m_seenSeq = newest;
        if (m_lastPulled.empty()) {
            pulled({}, newest);
            return 0;
        }
        // A note that goes leaves the evidence of the insights here that cite it: they are read too.
        for (const auto& id : notes)
            for (const Insight* i : doc.insightsCiting(id)) insights.insert(i->id);
        StoredRecords read = readRecords(notes, links, board, insights);
        ChangeSet sync;
        sync.source = ChangeSource::Remote;
        sync.time = nowMillis();
        // What the store holds now is guarded as a load guards it: a record another program
        // wrote that cannot be repaired counts as not there.
        std::vector<std::string> repaired;
        std::set<std::string> linksOfRemoved;
        for (const auto& id : notes) {
            const Note* local = doc.note(id);
            std::optional<Note> stored = read.notes[id];
            if (stored && !isUsableId(stored->id)) {
                repaired.push_back(repairLine(RecordKind::Note, id, {message(CC_TEMPLATE("its id is not usable, left out"))}));
                stored.reset();
            }
            if (stored)
                if (auto fixes = guardNote(*stored, doc.sourceKinds()); !fixes.empty())
                    repaired.push_back(repairLine(RecordKind::Note, id, fixes));
            if (stored && local && !(*stored == *local)) sync.notes.updated.emplace_back(*local, *stored);
            else if (stored && !local) sync.notes.added.push_back(*stored);
            else if (!stored && local) {
                sync.notes.removed.push_back(*local);
                for (const auto& linkId : doc.linksOf(id))
                    if (!links.count(linkId)) linksOfRemoved.insert(linkId);
            }
        }
        // The links of a note that went are read too: the store says whether they went with it.
        if (!linksOfRemoved.empty()) {
            StoredRecords more = readRecords({}, linksOfRemoved, false);
            read.links.merge(more.links);
            links.insert(linksOfRemoved.begin(), linksOfRemoved.end());
        }
        std::unordered_set<std::string> removedNotes, addedNotes;
        for (const auto& n : sync.notes.removed) removedNotes.insert(n.id);
        for (const auto& n : sync.notes.added) addedNotes.insert(n.id);
        auto noteAfter = [&](const std::string& id) {
            return addedNotes.count(id) || (doc.note(id) && !removedNotes.count(id));
        };
        for (const auto& id : links) {
            const Link* local = doc.link(id);
            std::optional<Link> stored = read.links[id];
            if (stored) {
                if (const std::string why = linkUnusableReason(*stored, noteAfter); !why.empty()) {
                    repaired.push_back(repairLine(RecordKind::Link, id, {message(CC_TEMPLATE("{1}, left out"), {why})}));
                    stored.reset();
                } else if (auto fixes = guardLink(*stored); !fixes.empty()) {
                    repaired.push_back(repairLine(RecordKind::Link, id, fixes));
                }
            }
            if (stored && local && !(*stored == *local)) sync.links.updated.emplace_back(*local, *stored);
            else if (stored && !local) sync.links.added.push_back(*stored);
            else if (!stored && local) sync.links.removed.push_back(*local);
        }
        for (const auto& id : insights) {
            const Insight* local = doc.insight(id);
            std::optional<Insight> stored = read.insights[id];
            if (stored && !isUsableId(stored->id)) {
                repaired.push_back(repairLine(RecordKind::Insight, id, {message(CC_TEMPLATE("its id is not usable, left out"))}));
                stored.reset();
            }
            if (stored)
                if (auto fixes = guardInsight(*stored, noteAfter); !fixes.empty())
                    repaired.push_back(repairLine(RecordKind::Insight, id, fixes));
            if (stored && local && !(*stored == *local)) sync.insights.updated.emplace_back(*local, *stored);
            else if (stored && !local) sync.insights.added.push_back(*stored);
            else if (!stored && local) sync.insights.removed.push_back(*local);
        }
        if (board && read.board) {
            BoardInfo fresh = *read.board;
            if (auto fixes = guardBoard(fresh); !fixes.empty()) repaired.push_back(repairLine(RecordKind::Board, {}, fixes));
            if (!(fresh == doc.board())) sync.board = std::make_pair(doc.board(), fresh);
        }
        addRepairs(repaired);
        if (!sync.empty()) doc.apply(sync);
        pulled(read, newest);
        return m_lastPulled.size();
    } catch (const BoardError&) {
        throw;
    } catch (const std::exception& e) {
        failRead(CC_TEMPLATE("cannot read other people's changes"), e);
    }
}

}  // namespace cc
