#include <gtest/gtest.h>

#include "canvas/board_factory.h"
#include "canvas/geometry.h"
#include "canvas/model.h"
#include "canvas/source_kinds.h"
#include "canvas/templates.h"

using namespace cc;

TEST(Model, DatesMustBeRealCalendarDates) {
    EXPECT_TRUE(isValidDate("2026-11-22"));
    EXPECT_TRUE(isValidDate("2024-02-29"));
    EXPECT_FALSE(isValidDate("2026-02-29"));
    EXPECT_FALSE(isValidDate("2026-13-40"));
    EXPECT_FALSE(isValidDate("2026-1-4"));
    EXPECT_FALSE(isValidDate("26-11-22"));
    EXPECT_FALSE(isValidDate(""));
    EXPECT_FALSE(isValidDate("2026-11-2x"));
}

TEST(Model, Utf8Validation) {
    EXPECT_TRUE(isValidUtf8("App 转账失败率 3.2%"));
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_FALSE(isValidUtf8("\xff"));
    EXPECT_FALSE(isValidUtf8("\xe8\xbd"));          // truncated
    EXPECT_FALSE(isValidUtf8("\xc0\xaf"));          // overlong
    EXPECT_FALSE(isValidUtf8("\xed\xa0\x80"));      // surrogate
}

TEST(Model, NoteTitleIsTheFirstNonEmptyLine) {
    Note n;
    n.text = "\n  客户满意度下降  \nbody";
    EXPECT_EQ(noteTitle(n), "客户满意度下降");
}

TEST(Model, IdsAreUniqueAndPrefixed) {
    std::set<std::string> ids;
    for (int i = 0; i < 10000; ++i) ids.insert(newId("n"));
    EXPECT_EQ(ids.size(), 10000u);
    EXPECT_EQ(ids.begin()->substr(0, 2), "n-");
}

TEST(SourceKinds, TheShippedTableHasEveryKindOfTheDomain) {
    const auto& kinds = SourceKinds::builtin();
    for (const char* key : {"brain_scan", "census", "trend_spotting", "complaint", "feedback", "deep_immersion",
                            "customer_panel", "survey", "external_analysis", "focus_group", "mystery_shopping",
                            "omnibus_survey", "intuition", "previous_engagement", "staff_anecdote", "third_party_db",
                            "transaction_db", "voice_of_customer", "web_callcenter", "events", "other"})
        EXPECT_TRUE(kinds.contains(key)) << key;
    EXPECT_EQ(kinds.all().size(), 21u);
    const SourceKind* complaint = kinds.find("complaint");
    ASSERT_NE(complaint, nullptr);
    EXPECT_EQ(complaint->chinese, "客户投诉");
    EXPECT_EQ(complaint->data, DataKind::Qualitative);
    EXPECT_EQ(complaint->channel, Channel::Direct);
    EXPECT_TRUE(complaint->customerInitiated);
    EXPECT_EQ(kinds.find("census")->data, DataKind::Quantitative);
    EXPECT_EQ(kinds.find("census")->channel, Channel::Indirect);
    EXPECT_EQ(kinds.find("intuition")->channel, Channel::Internal);
    EXPECT_TRUE(kinds.find("other")->eitherData);
}

TEST(SourceKinds, ParseRefusesBrokenTables) {
    EXPECT_THROW(SourceKinds::parse("x\tX\t叉\tsometimes\tdirect\tno\t#FFFFFF\n"), std::runtime_error);
    EXPECT_THROW(SourceKinds::parse("x\tX\n"), std::runtime_error);
    EXPECT_THROW(SourceKinds::parse("# only a comment\n"), std::runtime_error);
}

TEST(Templates, EachTemplateHasFourQuadrants) {
    auto canvas = templateQuadrants("canvas");
    EXPECT_NE(canvas[0].title.find("Profile"), std::string::npos);
    EXPECT_NE(canvas[0].title.find("客户画像"), std::string::npos);
    EXPECT_NE(canvas[3].title.find("Needs"), std::string::npos);
    auto empathy = templateQuadrants("empathy");
    EXPECT_NE(empathy[0].title.find("Says"), std::string::npos);
    EXPECT_NE(empathy[3].title.find("Feels"), std::string::npos);
    auto custom = templateQuadrants("custom");
    for (int i = 0; i < 4; ++i) EXPECT_EQ(custom[i].index, i + 1);
    EXPECT_THROW(templateQuadrants("kanban"), std::invalid_argument);
}

TEST(Geometry, QuadrantsAreNumberedLikeAPage) {
    EXPECT_EQ(quadrantAt(-10, -10), 1);
    EXPECT_EQ(quadrantAt(10, -10), 2);
    EXPECT_EQ(quadrantAt(-10, 10), 3);
    EXPECT_EQ(quadrantAt(10, 10), 4);
    BoardInfo b = makeBoard("t");
    for (int q = 1; q <= 4; ++q) {
        Rect r = quadrantRect(b, q);
        EXPECT_EQ(quadrantAt(r.x + r.w / 2, r.y + r.h / 2), q);
    }
}

#include <sys/wait.h>
#include <unistd.h>

TEST(Model, IdsDoNotRepeatInAForkedProcess) {
    // A generator seeded once would give a forked child the parent's next ids.
    newId("n");
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const std::string child = newId("n");
        [[maybe_unused]] auto w = ::write(fds[1], child.data(), child.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    const std::string parent = newId("n");
    char buf[64] = {};
    ASSERT_GT(::read(fds[0], buf, sizeof buf - 1), 0);
    ::waitpid(pid, nullptr, 0);
    EXPECT_NE(parent, std::string(buf));
}
