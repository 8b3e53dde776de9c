#pragma once
// Quadrant templates: the titles and descriptions a new board starts with
// (assets/templates.tsv, compiled in). After creation they are board data.

#include <array>
#include <string_view>
#include <vector>

#include "canvas/model.h"

namespace cc {

/// The template keys, in menu order: canvas, empathy, custom.
const std::vector<std::string>& templateKeys();
/// The four quadrants of a template; throws std::invalid_argument for an unknown key.
std::array<QuadrantInfo, 4> templateQuadrants(std::string_view key);

}  // namespace cc
