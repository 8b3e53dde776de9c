// Text of any supported encoding to UTF-8 with LF line ends.
//
// Order of decisions:
//  1. A byte-order mark decides: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE.
//  2. NUL bytes without a mark: UTF-16 without a mark when the NULs fall in every other byte the
//     way ASCII-heavy UTF-16 puts them; else binary data.
//  3. Valid UTF-8 stays UTF-8 (uchardet is not asked).
//  4. Mostly valid UTF-8 with a few stray bytes: UTF-8, the stray bytes become U+FFFD.
//  5. Else uchardet names the encoding (GB18030 for GBK/GB2312, Big5, Windows-1252, ...) and
//     iconv converts; bytes the encoding cannot hold are an error naming the byte.
// Control characters other than tab and line breaks are dropped when rare; many of them mean the
// bytes are no text.

#include <errno.h>
#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "storage/import/candidate.h"

namespace cc::import {

namespace {

std::string at(std::size_t offset) { return message(CC_TEMPLATE("byte {1}"), {std::to_string(offset)}); }

[[noreturn]] void notText(const std::string& name, std::size_t offset) {
    throw ImportError(message(CC_TEMPLATE("{1}: not text (binary data at {2})"), {name, at(offset)}));
}

/// A control character that text does not hold (tab, LF, CR, FF, VT are text).
bool isStrayControl(unsigned c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

/// How many stray control characters make bytes binary rather than text with a few glitches.
bool tooManyControls(std::size_t controls, std::size_t size) { return controls > 8 + size / 1000; }

/// For encodings in which every byte below 0x20 is an ASCII control (UTF-8, GB18030, Big5,
/// single-byte code pages): the first NUL, or the first stray control when there are too many.
void checkControlsAsciiCompatible(std::string_view bytes, const std::string& name) {
    std::size_t controls = 0, first = std::string_view::npos;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c != 0x7F) continue;
        if (c == 0) notText(name, i);
        if (!isStrayControl(c)) continue;
        if (c == 0x1A && i + 1 == bytes.size()) continue;  // DOS end-of-file mark
        if (first == std::string_view::npos) first = i;
        ++controls;
    }
    if (tooManyControls(controls, bytes.size())) notText(name, first);
}

/// UTF-16 code units: a NUL unit or too many stray controls mean binary data.
void checkControlsUtf16(std::string_view body, bool bigEndian, std::size_t bodyOffset, const std::string& name) {
    std::size_t controls = 0, first = std::string_view::npos;
    for (std::size_t i = 0; i + 1 < body.size(); i += 2) {
        const auto lo = static_cast<unsigned char>(body[i + (bigEndian ? 1 : 0)]);
        const auto hi = static_cast<unsigned char>(body[i + (bigEndian ? 0 : 1)]);
        if (hi != 0) continue;
        if (lo == 0) notText(name, bodyOffset + i);
        if (!isStrayControl(lo)) continue;
        if (first == std::string_view::npos) first = bodyOffset + i;
        ++controls;
    }
    if (tooManyControls(controls, body.size() / 2)) notText(name, first);
}

/// UTF-8 output without stray controls, with CRLF and CR as LF and FF/VT as LF.
std::string normalised(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c == '\r') {
            out += '\n';
            if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
        } else if (c == '\f' || c == '\v') {
            out += '\n';
        } else if (!isStrayControl(c)) {
            out += static_cast<char>(c);
        }
    }
    // A byte-order mark left inside (a file saved with two of them) is no text either.
    while (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
    return out;
}

/// Length of the valid UTF-8 sequence at p, or 0.
std::size_t utf8SequenceAt(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned c = b(i);
    if (c < 0x80) return 1;
    std::size_t len;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return 0;
    if (s.size() - i < len) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

struct Utf8Census {
    std::size_t multibyte = 0;  ///< valid sequences of two bytes or more
    std::size_t invalid = 0;    ///< bytes that start no valid sequence
    std::size_t firstInvalid = std::string_view::npos;
};

Utf8Census utf8Census(std::string_view s) {
    Utf8Census c;
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = utf8SequenceAt(s, i);
        if (len == 0) {
            if (c.firstInvalid == std::string_view::npos) c.firstInvalid = i;
            ++c.invalid;
            ++i;
        } else {
            ++c.multibyte;
            i += len;
        }
    }
    return c;
}

/// UTF-8 with every byte that starts no valid sequence replaced by U+FFFD.
std::string repairedUtf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8SequenceAt(s, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s.substr(i, len));
            i += len;
        }
    }
    return out;
}

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

enum class ConvertStatus { Ok, NoSuchEncoding, Undecodable };

