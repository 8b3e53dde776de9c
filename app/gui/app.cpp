#include "app/gui/app.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <filesystem>

#include "app/board_paths.h"
#include "app/gui/file_chooser.h"
#include "app/gui/help_window.h"
#include "app/gui/input_queue.h"
#include "app/gui/start_screen.h"
#include "storage/clipboard.h"
#include "storage/pg/pg_board.h"
#include "canvas/commands.h"
#include "app/i18n.h"

namespace cc::gui {

namespace {

/// Moves every dialog and popup drawn this frame back inside the window, and makes any larger
/// than the window fit it: a small window (800x600) shows each one whole. Dear ImGui keeps only
/// a corner of a window in sight; the one home of this rule is here, for every dialog at once.
void keepDialogsInside() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 lo = vp->Pos;
    const ImVec2 room{std::max(vp->Size.x, 1.0f), std::max(vp->Size.y, 1.0f)};
    for (ImGuiWindow* w : GImGui->Windows) {
        if (!w->Active || w->Hidden || (w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip))) continue;
        // The window's own parts (the main window, the wall, the note editor, notices) have no
        // title and are placed by the layout; dialogs have a title, popups are popups.
        if ((w->Flags & ImGuiWindowFlags_NoTitleBar) && !(w->Flags & ImGuiWindowFlags_Popup)) continue;
        const ImVec2 size{std::min(w->Size.x, room.x), std::min(w->Size.y, room.y)};
        if (size.x != w->Size.x || size.y != w->Size.y) ImGui::SetWindowSize(w, size);
        const ImVec2 pos{std::clamp(w->Pos.x, lo.x, lo.x + room.x - size.x), std::clamp(w->Pos.y, lo.y, lo.y + room.y - size.y)};
        if (pos.x != w->Pos.x || pos.y != w->Pos.y) ImGui::SetWindowPos(w, pos);
    }
}

}  // namespace

App::App(GLFWwindow* window, const WindowOptions& options, float scale)
    : m_window(window), m_options(options), m_scale(scale), m_settings(Settings::load()),
      m_recent(RecentBoards::fromSettings(m_settings)), m_layout(PanelLayout::fromSettings(m_settings)) {
    m_theme = m_settings.get("theme").value_or("light") == "dark" ? ThemeKind::Dark : ThemeKind::Light;
    m_chineseBadges = m_settings.get("badges").value_or("en") == "zh";
    applyStyle(m_theme, m_scale);
    m_fonts = std::make_unique<Fonts>();
    m_fonts->addText(i18n::catalogueText());  // every language's words are drawable, to switch at once
    if (options.mode != WindowOptions::Mode::Interactive) m_panels.inspector = false;
    // A team server that wants a password it finds nowhere (password file, environment) asks
    // here: the board dialog shows a password field. The password stays in memory only.
    if (options.mode == WindowOptions::Mode::Interactive)
        m_askPassword = [this](const std::string&) { return m_boardDialog.password(); };
    // The desktop's own chooser only in a person's window (a test of the App has none).
    FileChooser::allowPortal(window != nullptr && options.mode == WindowOptions::Mode::Interactive);
    updatePlaces();
    registerActions();
}

App::~App() {
    m_boardDialog.forgetPassword();
}

bool App::openBoard(const std::string& path) {
    return adopt([&] { return BoardSession::open(path, m_options.author, m_askPassword); }, path);
}

bool App::createBoard(const std::string& path, const std::string& title, const std::string& templ) {
    return adopt([&] { return BoardSession::create(path, title, templ, m_options.author, m_askPassword); }, path);
}

bool App::openSampleBoard() {
    try {
        const std::string copy = copySampleBoard(_("Sample board"));
        return openBoard(copy);
    } catch (const std::exception& e) {
        m_boardDialog.setError(e.what());
        if (m_session) m_status.fail(e.what());
        return false;
    }
}

bool App::adopt(const std::function<std::unique_ptr<BoardSession>()>& openSession, const std::string& path) {
    try {
        auto s = openSession();
        m_boardDialog.boardOpened();  // the connection keeps what it needs to reconnect
        // A server board is remembered by its address without any password.
        const std::string remembered = isServerAddress(path) ? s->file->address() : std::filesystem::absolute(path).string();
        // Only a person's own opening counts: a screenshot or a timing run is no visit. Kept
        // before the window shows the board, so that what the window shows is already remembered.
        if (m_options.mode == WindowOptions::Mode::Interactive) rememberBoard(remembered, s->doc->board().title);
        setSession(std::move(s));
        updatePlaces();
        return true;
    } catch (const std::exception& e) {
        m_boardDialog.setError(e.what());
        return false;
    }
}

