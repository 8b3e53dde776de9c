#pragma once
// What the importer tests share: their fixtures, and checking candidates one by one (text,
// location and excerpt: the provenance a person reads as evidence).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/import/candidate.h"
#include "test_util.h"

namespace cc::test {

inline std::string fixturePath(const std::string& name) { return std::string(CC_IMPORT_FIXTURES) + "/" + name; }
inline std::string fixture(const std::string& name) { return readFile(fixturePath(name)); }

/// One candidate as a test expects it; an empty excerpt means "the same as the text".
struct Expected {
    std::string text, location, excerpt;
};

inline void expectCandidates(const import::ParseResult& r, const std::vector<Expected>& want) {
    ASSERT_EQ(r.candidates.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        SCOPED_TRACE("candidate " + std::to_string(i + 1) + ": " + want[i].text.substr(0, 40));
        EXPECT_EQ(r.candidates[i].text, want[i].text);
        EXPECT_EQ(r.candidates[i].location, want[i].location);
        EXPECT_EQ(r.candidates[i].excerpt, want[i].excerpt.empty() ? want[i].text : want[i].excerpt);
    }
}

}  // namespace cc::test
