// Propagation latency on a shared board file: from the commit in one process to the change
// applied in another, with 2 and with 8 processes writing. The reader looks for commits ten times
// a second, as the window does; the writers commit a note every 20 ms, stamped with the time.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "bench_report.h"
#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"

using namespace cc;

namespace {

double wallMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(system_clock::now().time_since_epoch()).count();
}

void writer(const std::string& board, int seed, double untilMs) {
    auto file = BoardFile::open(board);
    auto doc = file->load();
    file->attach(*doc);
    Editor ed(*doc, "writer");
    std::mt19937 rng(static_cast<unsigned>(seed));
    while (wallMs() < untilMs) {
        file->pullRemote(*doc);
        Note n = ed.makeNote("", "survey");
        n.x = -1700 + static_cast<double>(rng() % 1400);
        n.y = -1000 + static_cast<double>(rng() % 800);
        // The stamp is taken just before the commit, so the latency includes the commit itself.
        char stamp[64];
        std::snprintf(stamp, sizeof stamp, "t=%.3f", wallMs());
        n.text = stamp;
        ed.addNote(n);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::vector<double> measure(const std::string& dir, int writers, double seconds) {
    const std::string board = dir + "/bench-sync-" + std::to_string(writers) + ".ccboard";
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(board + s);
    BoardFile::create(board, makeBoard("sync"), "bench");
    const double until = wallMs() + seconds * 1000;
    std::vector<pid_t> pids;
    for (int i = 0; i < writers; ++i) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            writer(board, i, until);
            ::_exit(0);
        }
        pids.push_back(pid);
    }
    auto file = BoardFile::open(board);
    auto doc = file->load();
    std::vector<double> latencies;
    doc->subscribe([&](const ChangeSet& cs) {
        const double now = wallMs();
        for (const auto& n : cs.notes.added)
            if (n.text.rfind("t=", 0) == 0) latencies.push_back(now - std::stod(n.text.substr(2)));
    });
    while (wallMs() < until + 300) {
        file->pullRemote(*doc);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (pid_t p : pids) ::waitpid(p, nullptr, 0);
    return latencies;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path().string();
    for (int writers : {2, 8}) {
        const auto ms = measure(dir, writers, 6.0);
        const std::string n = std::to_string(ms.size()) + " commits";
        bench::row("propagation, " + std::to_string(writers) + " processes writing: median", bench::median(ms), "ms", "", 0,
                   "", n + "; polled every 100 ms as the window does");
        bench::row("propagation, " + std::to_string(writers) + " processes writing: 95th percentile",
                   bench::percentile(ms, 95), "ms", "<= 250 ms");
    }
    return 0;
}
