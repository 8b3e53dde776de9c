// Limits said, never silent, and output files written safely: the real customer-canvas binary
// on real files, as a person runs it.

// cereal's JSON header first: it decides how rapidjson reports errors (see json_listing.cpp).
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "cli_util.h"
#include "test_util.h"

using cc::test::readFile;
using cc::test::TempDir;
using cc::test::writeFile;

namespace {

struct CliLimits : ::testing::Test {
    TempDir dir;
    std::string board = dir.file("board.ccboard");
    std::map<std::string, std::string> env{{"XDG_CONFIG_HOME", dir.file("config")}, {"HOME", dir.file("home")},
                                           {"XDG_STATE_HOME", dir.file("state")}};

    cc::test::Run cc(const std::vector<std::string>& args) { return cc::test::runCli(args, env); }
    std::string ok(const std::vector<std::string>& args) { return cc::test::succeeded(cc(args), args[0]); }
    /// A refusal: status 1, nothing on stdout, one line on stderr; returns that line.
    std::string refused(const std::vector<std::string>& args) {
        auto r = cc(args);
        EXPECT_EQ(r.status, 1) << args[0] << ": " << r.out;
        EXPECT_EQ(r.out, "") << args[0];
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "not one line: " << r.err;
        EXPECT_EQ(r.err.rfind("customer-canvas: ", 0), 0u) << r.err;
        return r.err;
    }
    rapidjson::Document listJson() {
        const std::string out = ok({"list", board, "--json"});
        rapidjson::Document d;
        d.Parse(out.c_str(), out.size());
        EXPECT_TRUE(d.IsObject());
        return d;
    }
};

/// The process id the next child is likely to get, give or take what else starts meanwhile.
pid_t nextPid() {
    const pid_t p = ::fork();
    if (p == 0) ::_exit(0);
    ::waitpid(p, nullptr, 0);
    return p + 1;
}

/// Plants symbolic links to `victim` at `prefix + pid + suffix` for the next few thousand pids:
/// where the old writers put their temporary files.
void plantForPids(const std::string& prefix, const std::string& suffix, const std::string& victim) {
    const pid_t from = nextPid();
    for (pid_t p = from; p < from + 3000; ++p)
        std::filesystem::create_symlink(victim, prefix + std::to_string(p) + suffix);
}

bool isSymlink(const std::string& path) {
    struct stat st{};
    return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

/// A JSON Canvas of `nodes` text nodes and an edge between each pair.
std::string canvasOf(int nodes) {
    std::string s = "{\"nodes\":[\n";
    for (int i = 0; i < nodes; ++i)
        s += std::string(i ? ",\n" : "") + "{\"id\":\"n" + std::to_string(i) + "\",\"type\":\"text\",\"text\":\"Customer note " +
             std::to_string(i) + ": saving feels like an afterthought\",\"x\":" + std::to_string((i % 100) * 260) +
             ",\"y\":" + std::to_string((i / 100) * 160) + ",\"width\":250,\"height\":140}";
    s += "],\"edges\":[\n";
    for (int i = 0; i + 1 < nodes; i += 2)
        s += std::string(i ? ",\n" : "") + "{\"id\":\"e" + std::to_string(i) + "\",\"fromNode\":\"n" + std::to_string(i) +
             "\",\"toNode\":\"n" + std::to_string(i + 1) + "\",\"label\":\"supports\"}";
    return s + "]}\n";
}

}  // namespace

// ---- output files ------------------------------------------------------------------------

TEST_F(CliLimits, OutputFilesNeverFollowALinkPlantedInTheirFolder) {
    const std::string victim = dir.file("victim.txt");
    writeFile(victim, "precious\n");
    ok({"new", board});
    ok({"add", board, "--text", "Fees are confusing", "--quadrant", "2", "--date", "2026-03-04"});
    const std::string shared = dir.file("shared");
    std::filesystem::create_directories(shared);

    // The settings file's fixed temporary name.
    std::filesystem::create_directories(dir.file("config") + "/customer-canvas");
    const std::string settings = dir.file("config") + "/customer-canvas/settings.ini";
    std::filesystem::create_symlink(victim, settings + ".tmp");
    ok({"config", "author", "Ann Lee"});
    EXPECT_TRUE(readFile(victim) == "precious\n");
    EXPECT_FALSE(isSymlink(settings));
    EXPECT_NE(readFile(settings).find("author=Ann Lee\n"), std::string::npos);

    // The summary's and the backup's temporary names, by process id.
    plantForPids(shared + "/.summary.md.tmp-", "", victim);
    ok({"summary", board, "--month", "2026-03", "--out", shared + "/summary.md"});
    EXPECT_TRUE(readFile(victim) == "precious\n");
    EXPECT_NE(readFile(shared + "/summary.md").find("2026-03"), std::string::npos);

    plantForPids(shared + "/backup.json.tmp-", "", victim);
    ok({"export", board, "--out", shared + "/backup.json"});
    EXPECT_TRUE(readFile(victim) == "precious\n");
    EXPECT_NE(readFile(shared + "/backup.json").find("customer-canvas-backup"), std::string::npos);

    // A link at the destination itself is replaced, not written through; so is a PDF's.
    for (const std::string name : {"/linked.html", "/linked.pdf", "/linked.json"}) {
        std::filesystem::create_symlink(victim, shared + name);
        if (name == "/linked.json") ok({"export", board, "--out", shared + name});
        else ok({"summary", board, "--month", "2026-03", "--out", shared + name});
        EXPECT_TRUE(readFile(victim) == "precious\n") << name;
        EXPECT_FALSE(isSymlink(shared + name)) << name;
    }
    // No temporary file is left behind.
    for (const auto& e : std::filesystem::directory_iterator(shared))
        EXPECT_TRUE(e.is_symlink() || e.path().filename().string().find(".tmp") == std::string::npos) << e.path();
}

TEST_F(CliLimits, AnOutputFileInAMissingFolderIsOneClearLine) {
    ok({"new", board});
    EXPECT_NE(refused({"summary", board, "--month", "2026-03", "--out", dir.file("nowhere/s.pdf")}).find("s.pdf: no such folder"),
              std::string::npos);
    EXPECT_NE(refused({"export", board, "--out", dir.file("nowhere/b.json")}).find("b.json: no such folder"), std::string::npos);
    EXPECT_NE(refused({"summary", board, "--month", "2026-03", "--out", dir.path().string()}).find("unknown format"),
              std::string::npos);
}

// ---- settings ----------------------------------------------------------------------------

TEST_F(CliLimits, ConfigAuthorRefusesWhatTheSettingsFileCannotHold) {
    const std::string settings = dir.file("config") + "/customer-canvas/settings.ini";
    ok({"config", "author", "Ann Lee"});
    const std::string before = readFile(settings);
    EXPECT_NE(refused({"config", "author", "a\nb=c"}).find("the author contains a line break"), std::string::npos);
    EXPECT_NE(refused({"config", "author", "Ann\rLee"}).find("line break"), std::string::npos);
    EXPECT_NE(refused({"config", "author", "tab\there"}).find("control character"), std::string::npos);
    EXPECT_NE(refused({"config", "author", "\xff\xfe"}).find("the author is not valid UTF-8"), std::string::npos);
    EXPECT_NE(refused({"config", "author", std::string(2000, 'a')}).find("longer than 1024 bytes"), std::string::npos);
    EXPECT_EQ(readFile(settings), before);
    EXPECT_EQ(ok({"config", "author"}), "Ann Lee\n");
}

TEST_F(CliLimits, JunkInTheSettingsFileIsSkipped) {
    const std::string settings = dir.file("config") + "/customer-canvas/settings.ini";
    std::filesystem::create_directories(dir.file("config") + "/customer-canvas");
    // Written on Windows: the CR is no part of the value.
    writeFile(settings, "author=Ann Lee\r\ncolour=#336699\r\n");
    EXPECT_EQ(ok({"config", "author"}), "Ann Lee\n");
    EXPECT_EQ(ok({"config", "colour"}), "#336699\n");
    // Bytes that are no UTF-8, binary junk, a line without '=' and an endless line: skipped, and
    // the author falls back to the OS user rather than to the junk.
    writeFile(settings, std::string("author=\xff\xfe\x01\n\x00\x01\x02junk\nnot a setting\n=x\n") + std::string(3u << 20, 'z'));
    const std::string fallback = cc::test::chomp(ok({"config", "author"}));
    EXPECT_FALSE(fallback.empty());
    EXPECT_EQ(fallback.find('\xff'), std::string::npos);
    EXPECT_NE(ok({"config"}).find("(from the OS user)"), std::string::npos);
    // Saving again writes only what is sound.
    ok({"config", "colour", "#112233"});
    EXPECT_EQ(readFile(settings), "# Customer Canvas settings (key=value)\ncolour=#112233\n");
}

// ---- server addresses --------------------------------------------------------------------

TEST_F(CliLimits, ServerAddressesInEveryFormAreRecognisedAndTheirPasswordNeverShown) {
    // No server listens at that socket folder: every command fails to connect, and says so
    // without the password, whatever form the address took.
    const std::string socket = dir.file("no-server");
    const std::vector<std::string> addresses{
        "host=" + socket + " dbname=research user=ann password=hunter2",
        "host = '" + socket + "' password = 'hunter2 x' dbname=research board=b",
        "POSTGRESQL://ann:hunter2@/research?host=" + socket,
        "Postgres://ann:hunter2@/research?host=" + socket + "&board=b",
        "postgresql:///research?host=" + socket + "&password=hunter2&sslpassword=hunter2",
    };
    writeFile(dir.file("b.json"), "{}");
    for (const auto& address : addresses) {
        SCOPED_TRACE(address);
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"list", address, "--board", "b"},
                 {"new", address, "--board", "b"},
                 {"add", address, "--board", "b", "--text", "x"},
                 {"export", address, "--board", "b", "--out", dir.file("out.json")},
                 {"copy", address, dir.file("copy.ccboard"), "--board", "b"},
             }) {
            auto r = cc(args);
            EXPECT_EQ(r.status, 1) << args[0];
            EXPECT_EQ(r.err.find("hunter2"), std::string::npos) << args[0] << ": " << r.err;
            EXPECT_EQ(r.out.find("hunter2"), std::string::npos) << args[0] << ": " << r.out;
            EXPECT_NE(r.err.find("cannot connect to the server"), std::string::npos) << args[0] << ": " << r.err;
            EXPECT_NE(r.err.find("postgresql://"), std::string::npos) << args[0] << ": " << r.err;
        }
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("copy.ccboard")));
    // A scheme that is almost right is no file name either; nor is a keyword string gone wrong.
    EXPECT_NE(refused({"list", "postgresq://ann:hunter2@db1/research"}).find("postgresq://ann@db1/research: not a board file"),
              std::string::npos);
    const std::string broken = refused({"list", "host=db1 password='hunter2"});
    EXPECT_EQ(broken.find("hunter2"), std::string::npos) << broken;
    EXPECT_NE(broken.find("no closing quote"), std::string::npos) << broken;
    const std::string stray = refused({"list", "postgresql://ann:hun%zzter2@db1/research?board=b"});
    EXPECT_EQ(stray.find("hun"), std::string::npos) << stray;
}

