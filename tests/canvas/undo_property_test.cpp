// Property: any sequence of commands, undone in full, gives back the starting board; redone in
// full, gives the final board again.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "canvas/board_factory.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"

using namespace cc;

namespace {

struct Snapshot {
    BoardInfo board;
    std::map<std::string, Note> notes;
    std::map<std::string, Link> links;
    bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const Document& d) {
    Snapshot s{d.board(), {}, {}};
    for (const auto& [id, n] : d.notes()) s.notes.emplace(id, n);
    for (const auto& [id, l] : d.links()) s.links.emplace(id, l);
    return s;
}

const std::vector<std::string> kSources{"survey", "complaint", "census", "focus_group", "mystery_shopping"};
const std::vector<std::string> kTexts{"满意度 81%", "App transfers fail", "年轻客户", "Fees feel unfair 手续费", ""};

/// One random command against the editor; ids are picked from what exists.
void randomCommand(Editor& ed, const std::vector<int>& choice) {
    Document& doc = ed.document();
    auto pickNote = [&](int k) -> std::string {
        if (doc.notes().empty()) return {};
        auto sorted = doc.sortedNotes();
        return sorted[static_cast<std::size_t>(k) % sorted.size()]->id;
    };
    const int op = choice[0] % 10;
    try {
        switch (op) {
            case 0:
            case 1: {
                Note n = ed.makeNote(kTexts[choice[1] % kTexts.size()] + "x", kSources[choice[2] % kSources.size()]);
                ed.addNoteInQuadrant(n, 1 + choice[3] % 4);
                break;
            }
            case 2: {
                std::string id = pickNote(choice[1]);
                if (!id.empty()) ed.moveNotes({id}, (choice[2] % 4000) - 2000, (choice[3] % 3000) - 1500);
                break;
            }
            case 3: {
                std::string id = pickNote(choice[1]);
                if (id.empty()) break;
                Note n = *doc.note(id);
                n.text = kTexts[choice[2] % kTexts.size()] + std::to_string(choice[3]);
                n.votes = choice[3] % 10;
                n.tags = {"t" + std::to_string(choice[2] % 3)};
                ed.updateNote(n);
                break;
            }
            case 4: {
                std::string id = pickNote(choice[1]);
                if (!id.empty()) ed.deleteNotes({id});
                break;
            }
            case 5:
            case 6: {
                std::string a = pickNote(choice[1]), b = pickNote(choice[2]);
                if (!a.empty() && a != b)
                    ed.addLink(a, b, static_cast<LinkKind>(choice[3] % 3), choice[3] % 2 ? "label 标签" : "");
                break;
            }
            case 7: {
                if (doc.links().empty()) break;
                auto links = doc.sortedLinks();
                ed.deleteLinks({links[static_cast<std::size_t>(choice[1]) % links.size()]->id});
                break;
            }
            case 8: {
                BoardInfo b = doc.board();
                b.quadrants[choice[1] % 4].title = "Q" + std::to_string(choice[2]);
                ed.updateBoard(b);
                break;
            }
            case 9: {  // a drag gesture: many moves, one undo step
                std::string id = pickNote(choice[1]);
                if (id.empty()) break;
                ed.beginGesture();
                for (int i = 0; i < 1 + choice[2] % 5; ++i) ed.moveNotes({id}, 100, (choice[3] % 2 ? 400 : -400));
                if (choice[3] % 3 == 0) ed.cancelGesture();
                else ed.endGesture();
                break;
            }
        }
    } catch (const ChangeError&) {
        // Refused commands (a duplicate link, say) change nothing; that is part of the property.
    }
}

}  // namespace

RC_GTEST_PROP(UndoRedo, FullUndoGivesTheStartAndFullRedoTheEnd, ()) {
    Document doc(makeBoard("Property 属性"));
    Editor ed(doc, "prop");
    // A starting board that is not empty, outside the history.
    for (int i = 0; i < 4; ++i) ed.addNoteInQuadrant(ed.makeNote("seed " + std::to_string(i), "survey"), 1 + i);
    ed.history().clear();
    const Snapshot start = snapshot(doc);

    const auto commands = *rc::gen::container<std::vector<std::vector<int>>>(
        rc::gen::container<std::vector<int>>(4, rc::gen::inRange(0, 1000)));
    for (const auto& c : commands) randomCommand(ed, c);
    RC_ASSERT(doc.checkInvariants().empty());
    const Snapshot end = snapshot(doc);

    int undone = 0;
    while (ed.undo()) ++undone;
    RC_ASSERT(snapshot(doc) == start);
    int redone = 0;
    while (ed.redo()) ++redone;
    RC_ASSERT(redone == undone);
    RC_ASSERT(snapshot(doc) == end);
    RC_ASSERT(doc.checkInvariants().empty());
}

RC_GTEST_PROP(UndoRedo, InterleavedUndoRedoKeepsTheDocumentSound, ()) {
    Document doc(makeBoard("P"));
    Editor ed(doc, "prop");
    const auto commands = *rc::gen::container<std::vector<std::vector<int>>>(
        rc::gen::container<std::vector<int>>(4, rc::gen::inRange(0, 1000)));
    for (const auto& c : commands) {
        if (c[0] % 7 == 0) ed.undo();
        else if (c[0] % 7 == 1) ed.redo();
        else randomCommand(ed, c);
        RC_ASSERT(doc.checkInvariants().empty());
    }
}
