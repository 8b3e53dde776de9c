#pragma once
// Making a new, empty board record from a template.

#include <string>

#include "canvas/model.h"
#include "canvas/templates.h"

namespace cc {

/// A new board: the template's quadrants in `lang`, the default wall size, a fresh id, created
/// now. Throws std::invalid_argument for an unknown template.
BoardInfo makeBoard(std::string title, const std::string& templateKey = "canvas",
                    TemplateLanguage lang = TemplateLanguage::Both);

}  // namespace cc
