#include "app/settings.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "canvas/model.h"
#include "storage/output_file.h"
#include "app/i18n.h"

namespace cc {

std::string Settings::path() {
    std::string base;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) {
        base = x;
    } else if (const char* h = std::getenv("HOME"); h && *h) {
        base = std::string(h) + "/.config";
    } else {
        base = ".";
    }
    return base + "/customer-canvas/settings.ini";
}

std::string Settings::valueProblem(std::string_view value) {
    if (value.size() > kMaxValueBytes) return i18n::fill(_("is longer than {1} bytes"), {std::to_string(kMaxValueBytes)});
    if (!isValidUtf8(value)) return _("is not valid UTF-8");
    for (unsigned char c : value)
        if (c < 0x20 || c == 0x7F) return c == '\n' || c == '\r' ? _("contains a line break") : _("contains a control character");
    return {};
}

Settings Settings::load() {
    Settings s;
    std::ifstream in(path(), std::ios::binary);
    // Whatever the file holds, read a bounded amount, and keep only lines this program could have
    // written: a known-looking key, a value that valueProblem() accepts. The rest is skipped.
    std::string text(kMaxFileBytes, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // written on Windows
        if (line.empty() || line[0] == '#') continue;
        const auto eq = line.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq > 64) continue;
        const std::string_view key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string_view::npos) continue;
        if (!valueProblem(value).empty()) continue;
        s.m_values[std::string(key)] = std::string(value);
    }
    return s;
}

std::optional<std::string> Settings::get(const std::string& key) const {
    auto it = m_values.find(key);
    if (it == m_values.end()) return std::nullopt;
    return it->second;
}

void Settings::set(const std::string& key, const std::string& value) {
    if (const std::string why = valueProblem(value); !why.empty())
        throw std::invalid_argument(i18n::fill(_("the {1} setting cannot be saved: the value {2}"), {key, why}));
    m_values[key] = value;
}
void Settings::unset(const std::string& key) { m_values.erase(key); }

void Settings::save() const {
    const std::string p = path();
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(p).parent_path(), ec);
    std::string text = "# Customer Canvas settings (key=value)\n";
    for (const auto& [k, v] : m_values) text += k + '=' + v + '\n';
    try {
        writeOutputFile(p, text);
    } catch (const OutputFileError& e) {
        throw std::runtime_error(i18n::fill(_("{1}: cannot write the settings ({2})"), {p, e.what()}));
    }
}

std::string defaultAuthor(const Settings& settings) {
    if (auto a = settings.get("author"); a && !a->empty()) return *a;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
    if (const char* u = std::getenv("USER"); u && *u) return u;
    return "unknown";
}

}  // namespace cc
