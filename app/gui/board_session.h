#pragma once
// A board open in the window: its file, document and editor (as the command line has them),
// plus the session state that is never part of the document: selection and filters.

#include <memory>
#include <string>

#include "board_store.h"
#include "derived_facts.h"
#include "editor.h"
#include "note_filter.h"
#include "selection.h"
#include "spatial_index.h"

namespace cc::gui {

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

    /// Opens a board file for editing; throws BoardError with a one-line reason.
    static std::unique_ptr<BoardSession> open(const std::string& path, const std::string& author);
    /// Creates a new board file and opens it.
    static std::unique_ptr<BoardSession> create(const std::string& path, const std::string& title,
                                                const std::string& templateKey, const std::string& author);
    /// Applies what other processes committed to the board file since the last call (a cheap
    /// check when nothing changed). Returns true when the board changed.
    bool pullRemote();
    /// Tells the others where this window is and hears from them, about once a second. Returns
    /// true when the others changed (the view redraws).
    bool heartbeat(const std::string& editing);
    /// Drops selected ids whose notes no longer exist (after undo, delete, a remote change).
    void pruneSelection();
};

}  // namespace cc::gui
