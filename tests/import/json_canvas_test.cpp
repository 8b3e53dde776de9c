// JSON Canvas: text nodes become candidates at their places, edges become links.
#include <gtest/gtest.h>

#include "storage/import/candidate.h"
#include "import_test_util.h"

using namespace cc::import;

using cc::test::fixture;

namespace {


std::string errorOf(const std::string& json) {
    try {
        parseJsonCanvas(json, "board.canvas");
    } catch (const ImportError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(JsonCanvasImport, ObsidianCanvasWithTextFileLinkAndGroupNodes) {
    const std::string name = "canvas-workshop.canvas";
    const ParseResult r = parseJsonCanvas(decodeText(fixture(name), name), name);
    EXPECT_EQ(r.format, "canvas");
    // Four text nodes with text; the group, file and link nodes and the blank text node are skipped.
    ASSERT_EQ(r.candidates.size(), 5u);

    const Candidate& late = r.candidates[0];
    EXPECT_EQ(late.nodeId, "a1b2c3d4e5f60718");
    EXPECT_EQ(late.location, "node a1b2c3d4e5f60718");
    // Markdown inside the node comes in as plain text; the excerpt keeps it as written.
    EXPECT_EQ(late.text, "Late deliveries\nSurvey: 38% of SMB customers had a late delivery in Q1.");
    EXPECT_EQ(late.excerpt, "## Late deliveries\nSurvey: 38% of SMB customers had a **late** delivery in Q1.");
    EXPECT_EQ(late.x, -480.0);
    EXPECT_EQ(late.y, -260.0);
    EXPECT_EQ(late.w, 320.0);
    EXPECT_EQ(late.h, 140.0);
    EXPECT_EQ(late.colour, 0xFB464Cu);  // preset "1": red

    const Candidate& mystery = r.candidates[1];
    EXPECT_EQ(mystery.text, "Mystery shopping: 3 of 10 orders arrived a day late.");
    EXPECT_EQ(mystery.colour, 0u);

    EXPECT_EQ(r.candidates[2].text, "客户访谈：大多数客户对配送速度满意。");
    EXPECT_EQ(r.candidates[2].colour, 0x44CF6Eu);  // "#44CF6E"
    EXPECT_EQ(r.candidates[3].colour, 0x44CF6Eu);  // preset "4": green
    EXPECT_EQ(r.candidates[4].text, "Idea: a delivery time window chosen by the customer");
    EXPECT_EQ(r.candidates[4].colour, 0xA882FFu);  // preset "6": purple

    // Edges: those touching the file node or an unknown node are dropped.
    ASSERT_EQ(r.links.size(), 6u);
    struct Want {
        std::string from, to;
        cc::LinkKind kind;
        std::string label;
    };
    const std::vector<Want> want = {
        {"b2c3d4e5f6071829", "a1b2c3d4e5f60718", cc::LinkKind::Supports, "corroborates"},
        {"c3d4e5f60718293a", "a1b2c3d4e5f60718", cc::LinkKind::Conflicts, "矛盾"},
        {"d4e5f60718293a4b", "b2c3d4e5f6071829", cc::LinkKind::Supports, ""},   // green edge
        {"d4e5f60718293a4b", "c3d4e5f60718293a", cc::LinkKind::Conflicts, ""},  // red edge
        {"18293a4b5c6d7e8f", "a1b2c3d4e5f60718", cc::LinkKind::Relates, "answers"},
        {"18293a4b5c6d7e8f", "d4e5f60718293a4b", cc::LinkKind::Conflicts, "does not support"},
    };
    for (std::size_t i = 0; i < want.size(); ++i) {
        SCOPED_TRACE("link " + std::to_string(i + 1));
        EXPECT_EQ(r.links[i].fromNode, want[i].from);
        EXPECT_EQ(r.links[i].toNode, want[i].to);
        EXPECT_EQ(r.links[i].kind, want[i].kind);
        EXPECT_EQ(r.links[i].label, want[i].label);
    }
}

TEST(JsonCanvasImport, LabelsDecideBeforeColours) {
    const std::string json = R"({"nodes":[
        {"id":"a","type":"text","text":"A","x":0,"y":0,"width":100,"height":50},
        {"id":"b","type":"text","text":"B","x":0,"y":0,"width":100,"height":50}],
      "edges":[
        {"id":"1","fromNode":"a","toNode":"b","label":"支持","color":"1"},
        {"id":"2","fromNode":"a","toNode":"b","label":"Contradicts","color":"4"},
        {"id":"3","fromNode":"a","toNode":"b","label":"佐证"},
        {"id":"4","fromNode":"a","toNode":"b","label":"冲突"},
        {"id":"5","fromNode":"a","toNode":"b","label":"不支持"},
        {"id":"6","fromNode":"a","toNode":"b","color":"#00ff00"},
        {"id":"7","fromNode":"a","toNode":"a","label":"supports"}]})";
    const ParseResult r = parseJsonCanvas(json, "k.canvas");
    ASSERT_EQ(r.links.size(), 6u);  // the edge from a node to itself is dropped
    EXPECT_EQ(r.links[0].kind, cc::LinkKind::Supports);
    EXPECT_EQ(r.links[1].kind, cc::LinkKind::Conflicts);
    EXPECT_EQ(r.links[2].kind, cc::LinkKind::Supports);
    EXPECT_EQ(r.links[3].kind, cc::LinkKind::Conflicts);
    EXPECT_EQ(r.links[4].kind, cc::LinkKind::Conflicts);
    EXPECT_EQ(r.links[5].kind, cc::LinkKind::Relates);  // only the presets say supports or conflicts
}

