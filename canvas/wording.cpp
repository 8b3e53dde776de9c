#include "canvas/wording.h"

#include <atomic>

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

namespace {
const Wording kEnglish;
std::atomic<const Wording*> g_messages{&kEnglish};
}  // namespace

void setMessageWording(const Wording& wording) { g_messages.store(&wording); }

std::string message(const char* english, std::initializer_list<std::string_view> args) {
    return fillTemplate(g_messages.load()->word(english), args);
}

std::string messageCount(const char* one, const char* many, std::size_t n, std::initializer_list<std::string_view> args) {
    return fillTemplate(g_messages.load()->words(one, many, n), args);
}

}  // namespace cc
