// The crash test: a child process edits a board in a loop (storage_edit_loop, reporting each
// committed edit on a line of its own) and is killed with SIGKILL at a random moment. After each
// kill the file must be sound and hold every edit the child reported as committed.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "storage/serialize.h"
#include "test_util.h"

using namespace cc;
using cc::test::readFile;
using cc::test::TempDir;
using Clock = std::chrono::steady_clock;

namespace {

/// What the file must hold: the fields the child's lines speak about.
struct Model {
    struct N {
        std::string text;
        double x = 0, y = 0;
        int quadrant = 0;
        std::vector<std::string> tags;
        bool operator==(const N&) const = default;
    };
    struct L {
        std::string from, to, kind;
        bool operator==(const L&) const = default;
    };
    std::map<std::string, N> notes;
    std::map<std::string, L> links;

    static Model of(const Document& doc) {
        Model m;
        for (const auto& [id, n] : doc.notes()) m.notes[id] = N{n.text, n.x, n.y, n.quadrant, n.tags};
        for (const auto& [id, l] : doc.links()) m.links[id] = L{l.from, l.to, std::string(toString(l.kind))};
        return m;
    }

    void removeNote(const std::string& id) {
        notes.erase(id);
        for (auto it = links.begin(); it != links.end();)
            it = (it->second.from == id || it->second.to == id) ? links.erase(it) : std::next(it);
    }

    /// Applies one reported line; returns an error message, or "" when it made sense.
    std::string apply(const std::string& line) {
        std::istringstream in(line);
        std::string op, id;
        in >> op >> id;
        auto rest = [&] {
            std::string s;
            std::getline(in >> std::ws, s);
            return s;
        };
        if (op == "add") {
            N n;
            in >> n.x >> n.y >> n.quadrant;
            n.text = rest();
            if (notes.count(id)) return "added twice";
            notes[id] = n;
        } else if (op == "move") {
            auto it = notes.find(id);
            if (it == notes.end()) return "moves a note that is not there";
            in >> it->second.x >> it->second.y >> it->second.quadrant;
        } else if (op == "edit") {
            auto it = notes.find(id);
            if (it == notes.end()) return "edits a note that is not there";
            std::string tags;
            in >> tags;
            it->second.tags.clear();
            std::stringstream ts(tags == "-" ? "" : tags);
            for (std::string t; std::getline(ts, t, ',');) it->second.tags.push_back(t);
            it->second.text = rest();
        } else if (op == "link") {
            L l;
            in >> l.from >> l.to >> l.kind;
            if (!notes.count(l.from) || !notes.count(l.to)) return "links a note that is not there";
            links[id] = l;
        } else if (op == "unlink") {
            if (!links.erase(id)) return "removes a link that is not there";
        } else if (op == "delete") {
            if (!notes.count(id)) return "deletes a note that is not there";
            removeNote(id);
        } else {
            return "unknown line";
        }
        return in.fail() ? "malformed line" : "";
    }

