#include "app/gui/panels.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdarg>
#include <ctime>

#include "app/gui/field_text.h"
#include "app/gui/fonts.h"
#include "canvas/commands.h"
#include "canvas/evidence_strength.h"
#include "canvas/queries.h"
#include "canvas/wall_commands.h"
#include "app/gui/wall_view.h"
#include "app/i18n.h"

namespace cc::gui {

namespace {
/// How many similar notes the inspector lists.
constexpr std::size_t kSimilarShown = 5;
}  // namespace

namespace {

std::string formatTime(Millis ms) {
    if (ms <= 0) return "-";
    std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

std::string joinTags(const std::vector<std::string>& tags) {
    std::string s;
    for (const auto& t : tags) s += (s.empty() ? "" : ", ") + t;
    return s;
}

std::vector<std::string> splitTags(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        auto b = cur.find_first_not_of(" \t");
        if (b != std::string::npos) out.push_back(cur.substr(b, cur.find_last_not_of(" \t") - b + 1));
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        // Both the Latin comma and the Chinese one (，) separate tags.
        if (s[i] == ',') flush();
        else if (s.compare(i, 3, "，") == 0) {
            flush();
            i += 2;
        } else cur += s[i];
    }
    flush();
    normaliseTags(out);
    return out;
}

/// An inspector field's label in the column on the left; the field takes the rest of the row.
void fieldLabel(const char* text, float scale) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(120 * scale);
    ImGui::SetNextItemWidth(-1);
}

/// Greyed text, wrapped at the panel's edge (a narrow panel in Chinese must not cut it off).
void disabledWrapped(const char* fmt, ...) IM_FMTARGS(1);
void disabledWrapped(const char* fmt, ...) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    va_list args;
    va_start(args, fmt);
    ImGui::TextWrappedV(fmt, args);
    va_end(args);
    ImGui::PopStyleColor();
}

ImVec4 toVec(std::uint32_t rgb) {
    return {((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f, 1.0f};
}

void swatch(std::uint32_t rgb, float size) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, {p.x + size, p.y + size},
                                              IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 255), 3);
    ImGui::GetWindowDrawList()->AddRect(p, {p.x + size, p.y + size}, IM_COL32(0, 0, 0, 60), 3);
    ImGui::Dummy({size, size});
}

}  // namespace

void Inspector::load(const Note& n) {
    m_id = n.id;
    m_text = m_textBase = toField(n.text);
    m_date = m_dateBase = n.dateGathered;
    m_tags = m_tagsBase = toField(joinTags(n.tags));
    m_segment = m_segmentBase = toField(n.segment);
    m_textActive = m_dateActive = m_tagsActive = m_segmentActive = false;
    m_error.clear();
}

void Inspector::follow(const Note& n) {
    // A field nobody is typing into shows the note as it is now (changed on the wall, by undo, by
    // another window); a field with typing in it keeps it, and its base says what it started from.
    const auto track = [](std::string& buffer, std::string& base, bool active, const std::string& now) {
        if (!active && buffer == base && base != now) buffer = base = now;
    };
    track(m_text, m_textBase, m_textActive, toField(n.text));
    track(m_date, m_dateBase, m_dateActive, n.dateGathered);
    track(m_tags, m_tagsBase, m_tagsActive, toField(joinTags(n.tags)));
    track(m_segment, m_segmentBase, m_segmentActive, toField(n.segment));
}

