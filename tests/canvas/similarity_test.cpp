// The similarity engine's rules, one at a time: words (Chinese segmented, English stemmed, widths
// and case folded, stop words dropped), the near-duplicate rule with each variation it allows and
// the ones it does not, similar notes, suggested groups and their titles, and the scope of a board.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "canvas/board_factory.h"
#include "canvas/editor.h"
#include "canvas/similarity.h"

using namespace cc;
using namespace cc::similarity;

namespace {

bool has(const std::vector<std::string>& words, const std::string& w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

std::string joined(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words) s += w + "|";
    return s;
}

}  // namespace

TEST(SimilarityWords, ChineseComesOutAsWordsNotCharacters) {
    const auto w = tokenize("退货太慢正在流失年轻家庭客户");
    for (const char* word : {"退货", "流失", "年轻", "家庭", "客户"}) EXPECT_TRUE(has(w, word)) << word << " in " << joined(w);
    EXPECT_FALSE(has(w, "退")) << joined(w);
    const auto bank = tokenize("信用卡被盗刷了，银行说要我自己证明");
    for (const char* word : {"信用卡", "银行", "证明"}) EXPECT_TRUE(has(bank, word)) << word << " in " << joined(bank);
}

TEST(SimilarityWords, EnglishIsLowerCasedAndStemmed) {
    const auto w = tokenize("Refunds REFUNDED refunding; Delivery deliveries");
    EXPECT_EQ(std::count(w.begin(), w.end(), "refund"), 3) << joined(w);
    EXPECT_EQ(std::count(w.begin(), w.end(), "deliveri"), 2) << joined(w);
}

TEST(SimilarityWords, StopWordsNumbersAndPunctuationAreDropped) {
    EXPECT_EQ(tokenize("The app is very slow, and it was 3.2% of the time!"), (std::vector<std::string>{"app", "slow", "time"}));
    const auto zh = tokenize("我们的客户都很满意。");
    EXPECT_FALSE(has(zh, "的"));
    EXPECT_FALSE(has(zh, "我们"));
    EXPECT_TRUE(has(zh, "客户")) << joined(zh);
}

TEST(SimilarityWords, FullWidthFormsAreTheOrdinaryOnes) {
    EXPECT_EQ(tokenize("ＡＰＰ　Ｃｒａｓｈｅｓ"), tokenize("app crashes"));
}

TEST(SimilarityWords, UnknownChineseRunsAlsoGiveBigrams) {
    // Characters the dictionary keeps apart still meet as neighbours.
    const auto w = tokenize("龘靐齉");
    EXPECT_TRUE(has(w, "龘靐")) << joined(w);
    EXPECT_TRUE(has(w, "靐齉")) << joined(w);
}

TEST(SimilarityDuplicates, EachAllowedVariationGivesTheSameKey) {
    const std::string zh = duplicateKey("退货申请提交后两周还没有收到退款");
    ASSERT_FALSE(zh.empty());
    EXPECT_EQ(duplicateKey("退货申请提交后，两周还没有收到退款！"), zh) << "punctuation";
    EXPECT_EQ(duplicateKey("退货申请 提交后 两周还没有收到退款"), zh) << "spacing";
    EXPECT_EQ(duplicateKey("退货申请提交后两周还没有收到退款（来源：问卷）"), zh) << "full-width bracket remark";
    EXPECT_EQ(duplicateKey("退货申请提交后两周还没有收到退款【来源：客户反馈】"), zh) << "lenticular bracket remark";
    EXPECT_EQ(duplicateKey("退货申请提交后两周还没有收到退款 —— 客服热线 11月"), zh) << "dash remark";
    EXPECT_EQ(duplicateKey("退货申请提交后两周还没有收到退款 - 客户投诉"), zh) << "a source kind's Chinese name";

    const std::string en = duplicateKey("Refund still not received two weeks later");
    EXPECT_EQ(duplicateKey("REFUND still not received, two weeks later."), en) << "case and punctuation";
    EXPECT_EQ(duplicateKey("Ｒｅｆｕｎｄ still not received two weeks later"), en) << "full width";
    EXPECT_EQ(duplicateKey("Refund still not received two weeks later - survey 2026"), en) << "dash remark";
    EXPECT_EQ(duplicateKey("Refund still not received two weeks later (source: NPS survey)"), en) << "bracket remark";
    EXPECT_EQ(duplicateKey("Refund still not received two weeks later -- Customer complaints"), en) << "source kind's name";
    EXPECT_EQ(duplicateKey("Refund still not received two weeks later (focus group)"), en) << "source kind's key";
    EXPECT_EQ(duplicateKey("Refund still\nnot received two weeks later  "), en) << "line breaks and trailing spaces";
}

