#pragma once
// Splitting the small tab-separated tables that ship in assets/.

#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// The rows of a TSV text, each split on tabs; blank lines and lines starting with '#' are skipped.
std::vector<std::vector<std::string>> parseTsv(std::string_view text);

}  // namespace cc
