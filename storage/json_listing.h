#pragma once
// `list --json`: the board, its quadrants, notes, links and insights (with their strength) as one plain JSON object for other
// tools and scripts (no archive envelope, unlike the backup).

#include <string>

#include "canvas/document.h"

namespace cc {

/// The whole board as one JSON object (pretty when `pretty`).
std::string boardToJson(const Document& doc, bool pretty = true);

}  // namespace cc
