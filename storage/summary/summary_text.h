#pragma once
// Private helpers of the summary writers: the labels in each language, number and figure
// formatting, source-kind and quadrant names, and writing a whole file (throwing on failure).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/summary/summary_export.h"

namespace cc::summary {

/// Every heading and label of the summary, in one language.
struct Labels {
    std::string title, board, month, generated;
    std::string noData, noDataDetail;
    std::array<std::string, 8> sections;
    std::string notesOnWall, newNotes, changedNotes, sourceKindsUsed, corroboratedInsights, openContradictions;
    std::string figure, value, previous, change, vsLastMonth;
    std::string legendNew, corroborated, contested, quadrant, notesCount, noNotes;
    std::string source, date, provenance, votes, author, segment, score;
    std::string sideA, sideB, suggestedResearch, noQuestions, question;
    std::string bySource, dataKind, channel, quantitative, qualitative, direct, indirect, internal, either;
    std::string byQuadrant, unusedThisMonth, unusedThreeMonths, thinQuadrants, oneSidedQuadrants, none;
    std::string added, archived, deleted, moved, linksAdded, linksRemoved, nothingChanged, from, to, link;
    std::string isNew, isChanged, yes, no, noAppendix;
    std::array<std::string, 16> columns;  // the appendix table (CSV columns, in order)
    // The insights (section 3) and the appendix of notes in no insight (section 8).
    std::string unplacedInsights, noInsights, statement, strength, evidenceNotes, noEvidence, insightState;
    std::string strong, moderate, weak, draft, agreed, singleNotesIntro;
    // The CSV's columns after the 16 of the appendix: what the row is, and an insight's fields.
    std::array<std::string, 7> insightColumns;  // record, state, grade, score, reasons, evidence, insights
    std::string recordInsight, recordNote;
    std::string kind, count;
    std::string more, page, quadrantShort;  // templates: "… and {1} more", "Page {1} of {2}", "Q{1} {2}"
    std::string supports, conflicts, relates;  // the link kinds
    // The punctuation between words, which Chinese writes full-width: ": " (：) after a label,
    // ":" (：) inside a bold label, ", " (、) between the items of a list, "; " (；) between clauses.
    // " (" and ")" around a count or an aside (（ and ）).
    std::string colon, colonMark, listSep, clauseSep, parenOpen, parenClose;
};

const Labels& labels(Lang lang);

/// "+3", "−1" (U+2212), "±0".
std::string signedChange(int change);
/// "… and 12 more (the full list is in the CSV and JSON exports)".
std::string moreLabel(Lang lang, std::size_t n);
/// "Page 3 of 12" / "第 3 页，共 12 页".
std::string pageLabel(Lang lang, int page, int pages);
/// The source kind's name in the language (the key when unknown).
std::string sourceName(std::string_view key, Lang lang);
std::string sourceName(const CitedNote& n, Lang lang);
/// The quadrant's title from the board (1-4), or a label when the board has none.
std::string quadrantTitle(const MonthlySummary& s, int q, Lang lang);
/// "Q2 Title" style short label.
std::string quadrantLabel(const MonthlySummary& s, int q, Lang lang);
/// The note's title, or the start of its text when it has no title.
std::string noteHeadline(const CitedNote& n, std::size_t maxChars = 80);
/// Cuts a UTF-8 string to at most maxChars code points, adding "…".
std::string truncateUtf8(std::string_view s, std::size_t maxChars);
/// A source key's colour (0xRRGGBB) from the source-kind table.
std::uint32_t sourceColour(std::string_view key);
/// "#RRGGBB".
std::string hexColour(std::uint32_t rgb);
/// The link kind key as a word.
std::string linkKindName(const std::string& kind, Lang lang);
/// Joins source-kind names.
std::string joinSources(const std::vector<std::string>& keys, Lang lang, std::string_view sep = {});
std::string joinQuadrants(const MonthlySummary& s, const std::vector<int>& qs, Lang lang, std::string_view sep = {});
/// The 16 appendix fields of a note, in column order (as CSV writes them). All are text but the
/// votes, a number the program formats.
std::vector<std::string> appendixRow(const MonthlySummary& s, const CitedNote& n, Lang lang);
/// Where appendixRow puts the votes.
constexpr std::size_t kAppendixVotesColumn = 9;
/// An insight's grade ("strong") and state ("draft") as words in the language.
std::string gradeName(const std::string& grade, Lang lang);
std::string stateName(const std::string& state, Lang lang);
/// The strength reasons of an insight in the language (the English ones when the summary was
/// computed without that language's wording).
const std::vector<std::string>& reasonsFor(const CitedInsight& i, Lang lang);
/// The reasons joined in the language ("3 source kinds, 2 direct; newest 2026-11").
std::string reasonsLine(const CitedInsight& i, Lang lang);
/// "strong (82)": the grade and score.
std::string strengthLine(const CitedInsight& i, Lang lang);
/// The wordings summaryOfBoard words the reasons through, in the order reasonsFor reads them
/// (English, Chinese): each the catalogue's templates of the strength rule, looked up at
/// setLabelWording like the labels.
std::vector<const Wording*> reasonWordings();
/// The title of an insight section's group: the quadrant's label, or "Insights not yet in a quadrant" for 0.
std::string insightGroupTitle(const MonthlySummary& s, int q, Lang lang);

/// The provenance as one line: "file · location".
std::string provenanceLine(const CitedNote& n);

/// Writes bytes as the whole file at path (an OutputFile); throws SummaryError naming the path.
void writeWholeFile(const std::string& path, std::string_view bytes);

}  // namespace cc::summary
