#pragma once
// The document records of a board: flat records with string ids, after tldraw's store.
// A link is its own record (from, to); nothing points into a note.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// Milliseconds since the Unix epoch (UTC).
using Millis = std::int64_t;

/// Where a note is in its life: a candidate in the tray, pinned on the wall, or archived.
enum class NoteState { Tray, Pinned, Archived };
/// Statistical (quantitative) or descriptive (qualitative) evidence.
enum class DataKind { Quantitative, Qualitative };
/// The meaning of a link between two notes.
enum class LinkKind { Supports, Conflicts, Relates };
/// Where an insight is in the team's judgement: a draft, agreed on, or retired.
enum class InsightState { Draft, Agreed, Retired };

/// Where a note's evidence came from, as kept from an import (empty for hand-made notes).
struct Provenance {
    std::string file;      ///< the file it came from (name as given at import)
    std::string location;  ///< page, heading path, line, row or node id
    std::string excerpt;   ///< the original text

    bool operator==(const Provenance&) const = default;
};

/// One note on the board (or in its tray).
struct Note {
    std::string id;
    std::string text;               ///< first line reads as a title, then the body
    std::string source;             ///< source-kind key (see SourceKinds)
    DataKind data = DataKind::Qualitative;
    bool customerInitiated = false; ///< the customer started the contact
    std::string dateGathered;       ///< YYYY-MM-DD, when the evidence was gathered ("" if unknown)
    std::string author;             ///< who pinned it
    Millis created = 0;
    Millis updated = 0;
    std::vector<std::string> tags;  ///< sorted, unique
    std::string segment;
    Provenance provenance;
    std::uint32_t colour = 0;       ///< 0xRRGGBB; 0 = the source kind's colour
    int votes = 0;
    NoteState state = NoteState::Pinned;
    int quadrant = 0;               ///< 1-4 for notes with a place on the wall, 0 for tray notes never placed
    double x = 0, y = 0;            ///< top-left corner in wall units
    double w = 0, h = 0;            ///< size in wall units

    bool operator==(const Note&) const = default;
};

/// A link between two notes.
struct Link {
    std::string id;
    std::string from;
    std::string to;
    LinkKind kind = LinkKind::Relates;
    std::string label;
    std::string author;
    Millis created = 0;

    bool operator==(const Link&) const = default;
};

/// An insight: what the team concludes from several notes, citing them as its evidence (a note
/// may be evidence for several insights). Its strength is computed from the evidence, never kept.
struct Insight {
    std::string id;
    std::string title;                ///< 1 to limits::kShortBytes bytes
    std::string statement;            ///< the insight in a sentence or two (may be empty)
    int quadrant = 0;                 ///< 1-4, or 0 when it belongs to no quadrant yet
    std::vector<std::string> notes;   ///< the evidence: ids of notes on this board, each once, in order
    std::string author;
    Millis created = 0;
    Millis updated = 0;
    int votes = 0;
    InsightState state = InsightState::Draft;

    bool operator==(const Insight&) const = default;
};

/// A quadrant's board data: its index (1-4), title and description.
struct QuadrantInfo {
    int index = 0;
    std::string title;
    std::string description;

    bool operator==(const QuadrantInfo&) const = default;
};

/// The board record: title, template, the four quadrants and the nominal wall size.
struct BoardInfo {
    std::string id;
    std::string title;
    std::string templateKey;  ///< canvas | empathy | custom
    Millis created = 0;
    std::array<QuadrantInfo, 4> quadrants;
    double wallWidth = 0, wallHeight = 0;  ///< the wall is centred on (0,0)

    bool operator==(const BoardInfo&) const = default;
};

/// Upper bounds on what a record may hold; files from outside are untrusted.
namespace limits {
inline constexpr std::size_t kTextBytes = 64 * 1024;
inline constexpr std::size_t kShortBytes = 1024;      ///< titles, labels, authors, segments, tags
inline constexpr std::size_t kExcerptBytes = 64 * 1024;
inline constexpr std::size_t kTagsPerNote = 64;
inline constexpr int kMaxVotes = 1'000'000;
inline constexpr double kMaxCoordinate = 1e7;
inline constexpr std::size_t kStatementBytes = 4 * 1024;  ///< an insight's statement
inline constexpr std::size_t kEvidencePerInsight = 10'000;
/// The largest note width or height: what an import accepts. Far larger notes cost the
/// spatial index and the renderer a cell per 512 wall units squared.
inline constexpr double kMaxNoteSize = 2000;
/// The latest time a record may carry: the end of year 9999 (dates are shown as YYYY-MM-DD).
inline constexpr Millis kMaxMillis = 253'402'300'799'999;
}  // namespace limits

std::string_view toString(NoteState s);
std::string_view toString(DataKind d);
std::string_view toString(LinkKind k);
std::optional<NoteState> noteStateFromString(std::string_view s);
std::optional<DataKind> dataKindFromString(std::string_view s);
std::optional<LinkKind> linkKindFromString(std::string_view s);
std::string_view toString(InsightState s);
/// The state in words ("draft"), in the language of the message wording (canvas/wording.h).
std::string insightStateWord(InsightState s);
std::optional<InsightState> insightStateFromString(std::string_view s);

/// True for a real calendar date written YYYY-MM-DD.
bool isValidDate(std::string_view s);
/// True when s is valid UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(std::string_view s);
/// What decodeUtf8 returns for a byte that starts no valid UTF-8 sequence.
inline constexpr char32_t kInvalidUtf8 = 0xFFFFFFFF;
/// The code point at s[i] (i < s.size()), advancing i past it; kInvalidUtf8 advancing by one
/// byte when no valid sequence starts there, so that any bytes can be walked. Inline: the
/// importers and the record guard walk megabytes with it.
inline char32_t decodeUtf8(std::string_view s, std::size_t& i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
    const std::size_t left = s.size() - i;
    const unsigned c = *p;
    if (c < 0x80) {
        ++i;
        return c;
    }
    std::size_t len;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else { ++i; return kInvalidUtf8; }
    if (left < len) { ++i; return kInvalidUtf8; }
    for (std::size_t k = 1; k < len; ++k) {
        if ((p[k] & 0xC0) != 0x80) { ++i; return kInvalidUtf8; }
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kInvalidUtf8;
    }
    i += len;
    return cp;
}

/// True for a Unicode noncharacter (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF): valid UTF-8 that no
/// document may carry (cairo refuses it), so records and exports replace it.
inline bool isNoncharacter(char32_t cp) { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE; }

/// Appends code point cp (at most U+10FFFF, not a surrogate) to out as UTF-8.
void appendUtf8(std::string& out, char32_t cp);
/// Today's date (UTC) as YYYY-MM-DD.
std::string todayDate();
/// Milliseconds since the epoch, from the system clock.
Millis nowMillis();
/// A new random id with a prefix, e.g. "n-k3x9f2q7ab".
std::string newId(std::string_view prefix);
/// The note's title: its first non-empty line.
std::string noteTitle(const Note& n);
/// Sorts and de-duplicates tags, dropping empty ones.
void normaliseTags(std::vector<std::string>& tags);

}  // namespace cc