TEST(JsonCanvasImport, EmptyCanvases) {
    EXPECT_TRUE(parseJsonCanvas("", "e.canvas").candidates.empty());
    EXPECT_TRUE(parseJsonCanvas("{}\n", "e.canvas").candidates.empty());  // Obsidian's new canvas
    EXPECT_TRUE(parseJsonCanvas(R"({"nodes":[],"edges":[]})", "e.canvas").candidates.empty());
    EXPECT_TRUE(parseJsonCanvas(R"({"nodes":[]})", "e.canvas").links.empty());
}

TEST(JsonCanvasImport, MalformedOrWrongShapeIsAClearError) {
    EXPECT_EQ(errorOf("{\"nodes\": [\n  {\"id\": \"a\",}\n]}"),
              "board.canvas: not JSON: Missing a name for object member. (line 2)");
    EXPECT_EQ(errorOf("[1,2,3]"), "board.canvas: not a JSON Canvas (the file is not a JSON object)");
    EXPECT_EQ(errorOf(R"({"name":"x","version":"1.0"})"), "board.canvas: not a JSON Canvas (no \"nodes\" or \"edges\")");
    EXPECT_EQ(errorOf(R"({"nodes":{}})"), "board.canvas: not a JSON Canvas (\"nodes\" is not a list)");
    EXPECT_EQ(errorOf(R"({"nodes":[42]})"), "board.canvas: node 1 is not an object");
    EXPECT_EQ(errorOf(R"({"nodes":[{"type":"text","text":"x"}]})"), "board.canvas: node 1 has no id");
    EXPECT_EQ(errorOf(R"({"nodes":[{"id":"a","type":"text"}]})"), "board.canvas: node a: a text node without \"text\"");
    EXPECT_EQ(errorOf(R"({"nodes":[{"id":"a","type":"text","text":"x","x":"left"}]})"),
              "board.canvas: node a: \"x\" is not a number");
    EXPECT_EQ(errorOf(R"({"nodes":[{"id":"a","type":"text","text":"x"},{"id":"a","type":"text","text":"y"}]})"),
              "board.canvas: node a appears twice");
    EXPECT_EQ(errorOf(R"({"nodes":[],"edges":[{"id":"e","fromNode":"a"}]})"),
              "board.canvas: edge 1 does not name both its nodes");
    EXPECT_EQ(errorOf(R"({"nodes":[]} trailing)"),
              "board.canvas: not JSON: The document root must not be followed by other values. (line 1)");
    // Deep nesting is refused before rapidjson's recursive parser sees it.
    EXPECT_EQ(errorOf("{\"nodes\":" + std::string(100000, '[') + std::string(100000, ']') + "}"),
              "board.canvas: not a JSON Canvas (nested deeper than 64 levels)");
    // NaN and numbers out of range
    EXPECT_NE(errorOf(R"({"nodes":[{"id":"a","type":"text","text":"x","x":NaN}]})").find("not JSON"), std::string::npos);
    EXPECT_NE(errorOf(R"({"nodes":[{"id":"a","type":"text","text":"x","x":1e999}]})").find("not JSON"), std::string::npos);
}

