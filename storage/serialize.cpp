#include "storage/serialize.h"

#include <cereal/archives/json.hpp>
#include <sstream>

#include "storage/json_guard.h"
#include "canvas/record_guard.h"

namespace cc {

std::string changeSetToJson(const ChangeSet& cs) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(out, cereal::JSONOutputArchive::Options::NoIndent());
        ar(cereal::make_nvp("changeSet", cs));
    }
    return out.str();
}

ChangeSet changeSetFromJson(const std::string& json, std::vector<std::string>* repairs) {
    if (json.size() > kMaxChangeSetBytes)
        throw std::runtime_error(message(CC_TEMPLATE("malformed change set: {1} bytes, over the limit of {2}"),
                                         {std::to_string(json.size()), std::to_string(kMaxChangeSetBytes)}));
    // rapidjson parses recursively: a deep payload would exhaust the stack.
    if (!jsonNestingWithin(json, kMaxChangeSetDepth))
        throw std::runtime_error(message(CC_TEMPLATE("malformed change set: nested deeper than {1} levels"), {std::to_string(kMaxChangeSetDepth)}));
    ChangeSet cs;
    try {
        std::istringstream in(json);
        cereal::JSONInputArchive ar(in);
        ar(cereal::make_nvp("changeSet", cs));
    } catch (const std::exception& e) {
        throw std::runtime_error(message(CC_TEMPLATE("malformed change set: {1}"), {e.what()}));
    }
    // The log is read by views (activity, a note's history) and replayed for summaries: its
    // records pass the same guard as the board's own.
    std::vector<std::string> fixed;
    const SourceKinds& kinds = SourceKinds::builtin();
    auto note = [&](Note& n) {
        if (auto f = guardNote(n, kinds); !f.empty()) fixed.push_back(repairLine(RecordKind::Note, n.id, f));
    };
    auto link = [&](Link& l) {
        if (auto f = guardLink(l); !f.empty()) fixed.push_back(repairLine(RecordKind::Link, l.id, f));
    };
    for (auto* list : {&cs.notes.added, &cs.notes.removed})
        for (Note& n : *list) note(n);
    for (auto& [before, after] : cs.notes.updated) {
        note(before);
        note(after);
    }
    for (auto* list : {&cs.links.added, &cs.links.removed})
        for (Link& l : *list) link(l);
    for (auto& [before, after] : cs.links.updated) {
        link(before);
        link(after);
    }
    // An insight's evidence is checked against the board when the change applies.
    auto insight = [&](Insight& i) {
        if (auto f = guardInsight(i, [](const std::string&) { return true; }); !f.empty())
            fixed.push_back(repairLine(RecordKind::Insight, i.id, f));
    };
    for (auto* list : {&cs.insights.added, &cs.insights.removed})
        for (Insight& i : *list) insight(i);
    for (auto& [before, after] : cs.insights.updated) {
        insight(before);
        insight(after);
    }
    // (The board before a change may be the empty one a board's creation starts from.)
    if (cs.board)
        if (auto f = guardBoard(cs.board->second); !f.empty()) fixed.push_back(repairLine(RecordKind::Board, {}, f));
    if (repairs) repairs->insert(repairs->end(), fixed.begin(), fixed.end());
    return cs;
}

}  // namespace cc
