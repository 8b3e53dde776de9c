// Upgrading old board files. tests/fixtures keeps one board per schema version, written by the
// program of that version: every future schema version adds its own fixture (board-vN.ccboard,
// made by a generator like WriteBoardV1Fixture below, run once with the code of that version)
// and a test like this one that opens a copy of it, migrates it and finds the known records.
// Never regenerate an old fixture with newer code: it must stay what that version wrote.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>

#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "storage/migrations.h"
#include "storage/serialize.h"
#include "test_util.h"

using namespace cc;
using cc::test::readFile;
using cc::test::TempDir;

namespace {

const std::string kFixtureV1 = std::string(CC_FIXTURES) + "/board-v1.ccboard";

BoardInfo fixtureBoard() {
    BoardInfo b;
    b.id = "b-fixturev1";
    b.title = "Fixture v1 客户画布";
    b.templateKey = "canvas";
    b.created = 1767225600000;  // 2026-01-01T00:00:00Z
    b.quadrants = {QuadrantInfo{1, "Profile · 客户画像", "Who they are. 他们是谁。"},
                   QuadrantInfo{2, "Behaviour · 行为", "What they do."},
                   QuadrantInfo{3, "Attitudes · 态度与感受", "What they say, think and feel."},
                   QuadrantInfo{4, "Needs & aspirations · 需求与期望", "What they need."}};
    b.wallWidth = 4800;
    b.wallHeight = 3000;
    return b;
}

Note fixtureNote(const std::string& id, std::string text, std::string source, double x, double y) {
    Note n;
    n.id = id;
    n.text = std::move(text);
    n.source = std::move(source);
    n.author = "王芳";
    n.dateGathered = "2026-07-28";
    n.created = 1767312000000;
    n.updated = 1767312000000;
    n.w = 220;
    n.h = 140;
    n.x = x;
    n.y = y;
    n.quadrant = quadrantAt(x + n.w / 2, y + n.h / 2);
    return n;
}

/// The notes of the v1 fixture, as they are after the generator's last change.
std::vector<Note> fixtureNotes() {
    Note a = fixtureNote("n-fix1", "年轻客户觉得我们是“父母的银行”\n焦点小组 16 人：稳重、安全，也说老派", "focus_group",
                         -1000, 500);
    a.tags = {"brand", "年轻客户"};
    a.segment = "Young professionals";
    a.votes = 6;
    a.provenance = {"groups-2026-07.docx", "Findings > Brand", "稳重、安全"};
    Note b = fixtureNote("n-fix2", "App transfer failure rate 3.2%\n59.8 万笔 of 1,870 万", "web_callcenter", 300,
                         -1000);
    b.data = DataKind::Quantitative;
    b.tags = {"mobile", "transfers"};
    b.votes = 5;
    b.colour = 0x336699;
    Note c = fixtureNote("n-fix3", "Tell me before you charge me", "voice_of_customer", 600, 700);
    c.tags = {"fees"};
    c.author = "Sarah Chen";
    c.dateGathered = "";
    Note d = fixtureNote("n-fix4", "主要服务区 60 岁以上常住人口占比 23.4%", "census", -2000, -1200);
    d.data = DataKind::Quantitative;
    d.tags = {"demographics", "适老化"};
    d.customerInitiated = false;
    Note e = fixtureNote("n-fix5", "Candidate from the survey import", "survey", 0, 0);
    e.state = NoteState::Tray;
    e.quadrant = 0;
    e.provenance = {"survey.csv", "row 12 × column Q3", "too slow, 太慢了"};
    e.state = NoteState::Tray;
    std::vector<Note> v{a, b, c, d, e};
    for (auto& n : v) normaliseTags(n.tags);
    return v;
}

std::vector<Link> fixtureLinks() {
    return {Link{"l-fix1", "n-fix2", "n-fix3", LinkKind::Supports, "evidence", "Tom Baker", 1767398400000},
            Link{"l-fix2", "n-fix1", "n-fix4", LinkKind::Conflicts, "直觉 vs 数据", "张强", 1767398400001}};
}

std::int64_t headerInt(const std::string& bytes, std::size_t at) {
    auto u = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])); };
    return static_cast<std::int32_t>((u(0) << 24) | (u(1) << 16) | (u(2) << 8) | u(3));
}

}  // namespace

