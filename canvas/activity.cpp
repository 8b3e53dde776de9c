#include "canvas/activity.h"

#include <algorithm>
#include <set>

#include "canvas/wording.h"

namespace cc {

namespace {

constexpr std::size_t kMaxIds = 20;
constexpr std::size_t kMaxWatched = 2000;

/// Cuts UTF-8 text after about `chars` characters, never inside one.
std::string cut(const std::string& s, std::size_t chars) {
    std::size_t count = 0, i = 0;
    while (i < s.size()) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (count == chars) return s.substr(0, i) + "…";
            ++count;
        }
        ++i;
    }
    return s;
}

std::string quoted(const Note& n) { return "“" + shortTitle(n) + "”"; }

std::string quadrantName(const Document& doc, int q, const Wording& w) {
    if (q >= 1 && q <= 4) {
        const std::string& t = doc.board().quadrants[static_cast<std::size_t>(q - 1)].title;
        if (!t.empty()) return t;
    }
    return fillTemplate(w.word("quadrant {1}"), {std::to_string(q)});
}

/// "3 notes": a count and its noun, in the wording's language.
std::string counted(const Wording& w, std::size_t n, const char* one, const char* many) {
    return fillTemplate(w.words(one, many, n), {std::to_string(n)});
}

enum class Verb { Text, Refiled, Moved, Pinned, ToTray, Archived, Voted, Tagged, Resized, Edited };

Verb verbOf(const Note& b, const Note& a) {
    if (b.text != a.text) return Verb::Text;
    if (b.state != a.state) {
        if (a.state == NoteState::Pinned) return Verb::Pinned;
        return a.state == NoteState::Archived ? Verb::Archived : Verb::ToTray;
    }
    if (a.state == NoteState::Pinned && b.quadrant != a.quadrant) return Verb::Refiled;
    if (b.x != a.x || b.y != a.y) return Verb::Moved;
    if (b.votes != a.votes) return Verb::Voted;
    if (b.tags != a.tags) return Verb::Tagged;
    if (b.w != a.w || b.h != a.h) return Verb::Resized;
    return Verb::Edited;
}

/// What was done to {1} (a quoted note or a count of notes); `toQuadrant`: and {2}, the quadrant it went to.
const char* verbTemplate(Verb v, bool toQuadrant) {
    switch (v) {
        case Verb::Text: return CC_TEMPLATE("changed the text of {1}");
        case Verb::Refiled: return toQuadrant ? CC_TEMPLATE("moved {1} to {2}") : CC_TEMPLATE("moved {1}");
        case Verb::Moved: return CC_TEMPLATE("moved {1}");
        case Verb::Pinned: return toQuadrant ? CC_TEMPLATE("pinned {1} to {2}") : CC_TEMPLATE("pinned {1}");
        case Verb::ToTray: return CC_TEMPLATE("put back in the tray {1}");
        case Verb::Archived: return CC_TEMPLATE("archived {1}");
        case Verb::Voted: return CC_TEMPLATE("voted on {1}");
        case Verb::Tagged: return CC_TEMPLATE("tagged {1}");
        case Verb::Resized: return CC_TEMPLATE("resized {1}");
        case Verb::Edited: return CC_TEMPLATE("edited {1}");
    }
    return CC_TEMPLATE("edited {1}");
}

/// CC_TEMPLATE("linked {1} supports {2}") and the like: the kind's word sits between the notes in English only.
const char* linkedTemplate(LinkKind k, bool removed) {
    switch (k) {
        case LinkKind::Supports: return removed ? CC_TEMPLATE("removed the link {1} supports {2}") : CC_TEMPLATE("linked {1} supports {2}");
        case LinkKind::Conflicts: return removed ? CC_TEMPLATE("removed the link {1} conflicts {2}") : CC_TEMPLATE("linked {1} conflicts {2}");
        case LinkKind::Relates: break;
    }
    return removed ? CC_TEMPLATE("removed the link {1} relates {2}") : CC_TEMPLATE("linked {1} relates {2}");
}