    /// Applies a committed change set that the child did not live to report.
    void apply(const ChangeSet& cs) {
        for (const auto& l : cs.links.removed) links.erase(l.id);
        for (const auto& n : cs.notes.removed) removeNote(n.id);
        for (const auto& n : cs.notes.added) notes[n.id] = N{n.text, n.x, n.y, n.quadrant, n.tags};
        for (const auto& [b, n] : cs.notes.updated) notes[n.id] = N{n.text, n.x, n.y, n.quadrant, n.tags};
        for (const auto& l : cs.links.added) links[l.id] = L{l.from, l.to, std::string(toString(l.kind))};
        for (const auto& [b, l] : cs.links.updated) links[l.id] = L{l.from, l.to, std::string(toString(l.kind))};
    }
};

std::string describeDiff(const Model& want, const Model& got) {
    std::ostringstream out;
    int shown = 0;
    for (const auto& [id, n] : want.notes) {
        auto it = got.notes.find(id);
        if (it == got.notes.end()) out << "note " << id << " is missing; ";
        else if (!(it->second == n))
            out << "note " << id << " is (" << it->second.x << "," << it->second.y << ",q" << it->second.quadrant
                << ",'" << it->second.text << "') not (" << n.x << "," << n.y << ",q" << n.quadrant << ",'" << n.text
                << "'); ";
        else continue;
        if (++shown > 5) return out.str();
    }
    for (const auto& [id, n] : got.notes)
        if (!want.notes.count(id)) out << "note " << id << " should not be there; ";
    for (const auto& [id, l] : want.links)
        if (!got.links.count(id) || !(got.links.at(id) == l)) out << "link " << id << " is missing or wrong; ";
    for (const auto& [id, l] : got.links)
        if (!want.links.count(id)) out << "link " << id << " should not be there; ";
    return out.str();
}

/// One run of the child: its complete output lines, and how it ended.
struct ChildRun {
    std::vector<std::string> lines;
    bool partialLine = false;
    bool killedByUs = false;
    std::string problem;  ///< set when the child ended on its own or hung
};

/// Starts the child, kills it after `killAfterLines` complete lines or `killAfterMicros` (whichever
/// is given, the other is negative), reaps it and drains its output.
ChildRun runChild(const std::string& board, std::uint64_t seed, long killAfterLines, long killAfterMicros,
                  const std::string& stderrPath) {
    ChildRun r;
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        r.problem = "pipe failed";
        return r;
    }
    const auto start = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], 1);
        int err = ::open(stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (err >= 0) ::dup2(err, 2);
        const std::string seedText = std::to_string(seed);
        ::execl(CC_EDIT_LOOP, CC_EDIT_LOOP, board.c_str(), seedText.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    const auto deadline = start + std::chrono::seconds(15);
    std::string buffer;
    std::size_t complete = 0;
    bool eof = false, killed = false;
    auto kill = [&] {
        if (!killed) ::kill(pid, SIGKILL);
        killed = true;
    };
    while (!eof) {
        const auto now = Clock::now();
        if (!killed) {
            if (killAfterLines >= 0 && static_cast<long>(complete) >= killAfterLines) kill();
            if (killAfterMicros >= 0 && now - start >= std::chrono::microseconds(killAfterMicros)) kill();
            if (now >= deadline) {
                kill();
                r.problem = "the child reported " + std::to_string(complete) + " lines in 15 s";
            }
        }
        int timeoutMs = 1000;
        if (!killed && killAfterMicros >= 0) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                start + std::chrono::microseconds(killAfterMicros) - now);
            timeoutMs = static_cast<int>(std::clamp<long long>(left.count(), 0, 1000));
        }
        pollfd p{out[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, timeoutMs);
        if (ready < 0 && errno != EINTR) break;
        if (ready <= 0) continue;
        char buf[65536];
        const ssize_t n = ::read(out[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            eof = true;  // the child is gone, and everything it wrote has been read
            break;
        }
        buffer.append(buf, static_cast<std::size_t>(n));
        std::size_t pos;
        while ((pos = buffer.find('\n')) != std::string::npos) {
            r.lines.push_back(buffer.substr(0, pos));
            buffer.erase(0, pos + 1);
            ++complete;
        }
    }
    ::close(out[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.partialLine = !buffer.empty();  // printed in part when the kill came: not reported
    r.killedByUs = killed && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    if (r.problem.empty() && !r.killedByUs)
        r.problem = "the child ended by itself (status " + std::to_string(status) + "): " + readFile(stderrPath);
    return r;
}

/// A board with some notes and links for the child to start from.
void makeStartBoard(const std::string& path) {
    auto file = BoardFile::create(path, makeBoard("Crash test 崩溃测试"), "parent");
    auto doc = file->load();
    file->attach(*doc);
    Editor editor(*doc, "parent");
    std::vector<std::string> ids;
    for (int i = 0; i < 24; ++i)
        ids.push_back(editor.addNoteInQuadrant(editor.makeNote("起始 note " + std::to_string(i), "survey"), 1 + i % 4));
    for (int i = 0; i + 1 < 24; i += 3) editor.addLink(ids[i], ids[i + 1], LinkKind::Supports);
}

}  // namespace

TEST(Crash, EveryReportedEditSurvivesSigkill) {
    std::uint64_t seed = std::random_device{}();
    if (const char* s = std::getenv("CC_KILL_SEED")) seed = std::strtoull(s, nullptr, 10);
    SCOPED_TRACE("CC_KILL_SEED=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    TempDir dir;
    const std::string board = dir.file("crash.ccboard");
    const std::string errPath = dir.file("child-stderr.txt");
    makeStartBoard(board);

    Model model;
    std::int64_t seq = 0;
    {
        auto file = BoardFile::open(board, BoardFile::Mode::ReadOnly);
        model = Model::of(*file->load());
        seq = file->lastSequence();
    }
    const auto testStart = Clock::now();
    const int kRounds = 60;
    std::size_t totalReported = 0, extraCommits = 0, partialLines = 0, emptyRounds = 0;
    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        // Half the rounds end after a number of reported edits, half after a random time (from
        // before the child has even opened the board to well into its loop).
        long lines = -1, micros = -1;
        if (rng() % 2) lines = static_cast<long>(1 + rng() % 250);
        else micros = static_cast<long>(rng() % 40000);
        ChildRun run = runChild(board, rng(), lines, micros, errPath);
        ASSERT_TRUE(run.problem.empty()) << run.problem;
        partialLines += run.partialLine;
        if (run.lines.empty()) ++emptyRounds;

        for (const auto& line : run.lines) {
            const std::string problem = model.apply(line);
            ASSERT_TRUE(problem.empty()) << "'" << line << "': " << problem;
        }
        totalReported += run.lines.size();

        // Read-only on even rounds (what `check` and `list` do after a crash), read-write on odd.
        const auto mode = round % 2 ? BoardFile::Mode::ReadWrite : BoardFile::Mode::ReadOnly;
        auto file = BoardFile::open(board, mode);
        EXPECT_EQ(file->integrityProblems(), std::vector<std::string>{});
        auto doc = file->load();
        EXPECT_EQ(doc->checkInvariants(), std::vector<std::string>{});

        // Every reported edit is one change-log row. One more may be committed: the child can
        // die between its commit and its report. That edit is in the log, so apply it too.
        const auto log = file->changeLog(seq);
        ASSERT_GE(log.size(), run.lines.size()) << "reported edits are missing from the change log";
        ASSERT_LE(log.size(), run.lines.size() + 1) << "more commits than edits";
        if (log.size() == run.lines.size() + 1) {
            model.apply(changeSetFromJson(log.back().payload));
            ++extraCommits;
        }
        for (const auto& e : log) EXPECT_EQ(e.author, "edit-loop");
        if (!log.empty()) seq = log.back().seq;

        const Model got = Model::of(*doc);
        ASSERT_TRUE(got.notes == model.notes && got.links == model.links) << describeDiff(model, got);
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - testStart).count();
    std::printf("%d rounds in %.2f s: %zu reported edits, %zu committed but unreported, %zu partial lines, "
                "%zu rounds killed before the first edit\n",
                kRounds, seconds, totalReported, extraCommits, partialLines, emptyRounds);
    EXPECT_GT(totalReported, static_cast<std::size_t>(kRounds)) << "the child hardly ran";
}

namespace {

std::uint32_t be32(const std::string& b, std::size_t at) {
    auto u = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + i])); };
    return (u(0) << 24) | (u(1) << 16) | (u(2) << 8) | u(3);
}

}  // namespace

