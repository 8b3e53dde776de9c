// cereal's JSON header first: it makes rapidjson's assertions throw, and every translation unit
// that includes rapidjson must agree on that.
#include <cereal/archives/json.hpp>

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/filereadstream.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

// JSON Canvas 1.0 (.canvas, as Obsidian writes it): a candidate per text node, at its place and
// size and in its colour; edges between text nodes become links.
//
// An edge is "supports" when its label says so (support, corroborate, confirm, 支持, 佐证, 印证)
// or, without such a label, it is green (preset "4"); "conflicts" when its label says so
// (conflict, contradict, "not support", 矛盾, 冲突, 不支持) or, without such a label, it is red
// (preset "1"); else "relates". File, link and group nodes are no candidates; edges that touch
// them, or nodes the file does not have, are left out and counted in the result's remarks.
//
// A group node is a group of the text nodes geometrically inside it (each node's box within the
// group's box, as Obsidian moves them with the group; a node may be in nested groups): the
// import makes an insight of it (import_pipeline.h). Groups without a place, or with no text node
// inside, are left out and counted in the remarks; at most kMaxGroups groups are read.
//
// The file is read as a stream of SAX events (rapidjson's Reader), never as a whole document
// tree, so a canvas of half a million nodes needs memory for its candidates only.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_set>

#include "canvas/wording.h"
#include "storage/import/candidate.h"
#include "storage/json_guard.h"  // storage/, beside this folder
#include "storage/import/text_util.h"

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

