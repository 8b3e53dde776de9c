// The monthly summary of a 10,000-note board with 10,000 links and 500 insights: computing it and
// writing the PDF and the HTML (targets: under 2 s each).
#include <chrono>
#include <filesystem>
#include <random>
#include <set>
#include <tuple>

#include "bench_report.h"
#include "canvas/board_factory.h"
#include "canvas/geometry.h"
#include "storage/summary/summary_export.h"

using namespace cc;

namespace {

Millis dayIn(int month, int day) {
    using namespace std::chrono;
    const sys_days d = year_month_day{year{2026}, std::chrono::month{static_cast<unsigned>(month)},
                                      std::chrono::day{static_cast<unsigned>(day)}};
    return duration_cast<milliseconds>(d.time_since_epoch()).count();
}

std::unique_ptr<Document> makeBoard(int count, bool withOctober) {
    const char* texts[] = {"App 转账失败率 3.2%\n十月投诉环比增长 48%", "Customers find fees unfair\nmostly about transparency",
                           "退休客户更喜欢网点服务", "Young professionals move salary out within 48 hours"};
    const char* sources[] = {"survey", "complaint", "census", "focus_group", "mystery_shopping", "transaction_db"};
    BoardInfo b = cc::makeBoard("Summary benchmark 月报");
    b.wallWidth = 30000;
    b.wallHeight = 20000;
    std::vector<Note> notes;
    std::mt19937 rng(3);
    const int perRow = 110;
    for (int i = 0; i < count; ++i) {
        const bool october = i % 4 == 0;
        if (october && !withOctober) continue;
        Note n;
        n.id = "n-" + std::to_string(i);
        n.text = texts[i % 4];
        n.source = sources[rng() % 6];
        n.author = "bench";
        n.dateGathered = october ? "2026-10-12" : "2026-09-12";
        n.created = n.updated = october ? dayIn(10, 12) : dayIn(9, 12);
        n.votes = i % 7;
        n.provenance = {"report.pdf", "page " + std::to_string(i % 300 + 1), texts[i % 4]};
        n.w = kNoteWidth;
        n.h = kNoteHeight;
        n.x = -15000 + (i % perRow) * 260.0 + 10;
        n.y = -10000 + (i / perRow) * 170.0 + 200 + ((i / perRow) * 170.0 + 200 >= 10000 ? 200 : 0);
        n.quadrant = quadrantOf(n);
        notes.push_back(std::move(n));
    }
    std::vector<Link> links;
    std::set<std::string> ids;
    for (const auto& n : notes) ids.insert(n.id);
    for (int i = 0; i < count; ++i) {
        Link l;
        l.id = "l-" + std::to_string(i);
        l.from = "n-" + std::to_string(i);
        l.to = "n-" + std::to_string((i + 1 + rng() % 30) % count);
        if (!ids.count(l.from) || !ids.count(l.to) || l.from == l.to) continue;
        l.kind = static_cast<LinkKind>(i % 3);
        l.created = 1;
        links.push_back(std::move(l));
    }
    // 500 insights of 8 notes each (the summary's section 3 ranks them by strength).
    std::vector<Insight> insights;
    for (std::size_t i = 0; i + 8 <= notes.size() && insights.size() < 500; i += 16) {
        Insight in;
        in.id = "i-" + std::to_string(i);
        in.title = "Insight " + std::to_string(i) + " 洞察";
        in.statement = texts[i % 4];
        in.quadrant = notes[i].quadrant;
        for (std::size_t k = 0; k < 8; ++k) in.notes.push_back(notes[i + k].id);
        in.author = "bench";
        in.created = in.updated = notes[i].created;
        in.state = i % 32 == 0 ? InsightState::Agreed : InsightState::Draft;
        insights.push_back(std::move(in));
    }
    auto doc = std::make_unique<Document>(b);
    doc->loadRecords(std::move(notes), std::move(links), std::move(insights));
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path().string();
    auto october = makeBoard(10000, true);
    auto september = makeBoard(10000, false);
    const Month m{2026, 10};
    MonthlySummary s;
    std::vector<double> compute;
    for (int i = 0; i < 3; ++i) {
        const double t0 = bench::nowMs();
        s = summarise(*october, *september, m, {}, nowMillis());
        compute.push_back(bench::nowMs() - t0);
    }
    bench::row("summary of a 10,000-note board: compute the figures", bench::median(compute), "ms", "");
    for (auto [format, name, ext] : {std::tuple{summary::Format::Pdf, "PDF", ".pdf"},
                                     std::tuple{summary::Format::Html, "HTML", ".html"}}) {
        std::vector<double> ms;
        const std::string out = dir + "/bench-summary" + ext;
        for (int i = 0; i < 3; ++i) {
            const double t0 = bench::nowMs();
            try {
                summary::exportSummary(s, out, format, summary::Lang::En);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "%s\n", e.what());
            }
            ms.push_back(bench::nowMs() - t0);
        }
        std::error_code ec;
        const auto size = std::filesystem::file_size(out, ec);
        bench::row(std::string("summary of a 10,000-note board: write the ") + name, bench::median(ms), "ms", "<= 2000 ms",
                   0, "", std::to_string(ec ? 0 : size / 1024) + " KB");
    }
    return 0;
}