/// Converts bytes in `from` to UTF-8 with iconv. On undecodable input, `badOffset` is where (in
/// bytes, relative to the input). A character cut off by the end of the input is dropped.
ConvertStatus convert(std::string_view in, const char* from, std::string& out, std::size_t& badOffset) {
    const iconv_t raw = iconv_open("UTF-8", from);
    if (raw == reinterpret_cast<iconv_t>(-1)) return ConvertStatus::NoSuchEncoding;
    std::unique_ptr<void, IconvCloser> cd(raw);
    out.clear();
    out.resize(in.size() + in.size() / 2 + 16);
    char* inPtr = const_cast<char*>(in.data());
    std::size_t inLeft = in.size();
    std::size_t written = 0;
    while (inLeft > 0) {
        char* outPtr = out.data() + written;
        std::size_t outLeft = out.size() - written;
        const std::size_t r = iconv(raw, &inPtr, &inLeft, &outPtr, &outLeft);
        written = out.size() - outLeft;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() + std::max<std::size_t>(inLeft * 2, 64));
        } else if (errno == EINVAL) {
            break;  // incomplete character at the end: dropped
        } else {
            badOffset = in.size() - inLeft;
            return ConvertStatus::Undecodable;
        }
    }
    out.resize(written);
    return ConvertStatus::Ok;
}

/// Decodes with an explicit encoding (named by a byte-order mark or detected).
std::string decodeAs(std::string_view body, std::size_t bodyOffset, const std::vector<const char*>& tryEncodings,
                     const std::string& shownName, const std::string& name) {
    std::string out;
    std::size_t bad = 0, firstBad = std::string_view::npos;
    bool anyEncoding = false;
    for (const char* enc : tryEncodings) {
        std::size_t offset = 0;
        const ConvertStatus st = convert(body, enc, out, offset);
        if (st == ConvertStatus::Ok) return out;
        if (st == ConvertStatus::Undecodable) {
            anyEncoding = true;
            if (firstBad == std::string_view::npos) {
                firstBad = offset;
                bad = offset;
            }
        }
    }
    if (!anyEncoding) throw ImportError(message(CC_TEMPLATE("{1}: text in an encoding that cannot be read ({2})"), {name, shownName}));
    throw ImportError(message(CC_TEMPLATE("{1}: not text (bytes at {2} are not {3})"), {name, at(bodyOffset + bad), shownName}));
}

/// The bytes uchardet looks at: from a little before the first non-ASCII byte, at most 1 MB
/// (an ASCII-only start would tell it nothing).
std::string_view detectionWindow(std::string_view bytes) {
    std::size_t first = 0;
    while (first < bytes.size() && static_cast<unsigned char>(bytes[first]) < 0x80) ++first;
    std::size_t begin = first > 256 ? first - 256 : 0;
    const std::size_t nl = bytes.rfind('\n', first);
    if (nl != std::string_view::npos && nl >= begin) begin = nl + 1;
    return bytes.substr(begin, 1u << 20);
}

std::string detectCharset(std::string_view bytes) {
    const std::string_view window = detectionWindow(bytes);
    uchardet_t ud = uchardet_new();
    if (!ud) return {};
    std::string charset;
    if (uchardet_handle_data(ud, window.data(), window.size()) == 0) {
        uchardet_data_end(ud);
        if (const char* cs = uchardet_get_charset(ud)) charset = cs;
    }
    uchardet_delete(ud);
    std::transform(charset.begin(), charset.end(), charset.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return charset;
}

std::string utf16(std::string_view body, std::size_t bodyOffset, bool bigEndian, const std::string& name) {
    checkControlsUtf16(body, bigEndian, bodyOffset, name);
    return decodeAs(body, bodyOffset, {bigEndian ? "UTF-16BE" : "UTF-16LE"}, bigEndian ? "UTF-16BE" : "UTF-16LE",
                    name);
}

/// Without a byte-order mark: UTF-16 when the NUL bytes sit in every other byte, the way they do in
/// UTF-16 text that is mostly ASCII. 0 = no, 1 = little endian, 2 = big endian.
int looksLikeUtf16(std::string_view bytes) {
    const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
    if (n < 4) return 0;
    std::size_t zeroEven = 0, zeroOdd = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (bytes[i] == 0) ++(i % 2 ? zeroOdd : zeroEven);
    const std::size_t pairs = n / 2;
    int kind = 0;
    if (zeroOdd * 10 >= pairs * 3 && zeroEven * 50 <= pairs) kind = 1;
    else if (zeroEven * 10 >= pairs * 3 && zeroOdd * 50 <= pairs) kind = 2;
    if (kind == 0 || pairs < 8) return 0;
    // Every code unit below 0x100 in the sample must be a printable character or a line break:
    // binary data with NULs in every other byte (tables of small numbers) is not text.
    for (std::size_t i = 0; i < n; i += 2) {
        const auto lo = static_cast<unsigned char>(bytes[i + (kind == 1 ? 0 : 1)]);
        const auto hi = static_cast<unsigned char>(bytes[i + (kind == 1 ? 1 : 0)]);
        if (hi == 0 && (lo == 0 || isStrayControl(lo) || (lo >= 0x80 && lo < 0xA0))) return 0;
    }
    return kind;
}

}  // namespace

