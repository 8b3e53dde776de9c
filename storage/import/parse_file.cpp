#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "storage/import/candidate.h"

namespace cc::import {

namespace {

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

/// The file's size, after checking it is a regular file within the import limit.
std::uintmax_t checkedSize(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) throw ImportError(message(CC_TEMPLATE("{1}: no such file"), {path}));
    if (!std::filesystem::is_regular_file(status)) throw ImportError(message(CC_TEMPLATE("{1}: not a regular file"), {path}));
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw ImportError(message(CC_TEMPLATE("{1}: cannot be read"), {path}));
    if (size > kMaxImportBytes)
        throw ImportError(message(CC_TEMPLATE("{1}: {2} MB is over the import limit of {3} MB"),
                                  {path, std::to_string(size >> 20), std::to_string(kMaxImportBytes >> 20)}));
    return size;
}

std::string readBounded(const std::string& path, std::uintmax_t size) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError(message(CC_TEMPLATE("{1}: cannot be read (permission denied?)"), {path}));
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::size_t>(in.gcount()) != size) throw ImportError(message(CC_TEMPLATE("{1}: cannot be read to the end"), {path}));
    return bytes;
}

/// Whether the file starts as UTF-8 JSON may (not a PDF, not UTF-16 or UTF-32 with a mark).
bool mayBeUtf8Json(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[5] = {};
    in.read(head, sizeof head);
    const std::string_view h(head, static_cast<std::size_t>(in.gcount()));
    return h.rfind("%PDF-", 0) != 0 && h.rfind("\xFF\xFE", 0) != 0 && h.rfind("\xFE\xFF", 0) != 0 &&
           h.rfind(std::string_view("\x00\x00\xFE\xFF", 4), 0) != 0;
}

ParseResult parseBytes(const std::string& path, const std::string& bytes, const std::string& ext, const ParseOptions& opt) {
    const std::string& name = path;
    // Binary formats by their signatures first (a renamed file still comes in right).
    if (bytes.rfind("%PDF-", 0) == 0 || ext == ".pdf") return parsePdf(bytes, name, opt);
    if (ext == ".docx" || (bytes.rfind("PK\x03\x04", 0) == 0 && ext != ".canvas"))
        return parseDocx(bytes, name, opt);
    std::string encoding;
    const std::string text = decodeText(bytes, name, &encoding);
    ParseResult r;
    if (ext == ".md" || ext == ".markdown") r = parseMarkdown(text, name, opt);
    else if (ext == ".csv" || ext == ".tsv") r = parseCsv(text, name, opt);
    else if (ext == ".canvas") r = parseJsonCanvas(text, name, opt);
    else if (ext == ".txt" || ext == ".text" || ext.empty()) r = parsePlainText(text, name, opt);
    else throw ImportError(message(CC_TEMPLATE("{1}: unknown kind of file '{2}' (Markdown, text, PDF, DOCX, CSV, TSV or JSON Canvas)"), {path, ext}));
    r.encoding = encoding;
    return r;
}

ParseResult parseChecked(const std::string& path, const ParseOptions& opt) {
    const std::uintmax_t size = checkedSize(path);
    const std::string ext = lowerExtension(path);
    // A JSON Canvas is streamed; one in another encoding, or broken, is read whole as before
    // (for its encoding, or for the error with its line).
    if (ext == ".canvas" && mayBeUtf8Json(path))
        if (auto r = parseJsonCanvasFile(path, size, opt)) return std::move(*r);
    return parseBytes(path, readBounded(path, size), ext, opt);
}

}  // namespace

ParseResult parseFile(const std::string& path, const ParseOptions& opt) {
    try {
        return parseChecked(path, opt);
    } catch (const std::bad_alloc&) {
        throw ImportError(message(CC_TEMPLATE("{1}: too large to read in the memory this computer has"), {path}));
    }
}

}  // namespace cc::import
