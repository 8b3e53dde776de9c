#pragma once
// The local user's undo and redo stacks. Remote change sets never enter them.

#include <cstddef>
#include <optional>
#include <vector>

#include "canvas/change_set.h"

namespace cc {

class History {
public:
    /// Records a change the user just made; clears the redo stack.
    void record(ChangeSet cs);
    /// The position a gesture can later squash or bail to.
    std::size_t mark() const { return m_undo.size(); }
    /// Folds everything recorded since `mark` into one undo step.
    void squashTo(std::size_t mark);
    /// Removes and returns what was recorded since `mark`, newest last (for bailing out).
    std::vector<ChangeSet> takeSince(std::size_t mark);

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    std::size_t undoDepth() const { return m_undo.size(); }
    std::size_t redoDepth() const { return m_redo.size(); }
    /// Pops the newest undo step (the caller applies its inverse and pushes it to redo).
    std::optional<ChangeSet> popUndo();
    std::optional<ChangeSet> popRedo();
    void pushUndo(ChangeSet cs) { m_undo.push_back(std::move(cs)); }
    void pushRedo(ChangeSet cs) { m_redo.push_back(std::move(cs)); }
    void clear();

private:
    std::vector<ChangeSet> m_undo;
    std::vector<ChangeSet> m_redo;
};

}  // namespace cc
