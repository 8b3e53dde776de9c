#include "settings.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

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

Settings Settings::load() {
    Settings s;
    std::ifstream in(path());
    std::string line;
    int lines = 0;
    while (std::getline(in, line) && ++lines < 10000) {
        if (line.empty() || line[0] == '#') continue;
        auto eq = line.find('=');
        if (eq == std::string::npos || line.size() > 4096) continue;
        s.m_values[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return s;
}

std::optional<std::string> Settings::get(const std::string& key) const {
    auto it = m_values.find(key);
    if (it == m_values.end()) return std::nullopt;
    return it->second;
}

void Settings::set(const std::string& key, const std::string& value) { m_values[key] = value; }
void Settings::unset(const std::string& key) { m_values.erase(key); }

void Settings::save() const {
    const std::string p = path();
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(p).parent_path(), ec);
    const std::string tmp = p + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "# Customer Canvas settings (key=value)\n";
        for (const auto& [k, v] : m_values) out << k << '=' << v << '\n';
        if (!out) throw std::runtime_error(p + ": cannot write the settings");
    }
    if (std::rename(tmp.c_str(), p.c_str()) != 0) throw std::runtime_error(p + ": cannot write the settings");
}

std::string defaultAuthor(const Settings& settings) {
    if (auto a = settings.get("author"); a && !a->empty()) return *a;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
    if (const char* u = std::getenv("USER"); u && *u) return u;
    return "unknown";
}

}  // namespace cc
