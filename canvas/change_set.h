#pragma once
// A change set: the only way a board changes. Records added, updated (before and after) and
// removed, with the source of the change.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "canvas/model.h"

namespace cc {

/// Who made a change: the local user, an import, a collaborator elsewhere, or undo/redo.
enum class ChangeSource { User, Import, Remote, History };

std::string_view toString(ChangeSource s);
std::optional<ChangeSource> changeSourceFromString(std::string_view s);

/// Added, updated and removed records of one type.
template <class R>
struct RecordDiff {
    std::vector<R> added;
    std::vector<std::pair<R, R>> updated;  ///< (before, after), same id
    std::vector<R> removed;

    bool empty() const { return added.empty() && updated.empty() && removed.empty(); }
    bool operator==(const RecordDiff&) const = default;
};

/// One change to a board, applied as a whole or not at all.
struct ChangeSet {
    ChangeSource source = ChangeSource::User;
    std::string author;
    Millis time = 0;
    RecordDiff<Note> notes;
    RecordDiff<Link> links;
    RecordDiff<Insight> insights;
    std::optional<std::pair<BoardInfo, BoardInfo>> board;  ///< (before, after)
    /// Notes whose text someone else changed while this change's author was editing it: this
    /// change's text replaced theirs, and their windows say so (their text stays in the log).
    std::vector<std::string> overwrote;

    bool empty() const { return notes.empty() && links.empty() && insights.empty() && !board; }
    /// The change set that takes this one back (same source, author and time; nothing overwritten).
    ChangeSet inverted() const;
    bool operator==(const ChangeSet&) const = default;
};

/// A change set as the change log holds it: its sequence number and the change.
struct LoggedChange {
    std::int64_t seq = 0;
    ChangeSet cs;
};

/// Adds the ids of the notes and links (and insights, when asked) a change set adds, updates or removes.
void collectTouched(const ChangeSet& cs, std::set<std::string>& notes, std::set<std::string>& links,
                    std::set<std::string>* insights = nullptr);

/// The single change set with the effect of applying `sets` in order (for one undo step per
/// gesture). Records added then removed vanish; updates fold to (first before, last after).
/// Source, author and time come from the last set; what they overwrote is joined.
ChangeSet squash(const std::vector<ChangeSet>& sets);

/// How much of a change set one change-log row holds (see forEachLogPart).
struct LogPartLimits {
    std::size_t records = 2000;        ///< records per part (an update counts twice: before and after)
    std::size_t bytes = 8u << 20;      ///< estimated bytes of text per part
};

/// Calls `part` with `cs` in pieces that each fit `limits`, in the order a store writes a change
/// (links removed, insights removed, notes removed, notes added, notes updated, links added,
/// links updated, insights added, insights updated, the board), so that each piece applies on its own to the board the pieces before it left: the
/// change log holds a large change (an import of 500,000 notes) as several rows, each small
/// enough to read back, written in one transaction. A change that fits is one piece, `cs`
/// itself. A change that removes and adds back the same note (a replace, whose links stay) is
/// never cut, nor is one that removes notes and changes insights (an insight may cite a note
/// only while it exists, so both go in one piece). Each piece carries the source, author and time, and the overwritten ids of the
/// notes it updates. Only one piece exists at a time.
void forEachLogPart(const ChangeSet& cs, const LogPartLimits& limits, const std::function<void(const ChangeSet&)>& part);

}  // namespace cc
