// cereal's JSON header first: it makes rapidjson's assertions throw, and every translation unit
// that includes rapidjson must agree on that.
#include <cereal/archives/json.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

// JSON Canvas 1.0 (.canvas, as Obsidian writes it): a candidate per text node, at its place and
// size and in its colour; edges between text nodes become links.
//
// An edge is "supports" when its label says so (support, corroborate, confirm, 支持, 佐证, 印证)
// or, without such a label, it is green (preset "4"); "conflicts" when its label says so
// (conflict, contradict, "not support", 矛盾, 冲突, 不支持) or, without such a label, it is red
// (preset "1"); else "relates". File, link and group nodes are no candidates, and edges that touch
// them (or nodes the file does not have) are dropped.

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "candidate.h"
#include "../json_guard.h"  // storage/, beside this folder
#include "text_util.h"

namespace cc::import {

namespace {

constexpr int kMaxDepth = 64;

/// Obsidian's colour presets "1".."6": red, orange, yellow, green, cyan, purple.
constexpr std::uint32_t kPresets[6] = {0xFB464C, 0xE9973F, 0xE0DE71, 0x44CF6E, 0x53DFDD, 0xA882FF};

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// "1".."6" or "#RRGGBB" / "#RGB" as 0xRRGGBB; 0 when it is neither.
std::uint32_t colourOf(std::string_view s) {
    s = text::trim(s);
    if (s.size() == 1 && s[0] >= '1' && s[0] <= '6') return kPresets[s[0] - '1'];
    if ((s.size() != 7 && s.size() != 4) || s[0] != '#') return 0;
    std::uint32_t v = 0;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const int d = hexDigit(s[i]);
        if (d < 0) return 0;
        v = s.size() == 7 ? (v << 4) | static_cast<std::uint32_t>(d)
                          : (v << 8) | static_cast<std::uint32_t>(d * 17);
    }
    return v;
}

bool containsAny(const std::string& haystack, std::initializer_list<const char*> needles) {
    for (const char* n : needles)
        if (haystack.find(n) != std::string::npos) return true;
    return false;
}

LinkKind kindOf(std::string_view label, std::string_view colour) {
    const std::string l = text::lowerAscii(label);
    // Negated support first: "does not support", "doesn't support", "不支持" contain "support".
    if (containsAny(l, {"conflict", "contradict", "not support", "n't support", "disagree", "refute",
                        "\xE7\x9F\x9B\xE7\x9B\xBE" /*矛盾*/, "\xE5\x86\xB2\xE7\xAA\x81" /*冲突*/,
                        "\xE8\xA1\x9D\xE7\xAA\x81" /*衝突*/, "\xE4\xB8\x8D\xE6\x94\xAF\xE6\x8C\x81" /*不支持*/,
                        "\xE7\x9B\xB8\xE5\x8F\x8D" /*相反*/}))
        return LinkKind::Conflicts;
    if (containsAny(l, {"support", "corroborat", "confirm", "\xE6\x94\xAF\xE6\x8C\x81" /*支持*/,
                        "\xE4\xBD\x90\xE8\xAF\x81" /*佐证*/, "\xE4\xBD\x90\xE8\xAD\x89" /*佐證*/,
                        "\xE5\x8D\xB0\xE8\xAF\x81" /*印证*/}))
        return LinkKind::Supports;
    const std::string_view c = text::trim(colour);
    if (c == "4") return LinkKind::Supports;
    if (c == "1") return LinkKind::Conflicts;
    return LinkKind::Relates;
}

/// The member named key, or nullptr.
const rapidjson::Value* member(const rapidjson::Value& obj, const char* key) {
    const auto it = obj.FindMember(key);
    return it == obj.MemberEnd() ? nullptr : &it->value;
}

std::string lineAt(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

class CanvasReader {
public:
    CanvasReader(const std::string& name) : m_name(name) {}

    [[noreturn]] void fail(const std::string& why) const { throw ImportError(m_name + ": " + why); }

    /// A member that must be a string when present; nullptr when absent.
    const rapidjson::Value* stringMember(const rapidjson::Value& obj, const char* key, const std::string& what) const {
        const rapidjson::Value* v = member(obj, key);
        if (!v || v->IsNull()) return nullptr;
        if (!v->IsString()) fail(what + ": \"" + key + "\" is not a string");
        return v;
    }

    std::optional<double> numberMember(const rapidjson::Value& obj, const char* key, const std::string& what) const {
        const rapidjson::Value* m = member(obj, key);
        if (!m || m->IsNull()) return std::nullopt;
        if (!m->IsNumber()) fail(what + ": \"" + key + "\" is not a number");
        const double v = m->GetDouble();
        if (!std::isfinite(v) || std::fabs(v) > limits::kMaxCoordinate) return std::nullopt;
        return v;
    }

    static std::string str(const rapidjson::Value* v) {
        return v ? std::string(v->GetString(), v->GetStringLength()) : std::string();
    }

    ParseResult read(std::string_view utf8, const ParseOptions& opt) {
        ParseResult result;
        result.format = "canvas";
        text::Progress progress(opt, m_name);
        progress.report(0.0);
        if (text::isBlank(utf8)) return result;  // a new, empty canvas
        if (!jsonNestingWithin(utf8, kMaxDepth)) fail("not a JSON Canvas (nested deeper than " + std::to_string(kMaxDepth) + " levels)");

        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseValidateEncodingFlag>(utf8.data(), utf8.size());
        if (doc.HasParseError())
            fail(std::string("not JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()) + " (line " +
                 lineAt(utf8, doc.GetErrorOffset()) + ")");
        if (!doc.IsObject()) fail("not a JSON Canvas (the file is not a JSON object)");
        const rapidjson::Value& root = doc;
        const rapidjson::Value* nodesValue = member(root, "nodes");
        const rapidjson::Value* edgesValue = member(root, "edges");
        if (!nodesValue && !edgesValue && root.MemberCount() > 0) fail("not a JSON Canvas (no \"nodes\" or \"edges\")");
        if (nodesValue && !nodesValue->IsArray()) fail("not a JSON Canvas (\"nodes\" is not a list)");
        if (edgesValue && !edgesValue->IsArray()) fail("not a JSON Canvas (\"edges\" is not a list)");

        std::unordered_set<std::string> ids, textIds;
        if (nodesValue) {
            const auto& nodes = *nodesValue;
            const std::size_t count = nodes.Size();
            for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
                progress.tick(i + 1, count, 1024);
                const rapidjson::Value& n = nodes[i];
                const std::string where = "node " + std::to_string(i + 1);
                if (!n.IsObject()) fail(where + " is not an object");
                const std::string id = str(stringMember(n, "id", where));
                if (id.empty()) fail(where + " has no id");
                const std::string what = "node " + text::shortened(id, 60);
                if (!ids.insert(id).second) fail(what + " appears twice");
                const std::string type = str(stringMember(n, "type", what));
                if (type.empty()) fail(what + " has no type");
                const auto textValue = stringMember(n, "text", what);
                const auto colour = stringMember(n, "color", what);
                Candidate c;
                c.x = numberMember(n, "x", what);
                c.y = numberMember(n, "y", what);
                c.w = numberMember(n, "width", what);
                c.h = numberMember(n, "height", what);
                if (type != "text") continue;  // file, link and group nodes
                if (!textValue) fail(what + ": a text node without \"text\"");
                const std::string raw = str(textValue);
                std::string plain = text::markdownToPlainText(raw);
                if (text::trim(plain).empty()) continue;
                text::checkCandidateCount(result.candidates.size(), m_name);
                c.text = std::move(plain);
                c.excerpt = raw;
                c.location = "node " + text::shortened(id, 200);
                c.nodeId = id;
                if (c.w && *c.w <= 0) c.w.reset();
                if (c.h && *c.h <= 0) c.h.reset();
                c.colour = colour ? colourOf(str(colour)) : 0;
                textIds.insert(id);
                result.candidates.push_back(std::move(c));
            }
        }
        if (edgesValue) {
            const auto& edges = *edgesValue;
            for (rapidjson::SizeType i = 0; i < edges.Size(); ++i) {
                const rapidjson::Value& e = edges[i];
                const std::string where = "edge " + std::to_string(i + 1);
                if (!e.IsObject()) fail(where + " is not an object");
                const std::string from = str(stringMember(e, "fromNode", where));
                const std::string to = str(stringMember(e, "toNode", where));
                if (from.empty() || to.empty()) fail(where + " does not name both its nodes");
                const std::string label = str(stringMember(e, "label", where));
                const std::string colour = str(stringMember(e, "color", where));
                if (from == to || !textIds.count(from) || !textIds.count(to)) continue;
                CandidateLink l;
                l.fromNode = from;
                l.toNode = to;
                l.label = label;
                l.kind = kindOf(label, colour);
                result.links.push_back(std::move(l));
            }
        }
        progress.report(1.0);
        return result;
    }

private:
    const std::string& m_name;
};

}  // namespace

ParseResult parseJsonCanvas(std::string_view utf8, const std::string& name, const ParseOptions& opt) {
    if (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);
    try {
        return CanvasReader(name).read(utf8, opt);
    } catch (const cereal::RapidJSONException& e) {
        throw ImportError(name + ": not a JSON Canvas (" + e.what() + ")");
    }
}

}  // namespace cc::import
