#pragma once
// What the built-in file chooser shows and does, without drawing it: a folder's entries (folders
// first, then the files of the chosen type), narrowed by what was typed, a selection moved with the
// keyboard, going into folders and up, and the path chosen. The dialog (file_chooser.cpp) draws
// it; the tests drive it directly.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cc::gui {

/// A kind of file the chooser offers: its label and its extensions (".ccboard"); no extensions: any file.
struct FileType {
    std::string label;
    std::vector<std::string> extensions;
    /// True when `name` ends in one of the extensions (case does not matter), or the type takes any file.
    bool matches(const std::string& name) const;
};

/// A place the chooser offers beside the folders: home, the board's folder, recent boards' folders.
struct Place {
    std::string label;
    std::string path;
};

/// One entry of the folder shown.
struct ChooserEntry {
    std::string name;
    bool folder = false;
    std::uintmax_t size = 0;
    std::int64_t modified = 0;  ///< seconds since 1970
};

class FileChooserModel {
public:
    enum class Purpose { Open, Save };

    FileChooserModel() = default;
    FileChooserModel(Purpose purpose, std::vector<FileType> types);

    Purpose purpose() const { return m_purpose; }
    const std::vector<FileType>& types() const { return m_types; }
    int typeIndex() const { return m_type; }
    void setTypeIndex(int i);

    /// Shows a folder; false (and the folder shown stays) when it cannot be read.
    bool setFolder(const std::string& folder);
    const std::string& folder() const { return m_folder; }
    /// Reads the folder again.
    void refresh();
    /// Shows the parent folder; false at the top.
    bool goUp();
    /// Why the last folder could not be shown ("" when it could).
    const std::string& error() const { return m_error; }

    /// What was typed to narrow the listing: entries whose name contains it (case does not matter).
    const std::string& filter() const { return m_filter; }
    void setFilter(std::string filter);
    /// Typed text narrows the listing.
    void type(const std::string& text) { setFilter(m_filter + text); }
    /// Backspace: the last typed character goes; with nothing typed, the parent folder is shown.
    void backspace();

    /// The entries shown: folders first, then files of the type, each by name; hidden ones (".x") left out.
    const std::vector<ChooserEntry>& visible() const { return m_visible; }
    /// The selected entry's index in visible(), or -1.
    int selected() const { return m_selected; }
    void select(int index);
    /// Arrow keys: moves the selection by `delta` entries, staying in the list.
    void moveSelection(int delta);

    /// The file name a Save chooser writes (its extension added when missing).
    std::string& fileName() { return m_fileName; }

    /// Enter (or a double click) on the selection: a folder is shown; a file is chosen. In a Save
    /// chooser with nothing selected, the typed file name is chosen. The chosen path, if any.
    std::optional<std::string> activate();
    /// The path a Save chooser would write now: the folder, the file name, the type's extension.
    std::optional<std::string> savePath() const;

private:
    void list();
    void applyFilter();

    Purpose m_purpose = Purpose::Open;
    std::vector<FileType> m_types;
    int m_type = 0;
    std::string m_folder, m_filter, m_fileName, m_error;
    std::vector<ChooserEntry> m_all, m_visible;
    int m_selected = -1;
};

/// The user's home folder (HOME, else the current folder).
std::string homeFolder();

}  // namespace cc::gui
