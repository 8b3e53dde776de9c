// JSON Canvas groups: a group is the text nodes inside it, and the import makes an insight of it
// (its label the title, its notes the evidence), in the same change set as the notes.
#include <gtest/gtest.h>

#include <algorithm>

#include "canvas/board_factory.h"
#include "canvas/document.h"
#include "storage/import/candidate.h"
#include "storage/import/import_pipeline.h"
#include "import_test_util.h"

using namespace cc;
using namespace cc::import;
using cc::test::fixture;
using cc::test::fixturePath;

namespace {

const std::string kFixture = "canvas-groups.canvas";  // as Obsidian writes it: groups, nested, one unlabelled, one empty

/// The import of the fixture onto `doc`, applied; its report.
FileReport importOnto(Document& doc, int pin) {
    ImportOptions opt;
    opt.pinQuadrant = pin;
    opt.source = "complaint";
    std::vector<FileReport> reports;
    const ChangeSet cs = buildImport(doc, {parseForImport(fixturePath(kFixture), {})}, opt, "tester", reports);
    doc.apply(cs);
    return reports.at(0);
}

const Note* noteWithText(const Document& doc, const std::string& start) {
    for (const auto& [id, n] : doc.notes())
        if (n.text.rfind(start, 0) == 0) return &n;
    return nullptr;
}

std::vector<std::string> textsOf(const Document& doc, const Insight& i) {
    std::vector<std::string> out;
    for (const auto& id : i.notes) out.push_back(doc.note(id)->text);
    return out;
}

const Insight* insightTitled(const Document& doc, const std::string& title) {
    for (const auto& [id, i] : doc.insights())
        if (i.title == title) return &i;
    return nullptr;
}

}  // namespace

TEST(CanvasGroups, AGroupIsTheTextNodesInsideIt) {
    const ParseResult r = parseJsonCanvas(fixture(kFixture), kFixture);
    ASSERT_EQ(r.groups.size(), 3u) << "the group with no text node inside is left out";
    EXPECT_EQ(r.groups[0].label, "Slow refunds lose young families");
    // Top to bottom, then left to right.
    EXPECT_EQ(r.groups[0].nodes, (std::vector<std::string>{"1a2b3c4d5e6f7081", "2b3c4d5e6f708192", "3c4d5e6f708192a3", "4d5e6f708192a3b4"}));
    EXPECT_EQ(r.groups[1].label, "Refund channel");  // nested: its node is in both
    EXPECT_EQ(r.groups[1].nodes, std::vector<std::string>{"4d5e6f708192a3b4"});
    EXPECT_EQ(r.groups[2].label, "");
    EXPECT_EQ(r.groups[2].nodes, (std::vector<std::string>{"5e6f708192a3b4c5", "6f708192a3b4c5d6"}));
    EXPECT_EQ(r.remarks, std::vector<std::string>{"1 group with no text node inside, left out"});
}

TEST(CanvasGroups, TheImportMakesAnInsightOfEachGroupWithItsNotesInTheTray) {
    Document doc(makeBoard("Retail"));
    const FileReport rep = importOnto(doc, 0);
    EXPECT_EQ(rep.added, 7u);
    EXPECT_EQ(rep.insights, 3u);
    EXPECT_NE(std::find(rep.remarks.begin(), rep.remarks.end(), "3 groups made into insights"), rep.remarks.end());
    ASSERT_EQ(doc.insights().size(), 3u);

    const Insight* refunds = insightTitled(doc, "Slow refunds lose young families");
    ASSERT_TRUE(refunds);
    EXPECT_EQ(textsOf(doc, *refunds), (std::vector<std::string>{"Refunds\nComplaints: refunds take 12 days on average.",
                                                                "退货退款太慢，年轻家庭客户正在流失。",
                                                                "Survey: 41% of parents say refunds decide where they shop.",
                                                                "Call centre: refund calls peak on Mondays."}));
    EXPECT_EQ(refunds->quadrant, 0) << "its notes are in the tray";
    EXPECT_EQ(refunds->state, InsightState::Draft);
    EXPECT_EQ(refunds->author, "tester");
    for (const auto& id : refunds->notes) EXPECT_EQ(doc.note(id)->state, NoteState::Tray);

    const Insight* channel = insightTitled(doc, "Refund channel");
    ASSERT_TRUE(channel);
    EXPECT_EQ(textsOf(doc, *channel), std::vector<std::string>{"Call centre: refund calls peak on Mondays."});
    // A group without a label is titled by the first line of its first note.
    const Insight* unlabelled = insightTitled(doc, "Focus group: parents like store credit");
    ASSERT_TRUE(unlabelled);
    EXPECT_EQ(unlabelled->notes.size(), 2u);
    // The note outside every group is in none.
    const Note* idea = noteWithText(doc, "Idea: refund to the app wallet");
    ASSERT_TRUE(idea);
    EXPECT_TRUE(doc.insightsCiting(idea->id).empty());
}

