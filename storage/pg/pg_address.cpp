#include "pg_address.h"

#include <vector>

#include "board_error.h"
#include "model.h"

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

}  // namespace

std::string withoutPassword(const std::string& uri) {
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

ServerAddress parseServerAddress(const std::string& address, const std::string& boardOption) {
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
    a.server = withoutPassword(a.uri);
    if (hasBoardParam && !boardOption.empty() && fromUri != boardOption)
        throw BoardError(a.server + ": the address names board '" + fromUri + "' and --board names '" + boardOption +
                         "'; name it once");
    a.board = boardOption.empty() ? fromUri : boardOption;
    if (a.board.empty())
        throw BoardError(a.server + ": which board? name it with --board NAME or a board=NAME parameter in the address");
    if (a.board.size() > kMaxBoardNameBytes)
        throw BoardError(a.server + ": the board name is longer than " + std::to_string(kMaxBoardNameBytes) + " bytes");
    if (!isValidUtf8(a.board)) throw BoardError(a.server + ": the board name is not valid UTF-8");
    for (unsigned char c : a.board)
        if (c < 0x20 || c == 0x7F) throw BoardError(a.server + ": the board name contains a control character");
    a.display = a.server + (a.server.find('?') == std::string::npos ? "?" : "&") + "board=" + percentEncode(a.board);
    return a;
}

}  // namespace cc::pg
