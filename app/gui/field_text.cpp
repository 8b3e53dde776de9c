#include "app/gui/field_text.h"

#include <imgui.h>

#include <mutex>
#include <unordered_map>
#include <vector>

#include "canvas/model.h"

namespace cc::gui {

namespace {

// The Private Use Area of the BMP: 6,400 stand-ins. A session that meets more distinct characters
// beyond the BMP than that (no real board does) keeps the rest as they are, which a field then
// turns into U+FFFD.
constexpr char32_t kFirst = 0xE000, kLast = 0xF8FF;

bool needsStandIn(char32_t c) { return c > 0xFFFF || (c >= kFirst && c <= kLast); }

struct StandIns {
    std::mutex lock;
    std::unordered_map<char32_t, char32_t> of;  // character -> stand-in
    std::vector<char32_t> back;                  // stand-in - kFirst -> character
};

StandIns& standIns() {
    static StandIns s;
    return s;
}

}  // namespace

std::string toField(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    StandIns& s = standIns();
    std::lock_guard<std::mutex> guard(s.lock);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const char32_t c = decodeUtf8(text, i);
        if (c == kInvalidUtf8 || !needsStandIn(c)) {
            out.append(text, at, i - at);
            continue;
        }
        auto it = s.of.find(c);
        if (it == s.of.end()) {
            if (s.back.size() > kLast - kFirst) {
                out.append(text, at, i - at);
                continue;
            }
            it = s.of.emplace(c, kFirst + static_cast<char32_t>(s.back.size())).first;
            s.back.push_back(c);
        }
        appendUtf8(out, it->second);
    }
    return out;
}

std::string fromField(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    StandIns& s = standIns();
    std::lock_guard<std::mutex> guard(s.lock);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const char32_t c = decodeUtf8(text, i);
        if (c >= kFirst && c <= kLast && c - kFirst < s.back.size()) appendUtf8(out, s.back[c - kFirst]);
        else out.append(text, at, i - at);
    }
    return out;
}

namespace {

const char* (*g_get)(void*) = nullptr;
void (*g_set)(void*, const char*) = nullptr;

const char* getWhole(void* user) {
    const char* raw = g_get ? g_get(user) : nullptr;
    if (!raw || !ImGui::GetIO().WantTextInput) return raw;
    static std::string field;  // Dear ImGui reads it before the next call
    field = toField(raw);
    return field.c_str();
}

void setWhole(void* user, const char* text) {
    if (g_set) g_set(user, fromField(text ? text : "").c_str());
}

}  // namespace

void keepClipboardWhole() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.GetClipboardTextFn == getWhole) return;
    g_get = io.GetClipboardTextFn;
    g_set = io.SetClipboardTextFn;
    io.GetClipboardTextFn = getWhole;
    io.SetClipboardTextFn = setWhole;
}

}  // namespace cc::gui
