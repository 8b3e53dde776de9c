#pragma once
// The document: the board's records in memory. Changed only by apply(ChangeSet), which
// validates the whole set first, applies it, then tells the listeners.

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "canvas/change_set.h"
#include "canvas/model.h"
#include "canvas/source_kinds.h"

namespace cc {

/// A change set that would break the document; nothing was applied.
class ChangeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Document {
public:
    using Listener = std::function<void(const ChangeSet&)>;

    explicit Document(BoardInfo board, const SourceKinds& kinds = SourceKinds::builtin());

    const BoardInfo& board() const { return m_board; }
    const SourceKinds& sourceKinds() const { return *m_kinds; }
    const std::unordered_map<std::string, Note>& notes() const { return m_notes; }
    const std::unordered_map<std::string, Link>& links() const { return m_links; }
    const Note* note(const std::string& id) const;
    const Link* link(const std::string& id) const;
    const std::unordered_map<std::string, Insight>& insights() const { return m_insights; }
    const Insight* insight(const std::string& id) const;
    /// The insights that cite a note as evidence, sorted by id.
    std::vector<const Insight*> insightsCiting(const std::string& noteId) const;
    /// Ids of the links that start or end at a note.
    const std::vector<std::string>& linksOf(const std::string& noteId) const;
    /// Counts every applied change set; views cache on it.
    std::uint64_t revision() const { return m_revision; }
    /// Notes changed in place (previous record, new record), with nothing else changed.
    using NoteUpdates = std::vector<std::pair<Note, Note>>;
    /// For views that update their caches instead of rebuilding them: when every change since
    /// `revision` only updated notes (no notes or links added or removed, no link or board
    /// changed) and is still remembered, appends those updates in order and returns true.
    bool noteUpdatesSince(std::uint64_t revision, NoteUpdates& out) const;

    /// Validates and applies a change set, then calls the listeners in order. If the set is
    /// invalid, throws ChangeError and changes nothing. If a listener throws (say the board
    /// file could not be written), the change is taken back and the exception passes on.
    void apply(const ChangeSet& cs);
    /// Loads records without listeners or change sets: for storage filling a new document.
    void loadRecords(std::vector<Note> notes, std::vector<Link> links, std::vector<Insight> insights = {});

    /// Registers a listener; returns a handle for unsubscribe.
    std::size_t subscribe(Listener l);
    void unsubscribe(std::size_t handle);

    /// Problems with the document's invariants (empty when it is sound).
    std::vector<std::string> checkInvariants() const;
    /// Throws ChangeError if a note breaks a record rule (sizes, keys, dates, quadrant).
    void validateNote(const Note& n) const;
    void validateLink(const Link& l) const;
    /// An insight's own fields (title, statement, quadrant, state, times, evidence ids given once);
    /// that its notes exist is checked against the whole change (see apply).
    void validateInsight(const Insight& i) const;
    void validateBoard(const BoardInfo& b) const;

    /// Notes sorted for listing: by creation time, then id.
    std::vector<const Note*> sortedNotes() const;
    std::vector<const Link*> sortedLinks() const;
    std::vector<const Insight*> sortedInsights() const;

private:
    void validate(const ChangeSet& cs) const;
    void mutate(const ChangeSet& cs);
    void indexLink(const Link& l);
    void unindexLink(const Link& l);

    BoardInfo m_board;
    const SourceKinds* m_kinds;
    std::unordered_map<std::string, Note> m_notes;
    std::unordered_map<std::string, Link> m_links;
    std::unordered_map<std::string, Insight> m_insights;
    std::unordered_map<std::string, std::vector<std::string>> m_adjacency;
    std::vector<std::pair<std::size_t, Listener>> m_listeners;
    std::size_t m_nextListener = 1;
    std::uint64_t m_revision = 0;
    /// The last few mutations: the notes each updated, or nullopt when it did more than that
    /// (or too much to keep). Index i holds revision m_journalFirst + i.
    std::deque<std::optional<NoteUpdates>> m_journal;
    std::uint64_t m_journalFirst = 1;
};

}  // namespace cc
