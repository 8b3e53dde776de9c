#include "app/gui/tray_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

#include "app/gui/fonts.h"
#include "app/gui/text_layout.h"
#include "canvas/similarity.h"
#include "canvas/wall_commands.h"
#include "app/i18n.h"

namespace cc::gui {

namespace {

/// The most near-duplicate pairs and suggested groups listed at once (the rest follow as these go),
/// and the most notes of a group listed.
constexpr std::size_t kPairsShown = 20, kGroupsShown = 20, kGroupNotesShown = 6;

/// A note's text on one line of the panel's width (cut with "…").
std::string oneLine(Fonts& fonts, const Note& n) {
    std::size_t cut = std::min<std::size_t>(n.text.size(), 300);
    while (cut < n.text.size() && (static_cast<unsigned char>(n.text[cut]) & 0xC0) == 0x80) --cut;
    const std::string_view start(n.text.data(), cut);
    fonts.addText(std::string(start) + "…");
    const auto lines = firstLines(ImGui::GetFont(), ImGui::GetFontSize(), start, ImGui::GetContentRegionAvail().x, 1);
    return lines.empty() ? std::string() : lines.front();
}

}  // namespace

void TrayPanel::drawDuplicates(BoardSession& s, Fonts& fonts) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& p : s.similarity.trayDuplicates(*s.doc))
        if (!m_notDuplicates.count(p)) pairs.push_back(p);
    if (pairs.empty()) return;
    char header[128];
    std::snprintf(header, sizeof header, _("Near-duplicates (%zu)"), pairs.size());
    if (!ImGui::CollapsingHeader((std::string(header) + "###near-duplicates").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", _("Merge keeps the older note and adds the copy's tags, votes, links and evidence to it."));
    ImGui::PopStyleColor();
    std::pair<std::string, std::string> merge, dismiss;
    for (std::size_t k = 0; k < pairs.size() && k < kPairsShown; ++k) {
        const auto& [older, copy] = pairs[k];
        const Note* a = s.doc->note(older);
        const Note* b = s.doc->note(copy);
        if (!a || !b) continue;
        ImGui::PushID((older + "/" + copy).c_str());
        ImGui::Bullet();
        ImGui::TextUnformatted(oneLine(fonts, *a).c_str());
        ImGui::Indent();
        ImGui::TextDisabled("%s", oneLine(fonts, *b).c_str());
        if (ImGui::SmallButton(L_("Merge", "merge"))) merge = pairs[k];
        ImGui::SameLine();
        if (ImGui::SmallButton(L_("Not duplicates", "not-duplicates"))) dismiss = pairs[k];
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (pairs.size() > kPairsShown)
        ImGui::TextDisabled(P_("and %zu more pair", "and %zu more pairs", pairs.size() - kPairsShown), pairs.size() - kPairsShown);
    if (!dismiss.first.empty()) m_notDuplicates.insert(dismiss);
    if (!merge.first.empty()) {
        try {
            mergeNotes(*s.editor, merge.first, merge.second);
            m_error.clear();
        } catch (const std::exception& e) {
            m_error = e.what();
        }
    }
}

void TrayPanel::drawSuggestions(BoardSession& s, Fonts& fonts) {
    if (!m_suggested) return;
    char header[128];
    std::snprintf(header, sizeof header, _("Suggested groups (%zu)"), m_suggestions.size());
    if (!ImGui::CollapsingHeader((std::string(header) + "###suggested-groups").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (ImGui::SmallButton(L_("Hide suggestions", "hide-suggestions"))) {
        m_suggested = false;
        m_suggestions.clear();
        return;
    }
    if (m_suggestions.empty()) {
        ImGui::TextDisabled("%s", _("No groups to suggest: no two candidates in the tray are alike enough."));
        return;
    }
    int make = -1, dismiss = -1;
    for (std::size_t k = 0; k < m_suggestions.size() && k < kGroupsShown; ++k) {
        Suggestion& g = m_suggestions[k];
        ImGui::PushID(g.notes.front().c_str());  // a group's most central note names it
        ImGui::Separator();
        fonts.addText(g.title);
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##title", _("title"), &g.title);
        for (std::size_t i = 0; i < g.notes.size() && i < kGroupNotesShown; ++i)
            if (const Note* n = s.doc->note(g.notes[i])) {
                ImGui::Bullet();
                ImGui::TextUnformatted(oneLine(fonts, *n).c_str());
            }
        if (g.notes.size() > kGroupNotesShown)
            ImGui::TextDisabled(P_("and %zu more note", "and %zu more notes", g.notes.size() - kGroupNotesShown),
                                g.notes.size() - kGroupNotesShown);
        if (ImGui::SmallButton(L_("Make insight", "make-insight"))) make = static_cast<int>(k);
        ImGui::SameLine();
        if (ImGui::SmallButton(L_("Dismiss", "dismiss-group"))) dismiss = static_cast<int>(k);
        ImGui::PopID();
    }
    if (m_suggestions.size() > kGroupsShown)
        ImGui::TextDisabled(P_("and %zu more group", "and %zu more groups", m_suggestions.size() - kGroupsShown),
                            m_suggestions.size() - kGroupsShown);
    if (make >= 0) {
        Suggestion& g = m_suggestions[static_cast<std::size_t>(make)];
        try {
            s.editor->addInsight(s.editor->makeInsight(g.title, g.notes));  // the document refuses a blank title
            m_suggestions.erase(m_suggestions.begin() + make);
            m_error.clear();
        } catch (const std::exception& e) {
            m_error = e.what();
        }
    } else if (dismiss >= 0) {
        m_suggestions.erase(m_suggestions.begin() + dismiss);
    }
}

float TrayPanel::sortingHeight(BoardSession& s) {
    // Notes gone since (merged, discarded) leave their groups; a group left with one note goes.
    for (auto& g : m_suggestions)
        std::erase_if(g.notes, [&](const std::string& id) { return !s.doc->note(id); });
    std::erase_if(m_suggestions, [](const Suggestion& g) { return g.notes.size() < 2; });
    std::size_t pairs = 0;
    for (const auto& p : s.similarity.trayDuplicates(*s.doc))
        if (!m_notDuplicates.count(p)) ++pairs;
    std::size_t rows = pairs ? 3 + 3 * std::min(pairs, kPairsShown) : 0;
    if (m_suggested) {
        rows += 3;
        for (std::size_t k = 0; k < m_suggestions.size() && k < kGroupsShown; ++k)
            rows += 3 + std::min(m_suggestions[k].notes.size(), kGroupNotesShown + 1);
    }
    return static_cast<float>(rows) * ImGui::GetFrameHeightWithSpacing();
}

std::vector<std::string> TrayPanel::dragged(const BoardSession& s) const {
    std::vector<std::string> out;
    for (const auto& id : m_selected)
        if (const Note* n = s.doc->note(id); n && n->state == NoteState::Tray) out.push_back(id);
    return out;
}

void TrayPanel::draw(BoardSession& s, Fonts& fonts, float scale) {
    // The tray's notes, oldest first, kept while the board does not change: read again whenever
    // it has, also in the middle of this frame (a button above the list may delete or pin notes,
    // and the list must not draw the notes that went).
    const auto refresh = [&] {
        if (m_trayDoc == s.doc.get() && m_trayRevision == s.doc->revision()) return;
        m_trayDoc = s.doc.get();
        m_trayRevision = s.doc->revision();
        m_tray.clear();
        for (const auto& [id, n] : s.doc->notes())
            if (n.state == NoteState::Tray) m_tray.push_back(&n);
        std::sort(m_tray.begin(), m_tray.end(), [](const Note* a, const Note* b) {
            return a->created != b->created ? a->created < b->created : a->id < b->id;
        });
    };
    refresh();
    if (m_sortingDoc != s.doc.get()) {  // another board: what was dismissed or suggested was for the last
        m_sortingDoc = s.doc.get();
        m_notDuplicates.clear();
        m_suggestions.clear();
        m_suggested = false;
    }
    const std::vector<const Note*>& tray = m_tray;
    // Keep only selected ids that are still in the tray.
    m_selected.erase(std::remove_if(m_selected.begin(), m_selected.end(),
                                    [&](const std::string& id) {
                                        const Note* n = s.doc->note(id);
                                        return !n || n->state != NoteState::Tray;
                                    }),
                     m_selected.end());

    ImGui::Text(P_("%zu candidate in the tray", "%zu candidates in the tray", tray.size()), tray.size());
    if (tray.empty()) {
        ImGui::TextWrapped("%s", _("Import research (File > Import…, or drop files on the window) and the candidate notes "
                                 "wait here until you drag them onto the wall."));
        return;
    }
    auto guarded = [&](auto f) {
        try {
            f();
            m_error.clear();
        } catch (const std::exception& e) {
            m_error = e.what();
        }
    };
    std::vector<std::string> all;
    for (const Note* n : tray) all.push_back(n->id);
    const std::vector<std::string>& targets = m_selected.empty() ? all : m_selected;
    ImGui::TextDisabled("%s", m_selected.empty() ? _("Pin all to quadrant:") : _("Pin the selected to quadrant:"));
    for (int q = 1; q <= 4; ++q) {
        ImGui::SameLine();
        if (ImGui::SmallButton(std::to_string(q).c_str())) guarded([&] { pinNotesToQuadrant(*s.editor, targets, q); });
    }
    // Always there (greyed out with nothing selected): a list that jumped down a line when a row
    // is picked up would put another row under the pointer.
    ImGui::BeginDisabled(m_selected.empty());
    if (ImGui::SmallButton(L_("Discard the selected", "discard"))) guarded([&] { s.editor->deleteNotes(m_selected); });
    ImGui::SameLine();
    if (ImGui::SmallButton(L_("Select none", "select-none"))) m_selected.clear();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton(L_("Suggest groups", "suggest-groups"))) {
        m_suggestions.clear();
        for (auto& g : similarity::Index(similarity::itemsOf(*s.doc, similarity::Scope::Tray)).suggest())
            m_suggestions.push_back({std::move(g.title), std::move(g.notes)});
        m_suggested = true;
    }
    // Near-duplicates and suggested groups, in a part of their own (at most half the panel), so
    // the list below keeps its room.
    if (const float h = sortingHeight(s); h > 0) {
        ImGui::BeginChild("tray-sorting", {0, std::min(h, ImGui::GetContentRegionAvail().y * 0.5f)});
        drawDuplicates(s, fonts);
        drawSuggestions(s, fonts);
        ImGui::EndChild();
    }
    if (!m_error.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", m_error.c_str());
    ImGui::Separator();

    refresh();  // after the buttons above
    ImGui::BeginChild("tray-list");
    ImGuiListClipper clipper;  // only the rows in view are laid out: a tray may hold thousands
    clipper.Begin(static_cast<int>(tray.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Note* n = tray[static_cast<std::size_t>(i)];
            ImGui::PushID(n->id.c_str());
            const bool selected = std::find(m_selected.begin(), m_selected.end(), n->id) != m_selected.end();
            // Two lines never need more than the text's start (a note may hold 64 KiB).
            std::size_t cut = std::min<std::size_t>(n->text.size(), 600);
            while (cut < n->text.size() && (static_cast<unsigned char>(n->text[cut]) & 0xC0) == 0x80) --cut;
            const std::string_view start(n->text.data(), cut);
            fonts.addText(std::string(start) + n->provenance.file + n->provenance.location + "…");
            // The note's colour (its source kind's) at the left of the row, as on the wall.
            const float line = ImGui::GetTextLineHeight();
            const float rowH = line * 2;
            const float swatch = 10 * scale;
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float textX = at.x + swatch + 6 * scale;
            const float textW = ImGui::GetContentRegionAvail().x - swatch - 6 * scale;
            const std::uint32_t rgb = noteColour(*n, s.doc->sourceKinds());
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled({at.x, at.y + 3 * scale}, {at.x + swatch, at.y + rowH - 3 * scale},
                              IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 255), 2 * scale);
            dl->AddRect({at.x, at.y + 3 * scale}, {at.x + swatch, at.y + rowH - 3 * scale}, IM_COL32(0, 0, 0, 60), 2 * scale);
            ImGui::SetCursorScreenPos({textX, at.y});
            // The row is a selectable of its own size; its words are drawn over it, wrapped to
            // the panel's width: the note's first two lines (where it came from is in the tooltip).
            const bool clicked = ImGui::Selectable("##row", selected, 0, {textW, rowH});
            const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
            float y = at.y;
            for (const std::string& l : firstLines(ImGui::GetFont(), ImGui::GetFontSize(), start, textW, 2)) {
                dl->AddText({textX, y}, ink, l.c_str());
                y += line;
            }
            if (clicked) {
                const ImGuiIO& io = ImGui::GetIO();
                if (io.KeyShift && m_anchor >= 0) {
                    const int a = std::min(m_anchor, i), b = std::max(m_anchor, i);
                    for (int k = a; k <= b; ++k)
                        if (std::find(m_selected.begin(), m_selected.end(), tray[static_cast<std::size_t>(k)]->id) == m_selected.end())
                            m_selected.push_back(tray[static_cast<std::size_t>(k)]->id);
                } else if (io.KeyCtrl) {
                    if (selected) m_selected.erase(std::find(m_selected.begin(), m_selected.end(), n->id));
                    else m_selected.push_back(n->id);
                    m_anchor = i;
                } else {
                    m_selected = {n->id};
                    m_anchor = i;
                }
            }
            if (ImGui::IsItemHovered() && (!n->provenance.excerpt.empty() || !n->provenance.file.empty())) {
                fonts.addText(n->provenance.excerpt);
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(480 * scale);
                if (!n->provenance.file.empty())
                    ImGui::TextDisabled("%s", (n->provenance.file + "  " + n->provenance.location).c_str());
                ImGui::TextUnformatted(n->provenance.excerpt.substr(0, 1500).c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            if (ImGui::BeginDragDropSource()) {
                // Dragging an unselected row drags just that row.
                if (!selected) m_selected = {n->id};
                ImGui::SetDragDropPayload(kTrayPayload, "tray", 5);
                ImGui::Text(P_("%zu note: drop on the wall to pin", "%zu notes: drop on the wall to pin", m_selected.size()), m_selected.size());
                ImGui::EndDragDropSource();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace cc::gui
