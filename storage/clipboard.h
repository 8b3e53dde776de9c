#pragma once
// Notes on the clipboard: a marker line, then the notes and the links among them as cereal
// JSON, so a paste in another window (or another program instance) brings them back whole.

#include <optional>
#include <string>
#include <vector>

#include "canvas/document.h"

namespace cc {

/// The largest clipboard text read back as notes.
inline constexpr std::size_t kMaxClipboardBytes = 32u << 20;

struct ClipboardNotes {
    std::vector<Note> notes;
    std::vector<Link> links;
    std::vector<std::string> repairs;  ///< what the record guard repaired or left out (see record_guard.h)
};

/// The clipboard text for some notes and the links among them.
std::string notesToClipboard(const Document& doc, const std::vector<std::string>& ids);
/// Notes from clipboard text, or nullopt when the text is not ours (then it is plain text).
/// Another program may have put anything there: the records come guarded.
std::optional<ClipboardNotes> notesFromClipboard(const std::string& text,
                                                 const SourceKinds& kinds = SourceKinds::builtin());

}  // namespace cc
