#include "storage/clipboard.h"

#include <cereal/archives/json.hpp>
#include <sstream>
#include <unordered_set>

#include "storage/json_guard.h"
#include "canvas/record_guard.h"
#include "storage/serialize.h"

namespace cc {

namespace {
constexpr const char* kMarker = "customer-canvas/notes v1\n";
}

std::string notesToClipboard(const Document& doc, const std::vector<std::string>& ids) {
    ClipboardNotes c;
    std::unordered_set<std::string> chosen;
    for (const auto& id : ids)
        if (const Note* n = doc.note(id); n && chosen.insert(id).second) c.notes.push_back(*n);
    for (const Link* l : doc.sortedLinks())
        if (chosen.count(l->from) && chosen.count(l->to)) c.links.push_back(*l);
    std::ostringstream out;
    out << kMarker;
    {
        cereal::JSONOutputArchive ar(out, cereal::JSONOutputArchive::Options::NoIndent());
        ar(cereal::make_nvp("notes", c.notes), cereal::make_nvp("links", c.links));
    }
    return out.str();
}

std::optional<ClipboardNotes> notesFromClipboard(const std::string& text, const SourceKinds& kinds) {
    const std::string marker = kMarker;
    if (text.size() > kMaxClipboardBytes || text.compare(0, marker.size(), marker) != 0) return std::nullopt;
    if (!jsonNestingWithin(text, 32)) return std::nullopt;
    ClipboardNotes c;
    try {
        std::istringstream in(text.substr(marker.size()));
        cereal::JSONInputArchive ar(in);
        ar(cereal::make_nvp("notes", c.notes), cereal::make_nvp("links", c.links));
    } catch (const std::exception&) {
        return std::nullopt;
    }
    c.repairs = guardRecords(c.notes, c.links, kinds);
    return c;
}

}  // namespace cc
