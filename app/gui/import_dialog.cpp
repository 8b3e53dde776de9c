#include "app/gui/import_dialog.h"

#include <filesystem>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <sstream>

#include "app/gui/fonts.h"
#include "app/i18n.h"

namespace cc::gui {

namespace {

std::vector<std::string> splitLines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string line;
    while (std::getline(in, line)) {
        auto b = line.find_first_not_of(" \t\r");
        if (b == std::string::npos) continue;
        out.push_back(line.substr(b, line.find_last_not_of(" \t\r") - b + 1));
    }
    return out;
}

std::vector<std::string> splitTags(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s + ",") {
        if (c == ',') {
            auto b = cur.find_first_not_of(" \t");
            if (b != std::string::npos) out.push_back(cur.substr(b, cur.find_last_not_of(" \t") - b + 1));
            cur.clear();
        } else {
            cur += c;
        }
    }
    return out;
}

}  // namespace

ImportDialog::~ImportDialog() { stopWorker(); }

void ImportDialog::stopWorker() {
    if (m_job) m_job->cancel = true;
    if (m_worker.joinable()) m_worker.join();
}

void ImportDialog::open(std::vector<std::string> files) {
    m_openRequested = true;
    m_error.clear();
    m_parsed.clear();
    m_columns.clear();
    m_textColumn.clear();
    m_idColumn = m_dateColumn = m_segmentColumn = 0;
    if (!files.empty()) {
        m_paths.clear();
        for (const auto& f : files) m_paths += f + "\n";
        startParsing();
    }
}

import::ImportOptions ImportDialog::options(const BoardSession& s) const {
    import::ImportOptions o;
    if (m_source >= 0) o.source = s.doc->sourceKinds().all()[static_cast<std::size_t>(m_source)].key;
    o.date = m_date;
    o.pinQuadrant = m_pin;
    o.tags = splitTags(m_tags);
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_textColumn[i]) o.parse.textColumns.push_back(m_columns[i]);
    auto column = [&](int k) { return k > 0 && k <= static_cast<int>(m_columns.size()) ? m_columns[k - 1] : std::string(); };
    o.parse.idColumn = column(m_idColumn);
    o.parse.dateColumn = column(m_dateColumn);
    o.parse.segmentColumn = column(m_segmentColumn);
    return o;
}

void ImportDialog::startParsing() {
    stopWorker();
    m_parsed.clear();
    m_error.clear();
    const std::vector<std::string> paths = splitLines(m_paths);
    if (paths.empty()) {
        m_error = _("name at least one file");
        return;
    }
    auto job = std::make_shared<Job>();
    m_job = job;
    import::ParseOptions parse;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_textColumn[i]) parse.textColumns.push_back(m_columns[i]);
    auto column = [&](int k) { return k > 0 && k <= static_cast<int>(m_columns.size()) ? m_columns[k - 1] : std::string(); };
    parse.idColumn = column(m_idColumn);
    parse.dateColumn = column(m_dateColumn);
    parse.segmentColumn = column(m_segmentColumn);
    m_worker = std::thread([job, paths, parse]() mutable {
        std::vector<import::ParsedFile> files;
        std::string error;
        try {
            for (std::size_t i = 0; i < paths.size(); ++i) {
                double last = -1;
                parse.progress = [&, i](double p) {
                    const double total = (static_cast<double>(i) + std::clamp(p, 0.0, 1.0)) / paths.size();
                    job->progress = total;
                    if (total - last >= 0.01) {  // wake the window to draw the progress bar
                        last = total;
                        glfwPostEmptyEvent();
                    }
                    return !job->cancel.load();
                };
                if (job->cancel) throw import::ImportError(_("cancelled"));
                files.push_back(import::parseForImport(paths[i], parse));
            }
        } catch (const std::exception& e) {
            error = e.what();
        }
        {
            std::lock_guard<std::mutex> lock(job->mutex);
            job->files = std::move(files);
            job->error = std::move(error);
        }
        job->done = true;
        glfwPostEmptyEvent();
    });
}

