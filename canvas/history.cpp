#include "canvas/history.h"

namespace cc {

void History::record(ChangeSet cs) {
    m_undo.push_back(std::move(cs));
    m_redo.clear();
}

void History::squashTo(std::size_t mark) {
    if (mark >= m_undo.size()) return;
    std::vector<ChangeSet> tail(std::make_move_iterator(m_undo.begin() + mark),
                                std::make_move_iterator(m_undo.end()));
    m_undo.resize(mark);
    ChangeSet folded = squash(tail);
    if (!folded.empty()) m_undo.push_back(std::move(folded));
}

std::vector<ChangeSet> History::takeSince(std::size_t mark) {
    if (mark >= m_undo.size()) return {};
    std::vector<ChangeSet> tail(std::make_move_iterator(m_undo.begin() + mark),
                                std::make_move_iterator(m_undo.end()));
    m_undo.resize(mark);
    return tail;
}

std::optional<ChangeSet> History::popUndo() {
    if (m_undo.empty()) return std::nullopt;
    ChangeSet cs = std::move(m_undo.back());
    m_undo.pop_back();
    return cs;
}

std::optional<ChangeSet> History::popRedo() {
    if (m_redo.empty()) return std::nullopt;
    ChangeSet cs = std::move(m_redo.back());
    m_redo.pop_back();
    return cs;
}

void History::clear() {
    m_undo.clear();
    m_redo.clear();
}

}  // namespace cc
