#include "canvas/note_filter.h"

namespace cc {

std::string asciiLower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool NoteFilter::matches(const Note& n) const {
    if (!sources.empty() && !sources.count(n.source)) return false;
    if (!authors.empty() && !authors.count(n.author)) return false;
    if (!tags.empty()) {
        bool any = false;
        for (const auto& t : n.tags) any = any || tags.count(t) > 0;
        if (!any) return false;
    }
    if (!dateFrom.empty() && (n.dateGathered.empty() || n.dateGathered < dateFrom)) return false;
    if (!dateTo.empty() && (n.dateGathered.empty() || n.dateGathered > dateTo)) return false;
    if (!text.empty()) {
        const std::string needle = asciiLower(text);
        auto has = [&](const std::string& hay) { return asciiLower(hay).find(needle) != std::string::npos; };
        bool found = has(n.text) || has(n.segment) || has(n.provenance.file) || has(n.provenance.excerpt);
        for (const auto& t : n.tags) found = found || has(t);
        if (!found) return false;
    }
    return true;
}

}  // namespace cc
