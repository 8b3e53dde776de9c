#pragma once
// The boundary where data from outside becomes a record. A board file, a server, a local copy,
// a backup, the clipboard or an import may hold anything another program wrote (`sqlite3`, any
// team member with UPDATE on the server): what is read is made to fit the record rules of
// Document::validateNote/validateLink/validateBoard here, before any view sees it. Text is made
// safe, numbers out of range are clamped, a note without a usable place goes to the tray, and a
// record that cannot be repaired (no usable id, a link whose ends are missing) is left out.
// Every repair is reported, so a reader can say what it did; nothing here writes anything back.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "canvas/model.h"
#include "canvas/source_kinds.h"

namespace cc {

/// Why `s` is not safe text for a record ("" when it is): not valid UTF-8, or it holds a
/// control character other than line feed and tab, or a Unicode noncharacter (U+FDD0..U+FDEF,
/// U+xFFFE, U+xFFFF), which fonts, layout and PDF writers are not made for.
std::string unsafeTextReason(std::string_view s);

/// `s` made safe (see unsafeTextReason) and at most `maxBytes` long: bytes that are not UTF-8
/// and noncharacters become U+FFFD, CR LF and a lone CR become LF, other control characters
/// (except tab) become U+FFFD; a longer text is cut at a character boundary.
std::string safeText(std::string_view s, std::size_t maxBytes);

/// Makes a note read from outside fit the record rules. Returns what was repaired, one phrase
/// each ("y -1e+308 out of range, placed in the tray"); empty when the note was sound. The id is
/// not touched (see guardRecords).
std::vector<std::string> guardNote(Note& n, const SourceKinds& kinds);
/// The same for a link's own fields (its ends are checked by guardRecords).
std::vector<std::string> guardLink(Link& l);
/// The same for the board record (title, quadrants, wall size).
std::vector<std::string> guardBoard(BoardInfo& b);

/// The same for an insight: text made safe, an empty title named after its id, numbers clamped,
/// and its evidence kept to notes `noteExists` knows, each once (what was dropped is named).
std::vector<std::string> guardInsight(Insight& i, const std::function<bool(const std::string&)>& noteExists);
/// Guards insights as read: those without a usable id (or a second time under one id) are left
/// out, the rest repaired by guardInsight. One line per insight repaired or left out.
std::vector<std::string> guardInsights(std::vector<Insight>& insights, const std::function<bool(const std::string&)>& noteExists);

/// True when `id` can name a record: 1 to 64 bytes of safe text.
bool isUsableId(std::string_view id);

/// Why a link cannot be kept ("" when it can): its id is not usable, it links a note to
/// itself, or a note it links is not among those `noteExists` knows.
std::string linkUnusableReason(const Link& l, const std::function<bool(const std::string&)>& noteExists);

/// Guards records as read, every note and link: notes without a usable id (or a second time
/// under one id) and links without a usable id, with an end not among the notes or from a note
/// to itself are left out. Returns one line per record repaired or left out, e.g.
/// "note n-123: y -1e+308 out of range, placed in the tray".
std::vector<std::string> guardRecords(std::vector<Note>& notes, std::vector<Link>& links, const SourceKinds& kinds);

/// The kinds of record a repair line names.
enum class RecordKind { Note, Link, Insight, Board };
/// One notice line for a record: "note ID: what; what" (the id shown safe and short), worded
/// through the message wording.
std::string repairLine(RecordKind kind, std::string_view id, const std::vector<std::string>& what);

}  // namespace cc
