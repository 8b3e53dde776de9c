#include "app/gui/wall_view.h"

#include <GLFW/glfw3.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "app/gui/field_text.h"
#include "app/gui/fonts.h"
#include "app/gui/text_layout.h"
#include "app/gui/tray_panel.h"
#include "canvas/commands.h"
#include "canvas/insight_frames.h"
#include "canvas/wall_commands.h"
#include "app/i18n.h"

namespace cc::gui {

WallView::WallView(BoardSession& session, Fonts& fonts)
    : m_s(session), m_fonts(fonts), m_tool(*session.editor, *session.index, session.selection) {}

Pointer WallView::pointerAt(const ImVec2& screen, const ImVec2& centre) const {
    Pointer p;
    m_camera.toWall(screen, centre, p.x, p.y);
    const ImGuiIO& io = ImGui::GetIO();
    p.shift = io.KeyShift;
    p.ctrl = io.KeyCtrl;
    return p;
}

std::pair<double, double> WallView::pointerOnWall() const {
    const ImVec2 centre{m_origin.x + m_viewSize.x / 2, m_origin.y + m_viewSize.y / 2};
    ImVec2 m = ImGui::GetIO().MousePos;
    if (!(m.x >= m_origin.x && m.y >= m_origin.y && m.x < m_origin.x + m_viewSize.x && m.y < m_origin.y + m_viewSize.y))
        m = centre;
    double x, y;
    m_camera.toWall(m, centre, x, y);
    return {x, y};
}

void WallView::zoomBy(double factor) {
    const ImVec2 centre{m_origin.x + m_viewSize.x / 2, m_origin.y + m_viewSize.y / 2};
    m_camera.zoomAround(factor, centre, centre);
}

void WallView::newNote() {
    const auto [x, y] = pointerOnWall();
    // The key that asked for the note (N) is not its first letter.
    ImGui::GetIO().InputQueueCharacters.resize(0);
    try {
        m_tool.newNoteAt(x, y);
    } catch (const std::exception& e) {
        m_s.editor->endGesture();
        m_message = e.what();
    }
}

void WallView::panBy(float dx, float dy) {
    m_camera.cx += dx / m_camera.zoom;
    m_camera.cy += dy / m_camera.zoom;
}

void WallView::centreOnNote(const std::string& id) {
    const Note* n = m_s.doc->note(id);
    if (!n || n->state != NoteState::Pinned) return;
    m_camera.cx = n->x + n->w / 2;
    m_camera.cy = n->y + n->h / 2;
    m_camera.zoom = std::max(m_camera.zoom, 0.6 * m_uiScale);
}

void WallView::focusNote(const std::string& id) {
    if (!m_s.doc->note(id)) return;
    centreOnNote(id);
    m_s.selection.set({id});
}

void WallView::editNote(const std::string& id) {
    const Note* n = m_s.doc->note(id);
    if (!n) return;
    if (!m_editing.empty()) finishEditing();
    m_editIsNew = m_s.editor->inGesture();  // the tool opened a gesture for a new note
    if (!m_editIsNew) m_s.editor->beginGesture();
    m_editing = id;
    m_editText = toField(n->text);  // the editor holds what it cannot keep as stand-ins
    m_editBase = n->text;
    m_editSnapshot = *n;
    m_s.editedMeanwhileBy.clear();
    m_editFrames = 0;
    m_editActive = false;
}

void WallView::finishEditing() {
    const std::string id = std::exchange(m_editing, std::string());
    try {
        const TextCommit done = commitNoteText(*m_s.editor, id, withoutTrailingBlanks(fromField(m_editText)), m_editBase, m_editIsNew);
        if (done.outcome == TextCommit::Outcome::SavedOverOthers) m_s.savedOverOthers(id, done.theirs);
    } catch (const std::exception& e) {
        m_message = e.what();
    }
    m_s.editor->endGesture();
    m_s.pruneSelection();
}

void WallView::escape() {
    if (m_tool.state() != WallTool::State::Idle) {
        m_tool.escape();
        return;
    }
    m_s.selection.clear();
}

void WallView::handleMouse(const ImVec2& centre) {
    ImGuiIO& io = ImGui::GetIO();
    // A click on the wall also counts while a text field elsewhere is active: it ends that editing.
    const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    const bool spaceHeld = !io.WantTextInput && ImGui::IsKeyDown(GLFW_KEY_SPACE);
    const Pointer p = pointerAt(io.MousePos, centre);
    m_tool.setPixelSize(1.0 / m_camera.zoom);

    // Panning: middle or right drag, or space + left drag.
    if (hovered && (ImGui::IsMouseClicked(ImGuiMouseButton_Middle) || ImGui::IsMouseClicked(ImGuiMouseButton_Right) ||
                    (spaceHeld && ImGui::IsMouseClicked(ImGuiMouseButton_Left))))
        m_panning = true;
    if (m_panning) {
        m_camera.cx -= io.MouseDelta.x / m_camera.zoom;
        m_camera.cy -= io.MouseDelta.y / m_camera.zoom;
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Middle) && !ImGui::IsMouseDown(ImGuiMouseButton_Right) &&
            !ImGui::IsMouseDown(ImGuiMouseButton_Left))
            m_panning = false;
        return;
    }
    if (hovered && io.MouseWheel != 0) m_camera.zoomAround(std::pow(1.15, io.MouseWheel), io.MousePos, centre);

    // Presses are placed where they happened; double-clicks are recognised by the window from
    // the event stream (Dear ImGui's own detection uses frame-time positions).
    const Pointer pressed = m_pressPos ? pointerAt(*m_pressPos, centre) : p;
    const Pointer released = m_releasePos ? pointerAt(*m_releasePos, centre) : p;
    const bool releasedNow = m_releasePos.has_value();
    m_pressPos.reset();
    m_releasePos.reset();
    if (hovered && m_doubleClick) {
        if (m_tool.state() != WallTool::State::Idle) m_tool.up(p);
        m_tool.doubleClick(pressed);
    } else if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        m_tool.down(pressed);
        if (releasedNow) m_tool.up(released);  // a click shorter than a frame
    } else if (m_tool.state() != WallTool::State::Idle) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && !releasedNow) m_tool.move(p);
        else m_tool.up(releasedNow ? released : p);
    } else if (hovered) {
        m_tool.move(p);
    }
    if (m_tool.state() == WallTool::State::Resizing || (hovered && m_tool.state() == WallTool::State::Idle && m_tool.gripAt(p)))
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNWSE);
    else if (hovered && m_tool.state() == WallTool::State::Idle && m_tool.hovered().empty() && m_tool.frameTitleAt(p))
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);  // a frame's title: grab it to move the insight
    if (auto id = m_tool.takeEditRequest()) editNote(*id);
    if (auto id = m_tool.takeTitleEditRequest()) editInsightTitle(*id);
    if (auto req = m_tool.takeLinkRequest()) {
        m_linkPending = req;
        m_linkLabel.clear();
        m_openLinkPopup = true;
    }
}