void ImportDialog::drawPreview(BoardSession& s, Fonts& fonts, float scale) {
    std::size_t total = 0;
    for (const auto& f : m_parsed) total += f.result.candidates.size();
    for (const auto& f : m_parsed) {
        ImGui::Text(P_("%s: %s%s%s, %zu candidate", "%s: %s%s%s, %zu candidates", f.result.candidates.size()), f.path.c_str(), f.result.format.c_str(),
                    f.result.encoding.empty() ? "" : ", ", f.result.encoding.c_str(), f.result.candidates.size());
        if (!f.result.links.empty()) {
            ImGui::SameLine();
            ImGui::Text(P_("and %zu link", "and %zu links", f.result.links.size()), f.result.links.size());
        }
    }
    // CSV: the detected columns, to correct before importing.
    for (const auto& f : m_parsed) {
        if (f.result.columns.empty()) continue;
        if (m_columns != f.result.columns) {
            m_columns = f.result.columns;
            m_textColumn.assign(m_columns.size(), false);
            for (std::size_t i = 0; i < m_columns.size(); ++i)
                m_textColumn[i] = std::find(f.result.textColumns.begin(), f.result.textColumns.end(), m_columns[i]) !=
                                  f.result.textColumns.end();
        }
        for (const auto& c : m_columns) fonts.addText(c);
        ImGui::TextUnformatted(_("Free-text columns (a note per non-empty answer):"));
        bool changed = false;
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            bool on = m_textColumn[i];
            if (ImGui::Checkbox((m_columns[i] + "##col" + std::to_string(i)).c_str(), &on)) {
                m_textColumn[i] = on;
                changed = true;
            }
            if (i + 1 < m_columns.size() && (i % 4) != 3) ImGui::SameLine();
        }
        auto mapped = [&](const char* label, int& k) {
            std::string preview = k == 0 ? std::string(_("(none)")) : m_columns[static_cast<std::size_t>(k - 1)];
            ImGui::SetNextItemWidth(220 * scale);
            if (ImGui::BeginCombo(L_(label, label), preview.c_str())) {
                if (ImGui::Selectable(L_("(none)", "none"), k == 0)) {
                    k = 0;
                    changed = true;
                }
                for (std::size_t i = 0; i < m_columns.size(); ++i)
                    if (ImGui::Selectable((m_columns[i] + "##m" + std::to_string(i)).c_str(), k == static_cast<int>(i) + 1)) {
                        k = static_cast<int>(i) + 1;
                        changed = true;
                    }
                ImGui::EndCombo();
            }
        };
        mapped(N_("respondent id column"), m_idColumn);
        mapped(N_("date column"), m_dateColumn);
        mapped(N_("segment column"), m_segmentColumn);
        if (changed) startParsing();
        break;
    }
    ImGui::Separator();
    ImGui::Text(_("First candidates (%zu in all):"), total);
    ImGui::BeginChild("candidates", {0, 220 * scale}, true);
    int shown = 0;
    for (const auto& f : m_parsed)
        for (const auto& c : f.result.candidates) {
            if (shown++ >= 30) break;
            fonts.addText(c.text + c.location);
            ImGui::TextWrapped("%s", c.text.substr(0, 400).c_str());
            ImGui::TextDisabled("%s  %s", std::filesystem::path(f.path).filename().c_str(), c.location.c_str());
            ImGui::Separator();
        }
    ImGui::EndChild();
    (void)s;
}

