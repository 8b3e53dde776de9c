#pragma once
// The monthly board summary, computed: what the board of directors reads once a month. The
// board as it stood at the end of any month is rebuilt from the change log (history.h), so the
// month-over-month comparison works even when no summary was exported the month before.
// Exporters (storage/summary/) only lay these figures out.

#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "canvas/document.h"
#include "canvas/queries.h"
#include "canvas/wording.h"

namespace cc {

/// A calendar month.
struct Month {
    int year = 0, month = 0;  ///< month 1-12

    /// Parses YYYY-MM; nullopt for anything else (2026-13, 26-01, 2026-1).
    static std::optional<Month> parse(std::string_view s);
    std::string str() const;  ///< YYYY-MM
    Month previous() const;
    Millis start() const;     ///< first millisecond (UTC)
    Millis end() const;       ///< first millisecond of the next month (exclusive)
    bool contains(const std::string& date) const;  ///< a YYYY-MM-DD date in this month
    bool operator==(const Month&) const = default;
};

/// A figure with its value at the end of the month before.
struct Figure {
    int value = 0;
    int previous = 0;
    int change() const { return value - previous; }
};

/// A note as the summary cites it: its text and its evidence.
struct CitedNote {
    std::string id, title, text, source, sourceName, sourceNameZh, date, author, segment;
    std::string provenanceFile, provenanceLocation, provenanceExcerpt;
    int quadrant = 0, votes = 0;
    bool customerInitiated = false, corroborated = false, contested = false, newInMonth = false;
    int supportKinds = 0;  ///< distinct source kinds among its supporters
    std::vector<std::string> insights;  ///< the draft and agreed insights citing it (appendix notes only)
    double score = 0;      ///< the ranking score of the strongest insights
};

/// An insight as the summary presents it: its own fields, its computed evidence strength and the
/// notes it cites (as they stood at the end of the month).
struct CitedInsight {
    std::string id, title, statement, author;
    std::string state;  ///< draft | agreed (retired insights are left out of the summary)
    int quadrant = 0, votes = 0;
    bool newInMonth = false;
    std::string grade;  ///< strong | moderate | weak (evidence_strength.h)
    int score = 0;      ///< 0-100
    /// The reasons in words, once per wording given to summarise() (the first is English when
    /// none was given): the exporter picks its language's list (see reasonsFor).
    std::vector<std::vector<std::string>> reasons;
    std::vector<CitedNote> evidence;  ///< in the insight's order
};

/// A contradiction as an open question.
struct OpenQuestion {
    std::string linkId, label;
    CitedNote a, b;
    std::vector<std::string> suggestedSources;  ///< source-kind keys neither side used
};

/// What changed between the end of the month before and the end of the month.
struct MonthChanges {
    std::vector<CitedNote> added, archived, deleted;
    struct Move {
        CitedNote note;
        int from = 0, to = 0;
    };
    std::vector<Move> moved;
    struct LinkChange {
        std::string id, kind, label, fromTitle, toTitle;
    };
    std::vector<LinkChange> linksAdded, linksRemoved;
};

/// A note drawn on the summary's canvas picture.
struct PictureNote {
    double x = 0, y = 0, w = 0, h = 0;
    std::uint32_t colour = 0;
    std::string title;
    bool newInMonth = false, corroborated = false, contested = false;
};

struct MonthlySummary {
    std::string boardTitle, boardTemplate;
    Month month;
    std::string generated;  ///< YYYY-MM-DD HH:MM UTC, from the system clock
    bool empty = false;     ///< no notes on the wall at the end of the month and nothing changed
    std::array<QuadrantInfo, 4> quadrants;
    double wallWidth = 0, wallHeight = 0;

    // 1. Headline figures.
    Figure notesOnWall, newNotes, changedNotes, sourceKindsUsed, corroborated, openContradictions;
    // 2. The canvas as a picture.
    std::vector<PictureNote> picture;
    // 3. The insights per quadrant, strongest first (index 0 = not yet in a quadrant, 1-4 the
    //    quadrants): draft and agreed ones, as they stood at the end of the month.
    std::array<std::vector<CitedInsight>, 5> insights;
    // 8. Appendix: per quadrant (index 0 = quadrant 1), the strongest single notes on the wall that
    //    no draft or agreed insight cites (candidates for synthesis).
    std::array<std::vector<CitedNote>, 4> strongest;
    // 4. Contradictions as open questions.
    std::vector<OpenQuestion> questions;
    // 5. Source coverage.
    std::vector<std::pair<std::string, int>> bySource;  ///< source key -> notes on the wall, table order
    int quantitative = 0, qualitative = 0;
    int direct = 0, indirect = 0, internal = 0, eitherChannel = 0;
    std::vector<std::string> unusedThisMonth;       ///< source kinds with no evidence gathered in the month
    std::vector<std::string> unusedThreeMonths;     ///< ... nor in the two months before
    std::array<int, 4> notesByQuadrant{};
    std::vector<int> thinQuadrants;                 ///< quadrants with few notes (1-4)
    std::vector<int> oneSidedQuadrants;             ///< quadrants with only quantitative or only qualitative notes
    // 6. What changed.
    MonthChanges changes;
    // 7. Appendix: the month's new and changed notes.
    std::vector<CitedNote> appendix;
};

/// How many strongest single notes per quadrant (the appendix of notes in no insight), and below
/// how many notes a quadrant is thin.
inline constexpr std::size_t kStrongestPerQuadrant = 5;
inline constexpr int kThinQuadrant = 5;

/// Computes the summary of `month` from the board at the end of the month and at the end of the
/// month before (both rebuilt from the change log), and the change sets committed in the month.
/// The insights' strength reasons are worded once through each of `reasonWordings` (English
/// alone when it is empty); their strength is judged as of the month's last day (or today's
/// date, when that is earlier).
MonthlySummary summarise(const Document& atEnd, const Document& atPreviousEnd, const Month& month,
                         const std::vector<ChangeSet>& monthChanges, Millis now,
                         const std::vector<const Wording*>& reasonWordings = {});

}  // namespace cc
