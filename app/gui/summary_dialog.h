#pragma once
// File > Export monthly summary…: a month, a format and a language; a preview of the headline
// figures; the export itself on a worker thread with a progress bar.

#include <atomic>
#include <memory>
#include <mutex>
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
    std::string takeMessage() { return std::exchange(m_message, std::string()); }

private:
    struct Job {
        std::atomic<bool> done{false};
        std::mutex mutex;
        bool exporting = false;
        std::unique_ptr<MonthlySummary> summary;
        std::string error, wrote;
    };
    void start(const BoardSession& s, bool exportToo);
    void join();

    bool m_openRequested = false;
    std::vector<Month> m_months;
    int m_monthIndex = 0, m_format = 0, m_lang = 0;
    std::string m_path, m_error;
    std::unique_ptr<MonthlySummary> m_preview;
    std::string m_previewMonth;
    std::shared_ptr<Job> m_job;
    std::thread m_worker;
    std::string m_message;
    FileChooser m_chooser;  // where the summary goes
    bool m_pathChosen = false;
};

}  // namespace cc::gui
