#include "app/gui/activity_panel.h"

#include <imgui.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <set>

#include "app/gui/fonts.h"
#include "canvas/presence.h"
#include "app/gui/wall_view.h"
#include "app/i18n.h"

namespace cc::gui {

namespace {

constexpr std::size_t kMaxNoteVersions = 300;
constexpr std::size_t kPreviewBytes = 600;

/// "14:05" today, "2026-11-03 14:05" before.
std::string when(Millis t) {
    const std::time_t secs = static_cast<std::time_t>(t / 1000);
    const std::time_t now = std::time(nullptr);
    std::tm tm{}, today{};
    localtime_r(&secs, &tm);
    localtime_r(&now, &today);
    char buf[32];
    const bool sameDay = tm.tm_year == today.tm_year && tm.tm_yday == today.tm_yday;
    std::strftime(buf, sizeof buf, sameDay ? "%H:%M" : "%Y-%m-%d %H:%M", &tm);
    return buf;
}

ImVec4 colourOf(const std::string& name) {
    const std::uint32_t c = colourForName(name);
    return {((c >> 16) & 0xFF) / 255.0f, ((c >> 8) & 0xFF) / 255.0f, (c & 0xFF) / 255.0f, 1};
}

/// The first `bytes` of UTF-8 text, never cut inside a character.
std::string preview(const std::string& s, std::size_t bytes) {
    if (s.size() <= bytes) return s;
    std::size_t cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + " …";
}

void offlineLine(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.80f, 0.45f, 0.05f, 1});
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

const char* kindText(NoteVersion::Kind k) {
    switch (k) {
        case NoteVersion::Kind::Created: return _("created it");
        case NoteVersion::Kind::Text: return _("changed the text");
        case NoteVersion::Kind::Moved: return _("moved it");
        case NoteVersion::Kind::Edited: return _("edited it");
        case NoteVersion::Kind::Deleted: return _("deleted it");
        case NoteVersion::Kind::BroughtBack: return _("brought it back");
    }
    return "";
}

}  // namespace

void ActivityPanel::showNote(const std::string& id) {
    m_noteId = id;
    m_noteRevision = ~0ull;
    m_selectNoteTab = true;
}

void ActivityPanel::guarded(BoardSession& s, const std::function<void()>& f) {
    try {
        f();
        m_error.clear();
    } catch (const std::exception& e) {
        m_error = e.what();
    }
    s.pruneSelection();
}

void ActivityPanel::refreshBoard(BoardSession& s, Fonts& fonts) {
    // Lines are worded when read: another language words them all again.
    if (m_store != s.file.get() || m_language != static_cast<int>(i18n::language())) {
        m_store = s.file.get();
        m_language = static_cast<int>(i18n::language());
        m_lines.clear();
        m_titles.clear();
        m_lastSeq = -1;
        m_noteId.clear();
        m_shownNote.clear();
    }
    if (m_boardRevision == s.doc->revision() && m_lastSeq >= 0) return;
    // The change log lives on the server: while it cannot be reached, what was read stays.
    if (!s.file->online()) return;
    m_boardRevision = s.doc->revision();
    // The first time the newest rows; afterwards only the rows added since.
    // (A row that is not a readable change set has nothing to show here; check reports it.)
    const auto rows = m_lastSeq < 0 ? s.file->recentChangeSets(kMaxLines) : s.file->changes(m_lastSeq, kMaxLines * 4);
    if (m_lastSeq < 0) m_lastSeq = 0;
    for (const LoggedChange& c : readableChanges(rows)) {
        if (m_titles.size() < 50000) {
            for (const auto& n : c.cs.notes.added) m_titles[n.id] = shortTitle(n);
            for (const auto& [b, a] : c.cs.notes.updated) m_titles[a.id] = shortTitle(a);
            for (const auto& n : c.cs.notes.removed) m_titles[n.id] = shortTitle(n);
        }
        Line l;
        l.line = describeChange(c, *s.doc, &m_titles, i18n::wording());
        for (const auto& n : c.cs.notes.removed)
            if (std::find(l.line.deleted.begin(), l.line.deleted.end(), n.id) != l.line.deleted.end()) l.deletedNotes.push_back(n);
        if (!l.deletedNotes.empty()) l.deletedLinks = c.cs.links.removed;
        fonts.addText(l.line.author + l.line.text);
        m_lines.push_back(std::move(l));
    }
    for (const auto& e : rows) m_lastSeq = std::max(m_lastSeq, e.seq);
    if (m_lines.size() > kMaxLines) m_lines.erase(m_lines.begin(), m_lines.end() - static_cast<long>(kMaxLines));
}