void App::frame(bool swap) {
    feedQueuedInput(m_window);
    prepareFonts();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // Dear ImGui 1.86 reads the pointer once a frame: a press and a move that arrive before
    // the same frame would count as a press where the pointer ended up, on another widget
    // perhaps. The frame that sees a press sees the pointer where it was pressed.
    if (pressPending()) ImGui::GetIO().MousePos = pressPosition();
    ImGui::NewFrame();
    // Taken every frame, board or not: a press left pending would pin the pointer to where it
    // happened in every later frame (the start screen's dialogs would ignore the mouse).
    const WallInput in = takeWallInput();
    if (m_wall) {
        m_wall->setDoubleClick(in.doubleClick);
        if (in.pressed) m_wall->setPressPosition(in.press);
        if (in.released) m_wall->setReleasePosition(in.release);
    }
    drawUi();
    ImGui::Render();
    int w, h;
    glfwGetFramebufferSize(m_window, &w, &h);
    glViewport(0, 0, w, h);
    const ImU32 bg = palette(m_theme).background;
    glClearColor(((bg >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f, ((bg >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f,
                 ((bg >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (swap) glfwSwapBuffers(m_window);
}

void App::drawUi() {
    ImGui::PushFont(m_fonts->ui());
    drawMain();
    keepDialogsInside();
    ImGui::PopFont();
}

void App::shutdown() {
    if (m_wall) m_wall->commitEditing();
    if (m_session) m_inspector.flush(*m_session);
    if (m_session) m_session->file->leave(m_session->me.session);
}

bool App::pullRemote() {
    if (!m_session) return false;
    try {
        const bool others = m_session->heartbeat(m_wall && m_wall->editing() ? m_wall->editingId() : std::string());
        if (others)
            for (const auto& p : m_session->others) m_fonts->addText(p.name);
        const bool pulled = m_session->pullRemote(m_wall && m_wall->editing() ? m_wall->editingId() : std::string());
        // A server that went away (or came back) changes the status bar: draw it now, not at
        // the next input.
        std::string connection = m_session->file->connectionStatus();
        const bool connectionChanged = connection != m_connectionShown;
        m_connectionShown = std::move(connection);
        return pulled || others || connectionChanged;
    } catch (const std::exception& e) {
        m_status.fail(e.what());
        return true;
    }
}

bool App::busy() const {
    // A modal dialog's dimming of the window fades in over some frames: drawn to its end, not
    // left half-way until the next input.
    const ImGuiContext* g = ImGui::GetCurrentContext();
    const bool dimming = g && g->DimBgRatio < 1.0f && ImGui::GetTopMostPopupModal() != nullptr;
    return dimming || m_import.busy() || m_summary.busy() || PortalChooser::anyAnswerWaiting() ||
           (m_wall && (m_wall->editing() || m_wall->tool().state() != WallTool::State::Idle));
}

void App::dropped(std::vector<std::string> files) {
    if (m_session) m_import.open(std::move(files));
}

void App::setSession(std::unique_ptr<BoardSession> s) {
    if (m_wall) m_wall->commitEditing();
    if (m_session) m_inspector.flush(*m_session);
    m_inspector = Inspector{};
    m_wall.reset();
    m_session = std::move(s);
    m_session->me.session = newId("s");
    m_session->me.name = m_options.author;
    m_session->me.colour = colourOfUser();
    m_wall = std::make_unique<WallView>(*m_session, *m_fonts);
    m_wall->setTraySource([this] { return m_tray.dragged(*m_session); });
    m_inspector.onHistory = [this](const std::string& id) { showHistory(id); };
    m_panels.tray = m_session->facts.update(*m_session->doc).counts().inTray > 0;
    const BoardInfo& b = m_session->doc->board();
    m_fonts->addText(b.title);
    for (const auto& q : b.quadrants) m_fonts->addText(q.title + q.description);
    addRecordText(0);
    for (const auto& k : m_session->doc->sourceKinds().all()) m_fonts->addText(k.chinese);
    m_fontRevision = m_session->doc->revision();
    if (m_window)
        glfwSetWindowTitle(m_window, (b.title + "  —  " + m_session->file->shortName() + "  —  Customer Canvas").c_str());
    m_status.clear();
}

std::uint32_t App::colourOfUser() const {
    if (auto c = m_settings.get("colour"); c && c->size() == 7 && (*c)[0] == '#') {
        try {
            return static_cast<std::uint32_t>(std::stoul(c->substr(1), nullptr, 16)) & 0xFFFFFF;
        } catch (const std::exception&) {
        }
    }
    return colourForName(m_options.author);
}

void App::rememberBoard(const std::string& address, const std::string& title) {
    m_recent.add(address, title, nowMillis());
    m_recent.toSettings(m_settings);
    trySaveSettings();
}

void App::updatePlaces() {
    std::vector<Place> places;
    const auto add = [&](std::string label, const std::string& path) {
        std::error_code ec;
        if (path.empty() || !std::filesystem::is_directory(path, ec)) return;
        for (const auto& p : places)
            if (p.path == path) return;
        places.push_back({std::move(label), path});
    };
    if (m_session && !isServerAddress(m_session->file->address()))
        add(_("This board's folder"), std::filesystem::absolute(m_session->file->address()).parent_path().string());
    for (const auto& b : m_recent.items())
        if (!isServerAddress(b.address)) {
            const std::filesystem::path folder = std::filesystem::path(b.address).parent_path();
            add(folder.filename().string(), folder.string());
        }
    add(_("Home"), homeFolder());
    FileChooser::setPlaces(std::move(places));
}

void App::trySaveSettings() {
    try {
        m_settings.save();
    } catch (const std::exception&) {
        // Settings are a convenience; a read-only home must not stop the work.
    }
}

void App::addRecordText(Millis since) {
    const Document& doc = *m_session->doc;
    for (const auto& [id, n] : doc.notes())
        if (n.updated >= since) m_fonts->addText(n.text + n.author + n.segment);
    for (const auto& [id, l] : doc.links()) m_fonts->addText(l.label);
    for (const auto& [id, i] : doc.insights())
        if (i.updated >= since) m_fonts->addText(i.title + i.statement + i.author);
}

void App::prepareFonts() {
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters) m_fonts->addCodepoint(c);
    if (m_session && m_fontRevision != m_session->doc->revision()) {
        // Text can arrive without typing (paste, undo of a delete): look at what changed.
        addRecordText(m_fontCheckTime);
        m_fontRevision = m_session->doc->revision();
    }
    m_fontCheckTime = nowMillis() - 60'000;
    if (m_fonts->dirty()) {
        m_fonts->build(m_scale);
        if (m_window) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        } else {
            unsigned char* pixels;
            int w, h;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        }
    }
}

void App::copySelection(bool cut) {
    if (!m_session || m_session->selection.empty()) return;
    ImGui::SetClipboardText(notesToClipboard(*m_session->doc, m_session->selection.ids()).c_str());
    if (cut) guarded([&] { cutSelected(*m_session->editor, m_session->selection); });
    m_session->pruneSelection();
}

void App::paste() {
    const char* clip = ImGui::GetClipboardText();
    if (!m_session || !clip || !*clip) return;
    const std::string text = clip;
    auto [x, y] = m_wall->pointerOnWall();
    guarded([&] {
        std::vector<std::string> ids;
        std::string repaired;
        if (auto notes = notesFromClipboard(text, m_session->doc->sourceKinds())) {
            for (const auto& n : notes->notes) m_fonts->addText(n.text);
            ids = pasteRecords(*m_session->editor, m_session->selection, std::move(notes->notes), std::move(notes->links), x, y);
            if (!notes->repairs.empty())
                repaired = notes->repairs.size() > 1
                               ? i18n::fill(_(" (repaired on reading: {1} and {2} more)"), {notes->repairs.front(), std::to_string(notes->repairs.size() - 1)})
                               : i18n::fill(_(" (repaired on reading: {1})"), {notes->repairs.front()});
        } else {
            m_fonts->addText(text);
            ids = pastePlainText(*m_session->editor, m_session->selection, text, x, y);
        }
        m_status.say(i18n::fill(P_("pasted {1} note", "pasted {1} notes", ids.size()), {std::to_string(ids.size())}) + repaired);
    });
}

void App::openActivity(bool forSelectedNote) {
    m_panels.activity = true;
    m_selectActivityTab = true;
    if (forSelectedNote && m_session && m_session->selection.size() == 1) m_activity.showNote(m_session->selection.ids()[0]);
}

void App::showHistory(const std::string& noteId) {
    m_activity.showNote(noteId);
    m_panels.activity = true;
    m_selectActivityTab = true;
}

void App::setTheme(ThemeKind theme) {
    m_theme = theme;
    applyStyle(m_theme, m_scale);
    m_settings.set("theme", theme == ThemeKind::Dark ? "dark" : "light");
    trySaveSettings();
}

void App::setLanguage(const std::string& value) {
    i18n::setLanguage(i18n::fromSetting(value).value_or(i18n::systemLanguage()));
    m_settings.set("language", value);
    trySaveSettings();
}

void App::drawMain() {
    if (m_session && m_presentation.draw(*m_wall, *m_session->doc, palette(m_theme), *m_fonts, m_scale, m_chineseBadges)) return;
    if (m_session && m_options.mode == WindowOptions::Mode::Screenshot && !m_options.wholeWindow) {
        drawWallAlone();
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::Begin("##main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar(2);
    if (ImGui::BeginMenuBar()) {
        m_actions.drawMenus();
        ImGui::EndMenuBar();
    }
    if (!m_session) {
        StartScreenActions start{
            .newBoard = [this](int templ) { m_boardDialog.openNew(templ); },
            .open = [this] { m_boardDialog.openFile(); },
            .openSample = [this] { openSampleBoard(); },
            .openServer = [this] { m_boardDialog.openServer(); },
            .openRecent = [this](const std::string& address) { openBoard(address); },
        };
        drawStartScreen(m_recent.items(), m_boardDialog.error(), start, palette(m_theme), *m_fonts, m_scale);
    } else {
        // Keys are shortcuts only when nothing else wants them: no text field, no note being
        // edited, no popup open.
        if (!ImGui::GetIO().WantTextInput && !m_wall->editing() && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
            m_actions.handleKeys();
        drawBoard();
    }
    m_boardDialog.draw(*m_fonts, palette(m_theme), m_scale,
                       [this](const std::string& path) {
                           const bool had = m_session != nullptr;
                           const bool ok = openBoard(path);
                           // With a board open the start screen is not there to say why.
                           if (!ok && had) m_status.fail(m_boardDialog.error());
                           return ok;
                       },
                       [this](const std::string& path, const std::string& title, const std::string& templ) {
                           return createBoard(path, title, templ);
                       });
    if (m_session && m_import.draw(*m_session, *m_fonts, m_scale)) {
        m_panels.tray = true;
        m_selectTrayTab = true;
    }
    if (m_session) m_summary.draw(*m_session, *m_fonts, m_scale);
    if (auto outcome = m_summary.takeOutcome(); outcome && !outcome->message.empty()) {
        if (outcome->failed) m_status.fail(std::move(outcome->message));
        else m_status.say(std::move(outcome->message));
    }
    if (std::string msg = m_import.takeMessage(); !msg.empty()) m_status.say(std::move(msg));
    drawHelpWindow(m_panels.help, m_actions, m_scale);
    ImGui::End();
}

void App::drawBoard() {
    const float statusH = ImGui::GetFrameHeightWithSpacing();
    const float height = std::max(ImGui::GetContentRegionAvail().y - statusH, 1.0f);
    const float total = ImGui::GetContentRegionAvail().x;
    const bool left = m_panels.filters || m_panels.tray || m_panels.activity;
    const bool leftShown = left && !m_layout.leftFolded, inspectorShown = m_panels.inspector && !m_layout.inspectorFolded;
    const int open = leftShown + inspectorShown;
    const float edge = PanelLayout::edgeWidth(m_scale);
    if (left) {
        const float leftW = leftShown ? PanelLayout::shownWidth(m_layout.leftWidth, total, open, m_scale) : 0;
        if (leftShown) {
            drawLeftPanel(leftW, height);
            ImGui::SameLine(0, 0);
        }
        if (panelEdge("left-edge", m_layout.leftWidth, m_layout.leftFolded, leftW, true, height, m_scale)) layoutChanged();
        ImGui::SameLine(0, 0);
    }
    // The wall takes what the panels leave; its view is fitted again to a new size while the
    // person has not moved the camera (WallView::draw).
    const float inspectorW = inspectorShown ? PanelLayout::shownWidth(m_layout.inspectorWidth, total, open, m_scale) : 0;
    const float wallW = std::max(1.0f, ImGui::GetContentRegionAvail().x - (m_panels.inspector ? edge + inspectorW : 0));
    ImGui::BeginChild("wallarea", {wallW, -statusH}, false, ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    guarded([&] { m_wall->draw(palette(m_theme), m_scale, m_chineseBadges, m_panels.minimap); });
    if (std::string msg = m_wall->takeMessage(); !msg.empty()) m_status.fail(std::move(msg));
    if (m_panels.legend) legendOverlay();
    emptyWallHint();
    drawNotices(*m_session, *m_wall, m_status, [this](const std::string& id) { showHistory(id); }, m_scale);
    ImGui::EndChild();
    if (m_panels.inspector) {
        ImGui::SameLine(0, 0);
        if (panelEdge("inspector-edge", m_layout.inspectorWidth, m_layout.inspectorFolded, inspectorW, false, height, m_scale)) {
            // Typing in a field that folds away is kept, as when the keyboard leaves it.
            if (m_layout.inspectorFolded) guarded([&] { m_inspector.flush(*m_session); });
            layoutChanged();
        }
        if (inspectorShown) {
            ImGui::SameLine(0, 0);
            drawInspector(inspectorW, height);
        }
    }
    m_status.draw(*m_session, *m_wall, m_filters, m_scale);
}

void App::drawLeftPanel(float width, float height) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {10 * m_scale, 10 * m_scale});
    ImGui::BeginChild("left", {width, height}, true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (ImGui::BeginTabBar("lefttabs")) {
        const int inTray = m_session->facts.counts().inTray;
        const std::string trayLabel = i18n::fill(_("Tray ({1})"), {std::to_string(inTray)}) + "###tray";
        if (m_panels.tray && ImGui::BeginTabItem(trayLabel.c_str(), &m_panels.tray,
                                                 std::exchange(m_selectTrayTab, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
            m_tray.draw(*m_session, *m_fonts, m_scale);
            ImGui::EndTabItem();
        }
        if (m_panels.filters && ImGui::BeginTabItem(L_("Filters", "filters"), &m_panels.filters,
                                                    std::exchange(m_selectFiltersTab, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
            m_filters.draw(*m_session, *m_fonts, m_scale);
            ImGui::EndTabItem();
        }
        if (m_panels.activity && ImGui::BeginTabItem(L_("Activity", "activity"), &m_panels.activity,
                                                     std::exchange(m_selectActivityTab, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
            m_activity.draw(*m_session, *m_wall, *m_fonts, m_scale);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void App::drawInspector(float width, float height) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {10 * m_scale, 10 * m_scale});
    ImGui::BeginChild("inspector", {width, height}, true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    m_inspector.draw(*m_session, *m_wall, *m_fonts, m_scale);
    ImGui::Spacing();
    if (ImGui::CollapsingHeader(L_("Legend", "legend"), m_session->selection.empty() ? ImGuiTreeNodeFlags_DefaultOpen : 0))
        drawLegend(*m_session, palette(m_theme), m_chineseBadges, m_scale);
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void App::layoutChanged() {
    m_layout.toSettings(m_settings);
    trySaveSettings();
}

void App::drawWallAlone() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##wall", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar(3);
    // No minimap either: it is a way about the wall for a person, not part of the picture.
    guarded([&] { m_wall->draw(palette(m_theme), m_scale, m_chineseBadges, false); });
    if (m_panels.legend) legendOverlay();
    emptyWallHint();
    ImGui::End();
}

void App::emptyWallHint() {
    if (!m_session->doc->notes().empty()) return;
    // Notes waiting in the tray count: the hint is about the wall, which is empty either way.
    const std::string hint = _("An empty wall. Double-click anywhere on it to add the first note, or use File > Import documents… to bring in research.");
    m_fonts->addText(hint);
    const ImVec2 min = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float wrap = std::min(size.x * 0.6f, 520 * m_scale);
    ImFont* font = ImGui::GetFont();
    const float fontSize = ImGui::GetFontSize() * 1.15f;
    const ImVec2 text = font->CalcTextSizeA(fontSize, FLT_MAX, wrap, hint.c_str());
    // Just above the middle, where no quadrant title is (each sits at its quadrant's top left).
    const float pad = 16 * m_scale;
    const ImVec2 at{min.x + (size.x - text.x) / 2, min.y + size.y / 2 - text.y - pad - 24 * m_scale};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& p = palette(m_theme);
    const ImU32 fill = m_theme == ThemeKind::Light ? IM_COL32(255, 255, 255, 235) : ((p.background & 0x00FFFFFF) | 0xEB000000);
    dl->AddRectFilled({at.x - pad, at.y - pad}, {at.x + text.x + pad, at.y + text.y + pad}, fill, 8 * m_scale);
    dl->AddRect({at.x - pad, at.y - pad}, {at.x + text.x + pad, at.y + text.y + pad}, p.quadrantBorder, 8 * m_scale);
    dl->AddText(font, fontSize, at, p.title, hint.c_str(), nullptr, wrap);
}

void App::legendOverlay() {
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    ImGui::SetNextWindowPos({min.x + 10 * m_scale, min.y + size.y - 10 * m_scale}, ImGuiCond_Always, {0, 1});
    ImGui::SetNextWindowBgAlpha(0.92f);
    if (ImGui::Begin(L_("Sources", "sources"), &m_panels.legend,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoFocusOnAppearing))
        drawLegend(*m_session, palette(m_theme), m_chineseBadges, m_scale);
    ImGui::End();
}

}  // namespace cc::gui
