#pragma once
// A board open in the window: its file, document and editor (as the command line has them),
// plus the session state that is never part of the document: selection and filters.

#include <memory>
#include <string>
#include <unordered_map>

#include "app/gui/similarity_cache.h"
#include "canvas/activity.h"
#include "storage/board_store.h"
#include "canvas/derived_facts.h"
#include "canvas/editor.h"
#include "canvas/note_filter.h"
#include "canvas/selection.h"
#include "canvas/spatial_index.h"

namespace cc::gui {

/// Something this window tells its user about others' changes, until dismissed.
struct Notice {
    std::string text;
    std::string noteId;                ///< the note it is about ("" for none)
    std::optional<std::string> restoreText;  ///< the button puts this text back on the note
    std::optional<Note> bringBack;           ///< the button brings this deleted note back
    DeletedWith bringBackWith;               ///< with these links and insights (those still there)
    std::string actionLabel;                 ///< the button's label
    Millis time = 0;
};

struct BoardSession {
    std::unique_ptr<BoardStore> file;
    std::unique_ptr<Document> doc;
    std::unique_ptr<Editor> editor;
    std::unique_ptr<SpatialIndex> index;
    Selection selection;
    DerivedFacts facts;
    NoteFilter filter;
    Presence me;                   ///< this window, as the others see it
    std::vector<Presence> others;  ///< the other windows on this board, heard from recently
    Millis lastAnnounced = 0;
    TextWatch textWatch;           ///< this window's latest texts, to notice when others replace them
    std::vector<Notice> notices;   ///< newest last
    /// Who changed the text of the note being edited (see pullRemote) while it was edited.
    std::string editedMeanwhileBy;
    /// Who last changed each note's text in another window (heard by pullRemote; bounded).
    std::unordered_map<std::string, std::string> textChangedBy;
    /// The board's similarity index (near-duplicates in the tray, similar notes in the inspector).
    SimilarityCache similarity;

    /// Opens a board for editing; throws BoardError with a one-line reason. `askPassword`: who
    /// asks for a team server's password (empty: nobody).
    static std::unique_ptr<BoardSession> open(const std::string& path, const std::string& author,
                                              const PasswordPrompt& askPassword = {});
    /// Creates a new board and opens it.
    static std::unique_ptr<BoardSession> create(const std::string& path, const std::string& title,
                                                const std::string& templateKey, const std::string& author,
                                                const PasswordPrompt& askPassword = {});
    /// Applies what others committed to the board since the last call (a cheap check when
    /// nothing changed), tells the user when their text was replaced, and notes in
    /// editedMeanwhileBy who changed the text of `editingId`. Returns true when the board changed.
    bool pullRemote(const std::string& editingId = {});
    /// Adds a notice (at most a few are kept; the oldest go first).
    void notify(Notice n);
    /// This person's text for note `id` was saved over one someone else gave it meanwhile (on the
    /// wall or in the inspector): says so, with a button that puts `theirs` back.
    void savedOverOthers(const std::string& id, const std::string& theirs);
    /// Carries out a notice's button as the user's own (undoable) change; false when there is
    /// nothing to do any more (the note is gone, or back already).
    bool act(const Notice& n);
    /// Tells the others where this window is and hears from them, about once a second. Returns
    /// true when the others changed (the view redraws).
    bool heartbeat(const std::string& editing);
    /// Drops selected ids whose notes no longer exist (after undo, delete, a remote change).
    void pruneSelection();
};

}  // namespace cc::gui
