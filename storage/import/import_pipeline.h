#pragma once
// The import pipeline: parsed candidates become notes, in the tray or pinned to a quadrant, as one
// change set (one undo step). A JSON Canvas group becomes an insight in the same change set,
// citing the notes made of the text nodes inside it (tray notes too), in the quadrant the
// notes are pinned to (none when they go to the tray). Importing the same material again adds nothing: a candidate whose
// source file and text match a note already on the board (or earlier in the same import) is a
// duplicate and is skipped.

#include <string>
#include <vector>

#include "storage/import/candidate.h"
#include "canvas/editor.h"

namespace cc::import {

struct ImportOptions {
    std::string source;            ///< source-kind key; empty: survey for CSV/TSV, else other
    std::string date;              ///< YYYY-MM-DD for every candidate; empty: a date column, else the file's date
    int pinQuadrant = 0;           ///< 1-4: pin the notes there; 0: into the tray
    std::vector<std::string> tags; ///< added to every note
    ParseOptions parse;
};

/// One file's part of an import.
struct FileReport {
    std::string file;
    std::string format, encoding;
    std::size_t candidates = 0, added = 0, duplicates = 0, links = 0;
    std::size_t insights = 0;  ///< JSON Canvas groups made insights
    /// What was left out or changed on the way, a short phrase each (the parser's remarks, and
    /// texts too long for one note that were split): said wherever the report is shown.
    std::vector<std::string> remarks;
};

/// A parsed file waiting to be added.
struct ParsedFile {
    std::string path;
    ParseResult result;
    std::string fileDate;  ///< the file's own modification date, YYYY-MM-DD
};

/// Parses one file (bounded, never touches a board). Throws ImportError.
ParsedFile parseForImport(const std::string& path, const ParseOptions& opt);

/// Builds the change set that adds parsed files to the board, filling in the reports.
/// Throws ImportError for bad options (an unknown source kind, a wrong date).
ChangeSet buildImport(const Document& doc, const std::vector<ParsedFile>& files, const ImportOptions& opt,
                      const std::string& author, std::vector<FileReport>& reports);

/// Parses every file, then adds them all in one change set through the editor: all or nothing.
std::vector<FileReport> importFiles(Editor& editor, const std::vector<std::string>& paths, const ImportOptions& opt);

/// The default source kind for a format (survey for CSV/TSV, other otherwise).
std::string defaultSource(const std::string& format);

}  // namespace cc::import