TEST(CanvasGroups, PinnedNotesGiveTheInsightTheirQuadrantAndAgainAddsNothing) {
    Document doc(makeBoard("Retail"));
    importOnto(doc, 2);
    ASSERT_EQ(doc.insights().size(), 3u);
    for (const auto& [id, i] : doc.insights()) {
        EXPECT_EQ(i.quadrant, 2) << i.title;
        for (const auto& n : i.notes) EXPECT_EQ(doc.note(n)->quadrant, 2);
    }
    // The same canvas again: its notes are duplicates, and its groups make no insight again.
    const FileReport again = importOnto(doc, 2);
    EXPECT_EQ(again.added, 0u);
    EXPECT_EQ(again.insights, 0u);
    EXPECT_EQ(doc.insights().size(), 3u);
    EXPECT_NE(std::find(again.remarks.begin(), again.remarks.end(), "3 groups imported before (no new notes), no insight made"),
              again.remarks.end());
}

TEST(CanvasGroups, AGroupWithANewNoteAndOneAlreadyThereCitesBoth) {
    Document doc(makeBoard("Retail"));
    const std::string first = R"({"nodes":[{"id":"a","type":"text","text":"Old evidence","x":0,"y":0,"width":100,"height":60}]})";
    const std::string second = R"({"nodes":[{"id":"g","type":"group","x":-10,"y":-10,"width":400,"height":100,"label":"  Theme  "},
        {"id":"a","type":"text","text":"Old evidence","x":0,"y":0,"width":100,"height":60},
        {"id":"b","type":"text","text":"New evidence","x":200,"y":0,"width":100,"height":60}]})";
    for (const std::string* text : {&first, &second}) {
        std::vector<FileReport> reports;
        ParsedFile f;
        f.path = "same.canvas";
        f.result = parseJsonCanvas(*text, "same.canvas");
        f.fileDate = "2026-12-01";
        doc.apply(buildImport(doc, {f}, ImportOptions{}, "tester", reports));
    }
    ASSERT_EQ(doc.insights().size(), 1u);
    const Insight& i = doc.insights().begin()->second;
    EXPECT_EQ(i.title, "Theme");
    EXPECT_EQ(textsOf(doc, i), (std::vector<std::string>{"Old evidence", "New evidence"}));
}

TEST(CanvasGroups, GroupsAreBounded) {
    // More groups than kMaxGroups: the rest are left out and said; a group with no place is said.
    std::string json = R"({"nodes":[{"id":"t","type":"text","text":"Inside","x":10,"y":10,"width":50,"height":50},
                                     {"id":"nowhere","type":"group","label":"No place"})";
    for (std::size_t i = 0; i <= kMaxGroups; ++i)
        json += R"(,{"id":"g)" + std::to_string(i) + R"(","type":"group","x":0,"y":0,"width":100,"height":100,"label":"G"})";
    json += "]}";
    const ParseResult r = parseJsonCanvas(json, "many.canvas");
    EXPECT_EQ(r.groups.size(), kMaxGroups);
    EXPECT_EQ(r.remarks, (std::vector<std::string>{"1 group without a place or size, left out", "1 group over 10000 left out"}));
    // A label that is not a string is the same clear error as any other field.
    try {
        parseJsonCanvas(R"({"nodes":[{"id":"g","type":"group","label":7}]})", "bad.canvas");
        ADD_FAILURE() << "no error";
    } catch (const ImportError& e) {
        EXPECT_EQ(std::string(e.what()), "bad.canvas: node g: \"label\" is not a string");
    }
}

TEST(CanvasGroups, OneUndoTakesTheNotesAndTheirInsightsBack) {
    Document doc(makeBoard("Retail"));
    Editor editor(doc, "tester");
    ImportOptions opt;
    opt.pinQuadrant = 1;
    const auto reports = importFiles(editor, {fixturePath(kFixture)}, opt);
    ASSERT_EQ(reports.at(0).insights, 3u);
    EXPECT_EQ(doc.insights().size(), 3u);
    EXPECT_EQ(doc.notes().size(), 7u);
    ASSERT_TRUE(editor.undo());
    EXPECT_TRUE(doc.insights().empty());
    EXPECT_TRUE(doc.notes().empty());
}
