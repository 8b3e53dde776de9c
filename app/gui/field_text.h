#pragma once
// Text as a Dear ImGui text field holds it. ImWchar is 16 bits in Debian's Dear ImGui, so a
// field that is edited writes every character beyond U+FFFF (rare CJK extension characters such
// as 𠀀, emoji) back as U+FFFD: typing one letter into a note would destroy them. While such text
// sits in a field, each of those characters stands in as a private-use character of the Basic
// Multilingual Plane (which the field keeps), drawn as the placeholder □, and comes back as
// itself when the field's text is saved or copied.

#include <string>

namespace cc::gui {

/// The text for a field: characters beyond U+FFFF (and private-use ones, so that a stand-in is
/// never mistaken for one) become private-use stand-ins. The same character always gets the same
/// stand-in in this process, so field texts compare as the texts do.
std::string toField(const std::string& text);

/// Back from a field: every stand-in becomes the character it stands for; everything else is
/// kept. fromField(toField(t)) == t for any valid UTF-8 t.
std::string fromField(const std::string& text);

/// Wraps Dear ImGui's clipboard (after its platform backend set it): what a field copies goes
/// out with the stand-ins turned back into their characters, and what is pasted into a field
/// comes in with its characters beyond U+FFFF as stand-ins. Other readers of the clipboard (the
/// wall pasting notes) get it as it is.
void keepClipboardWhole();

/// The character the window draws for one it cannot draw (beyond U+FFFF or missing in the font).
constexpr char32_t kPlaceholder = 0x25A1;  // □

}  // namespace cc::gui
