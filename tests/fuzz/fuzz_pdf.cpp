// libFuzzer target: parsePdf on any bytes (poppler underneath). Only ImportError may come out, and
// every candidate has text in valid UTF-8 and a "page N" location.
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/import/candidate.h"
#include "storage/import/paragraph_join.h"

namespace {

bool validUtf8(const std::string& s) {
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t before = pos;
        const char32_t c = cc::import::detail::decodeUtf8(s, pos);
        if (c == 0xFFFD && s.compare(before, 3, "\xEF\xBF\xBD") != 0) return false;
    }
    return true;
}

}  // namespace

// poppler looks fonts up through fontconfig, whose configuration is loaded once and kept for the
// life of the process: LeakSanitizer reports it at exit. Not a leak per input.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    cc::import::ParseOptions opt;
    opt.progress = [](double share) { return share > 0.0 && share <= 1.0; };
    try {
        const cc::import::ParseResult r = cc::import::parsePdf(bytes, "fuzz.pdf", opt);
        for (const auto& c : r.candidates) {
            if (c.text.empty() || !validUtf8(c.text) || !validUtf8(c.excerpt)) __builtin_trap();
            if (c.location.rfind("page ", 0) != 0) __builtin_trap();
        }
    } catch (const cc::import::ImportError& e) {
        const std::string what = e.what();
        if (what.rfind("fuzz.pdf: ", 0) != 0 || what.find('\n') != std::string::npos) __builtin_trap();
    }
    return 0;
}
