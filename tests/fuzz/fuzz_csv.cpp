// libFuzzer target: parseCsv on any bytes. The first byte picks the options (TSV name, a named
// text column, id/date/segment columns, tags on or off). Only ImportError may come out.
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/import/candidate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t pick = data[0];
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    cc::import::ParseOptions opt;
    if (pick & 2) opt.textColumns = {"comment"};
    if (pick & 4) opt.idColumn = "id";
    if (pick & 8) opt.dateColumn = "date";
    if (pick & 16) opt.segmentColumn = "segment";
    opt.columnsAsTags = !(pick & 32);
    if (pick & 64) opt.progress = [](double share) { return share >= 0.0 && share <= 1.0; };
    try {
        const cc::import::ParseResult r = cc::import::parseCsv(bytes, (pick & 1) ? "fuzz.tsv" : "fuzz.csv", opt);
        for (const auto& c : r.candidates) {
            if (c.text.empty() || c.location.rfind("row ", 0) != 0 || c.tags.size() > 8) __builtin_trap();
            if (!c.date.empty() && !cc::isValidDate(c.date)) __builtin_trap();
        }
        if (r.candidates.size() && r.textColumns.empty()) __builtin_trap();
    } catch (const cc::import::ImportError&) {
    }
    return 0;
}
