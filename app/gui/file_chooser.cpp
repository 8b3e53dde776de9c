#include "app/gui/file_chooser.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "app/gui/fonts.h"
#include "app/i18n.h"

namespace cc::gui {

namespace {

std::vector<Place>& sharedPlaces() {
    static std::vector<Place> places;
    return places;
}

bool& portalAllowed() {
    static bool allowed = false;
    return allowed;
}

std::string when(std::int64_t seconds) {
    if (seconds <= 0) return {};
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

std::string sizeText(std::uintmax_t bytes) {
    char buf[32];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%ju B", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.0f KB", static_cast<double>(bytes) / 1024);
    else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024));
    return buf;
}

}  // namespace

void FileChooser::setPlaces(std::vector<Place> places) { sharedPlaces() = std::move(places); }
const std::vector<Place>& FileChooser::places() { return sharedPlaces(); }
void FileChooser::allowPortal(bool allowed) { portalAllowed() = allowed; }

void FileChooser::open(Request request) {
    m_request = std::move(request);
    if (m_request.folder.empty()) m_request.folder = places().empty() ? homeFolder() : places().front().path;
    if (portalAllowed() && PortalChooser::mayBeAvailable()) {
        m_portal.ask({m_request.purpose == Purpose::Save, m_request.title, m_request.types, m_request.folder, m_request.fileName});
        m_state = State::Portal;
    } else {
        openBuiltIn();
    }
}

void FileChooser::openBuiltIn() {
    m_model = FileChooserModel(m_request.purpose, m_request.types);
    if (!m_model.setFolder(m_request.folder)) m_model.setFolder(homeFolder());
    m_model.fileName() = m_request.fileName;
    m_state = State::BuiltInRequested;
    m_focusName = m_request.purpose == Purpose::Save;
}

std::optional<std::string> FileChooser::draw(Fonts& fonts, float scale) {
    if (m_state == State::Portal) {
        std::vector<std::string> paths;
        switch (m_portal.poll(paths)) {
            case PortalChooser::State::Chosen:
                m_state = State::Closed;
                return paths.front();
            case PortalChooser::State::Cancelled:
            case PortalChooser::State::Idle:
                m_state = State::Closed;
                return std::nullopt;
            case PortalChooser::State::Unavailable:
                openBuiltIn();  // no desktop chooser here: the built-in one
                break;
            case PortalChooser::State::Asking:
                return std::nullopt;  // the desktop's dialog is up
        }
    }
    if (m_state == State::Closed) return std::nullopt;
    return drawBuiltIn(fonts, scale);
}

std::optional<std::string> FileChooser::handleKeys(bool nameFieldActive) {
    const int before = m_model.selected();
    if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) m_model.moveSelection(1);
    if (ImGui::IsKeyPressed(GLFW_KEY_UP)) m_model.moveSelection(-1);
    if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN)) m_model.moveSelection(10);
    if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP)) m_model.moveSelection(-10);
    if (!nameFieldActive) {
        if (ImGui::IsKeyPressed(GLFW_KEY_HOME)) m_model.select(0);
        if (ImGui::IsKeyPressed(GLFW_KEY_END)) m_model.select(static_cast<int>(m_model.visible().size()) - 1);
        if (ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE)) m_model.backspace();
        // Typing narrows the list (the name field takes it in a Save chooser).
        ImGuiIO& io = ImGui::GetIO();
        std::string typed;
        for (ImWchar c : io.InputQueueCharacters) {
            if (c < 0x20 || c == 0x7F) continue;
            char buf[5] = {};
            const unsigned u = c;
            if (u < 0x80) buf[0] = static_cast<char>(u);
            else if (u < 0x800) { buf[0] = static_cast<char>(0xC0 | (u >> 6)); buf[1] = static_cast<char>(0x80 | (u & 0x3F)); }
            else { buf[0] = static_cast<char>(0xE0 | (u >> 12)); buf[1] = static_cast<char>(0x80 | ((u >> 6) & 0x3F)); buf[2] = static_cast<char>(0x80 | (u & 0x3F)); }
            typed += buf;
        }
        io.InputQueueCharacters.resize(0);
        if (!typed.empty()) m_model.type(typed);
    }
    if (m_model.selected() != before) m_scrollToSelection = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false)) {
        const std::string folder = m_model.folder();
        auto chosen = m_model.activate();
        if (m_model.folder() != folder) m_scrollToSelection = true;
        return chosen;
    }
    return std::nullopt;
}

