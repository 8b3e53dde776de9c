// Every figure of the summary as JSON for other tools (rapidjson, through cereal's include).
#include <cereal/archives/json.hpp>

#include "storage/summary/summary_export.h"
#include "storage/summary/summary_text.h"
#include "storage/text_escape.h"

namespace cc::summary {

namespace {

namespace rj = RAPIDJSON_NAMESPACE;
using Writer = rj::PrettyWriter<rj::StringBuffer>;

// 2: "insights" per quadrant; "strongest" holds only notes that no insight cites; a note has "insights".
constexpr int kJsonVersion = 2;

/// Board text, cleaned (documentText): JSON must be UTF-8, and the readers are documents too.
void text(Writer& w, const std::string& v) {
    const std::string clean = documentText(v);
    w.String(clean.c_str(), static_cast<rj::SizeType>(clean.size()));
}
void str(Writer& w, const std::string& key, const std::string& v) {
    w.Key(key.c_str());
    text(w, v);
}
void num(Writer& w, const std::string& key, int v) {
    w.Key(key.c_str());
    w.Int(v);
}
void flag(Writer& w, const std::string& key, bool v) {
    w.Key(key.c_str());
    w.Bool(v);
}
void strings(Writer& w, const std::string& key, const std::vector<std::string>& v) {
    w.Key(key.c_str());
    w.StartArray();
    for (const auto& x : v) text(w, x);
    w.EndArray();
}
void ints(Writer& w, const std::string& key, const std::vector<int>& v) {
    w.Key(key.c_str());
    w.StartArray();
    for (int x : v) w.Int(x);
    w.EndArray();
}

void figure(Writer& w, const char* key, const Figure& f) {
    w.Key(key);
    w.StartObject();
    num(w, "value", f.value);
    num(w, "previous", f.previous);
    num(w, "change", f.change());
    w.EndObject();
}

void note(Writer& w, const CitedNote& n) {
    w.StartObject();
    str(w, "id", n.id);
    num(w, "quadrant", n.quadrant);
    str(w, "title", n.title);
    str(w, "text", n.text);
    str(w, "source", n.source);
    str(w, "sourceName", n.sourceName);
    str(w, "sourceNameZh", n.sourceNameZh);
    str(w, "date", n.date);
    str(w, "author", n.author);
    str(w, "segment", n.segment);
    num(w, "votes", n.votes);
    flag(w, "customerInitiated", n.customerInitiated);
    flag(w, "corroborated", n.corroborated);
    flag(w, "contested", n.contested);
    flag(w, "newInMonth", n.newInMonth);
    num(w, "supportKinds", n.supportKinds);
    w.Key("score");
    w.Double(n.score);
    strings(w, "insights", n.insights);
    w.Key("provenance");
    w.StartObject();
    str(w, "file", n.provenanceFile);
    str(w, "location", n.provenanceLocation);
    str(w, "excerpt", n.provenanceExcerpt);
    w.EndObject();
    w.EndObject();
}

void notes(Writer& w, const char* key, const std::vector<CitedNote>& v) {
    w.Key(key);
    w.StartArray();
    for (const auto& n : v) note(w, n);
    w.EndArray();
}

void insight(Writer& w, const CitedInsight& i, Lang lang) {
    w.StartObject();
    str(w, "id", i.id);
    str(w, "title", i.title);
    str(w, "statement", i.statement);
    num(w, "quadrant", i.quadrant);
    str(w, "state", i.state);
    str(w, "author", i.author);
    num(w, "votes", i.votes);
    flag(w, "newInMonth", i.newInMonth);
    w.Key("strength");
    w.StartObject();
    str(w, "grade", i.grade);
    num(w, "score", i.score);
    strings(w, "reasons", reasonsFor(i, lang));
    w.EndObject();
    std::vector<std::string> ids;
    for (const auto& n : i.evidence) ids.push_back(n.id);
    strings(w, "notes", ids);
    notes(w, "evidence", i.evidence);
    w.EndObject();
}

void linkChanges(Writer& w, const char* key, const std::vector<MonthChanges::LinkChange>& v) {
    w.Key(key);
    w.StartArray();
    for (const auto& l : v) {
        w.StartObject();
        str(w, "id", l.id);
        str(w, "kind", l.kind);
        str(w, "label", l.label);
        str(w, "fromTitle", l.fromTitle);
        str(w, "toTitle", l.toTitle);
        w.EndObject();
    }
    w.EndArray();
}

}  // namespace

void writeJson(const MonthlySummary& s, const std::string& path, Lang lang) {
    rj::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    num(w, "version", kJsonVersion);
    str(w, "language", lang == Lang::Zh ? "zh" : "en");
    str(w, "board", s.boardTitle);
    str(w, "template", s.boardTemplate);
    str(w, "month", s.month.str());
    str(w, "generated", s.generated);
    flag(w, "empty", s.empty);

    w.Key("quadrants");
    w.StartArray();
    for (const auto& q : s.quadrants) {
        w.StartObject();
        num(w, "index", q.index);
        str(w, "title", q.title);
        str(w, "description", q.description);
        w.EndObject();
    }
    w.EndArray();

    w.Key("headline");
    w.StartObject();
    figure(w, "notesOnWall", s.notesOnWall);
    figure(w, "newNotes", s.newNotes);
    figure(w, "changedNotes", s.changedNotes);
    figure(w, "sourceKindsUsed", s.sourceKindsUsed);
    figure(w, "corroborated", s.corroborated);
    figure(w, "openContradictions", s.openContradictions);
    w.EndObject();

    ints(w, "notesByQuadrant", std::vector<int>(s.notesByQuadrant.begin(), s.notesByQuadrant.end()));

    w.Key("insights");
    w.StartArray();
    for (int q : {1, 2, 3, 4, 0}) {
        w.StartObject();
        num(w, "quadrant", q);
        w.Key("insights");
        w.StartArray();
        for (const auto& i : s.insights[static_cast<std::size_t>(q)]) insight(w, i, lang);
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();

    w.Key("strongest");
    w.StartArray();
    for (std::size_t q = 0; q < 4; ++q) {
        w.StartObject();
        num(w, "quadrant", static_cast<int>(q + 1));
        notes(w, "notes", s.strongest[q]);
        w.EndObject();
    }
    w.EndArray();

    w.Key("questions");
    w.StartArray();
    for (const auto& oq : s.questions) {
        w.StartObject();
        str(w, "linkId", oq.linkId);
        str(w, "label", oq.label);
        w.Key("a");
        note(w, oq.a);
        w.Key("b");
        note(w, oq.b);
        strings(w, "suggestedSources", oq.suggestedSources);
        w.EndObject();
    }
    w.EndArray();

    w.Key("coverage");
    w.StartObject();
    w.Key("bySource");
    w.StartArray();
    for (const auto& [key, count] : s.bySource) {
        w.StartObject();
        str(w, "source", key);
        str(w, "name", sourceName(key, Lang::En));
        str(w, "nameZh", sourceName(key, Lang::Zh));
        num(w, "notes", count);
        w.EndObject();
    }
    w.EndArray();
    num(w, "quantitative", s.quantitative);
    num(w, "qualitative", s.qualitative);
    num(w, "direct", s.direct);
    num(w, "indirect", s.indirect);
    num(w, "internal", s.internal);
    num(w, "eitherChannel", s.eitherChannel);
    strings(w, "unusedThisMonth", s.unusedThisMonth);
    strings(w, "unusedThreeMonths", s.unusedThreeMonths);
    ints(w, "thinQuadrants", s.thinQuadrants);
    ints(w, "oneSidedQuadrants", s.oneSidedQuadrants);
    w.EndObject();

    w.Key("changes");
    w.StartObject();
    notes(w, "added", s.changes.added);
    notes(w, "archived", s.changes.archived);
    notes(w, "deleted", s.changes.deleted);
    w.Key("moved");
    w.StartArray();
    for (const auto& m : s.changes.moved) {
        w.StartObject();
        num(w, "from", m.from);
        num(w, "to", m.to);
        w.Key("note");
        note(w, m.note);
        w.EndObject();
    }
    w.EndArray();
    linkChanges(w, "linksAdded", s.changes.linksAdded);
    linkChanges(w, "linksRemoved", s.changes.linksRemoved);
    w.EndObject();

    notes(w, "appendix", s.appendix);

    w.Key("picture");
    w.StartObject();
    w.Key("wallWidth");
    w.Double(s.wallWidth);
    w.Key("wallHeight");
    w.Double(s.wallHeight);
    w.Key("notes");
    w.StartArray();
    for (const auto& p : s.picture) {
        w.StartObject();
        w.Key("x");
        w.Double(p.x);
        w.Key("y");
        w.Double(p.y);
        w.Key("w");
        w.Double(p.w);
        w.Key("h");
        w.Double(p.h);
        str(w, "colour", hexColour(p.colour));
        str(w, "title", p.title);
        flag(w, "newInMonth", p.newInMonth);
        flag(w, "corroborated", p.corroborated);
        flag(w, "contested", p.contested);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();

    w.EndObject();
    if (!w.IsComplete()) throw SummaryError(message(CC_TEMPLATE("{1}: the JSON could not be completed"), {path}));
    std::string out(buf.GetString(), buf.GetSize());
    out += '\n';
    writeWholeFile(path, out);
}

}  // namespace cc::summary