std::string decodeText(std::string_view bytes, const std::string& name, std::string* encoding) {
    const auto set = [&](std::string e) {
        if (encoding) *encoding = std::move(e);
    };
    const auto startsWith = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
    using namespace std::string_view_literals;

    // 1. Byte-order marks. UTF-32 first: its little-endian mark begins with UTF-16's.
    if (startsWith("\x00\x00\xFE\xFF"sv) || startsWith("\xFF\xFE\x00\x00"sv)) {
        const bool be = bytes[0] == 0;
        set(be ? "UTF-32BE" : "UTF-32LE");
        std::string out = decodeAs(bytes.substr(4), 4, {be ? "UTF-32BE" : "UTF-32LE"}, be ? "UTF-32BE" : "UTF-32LE", name);
        if (out.find('\0') != std::string::npos) notText(name, 4);
        return normalised(out);
    }
    if (startsWith("\xFF\xFE"sv) || startsWith("\xFE\xFF"sv)) {
        const bool be = static_cast<unsigned char>(bytes[0]) == 0xFE;
        set(be ? "UTF-16BE" : "UTF-16LE");
        return normalised(utf16(bytes.substr(2), 2, be, name));
    }
    std::size_t bom = 0;
    while (bytes.substr(bom, 3) == "\xEF\xBB\xBF"sv) bom += 3;
    const std::string_view body = bytes.substr(bom);

    // 2. NUL bytes: UTF-16 without a mark, or binary.
    if (body.find('\0') != std::string_view::npos) {
        if (bom == 0) {
            if (const int kind = looksLikeUtf16(body)) {
                set(kind == 2 ? "UTF-16BE" : "UTF-16LE");
                return normalised(utf16(body, 0, kind == 2, name));
            }
        }
        notText(name, bom + body.find('\0'));
    }

    // 3. and 4. UTF-8, exact or with a few stray bytes.
    const Utf8Census census = utf8Census(body);
    if (census.invalid == 0) {
        checkControlsAsciiCompatible(body, name);
        set("UTF-8");
        return normalised(body);
    }
    // (Text in GBK or Big5 has several times more bytes that are not UTF-8 than chance UTF-8 sequences.)
    if (bom > 0 || (census.multibyte > 0 && census.invalid * 4 <= census.multibyte)) {
        checkControlsAsciiCompatible(body, name);
        set("UTF-8 (" + std::to_string(census.invalid) + (census.invalid == 1 ? " byte" : " bytes") +
            " not UTF-8 replaced)");
        return normalised(repairedUtf8(body));
    }

    // 5. Another encoding, as uchardet tells.
    checkControlsAsciiCompatible(body, name);
    const std::string charset = detectCharset(body);
    std::vector<const char*> tries;
    std::string shown = charset;
    if (charset.empty() || charset == "ASCII" || charset == "UTF-8") {
        throw ImportError(message(CC_TEMPLATE("{1}: not text (bytes at {2} are in no encoding that could be recognised)"),
                                  {name, at(census.firstInvalid)}));
    } else if (charset == "GB18030" || charset == "GBK" || charset == "GB2312" || charset == "HZ-GB-2312" ||
               charset == "EUC-CN") {
        tries = {"GB18030"};
        shown = "GB18030";
    } else if (charset == "BIG5" || charset == "BIG5-HKSCS" || charset == "CP950") {
        tries = {"CP950", "BIG5-HKSCS", "BIG5"};
        shown = "Big5";
    } else if (charset == "ISO-8859-1" || charset == "WINDOWS-1252") {
        // Windows editors write Windows-1252 even where detection says Latin-1 (a superset of it
        // in the printable range); bytes undefined in Windows-1252 fall back to Latin-1.
        tries = {"WINDOWS-1252", "ISO-8859-1"};
        shown = "Windows-1252";
    } else if (charset.rfind("UTF-16", 0) == 0 || charset.rfind("UTF-32", 0) == 0) {
        notText(name, census.firstInvalid);  // no NUL bytes, no mark: not really UTF-16
    } else {
        tries = {charset.c_str()};
    }
    std::string out = decodeAs(body, bom, tries, shown, name);
    set(shown);
    return normalised(out);
}

}  // namespace cc::import
