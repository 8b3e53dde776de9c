// Sorting candidates on a 10,000-note board (canvas/similarity.h): near-duplicates, similar notes
// and suggested groups, half Chinese and half English notes generated from the themes of a bank's
// customer-insight board, 5 % of them near-duplicates of another. Target: duplicates and suggest
// together under a second. The floor is splitting every note into words once (ICU and Snowball),
// which every answer needs.
#include <filesystem>
#include <random>

#include "bench_report.h"
#include "canvas/similarity.h"

using namespace cc;

namespace {

struct Theme {
    std::vector<const char*> zh, en;
};

const std::vector<Theme>& themes() {
    static const std::vector<Theme> t = {
        {{"退货", "退款", "到账", "快递单", "审核", "运费", "门店", "仓库"},
         {"return", "refund", "label", "warehouse", "shipping", "store", "parcel", "review"}},
        {{"手机银行", "闪退", "登录", "验证码", "指纹", "转账", "更新", "菜单"},
         {"app", "crash", "login", "code", "fingerprint", "transfer", "update", "menu"}},
        {{"年费", "手续费", "管理费", "收费", "账单", "违约金", "短信", "理财"},
         {"fee", "charge", "statement", "penalty", "annual", "hidden", "maintenance", "sms"}},
        {{"排队", "窗口", "网点", "客服", "人工", "等待", "预约", "取号"},
         {"queue", "counter", "branch", "agent", "hold", "wait", "appointment", "ticket"}},
        {{"配送", "快递", "包裹", "物流", "签收", "驿站", "生鲜", "送货"},
         {"delivery", "courier", "tracking", "pickup", "late", "fresh", "crushed", "slot"}},
        {{"盗刷", "诈骗", "冻结", "钓鱼", "风控", "泄露", "异常", "验证"},
         {"fraud", "scam", "frozen", "phishing", "leak", "suspicious", "dispute", "alert"}},
        {{"积分", "会员", "兑换", "过期", "金卡", "折扣", "礼包", "里程"},
         {"points", "member", "reward", "expire", "gold", "discount", "gift", "miles"}},
        {{"房贷", "贷款", "审批", "材料", "利率", "放款", "客户经理", "还款"},
         {"mortgage", "loan", "approval", "documents", "rate", "payout", "adviser", "repayment"}},
    };
    return t;
}

std::vector<similarity::Item> makeNotes(int count) {
    std::mt19937 rng(7);
    const char* zhGlue[] = {"客户说", "一直", "太慢了", "很不满意", "希望改进", "问题很多", "老人", "年轻人"};
    const char* enGlue[] = {"customers say", "always", "too slow", "unhappy about", "please fix", "again", "elderly", "young"};
    std::vector<similarity::Item> items;
    for (int i = 0; i < count; ++i) {
        const Theme& t = themes()[rng() % themes().size()];
        std::string text;
        if (i % 20 == 19 && !items.empty()) {
            // A near-duplicate of an earlier note: other punctuation and a source remark.
            text = items[rng() % items.size()].text + (i % 2 ? "（来源：问卷）" : " - survey 2026");
        } else if (i % 2) {
            for (int k = 0; k < 6; ++k) text += k == 2 ? zhGlue[rng() % 8] : t.zh[rng() % t.zh.size()];
            text += "，" + std::string(t.zh[rng() % t.zh.size()]) + std::string(zhGlue[rng() % 8]) + "。";
        } else {
            for (int k = 0; k < 8; ++k) {
                text += k ? " " : "";
                text += k == 3 ? enGlue[rng() % 8] : t.en[rng() % t.en.size()];
            }
            text += ".";
        }
        items.push_back({"n-" + std::to_string(i), std::move(text)});
    }
    return items;
}

}  // namespace

int main(int argc, char** argv) {
    const auto items = makeNotes(10000);
    constexpr int kRuns = 5;
    std::vector<double> floor, build, dups, similar, suggest, both;
    std::size_t pairs = 0, groups = 0;
    for (int r = 0; r < kRuns; ++r) {
        double t0 = bench::nowMs();
        std::size_t words = 0;
        for (const auto& it : items) words += similarity::tokenize(it.text).size();
        floor.push_back(bench::nowMs() - t0);
        if (words == 0) std::fprintf(stderr, "no words\n");

        t0 = bench::nowMs();
        const similarity::Index index(items);
        build.push_back(bench::nowMs() - t0);

        t0 = bench::nowMs();
        pairs = index.duplicates().size();
        dups.push_back(bench::nowMs() - t0);

        t0 = bench::nowMs();
        for (int q = 0; q < 100; ++q) (void)index.similar(items[static_cast<std::size_t>(q * 97)].id, 10);
        similar.push_back((bench::nowMs() - t0) / 100);

        t0 = bench::nowMs();
        groups = index.suggest().size();
        suggest.push_back(bench::nowMs() - t0);

        t0 = bench::nowMs();
        const similarity::Index fresh(items);
        (void)fresh.duplicates();
        (void)fresh.suggest();
        both.push_back(bench::nowMs() - t0);
    }
    const double f = bench::median(floor);
    const std::string floorName = "splitting every note into words";
    bench::row("similarity, 10,000 notes: build the index (median of 5)", bench::median(build), "ms", "", f, floorName);
    bench::row("similarity, 10,000 notes: near-duplicates, index built", bench::median(dups), "ms", "", 0, "",
               std::to_string(pairs) + " pairs");
    bench::row("similarity, 10,000 notes: 10 most similar to one note, index built", bench::median(similar), "ms", "");
    bench::row("similarity, 10,000 notes: suggested groups, index built", bench::median(suggest), "ms", "", 0, "",
               std::to_string(groups) + " groups");
    bench::row("similarity, 10,000 notes: index + near-duplicates + suggested groups", bench::median(both), "ms", "<= 1000 ms", f,
               floorName);
    (void)argc;
    (void)argv;
    return 0;
}