void WallView::drawToolOverlay(ImDrawList* dl, const Palette& p, const ImVec2& centre) {
    if (m_tool.state() == WallTool::State::RubberBand) {
        const Rect r = m_tool.rubberBand();
        const ImVec2 a = m_camera.toScreen(r.x, r.y, centre), b = m_camera.toScreen(r.right(), r.bottom(), centre);
        dl->AddRectFilled(a, b, p.rubberFill);
        dl->AddRect(a, b, p.rubberBorder, 0, 0, 1.5f);
    }
    if (m_tool.state() == WallTool::State::Linking) {
        if (const Note* from = m_s.doc->note(m_tool.linkFrom())) {
            auto [hx, hy] = WallTool::linkHandle(*from);
            auto [px, py] = m_tool.pointer();
            const ImVec2 a = m_camera.toScreen(hx, hy, centre), b = m_camera.toScreen(px, py, centre);
            dl->AddLine(a, b, p.handle, 2.5f);
            dl->AddCircleFilled(b, 5, p.handle);
        }
    }
}

void WallView::drawTextEditor(const ImVec2& centre) {
    const Note* n = m_s.doc->note(m_editing);
    if (!n) {
        // Deleted meanwhile by someone else: what was typed is not lost. The user is told who
        // deleted it and can bring it back, with their text and the links that can come back.
        Notice notice;
        std::string by = _("Someone");
        DeletedWith with;
        with.links = m_editLinks;
        for (const LoggedChange& c : m_s.file->lastPulled())
            for (const Note& removed : c.cs.notes.removed)
                if (removed.id == m_editing) {
                    if (!c.cs.author.empty()) by = c.cs.author;
                    with.insights = deletedWith(c.cs, m_editing).insights;
                }
        const std::string text = fromField(m_editText);
        const bool typed = text != m_editBase;
        notice.text = i18n::fill(typed ? _("{1} deleted “{2}” while you were editing it; what you typed is kept here.")
                                       : _("{1} deleted “{2}” while you were editing it."),
                                 {by, shortTitle(m_editSnapshot)});
        notice.noteId = m_editing;
        notice.bringBack = m_editSnapshot;
        if (typed && text.find_first_not_of(" \t\r\n") != std::string::npos) notice.bringBack->text = text;
        notice.bringBackWith = std::move(with);
        notice.actionLabel = typed ? L_("Bring it back with my text", "bring-back") : L_("Bring it back", "bring-back");
        m_s.notify(std::move(notice));
        m_editing.clear();
        m_s.editor->endGesture();
        return;
    }
    m_editSnapshot = *n;
    m_editLinks.clear();
    for (const auto& linkId : m_s.doc->linksOf(n->id))
        if (const Link* l = m_s.doc->link(linkId)) m_editLinks.push_back(*l);
    const float z = static_cast<float>(m_camera.zoom);
    const float fontPx = std::max(17.0f * z, 15.0f * m_uiScale);
    ImVec2 a = m_camera.toScreen(n->x, n->y, centre), b = m_camera.toScreen(n->x + n->w, n->y + n->h, centre);
    ImVec2 size{std::max(b.x - a.x, 280.0f * m_uiScale), std::max(b.y - a.y, 170.0f * m_uiScale)};
    ImFont* font = m_fonts.forSize(fontPx);
    ImGui::SetNextWindowPos(a);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {4, 4});
    ImGui::Begin("##note-editor", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar();
    // Escape ends editing and keeps the text (Dear ImGui 1.86 would otherwise revert it).
    const bool escape = m_editFrames > 1 && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false);
    const bool ctrlEnter = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_ENTER, false);
    if (escape || ctrlEnter) {
        ImGui::End();
        finishEditing();
        return;
    }
    ImGui::PushFont(font);
    ImGui::SetWindowFontScale(fontPx / font->FontSize);
    ImGuiIO& io = ImGui::GetIO();
    if (!m_editActive) {
        // Dear ImGui gives the text field the keyboard a frame after asking: whatever is typed or
        // pasted before that goes into the text here, not lost and not to the wall's shortcuts.
        for (ImWchar c : io.InputQueueCharacters) {
            if (c < 0x20 && c != '\n') continue;
            char buf[5];
            ImTextCharToUtf8(buf, c);
            m_editText += buf;
        }
        io.InputQueueCharacters.resize(0);
        if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_V, false))
            if (const char* clip = ImGui::GetClipboardText()) m_editText += toField(clip);
        ImGui::SetKeyboardFocusHere();
    }
    if (!m_s.editedMeanwhileBy.empty()) {
        // Someone else changed this note's text while this user types: theirs stays in the
        // note's history, and what is typed here replaces it when editing ends.
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 90, 0, 255));
        ImGui::TextWrapped(_("%s changed this note meanwhile; your text will replace theirs (theirs stays in its history)."),
                           m_s.editedMeanwhileBy.c_str());
        ImGui::PopStyleColor();
    }
    m_editField.draw("##text", m_editText, ImGui::GetContentRegionAvail());
    const bool wasActive = m_editActive;
    m_editActive = ImGui::IsItemActive();
    if (m_editActive && !wasActive) {
        // Put the cursor at the end of what is there (the note's text, or what arrived early).
        if (ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetItemID())) {
            st->ClearSelection();
            st->Stb.cursor = st->CurLenW;
        }
    }
    const bool deactivated = wasActive && !m_editActive;
    ImGui::PopFont();
    ImGui::End();
    m_fonts.addText(m_editText);  // typed or pasted characters get glyphs from the next frame on
    ++m_editFrames;
    if (deactivated) finishEditing();
}

