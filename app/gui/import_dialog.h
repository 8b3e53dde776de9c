#pragma once
// File > Import… and files dropped on the window: choose the files and how to read them,
// preview the first candidates with the detected encoding or columns, then import. Parsing runs
// on a worker thread with a progress bar and Cancel; the window stays responsive. Nothing is
// written until Import is pressed, and then as one change set.

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/gui/board_session.h"
#include "app/gui/file_chooser.h"
#include "storage/import/import_pipeline.h"

namespace cc::gui {

class Fonts;

class ImportDialog {
public:
    ~ImportDialog();
    /// Opens the dialog (with files, for a drop: parsing starts at once).
    void open(std::vector<std::string> files = {});
    /// Draws the dialog if open. Returns true when an import was made (so the tray can show).
    bool draw(BoardSession& s, Fonts& fonts, float scale);
    /// Parsing in progress (the window keeps drawing frames for the progress bar).
    bool busy() const { return m_job && !m_job->done; }
    std::string takeMessage() { return std::exchange(m_message, std::string()); }

private:
    struct Job {
        std::atomic<double> progress{0};
        std::atomic<bool> cancel{false};
        std::atomic<bool> done{false};
        std::mutex mutex;
        std::vector<import::ParsedFile> files;  // guarded by mutex until done
        std::string error;
    };
    void startParsing();
    void stopWorker();
    void drawPreview(BoardSession& s, Fonts& fonts, float scale);
    import::ImportOptions options(const BoardSession& s) const;

    bool m_open = false, m_openRequested = false, m_focusPaths = false;
    std::string m_paths;  // one per line
    int m_source = -1;    // index into the source kinds; -1: the default for the format
    std::string m_date, m_tags;
    int m_pin = 0;
    // CSV columns, once a CSV has been read: the text columns chosen and the mapped columns.
    std::vector<std::string> m_columns;
    std::vector<bool> m_textColumn;
    int m_idColumn = 0, m_dateColumn = 0, m_segmentColumn = 0;  // 0: none, else index + 1
    std::shared_ptr<Job> m_job;
    std::thread m_worker;
    std::vector<import::ParsedFile> m_parsed;
    std::string m_error, m_message;
    FileChooser m_chooser;  // Choose files…: each chosen file is added to the list
};

}  // namespace cc::gui