void ActivityPanel::refreshNote(BoardSession& s, Fonts& fonts) {
    std::string id = m_noteId;
    if (id.empty() && s.selection.size() == 1) id = s.selection.ids().front();
    // The history is read again only when this note changed (or came or went): reading it
    // scans the change log, which other edits to the board do not make any longer for it.
    const Note* now = id.empty() ? nullptr : s.doc->note(id);
    const bool same = now ? (m_shownState && *m_shownState == *now) : !m_shownState;
    if (id == m_shownNote && m_noteRevision != ~0ull && same) return;
    if (!s.file->online()) {
        // The history lives on the server: another note's is read once it is back.
        if (id != m_shownNote) {
            m_shownNote = id;
            m_versions.clear();
            m_noteDeletedWith = {};
            m_noteRevision = ~0ull;
        }
        return;
    }
    m_shownNote = id;
    m_noteRevision = s.doc->revision();
    m_shownState = now ? std::optional<Note>(*now) : std::nullopt;
    m_versions.clear();
    m_noteDeletedWith = {};
    if (id.empty()) return;
    const auto log = readableChanges(s.file->recentChangeSets(kMaxNoteVersions, id));
    m_versions = noteHistory(log, id);
    for (const auto& v : m_versions) fonts.addText(v.author + v.note.text);
    for (auto it = log.rbegin(); it != log.rend(); ++it) {
        bool removedHere = false;
        for (const auto& n : it->cs.notes.removed) removedHere = removedHere || n.id == id;
        if (!removedHere) continue;
        m_noteDeletedWith = deletedWith(it->cs, id);
        break;
    }
}