TEST(SimilarityDuplicates, WhatTheRuleDoesNotForgive) {
    const std::string en = duplicateKey("Returns are slow");
    EXPECT_NE(duplicateKey("Returns are slow (after the sale)"), en) << "a remark that names no source";
    EXPECT_NE(duplicateKey("Returns are very slow"), en) << "another word";
    EXPECT_NE(duplicateKey("网点只有两个窗口开着"), duplicateKey("网点只有三个窗口开着")) << "another number";
    EXPECT_NE(duplicateKey("Returns (source: survey) are slow"), en) << "a remark in the middle";
    EXPECT_NE(duplicateKey("Returns are slow (source: a very long remark that goes on and on for more than forty characters)"), en)
        << "a remark longer than 40 characters";
    EXPECT_NE(duplicateKey("Returns are slow - fromage"), en) << "an English source word is a whole word";
    EXPECT_EQ(duplicateKey("!!! ，。"), "") << "nothing left";
    EXPECT_EQ(duplicateKey("(source: survey)"), "sourcesurvey") << "a text that is only a remark keeps it";
}

TEST(SimilarityDuplicates, PairsTheFirstOfEachSetWithTheOthers) {
    Index index({{"a", "Returns are slow"}, {"b", "Something else entirely"}, {"c", "returns are slow!"},
                 {"d", "Returns are slow (source: survey)"}, {"e", "!!!"}, {"f", "!!"}});
    using P = std::pair<std::string, std::string>;
    EXPECT_EQ(index.duplicates(), (std::vector<P>{{"a", "c"}, {"a", "d"}}));
}

TEST(SimilarityNotes, MostSimilarFirstWithinLimitAndNoneForAnUnknownId) {
    Index index({{"r1", "Refund took three weeks after the return"},
                 {"r2", "The refund for my return took weeks"},
                 {"r3", "Return accepted but no refund yet"},
                 {"a1", "The app crashes at login"},
                 {"z1", "退款到账太慢"},
                 {"z2", "退款两周还没到账"}});
    const auto s = index.similar("r1", 10);
    ASSERT_GE(s.size(), 2u);
    EXPECT_EQ(s[0].id, "r2");
    EXPECT_EQ(s[1].id, "r3");
    for (std::size_t i = 0; i < s.size(); ++i) {
        EXPECT_GT(s[i].score, 0);
        EXPECT_LE(s[i].score, 1);
        if (i) {
            EXPECT_GE(s[i - 1].score, s[i].score);
        }
        EXPECT_NE(s[i].id, "r1");
        EXPECT_NE(s[i].id, "a1") << "no word in common";
    }
    EXPECT_EQ(index.similar("r1", 1).size(), 1u);
    const auto zh = index.similar("z1", 10);
    ASSERT_FALSE(zh.empty());
    EXPECT_EQ(zh[0].id, "z2");
    EXPECT_TRUE(index.similar("nope", 10).empty());
    EXPECT_FALSE(index.contains("nope"));
    EXPECT_TRUE(index.contains("r1"));
}

