#pragma once
// cereal archives of the document records: change-set payloads in the change log, the JSON
// backup, and the clipboard. Every archived type is versioned; enums are written as words so
// the JSON reads well and survives reordering.

#include <cereal/cereal.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/utility.hpp>
#include <cereal/types/vector.hpp>
#include <stdexcept>
#include <string>

#include "canvas/change_set.h"
#include "canvas/model.h"
#include "canvas/wording.h"

namespace cc {

namespace detail {
template <class Archive, class Enum, class FromString>
void enumField(Archive& ar, const char* name, Enum& value, FromString fromString) {
    if constexpr (Archive::is_saving::value) {
        std::string s(toString(value));
        ar(cereal::make_nvp(name, s));
    } else {
        std::string s;
        ar(cereal::make_nvp(name, s));
        auto v = fromString(s);
        if (!v) throw cereal::Exception(message(CC_TEMPLATE("unknown {1} '{2}'"), {name, s.substr(0, 40)}));
        value = *v;
    }
}
}  // namespace detail

template <class Archive>
void serialize(Archive& ar, Provenance& p, const std::uint32_t /*version*/) {
    ar(cereal::make_nvp("file", p.file), cereal::make_nvp("location", p.location),
       cereal::make_nvp("excerpt", p.excerpt));
}

template <class Archive>
void serialize(Archive& ar, Note& n, const std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", n.id), cereal::make_nvp("text", n.text), cereal::make_nvp("source", n.source));
    detail::enumField(ar, "data", n.data, dataKindFromString);
    ar(cereal::make_nvp("customerInitiated", n.customerInitiated), cereal::make_nvp("dateGathered", n.dateGathered),
       cereal::make_nvp("author", n.author), cereal::make_nvp("created", n.created),
       cereal::make_nvp("updated", n.updated), cereal::make_nvp("tags", n.tags), cereal::make_nvp("segment", n.segment),
       cereal::make_nvp("provenance", n.provenance), cereal::make_nvp("colour", n.colour),
       cereal::make_nvp("votes", n.votes));
    detail::enumField(ar, "state", n.state, noteStateFromString);
    ar(cereal::make_nvp("quadrant", n.quadrant), cereal::make_nvp("x", n.x), cereal::make_nvp("y", n.y),
       cereal::make_nvp("w", n.w), cereal::make_nvp("h", n.h));
}

template <class Archive>
void serialize(Archive& ar, Link& l, const std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", l.id), cereal::make_nvp("from", l.from), cereal::make_nvp("to", l.to));
    detail::enumField(ar, "kind", l.kind, linkKindFromString);
    ar(cereal::make_nvp("label", l.label), cereal::make_nvp("author", l.author),
       cereal::make_nvp("created", l.created));
}

template <class Archive>
void serialize(Archive& ar, Insight& i, const std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", i.id), cereal::make_nvp("title", i.title), cereal::make_nvp("statement", i.statement),
       cereal::make_nvp("quadrant", i.quadrant), cereal::make_nvp("notes", i.notes), cereal::make_nvp("author", i.author),
       cereal::make_nvp("created", i.created), cereal::make_nvp("updated", i.updated), cereal::make_nvp("votes", i.votes));
    detail::enumField(ar, "state", i.state, insightStateFromString);
}

template <class Archive>
void serialize(Archive& ar, QuadrantInfo& q, const std::uint32_t /*version*/) {
    ar(cereal::make_nvp("index", q.index), cereal::make_nvp("title", q.title),
       cereal::make_nvp("description", q.description));
}

template <class Archive>
void serialize(Archive& ar, BoardInfo& b, const std::uint32_t /*version*/) {
    ar(cereal::make_nvp("id", b.id), cereal::make_nvp("title", b.title), cereal::make_nvp("template", b.templateKey),
       cereal::make_nvp("created", b.created), cereal::make_nvp("quadrants", b.quadrants),
       cereal::make_nvp("wallWidth", b.wallWidth), cereal::make_nvp("wallHeight", b.wallHeight));
}

template <class Archive, class R>
void serialize(Archive& ar, RecordDiff<R>& d, const std::uint32_t /*version*/) {
    ar(cereal::make_nvp("added", d.added), cereal::make_nvp("updated", d.updated),
       cereal::make_nvp("removed", d.removed));
}

template <class Archive>
void serialize(Archive& ar, ChangeSet& cs, const std::uint32_t version) {
    detail::enumField(ar, "source", cs.source, changeSourceFromString);
    ar(cereal::make_nvp("author", cs.author), cereal::make_nvp("time", cs.time), cereal::make_nvp("notes", cs.notes),
       cereal::make_nvp("links", cs.links), cereal::make_nvp("board", cs.board));
    // Version 2 says whose text a change replaced while its author was editing (see ChangeSet).
    if (version >= 2) ar(cereal::make_nvp("overwrote", cs.overwrote));
    // Version 3 carries insights.
    if (version >= 3) ar(cereal::make_nvp("insights", cs.insights));
}

/// The largest change-set payload read. A store writes a large change as several rows of at
/// most kLogPart (see forEachLogPart), so nothing this program writes comes near this.
inline constexpr std::size_t kMaxChangeSetBytes = 256u << 20;
/// How much of a change one change-log row holds: about 1-2 MB of JSON for notes of ordinary
/// length; the byte budget (text is at most doubled by JSON escaping) keeps long notes well
/// under kMaxChangeSetBytes.
inline constexpr LogPartLimits kLogPart{2000, 8u << 20};
static_assert(kLogPart.bytes * 4 < kMaxChangeSetBytes);
/// The deepest nesting of a payload read (one this program writes is about 6 deep).
inline constexpr int kMaxChangeSetDepth = 32;

/// A change set as compact JSON (the change log's payload).
std::string changeSetToJson(const ChangeSet& cs);
/// Reads a change-set payload; throws std::runtime_error with the reason on malformed, too large
/// or too deeply nested input. Its records come guarded (see record_guard.h): what had to be
/// repaired is added to `repairs` when given.
ChangeSet changeSetFromJson(const std::string& json, std::vector<std::string>* repairs = nullptr);

}  // namespace cc

CEREAL_CLASS_VERSION(cc::Provenance, 1);
CEREAL_CLASS_VERSION(cc::Note, 1);
CEREAL_CLASS_VERSION(cc::Link, 1);
CEREAL_CLASS_VERSION(cc::QuadrantInfo, 1);
CEREAL_CLASS_VERSION(cc::BoardInfo, 1);
CEREAL_CLASS_VERSION(cc::RecordDiff<cc::Note>, 1);
CEREAL_CLASS_VERSION(cc::RecordDiff<cc::Link>, 1);
CEREAL_CLASS_VERSION(cc::Insight, 1);
CEREAL_CLASS_VERSION(cc::RecordDiff<cc::Insight>, 1);
CEREAL_CLASS_VERSION(cc::ChangeSet, 3);
