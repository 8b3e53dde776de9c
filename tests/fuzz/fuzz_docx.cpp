// libFuzzer target: parseDocx on any bytes (libzip and pugixml underneath). Only ImportError may
// come out, and every candidate has text in valid UTF-8 and a paragraph or table row location.
// Bytes that do not start like a zip ("PK") are packed, as they are, into a zip as
// word/document.xml, so that mutations reach the WordprocessingML reader (deflated parts inside a
// real zip are out of a mutator's reach).
#include <cstdint>
#include <string>
#include <string_view>

#include <zip.h>

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

/// A zip (stored, not deflated) holding `xml` as word/document.xml.
std::string asDocx(std::string_view xml) {
    std::string out;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) return out;
    zip_source_keep(buffer);
    if (zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error)) {
        zip_source_t* part = zip_source_buffer(archive, xml.data(), xml.size(), 0);
        const zip_int64_t index = part ? zip_file_add(archive, "word/document.xml", part, 0) : -1;
        if (index < 0 && part) zip_source_free(part);
        if (index >= 0) zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
        if (zip_close(archive) != 0) zip_discard(archive);
    }
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(buffer);
        zip_source_seek(buffer, 0, SEEK_SET);
        if (size > 0) {
            out.resize(static_cast<std::size_t>(size));
            if (zip_source_read(buffer, out.data(), out.size()) != size) out.clear();
        }
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string packed = input.rfind("PK", 0) == 0 ? std::string() : asDocx(input);
    const std::string_view bytes = packed.empty() ? input : std::string_view(packed);
    cc::import::ParseOptions opt;
    opt.progress = [](double share) { return share > 0.0 && share <= 1.0; };
    try {
        const cc::import::ParseResult r = cc::import::parseDocx(bytes, "fuzz.docx", opt);
        for (const auto& c : r.candidates) {
            if (c.text.empty() || !validUtf8(c.text) || !validUtf8(c.excerpt)) __builtin_trap();
            if (c.location.find("paragraph ") == std::string::npos && c.location.find("table ") == std::string::npos)
                __builtin_trap();
        }
    } catch (const cc::import::ImportError& e) {
        const std::string what = e.what();
        if (what.rfind("fuzz.docx: ", 0) != 0 || what.find('\n') != std::string::npos) __builtin_trap();
    }
    return 0;
}