std::string lineAt(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

/// A member's value as far as the canvas cares: absent (or null), a string, a number, or
/// anything else (a list, an object, true or false).
struct Field {
    enum Kind { Absent, String, Number, Other } kind = Absent;
    std::string text;
    double number = 0;
};

/// Reads a JSON Canvas as rapidjson's SAX events, one node and one edge at a time, so memory
/// grows with the candidates and not with a document tree of the whole file. Errors stop the
/// parse (the handler returns false) with the reason in `error`.
class CanvasReader : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, CanvasReader> {
public:
    CanvasReader(const std::string& name, const ParseOptions& opt, std::function<double()> share)
        : m_name(name), m_progress(opt, m_name), m_share(std::move(share)) {
        m_result.format = "canvas";
    }

    std::string error;  ///< why the parse stopped, without the file's name

    // ---- SAX events --------------------------------------------------------------------
    bool StartObject() { return open(true); }
    bool StartArray() { return open(false); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool EndArray(rapidjson::SizeType) { return close(); }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        m_key.assign(s, n);
        if (m_frames.back().kind == Frame::Root) ++m_rootMembers;
        return true;
    }
    bool String(const char* s, rapidjson::SizeType n, bool) {
        Field f;
        f.kind = Field::String;
        f.text.assign(s, n);
        return scalar(std::move(f));
    }
    bool Null() { return scalar(Field{}); }
    bool Bool(bool) { return scalar(Field{Field::Other, {}, 0}); }
    bool Int(int v) { return number(v); }
    bool Uint(unsigned v) { return number(v); }
    bool Int64(std::int64_t v) { return number(static_cast<double>(v)); }
    bool Uint64(std::uint64_t v) { return number(static_cast<double>(v)); }
    bool Double(double v) { return number(v); }

    /// After a parse without errors: the edges resolved, the result.
    ParseResult finish() {
        if (!m_sawRoot) return std::move(m_result);  // an empty file: a new, empty canvas
        std::size_t missing = 0, notText = 0, loops = 0;
        for (auto& e : m_edges) {
            if (e.fromNode == e.toNode) {
                ++loops;
                continue;
            }
            if (!m_ids.count(e.fromNode) || !m_ids.count(e.toNode)) {
                ++missing;
                continue;
            }
            if (!m_textIds.count(e.fromNode) || !m_textIds.count(e.toNode)) {
                ++notText;
                continue;
            }
            m_result.links.push_back(std::move(e));
        }
        const auto n = [](std::size_t v) { return std::to_string(v); };
        if (m_result.candidates.empty()) m_result.remarks.push_back(message(CC_TEMPLATE("no text nodes")));
        if (missing)
            m_result.remarks.push_back(messageCount("{1} edge to nodes the file does not have, left out",
                                                    "{1} edges to nodes the file does not have, left out", missing, {n(missing)}));
        if (notText)
            m_result.remarks.push_back(messageCount("{1} edge to file, link, group or empty nodes, left out",
                                                    "{1} edges to file, link, group or empty nodes, left out", notText, {n(notText)}));
        if (loops)
            m_result.remarks.push_back(messageCount("{1} edge from a node to itself, left out", "{1} edges from a node to itself, left out",
                                                    loops, {n(loops)}));
        fillGroups();
        m_progress.report(1.0);
        return std::move(m_result);
    }

private:
    struct Frame {
        enum Kind { Root, Nodes, Edges, Node, Edge, Skip } kind;
        std::size_t depth = 0;  // Skip: open lists and objects still to close
    };
    static constexpr const char* kNodeFields[] = {"id", "type", "text", "color", "x", "y", "width", "height", "label"};
    static constexpr const char* kEdgeFields[] = {"fromNode", "toNode", "label", "color"};

    bool stop(const std::string& why) {
        error = why;
        return false;
    }

    /// The value for the current key of a node or edge, stored when the key is one we read (the
    /// first time only, as a DOM lookup finds the first member of a name).
    void keep(Field f) {
        const bool isNode = m_frames.back().kind == Frame::Node;
        const char* const* names = isNode ? kNodeFields : kEdgeFields;
        const std::size_t count = isNode ? std::size(kNodeFields) : std::size(kEdgeFields);
        for (std::size_t i = 0; i < count; ++i)
            if (m_key == names[i] && !m_seen[i]) {
                m_seen[i] = true;
                m_fields[i] = std::move(f);
            }
    }

    bool open(bool object) {
        if (++m_depth > kMaxDepth)
            return stop(message(CC_TEMPLATE("not a JSON Canvas (nested deeper than {1} levels)"), {std::to_string(kMaxDepth)}));
        if (m_frames.empty()) {
            if (!object) return stop(message(CC_TEMPLATE("not a JSON Canvas (the file is not a JSON object)")));
            m_sawRoot = true;
            m_frames.push_back({Frame::Root});
            return true;
        }
        Frame& top = m_frames.back();
        switch (top.kind) {
            case Frame::Skip: ++top.depth; return true;
            case Frame::Root:
                if (m_key == "nodes" || m_key == "edges") {
                    if (object) return stop(message(CC_TEMPLATE("not a JSON Canvas (\"{1}\" is not a list)"), {m_key}));
                    (m_key == "nodes" ? m_sawNodes : m_sawEdges) = true;
                    m_frames.push_back({m_key == "nodes" ? Frame::Nodes : Frame::Edges});
                    return true;
                }
                break;
            case Frame::Nodes:
            case Frame::Edges: {
                const bool nodes = top.kind == Frame::Nodes;
                const std::size_t index = nodes ? ++m_nodes : ++m_edgeCount;
                if (!object) return stop(nodes ? message(CC_TEMPLATE("node {1} is not an object"), {std::to_string(index)})
                                             : message(CC_TEMPLATE("edge {1} is not an object"), {std::to_string(index)}));
                for (auto& f : m_fields) f = Field{};
                for (auto& b : m_seen) b = false;
                m_frames.push_back({nodes ? Frame::Node : Frame::Edge});
                return true;
            }
            case Frame::Node:
            case Frame::Edge: keep(Field{Field::Other, {}, 0}); break;
        }
        m_frames.push_back({Frame::Skip, 1});
        return true;
    }

    bool close() {
        --m_depth;
        Frame& top = m_frames.back();
        if (top.kind == Frame::Skip && --top.depth > 0) return true;
        const Frame::Kind k = top.kind;
        m_frames.pop_back();
        if (k == Frame::Node) return node();
        if (k == Frame::Edge) return edge();
        if (k == Frame::Root && !m_sawNodes && !m_sawEdges && m_rootMembers > 0)
            return stop(message(CC_TEMPLATE("not a JSON Canvas (no \"nodes\" or \"edges\")")));
        return true;
    }

    bool scalar(Field f) {
        if (m_frames.empty()) return stop(message(CC_TEMPLATE("not a JSON Canvas (the file is not a JSON object)")));
        switch (m_frames.back().kind) {
            case Frame::Root:
                if (m_key == "nodes" || m_key == "edges") return stop(message(CC_TEMPLATE("not a JSON Canvas (\"{1}\" is not a list)"), {m_key}));
                return true;
            case Frame::Nodes: return stop(message(CC_TEMPLATE("node {1} is not an object"), {std::to_string(++m_nodes)}));
            case Frame::Edges: return stop(message(CC_TEMPLATE("edge {1} is not an object"), {std::to_string(++m_edgeCount)}));
            case Frame::Node:
            case Frame::Edge: keep(std::move(f)); return true;
            case Frame::Skip: return true;
        }
        return true;
    }

    bool number(double v) {
        Field f;
        f.kind = Field::Number;
        f.number = v;
        return scalar(std::move(f));
    }

    /// A member that must be a string when present: its text ("" when absent), or false.
    bool stringField(std::size_t i, const char* key, const std::string& what, std::string& out) {
        const Field& f = m_fields[i];
        if (f.kind == Field::Absent) return true;
        if (f.kind != Field::String) return stop(message(CC_TEMPLATE("{1}: \"{2}\" is not a string"), {what, key}));
        out = f.text;
        return true;
    }

    bool numberField(std::size_t i, const char* key, const std::string& what, std::optional<double>& out) {
        const Field& f = m_fields[i];
        if (f.kind == Field::Absent) return true;
        if (f.kind != Field::Number) return stop(message(CC_TEMPLATE("{1}: \"{2}\" is not a number"), {what, key}));
        if (std::isfinite(f.number) && std::fabs(f.number) <= limits::kMaxCoordinate) out = f.number;
        return true;
    }

    bool node() {
        if (m_nodes % 1024 == 0) m_progress.report(m_share());
        const std::string where = message(CC_TEMPLATE("node {1}"), {std::to_string(m_nodes)});
        std::string id, type, raw, colour;
        if (!stringField(0, "id", where, id)) return false;
        if (id.empty()) return stop(message(CC_TEMPLATE("{1} has no id"), {where}));
        const std::string what = message(CC_TEMPLATE("node {1}"), {text::shortened(id, 60)});
        if (!m_ids.insert(id).second) return stop(message(CC_TEMPLATE("{1} appears twice"), {what}));
        if (!stringField(1, "type", what, type)) return false;
        if (type.empty()) return stop(message(CC_TEMPLATE("{1} has no type"), {what}));
        const bool hasText = m_fields[2].kind != Field::Absent;
        if (!stringField(2, "text", what, raw) || !stringField(3, "color", what, colour)) return false;
        Candidate c;
        if (!numberField(4, "x", what, c.x) || !numberField(5, "y", what, c.y) || !numberField(6, "width", what, c.w) ||
            !numberField(7, "height", what, c.h))
            return false;
        std::string label;
        if (!stringField(8, "label", what, label)) return false;
        if (type == "group") return group(std::move(id), std::move(label), c);
        if (type != "text") return true;  // file and link nodes
        if (!hasText) return stop(message(CC_TEMPLATE("{1}: a text node without \"text\""), {what}));
        std::string plain = text::markdownToPlainText(raw);
        if (text::trim(plain).empty()) return true;
        text::checkCandidateCount(m_result.candidates.size(), m_name);
        c.text = std::move(plain);
        c.excerpt = std::move(raw);
        c.location = "node " + text::shortened(id, 200);
        if (c.w && *c.w <= 0) c.w.reset();
        if (c.h && *c.h <= 0) c.h.reset();
        c.colour = m_seen[3] ? colourOf(colour) : 0;
        m_textIds.insert(id);
        c.nodeId = std::move(id);
        m_result.candidates.push_back(std::move(c));
        return true;
    }

    /// A group node: kept with its box (when it has one) until every node is read.
    bool group(std::string id, std::string label, const Candidate& box) {
        if (!(box.x && box.y && box.w && box.h) || *box.w <= 0 || *box.h <= 0) {
            ++m_unplacedGroups;
            return true;
        }
        if (m_groups.size() == kMaxGroups) {
            ++m_groupsOver;
            return true;
        }
        m_groups.push_back({CandidateGroup{std::move(id), std::move(label), {}}, *box.x, *box.y, *box.w, *box.h});
        return true;
    }

    /// Each group's text candidates: those whose box lies within the group's (a node without a
    /// size is a point), found through the candidates sorted by x.
    void fillGroups() {
        const auto& cs = m_result.candidates;
        if (m_groups.empty() && !m_unplacedGroups && !m_groupsOver) return;
        std::vector<std::size_t> byX;
        for (std::size_t i = 0; i < cs.size(); ++i)
            if (cs[i].x && cs[i].y) byX.push_back(i);
        std::sort(byX.begin(), byX.end(), [&](std::size_t a, std::size_t b) { return *cs[a].x < *cs[b].x; });
        std::size_t empty = 0, capped = 0;
        for (GroupBox& g : m_groups) {
            auto from = std::lower_bound(byX.begin(), byX.end(), g.x, [&](std::size_t i, double x) { return *cs[i].x < x; });
            std::vector<std::size_t> inside;
            for (auto it = from; it != byX.end() && *cs[*it].x <= g.x + g.w; ++it) {
                const Candidate& c = cs[*it];
                if (*c.y >= g.y && *c.x + c.w.value_or(0) <= g.x + g.w && *c.y + c.h.value_or(0) <= g.y + g.h) inside.push_back(*it);
            }
            if (inside.empty()) {
                ++empty;
                continue;
            }
            std::sort(inside.begin(), inside.end(), [&](std::size_t a, std::size_t b) {
                return std::tie(*cs[a].y, *cs[a].x, a) < std::tie(*cs[b].y, *cs[b].x, b);
            });
            if (inside.size() > limits::kEvidencePerInsight) {
                inside.resize(limits::kEvidencePerInsight);
                ++capped;
            }
            for (std::size_t i : inside) g.group.nodes.push_back(cs[i].nodeId);
            m_result.groups.push_back(std::move(g.group));
        }
        const auto n = [](std::size_t v) { return std::to_string(v); };
        if (empty)
            m_result.remarks.push_back(messageCount("{1} group with no text node inside, left out",
                                                    "{1} groups with no text node inside, left out", empty, {n(empty)}));
        if (m_unplacedGroups)
            m_result.remarks.push_back(messageCount("{1} group without a place or size, left out",
                                                    "{1} groups without a place or size, left out", m_unplacedGroups,
                                                    {n(m_unplacedGroups)}));
        if (m_groupsOver)
            m_result.remarks.push_back(messageCount("{1} group over {2} left out", "{1} groups over {2} left out", m_groupsOver,
                                                    {n(m_groupsOver), n(kMaxGroups)}));
        if (capped)
            m_result.remarks.push_back(messageCount("{1} group with over {2} notes: the first ones kept",
                                                    "{1} groups with over {2} notes: the first ones kept", capped,
                                                    {n(capped), n(limits::kEvidencePerInsight)}));
    }

    bool edge() {
        const std::string where = message(CC_TEMPLATE("edge {1}"), {std::to_string(m_edgeCount)});
        CandidateLink l;
        std::string colour;
        if (!stringField(0, "fromNode", where, l.fromNode) || !stringField(1, "toNode", where, l.toNode)) return false;
        if (l.fromNode.empty() || l.toNode.empty()) return stop(message(CC_TEMPLATE("{1} does not name both its nodes"), {where}));
        if (!stringField(2, "label", where, l.label) || !stringField(3, "color", where, colour)) return false;
        l.kind = kindOf(l.label, colour);
        m_edges.push_back(std::move(l));
        return true;
    }

    const std::string& m_name;
    text::Progress m_progress;
    std::function<double()> m_share;  // how much of the input is read, 0..1
    ParseResult m_result;
    std::vector<Frame> m_frames;
    std::string m_key;
    Field m_fields[9];
    bool m_seen[9] = {};
    int m_depth = 0;
    bool m_sawRoot = false, m_sawNodes = false, m_sawEdges = false;
    std::size_t m_rootMembers = 0, m_nodes = 0, m_edgeCount = 0;
    std::unordered_set<std::string> m_ids, m_textIds;
    std::vector<CandidateLink> m_edges;  // resolved at the end: edges may come before their nodes
    struct GroupBox {
        CandidateGroup group;
        double x, y, w, h;
    };
    std::vector<GroupBox> m_groups;  // filled at the end: nodes may come after their groups
    std::size_t m_unplacedGroups = 0, m_groupsOver = 0;
};

constexpr unsigned kParseFlags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;

/// Runs the reader over a stream. A JSON syntax error gives `false` and its code and offset;
/// a canvas that is JSON but no canvas throws ImportError.
template <class Stream>
std::optional<ParseResult> readCanvas(Stream& in, const std::string& name, const ParseOptions& opt,
                                      std::function<double()> share, rapidjson::ParseResult& syntax) {
    CanvasReader reader(name, opt, std::move(share));
    rapidjson::Reader parser;
    syntax = parser.Parse<kParseFlags>(in, reader);
    if (!reader.error.empty()) throw ImportError(message(CC_TEMPLATE("{1}: {2}"), {name, reader.error}));
    if (syntax.IsError() && syntax.Code() != rapidjson::kParseErrorDocumentEmpty) return std::nullopt;
    return reader.finish();
}

ParseResult parseCanvasText(std::string_view utf8, const std::string& name, const ParseOptions& opt);
std::optional<ParseResult> parseCanvasFile(const std::string& path, std::uintmax_t size, const ParseOptions& opt);

}  // namespace