// ---- imports -----------------------------------------------------------------------------

TEST_F(CliLimits, AnEmptyCanvasSaysItHasNoTextNodes) {
    ok({"new", board});
    writeFile(dir.file("empty.canvas"), "{}\n");
    writeFile(dir.file("files.canvas"), R"({"nodes":[{"id":"f","type":"file","file":"a.png"}],"edges":[]})");
    EXPECT_EQ(ok({"import", board, dir.file("empty.canvas")}), dir.file("empty.canvas") + ": no text nodes, nothing added (canvas, UTF-8)\n");
    EXPECT_EQ(ok({"import", board, dir.file("files.canvas")}), dir.file("files.canvas") + ": no text nodes, nothing added (canvas, UTF-8)\n");
}

TEST_F(CliLimits, EdgesThatCannotBecomeLinksAreCounted) {
    ok({"new", board});
    writeFile(dir.file("c.canvas"), R"({"edges":[{"id":"e1","fromNode":"a","toNode":"b","color":"4"},
        {"id":"e2","fromNode":"a","toNode":"ghost"},{"id":"e3","fromNode":"gone","toNode":"b"},
        {"id":"e4","fromNode":"a","toNode":"pic"},{"id":"e5","fromNode":"a","toNode":"a"}],
      "nodes":[{"id":"a","type":"text","text":"Fees confuse"},{"id":"b","type":"text","text":"Fees are clear"},
        {"id":"pic","type":"file","file":"x.png"}]})");
    EXPECT_EQ(ok({"import", board, dir.file("c.canvas")}),
              dir.file("c.canvas") + ": 2 candidates added, 1 link (canvas, UTF-8) into the tray; 2 edges to nodes the file "
                                     "does not have, left out; 1 edge to file, link, group or empty nodes, left out; 1 edge "
                                     "from a node to itself, left out\n");
}