std::string linkEnd(const Document& doc, const ChangeSet& cs, const std::string& id,
                    const std::map<std::string, std::string>* titles, const Wording& w) {
    for (const auto& n : cs.notes.added)
        if (n.id == id) return quoted(n);
    if (const Note* n = doc.note(id)) return quoted(*n);
    for (const auto& n : cs.notes.removed)
        if (n.id == id) return quoted(n);
    if (titles)
        if (auto it = titles->find(id); it != titles->end()) return "“" + it->second + "”";
    return w.word("a note");
}

std::string quotedInsight(const Insight& i) { return "“" + cut(i.title, 40) + "”"; }

/// What a change did to insights, one phrase each (a note deleted with the change leaves the
/// evidence of its insights without a phrase of its own: "deleted" says it).
void describeInsights(const ChangeSet& cs, const std::set<std::string>& removedNotes, const std::set<std::string>& addedNotes,
                      const Wording& w, std::vector<std::string>& parts) {
    const auto fill = [&w](const char* templ, std::initializer_list<std::string_view> args) {
        return fillTemplate(w.word(templ), args);
    };
    const auto notes = [&](std::size_t n) { return counted(w, n, "{1} note", "{1} notes"); };
    for (const auto& i : cs.insights.added)
        parts.push_back(i.notes.empty() ? fill("added insight {1}", {quotedInsight(i)})
                                        : fill("grouped {1} as insight {2}", {notes(i.notes.size()), quotedInsight(i)}));
    for (const auto& [b, a] : cs.insights.updated) {
        const std::string name = quotedInsight(a);
        std::size_t gained = 0, lost = 0;
        for (const auto& n : a.notes)
            if (std::find(b.notes.begin(), b.notes.end(), n) == b.notes.end()) ++gained;
        for (const auto& n : b.notes)
            if (std::find(a.notes.begin(), a.notes.end(), n) == a.notes.end() && !(removedNotes.count(n) && !addedNotes.count(n)))
                ++lost;
        if (gained) parts.push_back(fill("added {1} to insight {2}", {notes(gained), name}));
        if (lost) parts.push_back(fill("took {1} out of insight {2}", {notes(lost), name}));
        if (b.state != a.state) {
            if (a.state == InsightState::Agreed) parts.push_back(fill("agreed on insight {1}", {name}));
            else if (a.state == InsightState::Retired) parts.push_back(fill("retired insight {1}", {name}));
            else parts.push_back(fill("made insight {1} a draft again", {name}));
        }
        const bool otherwise = b.title != a.title || b.statement != a.statement || b.quadrant != a.quadrant || b.votes != a.votes;
        if (otherwise) parts.push_back(fill("edited insight {1}", {name}));
    }
    for (const auto& i : cs.insights.removed) parts.push_back(fill("deleted insight {1} (its notes stay)", {quotedInsight(i)}));
}

}  // namespace

std::string shortTitle(const Note& n, std::size_t chars) {
    std::string t = noteTitle(n);
    if (t.empty()) return "(empty note)";
    return cut(t, chars);
}

