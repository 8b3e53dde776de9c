#include "storage/summary/summary_export.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace cc::summary {

std::optional<Format> formatFromPath(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".pdf") return Format::Pdf;
    if (ext == ".html" || ext == ".htm") return Format::Html;
    if (ext == ".md" || ext == ".markdown") return Format::Markdown;
    if (ext == ".csv") return Format::Csv;
    if (ext == ".json") return Format::Json;
    return std::nullopt;
}

std::optional<Lang> langFromString(const std::string& s) {
    if (s == "en") return Lang::En;
    if (s == "zh") return Lang::Zh;
    return std::nullopt;
}

void exportSummary(const MonthlySummary& s, const std::string& path, Format format, Lang lang) {
    // Each writer writes through an OutputFile: a failed export leaves no partial file, and the
    // destination is replaced in one step.
    try {
        switch (format) {
            case Format::Pdf: writePdf(s, path, lang); break;
            case Format::Html: writeHtml(s, path, lang); break;
            case Format::Markdown: writeMarkdown(s, path, lang); break;
            case Format::Csv: writeCsv(s, path, lang); break;
            case Format::Json: writeJson(s, path, lang); break;
        }
    } catch (const SummaryError&) {
        throw;
    } catch (const std::exception& e) {
        throw SummaryError(message(CC_TEMPLATE("{1}: {2}"), {path, e.what()}));
    }
}

}  // namespace cc::summary
