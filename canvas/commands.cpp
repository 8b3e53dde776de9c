#include "canvas/commands.h"

#include "canvas/wall_commands.h"

namespace cc {

void keepOnWall(const Document& doc, Selection& selection) {
    const auto onWall = [&](const std::string& id) {
        const Note* n = doc.note(id);
        return n && n->state == NoteState::Pinned;
    };
    if (!selection.insight().empty() && doc.insight(selection.insight())) {
        chooseInsight(doc, selection, selection.insight());
        return;
    }
    std::vector<std::string> keep;
    for (const auto& id : selection.ids())
        if (onWall(id)) keep.push_back(id);
    if (keep.size() != selection.size() || !selection.insight().empty()) selection.set(std::move(keep));
}

void chooseInsight(const Document& doc, Selection& selection, const std::string& id) {
    const Insight* i = doc.insight(id);
    if (!i) return;
    std::vector<std::string> notes;
    for (const auto& n : i->notes)
        if (const Note* note = doc.note(n); note && note->state == NoteState::Pinned) notes.push_back(n);
    if (notes != selection.ids() || selection.insight() != id) selection.setInsight(id, std::move(notes));
}

void selectAll(const Document& doc, Selection& selection) {
    std::vector<std::string> all;
    for (const Note* n : doc.sortedNotes())
        if (n->state == NoteState::Pinned) all.push_back(n->id);
    selection.set(std::move(all));
}

bool deleteSelected(Editor& ed, Selection& selection) {
    if (!selection.insight().empty() && ed.document().insight(selection.insight())) {
        ed.deleteInsights({selection.insight()});
        selection.set(selection.ids());
        return true;
    }
    if (selection.empty()) return false;
    ed.deleteNotes(selection.ids());
    selection.clear();
    return true;
}

std::string groupAsInsight(Editor& ed, Selection& selection, std::string title) {
    std::vector<std::string> notes;
    for (const auto& id : selection.ids())
        if (const Note* n = ed.document().note(id); n && n->state == NoteState::Pinned) notes.push_back(id);
    if (notes.empty()) return {};
    const std::string id = ed.addInsight(ed.makeInsight(std::move(title), notes));
    selection.setInsight(id, std::move(notes));
    return id;
}

bool cutSelected(Editor& ed, Selection& selection) {
    if (selection.empty()) return false;
    ed.deleteNotes(selection.ids());
    keepOnWall(ed.document(), selection);
    return true;
}

bool duplicateSelected(Editor& ed, Selection& selection) {
    if (selection.empty()) return false;
    selection.set(duplicateNotes(ed, selection.ids(), kDuplicateOffset, kDuplicateOffset));
    return true;
}

std::vector<std::string> pasteRecords(Editor& ed, Selection& selection, std::vector<Note> notes, std::vector<Link> links,
                                      double x, double y) {
    std::vector<std::string> ids = pasteNotes(ed, std::move(notes), std::move(links), x, y);
    selection.set(ids);
    return ids;
}

std::vector<std::string> pastePlainText(Editor& ed, Selection& selection, const std::string& text, double x, double y) {
    std::vector<std::string> ids = pasteText(ed, text.substr(0, kMaxPastedTextBytes), x, y);
    selection.set(ids);
    return ids;
}

bool isBlankText(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string withoutTrailingBlanks(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r' || text.back() == '\t'))
        text.pop_back();
    return text;
}

TextCommit commitNoteText(Editor& ed, const std::string& id, const std::string& typed, const std::string& base, bool isNew) {
    TextCommit result;
    const Note* n = ed.document().note(id);
    if (!n) return result;
    if (isBlankText(typed)) {
        if (isNew) {
            ed.deleteNotes({id});  // inside the typing's gesture: the note leaves no trace in the history
            result.outcome = TextCommit::Outcome::RemovedBlankNew;
        }
        return result;
    }
    if (typed == n->text) return result;
    // Someone else's text that arrived while this user typed: this text is later and wins, and
    // is marked as an overwrite so that theirs stays findable in the note's history.
    const bool overwrote = n->text != base;
    std::string theirs = n->text;
    ed.setText(id, typed, overwrote);
    result.outcome = overwrote ? TextCommit::Outcome::SavedOverOthers : TextCommit::Outcome::Saved;
    if (overwrote) result.theirs = std::move(theirs);
    return result;
}

}  // namespace cc
