#include "app/i18n.h"

#include "app/board_paths.h"
#include "canvas/wording.h"
#include "storage/summary/summary_export.h"

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <cstdlib>
#include <filesystem>

// glibc's counter of loaded catalogues: raising it drops gettext's cache of looked-up messages,
// which is how a program changes LANGUAGE while running (GNU gettext manual, "Being a gettext grok").
extern "C" int _nl_msg_cat_cntr;

namespace cc::i18n {

namespace {

constexpr const char* kDomain = "customer-canvas";
Language g_language = Language::English;

bool isChineseLocale(const char* name) {
    const std::string_view s = name ? name : "";
    return s == "zh" || s.substr(0, 5) == "zh_CN";
}

/// Where the catalogues are: locale/ next to the program (the build tree), else the install prefix's.
std::string localeDir() {
    std::error_code ec;
    if (const std::string folder = programFolder(); !folder.empty()) {
        const auto here = std::filesystem::path(folder) / "locale";
        if (std::filesystem::exists(here / "zh_CN" / "LC_MESSAGES" / (std::string(kDomain) + ".mo"), ec)) return here.string();
    }
    return CC_LOCALEDIR;
}

void apply(Language language) {
    g_language = language;
    // Chinese is asked for through LANGUAGE, which glibc honours whenever LC_MESSAGES is not "C";
    // English asks for a catalogue there is none of, so every message stays as written.
    ::setenv("LANGUAGE", language == Language::Chinese ? "zh_CN" : "en", 1);
    ++_nl_msg_cat_cntr;
}

}  // namespace

Language systemLanguage() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(var); v && *v) return isChineseLocale(v) ? Language::Chinese : Language::English;
    return Language::English;
}

std::optional<Language> fromSetting(const std::string& value) {
    if (value.empty() || value == "auto") return systemLanguage();
    if (value == "zh") return Language::Chinese;
    if (value == "en") return Language::English;
    return std::nullopt;
}

const char* settingValue(Language language) { return language == Language::Chinese ? "zh" : "en"; }

void init(Language language) {
    // Only the messages category follows the environment: numbers and dates keep the C locale the
    // files and the command line's output are written in. A locale that is not generated (or C)
    // falls back to C.UTF-8, where glibc still reads LANGUAGE.
    const char* got = std::setlocale(LC_MESSAGES, "");
    if (!got || std::string_view(got) == "C" || std::string_view(got) == "POSIX") std::setlocale(LC_MESSAGES, "C.UTF-8");
    ::bindtextdomain(kDomain, localeDir().c_str());
    ::bind_textdomain_codeset(kDomain, "UTF-8");
    ::textdomain(kDomain);
    // A summary may be written in either language whatever the interface's: its labels are looked
    // up in each language once, here, before anything else runs.
    for (const auto& [lang, as] : {std::pair{Language::English, summary::Lang::En}, std::pair{Language::Chinese, summary::Lang::Zh}}) {
        apply(lang);
        summary::setLabelWording(as, wording());
    }
    apply(language);
    // The lower layers' messages (errors, refusals) are looked up as they are made, in the
    // interface language of that moment: the catalogue follows setLanguage by itself.
    setMessageWording(wording());
}

void setLanguage(Language language) { apply(language); }

std::string catalogueText() {
    // A .mo file: magic, revision, count, offset of the originals' table, offset of the
    // translations' table; each table entry is a length and an offset (GNU gettext manual, "MO Files").
    std::ifstream in(localeDir() + "/zh_CN/LC_MESSAGES/" + kDomain + ".mo", std::ios::binary);
    const std::string mo((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto word = [&](std::size_t at) -> std::uint32_t {
        if (at + 4 > mo.size()) return 0;
        std::uint32_t v;
        std::memcpy(&v, mo.data() + at, 4);
        return v;
    };
    if (word(0) != 0x950412deu) return {};
    const std::uint32_t count = word(8), table = word(16);
    std::string out;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint32_t length = word(table + 8 * i), offset = word(table + 8 * i + 4);
        if (static_cast<std::size_t>(offset) + length <= mo.size()) out.append(mo, offset, length);
    }
    return out;
}
Language language() { return g_language; }

TemplateLanguage boardLanguage() {
    return g_language == Language::Chinese ? TemplateLanguage::Chinese : TemplateLanguage::English;
}

const char* tr(const char* msgid) { return ::dgettext(kDomain, msgid); }
const char* trn(const char* singular, const char* plural, unsigned long n) {
    return ::dngettext(kDomain, singular, plural, n);
}

std::string fill(std::string_view templ, std::initializer_list<std::string_view> args) { return fillTemplate(templ, args); }

const Wording& wording() {
    // The activity lines' templates, looked up in the catalogue as _() and P_() would.
    struct Catalogue : Wording {
        std::string word(const char* english) const override { return tr(english); }
        std::string words(const char* one, const char* many, std::size_t n) const override { return trn(one, many, n); }
    };
    static const Catalogue catalogue;
    return catalogue;
}

}  // namespace cc::i18n
