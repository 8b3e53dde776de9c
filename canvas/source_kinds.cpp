#include "canvas/source_kinds.h"

#include <stdexcept>

#include "canvas/embedded_assets.h"
#include "canvas/tsv.h"

namespace cc {

std::string_view toString(Channel c) {
    switch (c) {
        case Channel::Direct: return "direct";
        case Channel::Indirect: return "indirect";
        case Channel::Internal: return "internal";
        case Channel::Either: return "either";
    }
    return "either";
}

namespace {
std::uint32_t parseColour(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') throw std::runtime_error("bad colour '" + s + "'");
    return static_cast<std::uint32_t>(std::stoul(s.substr(1), nullptr, 16));
}
}  // namespace

SourceKinds SourceKinds::parse(std::string_view tsv) {
    SourceKinds table;
    for (const auto& row : parseTsv(tsv)) {
        if (row.size() != 7) throw std::runtime_error("source-kind row '" + row[0] + "' needs 7 columns");
        SourceKind k;
        k.key = row[0];
        k.english = row[1];
        k.chinese = row[2];
        if (row[3] == "either") {
            k.eitherData = true;
        } else if (auto d = dataKindFromString(row[3])) {
            k.data = *d;
        } else {
            throw std::runtime_error("source kind '" + k.key + "': bad data kind '" + row[3] + "'");
        }
        if (row[4] == "direct") k.channel = Channel::Direct;
        else if (row[4] == "indirect") k.channel = Channel::Indirect;
        else if (row[4] == "internal") k.channel = Channel::Internal;
        else if (row[4] == "either") k.channel = Channel::Either;
        else throw std::runtime_error("source kind '" + k.key + "': bad channel '" + row[4] + "'");
        k.customerInitiated = row[5] == "yes";
        k.colour = parseColour(row[6]);
        if (table.find(k.key)) throw std::runtime_error("source kind '" + k.key + "' twice");
        table.m_kinds.push_back(std::move(k));
    }
    if (table.m_kinds.empty()) throw std::runtime_error("empty source-kind table");
    return table;
}

const SourceKinds& SourceKinds::builtin() {
    static const SourceKinds table = parse(embedded::kSourceKindsTsv);
    return table;
}

const SourceKind* SourceKinds::find(std::string_view key) const {
    for (const auto& k : m_kinds)
        if (k.key == key) return &k;
    return nullptr;
}

std::uint32_t noteColour(const Note& n, const SourceKinds& kinds) {
    if (n.colour != 0) return n.colour;
    if (const SourceKind* k = kinds.find(n.source)) return k->colour;
    return 0xF2F2F2;
}

}  // namespace cc