void ActivityPanel::draw(BoardSession& s, WallView& wall, Fonts& fonts, float scale) {
    if (!ImGui::BeginTabBar("activitytabs")) return;
    if (ImGui::BeginTabItem(L_("Board", "board"))) {
        refreshBoard(s, fonts);
        drawBoard(s, wall, scale);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(L_("Note", "note"), nullptr, std::exchange(m_selectNoteTab, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
        refreshNote(s, fonts);
        drawNote(s, wall, scale);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void ActivityPanel::drawBoard(BoardSession& s, WallView& wall, float scale) {
    if (!m_error.empty()) ImGui::TextColored({0.85f, 0.15f, 0.15f, 1}, "%s", m_error.c_str());
    // Who: everyone, or one person (those who appear in the lines kept).
    std::vector<std::string> people;
    for (const auto& l : m_lines)
        if (std::find(people.begin(), people.end(), l.line.author) == people.end()) people.push_back(l.line.author);
    std::sort(people.begin(), people.end());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##who", m_person.empty() ? _("everyone") : m_person.c_str())) {
        if (ImGui::Selectable(L_("everyone", "everyone"), m_person.empty())) m_person.clear();
        for (const auto& p : people)
            if (ImGui::Selectable(p.c_str(), p == m_person)) m_person = p;
        ImGui::EndCombo();
    }
    if (!s.file->online())
        offlineLine(_("Offline: the activity as it was when the server was last reached."));
    ImGui::TextDisabled("%s", _("Newest first; click a line to show its notes."));
    ImGui::BeginChild("activitylines", {0, 0}, false);
    for (auto it = m_lines.rbegin(); it != m_lines.rend(); ++it) {
        const Line& l = *it;
        if (!m_person.empty() && l.line.author != m_person) continue;
        ImGui::PushID(static_cast<int>(l.line.seq));
        ImGui::TextDisabled("%s", when(l.line.time).c_str());
        ImGui::SameLine();
        ImGui::TextColored(colourOf(l.line.author), "%s", l.line.author.c_str());
        std::vector<std::string> present;
        for (const auto& id : l.line.notes)
            if (s.doc->note(id)) present.push_back(id);
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - 4 * scale);
        const ImVec2 before = ImGui::GetCursorPos();
        ImGui::TextWrapped("%s", l.line.text.c_str());
        ImGui::PopTextWrapPos();
        if (!present.empty()) {
            // The whole text is the click target.
            const ImVec2 after = ImGui::GetCursorPos();
            ImGui::SetCursorPos(before);
            if (ImGui::InvisibleButton("show", {ImGui::GetContentRegionAvail().x, after.y - before.y - ImGui::GetStyle().ItemSpacing.y})) {
                wall.focusNote(present.front());
                s.selection.set(present);
                s.pruneSelection();
                if (present.size() == 1) showNote(present.front());
            }
            if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetCursorPos(after);
        }
        bool anyGone = false;
        for (const auto& n : l.deletedNotes) anyGone = anyGone || !s.doc->note(n.id);
        if (anyGone) {
            const char* label = l.deletedNotes.size() == 1 ? N_("Bring it back") : N_("Bring them back");
            if (ImGui::SmallButton(L_(label, "bring-back"))) {
                guarded(s, [&] {
                    ChangeSet all;
                    std::set<std::string> coming;
                    for (const auto& n : l.deletedNotes)
                        if (!s.doc->note(n.id)) {
                            all.notes.added.push_back(n);
                            coming.insert(n.id);
                        }
                    for (const auto& link : l.deletedLinks) {
                        const bool fromOk = s.doc->note(link.from) || coming.count(link.from);
                        const bool toOk = s.doc->note(link.to) || coming.count(link.to);
                        if (fromOk && toOk && !s.doc->link(link.id)) all.links.added.push_back(link);
                    }
                    s.editor->applyLocal(std::move(all));
                    std::vector<std::string> ids(coming.begin(), coming.end());
                    s.selection.set(ids);
                    if (!ids.empty()) wall.focusNote(ids.front());
                });
            }
            if (l.deletedNotes.size() == 1) {
                ImGui::SameLine();
                if (ImGui::SmallButton(L_("History", "history"))) showNote(l.deletedNotes.front().id);
            }
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    if (m_lines.empty()) ImGui::TextDisabled("%s", _("Nothing has happened on this board yet."));
    else if (!m_person.empty() && std::none_of(m_lines.begin(), m_lines.end(), [&](const Line& l) { return l.line.author == m_person; }))
        ImGui::TextDisabled(_("Nothing by %s among the newest changes."), m_person.c_str());
    ImGui::EndChild();
}

void ActivityPanel::drawNote(BoardSession& s, WallView& wall, float scale) {
    if (!m_error.empty()) ImGui::TextColored({0.85f, 0.15f, 0.15f, 1}, "%s", m_error.c_str());
    if (!s.file->online())
        offlineLine(_("Offline: the history as it was when the server was last reached."));
    if (m_shownNote.empty()) {
        ImGui::TextWrapped("%s", _("Select one note to see who changed it and every version of its text, or click History "
                                 "next to a deleted note in the Board tab."));
        return;
    }
    const Note* current = s.doc->note(m_shownNote);
    if (!m_noteId.empty()) {
        if (ImGui::SmallButton(L_("Follow the selection", "follow"))) {
            m_noteId.clear();
            m_noteRevision = ~0ull;
        }
    }
    if (m_versions.empty()) {
        ImGui::TextDisabled("%s", s.file->online() ? _("No history for this note.")
                                                   : _("Its history is on the server; it shows again when the server is back."));
        return;
    }
    const Note& last = m_versions.back().note;
    ImGui::TextWrapped("“%s”%s", shortTitle(current ? *current : last, 60).c_str(), current ? "" : _("  (deleted)"));
    if (!current) {
        if (ImGui::Button(L_("Bring it back", "bring-back"))) {
            guarded(s, [&] {
                if (auto cs = bringBack(*s.doc, last, m_noteDeletedWith)) {
                    s.editor->applyLocal(std::move(*cs));
                    wall.focusNote(last.id);
                }
            });
        }
    }
    ImGui::Separator();
    ImGui::BeginChild("versions", {0, 0}, false);
    for (auto it = m_versions.rbegin(); it != m_versions.rend(); ++it) {
        const NoteVersion& v = *it;
        ImGui::PushID(static_cast<int>(v.seq));
        ImGui::TextDisabled("%s", when(v.time).c_str());
        ImGui::SameLine();
        ImGui::TextColored(colourOf(v.author), "%s", v.author.empty() ? _("someone") : v.author.c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(kindText(v.kind));
        if (v.overwrote) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", _("(over a text changed meanwhile)"));
        }
        const bool textStep = v.kind == NoteVersion::Kind::Created || v.kind == NoteVersion::Kind::Text ||
                              v.kind == NoteVersion::Kind::BroughtBack;
        if (textStep) {
            ImGui::Indent(10 * scale);
            ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - 4 * scale);
            ImGui::TextWrapped("%s", preview(v.note.text, kPreviewBytes).c_str());
            ImGui::PopTextWrapPos();
            if (current && current->text != v.note.text) {
                if (ImGui::SmallButton(L_("Restore this text", "restore"))) guarded(s, [&] { s.editor->setText(current->id, v.note.text); });
            } else if (!current) {
                if (ImGui::SmallButton(L_("Bring it back with this text", "bring-back-text")))
                    guarded(s, [&] {
                        if (auto cs = bringBack(*s.doc, last, m_noteDeletedWith, v.note.text)) {
                            s.editor->applyLocal(std::move(*cs));
                            wall.focusNote(last.id);
                        }
                    });
            } else {
                ImGui::TextDisabled("%s", _("the text now"));
            }
            ImGui::Unindent(10 * scale);
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace cc::gui
