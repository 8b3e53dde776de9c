#pragma once
// The editor: the commands a person (or the command line) gives, turned into change sets on a
// document, with the local user's undo history. One undo step per command or per gesture.

#include <optional>
#include <string>
#include <vector>

#include "canvas/document.h"
#include "canvas/geometry.h"
#include "canvas/history.h"

namespace cc {

/// Sets a note's source kind and what follows from it: the kind's data kind (a kind that may be
/// either keeps the note's own; a new note's is qualitative) and whether the customer started
/// the contact. The one rule for the editor, the command line, the inspector and imports.
void setSourceKind(Note& n, const SourceKind& kind);

/// Where a note is asked to go: a quadrant, a place on the wall, both (which must agree) or neither.
struct Placement {
    std::optional<int> quadrant;                  ///< 1-4
    std::optional<std::pair<double, double>> at;  ///< the top-left corner, in wall units
    /// `at` is where a person pointed (a double-click, a drop): the note takes the free place
    /// nearest to it in its quadrant (see freePlaceNear) rather than exactly there.
    bool nearestFree = false;
};

/// The free place for note `n`'s top-left corner nearest to (x, y): wholly inside quadrant q of
/// the wall as it stands (grownWall) and below its header, and kNoteGap clear of every other note
/// on the wall (`n` itself aside) and of the rectangles `alsoTaken` (notes placed in the same
/// step). The one rule for new notes and notes dropped on the wall. A quadrant with no room left
/// is that of a wall a quarter larger, and so on (the wall grows evenly with its notes).
std::pair<double, double> freePlaceNear(const Document& doc, const Note& n, int q, double x, double y,
                                        const std::vector<Rect>& alsoTaken = {});

/// The smallest size a note can be given by hand, in wall units.
inline constexpr double kMinNoteWidth = 120;
inline constexpr double kMinNoteHeight = 70;
/// The size note `n` takes when a person asks for w × h with its top-left corner fixed: at
/// least the smallest size, at most limits::kMaxNoteSize, and not past the edges of the
/// quadrant it is in (a note already past them may keep its size).
std::pair<double, double> resizedSize(const Document& doc, const Note& n, double w, double h);

/// A placement that breaks a placement rule (see Editor::placed); the edge words it.
class PlacementError : public ChangeError {
public:
    enum class Kind {
        NeedsAPlace,     ///< a note leaves the tray with neither a quadrant nor a place
        OutsideQuadrant  ///< the place is in quadrant `placedIn`, not the quadrant asked for
    };
    PlacementError(Kind kind, int quadrant, int placedIn);
    Kind kind;
    int quadrant, placedIn;
};

class Editor {
public:
    Editor(Document& doc, std::string author);

    Document& document() { return m_doc; }
    const Document& document() const { return m_doc; }
    const std::string& author() const { return m_author; }
    void setAuthor(std::string author) { m_author = std::move(author); }
    History& history() { return m_history; }

    /// A new note with the defaults of its source kind (data kind, who started the contact),
    /// a fresh id, this editor's author, today's date and the default size. Not yet added.
    Note makeNote(std::string text, std::string source) const;

    /// Note `n` placed as asked; `before` is the note as it stands (null for a new note). A place
    /// puts it there (a tray note is pinned) and its quadrant follows from the place, which must
    /// be `where.quadrant` when both are given. A quadrant alone pins it there: a note already on
    /// the wall in that quadrant stays where it is, any other takes the first free place. With
    /// neither, the place stays as it is, and a note that leaves the tray (its state set to
    /// pinned or archived) is refused: it needs a place. Throws PlacementError; changes nothing.
    Note placed(Note n, const Note* before, const Placement& where) const;

    /// Adds a note as given (its quadrant follows from its place); returns its id.
    std::string addNote(Note n);
    /// Adds a note at the first free place in quadrant q; returns its id.
    std::string addNoteInQuadrant(Note n, int q);
    /// Replaces a note with a new version (re-filed by its place); no-op if nothing changed.
    void updateNote(Note after);
    void updateNotes(std::vector<Note> after);
    /// Replaces a note's text. `overwrote`: someone else changed the text while this user was
    /// editing it, and this text replaces theirs (the change set says so; see ChangeSet).
    void setText(const std::string& id, std::string text, bool overwrote = false);
    /// Resizes a note to w × h (as resizedSize allows), its top-left corner fixed; one undo step.
    void resizeNote(const std::string& id, double w, double h);
    /// Moves notes by (dx, dy); those that cross a boundary are re-filed.
    void moveNotes(const std::vector<std::string>& ids, double dx, double dy);
    /// Removes notes and every link that touches them; they leave the evidence of every insight
    /// that cites them (undo puts them back).
    void deleteNotes(const std::vector<std::string>& ids);
    /// Links two notes; refuses a link to itself or a second link of the same kind.
    std::string addLink(const std::string& from, const std::string& to, LinkKind kind, std::string label = {});
    void updateLink(Link after);
    void deleteLinks(const std::vector<std::string>& ids);
    void updateBoard(BoardInfo after);

    /// A new draft insight citing `notes` (in the order given, each once), with a fresh id, this
    /// editor's author and the time now. Not yet added. Its quadrant is the one most of its notes
    /// on the wall sit in (the lowest on a tie; 0 when none is on the wall).
    Insight makeInsight(std::string title, std::vector<std::string> notes) const;
    /// Adds an insight as given (the document refuses an empty title, a note that is not on this
    /// board, a note cited twice); returns its id.
    std::string addInsight(Insight i);
    /// Replaces an insight with a new version (its updated time set now); no-op if nothing changed.
    void updateInsight(Insight after);
    /// Removes insights; their notes stay.
    void deleteInsights(const std::vector<std::string>& ids);

    /// Applies a change set made by the local user (or an import) and records it for undo.
    void applyLocal(ChangeSet cs, ChangeSource source = ChangeSource::User);

    bool canUndo() const { return m_history.canUndo(); }
    bool canRedo() const { return m_history.canRedo(); }
    /// Takes back the newest local step (only what it changed, as the board is now: what others
    /// changed since stays); false when there is none.
    bool undo();
    bool redo();

    /// A gesture (drag, link, text editing) becomes one undo step: begin, apply changes, end.
    void beginGesture();
    void endGesture();
    /// Takes back everything since beginGesture (Escape during a drag).
    void cancelGesture();
    bool inGesture() const { return m_gestureMark.has_value(); }

private:
    Note refiled(Note n) const;
    /// A step of this user's history as it applies to the board now: records others deleted are
    /// left alone, and of the records others changed since, only the fields they did not touch
    /// change (their later change wins the rest).
    ChangeSet rebased(const ChangeSet& step) const;

    Document& m_doc;
    std::string m_author;
    History m_history;
    std::optional<std::size_t> m_gestureMark;
};

}  // namespace cc