ActivityLine describeChange(const LoggedChange& change, const Document& doc,
                            const std::map<std::string, std::string>* titles, const Wording& w) {
    const auto fill = [&w](const char* templ, std::initializer_list<std::string_view> args) {
        return fillTemplate(w.word(templ), args);
    };
    const ChangeSet& cs = change.cs;
    ActivityLine line;
    line.seq = change.seq;
    line.author = cs.author.empty() ? w.word("someone") : cs.author;
    line.time = cs.time;
    line.source = cs.source;
    std::vector<std::string> parts;
    auto touched = [&](const std::string& id) {
        if (line.notes.size() < kMaxIds && std::find(line.notes.begin(), line.notes.end(), id) == line.notes.end())
            line.notes.push_back(id);
    };

    if (cs.board) {
        const auto& [b, a] = *cs.board;
        if (b.id.empty()) parts.push_back(fill("created the board “{1}”", {cut(a.title, 60)}));
        else if (b.title != a.title) parts.push_back(fill("renamed the board to “{1}”", {cut(a.title, 60)}));
        for (std::size_t q = 0; q < 4 && !b.id.empty(); ++q)
            if (!(b.quadrants[q] == a.quadrants[q]))
                parts.push_back(fill("renamed quadrant {1} to “{2}”", {std::to_string(q + 1), cut(a.quadrants[q].title, 40)}));
        if (!b.id.empty() && b.title == a.title && b.quadrants == a.quadrants) parts.push_back(w.word("changed the board"));
    }

    // A note removed and added again in one change is a replace: it reads as an edit.
    std::set<std::string> removedIds, addedIds;
    for (const auto& n : cs.notes.removed) removedIds.insert(n.id);
    for (const auto& n : cs.notes.added) addedIds.insert(n.id);
    std::vector<const Note*> added, removed;
    for (const auto& n : cs.notes.added)
        if (!removedIds.count(n.id)) added.push_back(&n);
    for (const auto& n : cs.notes.removed)
        if (!addedIds.count(n.id)) removed.push_back(&n);

    if (!added.empty()) {
        for (const Note* n : added) touched(n->id);
        if (cs.source == ChangeSource::Import) {
            std::size_t tray = 0;
            for (const Note* n : added) tray += n->state == NoteState::Tray;
            parts.push_back(fillTemplate(tray == added.size() ? w.words("imported {1} candidate into the tray",
                                                                         "imported {1} candidates into the tray", added.size())
                                                               : w.words("imported {1} candidate", "imported {1} candidates", added.size()),
                                         {std::to_string(added.size())}));
        } else if (added.size() == 1) {
            const Note& n = *added.front();
            if (n.state == NoteState::Pinned) parts.push_back(fill("added {1} to {2}", {quoted(n), quadrantName(doc, n.quadrant, w)}));
            else if (n.state == NoteState::Tray) parts.push_back(fill("added {1} to the tray", {quoted(n)}));
            else parts.push_back(fill("added {1}", {quoted(n)}));
        } else {
            parts.push_back(fill("added {1}", {counted(w, added.size(), "{1} note", "{1} notes")}));
        }
    }

    // Updates, grouped by what happened to them.
    std::map<Verb, std::vector<std::pair<const Note*, const Note*>>> byVerb;
    for (const auto& [b, a] : cs.notes.updated) byVerb[verbOf(b, a)].emplace_back(&b, &a);
    for (const auto& n : cs.notes.added)
        if (removedIds.count(n.id)) byVerb[Verb::Edited].emplace_back(&n, &n);
    for (const auto& [verb, list] : byVerb) {
        for (const auto& [b, a] : list) touched(a->id);
        if (list.size() == 1) {
            const Note& a = *list.front().second;
            std::string p = fill(verbTemplate(verb, true), {quoted(a), quadrantName(doc, a.quadrant, w)});
            if (verb == Verb::Voted) p += fill(" ({1})", {counted(w, static_cast<std::size_t>(a.votes), "{1} vote", "{1} votes")});
            parts.push_back(std::move(p));
        } else {
            bool sameQuadrant = verb == Verb::Refiled || verb == Verb::Pinned;
            for (const auto& [b, a] : list) sameQuadrant = sameQuadrant && a->quadrant == list.front().second->quadrant;
            parts.push_back(fill(verbTemplate(verb, sameQuadrant), {counted(w, list.size(), "{1} note", "{1} notes"),
                                                                    quadrantName(doc, list.front().second->quadrant, w)}));
        }
    }

    std::set<std::string> goneWithNotes;
    if (!removed.empty()) {
        std::set<std::string> ids;
        for (const Note* n : removed) {
            ids.insert(n->id);
            if (line.deleted.size() < kMaxIds) line.deleted.push_back(n->id);
        }
        for (const auto& l : cs.links.removed)
            if (ids.count(l.from) || ids.count(l.to)) goneWithNotes.insert(l.id);
        const std::string what = removed.size() == 1 ? quoted(*removed.front()) : counted(w, removed.size(), "{1} note", "{1} notes");
        std::string p = goneWithNotes.empty() ? fill("deleted {1}", {what})
                        : fill(removed.size() == 1 ? CC_TEMPLATE("deleted {1} and its {2}") : CC_TEMPLATE("deleted {1} and their {2}"),
                               {what, counted(w, goneWithNotes.size(), "{1} link", "{1} links")});
        parts.push_back(std::move(p));
    }

    if (cs.links.added.size() == 1) {
        const Link& l = cs.links.added.front();
        parts.push_back(fill(linkedTemplate(l.kind, false), {linkEnd(doc, cs, l.from, titles, w), linkEnd(doc, cs, l.to, titles, w)}));
        touched(l.from);
        touched(l.to);
    } else if (!cs.links.added.empty()) {
        parts.push_back(fill("added {1}", {counted(w, cs.links.added.size(), "{1} link", "{1} links")}));
    }
    if (!cs.links.updated.empty()) parts.push_back(fill("changed {1}", {counted(w, cs.links.updated.size(), "{1} link", "{1} links")}));
    const std::size_t linksRemoved = cs.links.removed.size() - goneWithNotes.size();
    if (linksRemoved == 1) {
        for (const auto& l : cs.links.removed)
            if (!goneWithNotes.count(l.id))
                parts.push_back(fill(linkedTemplate(l.kind, true), {linkEnd(doc, cs, l.from, titles, w), linkEnd(doc, cs, l.to, titles, w)}));
    } else if (linksRemoved > 1) {
        parts.push_back(fill("removed {1}", {counted(w, linksRemoved, "{1} link", "{1} links")}));
    }

    describeInsights(cs, removedIds, addedIds, w, parts);

    const std::string separator = w.word("; ");
    for (const auto& p : parts) line.text += (line.text.empty() ? "" : separator) + p;
    if (line.text.empty()) line.text = w.word("changed nothing visible");
    if (cs.source == ChangeSource::History) line.text = fill("undo/redo: {1}", {line.text});
    if (!cs.overwrote.empty()) line.text = fill("{1} (replacing text someone else changed meanwhile)", {line.text});
    return line;
}

