#include "app/gui/file_chooser_model.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "app/i18n.h"

namespace fs = std::filesystem;

namespace cc::gui {

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

/// Names in the order a person looks for them: case does not matter, then bytes.
bool byName(const ChooserEntry& a, const ChooserEntry& b) {
    if (a.folder != b.folder) return a.folder;
    const std::string la = lower(a.name), lb = lower(b.name);
    return la != lb ? la < lb : a.name < b.name;
}

/// A folder path without a trailing separator (except the root).
std::string normalFolder(const std::string& folder) {
    std::error_code ec;
    fs::path p = fs::absolute(folder.empty() ? "." : folder, ec).lexically_normal();
    std::string s = p.string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

}  // namespace

bool FileType::matches(const std::string& name) const {
    if (extensions.empty()) return true;
    const std::string n = lower(name);
    return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& e) {
        const std::string le = lower(e);
        return n.size() > le.size() && n.compare(n.size() - le.size(), le.size(), le) == 0;
    });
}

std::string homeFolder() {
    if (const char* h = std::getenv("HOME"); h && *h) return h;
    std::error_code ec;
    return fs::current_path(ec).string();
}

FileChooserModel::FileChooserModel(Purpose purpose, std::vector<FileType> types) : m_purpose(purpose), m_types(std::move(types)) {
    if (m_types.empty()) m_types.push_back({_("All files"), {}});
}

void FileChooserModel::setTypeIndex(int i) {
    if (i < 0 || i >= static_cast<int>(m_types.size())) return;
    m_type = i;
    applyFilter();
}

bool FileChooserModel::setFolder(const std::string& folder) {
    const std::string f = normalFolder(folder);
    std::error_code ec;
    fs::directory_iterator it(f, ec);
    if (ec) {
        m_error = i18n::fill(_("{1} cannot be opened ({2})"), {f, ec.message()});
        return false;
    }
    m_error.clear();
    m_folder = f;
    m_filter.clear();
    list();
    return true;
}

void FileChooserModel::refresh() { list(); }

void FileChooserModel::list() {
    m_all.clear();
    std::error_code ec;
    for (fs::directory_iterator it(m_folder, ec), end; !ec && it != end; it.increment(ec)) {
        ChooserEntry e;
        e.name = it->path().filename().string();
        if (e.name.empty() || e.name[0] == '.') continue;
        std::error_code ec2;
        e.folder = it->is_directory(ec2);
        if (!e.folder && !it->is_regular_file(ec2)) continue;
        if (!e.folder) e.size = it->file_size(ec2);
        const auto t = it->last_write_time(ec2);
        if (!ec2)
            e.modified = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::file_clock::to_sys(t).time_since_epoch())
                             .count();
        m_all.push_back(std::move(e));
        if (m_all.size() >= 20000) break;  // a folder of millions of files stays usable
    }
    std::sort(m_all.begin(), m_all.end(), byName);
    applyFilter();
}

void FileChooserModel::applyFilter() {
    const std::string keep = m_selected >= 0 && m_selected < static_cast<int>(m_visible.size()) ? m_visible[m_selected].name : "";
    m_visible.clear();
    const std::string f = lower(m_filter);
    const FileType& type = m_types[static_cast<std::size_t>(m_type)];
    for (const auto& e : m_all) {
        if (!e.folder && !type.matches(e.name)) continue;
        if (!f.empty() && lower(e.name).find(f) == std::string::npos) continue;
        m_visible.push_back(e);
    }
    // The selection stays on its entry when still shown; typing selects the first match.
    m_selected = -1;
    for (int i = 0; i < static_cast<int>(m_visible.size()); ++i)
        if (m_visible[i].name == keep) m_selected = i;
    if (m_selected < 0 && !m_filter.empty() && !m_visible.empty()) m_selected = 0;
}

bool FileChooserModel::goUp() {
    const fs::path p(m_folder);
    if (!p.has_parent_path() || p.parent_path() == p) return false;
    const std::string from = p.filename().string();
    if (!setFolder(p.parent_path().string())) return false;
    for (int i = 0; i < static_cast<int>(m_visible.size()); ++i)
        if (m_visible[i].name == from) m_selected = i;  // back where one came from
    return true;
}

void FileChooserModel::setFilter(std::string filter) {
    m_filter = std::move(filter);
    applyFilter();
}

void FileChooserModel::backspace() {
    if (m_filter.empty()) {
        goUp();
        return;
    }
    // One character, not one byte: names are UTF-8.
    while (!m_filter.empty() && (static_cast<unsigned char>(m_filter.back()) & 0xC0) == 0x80) m_filter.pop_back();
    if (!m_filter.empty()) m_filter.pop_back();
    applyFilter();
}

void FileChooserModel::select(int index) {
    m_selected = index >= 0 && index < static_cast<int>(m_visible.size()) ? index : -1;
    if (m_purpose == Purpose::Save && m_selected >= 0 && !m_visible[m_selected].folder) m_fileName = m_visible[m_selected].name;
}

void FileChooserModel::moveSelection(int delta) {
    if (m_visible.empty()) return;
    const int n = static_cast<int>(m_visible.size());
    // With nothing selected, down starts above the first entry and up below the last.
    const int from = m_selected >= 0 ? m_selected : delta > 0 ? -1 : n;
    select(std::clamp(from + delta, 0, n - 1));
}

std::optional<std::string> FileChooserModel::activate() {
    if (m_selected >= 0 && m_selected < static_cast<int>(m_visible.size())) {
        const ChooserEntry e = m_visible[m_selected];
        const std::string path = (fs::path(m_folder) / e.name).string();
        if (e.folder) {
            setFolder(path);
            return std::nullopt;
        }
        if (m_purpose == Purpose::Open) return path;
    }
    if (m_purpose == Purpose::Save) return savePath();
    return std::nullopt;
}

std::optional<std::string> FileChooserModel::savePath() const {
    std::string name = m_fileName;
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") return std::nullopt;
    const FileType& type = m_types[static_cast<std::size_t>(m_type)];
    if (!type.extensions.empty() && !type.matches(name)) name += type.extensions.front();
    return (fs::path(m_folder) / name).string();
}

}  // namespace cc::gui