// A checkpoint copies pages from the WAL into the main file in page order, page 1 first, and
// extends the file as it goes. Killed in between, the main file's header already counts pages
// the file does not have yet; they are still in the WAL, and SQLite reads them from there. Such
// a board is sound and must open.
TEST(Crash, KilledDuringACheckpointTheBoardStillOpens) {
    TempDir dir;
    const std::string live = dir.file("live.ccboard");
    const std::string image = dir.file("image.ccboard");
    std::vector<std::string> ids;
    {
        makeStartBoard(live);
        auto file = BoardFile::open(live);
        file->database().exec("PRAGMA wal_autocheckpoint = 0");
        auto doc = file->load();
        file->attach(*doc);
        Editor editor(*doc, "grower");
        ChangeSet cs;
        for (int i = 0; i < 200; ++i) {
            Note n = editor.makeNote("长文本 long text " + std::to_string(i) + "\n" + std::string(3000, 'z'), "survey");
            n.x = -2000 + (i % 10) * 230;
            n.y = 200 + (i / 10) * 150;
            n.quadrant = quadrantOf(n);
            ids.push_back(n.id);
            cs.notes.added.push_back(n);
        }
        editor.applyLocal(cs);
        // What the disk holds if the process died now: the main file and the WAL.
        std::filesystem::copy_file(live, image);
        std::filesystem::copy_file(live + "-wal", image + "-wal");
    }
    // Then the checkpoint began: the newest page 1 from the WAL went into the main file.
    const std::string wal = readFile(image + "-wal");
    ASSERT_GE(wal.size(), 32u);
    const std::uint32_t pageSize = be32(wal, 8);
    const std::string salts = wal.substr(16, 8);
    std::string page1;
    std::uint32_t walPages = 0;
    for (std::size_t at = 32; at + 24 + pageSize <= wal.size(); at += 24 + pageSize) {
        if (wal.substr(at + 8, 8) != salts) break;
        if (be32(wal, at) == 1) {
            page1 = wal.substr(at + 24, pageSize);
            walPages = be32(page1, 28);
        }
    }
    ASSERT_EQ(page1.size(), pageSize);
    const auto mainSize = std::filesystem::file_size(image);
    ASSERT_GT(std::uint64_t(walPages) * pageSize, mainSize) << "the board did not grow beyond its main file";
    {
        std::fstream f(image, std::ios::in | std::ios::out | std::ios::binary);
        f.write(page1.data(), static_cast<std::streamsize>(page1.size()));
    }
    ASSERT_EQ(std::filesystem::file_size(image), mainSize);

    for (auto mode : {BoardFile::Mode::ReadOnly, BoardFile::Mode::ReadWrite}) {
        auto file = BoardFile::open(image, mode);
        EXPECT_TRUE(file->integrityProblems().empty());
        auto doc = file->load();
        EXPECT_EQ(doc->notes().size(), 24u + ids.size());
        for (const auto& id : ids) EXPECT_NE(doc->note(id), nullptr) << id;
        EXPECT_TRUE(doc->checkInvariants().empty());
    }
}