std::vector<NoteVersion> noteHistory(const std::vector<LoggedChange>& log, const std::string& id) {
    std::vector<NoteVersion> out;
    bool exists = false, everDeleted = false;
    for (const auto& e : log) {
        const ChangeSet& cs = e.cs;
        NoteVersion v;
        v.seq = e.seq;
        v.author = cs.author;
        v.time = cs.time;
        v.overwrote = std::find(cs.overwrote.begin(), cs.overwrote.end(), id) != cs.overwrote.end();
        const Note* removed = nullptr;
        const Note* added = nullptr;
        for (const auto& n : cs.notes.removed)
            if (n.id == id) removed = &n;
        for (const auto& n : cs.notes.added)
            if (n.id == id) added = &n;
        if (added) {
            v.note = *added;
            if (removed) v.kind = removed->text != added->text ? NoteVersion::Kind::Text : NoteVersion::Kind::Edited;
            else v.kind = everDeleted ? NoteVersion::Kind::BroughtBack : NoteVersion::Kind::Created;
            exists = true;
            out.push_back(std::move(v));
            continue;
        }
        if (removed) {
            v.kind = NoteVersion::Kind::Deleted;
            v.note = *removed;
            exists = false;
            everDeleted = true;
            out.push_back(std::move(v));
            continue;
        }
        for (const auto& [b, a] : cs.notes.updated) {
            if (a.id != id) continue;
            const Verb verb = verbOf(b, a);
            v.kind = verb == Verb::Text ? NoteVersion::Kind::Text
                     : (verb == Verb::Moved || verb == Verb::Refiled) ? NoteVersion::Kind::Moved
                                                                      : NoteVersion::Kind::Edited;
            v.note = a;
            exists = true;
            out.push_back(std::move(v));
            break;
        }
    }
    (void)exists;
    return out;
}

