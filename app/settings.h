#pragma once
// The user's settings: a small key=value file in $XDG_CONFIG_HOME/customer-canvas/settings.ini.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cc {

class Settings {
public:
    /// Loads the settings file (missing or unreadable: empty settings).
    static Settings load();
    /// The settings file's path.
    static std::string path();

    /// The longest value kept, and the most of the file read.
    static constexpr std::size_t kMaxValueBytes = 4096, kMaxFileBytes = 1u << 20;
    /// Why a value cannot be kept in the file (a line break would start a new key; the file is
    /// UTF-8); empty when it can.
    static std::string valueProblem(std::string_view value);

    std::optional<std::string> get(const std::string& key) const;
    /// Sets a value; throws std::invalid_argument (one line naming the key) when valueProblem() says so.
    void set(const std::string& key, const std::string& value);
    void unset(const std::string& key);
    const std::map<std::string, std::string>& all() const { return m_values; }
    /// Writes the file (via a temporary file and a rename); throws std::runtime_error.
    void save() const;

private:
    std::map<std::string, std::string> m_values;
};

/// The author to stamp on changes: the `author` setting, else the operating-system user.
std::string defaultAuthor(const Settings& settings);

}  // namespace cc
