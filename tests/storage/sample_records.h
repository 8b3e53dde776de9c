#pragma once
// A board and records with every field set to something other than its default, shared by the
// storage tests.

#include <string>
#include <vector>

#include "canvas/board_factory.h"
#include "storage/board_store.h"
#include "canvas/geometry.h"
#include "canvas/model.h"

namespace cc::test {

inline BoardInfo sampleBoard() {
    BoardInfo b = makeBoard("零售银行客户画布 Retail Canvas", "empathy");
    b.id = "b-roundtrip01";
    b.created = 1767225600123;  // 2026-01-01
    b.wallWidth = 5200.5;
    b.wallHeight = 3100.25;
    b.quadrants[2].title = "做 Does (renamed)";
    b.quadrants[2].description = "多行\n描述 with \"quotes\" and a tab\there";
    return b;
}

/// A note with every field set to something other than its default.
inline Note fullNote(const std::string& id, int quadrant) {
    Note n;
    n.id = id;
    n.text = "年轻客户觉得我们是“父母的银行” " + id + "\nBody line two, 第二行\n\tindented";
    n.source = "focus_group";
    n.data = DataKind::Quantitative;
    n.customerInitiated = true;
    n.dateGathered = "2026-07-28";
    n.author = "王芳 Wang Fang";
    n.created = 1767225600000 + quadrant;
    n.updated = 1767312000000 + quadrant;
    n.tags = {"brand", "年轻客户", "焦点小组"};
    normaliseTags(n.tags);
    n.segment = "Young professionals 年轻白领";
    n.provenance = {"research/2026-07 焦点小组.docx", "Findings > Brand > ¶3", "“稳重、安全”，也说“老派”"};
    n.colour = 0x12AB34;
    n.votes = 6;
    n.state = NoteState::Pinned;
    n.w = 260.5;
    n.h = 150.25;
    n.x = (quadrant == 1 || quadrant == 3) ? -900.5 : 700.75;
    n.y = (quadrant == 1 || quadrant == 2) ? -1200.125 : 300.0625;
    n.quadrant = quadrantOf(n);
    return n;
}

inline std::vector<Note> sampleNotes() {
    std::vector<Note> v;
    for (int q = 1; q <= 4; ++q) v.push_back(fullNote("n-full" + std::to_string(q), q));
    Note tray = fullNote("n-tray", 1);
    tray.state = NoteState::Tray;
    tray.quadrant = 0;
    tray.tags.clear();
    tray.text = "Tray candidate, plain English";
    tray.provenance = {};
    tray.colour = 0;
    tray.votes = 0;
    tray.dateGathered = "";
    tray.source = "other";
    tray.data = DataKind::Qualitative;
    tray.customerInitiated = false;
    v.push_back(tray);
    Note archived = fullNote("n-archived", 4);
    archived.state = NoteState::Archived;
    archived.source = "web_callcenter";
    v.push_back(archived);
    return v;
}

inline std::vector<Link> sampleLinks() {
    return {
        Link{"l-supports", "n-full1", "n-full2", LinkKind::Supports, "reproduced by shoppers", "Tom Baker", 1767300000001},
        Link{"l-conflicts", "n-full3", "n-full4", LinkKind::Conflicts, "满意 vs 只推产品", "王芳", 1767300000002},
        Link{"l-relates", "n-full1", "n-archived", LinkKind::Relates, "", "张强", 1767300000003},
    };
}

/// Creates a board at `address` (a file or a server board) and fills it with the sample notes and
/// links in one change; returns its document, still attached to the open store.
inline std::unique_ptr<Document> fillSampleBoard(std::unique_ptr<BoardStore>& store, const std::string& address) {
    store = createBoard(address, sampleBoard(), "tester");
    auto doc = store->load();
    store->attach(*doc);
    ChangeSet cs;
    cs.author = "tester";
    cs.time = 1767400000000;
    cs.notes.added = sampleNotes();
    cs.links.added = sampleLinks();
    doc->apply(cs);
    return doc;
}

/// A board holding the sample records, closed again; returns its address.
inline std::string makeSampleBoard(const std::string& address) {
    std::unique_ptr<BoardStore> store;
    fillSampleBoard(store, address);
    return address;
}

}  // namespace cc::test
