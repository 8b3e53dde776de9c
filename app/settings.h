#pragma once
// The user's settings: a small key=value file in $XDG_CONFIG_HOME/customer-canvas/settings.ini.

#include <map>
#include <optional>
#include <string>

namespace cc {

class Settings {
public:
    /// Loads the settings file (missing or unreadable: empty settings).
    static Settings load();
    /// The settings file's path.
    static std::string path();

    std::optional<std::string> get(const std::string& key) const;
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
