#include "canvas/templates.h"

#include <stdexcept>
#include <string>

#include "canvas/embedded_assets.h"
#include "canvas/tsv.h"

namespace cc {

const std::vector<std::string>& templateKeys() {
    static const std::vector<std::string> keys{"canvas", "empathy", "custom"};
    return keys;
}

std::array<QuadrantInfo, 4> templateQuadrants(std::string_view key) {
    std::array<QuadrantInfo, 4> out{};
    int found = 0;
    for (const auto& row : parseTsv(embedded::kTemplatesTsv)) {
        if (row.size() != 4 || row[0] != key) continue;
        int index = std::stoi(row[1]);
        if (index < 1 || index > 4) throw std::runtime_error("template row with quadrant " + row[1]);
        out[index - 1] = QuadrantInfo{index, row[2], row[3]};
        ++found;
    }
    if (found != 4) throw std::invalid_argument("unknown template '" + std::string(key) + "' (canvas, empathy or custom)");
    return out;
}

}  // namespace cc