void Inspector::attempt(const std::function<void()>& change) {
    try {
        change();
        m_error.clear();
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

void Inspector::commit(BoardSession& s, const Note& after) {
    attempt([&] { s.editor->updateNote(after); });
}

void Inspector::commitText(BoardSession& s) {
    if (m_text == m_textBase || isBlankText(m_text)) return;
    // Someone else's text that arrived while this person typed is replaced, and said so.
    try {
        const TextCommit done = commitNoteText(*s.editor, m_id, fromField(m_text), fromField(m_textBase), false);
        if (done.outcome == TextCommit::Outcome::SavedOverOthers) s.savedOverOthers(m_id, done.theirs);
        m_textBase = m_text;
        m_error.clear();
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

void Inspector::flush(BoardSession& s) {
    flushInsight(s);
    if (m_id.empty() || !s.doc->note(m_id)) return;
    commitText(s);
    Note a = *s.doc->note(m_id);
    bool changed = false;
    if (m_date != m_dateBase && (m_date.empty() || isValidDate(m_date))) {
        a.dateGathered = m_dateBase = m_date;
        changed = true;
    }
    if (m_tags != m_tagsBase) {
        a.tags = splitTags(fromField(m_tags));
        m_tagsBase = m_tags;
        changed = true;
    }
    if (m_segment != m_segmentBase) {
        a.segment = fromField(m_segment);
        m_segmentBase = m_segment;
        changed = true;
    }
    if (changed) commit(s, a);
}

void Inspector::commitInsight(BoardSession& s, const Insight& after) {
    attempt([&] { s.editor->updateInsight(after); });
}

void Inspector::flushInsight(BoardSession& s) {
    const Insight* i = s.doc->insight(m_insightId);
    if (!i) return;
    Insight a = *i;
    const std::string title = fromField(m_title);
    if (m_title != m_titleBase && !isBlankText(title)) a.title = withoutTrailingBlanks(title);
    else m_title = m_titleBase;  // a blank title is not one: the insight keeps its own
    if (m_statement != m_statementBase) a.statement = withoutTrailingBlanks(fromField(m_statement));
    m_titleBase = m_title;
    m_statementBase = m_statement;
    if (!(a == *i)) commitInsight(s, a);
}

void Inspector::drawInsight(BoardSession& s, WallView& wall, Fonts& fonts, float scale, const Insight& i) {
    if (m_insightId != i.id) {
        m_insightId = i.id;
        m_title = m_titleBase = toField(i.title);
        m_statement = m_statementBase = toField(i.statement);
        m_error.clear();
    } else {
        // Fields with no typing in them follow the insight (changed on the wall, by undo, elsewhere).
        if (m_title == m_titleBase) m_title = m_titleBase = toField(i.title);
        if (m_statement == m_statementBase) m_statement = m_statementBase = toField(i.statement);
    }
    ImGui::PushID(i.id.c_str());
    const auto label = [scale](const char* text) { fieldLabel(text, scale); };
    const EvidenceStrength strength = evidenceStrength(*s.doc, i, todayDate(), i18n::wording());
    const ImVec4 gradeColour = strength.grade == StrengthGrade::Strong     ? ImVec4{0.09f, 0.50f, 0.24f, 1}
                               : strength.grade == StrengthGrade::Moderate ? ImVec4{0.69f, 0.41f, 0.0f, 1}
                                                                           : ImVec4{0.43f, 0.45f, 0.49f, 1};
    ImGui::TextUnformatted(_("Insight"));
    ImGui::SameLine();
    ImGui::TextColored(gradeColour, _("%s evidence (%d of 100)"), gradeWord(strength.grade).c_str(), strength.score);

    label(_("Title"));
    ImGui::InputText("##title", &m_title);
    fonts.addText(m_title);
    if (ImGui::IsItemDeactivated()) flushInsight(s);

    ImGui::TextUnformatted(_("Statement"));
    m_statementField.draw("##statement", m_statement, {-1, 80 * scale});
    fonts.addText(m_statement);
    if (ImGui::IsItemDeactivated()) flushInsight(s);

    label(_("Quadrant"));
    const BoardInfo& b = s.doc->board();
    const auto quadrantName = [&](int q) {
        return q == 0 ? std::string(_("none yet")) : std::to_string(q) + "  " + b.quadrants[static_cast<std::size_t>(q - 1)].title;
    };
    if (ImGui::BeginCombo("##quadrant", quadrantName(i.quadrant).c_str())) {
        for (int q = 0; q <= 4; ++q)
            if (ImGui::Selectable(quadrantName(q).c_str(), q == i.quadrant) && q != i.quadrant) {
                Insight a = *s.doc->insight(i.id);
                a.quadrant = q;
                commitInsight(s, a);
            }
        ImGui::EndCombo();
    }
    label(_("State"));
    const std::string stateWords[] = {insightStateWord(InsightState::Draft), insightStateWord(InsightState::Agreed),
                                      insightStateWord(InsightState::Retired)};
    const char* states[] = {stateWords[0].c_str(), stateWords[1].c_str(), stateWords[2].c_str()};
    int state = static_cast<int>(i.state);
    if (ImGui::Combo("##insight-state", &state, states, 3) && state != static_cast<int>(i.state)) {
        Insight a = *s.doc->insight(i.id);
        a.state = static_cast<InsightState>(state);
        commitInsight(s, a);
    }
    label(_("Votes"));
    int votes = i.votes;
    if (ImGui::InputInt("##insight-votes", &votes) && votes >= 0 && votes <= limits::kMaxVotes) {
        Insight a = *s.doc->insight(i.id);
        a.votes = votes;
        commitInsight(s, a);
    }
    if (!m_error.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", m_error.c_str());

    ImGui::Separator();
    ImGui::TextUnformatted(_("Why this grade"));
    for (const auto& reason : strength.reasons) {
        fonts.addText(reason);
        ImGui::Bullet();
        ImGui::TextWrapped("%s", reason.c_str());
    }

    ImGui::Separator();
    ImGui::Text(_("Evidence (%zu)"), i.notes.size());
    std::string jump, takeOut;
    for (const auto& noteId : i.notes) {
        const Note* n = s.doc->note(noteId);
        ImGui::PushID(noteId.c_str());
        if (n && n->state == NoteState::Pinned) {
            if (ImGui::SmallButton(L_("go", "go"))) jump = noteId;
            ImGui::SameLine();
        }
        if (ImGui::SmallButton(L_("take out", "take-out"))) takeOut = noteId;
        ImGui::SameLine();
        const SourceKind* kind = n ? s.doc->sourceKinds().find(n->source) : nullptr;
        const std::string kindName = !kind ? "" : i18n::language() == i18n::Language::Chinese ? kind->chinese : kind->english;
        ImGui::TextWrapped("%s%s%s", n ? noteTitle(*n).c_str() : noteId.c_str(), kind ? "  · " : "", kindName.c_str());
        ImGui::PopID();
    }
    if (!takeOut.empty()) {
        Insight a = *s.doc->insight(i.id);
        a.notes.erase(std::remove(a.notes.begin(), a.notes.end(), takeOut), a.notes.end());
        commitInsight(s, a);
    }
    if (!jump.empty()) wall.centreOnNote(jump);

    ImGui::Separator();
    disabledWrapped(_("By %s · created %s · changed %s"), i.author.c_str(), formatTime(i.created).c_str(),
                    formatTime(i.updated).c_str());
    if (ImGui::Button(L_("Delete insight (the notes stay)", "delete-insight"))) {
        flushInsight(s);
        attempt([&] { deleteSelected(*s.editor, s.selection); });
    }
    ImGui::PopID();
}

void Inspector::draw(BoardSession& s, WallView& wall, Fonts& fonts, float scale) {
    // The choice moved on from an insight: what was typed for it is saved first.
    if (!m_insightId.empty() && s.selection.insight() != m_insightId) {
        flushInsight(s);
        m_insightId.clear();
    }
    if (!s.selection.insight().empty()) {
        if (!m_id.empty()) {
            flush(s);
            m_id.clear();
        }
        if (const Insight* i = s.doc->insight(s.selection.insight())) {
            drawInsight(s, wall, fonts, scale, *i);
            return;
        }
    }
    const auto& sel = s.selection.ids();
    // The selection moved on (another note, the wall, several notes): what was typed for the
    // note before is saved now, before the buffers follow the new selection.
    if (!m_id.empty() && (sel.size() != 1 || sel[0] != m_id)) {
        flush(s);
        m_id.clear();
    }
    if (sel.empty()) {
        ImGui::TextWrapped("%s", _("Select a note to see and edit all of it here."));
        ImGui::Spacing();
        const BoardCounts& c = s.facts.counts();
        ImGui::Text(P_("%d note on the wall", "%d notes on the wall", c.onWall), c.onWall);
        ImGui::Text(_("%d in the tray, %d archived"), c.inTray, c.archived);
        ImGui::Text(P_("%d link: %d supports, %d conflicts", "%d links: %d supports, %d conflicts", c.links), c.links, c.supports, c.conflicts);
        ImGui::Text(_("%d corroborated, %d contested"), c.corroborated, c.contested);
        ImGui::Text(_("%d quantitative, %d qualitative"), c.quantitative, c.qualitative);
        return;
    }
    if (sel.size() > 1) {
        ImGui::Text(_("%zu notes selected"), sel.size());
        disabledWrapped("%s", _("Drag to move them together; Delete removes them; Ctrl+D duplicates."));
        if (sel.size() == 2 && ImGui::Button(L_("Link the two…  (L)", "link-two"))) wall.tool().requestLinkForSelection();
        return;
    }
    const Note* n = s.doc->note(sel[0]);
    if (!n) return;
    if (m_id != n->id) load(*n);
    else follow(*n);
    // The fields' identities include the note: a field still active for the note before never
    // shows (or writes back) that note's text in this one.
    ImGui::PushID(n->id.c_str());
    const SourceKinds& kinds = s.doc->sourceKinds();
    const auto label = [scale](const char* text) { fieldLabel(text, scale); };

    ImGui::TextUnformatted(_("Text"));
    m_textField.draw("##text", m_text, {-1, 110 * scale});
    m_textActive = ImGui::IsItemActive();
    fonts.addText(m_text);
    if (ImGui::IsItemDeactivatedAfterEdit()) commitText(s);

    label(_("Source"));
    const SourceKind* kind = kinds.find(n->source);
    std::string preview = kind ? kind->english + "  " + kind->chinese : n->source;
    if (ImGui::BeginCombo("##source", preview.c_str())) {
        for (const auto& k : kinds.all()) {
            const bool chosen = k.key == n->source;
            if (ImGui::Selectable((k.english + "  " + k.chinese + "##" + k.key).c_str(), chosen) && !chosen) {
                Note a = *n;
                setSourceKind(a, k);
                commit(s, a);
            }
        }
        ImGui::EndCombo();
    }

    label(_("Data"));
    int data = n->data == DataKind::Quantitative ? 0 : 1;
    bool dataChanged = ImGui::RadioButton(L_("quantitative", "quantitative"), &data, 0);
    ImGui::SameLine();
    dataChanged |= ImGui::RadioButton(L_("qualitative", "qualitative"), &data, 1);
    if (dataChanged) {
        Note a = *n;
        a.data = data == 0 ? DataKind::Quantitative : DataKind::Qualitative;
        commit(s, a);
    }
    label(_("Contact"));
    bool initiated = n->customerInitiated;
    if (ImGui::Checkbox(L_("the customer started it", "initiated"), &initiated)) {
        Note a = *n;
        a.customerInitiated = initiated;
        commit(s, a);
    }

    label(_("Gathered"));
    const bool dateOk = m_date.empty() || isValidDate(m_date);
    if (!dateOk) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(240, 180, 180, 255));
    ImGui::InputTextWithHint("##date", "YYYY-MM-DD", &m_date);
    m_dateActive = ImGui::IsItemActive();
    if (!dateOk) ImGui::PopStyleColor();
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        if (dateOk) {
            Note a = *s.doc->note(m_id);
            a.dateGathered = m_dateBase = m_date;
            commit(s, a);
        } else {
            m_error = i18n::fill(_("'{1}' is not a date (YYYY-MM-DD)"), {m_date});
        }
    }

    label(_("Tags"));
    ImGui::InputTextWithHint("##tags", _("comma, separated"), &m_tags);
    m_tagsActive = ImGui::IsItemActive();
    fonts.addText(m_tags);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        Note a = *s.doc->note(m_id);
        a.tags = splitTags(fromField(m_tags));
        m_tagsBase = m_tags;
        commit(s, a);
    }
    label(_("Segment"));
    ImGui::InputText("##segment", &m_segment);
    m_segmentActive = ImGui::IsItemActive();
    fonts.addText(m_segment);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        Note a = *s.doc->note(m_id);
        a.segment = fromField(m_segment);
        m_segmentBase = m_segment;
        commit(s, a);
    }

    label(_("Votes"));
    int votes = n->votes;
    if (ImGui::InputInt("##votes", &votes) && votes >= 0 && votes <= limits::kMaxVotes) {
        Note a = *n;
        a.votes = votes;
        commit(s, a);
    }

    label(_("State"));
    const char* states[] = {_("tray"), _("pinned"), _("archived")};
    int state = static_cast<int>(n->state);
    if (ImGui::Combo("##state", &state, states, 3) && state != static_cast<int>(n->state)) {
        Note a = *n;
        a.state = static_cast<NoteState>(state);
        commit(s, a);
    }

    label(_("Colour"));
    ImVec4 col = toVec(noteColour(*n, kinds));
    if (ImGui::ColorEdit3("##colour", &col.x, ImGuiColorEditFlags_NoInputs)) {
        Note a = *n;
        a.colour = (static_cast<std::uint32_t>(col.x * 255 + 0.5f) << 16) | (static_cast<std::uint32_t>(col.y * 255 + 0.5f) << 8) |
                   static_cast<std::uint32_t>(col.z * 255 + 0.5f);
        if (a.colour == 0) a.colour = 1;  // 0 means "the source kind's colour"
        commit(s, a);
    }
    if (n->colour != 0) {
        ImGui::SameLine();
        if (ImGui::SmallButton(L_("source colour", "source-colour"))) {
            Note a = *n;
            a.colour = 0;
            commit(s, a);
        }
    }
    ImGui::PopID();

    if (!m_error.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", m_error.c_str());
    ImGui::Separator();
    disabledWrapped(_("Quadrant %d · by %s"), n->quadrant, n->author.c_str());
    if (onHistory) {
        ImGui::SameLine();
        if (ImGui::SmallButton(L_("History…", "history"))) onHistory(n->id);
    }
    disabledWrapped(_("Created %s · changed %s"), formatTime(n->created).c_str(), formatTime(n->updated).c_str());
    if (s.facts.corroborated(n->id)) ImGui::TextColored({0.13f, 0.55f, 0.25f, 1}, "%s", _("Corroborated: supported from two or more source kinds"));
    if (s.facts.contested(n->id)) ImGui::TextColored({0.82f, 0.18f, 0.18f, 1}, "%s", _("Contested: an open question for the next research round"));

    if (!n->provenance.file.empty() || !n->provenance.excerpt.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted(_("Provenance"));
        ImGui::TextWrapped("%s  %s", n->provenance.file.c_str(), n->provenance.location.c_str());
        if (!n->provenance.excerpt.empty()) {
            fonts.addText(n->provenance.excerpt);
            disabledWrapped("%s", n->provenance.excerpt.substr(0, 2000).c_str());
        }
    }

    ImGui::Separator();
    const auto& links = s.doc->linksOf(n->id);
    ImGui::Text(_("Links (%zu)"), links.size());
    std::string jump, remove;
    for (const auto& linkId : links) {
        const Link* l = s.doc->link(linkId);
        if (!l) continue;
        const std::string otherId = l->from == n->id ? l->to : l->from;
        const Note* other = s.doc->note(otherId);
        ImGui::PushID(linkId.c_str());
        const ImVec4 kc = l->kind == LinkKind::Supports   ? ImVec4{0.13f, 0.55f, 0.25f, 1}
                          : l->kind == LinkKind::Conflicts ? ImVec4{0.82f, 0.18f, 0.18f, 1}
                                                           : ImVec4{0.5f, 0.5f, 0.52f, 1};
        ImGui::TextColored(kc, "%s %s", l->from == n->id ? "→" : "←", _(std::string(toString(l->kind)).c_str()));
        ImGui::SameLine();
        if (ImGui::SmallButton(L_("go", "go"))) jump = otherId;
        ImGui::SameLine();
        if (ImGui::SmallButton(L_("remove", "remove"))) remove = linkId;
        ImGui::SameLine();
        ImGui::TextWrapped("%s%s%s", other ? noteTitle(*other).c_str() : otherId.c_str(), l->label.empty() ? "" : "  · ",
                           l->label.c_str());
        ImGui::PopID();
    }
    if (!remove.empty()) {
        attempt([&] { s.editor->deleteLinks({remove}); });
    }
    if (!jump.empty()) wall.focusNote(jump);

    // The insights this note is evidence for: choosing one shows its frame and its inspector.
    const auto citing = s.doc->insightsCiting(n->id);
    if (!citing.empty()) {
        ImGui::Separator();
        ImGui::Text(_("Evidence for (%zu)"), citing.size());
        for (const Insight* in : citing) {
            ImGui::PushID(in->id.c_str());
            if (ImGui::SmallButton(L_("show", "show-insight"))) chooseInsight(*s.doc, s.selection, in->id);
            ImGui::SameLine();
            ImGui::TextWrapped("%s", in->title.c_str());
            ImGui::PopID();
        }
    }

    if (n->state == NoteState::Archived) return;
    // Its near-duplicates anywhere on the board (the tray lists those it holds): merged into the
    // older of the two, one undo step.
    std::optional<std::pair<std::string, std::string>> merge;
    bool header = false;
    for (const auto& [older, copy] : s.similarity.allDuplicates(*s.doc)) {
        if (older != n->id && copy != n->id) continue;
        const Note* other = s.doc->note(older == n->id ? copy : older);
        if (!other) continue;
        if (!std::exchange(header, true)) {
            ImGui::Separator();
            ImGui::TextUnformatted(_("Near-duplicates"));
        }
        ImGui::PushID(other->id.c_str());
        if (ImGui::SmallButton(L_("Merge", "merge-duplicate"))) merge = std::make_pair(older, copy);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Keeps the older note, with the other's tags, votes, links and insights"));
        ImGui::SameLine();
        const std::string title = noteTitle(*other);
        fonts.addText(title);
        const std::string where = other->state == NoteState::Tray ? std::string("  ") + _("(tray)") : std::string();
        ImGui::TextWrapped("%s%s", title.c_str(), where.c_str());
        ImGui::PopID();
    }
    if (merge) {
        attempt([&] { mergeNotes(*s.editor, merge->first, merge->second); });
        if (s.doc->note(merge->first)) s.selection.set({merge->first});
        return;
    }
    // The notes most like this one, in the tray and on the wall (the board's cached index).
    const auto similar = s.similarity.similar(*s.doc, n->id, kSimilarShown);
    if (similar.empty()) return;
    ImGui::Separator();
    ImGui::TextUnformatted(_("Similar notes"));
    std::string go;
    for (const auto& [otherId, score] : similar) {
        const Note* other = s.doc->note(otherId);
        if (!other) continue;
        ImGui::PushID(otherId.c_str());
        ImGui::TextDisabled("%3d%%", static_cast<int>(score * 100 + 0.5));
        ImGui::SameLine();
        if (other->state == NoteState::Pinned) {
            if (ImGui::SmallButton(L_("go", "go-similar"))) go = otherId;
            ImGui::SameLine();
        } else {
            ImGui::TextDisabled("%s", _("(tray)"));
            ImGui::SameLine();
        }
        const std::string title = noteTitle(*other);
        fonts.addText(title);
        ImGui::TextWrapped("%s", title.c_str());
        ImGui::PopID();
    }
    if (!go.empty()) wall.focusNote(go);
}

void FiltersPanel::draw(BoardSession& s, Fonts& fonts, float scale) {
    NoteFilter& f = s.filter;
    ImGui::TextUnformatted(_("Search"));
    ImGui::SetNextItemWidth(-1);
    if (m_focusSearch) {
        ImGui::SetKeyboardFocusHere();
        m_focusSearch = false;
    }
    ImGui::InputTextWithHint("##search", _("text, tag, segment…  (Ctrl+F)"), &f.text);
    fonts.addText(f.text);

    if (f.active()) {
        const auto [matching, total] = this->matching(s);
        ImGui::TextColored({0.15f, 0.39f, 0.92f, 1}, _("%d of %d notes match; the rest are dimmed"), matching, total);
        if (ImGui::Button(L_("Clear filters", "clear-filters"))) f = NoteFilter{};
    }

    if (ImGui::CollapsingHeader(L_("Source kinds", "source-kinds"), ImGuiTreeNodeFlags_DefaultOpen)) {
        for (const auto& k : s.doc->sourceKinds().all()) {
            auto it = s.facts.counts().bySource.find(k.key);
            const int count = it == s.facts.counts().bySource.end() ? 0 : it->second;
            if (count == 0 && !f.sources.count(k.key)) continue;
            bool on = f.sources.count(k.key) > 0;
            swatch(k.colour, ImGui::GetTextLineHeight());
            ImGui::SameLine();
            if (ImGui::Checkbox((k.english + "  " + k.chinese + "  (" + std::to_string(count) + ")##" + k.key).c_str(), &on)) {
                if (on) f.sources.insert(k.key);
                else f.sources.erase(k.key);
            }
        }
    }
    auto checklist = [&](const char* title, const std::vector<std::string>& items, std::set<std::string>& chosen) {
        if (!ImGui::CollapsingHeader(L_(title, title))) return;
        for (const auto& item : items) {
            bool on = chosen.count(item) > 0;
            if (ImGui::Checkbox(item.c_str(), &on)) {
                if (on) chosen.insert(item);
                else chosen.erase(item);
            }
        }
    };
    checklist(N_("Tags"), s.facts.tags(), f.tags);
    checklist(N_("Authors"), s.facts.authors(), f.authors);
    if (ImGui::CollapsingHeader(L_("Date gathered", "date-gathered"))) {
        const float w = 120 * scale;
        ImGui::SetNextItemWidth(w);
        ImGui::InputTextWithHint(L_("from", "from"), "YYYY-MM-DD", &f.dateFrom);
        ImGui::SetNextItemWidth(w);
        ImGui::InputTextWithHint(L_("to", "to"), "YYYY-MM-DD", &f.dateTo);
        for (const std::string* d : {&f.dateFrom, &f.dateTo})
            if (!d->empty() && !isValidDate(*d)) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, _("'%s' is not a date"), d->c_str());
    }
}

std::pair<int, int> FiltersPanel::matching(BoardSession& s) {
    if (m_countedRevision != s.doc->revision() || !(m_countedFilter == s.filter)) {
        m_countedRevision = s.doc->revision();
        m_countedFilter = s.filter;
        m_counts = {0, 0};
        for (const auto& [id, n] : s.doc->notes())
            if (n.state == NoteState::Pinned) {
                ++m_counts.second;
                m_counts.first += s.filter.matches(n) ? 1 : 0;
            }
    }
    return m_counts;
}

void drawLegend(BoardSession& s, const Palette& palette, bool chinese, float scale) {
    const auto& bySource = s.facts.counts().bySource;
    for (const auto& k : s.doc->sourceKinds().all()) {
        auto it = bySource.find(k.key);
        if (it == bySource.end()) continue;
        swatch(k.colour, ImGui::GetTextLineHeight());
        ImGui::SameLine();
        ImGui::Text("%s  %d", (chinese ? k.chinese + "  " + k.english : k.english + "  " + k.chinese).c_str(), it->second);
    }
    if (bySource.empty()) disabledWrapped("%s", _("No notes on the wall yet."));
    ImGui::Separator();
    auto line = [&](ImU32 col, bool dashed, const char* text) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float y = p.y + ImGui::GetTextLineHeight() / 2, w = 28 * scale;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (dashed)
            for (float x = 0; x < w; x += 8) dl->AddLine({p.x + x, y}, {p.x + std::min(x + 4, w), y}, col, 2.5f);
        else dl->AddLine({p.x, y}, {p.x + w, y}, col, 2.5f);
        ImGui::Dummy({w, ImGui::GetTextLineHeight()});
        ImGui::SameLine();
        ImGui::TextUnformatted(text);
    };
    line(palette.supports, false, _("supports"));
    line(palette.conflicts, true, _("conflicts"));
    line(palette.relates, false, _("relates"));
    ImGui::TextColored({0.13f, 0.55f, 0.25f, 1}, "●");
    ImGui::SameLine();
    ImGui::TextUnformatted(_("corroborated: support from 2+ source kinds"));
    ImGui::TextColored({0.82f, 0.18f, 0.18f, 1}, "●");
    ImGui::SameLine();
    ImGui::TextUnformatted(_("contested: has a conflicts link"));
}

}  // namespace cc::gui