TEST(SimilarityGroups, ThemesWithTitlesFromTheirCommonWords) {
    Index index({{"r1", "Refund took three weeks after the return"},
                 {"r2", "The refund for my return took weeks"},
                 {"r3", "Return accepted but no refund for weeks"},
                 {"z1", "手机银行闪退，转账失败"},
                 {"z2", "手机银行又闪退了"},
                 {"z3", "手机银行转账时闪退"},
                 {"x1", "Parking at the branch is hard"}});
    const auto groups = index.suggest();
    ASSERT_EQ(groups.size(), 2u);
    std::vector<std::string> zh = groups[0].notes, en = groups[1].notes;
    if (zh.front()[0] != 'z') std::swap(zh, en);
    std::sort(zh.begin(), zh.end());
    std::sort(en.begin(), en.end());
    EXPECT_EQ(zh, (std::vector<std::string>{"z1", "z2", "z3"}));
    EXPECT_EQ(en, (std::vector<std::string>{"r1", "r2", "r3"}));
    for (const auto& g : groups) {
        if (g.notes.front()[0] == 'z') {
            EXPECT_EQ(g.title.find(' '), std::string::npos) << "Chinese words joined without spaces: " << g.title;
            EXPECT_NE(g.title.find("手机银行"), std::string::npos) << g.title;
            EXPECT_NE(g.title.find("闪退"), std::string::npos) << g.title;
        } else {
            EXPECT_NE(g.title.find("refund"), std::string::npos) << g.title;
            EXPECT_NE(g.title.find(' '), std::string::npos) << "English words joined with spaces: " << g.title;
        }
    }
}

TEST(SimilarityScope, TrayOrTheWholeBoardButNeverTheArchive) {
    Document doc{makeBoard("S")};
    Editor editor{doc, "tester"};
    const std::string wall = editor.addNoteInQuadrant(editor.makeNote("on the wall", "survey"), 2);
    Note t = editor.makeNote("in the tray", "survey");
    t.state = NoteState::Tray;
    const std::string tray = editor.addNote(t);
    Note a = editor.makeNote("archived", "survey");
    a.state = NoteState::Tray;
    const std::string archived = editor.addNote(a);
    Note gone = *doc.note(archived);
    gone.state = NoteState::Archived;
    editor.updateNote(gone);
    const auto ids = [](const std::vector<Item>& items) {
        std::vector<std::string> out;
        for (const auto& i : items) out.push_back(i.id);
        return out;
    };
    EXPECT_EQ(ids(itemsOf(doc, Scope::Tray)), (std::vector<std::string>{tray}));
    auto both = std::vector<std::string>{wall, tray};
    std::sort(both.begin(), both.end());
    EXPECT_EQ(ids(itemsOf(doc, Scope::Board)), both);
}

// Any bytes at all (a board is untrusted): words and keys come out as valid UTF-8, bounded, and
// adding punctuation, spaces or a source remark never changes a key.
RC_GTEST_PROP(SimilarityAnyText, WordsAndKeysAreSoundForAnyBytes, (const std::string& bytes)) {
    const auto words = tokenize(bytes);
    RC_ASSERT(words.size() <= kMaxWordsPerNote);
    for (const auto& w : words) {
        RC_ASSERT(!w.empty());
        RC_ASSERT(isValidUtf8(w));
    }
    const std::string key = duplicateKey(bytes);
    RC_ASSERT(isValidUtf8(key));
    // (A text that may end in a remark of its own is left out: only one remark goes.)
    if (bytes.find_first_of("()[]-") == std::string::npos && bytes.find("—") == std::string::npos &&
        bytes.find("–") == std::string::npos && bytes.find("】") == std::string::npos && bytes.find("）") == std::string::npos) {
        RC_ASSERT(duplicateKey(bytes + "！ ") == key);
        if (!key.empty()) RC_ASSERT(duplicateKey(bytes + "（来源：问卷）") == key);
    }
    Index index({{"a", bytes}, {"b", bytes + "!"}, {"c", "other words"}});
    for (const auto& s : index.similar("a", 5)) RC_ASSERT(s.score > 0 && s.score <= 1);
    for (const auto& g : index.suggest()) RC_ASSERT(g.notes.size() >= 2);
}
