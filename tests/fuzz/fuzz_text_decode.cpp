// libFuzzer target: decodeText on any bytes. Only ImportError may come out; what does come out is
// valid UTF-8 with LF line ends and no NUL.
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/import/candidate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        std::string encoding;
        const std::string text = cc::import::decodeText(bytes, "fuzz.txt", &encoding);
        if (!cc::isValidUtf8(text) || text.find('\r') != std::string::npos || text.find('\0') != std::string::npos ||
            encoding.empty())
            __builtin_trap();
    } catch (const cc::import::ImportError&) {
    }
    return 0;
}
