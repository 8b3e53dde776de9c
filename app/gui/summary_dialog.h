#pragma once
// File > Export monthly summary…: a month, a format and a language; a preview of the headline
// figures; the export itself on a worker thread with a progress bar and Cancel.

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/gui/board_session.h"
#include "app/gui/file_chooser.h"
#include "canvas/summary.h"

namespace cc::gui {

class Fonts;

class SummaryDialog {
public:
    ~SummaryDialog();
    void open(const BoardSession& s);
    void draw(BoardSession& s, Fonts& fonts, float scale);
    bool busy() const { return m_job && !m_job->done; }
    /// What the status bar says when an export ends (written, failed or cancelled), once.
    struct Outcome {
        std::string message;
        bool failed = false;
    };
    std::optional<Outcome> takeOutcome() { return std::exchange(m_outcome, std::nullopt); }

private:
    struct Job {
        std::atomic<bool> done{false}, cancel{false}, writing{false};
        std::atomic<double> progress{0};
        std::mutex mutex;
        bool exporting = false;
        std::unique_ptr<MonthlySummary> summary;
        std::string error, wrote;
        bool cancelled = false;
    };
    void start(const BoardSession& s, bool exportToo);
    void join();
    void finish();
    /// Close: a preview being read is dropped; an export goes on and the status bar says when it ends.
    void close();

    bool m_openRequested = false, m_isOpen = false;
    std::vector<Month> m_months;
    int m_monthIndex = 0, m_format = 0, m_lang = 0;
    std::string m_path, m_error;
    std::unique_ptr<MonthlySummary> m_preview;
    std::string m_previewMonth;
    std::shared_ptr<Job> m_job;
    std::thread m_worker;
    std::string m_done;                  ///< the last export's outcome, shown in the dialog
    std::optional<Outcome> m_outcome;    ///< the same, for the status bar
    FileChooser m_chooser;  // where the summary goes
    bool m_pathChosen = false;
};

}  // namespace cc::gui
