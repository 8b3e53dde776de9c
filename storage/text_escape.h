#pragma once
// Board text made safe for the places it is shown. Board text is untrusted (a file edited by
// hand, a hostile import, another program writing the team server), so whoever shows it cleans it
// for its own reader instead of trusting whoever stored it: the summary writers for documents
// (Pango and cairo, browsers, Markdown renderers, spreadsheets), `list` for terminals.

#include <string>
#include <string_view>

namespace cc {

/// Text for a document. Every byte that is not part of valid UTF-8, every noncharacter
/// (U+FDD0..U+FDEF and U+xFFFE/U+xFFFF: cairo refuses them with "input string not valid UTF-8")
/// and every control character other than tab, line feed and carriage return (the rest of C0,
/// DEL, C1) becomes U+FFFD. Clean text comes back unchanged.
std::string documentText(std::string_view s);

/// Text for a terminal: every control character (C0 including tab and line feed, DEL, C1) and
/// every byte that is not part of valid UTF-8 is shown as `\xNN` (its code point or byte in hex),
/// so an escape sequence in a note is printed as text and never acted on by the terminal.
std::string terminalText(std::string_view s);

}  // namespace cc