TEST(JsonCanvasImport, OutOfRangePlacesAreLeftOut) {
    const ParseResult r = parseJsonCanvas(
        R"({"nodes":[{"id":"a","type":"text","text":"x","x":1e300,"y":5,"width":-3,"height":0}]})", "p.canvas");
    ASSERT_EQ(r.candidates.size(), 1u);
    EXPECT_FALSE(r.candidates[0].x.has_value());
    EXPECT_EQ(r.candidates[0].y, 5.0);
    EXPECT_FALSE(r.candidates[0].w.has_value());
    EXPECT_FALSE(r.candidates[0].h.has_value());
}

TEST(JsonCanvasImport, WhatIsLeftOutIsSaid) {
    EXPECT_EQ(parseJsonCanvas("{}\n", "e.canvas").remarks, std::vector<std::string>{"no text nodes"});
    EXPECT_EQ(parseJsonCanvas("", "e.canvas").remarks, std::vector<std::string>{"no text nodes"});
    EXPECT_EQ(parseJsonCanvas(R"({"nodes":[{"id":"g","type":"group"}]})", "e.canvas").remarks,
              (std::vector<std::string>{"no text nodes", "1 group without a place or size, left out"}));
    // Edges first, then nodes: an edge may name a node further down the file.
    const ParseResult r = parseJsonCanvas(R"({"edges":[{"id":"1","fromNode":"a","toNode":"b"},
        {"id":"2","fromNode":"a","toNode":"nowhere"},{"id":"3","fromNode":"a","toNode":"g"},
        {"id":"4","fromNode":"b","toNode":"b"}],
      "nodes":[{"id":"a","type":"text","text":"A","extra":{"deep":[1,{"x":[2]}]}},
               {"id":"b","type":"text","text":"B"},{"id":"g","type":"group"}]})",
                                          "k.canvas");
    ASSERT_EQ(r.links.size(), 1u);
    EXPECT_EQ(r.links[0].fromNode, "a");
    EXPECT_EQ(r.remarks, (std::vector<std::string>{"1 edge to nodes the file does not have, left out",
                                                   "1 edge to file, link, group or empty nodes, left out",
                                                   "1 edge from a node to itself, left out",
                                                   "1 group without a place or size, left out"}));
}

TEST(JsonCanvasImport, AFileIsStreamedWithTheSameResultAsItsText) {
    cc::test::TempDir dir;
    const std::string text = fixture("canvas-workshop.canvas");
    cc::test::writeFile(dir.file("w.canvas"), "\xEF\xBB\xBF" + text);
    const ParseResult fromFile = parseFile(dir.file("w.canvas"));
    const ParseResult fromText = parseJsonCanvas(text, dir.file("w.canvas"));
    EXPECT_EQ(fromFile.encoding, "UTF-8");
    ASSERT_EQ(fromFile.candidates.size(), fromText.candidates.size());
    for (std::size_t i = 0; i < fromText.candidates.size(); ++i) {
        EXPECT_EQ(fromFile.candidates[i].text, fromText.candidates[i].text);
        EXPECT_EQ(fromFile.candidates[i].excerpt, fromText.candidates[i].excerpt);
        EXPECT_EQ(fromFile.candidates[i].x, fromText.candidates[i].x);
    }
    EXPECT_EQ(fromFile.links.size(), fromText.links.size());
    // Broken JSON from a file still says its line; one in UTF-16 is still read.
    cc::test::writeFile(dir.file("bad.canvas"), "{\"nodes\": [\n  {\"id\": \"a\",}\n]}");
    try {
        parseFile(dir.file("bad.canvas"));
        ADD_FAILURE() << "no error";
    } catch (const ImportError& e) {
        EXPECT_EQ(std::string(e.what()), dir.file("bad.canvas") + ": not JSON: Missing a name for object member. (line 2)");
    }
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string(R"({"nodes":[{"id":"a","type":"text","text":"Hello"}]})")) utf16 += std::string{c, '\0'};
    cc::test::writeFile(dir.file("u16.canvas"), utf16);
    const ParseResult u16 = parseFile(dir.file("u16.canvas"));
    EXPECT_EQ(u16.encoding, "UTF-16LE");
    ASSERT_EQ(u16.candidates.size(), 1u);
    EXPECT_EQ(u16.candidates[0].text, "Hello");
}
