#include "storage/import/docx_zip.h"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "storage/import/candidate.h"

namespace cc::import::detail {

namespace {

/// A part larger than this that is packed more than kMaxRatio times is taken for a zip bomb:
/// documents' XML packs 5 to 30 times, deflate at most about a thousand times.
constexpr std::size_t kRatioCheckFrom = 1u << 20;
constexpr std::uint64_t kMaxRatio = 250;

std::string megabytes(std::uint64_t n) { return std::to_string((n + (1u << 20) - 1) >> 20) + " MB"; }
std::string kilobytes(std::uint64_t n) { return std::to_string((n + 1023) >> 10) + " KB"; }

}  // namespace

namespace {

/// A part's name as it may appear in a message: printable, not too long.
std::string printable(const std::string& part) {
    std::string out;
    for (char c : part.substr(0, 120)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? '?' : c;
    return out;
}

}  // namespace

DocxZip::DocxZip(std::string_view bytes, const std::string& name) : m_name(name), m_budget(kMaxUnpackedBytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        const std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw ImportError(message(CC_TEMPLATE("{1}: not a DOCX ({2})"), {name, why}));
    }
    m_zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!m_zip) {
        zip_source_free(source);
        const int code = zip_error_code_zip(&error);
        const std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        if (code == ZIP_ER_NOZIP) throw ImportError(message(CC_TEMPLATE("{1}: not a DOCX (not a zip archive)"), {name}));
        throw ImportError(message(CC_TEMPLATE("{1}: not a DOCX (damaged zip archive: {2})"), {name, why}));
    }
    zip_error_fini(&error);
}

DocxZip::~DocxZip() {
    if (m_zip) zip_discard(m_zip);
}

std::optional<std::string> DocxZip::read(const std::string& part, std::size_t cap) {
    const zip_int64_t index = zip_name_locate(m_zip, part.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    const auto idx = static_cast<zip_uint64_t>(index);
    const std::size_t limit = std::min(cap, m_budget);
    const auto bomb = [&](const std::string& how) {
        return ImportError(message(CC_TEMPLATE("{1}: {2} unpacks to {3} (a zip bomb?)"), {m_name, printable(part), how}));
    };
    zip_stat_t st;
    zip_stat_init(&st);
    std::optional<zip_uint64_t> stated;
    if (zip_stat_index(m_zip, idx, 0, &st) == 0) {
        if (st.valid & ZIP_STAT_SIZE) stated = st.size;
        if ((st.valid & ZIP_STAT_SIZE) && st.size > limit) throw bomb(message(CC_TEMPLATE("more than {1}"), {megabytes(limit)}));
        if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > kRatioCheckFrom &&
            st.size / std::max<zip_uint64_t>(st.comp_size, 1) > kMaxRatio)
            throw bomb(message(CC_TEMPLATE("{1} from {2}"), {megabytes(st.size), kilobytes(st.comp_size)}));
    }
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(m_zip, idx, 0), &zip_fclose);
    if (!file)
        throw ImportError(message(CC_TEMPLATE("{1}: {2} cannot be unpacked ({3})"), {m_name, printable(part), zip_strerror(m_zip)}));
    std::string out;
    char buffer[65536];
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
        if (n < 0)
            throw ImportError(message(CC_TEMPLATE("{1}: {2} is damaged ({3})"), {m_name, printable(part), zip_file_strerror(file.get())}));
        if (n == 0) break;
        if (out.size() + static_cast<std::size_t>(n) > limit) throw bomb(message(CC_TEMPLATE("more than {1}"), {megabytes(limit)}));
        if (stated && out.size() + static_cast<std::size_t>(n) > *stated)
            throw bomb(message(CC_TEMPLATE("more than the {1} its zip entry states"), {kilobytes(*stated)}));
        out.append(buffer, static_cast<std::size_t>(n));
    }
    m_budget -= out.size();
    return out;
}

}  // namespace cc::import::detail
