#include "canvas/templates.h"

#include <stdexcept>
#include <string>

#include "canvas/embedded_assets.h"
#include "canvas/tsv.h"
#include "canvas/wording.h"

namespace cc {

const std::vector<std::string>& templateKeys() {
    static const std::vector<std::string> keys{"canvas", "empathy", "custom"};
    return keys;
}

std::array<QuadrantInfo, 4> templateQuadrants(std::string_view key, TemplateLanguage lang) {
    std::array<QuadrantInfo, 4> out{};
    int found = 0;
    for (const auto& row : parseTsv(embedded::kTemplatesTsv)) {
        if (row.size() != 6 || row[0] != key) continue;
        int index = std::stoi(row[1]);
        if (index < 1 || index > 4) throw std::runtime_error("template row with quadrant " + row[1]);
        const std::string &titleEn = row[2], &titleZh = row[3], &textEn = row[4], &textZh = row[5];
        switch (lang) {
        case TemplateLanguage::English: out[index - 1] = QuadrantInfo{index, titleEn, textEn}; break;
        case TemplateLanguage::Chinese: out[index - 1] = QuadrantInfo{index, titleZh, textZh}; break;
        case TemplateLanguage::Both: out[index - 1] = QuadrantInfo{index, titleEn + " · " + titleZh, textEn + " " + textZh}; break;
        }
        ++found;
    }
    if (found != 4) throw std::invalid_argument(message(CC_TEMPLATE("unknown template '{1}' (canvas, empathy or custom)"), {key}));
    return out;
}

}  // namespace cc