bool ImportDialog::draw(BoardSession& s, Fonts& fonts, float scale) {
    if (m_openRequested) {
        ImGui::OpenPopup(L_("Import documents", "import"));
        m_openRequested = false;
        m_open = true;
    }
    if (m_job && m_job->done) {
        std::lock_guard<std::mutex> lock(m_job->mutex);
        if (m_worker.joinable()) m_worker.join();
        m_parsed = std::move(m_job->files);
        m_error = m_job->error;
        m_job.reset();
    }
    ImGui::SetNextWindowSizeConstraints({760 * scale, 0}, {760 * scale, FLT_MAX});
    if (!ImGui::BeginPopupModal(L_("Import documents", "import"), nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        if (m_open) {  // closed: stop any work
            stopWorker();
            m_job.reset();
            m_open = false;
        }
        return false;
    }
    bool imported = false;
    ImGui::TextUnformatted(_("Files (one per line): Markdown, text, PDF, DOCX, CSV, TSV, JSON Canvas"));
    ImGui::SameLine();
    if (ImGui::SmallButton(L_("Choose…", "choose"))) {
        const FileType all{_("Documents that can be imported"), {".md", ".markdown", ".txt", ".pdf", ".docx", ".csv", ".tsv", ".canvas"}};
        m_chooser.open({FileChooser::Purpose::Open, _("Choose a document to import"),
                        {all, {"Markdown", {".md", ".markdown"}}, {_("Text"), {".txt"}}, {"PDF", {".pdf"}}, {"DOCX", {".docx"}},
                         {"CSV / TSV", {".csv", ".tsv"}}, {"JSON Canvas", {".canvas"}}, {_("All files"), {}}},
                        "", ""});
    }
    const bool chooserUp = m_chooser.isOpen();
    if (auto chosen = m_chooser.draw(fonts, scale)) {
        if (!m_paths.empty() && m_paths.back() != '\n') m_paths += '\n';
        m_paths += *chosen + "\n";
        m_focusPaths = false;
        startParsing();
    }
    if (ImGui::IsWindowAppearing()) m_focusPaths = true;
    if (m_focusPaths && !chooserUp) {
        // Until the field has the keyboard (a frame after asking), keep what is typed for it.
        ImGuiIO& io = ImGui::GetIO();
        for (ImWchar c : io.InputQueueCharacters) {
            if (c < 0x20) continue;
            char buf[5];
            ImTextCharToUtf8(buf, c);
            m_paths += buf;
        }
        io.InputQueueCharacters.resize(0);
        if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_V, false))
            if (const char* clip = ImGui::GetClipboardText()) m_paths += clip;
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::InputTextMultiline("##paths", &m_paths, {-1, 70 * scale});
    if (ImGui::IsItemActive()) {
        if (m_focusPaths)
            if (ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetItemID())) {
                st->ClearSelection();
                st->Stb.cursor = st->CurLenW;
            }
        m_focusPaths = false;
    }
    // Ctrl+Enter: preview, then import (the keyboard way through the dialog).
    const bool ctrlEnter = !chooserUp && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_ENTER, false);
    fonts.addText(m_paths);

    const auto& kinds = s.doc->sourceKinds().all();
    const std::string preview = m_source < 0 ? std::string(_("default (survey for CSV, else other)"))
                                             : kinds[static_cast<std::size_t>(m_source)].english + "  " +
                                                   kinds[static_cast<std::size_t>(m_source)].chinese;
    ImGui::SetNextItemWidth(300 * scale);
    if (ImGui::BeginCombo(L_("source kind", "source-kind"), preview.c_str())) {
        if (ImGui::Selectable(L_("default (survey for CSV, else other)", "default"), m_source < 0)) m_source = -1;
        for (std::size_t i = 0; i < kinds.size(); ++i)
            if (ImGui::Selectable((kinds[i].english + "  " + kinds[i].chinese).c_str(), m_source == static_cast<int>(i)))
                m_source = static_cast<int>(i);
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(140 * scale);
    ImGui::InputTextWithHint(L_("date gathered", "date-gathered"), "YYYY-MM-DD", &m_date);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", _("(empty: a date column, else the file's date)"));
    ImGui::SetNextItemWidth(300 * scale);
    ImGui::InputTextWithHint(L_("tags", "tags"), _("comma, separated"), &m_tags);
    fonts.addText(m_tags);
    const char* pins[] = {_("into the tray"), _("pin to quadrant 1"), _("pin to quadrant 2"), _("pin to quadrant 3"), _("pin to quadrant 4")};
    ImGui::SetNextItemWidth(200 * scale);
    ImGui::Combo(L_("where", "where"), &m_pin, pins, 5);

    ImGui::Separator();
    if (m_job) {
        ImGui::ProgressBar(static_cast<float>(m_job->progress.load()), {-1, 0}, _("reading…"));
        if (ImGui::Button(L_("Cancel", "cancel"))) m_job->cancel = true;
    } else {
        if (ImGui::Button(L_("Preview  (Ctrl+Enter)", "preview")) || (ctrlEnter && m_parsed.empty())) startParsing();
        if (!m_error.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", m_error.c_str());
        if (!m_parsed.empty()) drawPreview(s, fonts, scale);
    }
    ImGui::Separator();
    const bool canImport = !m_job && !m_parsed.empty() && m_error.empty();
    // Always pushed and popped: the Import button changes what canImport would say.
    ImGui::BeginDisabled(!canImport);
    if (ImGui::Button(L_("Import  (Ctrl+Enter)", "import")) || (ctrlEnter && canImport)) {
        try {
            std::vector<import::FileReport> reports;
            ChangeSet cs = import::buildImport(*s.doc, m_parsed, options(s), s.editor->author(), reports);
            for (const auto& n : cs.notes.added) fonts.addText(n.text);
            s.editor->applyLocal(std::move(cs), ChangeSource::Import);
            std::size_t added = 0, duplicates = 0;
            std::string remarks;
            for (const auto& r : reports) {
                added += r.added;
                duplicates += r.duplicates;
                for (const auto& m : r.remarks)
                    remarks += "; " + std::filesystem::path(r.file).filename().string() + ": " + m;
            }
            m_message = i18n::fill(_("imported {1} candidates"), {std::to_string(added)}) +
                        (duplicates ? i18n::fill(_(", {1} duplicates skipped"), {std::to_string(duplicates)}) : "") +
                        (m_pin ? i18n::fill(_(" onto quadrant {1}"), {std::to_string(m_pin)}) : std::string(_(" into the tray"))) + remarks;
            imported = true;
            m_parsed.clear();
            ImGui::CloseCurrentPopup();
        } catch (const std::exception& e) {
            m_error = e.what();
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(L_("Close", "close")) || (!m_job && !chooserUp && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false))) {
        stopWorker();
        m_job.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return imported;
}

}  // namespace cc::gui
