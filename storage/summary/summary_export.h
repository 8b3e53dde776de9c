#pragma once
// Writing the monthly summary (canvas/summary.h) for the board of directors: PDF (Cairo + Pango),
// HTML (one self-contained file), Markdown, CSV (the appendix table) and JSON (every figure).
// Every writer writes through an OutputFile (output_file.h): a temporary file renamed into place,
// so a failed export leaves no partial file and a link planted in a shared folder is never followed.

#include <optional>
#include <stdexcept>
#include <string>

#include "canvas/summary.h"
#include "canvas/wording.h"  // message(): a SummaryError reads in the interface language

namespace cc {
struct Wording;
}

namespace cc::summary {

/// An export that could not be written; one line naming the file and the reason.
class SummaryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Lang { En, Zh };

/// Gives the summary its headings and labels in `lang`, looked up through `wording` (the edge's
/// catalogue in that language) once, now: call it at start-up, before summaries are written.
/// Until then a language has the English ones.
void setLabelWording(Lang lang, const Wording& wording);
enum class Format { Pdf, Html, Markdown, Csv, Json };

/// The format for an output path, by its extension (.pdf .html .htm .md .csv .json).
std::optional<Format> formatFromPath(const std::string& path);
std::optional<Lang> langFromString(const std::string& s);

/// Writes the summary to `path` (through a temporary file and a rename). Throws SummaryError.
void exportSummary(const MonthlySummary& s, const std::string& path, Format format, Lang lang);

// The writers, each writing a whole file at `path` through an OutputFile.
void writePdf(const MonthlySummary& s, const std::string& path, Lang lang);
void writeHtml(const MonthlySummary& s, const std::string& path, Lang lang);
void writeMarkdown(const MonthlySummary& s, const std::string& path, Lang lang);
void writeCsv(const MonthlySummary& s, const std::string& path, Lang lang);
void writeJson(const MonthlySummary& s, const std::string& path, Lang lang);

}  // namespace cc::summary
