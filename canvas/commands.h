#pragma once
// The document commands behind the window's Edit actions, on an editor and a selection, so a
// test drives them with no window: select all, delete, cut, duplicate, paste, and the rule for
// committing typed text. The window adds only what needs a window (the clipboard, the pointer,
// the status line).

#include <string>
#include <vector>

#include "canvas/editor.h"
#include "canvas/selection.h"

namespace cc {

/// How far a duplicate lands from its original (right and down, in wall units).
inline constexpr double kDuplicateOffset = 30;

/// The selection as the board is now: only notes on the wall; a chosen insight that is gone
/// leaves its notes selected, one that is there has its notes on the wall now as the notes.
void keepOnWall(const Document& doc, Selection& selection);
/// Chooses insight `id` with its notes on the wall (nothing happens when there is no such insight).
void chooseInsight(const Document& doc, Selection& selection, const std::string& id);
/// Select all: every note on the wall (pinned), in the document's order; the tray is left out.
void selectAll(const Document& doc, Selection& selection);
/// Delete: removes the selected notes and their links (one undo step) and empties the selection;
/// with an insight chosen, removes the insight alone (its notes stay, selected). False when
/// nothing was selected.
bool deleteSelected(Editor& ed, Selection& selection);
/// Group as insight: a new draft insight titled `title` citing the selected notes on the wall,
/// chosen at once. Returns its id; empty (and nothing changes) when no note on the wall is selected.
std::string groupAsInsight(Editor& ed, Selection& selection, std::string title);
/// Cut's change to the board (the copy is the window's): removes the selected notes; the
/// selection keeps only what is still on the wall. False when nothing was selected.
bool cutSelected(Editor& ed, Selection& selection);
/// Duplicate: copies of the selected notes (and the links among them) kDuplicateOffset away,
/// which become the selection. False when nothing was selected.
bool duplicateSelected(Editor& ed, Selection& selection);
/// Paste of notes already read from the clipboard (see notesFromClipboard): they land with
/// their top-left at (x, y) and become the selection. Returns the new ids.
std::vector<std::string> pasteRecords(Editor& ed, Selection& selection, std::vector<Note> notes, std::vector<Link> links,
                                      double x, double y);
/// Paste of plain text: a note per paragraph from (x, y), which become the selection. Very long
/// text is cut at a bound first. Returns the new ids.
std::vector<std::string> pastePlainText(Editor& ed, Selection& selection, const std::string& text, double x, double y);
/// The most plain text one paste turns into notes.
inline constexpr std::size_t kMaxPastedTextBytes = limits::kTextBytes * 16;

/// What committing typed text did to a note.
struct TextCommit {
    enum class Outcome {
        Unchanged,       ///< nothing to save (same text, blank text on an existing note, note gone)
        RemovedBlankNew, ///< a new note left blank was removed, leaving no trace in the history
        Saved,           ///< the text replaced the note's
        SavedOverOthers  ///< saved, over text another writer put there while this user typed
    };
    Outcome outcome = Outcome::Unchanged;
    std::string theirs;  ///< SavedOverOthers: the other writer's text, now in the note's history
};

/// Commits text typed into a note. `base` is the note's text when the typing began; `isNew`: the
/// note was made for this typing. A blank new note is removed; blank text never empties an
/// existing note; text that differs is saved, marked as an overwrite when someone else changed
/// the note meanwhile (the caller announces it). Nothing happens when the note is gone. Throws
/// ChangeError when the editor refuses the text.
TextCommit commitNoteText(Editor& ed, const std::string& id, const std::string& typed, const std::string& base, bool isNew);

/// True when text has nothing but blanks (spaces, tabs, line breaks).
bool isBlankText(const std::string& text);
/// The text without the blanks at its end (the line break that ended the typing, say).
std::string withoutTrailingBlanks(std::string text);

}  // namespace cc
