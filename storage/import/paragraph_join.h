#pragma once
// Joining the wrapped lines of one paragraph back into running text, for text laid out in lines
// (PDF pages, hard-wrapped plain text). English words are joined with a space, a word hyphenated at
// a line end is put back together ("custo-" + "mers" -> "customers"), and no space is put between
// Chinese or Japanese characters (their lines wrap anywhere, without a space to lose).

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "canvas/model.h"

namespace cc::import::detail {

/// Decodes the UTF-8 code point at `pos` and advances `pos` past it; invalid bytes decode as
/// U+FFFD and advance one byte.
char32_t decodeUtf8(std::string_view s, std::size_t& pos);
/// The first and the last code point of `s` (0 for an empty string).
char32_t firstCodePoint(std::string_view s);
char32_t lastCodePoint(std::string_view s);
using cc::appendUtf8;  // (canvas/model.h)

/// Han ideographs, kana, CJK punctuation and full-width forms: scripts written without spaces
/// between words (Hangul is not: Korean puts spaces between words).
bool isCjk(char32_t cp);
/// A letter of a script that hyphenates (Latin, Greek, Cyrillic).
bool isHyphenatingLetter(char32_t cp);
bool isLowercaseLetter(char32_t cp);

/// Whether `line` ends with a hyphen that splits a word across the line end: a hyphen
/// (U+002D, U+2010 or a soft hyphen U+00AD) right after a letter.
bool endsWithWordHyphen(std::string_view line);

/// Decides whether the hyphen of a word broken over a line end belongs to the word
/// ("e-" + "banking" -> "e-banking"): called with the word as it would be with the hyphen kept,
/// e.g. "e-banking". Return true to keep the hyphen.
using KeepHyphen = std::function<bool(std::string_view hyphenatedWord)>;

/// Joins the lines of one paragraph (each without its line break). Spaces at the line ends are
/// trimmed; runs of spaces inside a line are kept as they are.
std::string joinWrappedLines(const std::vector<std::string>& lines, const KeepHyphen& keepHyphen = {});

/// Appends `next` to `text` as the next wrapped line of the same paragraph (see joinWrappedLines).
void appendWrappedLine(std::string& text, std::string_view next, const KeepHyphen& keepHyphen = {});

}  // namespace cc::import::detail