DeletedWith deletedWith(const ChangeSet& deletion, const std::string& noteId) {
    DeletedWith out;
    for (const auto& l : deletion.links.removed)
        if (l.from == noteId || l.to == noteId) out.links.push_back(l);
    const auto cites = [&](const Insight& i) { return std::find(i.notes.begin(), i.notes.end(), noteId) != i.notes.end(); };
    for (const auto& [before, after] : deletion.insights.updated)
        if (cites(before) && !cites(after)) out.insights.push_back(after.id);
    return out;
}

std::optional<ChangeSet> bringBack(const Document& doc, const Note& deleted, const DeletedWith& with,
                                   const std::optional<std::string>& text) {
    if (doc.note(deleted.id)) return std::nullopt;
    ChangeSet cs;
    Note n = deleted;
    if (text) n.text = *text;
    cs.notes.added.push_back(n);
    for (const auto& l : with.links) {
        if (l.from != deleted.id && l.to != deleted.id) continue;
        const std::string& other = l.from == deleted.id ? l.to : l.from;
        if (doc.note(other) && !doc.link(l.id)) cs.links.added.push_back(l);
    }
    for (const auto& id : with.insights) {
        const Insight* i = doc.insight(id);
        if (!i || std::find(i->notes.begin(), i->notes.end(), deleted.id) != i->notes.end()) continue;
        Insight after = *i;
        after.notes.push_back(deleted.id);
        after.updated = std::max(nowMillis(), i->updated);
        cs.insights.updated.emplace_back(*i, std::move(after));
    }
    return cs;
}

void TextWatch::own(const ChangeSet& cs, std::int64_t seq) {
    auto remember = [&](const Note& n) {
        auto [it, fresh] = m_mine.insert_or_assign(n.id, Mine{n.text, seq});
        if (fresh) m_order.push_back(n.id);
    };
    for (const auto& [b, a] : cs.notes.updated)
        if (b.text != a.text) remember(a);
    for (const auto& n : cs.notes.removed) m_mine.erase(n.id);
    for (const auto& n : cs.notes.added) {
        // A replace within one change (remove + add) that changes the text counts as writing it.
        for (const auto& r : cs.notes.removed)
            if (r.id == n.id && r.text != n.text) remember(n);
    }
    if (m_order.size() > 2 * kMaxWatched) {
        std::vector<std::string> keep;
        for (const auto& id : m_order)
            if (m_mine.count(id)) keep.push_back(id);
        m_order = std::move(keep);
    }
    while (m_mine.size() > kMaxWatched && !m_order.empty()) {
        m_mine.erase(m_order.front());
        m_order.erase(m_order.begin());
    }
}

std::vector<TextReplaced> TextWatch::others(const std::vector<LoggedChange>& changes) {
    std::vector<TextReplaced> out;
    for (const auto& e : changes) {
        const ChangeSet& cs = e.cs;
        for (const auto& [b, a] : cs.notes.updated) {
            if (b.text == a.text) continue;
            auto it = m_mine.find(a.id);
            if (it == m_mine.end() || e.seq < it->second.seq) continue;  // written before mine: mine stands
            const std::string mine = it->second.text;
            // Whatever happens now, this text of mine has been superseded: tell at most once.
            m_mine.erase(it);
            if (a.text == mine) continue;
            const bool unseen = b.text != mine;  // they changed a version from before mine
            const bool whileEditing = std::find(cs.overwrote.begin(), cs.overwrote.end(), a.id) != cs.overwrote.end();
            if (unseen || whileEditing)
                out.push_back(TextReplaced{a.id, cs.author.empty() ? "someone" : cs.author, mine, a.text, whileEditing});
        }
        for (const auto& n : cs.notes.removed) m_mine.erase(n.id);
    }
    return out;
}

}  // namespace cc
