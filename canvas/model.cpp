#include "canvas/model.h"

#include "canvas/wording.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <random>

namespace cc {

std::string_view toString(NoteState s) {
    switch (s) {
        case NoteState::Tray: return "tray";
        case NoteState::Pinned: return "pinned";
        case NoteState::Archived: return "archived";
    }
    return "pinned";
}

std::string_view toString(DataKind d) {
    return d == DataKind::Quantitative ? "quantitative" : "qualitative";
}

std::string_view toString(LinkKind k) {
    switch (k) {
        case LinkKind::Supports: return "supports";
        case LinkKind::Conflicts: return "conflicts";
        case LinkKind::Relates: return "relates";
    }
    return "relates";
}

std::optional<NoteState> noteStateFromString(std::string_view s) {
    if (s == "tray") return NoteState::Tray;
    if (s == "pinned") return NoteState::Pinned;
    if (s == "archived") return NoteState::Archived;
    return std::nullopt;
}

std::optional<DataKind> dataKindFromString(std::string_view s) {
    if (s == "quantitative") return DataKind::Quantitative;
    if (s == "qualitative") return DataKind::Qualitative;
    return std::nullopt;
}

std::string_view toString(InsightState s) {
    switch (s) {
        case InsightState::Draft: return "draft";
        case InsightState::Agreed: return "agreed";
        case InsightState::Retired: return "retired";
    }
    return "draft";
}

std::string insightStateWord(InsightState s) {
    switch (s) {
        case InsightState::Agreed: return message(CC_TEMPLATE("agreed"));
        case InsightState::Retired: return message(CC_TEMPLATE("retired"));
        case InsightState::Draft: break;
    }
    return message(CC_TEMPLATE("draft"));
}

std::optional<InsightState> insightStateFromString(std::string_view s) {
    if (s == "draft") return InsightState::Draft;
    if (s == "agreed") return InsightState::Agreed;
    if (s == "retired") return InsightState::Retired;
    return std::nullopt;
}

std::optional<LinkKind> linkKindFromString(std::string_view s) {
    if (s == "supports") return LinkKind::Supports;
    if (s == "conflicts") return LinkKind::Conflicts;
    if (s == "relates") return LinkKind::Relates;
    return std::nullopt;
}

bool isValidDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    auto num = [&](std::size_t at, std::size_t len) {
        int v = 0;
        for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                       std::chrono::day{unsigned(d)}}
        .ok();
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool isValidUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();)
        if (decodeUtf8(s, i) == kInvalidUtf8) return false;
    return true;
}

std::string todayDate() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

Millis nowMillis() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string newId(std::string_view prefix) {
    // 10 characters of base32: 50 random bits, so two processes that add notes at the same moment
    // do not collide without asking each other. Fresh entropy goes into every id: a generator
    // seeded once would repeat its sequence in a process forked from this one.
    static thread_local std::mt19937_64 rng{std::random_device{}() ^ static_cast<std::uint64_t>(nowMillis())};
    static thread_local std::random_device entropy;
    static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";  // 31 readable characters
    std::string id(prefix);
    id += '-';
    std::uint64_t bits = rng() ^ (static_cast<std::uint64_t>(entropy()) << 32) ^ entropy();
    for (int i = 0; i < 10; ++i) {
        id += kAlphabet[bits % 31];
        bits /= 31;
    }
    return id;
}

std::string noteTitle(const Note& n) {
    std::size_t pos = 0;
    while (pos < n.text.size()) {
        std::size_t end = n.text.find('\n', pos);
        if (end == std::string::npos) end = n.text.size();
        std::string line = n.text.substr(pos, end - pos);
        auto first = line.find_first_not_of(" \t\r");
        if (first != std::string::npos) {
            auto last = line.find_last_not_of(" \t\r");
            return line.substr(first, last - first + 1);
        }
        pos = end + 1;
    }
    return {};
}

void normaliseTags(std::vector<std::string>& tags) {
    tags.erase(std::remove_if(tags.begin(), tags.end(), [](const std::string& t) { return t.empty(); }),
               tags.end());
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
}

}  // namespace cc
