// Board files: opening a 100,000-note, 100,000-link board into the model (against a bare SELECT
// loop over the same rows), and the commit latency of one edit.
#include <sqlite3.h>

#include <filesystem>
#include <random>

#include "bench_report.h"
#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"

using namespace cc;

namespace {

constexpr int kNotes = 100'000;
constexpr int kLinks = 100'000;

void buildBoard(const std::string& path) {
    std::mt19937 rng(42);
    const char* sources[] = {"survey", "complaint", "census", "focus_group", "mystery_shopping", "transaction_db"};
    const char* texts[] = {"App 转账失败率 3.2%\n十月投诉环比增长 48%", "Customers find fees unfair\nmostly about transparency",
                           "退休客户更喜欢网点服务", "Young professionals move salary out within 48 hours"};
    BoardInfo b = makeBoard("Benchmark 基准");
    b.wallWidth = 120'000;
    b.wallHeight = 80'000;
    std::vector<Note> notes;
    notes.reserve(kNotes);
    const int perRow = 500;
    for (int i = 0; i < kNotes; ++i) {
        Note n;
        n.id = "n-" + std::to_string(i);
        n.text = std::string(texts[i % 4]) + " #" + std::to_string(i);
        n.source = sources[rng() % 6];
        n.author = "bench";
        n.dateGathered = "2026-10-15";
        n.created = n.updated = 1'790'000'000'000 + i;
        n.tags = {"mobile", "t" + std::to_string(i % 50)};
        normaliseTags(n.tags);
        n.segment = "Young professionals";
        n.votes = i % 7;
        n.w = kNoteWidth;
        n.h = kNoteHeight;
        n.x = -60'000 + (i % perRow) * 240.0;
        n.y = -40'000 + (i / perRow) * 160.0 + 1;
        n.quadrant = quadrantOf(n);
        notes.push_back(std::move(n));
    }
    std::vector<Link> links;
    links.reserve(kLinks);
    for (int i = 0; i < kLinks; ++i) {
        Link l;
        l.id = "l-" + std::to_string(i);
        l.from = "n-" + std::to_string(i);
        l.to = "n-" + std::to_string((i + 1 + rng() % 50) % kNotes);
        l.kind = static_cast<LinkKind>(i % 3);
        l.author = "bench";
        l.created = 1'790'000'000'000 + i;
        links.push_back(std::move(l));
    }
    Document doc(b);
    doc.loadRecords(std::move(notes), std::move(links));
    auto file = BoardFile::create(path, b, "bench");
    file->writeAll(doc, {});
}

/// The floor: the same rows read with a bare sqlite3 loop that touches every column.
double bareSelectMs(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    const double t0 = bench::nowMs();
    std::size_t bytes = 0;
    for (const char* sql : {"SELECT * FROM note", "SELECT note_id, tag FROM note_tag", "SELECT * FROM link"}) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        const int cols = sqlite3_column_count(st);
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int c = 0; c < cols; ++c) {
                sqlite3_column_text(st, c);
                bytes += sqlite3_column_bytes(st, c);
            }
        sqlite3_finalize(st);
    }
    const double ms = bench::nowMs() - t0;
    sqlite3_close(db);
    if (bytes == 0) std::fprintf(stderr, "bare select read nothing\n");
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path().string();
    const std::string path = dir + "/bench-100k.ccboard";
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
    buildBoard(path);

    std::vector<double> open, floor;
    for (int i = 0; i < 7; ++i) {
        floor.push_back(bareSelectMs(path));
        const double t0 = bench::nowMs();
        auto file = BoardFile::open(path, BoardFile::Mode::ReadOnly);
        auto doc = file->load();
        open.push_back(bench::nowMs() - t0);
        if (doc->notes().size() != kNotes || doc->links().size() != kLinks) {
            std::fprintf(stderr, "loaded the wrong board\n");
            return 1;
        }
    }
    bench::row("open board: 100k notes + 100k links into the model (median of 7)", bench::median(open), "ms",
               "<= 1000 ms", bench::median(floor), "bare SELECT loop over the same rows");

    // Commit latency: one edit = one change set = one transaction with its change-log row.
    auto file = BoardFile::open(path);
    auto doc = file->load();
    file->attach(*doc);
    Editor ed(*doc, "bench");
    std::mt19937 rng(7);
    std::vector<double> commit;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = "n-" + std::to_string(rng() % kNotes);
        const double t0 = bench::nowMs();
        if (i % 2) {
            ed.moveNotes({id}, 8, 0);
        } else {
            Note n = *doc->note(id);
            n.text += " ✓";
            ed.updateNote(n);
        }
        commit.push_back(bench::nowMs() - t0);
    }
    bench::row("commit one edit (median of 1000, 100k-note board)", bench::median(commit), "ms", "<= 2 ms");
    bench::row("commit one edit (99th percentile)", bench::percentile(commit, 99), "ms", "<= 10 ms");
    file.reset();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
    return 0;
}
