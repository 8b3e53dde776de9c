#include "app/gui/board_session.h"

#include "canvas/board_factory.h"
#include "canvas/commands.h"
#include "app/i18n.h"

namespace cc::gui {

std::unique_ptr<BoardSession> BoardSession::open(const std::string& path, const std::string& author,
                                                 const PasswordPrompt& askPassword) {
    auto s = std::make_unique<BoardSession>();
    s->file = openBoard(path, BoardStore::Mode::ReadWrite, {}, askPassword);
    s->doc = s->file->load();
    s->file->attach(*s->doc);
    s->editor = std::make_unique<Editor>(*s->doc, author);
    // After the store's own listener, so that the change is in the log and has its row number.
    BoardSession* self = s.get();
    s->doc->subscribe([self](const ChangeSet& cs) {
        if (cs.source != ChangeSource::Remote) self->textWatch.own(cs, self->file->lastOwnSequence());
    });
    s->index = std::make_unique<SpatialIndex>(*s->doc);
    return s;
}

std::unique_ptr<BoardSession> BoardSession::create(const std::string& path, const std::string& title,
                                                   const std::string& templateKey, const std::string& author,
                                                   const PasswordPrompt& askPassword) {
    createBoard(path, makeBoard(title, templateKey, i18n::boardLanguage()), author, {}, askPassword);
    return open(path, author, askPassword);
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

bool BoardSession::pullRemote(const std::string& editingId) {
    if (file->pullRemote(*doc) == 0) return false;
    const std::vector<LoggedChange>& pulled = file->lastPulled();
    for (const auto& c : pulled) {
        for (const auto& [b, a] : c.cs.notes.updated) {
            if (b.text == a.text) continue;
            const std::string by = c.cs.author.empty() ? _("someone") : c.cs.author;
            if (a.id == editingId) editedMeanwhileBy = by;
            if (textChangedBy.size() > 10000) textChangedBy.clear();
            textChangedBy[a.id] = by;
        }
    }
    for (const TextReplaced& r : textWatch.others(pulled)) {
        const Note* n = doc->note(r.noteId);
        if (!n) continue;
        Notice notice;
        notice.text = i18n::fill(r.whileEditing ? _("{1} was editing “{2}” while you changed it; their text was saved after yours. "
                                                   "Yours is in the note's history.")
                                                : _("{1} changed “{2}” at the same time as you; their text was saved after yours. "
                                                   "Yours is in the note's history."),
                                 {r.by, shortTitle(*n)});
        notice.noteId = r.noteId;
        notice.restoreText = r.mine;
        notice.actionLabel = L_("Put my text back", "put-back");
        notify(std::move(notice));
    }
    pruneSelection();
    return true;
}

bool BoardSession::act(const Notice& n) {
    if (n.restoreText) {
        if (!doc->note(n.noteId)) return false;
        editor->setText(n.noteId, *n.restoreText);
        return true;
    }
    if (n.bringBack) {
        auto cs = cc::bringBack(*doc, *n.bringBack, n.bringBackWith);
        if (!cs) return false;
        editor->applyLocal(std::move(*cs));
        selection.set({n.bringBack->id});
        return true;
    }
    return false;
}

void BoardSession::savedOverOthers(const std::string& id, const std::string& theirs) {
    const Note* n = doc->note(id);
    if (!n) return;
    // This person's text is later and wins; both are told, and theirs stays in the history.
    std::string by = _("Someone");
    if (auto it = textChangedBy.find(id); it != textChangedBy.end()) by = it->second;
    if (!editedMeanwhileBy.empty()) by = editedMeanwhileBy;
    Notice notice;
    notice.text = i18n::fill(_("{1} changed “{2}” while you were editing it; your text was saved after theirs. "
                               "Theirs is in the note's history."),
                             {by, shortTitle(*n)});
    notice.noteId = id;
    notice.restoreText = theirs;
    notice.actionLabel = L_("Use their text instead", "use-theirs");
    notify(std::move(notice));
}

void BoardSession::notify(Notice n) {
    n.time = nowMillis();
    notices.push_back(std::move(n));
    if (notices.size() > 5) notices.erase(notices.begin());
}

void BoardSession::pruneSelection() { keepOnWall(*doc, selection); }

}  // namespace cc::gui
