#include "canvas/queries.h"

#include <set>

namespace cc {

namespace {
std::vector<const Note*> linkedOnWall(const Document& doc, const std::string& noteId, LinkKind kind) {
    std::vector<const Note*> out;
    for (const auto& linkId : doc.linksOf(noteId)) {
        const Link* l = doc.link(linkId);
        if (!l || l->kind != kind) continue;
        const Note* other = doc.note(l->from == noteId ? l->to : l->from);
        if (other && onWall(*other)) out.push_back(other);
    }
    return out;
}
}  // namespace

std::vector<const Note*> supporters(const Document& doc, const std::string& noteId) {
    return linkedOnWall(doc, noteId, LinkKind::Supports);
}

std::vector<const Note*> conflicting(const Document& doc, const std::string& noteId) {
    return linkedOnWall(doc, noteId, LinkKind::Conflicts);
}

bool isCorroborated(const Document& doc, const std::string& noteId) {
    // Two supporters of different source kinds are enough: remember the first kind only.
    const std::string* firstKind = nullptr;
    for (const auto& linkId : doc.linksOf(noteId)) {
        const Link* l = doc.link(linkId);
        if (!l || l->kind != LinkKind::Supports) continue;
        const Note* other = doc.note(l->from == noteId ? l->to : l->from);
        if (!other || !onWall(*other)) continue;
        if (!firstKind) firstKind = &other->source;
        else if (*firstKind != other->source) return true;
    }
    return false;
}

bool isContested(const Document& doc, const std::string& noteId) {
    return !conflicting(doc, noteId).empty();
}

BoardCounts countBoard(const Document& doc, std::unordered_set<std::string>* corroboratedIds,
                       std::unordered_set<std::string>* contestedIds) {
    BoardCounts c;
    const SourceKinds& kinds = doc.sourceKinds();
    for (const auto& [id, n] : doc.notes()) {
        if (n.state == NoteState::Tray) { ++c.inTray; continue; }
        if (n.state == NoteState::Archived) { ++c.archived; continue; }
        ++c.onWall;
        if (n.quadrant >= 1 && n.quadrant <= 4) ++c.byQuadrant[n.quadrant];
        ++c.bySource[n.source];
        (n.data == DataKind::Quantitative ? c.quantitative : c.qualitative)++;
        if (n.customerInitiated) ++c.customerInitiated;
        const SourceKind* k = kinds.find(n.source);
        switch (k ? k->channel : Channel::Either) {
            case Channel::Direct: ++c.direct; break;
            case Channel::Indirect: ++c.indirect; break;
            case Channel::Internal: ++c.internal; break;
            case Channel::Either: ++c.eitherChannel; break;
        }
        if (doc.linksOf(id).empty()) continue;  // no links: neither corroborated nor contested
        if (isCorroborated(doc, id)) {
            ++c.corroborated;
            if (corroboratedIds) corroboratedIds->insert(id);
        }
        if (isContested(doc, id)) {
            ++c.contested;
            if (contestedIds) contestedIds->insert(id);
        }
    }
    for (const auto& [id, l] : doc.links()) {
        ++c.links;
        switch (l.kind) {
            case LinkKind::Supports: ++c.supports; break;
            case LinkKind::Conflicts: ++c.conflicts; break;
            case LinkKind::Relates: ++c.relates; break;
        }
    }
    return c;
}

}  // namespace cc
