#pragma once
// The local user's selection: session state, never part of the document.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace cc {

class Selection {
public:
    const std::vector<std::string>& ids() const { return m_ids; }
    bool empty() const { return m_ids.empty(); }
    std::size_t size() const { return m_ids.size(); }
    bool contains(const std::string& id) const { return std::find(m_ids.begin(), m_ids.end(), id) != m_ids.end(); }
    void clear() { if (!m_ids.empty()) { m_ids.clear(); ++m_revision; } }
    void set(std::vector<std::string> ids) { m_ids = std::move(ids); ++m_revision; }
    void add(const std::string& id) { if (!contains(id)) { m_ids.push_back(id); ++m_revision; } }
    void remove(const std::string& id) {
        auto it = std::find(m_ids.begin(), m_ids.end(), id);
        if (it != m_ids.end()) { m_ids.erase(it); ++m_revision; }
    }
    void toggle(const std::string& id) { contains(id) ? remove(id) : add(id); }
    /// Counts changes, for views that cache what they draw.
    std::uint64_t revision() const { return m_revision; }

private:
    std::vector<std::string> m_ids;
    std::uint64_t m_revision = 0;
};

}  // namespace cc
