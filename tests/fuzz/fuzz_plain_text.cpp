// libFuzzer target: parsePlainText on any bytes. Only ImportError may come out; from valid UTF-8
// come candidates in valid UTF-8, each with its line.
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/import/candidate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const cc::import::ParseResult r = cc::import::parsePlainText(bytes, "fuzz.txt");
        const bool utf8 = cc::isValidUtf8(bytes);
        for (const auto& c : r.candidates) {
            if (c.text.empty() || c.location.rfind("line", 0) != 0) __builtin_trap();
            if (utf8 && (!cc::isValidUtf8(c.text) || !cc::isValidUtf8(c.excerpt))) __builtin_trap();
        }
    } catch (const cc::import::ImportError&) {
    }
    return 0;
}
