// The record guard: whatever another program wrote, a record that leaves it keeps every rule the
// document checks, and each repair is reported.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <limits>

#include "canvas/board_factory.h"
#include "canvas/document.h"
#include "canvas/geometry.h"
#include "canvas/record_guard.h"

using namespace cc;
using namespace std::string_literals;

namespace {

Note sound() {
    Note n;
    n.id = "n-1";
    n.text = "Fees feel unfair\nbody";
    n.source = "survey";
    n.created = n.updated = 1'790'000'000'000;
    n.x = -500;
    n.y = -400;
    n.w = kNoteWidth;
    n.h = kNoteHeight;
    n.quadrant = quadrantOf(n);
    return n;
}

bool mentions(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& l : lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(SafeText, KeepsLineFeedsTabsAndEveryScript) {
    const std::string s = "Fees\tfeel unfair\n手续费 🙂 é";
    EXPECT_EQ(unsafeTextReason(s), "");
    EXPECT_EQ(safeText(s, 1000), s);
}

TEST(SafeText, ReplacesNulControlsBadBytesAndNoncharacters) {
    EXPECT_EQ(safeText("a\0b"s, 100), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(safeText("a\x01\x1b[31m", 100), "a\xEF\xBF\xBD\xEF\xBF\xBD[31m");
    EXPECT_EQ(safeText("a\r\nb\rc", 100), "a\nb\nc");
    EXPECT_EQ(safeText("a\xff\xc3", 100), "a\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(safeText("\xEF\xB7\x90|\xEF\xBF\xBF|\xF4\x8F\xBF\xBE", 100),
              "\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD");  // U+FDD0, U+FFFF, U+10FFFE
    EXPECT_NE(unsafeTextReason("a\0b"s).find("U+0000"), std::string::npos);
    EXPECT_NE(unsafeTextReason("\xEF\xBF\xBF").find("noncharacter U+FFFF"), std::string::npos);
    EXPECT_NE(unsafeTextReason("\xc3").find("UTF-8"), std::string::npos);
}

TEST(SafeText, CutsAtACharacterBoundary) {
    EXPECT_EQ(safeText("ab手续费", 6), "ab手");
    EXPECT_EQ(safeText(std::string(100000, 'x'), limits::kTextBytes).size(), limits::kTextBytes);
}

TEST(GuardNote, ASoundNoteIsLeftAlone) {
    Note n = sound();
    const Note before = n;
    EXPECT_TRUE(guardNote(n, SourceKinds::builtin()).empty());
    EXPECT_EQ(n, before);
}

TEST(GuardNote, APlaceOutOfRangeSendsTheNoteToTheTray) {
    Note n = sound();
    n.y = -1e308;
    const auto fixes = guardNote(n, SourceKinds::builtin());
    EXPECT_TRUE(mentions(fixes, "y -1e+308 out of range, placed in the tray"));
    EXPECT_EQ(n.state, NoteState::Tray);
    EXPECT_EQ(n.x, 0);
    EXPECT_EQ(n.y, 0);
    Note m = sound();
    m.x = std::nan("");
    guardNote(m, SourceKinds::builtin());
    EXPECT_EQ(m.state, NoteState::Tray);
}

TEST(GuardNote, HugeOrMissingSizesAreClamped) {
    Note n = sound();
    n.w = 1e9;
    n.h = -std::numeric_limits<double>::infinity();
    const auto fixes = guardNote(n, SourceKinds::builtin());
    EXPECT_EQ(n.w, limits::kMaxNoteSize);
    EXPECT_EQ(n.h, kNoteHeight);
    EXPECT_TRUE(mentions(fixes, "width 1e+09 out of range"));
}

TEST(GuardNote, TextAndTagsAreMadeSafe) {
    Note n = sound();
    n.text = "bad\0text"s;
    n.tags = {"b\x01", "a", "a", ""};
    const auto fixes = guardNote(n, SourceKinds::builtin());
    EXPECT_EQ(n.text, "bad\xEF\xBF\xBDtext");
    EXPECT_EQ(n.tags, (std::vector<std::string>{"a", "b\xEF\xBF\xBD"}));
    EXPECT_TRUE(mentions(fixes, "text holds the control character U+0000"));
}

TEST(GuardRecords, LeavesOutWhatCannotBeRepairedAndSaysSo) {
    std::vector<Note> notes{sound(), sound(), sound()};
    notes[1].id = "";
    notes[2].id = "n-2";
    std::vector<Link> links(3);
    const char* ends[][3] = {{"l-1", "n-1", "n-2"}, {"l-2", "n-1", "n-gone"}, {"l-3", "n-1", "n-1"}};
    for (int i = 0; i < 3; ++i) {
        links[i].id = ends[i][0];
        links[i].from = ends[i][1];
        links[i].to = ends[i][2];
    }
    const auto lines = guardRecords(notes, links, SourceKinds::builtin());
    ASSERT_EQ(notes.size(), 2u);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].id, "l-1");
    EXPECT_TRUE(mentions(lines, "link l-2: its note n-gone is missing, left out"));
    EXPECT_TRUE(mentions(lines, "link l-3: it links a note to itself, left out"));
    EXPECT_TRUE(mentions(lines, "its id is not usable, left out"));
}

TEST(GuardBoard, AWallOfNoSizeGetsTheDefault) {
    BoardInfo b = makeBoard("T");
    b.wallWidth = std::numeric_limits<double>::infinity();
    b.wallHeight = 1e300;
    b.title = "T\0"s;
    EXPECT_FALSE(guardBoard(b).empty());
    Document doc(b);
    EXPECT_NO_THROW(doc.validateBoard(b));
}

TEST(DocumentRules, UnsafeTextIsRefusedByTheDocumentToo) {
    Document doc(makeBoard("T"));
    Note n = sound();
    n.text = "a\0b"s;
    EXPECT_THROW(doc.validateNote(n), ChangeError);
    n.text = "a\xEF\xBF\xBF";
    EXPECT_THROW(doc.validateNote(n), ChangeError);
}

// Whatever a row holds, the guarded note keeps the rules the document checks.
RC_GTEST_PROP(GuardNote, AnyNoteComesOutValid, ()) {
    const std::vector<double> specials{0,    -0.0, 1e308, -1e308, std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity(), std::nan(""), 1e9, -1, 5e6};
    auto number = [&] {
        return *rc::gen::oneOf(rc::gen::elementOf(specials),
                               rc::gen::map(rc::gen::arbitrary<int>(), [](int v) { return double(v); }));
    };
    auto bytes = [] {
        return *rc::gen::container<std::string>(rc::gen::arbitrary<char>());
    };
    Note n = sound();
    n.text = bytes();
    n.author = bytes();
    n.segment = bytes();
    n.source = *rc::gen::elementOf(std::vector<std::string>{"survey", "", "nonsense", "other"});
    n.dateGathered = *rc::gen::elementOf(std::vector<std::string>{"", "2026-02-30", "2026-01-05", "x"});
    n.tags = *rc::gen::container<std::vector<std::string>>(rc::gen::container<std::string>(rc::gen::arbitrary<char>()));
    n.provenance = {bytes(), bytes(), bytes()};
    n.colour = *rc::gen::arbitrary<std::uint32_t>();
    n.votes = *rc::gen::arbitrary<int>();
    n.created = *rc::gen::arbitrary<std::int64_t>();
    n.updated = *rc::gen::arbitrary<std::int64_t>();
    n.state = *rc::gen::elementOf(std::vector<NoteState>{NoteState::Tray, NoteState::Pinned, NoteState::Archived});
    n.quadrant = *rc::gen::arbitrary<int>();
    n.x = number();
    n.y = number();
    n.w = number();
    n.h = number();
    guardNote(n, SourceKinds::builtin());
    Document doc(makeBoard("T"));
    doc.validateNote(n);  // throws (and fails the property) on any rule broken
    Note again = n;
    RC_ASSERT(guardNote(again, SourceKinds::builtin()).empty());  // a guarded note is left alone
}
