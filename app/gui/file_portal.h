#pragma once
// The desktop's own file chooser through the XDG desktop portal (org.freedesktop.portal.FileChooser
// on the session bus, via GIO). The question runs on a worker thread so that the window keeps
// drawing while the desktop's dialog is up; the window polls for the answer. Where no portal
// answers, the answer is Unavailable and the built-in chooser is used instead.

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/gui/file_chooser_model.h"

namespace cc::gui {

/// What to ask the desktop for.
struct PortalQuestion {
    bool save = false;
    std::string title;
    std::vector<FileType> types;
    std::string folder;    ///< where to start
    std::string fileName;  ///< save: the name suggested
};

class PortalChooser {
public:
    enum class State { Idle, Asking, Chosen, Cancelled, Unavailable };

    PortalChooser() = default;
    ~PortalChooser();
    PortalChooser(const PortalChooser&) = delete;
    PortalChooser& operator=(const PortalChooser&) = delete;

    /// False when no session bus is known (nothing could answer), or CC_FILE_CHOOSER=builtin.
    static bool mayBeAvailable();

    /// Asks the desktop (returns at once; poll() says when it answered).
    void ask(const PortalQuestion& question);
    /// The state of the last question; with Chosen, the paths chosen. Chosen, Cancelled and
    /// Unavailable are said once, then the chooser is Idle again.
    State poll(std::vector<std::string>& paths);
    /// Withdraws the question (the desktop's dialog closes).
    void cancel();
    /// Some chooser's answer came and was not taken yet: the window must draw a frame to take it
    /// (an idle window draws nothing, and waiting for the desktop's dialog is idle).
    static bool anyAnswerWaiting();

    /// What the worker and the window share about one question.
    struct Shared;

private:
    void join();
    std::shared_ptr<Shared> m_shared;
    std::thread m_worker;
};

}  // namespace cc::gui
