#include "storage/pg/pg_address.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "storage/board_error.h"
#include "canvas/model.h"

namespace cc::pg {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percentDecode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string percentEncode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~' || c >= 0x80) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (true) {
        std::size_t end = s.find(sep, pos);
        out.push_back(s.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    return out;
}

/// The URI without the query's parameters named `drop` (and the query itself when none is left).
std::string dropParams(const std::string& uri, const std::vector<std::string>& drop, std::string* boardValue) {
    const std::size_t q = uri.find('?');
    if (q == std::string::npos) return uri;
    std::string kept;
    for (const auto& part : split(uri.substr(q + 1), '&')) {
        if (part.empty()) continue;
        const std::string key = percentDecode(part.substr(0, part.find('=')));
        bool dropIt = false;
        for (const auto& d : drop) dropIt = dropIt || key == d;
        if (key == "board" && boardValue)
            *boardValue = part.find('=') == std::string::npos ? "" : percentDecode(part.substr(part.find('=') + 1));
        if (dropIt) continue;
        kept += (kept.empty() ? "" : "&") + part;
    }
    return uri.substr(0, q) + (kept.empty() ? "" : "?" + kept);
}

/// Whether `s` starts with "postgresql://" or "postgres://" in any case; the scheme's length.
std::size_t schemeLength(const std::string& s) {
    for (const char* scheme : {"postgresql://", "postgres://"}) {
        const std::size_t n = std::char_traits<char>::length(scheme);
        if (s.size() >= n && std::equal(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(n), scheme,
                                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
            return n;
    }
    return 0;
}

/// libpq's connection keywords (host, dbname, password, ...), and "board" for ours.
const std::set<std::string>& connectionKeywords() {
    static const std::set<std::string> keywords = [] {
        std::set<std::string> k{"board"};
        if (PQconninfoOption* opts = PQconndefaults()) {
            for (const PQconninfoOption* o = opts; o->keyword; ++o) k.insert(o->keyword);
            PQconninfoFree(opts);
        }
        return k;
    }();
    return keywords;
}

/// The first keyword of a keyword/value string ("host" in "host = db1 port=5432"), or "".
std::string firstKeyword(const std::string& s) {
    std::size_t i = s.find_first_not_of(" \t\r\n");
    if (i == std::string::npos) return {};
    const std::size_t start = i;
    while (i < s.size() && (std::islower(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
    const std::string keyword = s.substr(start, i - start);
    i = s.find_first_not_of(" \t\r\n", i);
    return i != std::string::npos && s[i] == '=' ? keyword : std::string();
}

/// Splits a libpq keyword/value connection string (keyword = value, values optionally in single
/// quotes, a backslash escaping the next character) into pairs. Throws BoardError without the
/// string itself in the message: it may hold a password.
std::vector<std::pair<std::string, std::string>> keywordValues(const std::string& s) {
    auto bad = [](const std::string& why) -> BoardError {
        return BoardError(message(CC_TEMPLATE("the team-server address is not a valid keyword=value connection string ({1})"), {why}));
    };
    std::vector<std::pair<std::string, std::string>> pairs;
    std::size_t i = 0;
    auto skipSpace = [&] {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    };
    while (true) {
        skipSpace();
        if (i >= s.size()) break;
        const std::size_t start = i;
        while (i < s.size() && s[i] != '=' && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        const std::string keyword = s.substr(start, i - start);
        skipSpace();
        if (i >= s.size() || s[i] != '=') throw bad(message(CC_TEMPLATE("\"{1}\" has no \"=\""), {keyword.substr(0, 40)}));
        if (!connectionKeywords().count(keyword)) throw bad(message(CC_TEMPLATE("unknown keyword \"{1}\""), {keyword.substr(0, 40)}));
        ++i;
        skipSpace();
        std::string value;
        if (i < s.size() && s[i] == '\'') {
            ++i;
            bool closed = false;
            while (i < s.size()) {
                if (s[i] == '\\' && i + 1 < s.size()) {
                    value += s[i + 1];
                    i += 2;
                } else if (s[i] == '\'') {
                    ++i;
                    closed = true;
                    break;
                } else {
                    value += s[i++];
                }
            }
            if (!closed) throw bad(message(CC_TEMPLATE("the value of {1} has no closing quote"), {keyword}));
        } else {
            while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) {
                if (s[i] == '\\' && i + 1 < s.size()) ++i;
                value += s[i++];
            }
        }
        pairs.emplace_back(keyword, value);
    }
    if (pairs.empty()) throw bad(message(CC_TEMPLATE("it is empty")));
    return pairs;
}

/// Refuses a URI that libpq would refuse with the offending part, password included, in its
/// message: a stray '%', an encoded NUL, a space or a control character.
void checkUriCharacters(const std::string& uri) {
    for (std::size_t i = 0; i < uri.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(uri[i]);
        if (c <= 0x20 || c == 0x7F)
            throw BoardError(message(CC_TEMPLATE("{1}: the address has a space or a control character in it"), {withoutPassword(uri).substr(0, 200)}));
        if (c == '%' && (i + 2 >= uri.size() || hexValue(uri[i + 1]) < 0 || hexValue(uri[i + 2]) < 0 ||
                         (uri[i + 1] == '0' && uri[i + 2] == '0')))
            throw BoardError(message(CC_TEMPLATE("{1}: the address has a '%' that is not followed by two hex digits (write % as %25)"), {withoutPassword(uri).substr(0, 200)}));
    }
}

}  // namespace

bool isServerAddress(const std::string& address) {
    if (schemeLength(address)) return true;
    const std::string keyword = firstKeyword(address);
    return !keyword.empty() && connectionKeywords().count(keyword);
}

std::string canonicalUri(const std::string& address) {
    if (const std::size_t n = schemeLength(address)) return "postgresql://" + address.substr(n);
    if (!isServerAddress(address)) return address;
    // Every libpq keyword is also a URI parameter: postgresql://?host=...&dbname=...
    std::string uri = "postgresql://";
    char sep = '?';
    for (const auto& [keyword, value] : keywordValues(address)) {
        uri += sep + keyword + "=" + percentEncode(value);
        sep = '&';
    }
    return uri;
}

std::string withoutPassword(const std::string& address) {
    std::string uri;
    try {
        uri = canonicalUri(address);
    } catch (const BoardError&) {
        return "(a keyword=value connection string)";  // cannot be taken apart: show none of it
    }
    // sslpassword unlocks a client key: a secret too.
    std::string out = dropParams(uri, {"password", "sslpassword"}, nullptr);
    const std::size_t scheme = out.find("://");
    if (scheme == std::string::npos) return out;
    const std::size_t start = scheme + 3;
    const std::size_t end = out.find_first_of("/?", start);
    const std::string authority = out.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const std::size_t at = authority.rfind('@');
    if (at == std::string::npos) return out;
    const std::size_t colon = authority.find(':');
    if (colon == std::string::npos || colon > at) return out;
    return out.substr(0, start) + authority.substr(0, colon) + authority.substr(at) +
           (end == std::string::npos ? "" : out.substr(end));
}

ServerAddress parseServerAddress(const std::string& given, const std::string& boardOption) {
    const std::string address = canonicalUri(given);
    ServerAddress a;
    std::string fromUri;
    bool hasBoardParam = false;
    {
        std::string probe;
        dropParams(address, {}, &probe);
        const std::size_t q = address.find('?');
        if (q != std::string::npos)
            for (const auto& part : split(address.substr(q + 1), '&'))
                if (percentDecode(part.substr(0, part.find('='))) == "board") hasBoardParam = true;
        fromUri = probe;
    }
    a.uri = dropParams(address, {"board"}, nullptr);
    checkUriCharacters(a.uri);  // what libpq reads; the board's name may hold spaces
    a.server = withoutPassword(a.uri);
    if (hasBoardParam && !boardOption.empty() && fromUri != boardOption)
        throw BoardError(message(CC_TEMPLATE("{1}: the address names board '{2}' and --board names '{3}'; name it once"), {a.server, fromUri, boardOption}));
    a.board = boardOption.empty() ? fromUri : boardOption;
    if (a.board.empty())
        throw BoardError(message(CC_TEMPLATE("{1}: which board? name it with --board NAME or a board=NAME parameter in the address"), {a.server}));
    if (a.board.size() > kMaxBoardNameBytes)
        throw BoardError(message(CC_TEMPLATE("{1}: the board name is longer than {2} bytes"), {a.server, std::to_string(kMaxBoardNameBytes)}));
    if (!isValidUtf8(a.board)) throw BoardError(message(CC_TEMPLATE("{1}: the board name is not valid UTF-8"), {a.server}));
    for (unsigned char c : a.board)
        if (c < 0x20 || c == 0x7F) throw BoardError(message(CC_TEMPLATE("{1}: the board name contains a control character"), {a.server}));
    a.display = a.server + (a.server.find('?') == std::string::npos ? "?" : "&") + "board=" + percentEncode(a.board);
    return a;
}

}  // namespace cc::pg
