// The text rules for documents and terminals (text_escape.h), byte for byte.
#include <gtest/gtest.h>

#include "storage/text_escape.h"

using cc::documentText;
using cc::terminalText;

namespace {
const std::string kFffd = "\xEF\xBF\xBD";
}

TEST(DocumentText, KeepsCleanTextAndReplacesWhatDocumentsCannotCarry) {
    for (const std::string ok : {"", "plain", "tab\tline\nbreak\r\n", "转账投诉上升 48% · “quoted” 😀", "\xEF\xBF\xBD",
                                 "\xEF\xB7\x8F\xEF\xB7\xB0\xEF\xBF\xBD\xF0\x9F\xBF\xBD"})  // U+FDCF, U+FDF0, U+FFFD, U+1FFFD
        EXPECT_EQ(documentText(ok), ok);
    // Noncharacters: cairo refuses them for the whole PDF.
    EXPECT_EQ(documentText("a\xEF\xB7\x90z"), "a" + kFffd + "z");          // U+FDD0
    EXPECT_EQ(documentText("a\xEF\xB7\xAFz"), "a" + kFffd + "z");          // U+FDEF
    EXPECT_EQ(documentText("a\xEF\xBF\xBEz"), "a" + kFffd + "z");          // U+FFFE
    EXPECT_EQ(documentText("a\xEF\xBF\xBFz"), "a" + kFffd + "z");          // U+FFFF
    EXPECT_EQ(documentText("a\xF0\x9F\xBF\xBEz"), "a" + kFffd + "z");      // U+1FFFE
    EXPECT_EQ(documentText("a\xF4\x8F\xBF\xBFz"), "a" + kFffd + "z");      // U+10FFFF
    // Controls other than tab and line breaks: C0, DEL, C1.
    EXPECT_EQ(documentText(std::string("a\0z", 3)), "a" + kFffd + "z");
    EXPECT_EQ(documentText("a\x1B[2Jz"), "a" + kFffd + "[2Jz");
    EXPECT_EQ(documentText("a\x7Fz"), "a" + kFffd + "z");
    EXPECT_EQ(documentText("a\xC2\x9Bz"), "a" + kFffd + "z");
    // Not UTF-8: each stray byte, overlong forms, surrogates, beyond U+10FFFF, cut-off sequences.
    EXPECT_EQ(documentText("a\xFF\xFEz"), "a" + kFffd + kFffd + "z");
    EXPECT_EQ(documentText("a\xC0\xAFz"), "a" + kFffd + kFffd + "z");
    EXPECT_EQ(documentText("a\xED\xA0\x80z"), "a" + kFffd + kFffd + kFffd + "z");
    EXPECT_EQ(documentText("a\xF4\x90\x80\x80z"), "a" + kFffd + kFffd + kFffd + kFffd + "z");
    EXPECT_EQ(documentText("a\xE8\xBD"), "a" + kFffd + kFffd);
}

TEST(TerminalText, ShowsControlsAndStrayBytesAsHex) {
    for (const std::string ok : {"", "plain text", "转账投诉上升 48% · “quoted”", "back\\slash", "\xEF\xB7\x90"})
        EXPECT_EQ(terminalText(ok), ok);
    EXPECT_EQ(terminalText("\x1B[2J\x1B]0;pwned\x07"), "\\x1b[2J\\x1b]0;pwned\\x07");
    EXPECT_EQ(terminalText("tab\there\nnext\r"), "tab\\x09here\\x0anext\\x0d");
    EXPECT_EQ(terminalText(std::string("nul\0", 4)), "nul\\x00");
    EXPECT_EQ(terminalText("del\x7F csi\xC2\x9B" "2J"), "del\\x7f csi\\x9b2J");
    EXPECT_EQ(terminalText("stray\x9B\xFF"), "stray\\x9b\\xff");
}
