#include "app/gui/summary_dialog.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cfloat>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>

#include "app/gui/fonts.h"
#include "canvas/progress.h"
#include "storage/summary/summary_export.h"
#include "storage/summary/summary_source.h"
#include "app/i18n.h"

namespace cc::gui {

namespace {
const char* kFormats[] = {"PDF", "HTML", "Markdown", N_("CSV (appendix table)"), N_("JSON (every figure)")};
const char* kExtensions[] = {".pdf", ".html", ".md", ".csv", ".json"};
const char* kLangs[] = {"English", "中文"};

Month monthOf(Millis t) {
    std::time_t s = static_cast<std::time_t>(t / 1000);
    std::tm tm{};
    gmtime_r(&s, &tm);
    return Month{tm.tm_year + 1900, tm.tm_mon + 1};
}
}  // namespace

SummaryDialog::~SummaryDialog() {
    if (m_job) m_job->cancel = true;
    join();
}

void SummaryDialog::join() {
    if (m_worker.joinable()) m_worker.join();
}

void SummaryDialog::close() {
    if (m_job && !m_job->exporting) m_job->cancel = true;
    m_isOpen = false;
    ImGui::CloseCurrentPopup();
}

void SummaryDialog::open(const BoardSession& s) {
    m_openRequested = true;
    m_error.clear();
    m_months.clear();
    const Month first = monthOf(s.doc->board().created);
    Month m = monthOf(nowMillis());
    for (int i = 0; i < 240; ++i) {  // newest first, back to the board's first month
        m_months.push_back(m);
        if (m == first) break;
        m = m.previous();
    }
    // In the language the person reads the window in, unless they choose the other.
    m_lang = i18n::language() == i18n::Language::Chinese ? 1 : 0;
    // The usual summary is of the month just ended, when the board existed then.
    m_monthIndex = m_months.size() > 1 ? 1 : 0;
    // Suggested next to this board again (the window may have another board than last time).
    m_path.clear();
    m_pathChosen = false;
    m_preview.reset();
    m_previewMonth.clear();
}

void SummaryDialog::start(const BoardSession& s, bool exportToo) {
    join();
    auto job = std::make_shared<Job>();
    job->exporting = exportToo;
    m_job = job;
    std::shared_ptr<BoardStore> reader(s.file->openAnother(BoardStore::Mode::ReadOnly));
    const Month month = m_months[static_cast<std::size_t>(m_monthIndex)];
    const std::string path = m_path;
    const auto format = static_cast<summary::Format>(m_format);
    const auto lang = m_lang == 1 ? summary::Lang::Zh : summary::Lang::En;
    // The worker reads the board through its own connection (opened here, used only there):
    // connections are not shared between threads, and WAL lets it read while the window writes.
    m_worker = std::thread([job, reader, month, path, format, lang, exportToo] {
        std::unique_ptr<MonthlySummary> result;
        std::string error, wrote;
        bool cancelled = false;
        // Reading and replaying the history is most of the work; writing the file the rest.
        const double reading = exportToo ? 0.9 : 1.0;
        const ProgressFn progress = [&](double share) {
            job->progress = share * reading;
            glfwPostEmptyEvent();  // the bar moves
            return !job->cancel;
        };
        try {
            result = std::make_unique<MonthlySummary>(summary::summaryOfBoard(*reader, month, nowMillis(), progress));
            if (exportToo) {
                // The last moment to stop: once writing starts it ends (the file is replaced whole).
                if (job->cancel) throw Cancelled();
                job->writing = true;
                summary::exportSummary(*result, path, format, lang);
                job->progress = 1;
                wrote = path;
            }
        } catch (const Cancelled&) {
            cancelled = true;
        } catch (const std::exception& e) {
            error = e.what();
        }
        {
            std::lock_guard<std::mutex> lock(job->mutex);
            job->summary = std::move(result);
            job->error = std::move(error);
            job->wrote = std::move(wrote);
            job->cancelled = cancelled;
        }
        job->done = true;
        glfwPostEmptyEvent();
    });
}

void SummaryDialog::finish() {
    join();
    std::lock_guard<std::mutex> lock(m_job->mutex);
    if (m_job->summary) {
        m_preview = std::move(m_job->summary);
        m_previewMonth = m_preview->month.str();
    }
    if (m_job->exporting) {
        // The outcome of an export reaches the status bar too: the dialog may be closed by now.
        m_error = m_job->error;
        if (!m_job->wrote.empty()) m_done = i18n::fill(_("wrote the summary to {1}"), {m_job->wrote});
        else if (m_job->cancelled) m_done = _("the export was cancelled: nothing was written");
        else m_done.clear();
        m_outcome = Outcome{m_error.empty() ? m_done : i18n::fill(_("the summary was not written: {1}"), {m_error}),
                            !m_error.empty()};
    } else if (!m_job->cancelled) {
        m_error = m_job->error;
    }
    m_job.reset();
}

void SummaryDialog::draw(BoardSession& s, Fonts& fonts, float scale) {
    if (m_openRequested) {
        ImGui::OpenPopup(L_("Monthly summary", "summary"));
        m_openRequested = false;
        m_isOpen = true;
    }
    if (m_job && m_job->done) finish();
    ImGui::SetNextWindowSizeConstraints({640 * scale, 0}, {640 * scale, FLT_MAX});
    if (!ImGui::BeginPopupModal(L_("Monthly summary", "summary"), nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        if (m_isOpen && m_job && !m_job->exporting) m_job->cancel = true;  // closed another way
        m_isOpen = false;
        return;
    }
    if (m_months.empty()) open(s);
    const std::string current = m_months[static_cast<std::size_t>(m_monthIndex)].str();
    ImGui::SetNextItemWidth(160 * scale);
    if (ImGui::BeginCombo(L_("month", "month"), current.c_str())) {
        for (int i = 0; i < static_cast<int>(m_months.size()); ++i)
            if (ImGui::Selectable(m_months[static_cast<std::size_t>(i)].str().c_str(), i == m_monthIndex)) m_monthIndex = i;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200 * scale);
    const int oldFormat = m_format;
    const char* formats[5];
    for (int i = 0; i < 5; ++i) formats[i] = _(kFormats[i]);
    ImGui::Combo(L_("format", "format"), &m_format, formats, 5);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110 * scale);
    ImGui::Combo(L_("language", "language"), &m_lang, kLangs, 2);
    // A default file name next to the board, following the month and format.
    const std::filesystem::path board(s.file->shortName());
    const std::string suggested =
        (std::filesystem::path(s.file->suggestedFolder()) / (board.stem().string() + "-summary-" + current + kExtensions[m_format])).string();
    if (m_path.empty() || (!m_pathChosen && m_path.find("-summary-") != std::string::npos)) m_path = suggested;
    if (oldFormat != m_format)  // the chosen name keeps, with the format's extension
        m_path = std::filesystem::path(m_path).replace_extension(kExtensions[m_format]).string();
    if (ImGui::Button(L_("Choose…", "choose"))) {
        const std::filesystem::path p(m_path);
        m_chooser.open({FileChooser::Purpose::Save, _("Save the summary as"), {{_(kFormats[m_format]), {kExtensions[m_format]}}},
                        p.parent_path().string(), p.filename().string()});
    }
    const bool chooserUp = m_chooser.isOpen();
    if (auto chosen = m_chooser.draw(fonts, scale)) {
        m_path = *chosen;
        m_pathChosen = true;
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    fonts.addText(m_path);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(m_path.c_str());
    ImGui::PopTextWrapPos();

    if (!m_job && m_previewMonth != current) start(s, false);  // preview the headline figures
    ImGui::Separator();
    if (m_preview && m_previewMonth == current) {
        const MonthlySummary& p = *m_preview;
        if (p.empty) ImGui::TextDisabled(_("No data for %s: the summary will say so."), current.c_str());
        auto figure = [](const char* name, const Figure& f) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(_(name));
            ImGui::TableNextColumn();
            ImGui::Text("%d", f.value);
            ImGui::TableNextColumn();
            const int c = f.change();
            if (c > 0) ImGui::TextColored({0.13f, 0.55f, 0.25f, 1}, "+%d", c);
            else if (c < 0) ImGui::TextColored({0.82f, 0.18f, 0.18f, 1}, "%d", c);
            else ImGui::TextDisabled("±0");
        };
        if (ImGui::BeginTable("headline", 3, ImGuiTableFlags_RowBg)) {
            figure(N_("notes on the wall"), p.notesOnWall);
            figure(N_("new this month"), p.newNotes);
            figure(N_("changed this month"), p.changedNotes);
            figure(N_("source kinds used"), p.sourceKindsUsed);
            figure(N_("corroborated insights"), p.corroborated);
            figure(N_("open contradictions"), p.openContradictions);
            ImGui::EndTable();
        }
    } else {
        ImGui::TextDisabled("%s", _("reading the board's history…"));
    }
    if (m_job && m_job->exporting) {
        // The bar follows the worker: reading the history, then writing the file.
        const double share = m_job->progress;
        const std::string label = m_job->writing ? std::string(_("writing…"))
                                                 : i18n::fill(_("reading the board's history… {1} %"),
                                                              {std::to_string(static_cast<int>(share * 100))});
        ImGui::ProgressBar(static_cast<float>(share), {-1, 0}, label.c_str());
    }
    if (!m_error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", m_error.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Separator();
    const bool exporting = m_job && m_job->exporting;
    if (exporting) {
        // While the export runs: Cancel stops it (nothing is written once it stops).
        ImGui::BeginDisabled(m_job->cancel || m_job->writing);
        if (ImGui::Button(L_("Cancel", "cancel"))) m_job->cancel = true;
        ImGui::EndDisabled();
    } else {
        // BeginDisabled(flag) always pushes, so the pop below pairs with it even when Export starts
        // the job in between (a conditional pop would then pop a state never pushed).
        ImGui::BeginDisabled(m_job != nullptr);
        if (ImGui::Button(L_("Export", "export"))) {
            m_error.clear();
            m_done.clear();
            start(s, true);
        }
        ImGui::EndDisabled();
    }
    ImGui::SameLine();
    if (ImGui::Button(L_("Close", "close")) || (!chooserUp && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false))) close();
    if (!m_done.empty() && !m_job) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored({0.13f, 0.55f, 0.25f, 1}, "%s", m_done.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndPopup();
}

}  // namespace cc::gui
