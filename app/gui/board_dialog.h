#pragma once
// The board dialog: open or create a board (a file, or an address on a team server), with the
// board files of the folder typed so far, and the password field a team server may ask for.

#include <functional>
#include <optional>
#include <string>

namespace cc::gui {

class Fonts;

class BoardDialog {
public:
    /// Opens a board at a path or address; false (with the reason given to setError) when it failed.
    using OpenFn = std::function<bool(const std::string& path)>;
    /// Creates a board with a title from a template; false when it failed.
    using CreateFn = std::function<bool(const std::string& path, const std::string& title, const std::string& templateKey)>;

    /// Opens the dialog to create a board (`create`) or to open one.
    void open(bool create);
    /// Opens the dialog on an address that wants a password.
    void askFor(const std::string& address);
    /// Draws the dialog while it is open (inside the main window).
    void draw(Fonts& fonts, float scale, const OpenFn& openBoard, const CreateFn& createBoard);
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
    bool m_openRequested = false, m_create = false;
    std::string m_password;  // typed for a team server; wiped once the board is open
    bool m_needsPassword = false, m_passwordFocused = false;
    std::string m_path, m_title, m_error;
    int m_template = 0;
};

}  // namespace cc::gui
