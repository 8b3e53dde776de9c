#include "app/gui/board_dialog.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "app/gui/fonts.h"
#include "canvas/templates.h"
#include "storage/board_file.h"
#include "storage/board_store.h"
#include "app/i18n.h"

namespace cc::gui {

void BoardDialog::open(bool create) {
    m_create = create;
    m_error.clear();
    m_openRequested = true;
    if (m_path.empty()) m_path = create ? "new-board.ccboard" : "";
}

void BoardDialog::askFor(const std::string& address) {
    m_path = address;
    m_create = false;
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

void BoardDialog::draw(Fonts& fonts, float scale, const OpenFn& openBoard, const CreateFn& createBoard) {
    if (m_openRequested) {
        ImGui::OpenPopup(L_("Board file", "board-file"));
        m_openRequested = false;
    }
    ImGui::SetNextWindowSize({640 * scale, 0});
    if (!ImGui::BeginPopupModal(L_("Board file", "board-file"), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextUnformatted(m_create ? _("Create a new board: a file, or an address on a team server")
                                    : _("Open a board: a file, or an address on a team server"));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##path", "path/to/board.ccboard", &m_path);
    fonts.addText(m_path);
    if (m_create) {
        ImGui::SetNextItemWidth(300 * scale);
        ImGui::InputTextWithHint(L_("title", "title"), _("board title"), &m_title);
        fonts.addText(m_title);
        const auto& keys = templateKeys();
        if (ImGui::BeginCombo(L_("template", "template"), keys[m_template].c_str())) {
            for (int i = 0; i < static_cast<int>(keys.size()); ++i)
                if (ImGui::Selectable(keys[i].c_str(), i == m_template)) m_template = i;
            ImGui::EndCombo();
        }
    } else if (isServerAddress(m_path)) {
        ImGui::TextDisabled("%s", _("A board on a team server: name it with ?board=NAME at the end of the address."));
    } else {
        // Board files in the folder of the path typed so far.
        std::error_code ec;
        std::filesystem::path dir = std::filesystem::path(m_path).parent_path();
        if (dir.empty()) dir = ".";
        ImGui::BeginChild("files", {0, 160 * scale}, true);
        int shown = 0;
        for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
            if (shown > 500) break;
            if (e.path().extension() != kBoardExtension) continue;
            ++shown;
            const std::string p = e.path().string();
            fonts.addText(p);
            if (ImGui::Selectable(p.c_str(), p == m_path, ImGuiSelectableFlags_AllowDoubleClick)) {
                m_path = p;
                if (ImGui::IsMouseDoubleClicked(0) && openBoard(p)) ImGui::CloseCurrentPopup();
            }
        }
        if (!shown) ImGui::TextDisabled(_("No .ccboard files in %s"), dir.string().c_str());
        ImGui::EndChild();
    }
    if (m_needsPassword && isServerAddress(m_path)) {
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
    if (!m_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.1f, 0.1f, 1});
        ImGui::TextWrapped("%s", m_error.c_str());
        ImGui::PopStyleColor();
    }
    if (ImGui::Button(m_create ? L_("Create", "ok") : L_("Open", "ok")) || ImGui::IsKeyPressed(GLFW_KEY_ENTER, false)) {
        std::string path = m_path;
        if (m_create && std::filesystem::path(path).extension() != kBoardExtension) path += kBoardExtension;
        const bool ok = m_create ? createBoard(path, m_title.empty() ? std::filesystem::path(path).stem().string() : m_title,
                                               templateKeys()[m_template])
                                 : openBoard(path);
        if (ok) ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(L_("Cancel", "cancel")) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        forgetPassword();
        m_needsPassword = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace cc::gui
