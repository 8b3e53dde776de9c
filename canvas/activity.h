#pragma once
// Who did what, read from the change log: lines for the activity panel, a note's history (every
// version of its text, restorable), bringing back a deleted note, and noticing when someone
// else's text replaced yours.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "canvas/change_set.h"
#include "canvas/document.h"
#include "canvas/wording.h"

namespace cc {

/// One line of the activity panel.
struct ActivityLine {
    std::int64_t seq = 0;
    std::string author;
    Millis time = 0;
    ChangeSource source = ChangeSource::User;
    std::string text;                  ///< "moved “Price too high” to Behaviour; linked …"
    std::vector<std::string> notes;    ///< notes it touched that can be shown (at most 20)
    std::vector<std::string> deleted;  ///< notes it deleted (at most 20)
};

/// Describes one logged change for a person; `doc` (the board now) names quadrants and linked
/// notes that the change itself does not carry, and `titles` (note id -> title, from earlier
/// changes) names linked notes that are gone since.
/// `wording` gives the sentences' templates (English unless the edge passes its catalogue's).
ActivityLine describeChange(const LoggedChange& change, const Document& doc,
                            const std::map<std::string, std::string>* titles = nullptr, const Wording& wording = Wording());

/// One step in a note's life.
struct NoteVersion {
    enum class Kind { Created, Text, Moved, Edited, Deleted, BroughtBack };
    std::int64_t seq = 0;
    std::string author;
    Millis time = 0;
    Kind kind = Kind::Edited;
    Note note;                 ///< the note after this step (for Deleted: as it was when deleted)
    bool overwrote = false;    ///< this text replaced text someone changed while its author edited
};

/// The history of note `id` in `log` (oldest first): created, each change of its text, moves,
/// other edits, deletion and bringing back.
std::vector<NoteVersion> noteHistory(const std::vector<LoggedChange>& log, const std::string& id);

/// What left the board with a deleted note, read from the change set that deleted it: the links
/// removed with it and the insights whose evidence it left.
struct DeletedWith {
    std::vector<Link> links;
    std::vector<std::string> insights;
};
DeletedWith deletedWith(const ChangeSet& deletion, const std::string& noteId);

/// The change that brings back note `deleted` (as it was when deleted, with `text` instead of its
/// text when given), the links removed with it whose other note still exists, and its place in
/// the evidence of the insights it left that still exist; nullopt when a note with that id
/// exists again.
std::optional<ChangeSet> bringBack(const Document& doc, const Note& deleted, const DeletedWith& with,
                                   const std::optional<std::string>& text = std::nullopt);

/// Someone else's text replaced this window's text on a note.
struct TextReplaced {
    std::string noteId;
    std::string by;      ///< who wrote the text that stands now
    std::string mine;    ///< the text that was replaced (it stays in the note's history)
    std::string theirs;
    bool whileEditing = false;  ///< they were editing the note when this window's text arrived
};

/// Remembers the text this window last wrote on each note, and tells from others' changes when
/// one of them replaced it without having seen it: both wrote at once, or they were editing the
/// note when this window's text arrived. A later edit made after seeing it is not reported.
class TextWatch {
public:
    /// A change this window made (user, import, undo/redo), committed as log row `seq`.
    void own(const ChangeSet& cs, std::int64_t seq);
    /// Others' changes, oldest first; returns the texts of this window they replaced.
    std::vector<TextReplaced> others(const std::vector<LoggedChange>& changes);
    std::size_t size() const { return m_mine.size(); }

private:
    struct Mine {
        std::string text;
        std::int64_t seq = 0;
    };
    std::map<std::string, Mine> m_mine;  // note id -> the text this window wrote last
    std::vector<std::string> m_order;           // oldest first, to bound the memory
};

/// A title for lists: the note's first line, cut to about `chars` characters.
std::string shortTitle(const Note& n, std::size_t chars = 40);

}  // namespace cc
