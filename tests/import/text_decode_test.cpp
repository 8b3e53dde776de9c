// Text encodings: the same Chinese report saved in five encodings decodes to the same text.
#include <gtest/gtest.h>

#include "storage/import/candidate.h"
#include "import_test_util.h"

using namespace cc::import;

using cc::test::fixture;

namespace {


std::string errorOf(const std::string& bytes, const std::string& name = "f.txt") {
    try {
        decodeText(bytes, name);
    } catch (const ImportError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(TextDecode, SameReportInEveryEncoding) {
    const std::string expected = fixture("enc-report-utf8.txt");
    ASSERT_NE(expected.find("客戶訪談摘要"), std::string::npos);
    const std::vector<std::pair<std::string, std::string>> files = {
        {"enc-report-utf8.txt", "UTF-8"},          {"enc-report-utf8-bom.txt", "UTF-8"},
        {"enc-report-utf16le.txt", "UTF-16LE"},    {"enc-report-utf16be.txt", "UTF-16BE"},
        {"enc-report-gb18030.txt", "GB18030"},     {"enc-report-big5.txt", "Big5"},
    };
    for (const auto& [file, enc] : files) {
        SCOPED_TRACE(file);
        const std::string bytes = fixture(file);
        ASSERT_FALSE(bytes.empty());
        if (file != "enc-report-utf8.txt") {
            EXPECT_NE(bytes, expected);  // really other bytes
        }
        std::string encoding;
        EXPECT_EQ(decodeText(bytes, file, &encoding), expected);
        EXPECT_EQ(encoding, enc);
    }
}

TEST(TextDecode, WindowsGbkWithCrlfBecomesUtf8WithLf) {
    std::string encoding;
    const std::string text = decodeText(fixture("enc-windows-gbk.txt"), "enc-windows-gbk.txt", &encoding);
    EXPECT_EQ(encoding, "GB18030");
    EXPECT_EQ(text.find('\r'), std::string::npos);
    EXPECT_EQ(text.substr(0, text.find('\n')), "客户满意度调查报告（2023年第四季度）");
    EXPECT_NE(text.find("\n2. 与第二家快递公司合作，分担高峰期的订单。\n"), std::string::npos);
}

TEST(TextDecode, LineEndsAreNormalised) {
    EXPECT_EQ(decodeText("a\r\nb\rc\n\r\nd", "f"), "a\nb\nc\n\nd");
    EXPECT_EQ(decodeText("page one\fpage two", "f"), "page one\npage two");
    EXPECT_EQ(decodeText("", "f"), "");
    // UTF-16 with CRLF
    EXPECT_EQ(decodeText(std::string("\xFF\xFE" "a\0\r\0\n\0b\0", 10), "f"), "a\nb");
    // Several byte-order marks (an editor that added one more) all go.
    EXPECT_EQ(decodeText("\xEF\xBB\xBF\xEF\xBB\xBFhi", "f"), "hi");
}

TEST(TextDecode, Utf16WithoutMarkIsRecognised) {
    std::string le;
    for (char c : std::string("Hello, survey team!\nThanks.")) {
        le += c;
        le += '\0';
    }
    std::string encoding;
    EXPECT_EQ(decodeText(le, "f", &encoding), "Hello, survey team!\nThanks.");
    EXPECT_EQ(encoding, "UTF-16LE");
}

TEST(TextDecode, Latin1FromExcelComesInReadable) {
    // "Café crème: très bon, à refaire" as a Western Windows editor saves it.
    const std::string cp1252 = "Caf\xE9 cr\xE8me: tr\xE8s bon, \xE0 refaire. Le service \xE9tait rapide et tr\xE8s aimable.";
    std::string encoding;
    EXPECT_EQ(decodeText(cp1252, "f", &encoding),
              "Café crème: très bon, à refaire. Le service était rapide et très aimable.");
    EXPECT_EQ(encoding, "Windows-1252");
}

TEST(TextDecode, MostlyUtf8WithAStrayByte) {
    std::string encoding;
    const std::string text = decodeText("客户满意度很高，配送很快。\x80 Good.", "f", &encoding);
    EXPECT_EQ(text, "客户满意度很高，配送很快。\xEF\xBF\xBD Good.");
    EXPECT_EQ(encoding, "UTF-8 (1 byte not UTF-8 replaced)");
}

TEST(TextDecode, BinaryDataIsRefusedNamingTheByte) {
    EXPECT_EQ(errorOf(std::string("PK\x03\x04\x14\0\x06\0", 8), "report.txt"),
              "report.txt: not text (binary data at byte 5)");
    EXPECT_EQ(errorOf(std::string("hello\0world", 11)), "f.txt: not text (binary data at byte 5)");
    // A PNG header: control bytes everywhere.
    std::string png = "\x89PNG\r\n\x1A\n";
    for (int i = 0; i < 64; ++i) png += static_cast<char>(i % 32 == 0 ? 1 : i % 32);
    EXPECT_NE(errorOf(png).find("f.txt: not text (binary data at byte "), std::string::npos);
    // UTF-16 with a mark but NUL characters inside.
    EXPECT_EQ(errorOf(std::string("\xFF\xFE" "a\0\0\0", 6)), "f.txt: not text (binary data at byte 4)");
    // UTF-16 with a lone surrogate.
    EXPECT_EQ(errorOf(std::string("\xFF\xFE" "a\0\x00\xD8" "b\0", 8)),
              "f.txt: not text (bytes at byte 4 are not UTF-16LE)");
}

TEST(TextDecode, ErrorsAreOneLine) {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256 | 1);
    const std::string e = errorOf(garbage, "noise.bin");
    EXPECT_EQ(e.rfind("noise.bin: not text", 0), 0u) << e;
    EXPECT_EQ(e.find('\n'), std::string::npos);
}

TEST(TextDecode, FewControlCharactersAreDropped) {
    EXPECT_EQ(decodeText("bell\x07 and escape\x1B[0m here", "f"), "bell and escape[0m here");
    EXPECT_EQ(decodeText("DOS end\x1A", "f"), "DOS end");
}
