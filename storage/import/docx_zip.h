#pragma once
// Reading the parts of a DOCX (a zip archive) from memory, with libzip, safely: every part is
// checked before it is unpacked (its stated size and compression ratio) and read with a hard cap,
// since a zip's own size fields can lie.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace cc::import::detail {

class DocxZip {
public:
    /// Opens the archive in `bytes` (which must outlive this object). Throws ImportError
    /// "NAME: not a DOCX (not a zip archive)" or "NAME: not a DOCX (damaged zip archive: ...)".
    DocxZip(std::string_view bytes, const std::string& name);
    ~DocxZip();
    DocxZip(const DocxZip&) = delete;
    DocxZip& operator=(const DocxZip&) = delete;

    /// Unpacks one part (found by name, ignoring case as OPC does), or nothing if there is no such
    /// part. At most `cap` bytes, and no more than what is left of the archive's total budget
    /// (kMaxUnpackedBytes); more, or a compression ratio no document has, throws ImportError
    /// "NAME: PART unpacks to more than N MB (a zip bomb?)".
    std::optional<std::string> read(const std::string& part, std::size_t cap);

private:
    struct zip* m_zip = nullptr;
    std::string m_name;
    std::size_t m_budget;  ///< what may still be unpacked from this archive
};

}  // namespace cc::import::detail
