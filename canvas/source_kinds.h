#pragma once
// The source-kind table: where a note's evidence can come from. It is data
// (assets/source_kinds.tsv, compiled in), not code.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "canvas/model.h"

namespace cc {

/// How the evidence reached the company.
enum class Channel { Direct, Indirect, Internal, Either };

std::string_view toString(Channel c);

/// One row of the source-kind table.
struct SourceKind {
    std::string key;
    std::string english;
    std::string chinese;
    bool eitherData = false;           ///< "either": the note says which
    DataKind data = DataKind::Qualitative;
    Channel channel = Channel::Direct;
    bool customerInitiated = false;
    std::uint32_t colour = 0xF2F2F2;   ///< 0xRRGGBB
};

/// The table of source kinds, in display order.
class SourceKinds {
public:
    /// The table shipped with the program.
    static const SourceKinds& builtin();
    /// Parses a table in the TSV form of assets/source_kinds.tsv; throws std::runtime_error.
    static SourceKinds parse(std::string_view tsv);

    const std::vector<SourceKind>& all() const { return m_kinds; }
    /// The kind with this key, or nullptr.
    const SourceKind* find(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }

private:
    std::vector<SourceKind> m_kinds;
};

/// The default colour of a note: its own, or its source kind's.
std::uint32_t noteColour(const Note& n, const SourceKinds& kinds = SourceKinds::builtin());

}  // namespace cc