TEST_F(CliLimits, TextLongerThanANoteIsSplitAndSaid) {
    ok({"new", board});
    // A Markdown paragraph of 150,000 bytes, and a canvas node of 70,000: each too long for a note.
    std::string paragraph;
    for (int i = 0; paragraph.size() < 150000; ++i) paragraph += "Sentence " + std::to_string(i) + " of a very long answer. ";
    paragraph.pop_back();
    writeFile(dir.file("long.md"), "# Interview\n\n" + paragraph + "\n\nA short paragraph.\n");
    std::string node;
    for (int i = 0; node.size() < 70000; ++i) node += "word" + std::to_string(i) + " ";
    node.pop_back();
    writeFile(dir.file("long.canvas"), R"({"nodes":[{"id":"big","type":"text","text":")" + node + R"("}]})");

    const std::string out = ok({"import", board, dir.file("long.md"), dir.file("long.canvas")});
    EXPECT_NE(out.find("long.md: 4 candidates added (markdown, UTF-8) into the tray; 1 text over 64 KiB split into 3 notes\n"),
              std::string::npos) << out;
    EXPECT_NE(out.find("long.canvas: 2 candidates added (canvas, UTF-8) into the tray; 1 text over 64 KiB split into 2 notes\n"),
              std::string::npos) << out;

    // Nothing is lost: the parts, in order, are the whole text; each says which part it is.
    auto d = listJson();
    std::map<std::string, std::string> parts;  // location -> text
    for (const auto& n : d["notes"].GetArray()) {
        const std::string text = n["text"].GetString();
        EXPECT_LE(text.size(), 65536u);
        parts[n["provenance"]["location"].GetString()] = text;
    }
    std::string joined, joinedNode;
    for (const auto& [location, text] : parts) {
        if (location.find("part ") == std::string::npos) continue;
        if (location.rfind("node big", 0) == 0) joinedNode += (joinedNode.empty() ? "" : " ") + text;
        else joined += (joined.empty() ? "" : " ") + text;
    }
    EXPECT_EQ(joined, paragraph);
    EXPECT_EQ(joinedNode, node);
    EXPECT_EQ(parts.count("node big, part 1 of 2"), 1u);
}

