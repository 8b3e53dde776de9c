// Load on the team server: 20 client processes, each making 10 edits a second for 60 seconds on
// one board (adds and text edits, stamped with the time, every client pulling the others' changes
// as a window does). A separate viewer waits on its connection's socket for notifications and
// pulls: propagation latency is from the stamp (just before the commit) to the change applied in
// the viewer. Afterwards: nothing lost (every edit a client made is in the log once) and the
// server's row counts. Needs CC_TEST_PG (scripts/bench.sh starts a throwaway cluster).
//   bench_server DIR [CLIENTS RATE SECONDS]
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <thread>

#include "bench_report.h"
#include "canvas/board_factory.h"
#include "canvas/editor.h"
#include "storage/pg/pg_board.h"

using namespace cc;

namespace {

double wallMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(system_clock::now().time_since_epoch()).count();
}

std::string stamp(const std::string& who, int i) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "t=%.3f %s #%d", wallMs(), who.c_str(), i);
    return buf;
}

/// One client: `rate` edits a second until `untilMs`; writes how many it made to `report`.
void client(const std::string& address, int id, int rate, double untilMs, int report) {
    int made = 0, refused = 0;
    try {
        auto store = openBoard(address);
        auto doc = store->load();
        store->attach(*doc);
        const std::string who = "client-" + std::to_string(id);
        Editor ed(*doc, who);
        std::mt19937 rng(static_cast<unsigned>(id));
        std::vector<std::string> mine;
        const double period = 1000.0 / rate;
        double next = wallMs();
        for (int i = 0; wallMs() < untilMs; ++i) {
            const double wait = next - wallMs();
            if (wait > 0) std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long>(wait * 1000)));
            next += period;
            store->pullRemote(*doc);  // as a window does between edits
            try {
                if (mine.empty() || rng() % 3 == 0) {
                    Note n = ed.makeNote(stamp(who, i), "survey");
                    mine.push_back(ed.addNoteInQuadrant(n, 1 + static_cast<int>(rng() % 4)));
                } else {
                    ed.setText(mine[rng() % mine.size()], stamp(who, i));
                }
                ++made;
            } catch (const std::exception&) {
                ++refused;
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_server: client %d: %s\n", id, e.what());
    }
    const int counts[2] = {made, refused};
    if (::write(report, counts, sizeof counts) != sizeof counts) std::perror("bench_server: report");
}

}  // namespace

int main(int argc, char** argv) {
    const char* server = std::getenv("CC_TEST_PG");
    if (!server || !*server) {
        std::fprintf(stderr, "bench_server: CC_TEST_PG is not set (scripts/bench.sh starts a cluster); skipped\n");
        return 0;
    }
    const int clients = argc > 2 ? std::atoi(argv[2]) : 20;
    const int rate = argc > 3 ? std::atoi(argv[3]) : 10;
    const double seconds = argc > 4 ? std::atof(argv[4]) : 60;
    std::random_device rd;
    const std::string name = "bench-load-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 100000);
    const std::string address = std::string(server) + "?board=" + name;
    createBoard(address, makeBoard("Load 负载"), "bench");

    auto viewer = openBoard(address, BoardStore::Mode::ReadOnly);
    auto doc = viewer->load();
    std::vector<double> latencies;
    doc->subscribe([&](const ChangeSet& cs) {
        const double now = wallMs();
        auto seen = [&](const Note& n) {
            if (n.text.rfind("t=", 0) == 0) latencies.push_back(now - std::atof(n.text.c_str() + 2));
        };
        for (const auto& n : cs.notes.added) seen(n);
        for (const auto& [b, a] : cs.notes.updated) seen(a);
    });

    const double start = wallMs() + 1000;  // every client connected before the clock starts
    const double until = start + seconds * 1000;
    int reports[2];
    if (::pipe(reports) != 0) return 1;
    std::vector<pid_t> pids;
    for (int i = 0; i < clients; ++i) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(reports[0]);
            // Each client is a person on their own computer: its own local copy of the board.
            const std::string state = std::string(argc > 1 ? argv[1] : "/tmp") + "/client-state-" + std::to_string(i);
            ::setenv("XDG_STATE_HOME", state.c_str(), 1);
            while (wallMs() < start) std::this_thread::sleep_for(std::chrono::milliseconds(5));
            client(address, i, rate, until, reports[1]);
            ::_exit(0);
        }
        pids.push_back(pid);
    }
    ::close(reports[1]);
    // The viewer sleeps on its socket until a notification arrives (at most 100 ms, as the
    // window's loop), then pulls.
    auto* pgViewer = dynamic_cast<PgBoard*>(viewer.get());
    while (wallMs() < until + 2000) {
        pollfd p{pgViewer ? pgViewer->socket() : -1, POLLIN, 0};
        ::poll(&p, 1, 100);
        viewer->pullRemote(*doc);
    }
    int made = 0, refused = 0;
    for (pid_t p : pids) ::waitpid(p, nullptr, 0);
    int counts[2];
    while (::read(reports[0], counts, sizeof counts) == sizeof counts) {
        made += counts[0];
        refused += counts[1];
    }
    viewer->pullRemote(*doc);

    // Nothing lost: every edit a client counted is one row of the log.
    std::map<std::string, int> byAuthor;
    std::size_t logRows = 0;
    for (const auto& e : viewer->changeLog()) {
        ++byAuthor[e.author];
        ++logRows;
    }
    int logged = 0;
    for (const auto& [author, n] : byAuthor)
        if (author.rfind("client-", 0) == 0) logged += n;
    const int lost = made - logged;

    const std::string detail = std::to_string(clients) + " clients x " + std::to_string(rate) + " edits/s x " +
                               std::to_string(static_cast<int>(seconds)) + " s; " + std::to_string(latencies.size()) +
                               " changes seen by a viewer waiting on its socket";
    bench::row("server load: propagation median", bench::median(latencies), "ms", "", 0, "", detail);
    bench::row("server load: propagation 95th percentile", bench::percentile(latencies, 95), "ms", "<= 500 ms");
    bench::row("server load: edits committed", made, "edits", std::to_string(clients * rate * static_cast<int>(seconds)) + " offered",
               0, "", std::to_string(refused) + " refused");
    bench::row("server load: edits lost", lost < 0 ? 0 : lost, "edits", "0");
    bench::row("server load: rows on the server (change_log)", static_cast<double>(logRows), "rows", "");
    bench::row("server load: rows on the server (note)", static_cast<double>(doc->notes().size()), "rows", "");
    return lost == 0 ? 0 : 1;
}
