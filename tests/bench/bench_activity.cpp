// The activity panel on a board with a long history: 10,000 notes and 100,000 logged edits.
// Its Board tab reads the newest 400 changes and puts them into words; its Note tab finds one
// note's changes in the whole log. The floor: reading every payload of the log once.
#include <sqlite3.h>

#include <filesystem>
#include <random>

#include "canvas/activity.h"
#include "bench_report.h"
#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "storage/serialize.h"

using namespace cc;

namespace {

constexpr int kNotes = 10'000;
constexpr int kEdits = 100'000;

double readAllPayloadsMs(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    const double t0 = bench::nowMs();
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT payload FROM change_log", -1, &st, nullptr);
    std::size_t bytes = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        sqlite3_column_text(st, 0);
        bytes += static_cast<std::size_t>(sqlite3_column_bytes(st, 0));
    }
    sqlite3_finalize(st);
    const double ms = bench::nowMs() - t0;
    sqlite3_close(db);
    if (bytes == 0) std::fprintf(stderr, "read no payloads\n");
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path().string();
    const std::string path = dir + "/bench-activity.ccboard";
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);

    // A board whose log holds the notes' creation and then 100,000 edits by five people.
    std::vector<std::string> ids;
    {
        BoardInfo b = makeBoard("Activity 动态");
        Document doc(b);
        Editor ed(doc, "setup");
        std::vector<LogEntry> log;
        std::int64_t seq = 0;
        doc.subscribe([&](const ChangeSet& cs) {
            ++seq;
            log.push_back(LogEntry{seq, cs.author, cs.time, std::string(toString(cs.source)), changeSetToJson(cs)});
        });
        for (int i = 0; i < kNotes; ++i) {
            Note n = ed.makeNote("客户反馈 feedback " + std::to_string(i) + "\nthe body of the note", "survey");
            n.x = -1700 + (i % 100) * 34.0;
            n.y = -1050 + (i / 100) * 21.0;
            n.w = 30;
            n.h = 18;
            ids.push_back(ed.addNote(n));
        }
        const char* people[] = {"Ann", "Bo", "王芳", "Carl", "Dee"};
        std::mt19937 rng(11);
        for (int i = 0; i < kEdits; ++i) {
            ed.setAuthor(people[i % 5]);
            const std::string& id = ids[rng() % ids.size()];
            if (i % 3 == 0) ed.moveNotes({id}, 1, 0);
            else ed.setText(id, doc.note(id)->text + " +" + std::to_string(i % 10));
        }
        auto file = BoardFile::create(path, b, "bench");
        file->writeAll(doc, log);
    }

    auto file = BoardFile::open(path);
    auto doc = file->load();
    std::vector<double> board, note, floor;
    std::mt19937 rng(5);
    for (int round = 0; round < 7; ++round) {
        floor.push_back(readAllPayloadsMs(path));
        double t0 = bench::nowMs();
        std::map<std::string, std::string> titles;
        std::size_t described = 0;
        for (const LogEntry& e : file->recentChanges(400)) {
            LoggedChange c{e.seq, changeSetFromJson(e.payload)};
            described += describeChange(c, *doc, &titles).text.size() > 0;
        }
        board.push_back(bench::nowMs() - t0);
        if (described != 400) std::fprintf(stderr, "described %zu changes, not 400\n", described);

        const std::string& id = ids[rng() % ids.size()];
        t0 = bench::nowMs();
        std::vector<LoggedChange> mentions;
        for (const LogEntry& e : file->recentChanges(300, id)) mentions.push_back({e.seq, changeSetFromJson(e.payload)});
        const auto history = noteHistory(mentions, id);
        note.push_back(bench::nowMs() - t0);
        if (history.empty()) std::fprintf(stderr, "note %s has no history\n", id.c_str());
    }
    bench::row("activity: newest 400 of 110k changes into words (median of 7)", bench::median(board), "ms",
               "<= 100 ms", bench::median(floor), "reading every payload once");
    bench::row("activity: one note's history out of 110k changes (median of 7)", bench::median(note), "ms",
               "<= 250 ms", bench::median(floor), "reading every payload once");
    file.reset();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
    return 0;
}
