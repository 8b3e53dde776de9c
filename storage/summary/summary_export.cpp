#include "summary_export.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
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
    const std::filesystem::path target(path);
    std::error_code ec;
    const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(dir, ec)) throw SummaryError(path + ": no such folder");
    if (std::filesystem::is_directory(target, ec)) throw SummaryError(path + ": is a folder");
    const std::string tmp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
    try {
        switch (format) {
            case Format::Pdf: writePdf(s, tmp, lang); break;
            case Format::Html: writeHtml(s, tmp, lang); break;
            case Format::Markdown: writeMarkdown(s, tmp, lang); break;
            case Format::Csv: writeCsv(s, tmp, lang); break;
            case Format::Json: writeJson(s, tmp, lang); break;
        }
    } catch (const SummaryError& e) {
        // Name the file the person asked for, not the temporary one.
        std::remove(tmp.c_str());
        std::string msg = e.what();
        for (std::size_t at; (at = msg.find(tmp)) != std::string::npos;) msg.replace(at, tmp.size(), path);
        throw SummaryError(msg);
    } catch (const std::exception& e) {
        std::remove(tmp.c_str());
        throw SummaryError(path + ": " + e.what());
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw SummaryError(path + ": cannot be written (permission denied?)");
    }
}

}  // namespace cc::summary
