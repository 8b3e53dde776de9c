#include "app/gui/board_dialog.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "app/board_paths.h"
#include "app/gui/fonts.h"
#include "app/gui/start_screen.h"
#include "app/gui/theme.h"
#include "canvas/templates.h"
#include "storage/board_file.h"
#include "storage/board_store.h"
#include "app/i18n.h"

namespace fs = std::filesystem;

namespace cc::gui {

namespace {

std::vector<FileType> boardTypes() { return {{_("Boards (.ccboard)"), {kBoardExtension}}, {_("All files"), {}}}; }

/// The folder a new board goes into when nobody chose: the first place the window offers.
std::string defaultFolder() { return FileChooser::places().empty() ? homeFolder() : FileChooser::places().front().path; }

}  // namespace

void BoardDialog::openNew(int templateIndex) {
    m_mode = Mode::New;
    m_error.clear();
    m_openRequested = true;
    m_focusTitle = true;
    m_template = std::clamp(templateIndex, 0, static_cast<int>(templateKeys().size()) - 1);
    m_pathChosen = false;
    m_address.clear();
}

void BoardDialog::openFile() {
    m_chooserForNew = false;
    m_chooser.open({FileChooser::Purpose::Open, _("Open a board"), boardTypes(), "", ""});
}

void BoardDialog::openServer() {
    m_mode = Mode::Server;
    m_error.clear();
    m_openRequested = true;
}

void BoardDialog::askFor(const std::string& address) {
    m_address = address;
    m_mode = Mode::Server;
    m_openRequested = true;
}

std::optional<std::string> BoardDialog::password() {
    if (!m_password.empty()) return m_password;
    m_needsPassword = true;
    return std::nullopt;
}

void BoardDialog::boardOpened() {
    forgetPassword();
    m_needsPassword = false;
}

void BoardDialog::forgetPassword() {
    std::fill(m_password.begin(), m_password.end(), '\0');
    m_password.clear();
}

void BoardDialog::draw(Fonts& fonts, const Palette& palette, float scale, const OpenFn& openBoard, const CreateFn& createBoard) {
    // The chooser for a board to open stands alone; the one for a new board is inside its dialog.
    if (!m_chooserForNew)
        if (auto path = m_chooser.draw(fonts, scale)) openBoard(*path);
    const char* id = "###board-dialog";
    const std::string title = (m_mode == Mode::New ? std::string(_("New board")) : std::string(_("Board on a team server"))) + id;
    if (m_openRequested) {
        ImGui::OpenPopup(title.c_str());
        m_openRequested = false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize({std::min(720 * scale, vp->WorkSize.x - 24 * scale), 0});
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2}, ImGuiCond_Appearing, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    if (m_mode == Mode::New) drawNew(fonts, palette, scale, createBoard);
    else drawServer(fonts, scale, openBoard);
    ImGui::EndPopup();
}

void BoardDialog::drawError(float) {
    if (m_error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.1f, 0.1f, 1});
    ImGui::TextWrapped("%s", m_error.c_str());
    ImGui::PopStyleColor();
}

void BoardDialog::drawNew(Fonts& fonts, const Palette& palette, float scale, const CreateFn& createBoard) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(_("Title"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (m_focusTitle) {
        ImGui::SetKeyboardFocusHere();
        m_focusTitle = false;
    }
    ImGui::InputTextWithHint("##title", _("board title"), &m_title);
    fonts.addText(m_title);

    ImGui::Spacing();
    ImGui::TextUnformatted(_("Template"));
    const auto& keys = templateKeys();
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 2;
    const float w = std::min(200 * scale, (ImGui::GetContentRegionAvail().x - spacing * 2) / 3);
    for (int i = 0; i < static_cast<int>(keys.size()); ++i) {
        if (i) ImGui::SameLine(0, spacing);
        if (drawTemplatePreview(keys[static_cast<std::size_t>(i)], {w, w * 0.6f}, i == m_template, palette, fonts)) m_template = i;
    }

    // Where it goes: suggested from the title until the person chooses.
    if (!m_pathChosen) m_path = freeBoardPath(defaultFolder(), m_title, _("New board"));
    ImGui::Spacing();
    ImGui::TextUnformatted(_("Saved as"));
    fonts.addText(m_path);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", m_path.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button(L_("Choose where…", "choose"))) {
        m_chooserForNew = true;
        const fs::path p(m_path);
        m_chooser.open({FileChooser::Purpose::Save, _("Save the new board as"), boardTypes(), p.parent_path().string(), p.filename().string()});
    }
    // The key that closes the chooser must not also press Create or Cancel.
    const bool chooserUp = m_chooser.isOpen();
    if (m_chooserForNew)
        if (auto chosen = m_chooser.draw(fonts, scale)) {
            m_path = *chosen;
            m_pathChosen = true;
        }
    if (m_chooserForNew && !m_chooser.isOpen()) m_chooserForNew = false;

    // Advanced: the board on a team server instead of in a file.
    if (ImGui::CollapsingHeader(L_("On a team server instead (advanced)", "server"))) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##address", "postgresql://host/db?board=NAME", &m_address);
        fonts.addText(m_address);
        ImGui::TextDisabled("%s", _("A board on a team server: name it with ?board=NAME at the end of the address."));
    }
    drawError(scale);
    ImGui::Separator();
    if (ImGui::Button(L_("Create", "ok")) || (!chooserUp && ImGui::IsKeyPressed(GLFW_KEY_ENTER, false))) {
        const bool onServer = !m_address.empty();
        std::string path = onServer ? m_address : m_path;
        if (!onServer && fs::path(path).extension() != kBoardExtension) path += kBoardExtension;
        const std::string title = m_title.empty() ? (onServer ? std::string(_("New board")) : fs::path(path).stem().string()) : m_title;
        if (createBoard(path, title, keys[static_cast<std::size_t>(m_template)])) {
            m_title.clear();
            m_pathChosen = false;
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(L_("Cancel", "cancel")) || (!chooserUp && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false))) ImGui::CloseCurrentPopup();
}

void BoardDialog::drawServer(Fonts& fonts, float scale, const OpenFn& openBoard) {
    ImGui::TextUnformatted(_("The board's address on the team server:"));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##address", "postgresql://host/db?board=NAME", &m_address);
    fonts.addText(m_address);
    ImGui::TextDisabled("%s", _("A board on a team server: name it with ?board=NAME at the end of the address."));
    if (m_needsPassword && isServerAddress(m_address)) {
        ImGui::TextUnformatted(_("The server asks for your password:"));
        if (!m_passwordFocused) {
            ImGui::SetKeyboardFocusHere();
            m_passwordFocused = true;
        }
        ImGui::SetNextItemWidth(300 * scale);
        ImGui::InputText("##password", &m_password, ImGuiInputTextFlags_Password);
    } else {
        m_passwordFocused = false;
    }
    drawError(scale);
    ImGui::Separator();
    if (ImGui::Button(L_("Open", "ok")) || ImGui::IsKeyPressed(GLFW_KEY_ENTER, false)) {
        if (openBoard(m_address)) ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(L_("Cancel", "cancel")) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        forgetPassword();
        m_needsPassword = false;
        ImGui::CloseCurrentPopup();
    }
}

}  // namespace cc::gui
