#pragma once
// Choosing a file without typing its path: the desktop's own chooser through the portal where one
// answers, else the built-in one (folders, places, a type filter, the keyboard: arrows, Enter,
// Backspace for the folder above, typing narrows the list). A dialog owns one, opens it from its
// "Choose…" button and draws it inside itself every frame; draw() hands back the path chosen.

#include <optional>
#include <string>
#include <vector>

#include "app/gui/file_chooser_model.h"
#include "app/gui/file_portal.h"

namespace cc::gui {

class Fonts;

class FileChooser {
public:
    using Purpose = FileChooserModel::Purpose;

    /// What to choose.
    struct Request {
        Purpose purpose = Purpose::Open;
        std::string title;              ///< the chooser's title (translated)
        std::vector<FileType> types;    ///< the first is chosen at first
        std::string folder;             ///< where to start ("": the first place)
        std::string fileName;           ///< save: the name suggested
    };

    /// Opens the chooser (the portal's, or the built-in one at the next draw).
    void open(Request request);
    /// Draws the built-in chooser while it is open (a modal popup, inside the caller's popup if
    /// any) or waits for the portal's answer. The chosen path, once.
    std::optional<std::string> draw(Fonts& fonts, float scale);
    /// Open (the built-in chooser, or waiting for the desktop's).
    bool isOpen() const { return m_state != State::Closed; }

    /// The places every chooser offers (home, the board's folder, recent boards' folders); the
    /// window sets them when they change.
    static void setPlaces(std::vector<Place> places);
    static const std::vector<Place>& places();
    /// Whether the desktop's chooser may be asked (a person's window; never headless tests).
    static void allowPortal(bool allowed);

private:
    enum class State { Closed, Portal, BuiltInRequested, BuiltIn };
    std::optional<std::string> drawBuiltIn(Fonts& fonts, float scale);
    void openBuiltIn();
    /// Keys for the list: arrows, Page Up/Down, Home/End, Enter, Backspace, typed text. The
    /// chosen path, if Enter chose one.
    std::optional<std::string> handleKeys(bool nameFieldActive);

    Request m_request;
    State m_state = State::Closed;
    FileChooserModel m_model;
    PortalChooser m_portal;
    bool m_scrollToSelection = false, m_focusName = false;
};

}  // namespace cc::gui