ParseResult parseJsonCanvas(std::string_view utf8, const std::string& name, const ParseOptions& opt) {
    try {
        return parseCanvasText(utf8, name, opt);
    } catch (const cereal::RapidJSONException& e) {
        throw ImportError(message(CC_TEMPLATE("{1}: not a JSON Canvas ({2})"), {name, e.what()}));
    }
}

std::optional<ParseResult> parseJsonCanvasFile(const std::string& path, std::uintmax_t size, const ParseOptions& opt) {
    try {
        return parseCanvasFile(path, size, opt);
    } catch (const cereal::RapidJSONException& e) {
        throw ImportError(message(CC_TEMPLATE("{1}: not a JSON Canvas ({2})"), {path, e.what()}));
    }
}

namespace {

ParseResult parseCanvasText(std::string_view utf8, const std::string& name, const ParseOptions& opt) {
    if (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);
    if (text::isBlank(utf8)) {  // a new, empty canvas
        ParseResult r;
        r.format = "canvas";
        r.remarks.push_back(message(CC_TEMPLATE("no text nodes")));
        return r;
    }
    // The stream's own depth check stops at the first thing out of place; in memory, the whole
    // text can be checked for depth first, as it always was.
    if (!jsonNestingWithin(utf8, kMaxDepth))
        throw ImportError(message(CC_TEMPLATE("{1}: not a JSON Canvas (nested deeper than {2} levels)"), {name, std::to_string(kMaxDepth)}));
    rapidjson::MemoryStream bytes(utf8.data(), utf8.size());
    const double size = static_cast<double>(utf8.size());
    rapidjson::ParseResult syntax;
    auto r = readCanvas(bytes, name, opt, [&] { return static_cast<double>(bytes.Tell()) / size; }, syntax);
    if (!r)
        throw ImportError(message(CC_TEMPLATE("{1}: not JSON: {2} (line {3})"),
                                  {name, rapidjson::GetParseError_En(syntax.Code()), lineAt(utf8, syntax.Offset())}));
    return std::move(*r);
}

std::optional<ParseResult> parseCanvasFile(const std::string& path, std::uintmax_t size, const ParseOptions& opt) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw ImportError(message(CC_TEMPLATE("{1}: cannot be read (permission denied?)"), {path}));
    char buffer[64 * 1024];
    rapidjson::FileReadStream raw(file.get(), buffer, sizeof buffer);
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::FileReadStream> in(raw);  // skips a UTF-8 BOM
    const double total = size ? static_cast<double>(size) : 1.0;
    rapidjson::ParseResult syntax;
    auto r = readCanvas(in, path, opt, [&] { return static_cast<double>(raw.Tell()) / total; }, syntax);
    if (!r || std::ferror(file.get())) return std::nullopt;
    if (syntax.Code() == rapidjson::kParseErrorDocumentEmpty) r->remarks.assign({message(CC_TEMPLATE("no text nodes"))});
    r->encoding = "UTF-8";
    return r;
}

}  // namespace

}  // namespace cc::import
