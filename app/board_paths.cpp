#include "app/board_paths.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "storage/board_file.h"
#include "app/i18n.h"

namespace fs = std::filesystem;

namespace cc {

std::string programFolder() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

std::string freeBoardPath(const std::string& folder, const std::string& title, const std::string& fallback) {
    // What a file name cannot hold (a slash, a control character) becomes a space.
    std::string stem;
    for (char c : title) stem += (c == '/' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? ' ' : c;
    if (stem.size() > 120) {
        // Cut at a character's start, not inside one.
        std::size_t end = 120;
        while (end > 0 && (static_cast<unsigned char>(stem[end]) & 0xC0) == 0x80) --end;
        stem.resize(end);
    }
    while (!stem.empty() && (stem.back() == ' ' || stem.back() == '.')) stem.pop_back();
    while (!stem.empty() && (stem.front() == ' ' || stem.front() == '.')) stem.erase(stem.begin());
    if (stem.empty()) stem = fallback;
    std::error_code ec;
    for (int n = 1;; ++n) {
        const fs::path p = fs::path(folder) / (n == 1 ? stem + kBoardExtension : stem + " " + std::to_string(n) + kBoardExtension);
        if (!fs::exists(p, ec) || n > 9999) return p.string();
    }
}

std::optional<std::string> shippedSampleBoard() {
    std::error_code ec;
    for (const fs::path& p : {fs::path(programFolder()) / "sample.ccboard", fs::path(CC_DATADIR) / "sample.ccboard"})
        if (!p.parent_path().empty() && fs::is_regular_file(p, ec)) return p.string();
    return std::nullopt;
}

std::string userBoardFolder() {
    fs::path base;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) base = x;
    else if (const char* h = std::getenv("HOME"); h && *h) base = fs::path(h) / ".local" / "share";
    else base = ".";
    const fs::path folder = base / "customer-canvas";
    std::error_code ec;
    fs::create_directories(folder, ec);
    return folder.string();
}

std::string copySampleBoard(const std::string& title) {
    const auto shipped = shippedSampleBoard();
    if (!shipped) throw std::runtime_error(_("the sample board is not installed with this program"));
    const std::string copy = freeBoardPath(userBoardFolder(), title, "sample");
    std::error_code ec;
    // A copy of the file, closed and complete when it was built; the person may write to theirs.
    fs::copy_file(*shipped, copy, fs::copy_options::none, ec);
    if (!ec) fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add, ec);
    if (ec) {
        fs::remove(copy);
        throw std::runtime_error(i18n::fill(_("cannot copy the sample board to {1} ({2})"), {copy, ec.message()}));
    }
    return copy;
}

}  // namespace cc
