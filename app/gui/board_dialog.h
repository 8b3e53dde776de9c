#pragma once
// The ways to a board besides the start screen's lists: the file chooser for a board file, the New
// board dialog (title, template, where to save, chosen without typing a path; a team-server address
// as an advanced option), and the dialog for a board on a team server with the password field a
// server may ask for.

#include <functional>
#include <optional>
#include <string>

#include "app/gui/file_chooser.h"

namespace cc::gui {

class Fonts;
struct Palette;

class BoardDialog {
public:
    /// Opens a board at a path or address; false (with the reason given to setError) when it failed.
    using OpenFn = std::function<bool(const std::string& path)>;
    /// Creates a board with a title from a template; false when it failed.
    using CreateFn = std::function<bool(const std::string& path, const std::string& title, const std::string& templateKey)>;

    /// The New board dialog, with a template chosen.
    void openNew(int templateIndex = 0);
    /// The file chooser for a board file.
    void openFile();
    /// The dialog for a board on a team server.
    void openServer();
    /// Opens the team-server dialog on an address that wants a password.
    void askFor(const std::string& address);
    /// Draws the dialog or the chooser while open (inside the main window).
    void draw(Fonts& fonts, const Palette& palette, float scale, const OpenFn& openBoard, const CreateFn& createBoard);
    /// Asked to open and not drawn since (the next draw opens it).
    bool opening() const { return m_openRequested; }

    /// Why the last open or create failed ("" once it worked).
    const std::string& error() const { return m_error; }
    void setError(std::string e) { m_error = std::move(e); }

    /// The team server's password prompt: the typed password, or nothing yet (and the dialog
    /// then shows the password field).
    std::optional<std::string> password();
    bool needsPassword() const { return m_needsPassword; }
    /// A board opened: the password is forgotten (the connection keeps what it needs).
    void boardOpened();
    /// Wipes the typed password from memory.
    void forgetPassword();

private:
    void drawNew(Fonts& fonts, const Palette& palette, float scale, const CreateFn& createBoard);
    void drawServer(Fonts& fonts, float scale, const OpenFn& openBoard);
    void drawError(float scale);

    enum class Mode { New, Server };
    Mode m_mode = Mode::New;
    bool m_openRequested = false;
    std::string m_password;  // typed for a team server; wiped once the board is open
    bool m_needsPassword = false, m_passwordFocused = false;
    std::string m_address;   // a team server's board
    std::string m_title, m_error;
    std::string m_path;      // where the new board goes (chosen, or suggested from the title)
    bool m_pathChosen = false, m_focusTitle = false;
    int m_template = 0;
    FileChooser m_chooser;   // choosing a board to open, or where a new one goes
    bool m_chooserForNew = false;
};

}  // namespace cc::gui
