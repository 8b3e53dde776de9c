#pragma once
// Helpers shared by the text importers (Markdown, plain text, CSV, JSON Canvas): UTF-8 walking,
// CJK-aware joining of wrapped lines, a line table for provenance, and progress reporting.
// Private to storage/import.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storage/import/candidate.h"

namespace cc::import::text {

/// A paragraph or list item longer than this is refused (Markdown, plain text): it is not prose.
inline constexpr std::size_t kMaxBlockBytes = 4u << 20;

/// The code point at s[i], advancing i past it. A byte that starts no valid UTF-8 sequence gives
/// U+FFFD and advances by one, so any bytes can be walked.
char32_t nextCodePoint(std::string_view s, std::size_t& i);
/// The first and the last code point of s (0 when s is empty).
char32_t firstCodePoint(std::string_view s);
char32_t lastCodePoint(std::string_view s);
/// Han, kana, bopomofo, CJK punctuation and fullwidth forms: scripts written without spaces
/// between words (Hangul is not among them: Korean puts spaces between words).
bool isCjk(char32_t c);
bool containsCjk(std::string_view s);
/// Code points in s (invalid bytes count one each).
std::size_t codePointCount(std::string_view s);

/// s without leading and trailing spaces, tabs, line breaks and ideographic spaces (U+3000).
std::string_view trim(std::string_view s);
bool isBlank(std::string_view s);
std::string lowerAscii(std::string_view s);
/// Lowercase ASCII letters and digits only, everything else dropped ("Response ID" -> "responseid");
/// other code points are kept as they are.
std::string foldKey(std::string_view s);

/// Appends one more line of a wrapped paragraph to out (both already trimmed): a hyphen at the end
/// of out followed by a lowercase letter is removed ("inter-" + "national"); nothing goes between
/// two CJK characters; else one space.
void appendWrappedLine(std::string& out, std::string_view line);

/// s cut to at most maxBytes at a code point boundary, with "…" when it was cut.
std::string shortened(std::string_view s, std::size_t maxBytes);

/// The lines of a text, numbered from 1 (a line ends at LF; a CR before it is not part of the line).
class LineTable {
public:
    explicit LineTable(std::string_view text);
    std::size_t count() const { return m_starts.size(); }
    /// Line n (1-based) without its line break; empty when out of range.
    std::string_view line(std::size_t n) const;
    /// Lines first..last (1-based, inclusive) joined with LF, as they stand.
    std::string lines(std::size_t first, std::size_t last) const;
    /// The line (1-based) that holds byte offset pos.
    std::size_t lineOf(std::size_t pos) const;

private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
};

/// Calls ParseOptions::progress now and then; throws ImportError "NAME: cancelled" when it says stop.
class Progress {
public:
    Progress(const ParseOptions& opt, const std::string& name) : m_fn(opt.progress), m_name(name) {}
    /// Reports share (0..1) at once.
    void report(double share);
    /// Counts one unit of work and reports done/total every `every` units.
    void tick(std::size_t done, std::size_t total, std::size_t every = 4096) {
        if (m_fn && done % every == 0) report(total ? static_cast<double>(done) / static_cast<double>(total) : 0.0);
    }

private:
    const std::function<bool(double)>& m_fn;
    const std::string& m_name;
};

/// Throws ImportError "NAME: at most N candidates from one file" when count reached kMaxCandidates.
void checkCandidateCount(std::size_t count, const std::string& name);

/// The plain text of Markdown (as in a JSON Canvas text node): blocks on their own lines, inline
/// markup dropped (emphasis, code and link text kept, URLs not). Defined in markdown.cpp.
std::string markdownToPlainText(std::string_view markdown);

}  // namespace cc::import::text
