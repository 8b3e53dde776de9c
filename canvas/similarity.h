#pragma once
// Sorting candidates, offline: near-duplicate notes, the notes most like a note, and suggested
// groups of notes with a proposed title. Chinese and English; no network, no GUI. Pure: the same
// notes give the same answers. (This file needs only the standard library; similarity.cpp uses
// ICU and Snowball, Debian's libicu-dev and libstemmer-dev.)
//
// Words (tokens). A text is normalised with NFKC and case-folded (full-width letters, digits and
// punctuation become their ordinary forms; "ＡＢＣ" and "abc" are the same), then split into words
// with ICU's word break iterator, whose dictionary segments Chinese into words ("退货申请提交后" ->
// 退货, 申请, 提交; 后 is a stop word). English words are stemmed with Snowball's English stemmer ("refunds",
// "refunded" -> "refund"). Numbers, punctuation and stop words (a short list per language, in
// similarity.cpp) are dropped. Where the dictionary gives single Chinese characters in a row (a
// word it does not know: 客|服), each two neighbours make a word instead (a character bigram:
// 客服); a single character on its own stays a word.
//
// Near-duplicates: two notes are near-duplicates when their duplicate keys are equal and not
// empty. The key of a text is made in this order:
//   1. NFKC and case folding (full/half width and case no longer count);
//   2. one trailing source remark is dropped, if there is one: at the very end of the text,
//      either a bracketed remark — (…) （…） […] 【…】 — or a remark after a dash (" - ", " – ",
//      " — ", "——" or " -- "), when the remark is at most kRemarkChars characters on one line and
//      begins with a source word: 来源 出处 摘自 引自 source src from via ref per, or a
//      source kind's key, English or Chinese name (see assets/source_kinds.tsv), or one of
//      survey interview questionnaire 问卷 访谈 调研 调查 客服 投诉. Examples: "（来源：问卷）",
//      "(source: NPS survey)", "- survey 2026", "—— 客服热线 11月";
//   3. every character that is not a letter, digit or combining mark is dropped (punctuation,
//      symbols, spaces, line breaks).
// So "退货太慢！" and "退货 太慢（来源：问卷）" are near-duplicates; "Returns are slow" and
// "Returns are slow (after the sale)" are not (the remark names no source).
//
// Similar notes: TF-IDF vectors over the words of the notes considered (weight (1 + ln tf) ×
// ln(1 + N / df), length-normalised); the score is their cosine, 0 to 1. Candidates come from an
// inverted index: on a large board only a note's rarer words (at most in 1 note of 20, and always
// its 3 rarest) gather them, and the best are scored with the exact cosine.
//
// Suggested groups: notes are grouped greedily around the most connected notes (each note's
// neighbours with score ≥ kGroupThreshold), then refined for a few rounds: groups whose centroids
// are kMergeThreshold close merge, and each note goes to the group whose centroid it is nearest
// when at least kAttachThreshold close, else to none (spherical k-means). Groups of one are not
// suggested. A group's title is its kTitleWords words of highest weight (members holding it ×
// the word's idf; single characters and words inside a chosen one skipped), in the order the members write them
// (their average place), each in its most frequent written form; Chinese words are joined without
// spaces, others with a space.
//
// Every size is bounded: at most kMaxNotes notes are considered (the first, in the order given),
// at most kMaxWordsPerNote words of each, and the results are limited.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "canvas/model.h"

namespace cc {
class Document;
}

namespace cc::similarity {

inline constexpr std::size_t kRemarkChars = 40;
inline constexpr std::size_t kMaxNotes = 100'000;
inline constexpr std::size_t kMaxWordsPerNote = 2'000;
inline constexpr std::size_t kMaxLimit = 100;       ///< the most similar notes one call returns
inline constexpr std::size_t kMaxGroups = 200;      ///< the most groups one call suggests
inline constexpr std::size_t kTitleWords = 3;
inline constexpr double kGroupThreshold = 0.25;
inline constexpr double kMergeThreshold = 0.2;   ///< two groups' centroids this close merge
inline constexpr double kAttachThreshold = 0.1;  ///< a note joins the nearest group this close

/// The words of a text as the index uses them (normalised, stemmed, stop words dropped), in order.
std::vector<std::string> tokenize(std::string_view text);

/// The near-duplicate key of a text (the rule above); empty when nothing is left.
std::string duplicateKey(std::string_view text);

/// One text to compare: a note's id and its text.
struct Item {
    std::string id;
    std::string text;
};

/// A note and how similar it is, 0 to 1.
struct Scored {
    std::string id;
    double score = 0;
};

/// A suggested group: a proposed title and its notes (most central first).
struct Group {
    std::string title;
    std::vector<std::string> notes;
};

/// Which notes of a board to consider.
enum class Scope {
    Tray,   ///< the candidates in the tray
    Board,  ///< every note in the tray or on the wall (archived notes are left out)
};

/// The notes of a board in scope, as items, oldest first (by time created, then id): the answers
/// do not depend on the order the board holds them in, and a near-duplicate pair names the older
/// note first (the one to keep when merging).
std::vector<Item> itemsOf(const Document& doc, Scope scope);

/// The index over a set of texts: build once, then ask.
class Index {
public:
    explicit Index(std::vector<Item> items);
    ~Index();
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;

    std::size_t size() const;
    /// True when a note with this id is in the index.
    bool contains(std::string_view id) const;
    /// The notes most like `id`, most similar first (ties by id), at most `limit` (≤ kMaxLimit),
    /// only those with a score above 0; empty when `id` is not in the index.
    std::vector<Scored> similar(std::string_view id, std::size_t limit) const;
    /// Every pair of near-duplicates: within a set of notes with the same key, the first (by the
    /// items' order) with each of the others. Pairs in the items' order.
    std::vector<std::pair<std::string, std::string>> duplicates() const;
    /// Suggested groups of two or more notes, largest first (at most kMaxGroups).
    std::vector<Group> suggest() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace cc::similarity
