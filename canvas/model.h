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
}  // namespace limits

std::string_view toString(NoteState s);
std::string_view toString(DataKind d);
std::string_view toString(LinkKind k);
std::optional<NoteState> noteStateFromString(std::string_view s);
std::optional<DataKind> dataKindFromString(std::string_view s);
std::optional<LinkKind> linkKindFromString(std::string_view s);

/// True for a real calendar date written YYYY-MM-DD.
bool isValidDate(std::string_view s);
/// True when s is valid UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(std::string_view s);
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