std::optional<std::string> FileChooser::drawBuiltIn(Fonts& fonts, float scale) {
    const char* id = "###file-chooser";
    const std::string title = m_request.title + id;
    if (m_state == State::BuiltInRequested) {
        ImGui::OpenPopup(title.c_str());
        m_state = State::BuiltIn;
    }
    // Inside the window at every size, centred.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 size{std::min(900 * scale, vp->WorkSize.x - 24 * scale), std::min(600 * scale, vp->WorkSize.y - 24 * scale)};
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2}, ImGuiCond_Always, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        m_state = State::Closed;  // closed from outside
        return std::nullopt;
    }
    std::optional<std::string> chosen;
    bool close = false;
    const bool save = m_request.purpose == Purpose::Save;

    // The folder shown, and the way up.
    if (ImGui::Button(L_("Up", "up"))) m_model.goUp();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("The folder above (Backspace)"));
    ImGui::SameLine();
    fonts.addText(m_model.folder());
    ImGui::TextUnformatted(m_model.folder().c_str());
    if (!m_model.error().empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", m_model.error().c_str());

    const float footer = ImGui::GetFrameHeightWithSpacing() * (save ? 3.2f : 2.2f);
    const float placesW = std::min(210 * scale, ImGui::GetContentRegionAvail().x * 0.3f);
    ImGui::BeginChild("places", {placesW, -footer}, true);
    ImGui::TextDisabled("%s", _("Places"));
    for (const auto& p : places()) {
        fonts.addText(p.label + p.path);
        if (ImGui::Selectable((p.label + "##" + p.path).c_str(), p.path == m_model.folder())) m_model.setFolder(p.path);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.path.c_str());
    }
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("entries", {0, -footer}, true);
    if (ImGui::BeginTable("files", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(_("Name"), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(_("Modified"), ImGuiTableColumnFlags_WidthFixed, 130 * scale);
        ImGui::TableSetupColumn(_("Size"), ImGuiTableColumnFlags_WidthFixed, 70 * scale);
        ImGui::TableHeadersRow();
        const auto& entries = m_model.visible();
        for (int i = 0; i < static_cast<int>(entries.size()); ++i) {
            const ChooserEntry& e = entries[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string label = (e.folder ? e.name + "/" : e.name) + "##" + std::to_string(i);
            fonts.addText(e.name);
            if (ImGui::Selectable(label.c_str(), i == m_model.selected(),
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                m_model.select(i);
                if (ImGui::IsMouseDoubleClicked(0)) {
                    chosen = m_model.activate();
                    break;  // the listing may have changed
                }
            }
            if (i == m_model.selected() && m_scrollToSelection) {
                ImGui::SetScrollHereY();
                m_scrollToSelection = false;
            }
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", when(e.modified).c_str());
            ImGui::TableNextColumn();
            if (!e.folder) ImGui::TextDisabled("%s", sizeText(e.size).c_str());
        }
        if (entries.empty()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", m_model.filter().empty() ? _("Nothing of this type here") : _("Nothing matches what was typed"));
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();

    // What was typed to narrow the list, or the name to save as.
    bool nameActive = false;
    if (save) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(_("File name"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        if (m_focusName) {
            ImGui::SetKeyboardFocusHere();
            m_focusName = false;
        }
        ImGui::InputText("##name", &m_model.fileName());
        nameActive = ImGui::IsItemActive();
        fonts.addText(m_model.fileName());
    }
    if (!m_model.filter().empty()) {
        fonts.addText(m_model.filter());
        ImGui::TextDisabled("%s", i18n::fill(_("Showing names with “{1}” (Backspace to undo)"), {m_model.filter()}).c_str());
    } else {
        ImGui::TextDisabled("%s", save ? _("Arrows choose, Enter opens a folder or saves, Escape cancels")
                                       : _("Type to narrow the list; arrows choose, Enter opens, Backspace goes up"));
    }
    if (!chosen && !close) chosen = handleKeys(nameActive);

    // The type filter, and the buttons.
    std::vector<std::string> typeLabels;
    for (const auto& t : m_model.types()) typeLabels.push_back(t.label);
    const float buttonsW = 240 * scale;
    ImGui::SetNextItemWidth(std::max(120 * scale, ImGui::GetContentRegionAvail().x - buttonsW));
    if (ImGui::BeginCombo("##type", typeLabels[static_cast<std::size_t>(m_model.typeIndex())].c_str())) {
        for (int i = 0; i < static_cast<int>(typeLabels.size()); ++i)
            if (ImGui::Selectable(typeLabels[static_cast<std::size_t>(i)].c_str(), i == m_model.typeIndex())) m_model.setTypeIndex(i);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const bool canChoose = save ? m_model.savePath().has_value()
                                : m_model.selected() >= 0 && !m_model.visible()[static_cast<std::size_t>(m_model.selected())].folder;
    ImGui::BeginDisabled(!canChoose && !(m_model.selected() >= 0));
    if (ImGui::Button(save ? L_("Save", "chooser-ok") : L_("Open", "chooser-ok"), {110 * scale, 0})) chosen = m_model.activate();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(L_("Cancel", "chooser-cancel"), {110 * scale, 0}) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) close = true;

    if (chosen || close) {
        m_state = State::Closed;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return chosen;
}

}  // namespace cc::gui