void WallView::editInsightTitle(const std::string& id) {
    const Insight* i = m_s.doc->insight(id);
    if (!i) return;
    if (!m_editing.empty()) finishEditing();
    if (!m_titleEditing.empty()) finishTitle(true);
    m_titleEditing = id;
    m_titleText = toField(i->title);
    m_titleFrames = 0;
    m_titleActive = false;
    m_titleWhole = true;
    // The key or click that asked for the editor is not the title's first letter.
    ImGui::GetIO().InputQueueCharacters.resize(0);
}

void WallView::finishTitle(bool keep) {
    const std::string id = std::exchange(m_titleEditing, std::string());
    const Insight* i = m_s.doc->insight(id);
    if (!keep || !i) return;
    std::string title = withoutTrailingBlanks(fromField(m_titleText));
    title.erase(0, std::min(title.find_first_not_of(" \t"), title.size()));
    if (title.empty() || title == i->title) return;  // a blank title leaves the insight's as it was
    Insight after = *i;
    after.title = std::move(title);
    try {
        m_s.editor->updateInsight(after);
    } catch (const std::exception& e) {
        m_message = e.what();
    }
}

void WallView::drawTitleEditor(const ImVec2& centre) {
    const Insight* i = m_s.doc->insight(m_titleEditing);
    const double band = frameBandHeight(1.0 / m_camera.zoom);
    const auto frame = i ? insightFrame(*m_s.doc, *i, band) : std::nullopt;
    if (!frame) {  // deleted meanwhile, or its notes left the wall: nothing to name
        m_titleEditing.clear();
        return;
    }
    const ImVec2 a = m_camera.toScreen(frame->band.x, frame->band.y, centre);
    const ImVec2 b = m_camera.toScreen(frame->band.right(), frame->band.bottom(), centre);
    const float fontPx = std::clamp((b.y - a.y) * 0.6f, 15.0f * m_uiScale, 40.0f * m_uiScale);
    ImFont* font = m_fonts.forSize(fontPx);
    ImGui::SetNextWindowPos(a);
    ImGui::SetNextWindowSize({std::max(b.x - a.x, 320.0f * m_uiScale), 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {4, 4});
    ImGui::Begin("##title-editor", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar();
    // Escape leaves the title as it was; Enter keeps what is typed.
    if (m_titleFrames > 1 && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        ImGui::End();
        finishTitle(false);
        return;
    }
    ImGui::PushFont(font);
    ImGui::SetWindowFontScale(fontPx / font->FontSize);
    ImGuiIO& io = ImGui::GetIO();
    if (!m_titleActive) {
        // Typed before the field has the keyboard (a frame after asking): into the title, in
        // place of the title as it was.
        for (ImWchar c : io.InputQueueCharacters) {
            if (c < 0x20) continue;
            if (std::exchange(m_titleWhole, false)) m_titleText.clear();
            char buf[5];
            ImTextCharToUtf8(buf, c);
            m_titleText += buf;
        }
        io.InputQueueCharacters.resize(0);
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputText("##insight-title", &m_titleText, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool wasActive = m_titleActive;
    m_titleActive = ImGui::IsItemActive();
    if (m_titleActive && !wasActive)
        if (ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetItemID())) {
            // The title as it was is selected (typing replaces it); what came early is kept.
            if (m_titleWhole) st->SelectAll();
            else {
                st->ClearSelection();
                st->Stb.cursor = st->CurLenW;
            }
        }
    ImGui::PopFont();
    ImGui::End();
    m_fonts.addText(m_titleText);
    ++m_titleFrames;
    if (enter || (wasActive && !m_titleActive)) finishTitle(true);
}

void WallView::drawLinkChooser() {
    if (m_openLinkPopup) {
        ImGui::OpenPopup(L_("Link notes", "link-notes"));
        m_openLinkPopup = false;
        m_linkAnchor = ImGui::GetIO().MousePos;
    }
    // The chooser stays on the wall, whole: as wide as the wall allows, and moved in from the
    // wall's edges (never over the inspector or out of the window), as its last frame measured it.
    const float margin = 8 * m_uiScale;
    const float width = std::max(120 * m_uiScale, std::min(460 * m_uiScale, m_viewSize.x - 2 * margin));
    const ImVec2 lo{m_origin.x + margin, m_origin.y + margin};
    const ImVec2 hi{m_origin.x + m_viewSize.x - margin - m_linkPopupSize.x, m_origin.y + m_viewSize.y - margin - m_linkPopupSize.y};
    ImGui::SetNextWindowPos({std::max(lo.x, std::min(m_linkAnchor.x, hi.x)), std::max(lo.y, std::min(m_linkAnchor.y, hi.y))});
    ImGui::SetNextWindowSizeConstraints({width, 0}, {width, std::max(m_viewSize.y - 2 * margin, 1.0f)});
    if (!ImGui::BeginPopup(L_("Link notes", "link-notes"))) {
        m_linkPending.reset();
        return;
    }
    m_linkPopupSize = ImGui::GetWindowSize();
    auto finish = [&](std::optional<LinkKind> kind) {
        if (kind && m_linkPending) {
            try {
                m_s.editor->addLink(m_linkPending->first, m_linkPending->second, *kind, m_linkLabel);
            } catch (const std::exception& e) {
                m_message = e.what();
            }
        }
        m_linkPending.reset();
        ImGui::CloseCurrentPopup();
    };
    if (m_linkPending) {
        const Note* a = m_s.doc->note(m_linkPending->first);
        const Note* b = m_s.doc->note(m_linkPending->second);
        if (!a || !b) {
            finish(std::nullopt);
        } else {
            const float inner = ImGui::GetContentRegionAvail().x;
            // Both notes' titles, wrapped to the chooser's width (four lines at most).
            const std::string ta = noteTitle(*a).substr(0, 300), tb = noteTitle(*b).substr(0, 300);
            std::string heading(ta.size() + tb.size() + 64, '\0');
            heading.resize(static_cast<std::size_t>(std::max(
                0, std::snprintf(heading.data(), heading.size(), _("Link  “%s”  →  “%s”"), ta.c_str(), tb.c_str()))));
            m_fonts.addText(heading);
            for (const std::string& line : firstLines(ImGui::GetFont(), ImGui::GetFontSize(), heading, inner, 4)) ImGui::TextUnformatted(line.c_str());
            ImGui::Separator();
            ImGui::TextDisabled("%s", _("label (optional)"));
            // The label wraps at the chooser's width as it is typed; Enter leaves the field, and a
            // label stays one line.
            m_linkLabelField.draw("##label", m_linkLabel, {-1, ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().FramePadding.y * 2},
                                  ImGuiInputTextFlags_CtrlEnterForNewLine);
            const bool typing = ImGui::IsItemActive();
            std::replace(m_linkLabel.begin(), m_linkLabel.end(), '\n', ' ');
            m_fonts.addText(m_linkLabel);
            // The buttons go on as many rows as the width needs.
            const auto button = [&](const char* label) {
                const float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
                if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
                    ImGui::SameLine();
                return ImGui::Button(label);
            };
            if (ImGui::Button(L_("Supports  (S)", "supports")) || (!typing && ImGui::IsKeyPressed(GLFW_KEY_S, false))) finish(LinkKind::Supports);
            if (button(L_("Conflicts  (C)", "conflicts")) || (!typing && ImGui::IsKeyPressed(GLFW_KEY_C, false)))
                finish(LinkKind::Conflicts);
            if (button(L_("Relates  (R)", "relates")) || (!typing && ImGui::IsKeyPressed(GLFW_KEY_R, false))) finish(LinkKind::Relates);
            if (button(L_("Cancel", "cancel")) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) finish(std::nullopt);
        }
    }
    ImGui::EndPopup();
}

void WallView::drawMinimap(const Palette& p) {
    const Rect bounds = m_renderer.wallBoundsCached();
    const Rect view = m_camera.visible(m_viewSize);
    const Rect used = m_renderer.fitBoundsCached();
    m_minimapRect.reset();
    if (bounds.w <= 0 || (view.x <= used.x && view.y <= used.y && view.right() >= used.right() &&
                          view.bottom() >= used.bottom()))
        return;  // all the notes are in view (as "fit wall" shows them): no minimap needed
    const float w = 220 * m_uiScale;
    const float h = static_cast<float>(w * bounds.h / bounds.w);
    const ImVec2 a{m_origin.x + m_viewSize.x - w - 12 * m_uiScale, m_origin.y + m_viewSize.y - h - 12 * m_uiScale};
    const float k = static_cast<float>(w / bounds.w);
    if (m_minimapRevision != m_s.doc->revision() || !(m_minimapBounds.w == bounds.w && m_minimapBounds.h == bounds.h &&
                                                      m_minimapBounds.x == bounds.x && m_minimapBounds.y == bounds.y)) {
        // Fold the notes into 2-pixel cells once per change, not every frame.
        m_minimapRevision = m_s.doc->revision();
        m_minimapBounds = bounds;
        m_minimapDots.clear();
        std::unordered_set<long long> taken;
        for (const auto& [id, n] : m_s.doc->notes()) {
            if (n.state != NoteState::Pinned) continue;
            const float x = static_cast<float>((n.x + n.w / 2 - bounds.x) * k), y = static_cast<float>((n.y + n.h / 2 - bounds.y) * k);
            const long long key = (static_cast<long long>(x / 2) << 32) | static_cast<unsigned>(y / 2);
            if (taken.insert(key).second)
                m_minimapDots.emplace_back(ImVec2{x, y}, noteFill(p, noteColour(n, m_s.doc->sourceKinds())));
        }
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    m_minimapRect = std::make_pair(a, ImVec2{a.x + w, a.y + h});
    dl->AddRectFilled({a.x - 4, a.y - 4}, {a.x + w + 4, a.y + h + 4}, p.minimapFill, 6);
    for (int q = 1; q <= 4; ++q) {
        const Rect r = quadrantRect(m_renderer.wallCached(), q);
        dl->AddRectFilled({a.x + static_cast<float>((r.x - bounds.x) * k), a.y + static_cast<float>((r.y - bounds.y) * k)},
                          {a.x + static_cast<float>((r.right() - bounds.x) * k), a.y + static_cast<float>((r.bottom() - bounds.y) * k)},
                          p.quadrantFill[q - 1]);
    }
    const float dot = std::max(2.0f, static_cast<float>(kNoteWidth * k));
    for (const auto& [pt, col] : m_minimapDots)
        dl->AddRectFilled({a.x + pt.x - dot / 2, a.y + pt.y - dot / 2}, {a.x + pt.x + dot / 2, a.y + pt.y + dot / 2}, col);
    const ImVec2 va{a.x + static_cast<float>((view.x - bounds.x) * k), a.y + static_cast<float>((view.y - bounds.y) * k)};
    const ImVec2 vb{a.x + static_cast<float>((view.right() - bounds.x) * k), a.y + static_cast<float>((view.bottom() - bounds.y) * k)};
    dl->PushClipRect({a.x - 4, a.y - 4}, {a.x + w + 4, a.y + h + 4}, true);
    dl->AddRect(va, vb, p.minimapView, 0, 0, 2);
    dl->PopClipRect();
    // Click or drag in the minimap: look there.
    ImGui::SetCursorScreenPos({a.x - 4, a.y - 4});
    ImGui::InvisibleButton("minimap", {w + 8, h + 8});
    if (ImGui::IsItemActive()) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        m_camera.cx = bounds.x + (m.x - a.x) / k;
        m_camera.cy = bounds.y + (m.y - a.y) / k;
    }
}

void WallView::centreOnNotes() {
    std::optional<Rect> notes;
    for (const auto& [id, n] : m_s.doc->notes())
        if (n.state != NoteState::Tray) notes = notes ? notes->united(noteRect(n)) : noteRect(n);
    // The wall's middle is where its four quadrants meet, often empty; the notes are the picture.
    m_camera.cx = notes ? notes->x + notes->w / 2 : 0;
    m_camera.cy = notes ? notes->y + notes->h / 2 : 0;
}

void WallView::draw(const Palette& palette, float uiScale, bool chineseBadges, bool showMinimap) {
    m_uiScale = uiScale;
    m_origin = ImGui::GetCursorScreenPos();
    m_viewSize = ImGui::GetContentRegionAvail();
    if (m_viewSize.x < 2 || m_viewSize.y < 2) return;
    const ImVec2 centre{m_origin.x + m_viewSize.x / 2, m_origin.y + m_viewSize.y / 2};
    m_s.facts.update(*m_s.doc);
    const bool untouched = m_camera.cx == m_fitCamera.cx && m_camera.cy == m_fitCamera.cy && m_camera.zoom == m_fitCamera.zoom;
    if (untouched && (m_viewSize.x != m_fitSize.x || m_viewSize.y != m_fitSize.y)) m_fitPending = true;
    if (m_fitPending) {
        m_camera.fit(m_fitRect.value_or(fitBounds(*m_s.doc)), m_viewSize);
        m_fitPending = false;
        m_fitCamera = m_camera;
        m_fitSize = m_viewSize;
    }
    ImGui::InvisibleButton("wall", m_viewSize,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    // Notes dragged out of the tray are pinned where they are dropped.
    if (ImGui::BeginDragDropTarget()) {
        if (ImGui::AcceptDragDropPayload(kTrayPayload) && m_traySource) {
            const auto ids = m_traySource();
            double x, y;
            m_camera.toWall(ImGui::GetIO().MousePos, centre, x, y);
            try {
                pinNotesAt(*m_s.editor, ids, x, y);
                m_s.selection.set(ids);
            } catch (const std::exception& e) {
                m_message = e.what();
            }
        }
        ImGui::EndDragDropTarget();
    }
    handleMouse(centre);
    m_s.pruneSelection();

    WallScene scene;
    scene.doc = m_s.doc.get();
    scene.index = m_s.index.get();
    scene.facts = &m_s.facts;
    scene.fonts = &m_fonts;
    scene.palette = &palette;
    scene.camera = m_camera;
    scene.origin = m_origin;
    scene.size = m_viewSize;
    scene.selection = &m_s.selection;
    scene.filter = &m_s.filter;
    std::tie(scene.dragDx, scene.dragDy) = m_tool.dragOffset();
    if (m_tool.state() == WallTool::State::Resizing) {
        scene.resizing = m_tool.resizing();
        std::tie(scene.resizeW, scene.resizeH) = m_tool.resizeSize();
    }
    scene.titlePixels = m_titlePixels * uiScale;
    scene.hovered = m_tool.hovered();
    scene.editing = m_editing;
    scene.editingInsight = m_titleEditing;
    scene.chineseBadges = chineseBadges;
    scene.others = &m_s.others;
    scene.uiScale = uiScale;
    if (m_s.selection.size() == 1 && m_tool.state() == WallTool::State::Idle) scene.linkHandleOf = m_s.selection.ids()[0];
    else if (!m_tool.hovered().empty() && m_tool.state() == WallTool::State::Idle) scene.linkHandleOf = m_tool.hovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    m_stats = m_renderer.draw(dl, scene);
    dl->PushClipRect(m_origin, {m_origin.x + m_viewSize.x, m_origin.y + m_viewSize.y}, true);
    drawToolOverlay(dl, palette, centre);
    dl->PopClipRect();
    if (showMinimap) drawMinimap(palette);
    else m_minimapRect.reset();
    if (!m_editing.empty()) drawTextEditor(centre);
    if (!m_titleEditing.empty()) drawTitleEditor(centre);
    drawLinkChooser();
}

}  // namespace cc::gui
