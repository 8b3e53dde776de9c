// Characters beyond U+FFFF in the window's text fields: Debian's Dear ImGui keeps 16-bit
// characters, so a field that is edited would write them back as U+FFFD. Fields hold them as
// private-use stand-ins (app/gui/field_text.h); the window draws □ where it cannot draw one.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstring>

#include "app/gui/field_text.h"
#include "app/gui/fonts.h"

using namespace cc;

namespace {

// 𠀀 (CJK extension B), 𪚥 (extension B), 😀 (emoji), a private-use character, plain Chinese.
const std::string kRare = "客户\xF0\xA0\x80\x80说\xF0\xAA\x9A\xA5很好\xF0\x9F\x98\x80 \xEE\x80\x80!";

bool hasFourByteSequences(const std::string& s) {
    for (unsigned char c : s)
        if ((c & 0xF8) == 0xF0) return true;
    return false;
}

TEST(FieldText, ComesBackAsItWent) {
    for (const std::string& t : {kRare, std::string("plain"), std::string(""), std::string("bad \xFF bytes \xF0\x9F"),
                                 std::string("\xF0\x9F\x98\x80\xF0\x9F\x98\x80")}) {
        const std::string field = gui::toField(t);
        EXPECT_FALSE(hasFourByteSequences(field) && t.find('\xFF') == std::string::npos) << t;
        EXPECT_EQ(gui::fromField(field), t);
    }
    // The same character always gets the same stand-in: field texts compare as the texts do.
    EXPECT_EQ(gui::toField(kRare), gui::toField(kRare));
    EXPECT_NE(gui::toField("\xF0\xA0\x80\x80"), gui::toField("\xF0\xAA\x9A\xA5"));
}

struct Window : ::testing::Test {
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = {800, 600};
        io.DeltaTime = 1.0f / 60;
        fonts = std::make_unique<gui::Fonts>();
        fonts->addText(kRare);
        fonts->build(1.0f);
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    void TearDown() override {
        fonts.reset();
        ImGui::DestroyContext();
    }

    /// A person clicks into a field holding `buffer`, presses End and types "x", as Dear ImGui
    /// sees it frame by frame.
    void typeInto(std::string& buffer, const char* id) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_End] = kEnd;
        for (int frame = 0; frame < 5; ++frame) {
            io.KeysDown[kEnd] = frame == 2;  // focus selects everything; End goes to the end
            if (frame == 3) io.AddInputCharacter('x');
            ImGui::NewFrame();
            ImGui::Begin("field");
            if (frame == 0) ImGui::SetKeyboardFocusHere();
            ImGui::InputText(id, &buffer);
            ImGui::End();
            ImGui::Render();
        }
    }
    static constexpr int kEnd = 269;
    std::unique_ptr<gui::Fonts> fonts;
};

TEST_F(Window, TypingInAFieldKeepsCharactersBeyondTheBmp) {
    // Without stand-ins the edit turns them into U+FFFD (so this test would see a change).
    std::string raw = kRare;
    typeInto(raw, "##raw");
    raw = raw.c_str();  // the shrunken text also leaves NULs at the end of the string
    ASSERT_EQ(raw.substr(raw.size() - 1), "x") << "the typing did not reach the end of the field";
    EXPECT_EQ(raw.find("\xF0\xA0\x80\x80"), std::string::npos) << "Dear ImGui keeps them now: stand-ins may be unneeded";

    std::string field = gui::toField(kRare);
    typeInto(field, "##field");
    const std::string saved = gui::fromField(field);
    ASSERT_NE(saved.find('x'), std::string::npos) << "the typing did not reach the field";
    EXPECT_EQ(saved, kRare + "x");
    EXPECT_EQ(field.size(), std::strlen(field.c_str()));
}

TEST_F(Window, WhatCannotBeDrawnShowsAsAPlaceholderNotAGap) {
    ImFont* font = fonts->ui();
    ASSERT_NE(font, nullptr);
    EXPECT_EQ(font->FallbackChar, static_cast<ImWchar>(gui::kPlaceholder));
    ASSERT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(gui::kPlaceholder)), nullptr) << "□ is not in the font";
    const float placeholder = font->FindGlyph(static_cast<ImWchar>(gui::kPlaceholder))->AdvanceX;
    ImGui::NewFrame();
    const float without = ImGui::CalcTextSize("ab").x;
    // Drawn as it is (the wall, the tray) and as a field holds it: each takes a placeholder's width.
    EXPECT_NEAR(ImGui::CalcTextSize("a\xF0\x9F\x98\x80" "b").x, without + placeholder, 0.5f);
    EXPECT_NEAR(ImGui::CalcTextSize(gui::toField("a\xF0\x9F\x98\x80" "b").c_str()).x, without + placeholder, 0.5f);
    ImGui::EndFrame();
}

}  // namespace
