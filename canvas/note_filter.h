#pragma once
// What the filters panel asks for: notes that do not match are dimmed on the wall (never
// hidden without a sign).

#include <set>
#include <string>

#include "canvas/model.h"

namespace cc {

struct NoteFilter {
    std::string text;                 ///< in the text, tags, segment or provenance; case-insensitive for Latin letters
    std::set<std::string> sources;    ///< empty: any source kind
    std::set<std::string> tags;       ///< empty: any; else the note has at least one of them
    std::set<std::string> authors;    ///< empty: anyone
    std::string dateFrom, dateTo;     ///< YYYY-MM-DD, inclusive; empty: open-ended

    bool active() const {
        return !text.empty() || !sources.empty() || !tags.empty() || !authors.empty() || !dateFrom.empty() ||
               !dateTo.empty();
    }
    bool matches(const Note& n) const;
    bool operator==(const NoteFilter&) const = default;
};

/// Lower-cases ASCII letters only (Chinese has no case; other scripts are left as they are).
std::string asciiLower(std::string s);

}  // namespace cc
