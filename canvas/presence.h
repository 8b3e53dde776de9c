#pragma once
// Who else is working on the board right now: session state, never part of the document. Each
// window announces itself about once a second; an entry not renewed for a few seconds (a window
// closed, a process killed) is gone.

#include <cstdint>
#include <string>
#include <vector>

#include "canvas/model.h"

namespace cc {

/// One participant's window.
struct Presence {
    std::string session;             ///< random, one per window
    std::string name;
    std::uint32_t colour = 0;        ///< 0xRRGGBB
    std::vector<std::string> selected;
    std::string editing;             ///< the note whose text they are typing, if any
    Millis seen = 0;                 ///< when they last announced themselves

    bool operator==(const Presence&) const = default;
};

/// How long an announcement counts.
inline constexpr Millis kPresenceTimeout = 5000;

/// A colour for a name: the same name always gets the same one, from a palette that reads well
/// on notes.
std::uint32_t colourForName(const std::string& name);
/// Up to two initials for a name (Latin: first letters of the first words; Chinese: the given name).
std::string initialsOf(const std::string& name);
/// A window's selection as stored beside the board: one text column of ids (ids never hold a
/// space), at most the first 200, since others only need to see where someone works; and back.
std::string selectionToColumn(const std::vector<std::string>& ids);
std::vector<std::string> selectionFromColumn(const std::string& column);

}  // namespace cc
