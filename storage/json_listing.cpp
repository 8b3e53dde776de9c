// cereal's JSON header first: it sets how rapidjson reports errors, and every translation
// unit that includes rapidjson must agree on that.
#include <cereal/archives/json.hpp>

#include "storage/json_listing.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>

#include "canvas/evidence_strength.h"
#include "canvas/queries.h"

namespace cc {

namespace {

template <class W>
void str(W& w, const char* key, std::string_view value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

template <class W>
void write(W& w, const Document& doc) {
    const BoardInfo& b = doc.board();
    w.StartObject();
    w.Key("board");
    w.StartObject();
    str(w, "id", b.id);
    str(w, "title", b.title);
    str(w, "template", b.templateKey);
    w.Key("created");
    w.Int64(b.created);
    w.Key("wallWidth");
    w.Double(b.wallWidth);
    w.Key("wallHeight");
    w.Double(b.wallHeight);
    w.EndObject();

    w.Key("quadrants");
    w.StartArray();
    const BoardCounts counts = countBoard(doc);
    for (const auto& q : b.quadrants) {
        w.StartObject();
        w.Key("index");
        w.Int(q.index);
        str(w, "title", q.title);
        str(w, "description", q.description);
        w.Key("notes");
        w.Int(counts.byQuadrant[q.index]);
        w.EndObject();
    }
    w.EndArray();

    w.Key("notes");
    w.StartArray();
    for (const Note* n : doc.sortedNotes()) {
        w.StartObject();
        str(w, "id", n->id);
        str(w, "text", n->text);
        str(w, "source", n->source);
        str(w, "data", toString(n->data));
        w.Key("customerInitiated");
        w.Bool(n->customerInitiated);
        w.Key("quadrant");
        w.Int(n->quadrant);
        w.Key("x");
        w.Double(n->x);
        w.Key("y");
        w.Double(n->y);
        w.Key("w");
        w.Double(n->w);
        w.Key("h");
        w.Double(n->h);
        str(w, "date", n->dateGathered);
        str(w, "author", n->author);
        w.Key("tags");
        w.StartArray();
        for (const auto& t : n->tags) w.String(t.data(), static_cast<rapidjson::SizeType>(t.size()));
        w.EndArray();
        str(w, "segment", n->segment);
        str(w, "state", toString(n->state));
        w.Key("votes");
        w.Int(n->votes);
        char colour[8];
        std::snprintf(colour, sizeof colour, "#%06X", n->colour);
        str(w, "colour", n->colour ? std::string_view(colour) : std::string_view());
        w.Key("provenance");
        w.StartObject();
        str(w, "file", n->provenance.file);
        str(w, "location", n->provenance.location);
        str(w, "excerpt", n->provenance.excerpt);
        w.EndObject();
        w.Key("created");
        w.Int64(n->created);
        w.Key("updated");
        w.Int64(n->updated);
        w.Key("corroborated");
        w.Bool(isCorroborated(doc, n->id));
        w.Key("contested");
        w.Bool(isContested(doc, n->id));
        w.EndObject();
    }
    w.EndArray();

    w.Key("links");
    w.StartArray();
    for (const Link* l : doc.sortedLinks()) {
        w.StartObject();
        str(w, "id", l->id);
        str(w, "from", l->from);
        str(w, "to", l->to);
        str(w, "kind", toString(l->kind));
        str(w, "label", l->label);
        str(w, "author", l->author);
        w.Key("created");
        w.Int64(l->created);
        w.EndObject();
    }
    w.EndArray();

    // Insights with their evidence and its strength (computed for today, never stored).
    const std::string today = todayDate();
    w.Key("insights");
    w.StartArray();
    for (const Insight* i : doc.sortedInsights()) {
        w.StartObject();
        str(w, "id", i->id);
        str(w, "title", i->title);
        str(w, "statement", i->statement);
        w.Key("quadrant");
        w.Int(i->quadrant);
        str(w, "state", toString(i->state));
        w.Key("notes");
        w.StartArray();
        for (const auto& n : i->notes) w.String(n.data(), static_cast<rapidjson::SizeType>(n.size()));
        w.EndArray();
        const EvidenceStrength s = evidenceStrength(doc, *i, today);
        w.Key("strength");
        w.StartObject();
        str(w, "grade", toString(s.grade));
        w.Key("score");
        w.Int(s.score);
        w.Key("reasons");
        w.StartArray();
        for (const auto& r : s.reasons) w.String(r.data(), static_cast<rapidjson::SizeType>(r.size()));
        w.EndArray();
        w.EndObject();
        str(w, "author", i->author);
        w.Key("votes");
        w.Int(i->votes);
        w.Key("created");
        w.Int64(i->created);
        w.Key("updated");
        w.Int64(i->updated);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

/// rapidjson escapes the C0 controls (ESC as \u001B) but writes DEL and the C1 controls
/// (U+0080..U+009F; some terminals act on U+009B as on ESC [) as they are. The listing is read on
/// terminals too, so those become \u escapes as well: the same JSON value. Outside strings JSON
/// is ASCII, so every such byte is inside a string.
std::string withControlsEscaped(std::string json) {
    std::string out;
    out.reserve(json.size());
    char hex[8];
    for (std::size_t i = 0; i < json.size(); ++i) {
        const auto c = static_cast<unsigned char>(json[i]);
        const auto next = i + 1 < json.size() ? static_cast<unsigned char>(json[i + 1]) : 0;
        if (c == 0x7F || (c == 0xC2 && next >= 0x80 && next <= 0x9F)) {
            std::snprintf(hex, sizeof hex, "\\u%04X", c == 0x7F ? 0x7Fu : static_cast<unsigned>(next));
            out += hex;
            if (c == 0xC2) ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace

std::string boardToJson(const Document& doc, bool pretty) {
    rapidjson::StringBuffer buf;
    if (pretty) {
        rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
        w.SetIndent(' ', 2);
        write(w, doc);
    } else {
        rapidjson::Writer<rapidjson::StringBuffer> w(buf);
        write(w, doc);
    }
    return withControlsEscaped(std::string(buf.GetString(), buf.GetSize()));
}

}  // namespace cc