// The generator of tests/fixtures/board-v1.ccboard. Run it only with the code of schema 1:
//   storage_tests --gtest_also_run_disabled_tests --gtest_filter='*WriteBoardV1Fixture'
TEST(MigrationFixture, DISABLED_WriteBoardV1Fixture) {
    ASSERT_EQ(currentSchemaVersion(), 1) << "this fixture is the board of schema 1; add board-v"
                                         << currentSchemaVersion() << ".ccboard instead";
    const std::string path = kFixtureV1;
    std::filesystem::remove(path);
    {
        auto file = BoardFile::create(path, fixtureBoard(), "王芳");
        auto doc = file->load();
        file->attach(*doc);
        // The records as first added, then one change to them, so the log holds updates too.
        auto notes = fixtureNotes();
        Note firstB = notes[1];
        firstB.x = -1500;
        firstB.quadrant = quadrantOf(firstB);
        firstB.text = "App transfer failure rate";
        ChangeSet add;
        add.author = "王芳";
        add.time = 1767312000000;
        add.notes.added = notes;
        add.notes.added[1] = firstB;
        doc->apply(add);
        ChangeSet link;
        link.author = "Tom Baker";
        link.time = 1767398400001;
        link.links.added = fixtureLinks();
        doc->apply(link);
        ChangeSet move;
        move.author = "Sarah Chen";
        move.time = 1767484800000;
        move.notes.updated.emplace_back(firstB, notes[1]);
        doc->apply(move);
    }
    // One self-contained file: out of WAL mode, compacted.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, "PRAGMA journal_mode = DELETE; VACUUM;", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
    EXPECT_LT(std::filesystem::file_size(path), 100u * 1024);
}

TEST(Migration, TheV1FixtureIsASingleFileOfSchema1) {
    ASSERT_TRUE(std::filesystem::is_regular_file(kFixtureV1)) << kFixtureV1;
    EXPECT_FALSE(std::filesystem::exists(kFixtureV1 + "-wal"));
    EXPECT_LT(std::filesystem::file_size(kFixtureV1), 100u * 1024);
    const std::string bytes = readFile(kFixtureV1);
    ASSERT_GE(bytes.size(), 100u);
    EXPECT_EQ(bytes.substr(0, 16), std::string("SQLite format 3\0", 16));
    EXPECT_EQ(bytes[18], 1) << "the fixture should be in rollback-journal mode (a single file)";
    EXPECT_EQ(headerInt(bytes, 60), 1) << "user_version";
    EXPECT_EQ(headerInt(bytes, 68), kBoardApplicationId) << "application_id";
}

