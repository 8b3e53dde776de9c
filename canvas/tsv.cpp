#include "canvas/tsv.h"

namespace cc {

std::vector<std::vector<std::string>> parseTsv(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = end + 1;
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> cells;
        std::size_t start = 0;
        while (true) {
            std::size_t tab = line.find('\t', start);
            cells.emplace_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

}  // namespace cc
