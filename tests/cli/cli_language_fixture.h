#pragma once
// The program run from a test as a person would run it, with the language chosen only by its own
// settings (a fresh config folder, no locale variables asking for one): for the tests of the
// command line's languages.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "test_util.h"

namespace cc::test {

struct CliInALanguage : ::testing::Test {
    TempDir dir;
    std::map<std::string, std::string> env{{"XDG_CONFIG_HOME", dir.file("config")},
                                           {"HOME", dir.file("home")},
                                           {"LC_ALL", ""},
                                           {"LC_MESSAGES", ""},
                                           {"LANGUAGE", ""},
                                           {"LANG", "C.UTF-8"}};

    test::Run cc(std::vector<std::string> args) {
        args.insert(args.begin(), CC_BINARY);
        return test::run(args, env);
    }
    /// The output of `args`, which must succeed.
    std::string ok(const std::vector<std::string>& args) {
        const test::Run r = cc(args);
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    }
};

}  // namespace cc::test