TEST(Crash, KilledRightAfterCreatingABoardTheBoardOpens) {
    // create() has returned, so the board exists: a crash before it was ever closed (and so
    // checkpointed) must not lose it.
    TempDir dir;
    const std::string path = dir.file("new.ccboard");
    const pid_t pid = ::fork();
    if (pid == 0) {
        try {
            auto file = BoardFile::create(path, makeBoard("Just created 刚创建"), "creator");
            auto doc = file->load();
            file->attach(*doc);
            Editor editor(*doc, "creator");
            editor.addNoteInQuadrant(editor.makeNote("first note 第一条", "survey"), 2);
            ::kill(::getpid(), SIGKILL);  // before the destructors close the file
        } catch (...) {
            ::_exit(1);
        }
        ::_exit(2);
    }
    int st = 0;
    ::waitpid(pid, &st, 0);
    ASSERT_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL) << st;
    ASSERT_TRUE(std::filesystem::exists(path + "-wal"));
    for (auto mode : {BoardFile::Mode::ReadOnly, BoardFile::Mode::ReadWrite}) {
        auto file = BoardFile::open(path, mode);
        auto doc = file->load();
        EXPECT_EQ(doc->board().title, "Just created 刚创建");
        ASSERT_EQ(doc->notes().size(), 1u);
        EXPECT_EQ(doc->notes().begin()->second.text, "first note 第一条");
        EXPECT_EQ(file->changeLog().size(), 2u);
        EXPECT_TRUE(file->integrityProblems().empty());
    }
}
