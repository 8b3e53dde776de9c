#pragma once
// The local user's selection: session state, never part of the document.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace cc {

/// The selected notes, or an insight: its frame chosen on the wall, with its notes on the wall
/// as the selected notes (so they move, copy and show as selected together). Choosing notes
/// afterwards leaves the insight.
class Selection {
public:
    const std::vector<std::string>& ids() const { return m_ids; }
    bool empty() const { return m_ids.empty(); }
    std::size_t size() const { return m_ids.size(); }
    bool contains(const std::string& id) const { return std::find(m_ids.begin(), m_ids.end(), id) != m_ids.end(); }
    /// The chosen insight's id; empty when notes alone are selected.
    const std::string& insight() const { return m_insight; }
    void clear() {
        if (!m_ids.empty() || !m_insight.empty()) {
            m_ids.clear();
            m_insight.clear();
            ++m_revision;
        }
    }
    void set(std::vector<std::string> ids) {
        m_ids = std::move(ids);
        m_insight.clear();
        ++m_revision;
    }
    /// Chooses an insight, with its notes on the wall.
    void setInsight(std::string id, std::vector<std::string> notes) {
        m_ids = std::move(notes);
        m_insight = std::move(id);
        ++m_revision;
    }
    void add(const std::string& id) {
        if (!contains(id)) {
            m_ids.push_back(id);
            m_insight.clear();
            ++m_revision;
        }
    }
    void remove(const std::string& id) {
        auto it = std::find(m_ids.begin(), m_ids.end(), id);
        if (it != m_ids.end()) {
            m_ids.erase(it);
            m_insight.clear();
            ++m_revision;
        }
    }
    void toggle(const std::string& id) { contains(id) ? remove(id) : add(id); }
    /// Counts changes, for views that cache what they draw.
    std::uint64_t revision() const { return m_revision; }

private:
    std::vector<std::string> m_ids;
    std::string m_insight;
    std::uint64_t m_revision = 0;
};

}  // namespace cc
