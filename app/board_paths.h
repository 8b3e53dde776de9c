#pragma once
// Where boards go without anyone typing a path: a new board's file name from its title, the
// sample board shipped with the program, and the person's own copy of it.

#include <optional>
#include <string>

namespace cc {

/// The folder the running program is in ("" when unknown).
std::string programFolder();

/// A board file for `title` in `folder` that does not exist yet: "Title.ccboard", else
/// "Title 2.ccboard" and so on (`fallback` when the title makes no file name).
std::string freeBoardPath(const std::string& folder, const std::string& title, const std::string& fallback);

/// The sample board shipped with the program: next to it (the build tree), else in the install
/// prefix's share/customer-canvas. Nothing when neither has it.
std::optional<std::string> shippedSampleBoard();

/// Where the person's boards of the program's own making go ($XDG_DATA_HOME/customer-canvas, else
/// ~/.local/share/customer-canvas); made when missing.
std::string userBoardFolder();

/// A fresh copy of the shipped sample board in userBoardFolder(), writable, never the shipped
/// file itself; its path. Throws std::runtime_error (one line) when there is no sample or no copy.
std::string copySampleBoard(const std::string& title);

}  // namespace cc