TEST(Migration, ABoardOfSchema1OpensMigratedWithAllItsRecords) {
    TempDir dir;
    const std::string path = dir.file("old.ccboard");
    std::filesystem::copy_file(kFixtureV1, path);
    const std::string fixtureBytes = readFile(kFixtureV1);
    {
        auto file = BoardFile::open(path);  // read-write: migrates to the current schema
        EXPECT_EQ(file->database().execAndGet("PRAGMA user_version").getInt(), currentSchemaVersion());
        EXPECT_EQ(file->database().execAndGet("PRAGMA application_id").getInt(), kBoardApplicationId);
        EXPECT_TRUE(file->integrityProblems().empty());
        auto doc = file->load();
        EXPECT_TRUE(doc->checkInvariants().empty());
        EXPECT_EQ(doc->board(), fixtureBoard());

        std::map<std::string, Note> want;
        for (const auto& n : fixtureNotes()) want[n.id] = n;
        EXPECT_EQ((std::map<std::string, Note>(doc->notes().begin(), doc->notes().end())), want);
        std::map<std::string, Link> wantLinks;
        for (const auto& l : fixtureLinks()) wantLinks[l.id] = l;
        EXPECT_EQ((std::map<std::string, Link>(doc->links().begin(), doc->links().end())), wantLinks);

        // Spelled out, so that a change to the helpers above cannot hide a lost field.
        const Note* a = doc->note("n-fix1");
        ASSERT_NE(a, nullptr);
        EXPECT_EQ(noteTitle(*a), "年轻客户觉得我们是“父母的银行”");
        EXPECT_EQ(a->quadrant, 3);
        EXPECT_EQ(a->tags, (std::vector<std::string>{"brand", "年轻客户"}));
        EXPECT_EQ(a->provenance.excerpt, "稳重、安全");
        EXPECT_EQ(a->votes, 6);
        const Note* b = doc->note("n-fix2");
        ASSERT_NE(b, nullptr);
        EXPECT_EQ(b->x, 300);
        EXPECT_EQ(b->quadrant, 2);
        EXPECT_EQ(b->colour, 0x336699u);
        EXPECT_EQ(b->data, DataKind::Quantitative);
        EXPECT_EQ(doc->note("n-fix5")->state, NoteState::Tray);
        EXPECT_EQ(doc->link("l-fix2")->label, "直觉 vs 数据");
        EXPECT_EQ(doc->link("l-fix2")->kind, LinkKind::Conflicts);
        EXPECT_EQ(doc->linksOf("n-fix1").size(), 1u);

        // The history came along: created, added, linked, moved.
        const auto log = file->changeLog();
        ASSERT_EQ(log.size(), 4u);
        EXPECT_EQ(log[0].author, "王芳");
        EXPECT_EQ(log[3].author, "Sarah Chen");
        for (const auto& e : log) EXPECT_NO_THROW(changeSetFromJson(e.payload)) << e.seq;
        const ChangeSet move = changeSetFromJson(log[3].payload);
        ASSERT_EQ(move.notes.updated.size(), 1u);
        EXPECT_EQ(move.notes.updated[0].second, *b);

        // And the upgraded board takes new changes.
        file->attach(*doc);
        Editor editor(*doc, "tester");
        editor.addNoteInQuadrant(editor.makeNote("after the upgrade 升级后", "survey"), 4);
        editor.deleteNotes({"n-fix4"});
    }
    auto reopened = BoardFile::open(path, BoardFile::Mode::ReadOnly);
    EXPECT_EQ(reopened->load()->notes().size(), 5u);
    EXPECT_EQ(reopened->lastSequence(), 6);
    EXPECT_TRUE(reopened->integrityProblems().empty());
    EXPECT_EQ(readFile(kFixtureV1), fixtureBytes) << "the fixture itself must never change";
}

TEST(Migration, ABoardOfSchema1OpensReadOnlyWithoutChangingIt) {
    TempDir dir;
    const std::string path = dir.file("old.ccboard");
    std::filesystem::copy_file(kFixtureV1, path);
    const std::string bytes = readFile(path);
    {
        auto file = BoardFile::open(path, BoardFile::Mode::ReadOnly);
        auto doc = file->load();
        EXPECT_EQ(doc->notes().size(), 5u);
        EXPECT_EQ(doc->links().size(), 2u);
    }
    EXPECT_EQ(readFile(path), bytes);
}

TEST(Migration, ChangeSetsOfVersion1ReadWithoutOverwritesAndVersion2KeepsThem) {
    // A payload as the first schema's program wrote it: no "overwrote" field.
    const std::string v1 =
        R"({"changeSet":{"cereal_class_version":1,"source":"user","author":"Ann","time":5,)"
        R"("notes":{"cereal_class_version":1,"added":[],"updated":[],"removed":[]},)"
        R"("links":{"cereal_class_version":1,"added":[],"updated":[],"removed":[]},"board":{"nullopt":true}}})";
    const ChangeSet old = changeSetFromJson(v1);
    EXPECT_EQ(old.author, "Ann");
    EXPECT_TRUE(old.overwrote.empty());
    ChangeSet now = old;
    now.overwrote = {"n-abc", "n-def"};
    const std::string json = changeSetToJson(now);
    EXPECT_NE(json.find("\"overwrote\""), std::string::npos);
    EXPECT_EQ(changeSetFromJson(json), now);
}
