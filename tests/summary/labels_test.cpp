// The summary's headings and labels come from the program's catalogue (assets/po), in the
// language asked for whatever the interface's: the edge looks them up once at start-up
// (i18n::init). Every test of this program runs with the catalogue bound, as the program does.
#include <gtest/gtest.h>

#include "app/i18n.h"
#include "storage/summary/summary_export.h"
#include "storage/summary/summary_text.h"

using namespace cc;
using namespace cc::summary;

namespace {

struct Catalogue : ::testing::Environment {
    void SetUp() override { i18n::init(i18n::Language::English); }
};
const auto* const g_catalogue = ::testing::AddGlobalTestEnvironment(new Catalogue);

TEST(SummaryLabels, ComeFromTheCatalogueInTheLanguageAsked) {
    EXPECT_EQ(labels(Lang::En).title, "Monthly board summary");
    EXPECT_EQ(labels(Lang::Zh).title, "月度董事会摘要");
    EXPECT_EQ(labels(Lang::Zh).sections[6], "七、附录：新增和修改的便签");
    EXPECT_EQ(pageLabel(Lang::Zh, 3, 12), "第 3 页，共 12 页");
    EXPECT_EQ(pageLabel(Lang::En, 3, 12), "Page 3 of 12");
    EXPECT_EQ(moreLabel(Lang::Zh, 5), "……另有 5 项（完整列表见 CSV 和 JSON 导出）");
    // The link kinds in the team's words, the same as the window's.
    EXPECT_EQ(linkKindName("supports", Lang::Zh), "印证");
    EXPECT_EQ(linkKindName("conflicts", Lang::Zh), "矛盾");
    EXPECT_EQ(linkKindName("supports", Lang::En), "supports");
}

TEST(SummaryLabels, DoNotFollowTheInterfaceLanguage) {
    i18n::setLanguage(i18n::Language::Chinese);
    EXPECT_EQ(labels(Lang::En).title, "Monthly board summary");
    i18n::setLanguage(i18n::Language::English);
    EXPECT_EQ(labels(Lang::Zh).title, "月度董事会摘要");
}

}  // namespace
