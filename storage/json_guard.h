#pragma once
// rapidjson (under cereal) parses recursively: text from outside is checked for deep nesting
// before it is parsed, so it cannot exhaust the stack.

#include <string_view>

namespace cc {

/// True when no array or object in the JSON text is nested deeper than maxDepth.
inline bool jsonNestingWithin(std::string_view text, int maxDepth) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth) return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

}  // namespace cc