TEST_F(CliLimits, AModeratelyLargeCanvasImportsWhole) {
    ok({"new", board});
    writeFile(dir.file("big.canvas"), canvasOf(20000));
    EXPECT_EQ(ok({"import", board, dir.file("big.canvas")}),
              dir.file("big.canvas") + ": 20000 candidates added, 10000 links (canvas, UTF-8) into the tray\n");
    EXPECT_NE(ok({"check", board}).find("ok (20000 notes, 10000 links"), std::string::npos);
}

TEST_F(CliLimits, RunningOutOfMemoryNamesTheFile) {
    ok({"new", board});
    // 64 MB of Markdown under an address-space limit that leaves too little room to read it.
    {
        std::ofstream out(dir.file("huge.md"));
        const std::string para(1000, 'x');
        for (int i = 0; i < 64000; ++i) out << para << "\n\n";
    }
    // Start-up needs its libraries mapped; the limit leaves some 30 MB above that, less than
    // the file: reading it runs out.
    auto limited = [&](long kb) {
        return cc::test::run({"/bin/sh", "-c", "ulimit -v " + std::to_string(kb) + " && exec \"$@\"", "sh", CC_BINARY,
                              "import", board, dir.file("huge.md")},
                             env);
    };
    long base = 0;
    for (long kb = 100000; kb <= 4000000 && base == 0; kb += 10000)
        if (cc::test::run({"/bin/sh", "-c", "ulimit -v " + std::to_string(kb) + " && exec \"$@\"", "sh", CC_BINARY, "sources"},
                          env)
                .status == 0)
            base = kb;
    ASSERT_GT(base, 0);
    const auto r = limited(base + 30000);
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_EQ(r.err, "customer-canvas: " + dir.file("huge.md") + ": too large to read in the memory this computer has\n");
}

