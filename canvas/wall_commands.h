#pragma once
// Commands on groups of notes that the wall offers: duplicate, paste notes, paste plain text.
// Each is one change set, one undo step.

#include <string>
#include <vector>

#include "canvas/editor.h"

namespace cc {

/// Copies of notes (and of the links among them) moved by (dx, dy), with fresh ids; returns them.
std::vector<std::string> duplicateNotes(Editor& ed, const std::vector<std::string>& ids, double dx, double dy);

/// Pastes notes and the links among them with fresh ids, so that their bounding box's top-left
/// lands at (x, y). Links to notes that are not pasted are dropped. Returns the new note ids.
std::vector<std::string> pasteNotes(Editor& ed, std::vector<Note> notes, std::vector<Link> links, double x, double y);

/// Splits text into paragraphs: blank-line separated, or line by line when there are no blank lines.
std::vector<std::string> splitParagraphs(const std::string& text);

/// One note per paragraph of plain text, laid out in rows from (x, y). Returns the new ids.
std::vector<std::string> pasteText(Editor& ed, const std::string& text, double x, double y);

/// Pins notes from the tray onto the wall, laid out in rows from (x, y) (the first note centred
/// there), each in the free place nearest to its place in the rows, in the quadrant of (x, y)
/// (see freePlaceNear). One undo step.
void pinNotesAt(Editor& ed, const std::vector<std::string>& ids, double x, double y);

/// Pins notes from the tray into free places of quadrant q. One undo step.
void pinNotesToQuadrant(Editor& ed, const std::vector<std::string>& ids, int q);

/// Merges note `drop` into note `keep` (a near-duplicate into the note it copies), one undo step:
/// drop's tags join keep's; drop's votes add to keep's (at most limits::kMaxVotes); drop's links
/// move to keep, except those that would link keep to itself or link keep a second time with
/// the same kind to the same note (those go); every insight citing drop cites keep in its place
/// (once); then drop is removed. keep's text, place and state stay. Throws ChangeError (and
/// changes nothing) when either note does not exist, they are the same note, or the joined tags
/// would be more than limits::kTagsPerNote (the document refuses the note).
void mergeNotes(Editor& ed, const std::string& keep, const std::string& drop);

}  // namespace cc
