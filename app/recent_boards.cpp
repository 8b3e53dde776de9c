#include "app/recent_boards.h"

#include <algorithm>
#include <filesystem>

#include "app/settings.h"
#include "storage/board_store.h"

namespace cc {

namespace {

std::string key(std::size_t i, const char* field) { return "recent_" + std::to_string(i + 1) + "_" + field; }

/// A title kept in the settings file: one line (a title is board data and may hold anything).
std::string oneLine(std::string s) {
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    if (s.size() > 200) {
        // Cut at a character's start, not inside one.
        std::size_t end = 200;
        while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
        s.resize(end);
    }
    return s;
}

}  // namespace

RecentBoards RecentBoards::fromSettings(const Settings& settings) {
    RecentBoards r;
    for (std::size_t i = 0; i < kMax; ++i) {
        auto path = settings.get(key(i, "path"));
        if (!path || path->empty()) continue;
        RecentBoard b{*path, settings.get(key(i, "title")).value_or(""), 0};
        try {
            b.opened = std::stoll(settings.get(key(i, "opened")).value_or("0"));
        } catch (const std::exception&) {
        }
        if (std::none_of(r.m_items.begin(), r.m_items.end(), [&](const RecentBoard& o) { return o.address == b.address; }))
            r.m_items.push_back(std::move(b));
    }
    // Versions before the list remembered only the last board.
    if (auto last = settings.get("last_board"); last && !last->empty() && r.m_items.empty()) r.m_items.push_back({*last, "", 0});
    return r;
}

void RecentBoards::toSettings(Settings& settings) const {
    for (std::size_t i = 0; i < kMax; ++i)
        for (const char* f : {"path", "title", "opened"}) settings.unset(key(i, f));
    settings.unset("last_board");
    std::size_t i = 0;
    for (const auto& b : m_items) {
        if (!Settings::valueProblem(b.address).empty()) continue;  // a path with a line break cannot be kept
        settings.set(key(i, "path"), b.address);
        settings.set(key(i, "title"), oneLine(b.title));
        settings.set(key(i, "opened"), std::to_string(b.opened));
        if (++i == kMax) break;
    }
}

void RecentBoards::add(const std::string& address, const std::string& title, Millis opened) {
    remove(address);
    m_items.insert(m_items.begin(), RecentBoard{address, oneLine(title), opened});
    if (m_items.size() > kMax) m_items.resize(kMax);
}

void RecentBoards::remove(const std::string& address) {
    std::erase_if(m_items, [&](const RecentBoard& b) { return b.address == address; });
}

bool RecentBoards::available(const RecentBoard& board) {
    if (isServerAddress(board.address)) return true;
    std::error_code ec;
    return std::filesystem::is_regular_file(board.address, ec);
}

}  // namespace cc
