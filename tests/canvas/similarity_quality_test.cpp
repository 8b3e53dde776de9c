// The similarity engine's quality on a labelled set written for the purpose
// (tests/fixtures/similarity/notes.tsv: a bank's and a retailer's customer-insight notes, Chinese
// and English, 8 themes, paraphrases and marked near-duplicates). Measured, then held: the test
// fails when a figure drops below what was measured when the thresholds were set (README,
// "Sorting candidates" and the benchmark table, gives the figures).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "canvas/similarity.h"

using namespace cc::similarity;

namespace {

// The floors, set a little under what was measured on 2026-12-08 (precision@3 0.572; 33 groups,
// purity 0.860, 0.877 of the notes grouped). The grouping thresholds in similarity.h were chosen
// on this same set (there is no held-out set yet), so these figures are optimistic for new text.
// A paraphrase in the other language is never found: the engine compares words, not meanings.
constexpr double kP3Floor = 0.55;
constexpr double kPurityFloor = 0.83;
constexpr double kCoverageFloor = 0.85;

struct Labelled {
    std::vector<Item> items;
    std::map<std::string, std::string> theme;
    std::map<std::string, std::string> dupOf;  // id -> the note it duplicates
};

Labelled load() {
    Labelled l;
    std::ifstream in(CC_SIMILARITY_FIXTURES "/notes.tsv");
    EXPECT_TRUE(in) << CC_SIMILARITY_FIXTURES "/notes.tsv";
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, '\t')) f.push_back(cell);
        if (f.size() != 4) {
            ADD_FAILURE() << "not 4 columns: " << line;
            continue;
        }
        l.items.push_back({f[0], f[3]});
        l.theme[f[0]] = f[1];
        if (!f[2].empty()) l.dupOf[f[0]] = f[2];
    }
    return l;
}

/// The root of a note's duplicate set.
std::string root(const Labelled& l, std::string id) {
    for (auto it = l.dupOf.find(id); it != l.dupOf.end(); it = l.dupOf.find(id)) id = it->second;
    return id;
}

}  // namespace

TEST(SimilarityQuality, TheLabelledSetIsWhatItSays) {
    const Labelled l = load();
    EXPECT_GE(l.items.size(), 150u);
    std::set<std::string> themes;
    for (const auto& [id, t] : l.theme) themes.insert(t);
    EXPECT_EQ(themes.size(), 8u);
    EXPECT_GE(l.dupOf.size(), 30u);
    for (const auto& [id, of] : l.dupOf) EXPECT_EQ(l.theme.at(of), l.theme.at(id)) << id;
}

TEST(SimilarityQuality, NearDuplicatesAreFoundPrecisely) {
    const Labelled l = load();
    const Index index(l.items);
    const auto pairs = index.duplicates();
    std::size_t right = 0;
    for (const auto& [a, b] : pairs) {
        if (root(l, a) == root(l, b)) ++right;
        else ADD_FAILURE() << "not a labelled near-duplicate: " << a << " " << b;
    }
    const double precision = pairs.empty() ? 0 : static_cast<double>(right) / static_cast<double>(pairs.size());
    const double recall = static_cast<double>(right) / static_cast<double>(l.dupOf.size());
    std::printf("near-duplicates: %zu pairs found, precision %.3f, recall %.3f (%zu labelled)\n", pairs.size(), precision,
                recall, l.dupOf.size());
    RecordProperty("duplicate_precision", std::to_string(precision));
    RecordProperty("duplicate_recall", std::to_string(recall));
    // Measured 1.000 and 1.000: every labelled variation is allowed by the rule, and the hard
    // negatives (another number, a remark that names no source) are not.
    EXPECT_GE(precision, 1.0);
    EXPECT_GE(recall, 1.0);
}

TEST(SimilarityQuality, SimilarNotesShareTheirTheme) {
    const Labelled l = load();
    const Index index(l.items);
    std::size_t hits = 0, asked = 0;
    for (const auto& item : l.items) {
        const auto s = index.similar(item.id, 3);
        for (std::size_t k = 0; k < 3; ++k) {
            ++asked;
            if (k < s.size() && l.theme.at(s[k].id) == l.theme.at(item.id)) ++hits;
        }
    }
    const double p3 = static_cast<double>(hits) / static_cast<double>(asked);
    std::printf("similar notes: precision@3 %.3f over %zu notes\n", p3, l.items.size());
    RecordProperty("precision_at_3", std::to_string(p3));
    EXPECT_GE(p3, kP3Floor);
}

TEST(SimilarityQuality, SuggestedGroupsArePure) {
    const Labelled l = load();
    const Index index(l.items);
    const auto groups = index.suggest();
    std::size_t grouped = 0, majority = 0;
    for (const auto& g : groups) {
        std::map<std::string, std::size_t> count;
        for (const auto& id : g.notes) ++count[l.theme.at(id)];
        std::size_t most = 0;
        std::string theme;
        for (const auto& [t, c] : count)
            if (c > most) {
                most = c;
                theme = t;
            }
        grouped += g.notes.size();
        majority += most;
        std::printf("  %-10s %2zu/%2zu  %s\n", theme.c_str(), most, g.notes.size(), g.title.c_str());
    }
    const double purity = grouped ? static_cast<double>(majority) / static_cast<double>(grouped) : 0;
    const double coverage = static_cast<double>(grouped) / static_cast<double>(l.items.size());
    std::printf("suggested groups: %zu groups, purity %.3f, %.3f of the notes grouped\n", groups.size(), purity, coverage);
    RecordProperty("group_purity", std::to_string(purity));
    RecordProperty("group_coverage", std::to_string(coverage));
    EXPECT_GE(purity, kPurityFloor);
    EXPECT_GE(coverage, kCoverageFloor);
    for (const auto& g : groups) EXPECT_FALSE(g.title.empty());
}
