#pragma once
// Quadrant templates: the titles and descriptions a new board starts with, in English and Chinese
// (assets/templates.tsv, compiled in). After creation they are board data.

#include <array>
#include <string_view>
#include <vector>

#include "canvas/model.h"

namespace cc {

/// The template keys, in menu order: canvas, empathy, custom.
const std::vector<std::string>& templateKeys();
/// The language a new board's quadrant titles and descriptions are written in: the board's
/// language, or both ("Profile · 客户画像").
enum class TemplateLanguage { Both, English, Chinese };

/// The four quadrants of a template in a language; throws std::invalid_argument for an unknown key.
std::array<QuadrantInfo, 4> templateQuadrants(std::string_view key, TemplateLanguage lang = TemplateLanguage::Both);

}  // namespace cc