namespace cc::gui {

namespace {

constexpr float kMinPanel = 160, kMaxPanel = 900;

float settingWidth(const Settings& settings, const char* key, float fallback) {
    try {
        if (auto v = settings.get(key)) return std::clamp(std::stof(*v), kMinPanel, kMaxPanel);
    } catch (const std::exception&) {
    }
    return fallback;
}

}  // namespace

PanelLayout PanelLayout::fromSettings(const Settings& settings) {
    PanelLayout l;
    l.leftWidth = settingWidth(settings, "left_panel_width", l.leftWidth);
    l.inspectorWidth = settingWidth(settings, "inspector_width", l.inspectorWidth);
    l.leftFolded = settings.get("left_panel_folded").value_or("no") == "yes";
    l.inspectorFolded = settings.get("inspector_folded").value_or("no") == "yes";
    return l;
}

void PanelLayout::toSettings(Settings& settings) const {
    settings.set("left_panel_width", std::to_string(static_cast<int>(leftWidth)));
    settings.set("inspector_width", std::to_string(static_cast<int>(inspectorWidth)));
    settings.set("left_panel_folded", leftFolded ? "yes" : "no");
    settings.set("inspector_folded", inspectorFolded ? "yes" : "no");
}

float PanelLayout::shownWidth(float width, float total, int open, float scale) {
    // On a small window (1024x700, 800x600) the panels give way before the wall does.
    const float most = std::max(kMinPanel * scale * 0.75f, total * 0.6f / std::max(open, 1));
    return std::min(std::clamp(width, kMinPanel, kMaxPanel) * scale, most);
}

bool panelEdge(const char* id, float& width, bool& folded, float shown, bool leftOfWall, float height, float scale) {
    ImGui::PushID(id);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    ImGui::BeginGroup();
    const float w = PanelLayout::edgeWidth(scale), buttonH = std::min(32 * scale, height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(at, {at.x + w, at.y + height}, ImGui::GetColorU32(ImGuiCol_FrameBg));
    bool changed = false;
    if (ImGui::InvisibleButton("fold", {w, std::max(buttonH, 1.0f)})) {
        folded = !folded;
        changed = true;
    }
    const bool overButton = ImGui::IsItemHovered();
    if (overButton) {
        dl->AddRectFilled(at, {at.x + w, at.y + buttonH}, ImGui::GetColorU32(ImGuiCol_ButtonHovered));
        ImGui::SetTooltip("%s", folded ? _("Show the panel") : _("Fold the panel away"));
    }
    // The arrow points where the panel goes: towards the window's edge to fold, back to unfold.
    const bool pointLeft = leftOfWall != folded;
    const float cx = at.x + w / 2, cy = at.y + buttonH / 2, r = 4 * scale;
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    if (pointLeft) dl->AddTriangleFilled({cx - r, cy}, {cx + r * 0.7f, cy - r}, {cx + r * 0.7f, cy + r}, ink);
    else dl->AddTriangleFilled({cx + r, cy}, {cx - r * 0.7f, cy - r}, {cx - r * 0.7f, cy + r}, ink);
    if (!folded && height > buttonH) {
        const ImVec2 g = ImGui::GetCursorScreenPos();
        ImGui::InvisibleButton("grip", {w, height - buttonH});
        const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
        if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        if (active) {
            const float dx = ImGui::GetIO().MouseDelta.x / scale;
            // From the width on the screen: a panel narrowed by a small window follows the pointer at once.
            width = std::clamp(std::min(width, shown / scale) + (leftOfWall ? dx : -dx), kMinPanel, kMaxPanel);
        }
        dl->AddRectFilled({g.x + w / 2 - 1 * scale, g.y}, {g.x + w / 2 + 1 * scale, g.y + height - buttonH},
                          ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive : hovered ? ImGuiCol_SeparatorHovered : ImGuiCol_Separator));
        changed = changed || ImGui::IsItemDeactivated();
    } else if (height > buttonH) {
        ImGui::Dummy({w, height - buttonH});
    }
    ImGui::EndGroup();
    ImGui::PopStyleVar();
    ImGui::PopID();
    return changed;
}

}  // namespace cc::gui
