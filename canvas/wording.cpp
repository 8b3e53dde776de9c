#include "canvas/wording.h"

namespace cc {

std::string fillTemplate(std::string_view templ, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(templ.size());
    for (std::size_t i = 0; i < templ.size(); ++i) {
        if (templ[i] == '{' && i + 2 < templ.size() && templ[i + 2] == '}' && templ[i + 1] >= '1' && templ[i + 1] <= '9') {
            const std::size_t k = static_cast<std::size_t>(templ[i + 1] - '1');
            if (k < args.size()) {
                out += *(args.begin() + k);
                i += 2;
                continue;
            }
        }
        out += templ[i];
    }
    return out;
}

}  // namespace cc