// ---- backups -----------------------------------------------------------------------------

TEST_F(CliLimits, ABackupWithAHugeNumberNamesItsField) {
    ok({"new", board});
    ok({"add", board, "--text", "Fees are confusing", "--votes", "3"});
    ok({"export", board, "--out", dir.file("b.json")});
    const std::string good = readFile(dir.file("b.json"));
    auto patched = [&](const std::string& from, const std::string& to) {
        std::string s = good;
        const auto at = s.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return s.replace(at, from.size(), to);
    };
    const std::pair<std::string, std::string> cases[] = {
        {patched("\"votes\": 3", "\"votes\": 1e999"), "field \"votes\": the number 1e999 cannot be read"},
        {patched("\"votes\": 3", "\"votes\": 30000000000"), "field \"votes\" is not a whole number in range"},
        {patched("\"votes\": 3", "\"votes\": 2.5"), "field \"votes\" is not a whole number in range"},
        {patched("\"colour\": 0", "\"colour\": -1"), "field \"colour\" is not a whole number in range"},
        {patched("\"created\": ", "\"created\": 1e300, \"x-created\": "), "field \"created\" is not a whole number in range"},
        {patched("\"title\": \"board\"", "\"title\": 5"), "field \"title\" is not a text"},
    };
    for (const auto& [json, mention] : cases) {
        writeFile(dir.file("bad.json"), json);
        const std::string err = refused({"restore", dir.file("bad.json"), dir.file("restored.ccboard")});
        EXPECT_NE(err.find(dir.file("bad.json") + ": not a readable backup ("), std::string::npos) << err;
        EXPECT_NE(err.find(mention), std::string::npos) << err;
        EXPECT_EQ(err.find("rapidjson"), std::string::npos) << err;
        EXPECT_FALSE(std::filesystem::exists(dir.file("restored.ccboard")));
    }
    ok({"restore", dir.file("b.json"), dir.file("restored.ccboard")});
}

TEST_F(CliLimits, ABackupFromANewerProgramIsRefused) {
    ok({"new", board});
    ok({"add", board, "--text", "Fees are confusing"});
    ok({"export", board, "--out", dir.file("b.json")});
    std::string json = readFile(dir.file("b.json"));
    // The note record's version: written by a program that knows a version 2 of notes.
    const auto notes = json.find("\"notes\"");
    const auto version = json.find("\"cereal_class_version\": 1", notes);
    ASSERT_NE(version, std::string::npos);
    json.replace(version, 25, "\"cereal_class_version\": 2");
    writeFile(dir.file("newer.json"), json);
    const std::string err = refused({"restore", dir.file("newer.json"), dir.file("restored.ccboard")});
    EXPECT_NE(err.find("a record of version 2, newer than this program reads (1)"), std::string::npos) << err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("restored.ccboard")));

    json.replace(version, 25, "\"cereal_class_version\": \"two\"");
    writeFile(dir.file("newer.json"), json);
    EXPECT_NE(refused({"restore", dir.file("newer.json"), dir.file("restored.ccboard")}).find("not a version number"),
              std::string::npos);
}
