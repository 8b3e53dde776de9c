#pragma once
// The interface language: GNU gettext (glibc's libintl) with the "customer-canvas" catalogue.
// Sources mark what a person reads with _("…") (and P_() where a count picks the form); board data
// (quadrant titles, note text, source-kind names) is data, never a catalogue entry.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "canvas/templates.h"

namespace cc {
struct Wording;
}

namespace cc::i18n {

enum class Language { English, Chinese };

/// The language the system locale asks for: Chinese for zh_CN.* (LC_ALL, LC_MESSAGES, LANG in
/// the order the C library reads them), else English.
Language systemLanguage();
/// The `language` setting's meaning: "zh", "en", or "auto"/absent (the system's); nullopt when
/// the value is none of these.
std::optional<Language> fromSetting(const std::string& value);
/// The setting's value for a language ("zh" or "en").
const char* settingValue(Language language);

/// Binds the catalogue (next to the program, else in the install prefix) and selects a language.
/// Works without a generated zh_CN locale: messages are chosen through LANGUAGE.
void init(Language language);
/// Switches the language of every later _() (the window switches without restarting).
void setLanguage(Language language);
Language language();

/// The language a new board's quadrant titles are written in: the interface's.
TemplateLanguage boardLanguage();

/// Every translation in the installed catalogues, one after another (the window's font loads
/// their characters so that switching language needs no new glyphs).
std::string catalogueText();

/// The translation of a marked message (the message itself when there is none).
const char* tr(const char* msgid);
/// The singular or plural translation for n.
const char* trn(const char* singular, const char* plural, unsigned long n);
/// A translated template with {1}, {2}, … replaced by the arguments (word order differs
/// between languages, so arguments are numbered, not positional).
std::string fill(std::string_view templ, std::initializer_list<std::string_view> args);

/// The model's sentence templates (activity lines) in the interface language.
const Wording& wording();

/// A translated label whose Dear ImGui id is the same in every language: "新建画板…###new".
inline std::string labelId(const char* msgid, std::string_view id) {
    return std::string(tr(msgid)) + "###" + std::string(id);
}

}  // namespace cc::i18n

/// Marks a message for translation and translates it.
#define _(msgid) ::cc::i18n::tr(msgid)
/// Marks a message for translation only (tables translated where they are drawn).
#define N_(msgid) msgid
/// A message with a singular and a plural form, chosen by n.
#define P_(singular, plural, n) ::cc::i18n::trn(singular, plural, static_cast<unsigned long>(n))
/// A Dear ImGui label: translated text, an id that stays (valid until the end of the statement).
#define L_(msgid, id) ::cc::i18n::labelId(msgid, id).c_str()
