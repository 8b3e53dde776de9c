// libFuzzer target: parseJsonCanvas on any bytes. Only ImportError may come out; every link joins
// two text nodes that became candidates.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "storage/import/candidate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const cc::import::ParseResult r = cc::import::parseJsonCanvas(bytes, "fuzz.canvas");
        std::set<std::string> ids;
        for (const auto& c : r.candidates) {
            if (c.nodeId.empty() || !ids.insert(c.nodeId).second || c.colour > 0xFFFFFF) __builtin_trap();
        }
        for (const auto& l : r.links)
            if (!ids.count(l.fromNode) || !ids.count(l.toNode) || l.fromNode == l.toNode) __builtin_trap();
    } catch (const cc::import::ImportError&) {
    }
    return 0;
}
