#include "board_session.h"

#include "board_factory.h"

namespace cc::gui {

std::unique_ptr<BoardSession> BoardSession::open(const std::string& path, const std::string& author) {
    auto s = std::make_unique<BoardSession>();
    s->file = openBoard(path);
    s->doc = s->file->load();
    s->file->attach(*s->doc);
    s->editor = std::make_unique<Editor>(*s->doc, author);
    s->index = std::make_unique<SpatialIndex>(*s->doc);
    return s;
}

std::unique_ptr<BoardSession> BoardSession::create(const std::string& path, const std::string& title,
                                                   const std::string& templateKey, const std::string& author) {
    createBoard(path, makeBoard(title, templateKey), author);
    return open(path, author);
}

bool BoardSession::heartbeat(const std::string& editing) {
    const Millis now = nowMillis();
    if (now - lastAnnounced < 1000) return false;
    lastAnnounced = now;
    me.selected = selection.ids();
    me.editing = editing;
    file->announce(me);
    std::vector<Presence> heard = file->others(me.session);
    for (auto& p : heard) p.seen = 0;  // compare what they do, not when they said it
    if (heard == others) return false;
    others = std::move(heard);
    return true;
}

bool BoardSession::pullRemote() {
    if (file->pullRemote(*doc) == 0) return false;
    pruneSelection();
    return true;
}

void BoardSession::pruneSelection() {
    std::vector<std::string> keep;
    for (const auto& id : selection.ids())
        if (const Note* n = doc->note(id); n && n->state == NoteState::Pinned) keep.push_back(id);
    if (keep.size() != selection.size()) selection.set(std::move(keep));
}

}  // namespace cc::gui
