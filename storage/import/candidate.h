#pragma once
// What an importer makes of a document: candidate notes with their evidence (provenance), and
// for JSON Canvas the links between them. Parsers are pure: bytes in, candidates out; the import
// pipeline (import_pipeline.h) turns candidates into one change set on a board.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "canvas/model.h"
#include "canvas/wording.h"  // message(): an ImportError reads in the interface language

namespace cc::import {

/// A file that cannot be imported. The message is one line: "FILE: where it went wrong and why".
class ImportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The largest file an import reads, and the largest total a zip (DOCX) may unpack to.
inline constexpr std::size_t kMaxImportBytes = 256u << 20;
inline constexpr std::size_t kMaxUnpackedBytes = 512u << 20;
/// At most this many candidates from one file.
inline constexpr std::size_t kMaxCandidates = 2'000'000;

/// One candidate note.
struct Candidate {
    std::string text;      ///< the note's text (UTF-8): the paragraph, list item, answer or node text
    std::string location;  ///< provenance location, e.g. "page 3", "Findings > Mobile, line 12", "row 7, Q3 comments"
    std::string excerpt;   ///< the original text as it stood in the document (before joining or trimming)
    std::string date;      ///< YYYY-MM-DD when the document says (a date column), else empty
    std::string segment;   ///< from a segment column
    std::string respondent;             ///< from an id column
    std::vector<std::string> tags;      ///< from other short columns ("column: value"), or empty
    // JSON Canvas: the node's id, place and size on its canvas.
    std::string nodeId;
    std::optional<double> x, y, w, h;
    std::uint32_t colour = 0;           ///< 0xRRGGBB if the source gave one
};

/// A link between two candidates (JSON Canvas edges), by node id.
struct CandidateLink {
    std::string fromNode, toNode;
    LinkKind kind = LinkKind::Relates;
    std::string label;
};

/// A group of a canvas (JSON Canvas "group" nodes): its label and the text nodes inside it.
struct CandidateGroup {
    std::string nodeId;
    std::string label;               ///< as the file has it (may be empty)
    std::vector<std::string> nodes;  ///< node ids of the text candidates inside, top to bottom, left to right
};

/// At most this many groups from one canvas; a group lists at most limits::kEvidencePerInsight nodes.
inline constexpr std::size_t kMaxGroups = 10'000;

/// How to read a file.
struct ParseOptions {
    /// CSV/TSV: the free-text columns by header name; empty = detect them (long, varied answers).
    std::vector<std::string> textColumns;
    std::string idColumn, dateColumn, segmentColumn;
    /// CSV/TSV: turn the other short columns into tags ("column: value").
    bool columnsAsTags = true;
    /// Called now and then with the share done (0..1); return false to cancel (throws ImportError).
    std::function<bool(double)> progress;
};

/// What a parser found.
struct ParseResult {
    std::string format;                    ///< markdown, text, pdf, docx, csv, tsv, canvas
    std::string encoding;                  ///< the text encoding detected (text formats), e.g. UTF-8, GB18030
    std::vector<std::string> columns;      ///< CSV/TSV: every column header
    std::vector<std::string> textColumns;  ///< CSV/TSV: the free-text columns used
    std::vector<Candidate> candidates;
    std::vector<CandidateLink> links;
    std::vector<CandidateGroup> groups;  ///< JSON Canvas: the groups that hold text candidates
    /// What the reader left out that the person should hear of, a short phrase each ("no text
    /// nodes", "2 edges to nodes the file does not have, left out").
    std::vector<std::string> remarks;
};

/// Decodes text of any supported encoding to UTF-8: UTF-8 with or without BOM, UTF-16 with BOM,
/// GB18030/GBK, Big5 (detected with uchardet, converted with iconv). `name` is used in errors.
/// Throws ImportError for bytes that are no text.
std::string decodeText(std::string_view bytes, const std::string& name, std::string* encoding = nullptr);

// One parser per format. `name` is the file name used in error messages and in provenance.
ParseResult parseMarkdown(std::string_view utf8, const std::string& name, const ParseOptions& opt = {});
ParseResult parsePlainText(std::string_view utf8, const std::string& name, const ParseOptions& opt = {});
ParseResult parseCsv(std::string_view utf8, const std::string& name, const ParseOptions& opt = {});
ParseResult parseJsonCanvas(std::string_view utf8, const std::string& name, const ParseOptions& opt = {});
/// A JSON Canvas file read as a stream (memory for its candidates, not for the file), `size` its
/// size for progress. std::nullopt when it is not UTF-8 JSON: the caller then reads it whole,
/// through decodeText and parseJsonCanvas, for another encoding or the error with its line.
std::optional<ParseResult> parseJsonCanvasFile(const std::string& path, std::uintmax_t size, const ParseOptions& opt = {});
ParseResult parsePdf(std::string_view bytes, const std::string& name, const ParseOptions& opt = {});
ParseResult parseDocx(std::string_view bytes, const std::string& name, const ParseOptions& opt = {});

/// Reads a file (bounded by kMaxImportBytes), picks the parser by extension and content, decodes
/// text formats, and parses. Throws ImportError naming the file and the reason.
ParseResult parseFile(const std::string& path, const ParseOptions& opt = {});

}  // namespace cc::import
