#pragma once
// The activity panel: who did what and when, read from the change log. "Board" lists the newest
// changes of everyone; "Note" shows the history of the selected note (every version of its text,
// each restorable) and brings back a deleted note.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "canvas/activity.h"
#include "app/gui/board_session.h"

namespace cc::gui {

class Fonts;
class WallView;

class ActivityPanel {
public:
    void draw(BoardSession& s, WallView& wall, Fonts& fonts, float scale);
    /// Shows the history of note `id` (also a deleted one) in the Note tab.
    void showNote(const std::string& id);

    /// How many board-wide lines are kept (the newest).
    static constexpr std::size_t kMaxLines = 400;

private:
    struct Line {
        ActivityLine line;
        std::vector<Note> deletedNotes;  // as they were when deleted, to bring them back
        std::vector<Link> deletedLinks;
    };
    void refreshBoard(BoardSession& s, Fonts& fonts);
    void refreshNote(BoardSession& s, Fonts& fonts);
    void drawBoard(BoardSession& s, WallView& wall, float scale);
    void drawNote(BoardSession& s, WallView& wall, float scale);
    void guarded(BoardSession& s, const std::function<void()>& f);

    const BoardStore* m_store = nullptr;
    std::vector<Line> m_lines;  // oldest first
    std::map<std::string, std::string> m_titles;  // note titles seen in the log, for notes gone since
    std::int64_t m_lastSeq = -1;
    int m_language = -1;  // the i18n::Language the lines are worded in
    std::uint64_t m_boardRevision = ~0ull;

    std::string m_noteId;  // the note whose history is shown ("" follows the selection)
    std::string m_shownNote;
    std::uint64_t m_noteRevision = ~0ull;  // ~0: read again
    std::optional<Note> m_shownState;      // the note as it was when its history was read
    std::vector<NoteVersion> m_versions;
    DeletedWith m_noteDeletedWith;  // the links and insights it left at its last deletion
    bool m_selectNoteTab = false;
    std::string m_error;
    std::string m_person;  // the Board tab shows only this person's changes ("" everyone)
};

}  // namespace cc::gui
