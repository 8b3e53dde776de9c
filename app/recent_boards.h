#pragma once
// The boards a person opened lately, newest first, kept in the settings (recent_N_path,
// recent_N_title, recent_N_opened): what the start screen lists and the file chooser offers as
// places. A team-server board is kept by its address without any password.

#include <cstddef>
#include <string>
#include <vector>

#include "canvas/model.h"

namespace cc {

class Settings;

/// One board opened lately.
struct RecentBoard {
    std::string address;  ///< an absolute file path, or a team-server address
    std::string title;    ///< the board's title when it was last opened
    Millis opened = 0;    ///< when it was last opened
};

class RecentBoards {
public:
    /// The most boards kept.
    static constexpr std::size_t kMax = 8;

    /// The list kept in the settings (an older `last_board` setting counts as one entry).
    static RecentBoards fromSettings(const Settings& settings);
    /// Writes the list into the settings, replacing what was there (and `last_board`).
    void toSettings(Settings& settings) const;

    /// A board was opened: it goes first, once, and the oldest beyond kMax are dropped.
    void add(const std::string& address, const std::string& title, Millis opened);
    /// Forgets a board.
    void remove(const std::string& address);
    /// Newest first.
    const std::vector<RecentBoard>& items() const { return m_items; }

    /// False for a board file that is no longer there (a server board is assumed to be there).
    static bool available(const RecentBoard& board);

private:
    std::vector<RecentBoard> m_items;
};

}  // namespace cc
