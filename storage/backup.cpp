#include "storage/backup.h"
#include "storage/board_copy.h"

#include <cereal/archives/json.hpp>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "storage/json_guard.h"
#include "storage/output_file.h"
#include "storage/serialize.h"

namespace cc::backup_detail {

constexpr const char* kFormat = "customer-canvas-backup";

struct BackupLogEntry {
    LogEntry e;
    template <class A>
    void serialize(A& ar, const std::uint32_t /*version*/) {
        ar(cereal::make_nvp("seq", e.seq), cereal::make_nvp("author", e.author), cereal::make_nvp("time", e.time),
           cereal::make_nvp("source", e.source), cereal::make_nvp("payload", e.payload));
    }
};

/// The archive's top level. Version 2 adds the insights.
struct BackupFile {
    std::string format = kFormat;
    BoardInfo board;
    std::vector<Note> notes;
    std::vector<Link> links;
    std::vector<Insight> insights;
    std::vector<BackupLogEntry> changeLog;

    template <class A>
    void serialize(A& ar, const std::uint32_t version) {
        ar(cereal::make_nvp("format", format), cereal::make_nvp("board", board), cereal::make_nvp("notes", notes),
           cereal::make_nvp("links", links));
        if (version >= 2) ar(cereal::make_nvp("insights", insights));
        ar(cereal::make_nvp("changeLog", changeLog));
    }
};

}  // namespace cc::backup_detail

CEREAL_CLASS_VERSION(cc::backup_detail::BackupFile, 2);
CEREAL_CLASS_VERSION(cc::backup_detail::BackupLogEntry, 1);

namespace cc {

namespace {
using namespace backup_detail;

[[noreturn]] void fail(const std::string& path, const std::string& reason) { throw BoardError(message(CC_TEMPLATE("{1}: {2}"), {path, reason})); }

/// The newest record version a backup of this program holds; a backup with a newer one was
/// written by a newer program and would be read wrongly (fields it added left out), so it is refused.
std::uint32_t newestVersion() {
    using cereal::detail::Version;
    return std::max({Version<BackupFile>::version, Version<BackupLogEntry>::version, Version<BoardInfo>::version,
                     Version<QuadrantInfo>::version, Version<Note>::version, Version<Provenance>::version,
                     Version<Link>::version, Version<Insight>::version});
}

std::size_t lineOf(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

/// The name of the field whose value starts at or runs through `offset` ("votes" for
/// `"votes": 1e999`), or "" when there is none.
std::string fieldAt(std::string_view text, std::size_t offset) {
    std::size_t i = std::min(offset, text.size());
    while (i > 0 && std::strchr("0123456789+-.eE", text[i - 1])) --i;
    auto skipSpace = [&] {
        while (i > 0 && std::isspace(static_cast<unsigned char>(text[i - 1]))) --i;
    };
    skipSpace();
    if (i == 0 || text[i - 1] != ':') return {};
    --i;
    skipSpace();
    if (i == 0 || text[i - 1] != '"') return {};
    const std::size_t end = --i;
    while (i > 0 && text[i - 1] != '"' && end - i < 64) --i;
    if (i == 0 || text[i - 1] != '"') return {};
    return std::string(text.substr(i, end - i));
}

/// The newest version of the record kept under `key` ("notes" holds notes, ...); the newest of
/// all for a key this program does not know.
std::uint32_t newestVersionOf(std::string_view key) {
    using cereal::detail::Version;
    if (key == "backup") return Version<BackupFile>::version;
    if (key == "board") return Version<BoardInfo>::version;
    if (key == "quadrants") return Version<QuadrantInfo>::version;
    if (key == "notes") return Version<Note>::version;
    if (key == "provenance") return Version<Provenance>::version;
    if (key == "links") return Version<Link>::version;
    if (key == "insights") return Version<Insight>::version;
    if (key == "changeLog") return Version<BackupLogEntry>::version;
    return newestVersion();
}

/// Reads the whole backup once without building anything: JSON syntax, numbers that fit, and
/// record versions this program knows (each kind's own: a backup that adds insights is version
/// 2 while its notes stay version 1).
class BackupScan : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, BackupScan> {
public:
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        m_versionNext = std::string_view(s, n) == "cereal_class_version";
        m_key.assign(s, n);
        return true;
    }
    // Each object and list is named by the key it is the value of (a list's items by the list's).
    bool StartObject() { return open(false); }
    bool StartArray() { return open(true); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool EndArray(rapidjson::SizeType) { return close(); }
    bool Uint(unsigned v) {
        const bool version = std::exchange(m_versionNext, false);
        const std::uint32_t newest = m_names.empty() ? m_newest : newestVersionOf(m_names.back().first);
        if (version && v > newest) {
            problem = message(CC_TEMPLATE("a record of version {1}, newer than this program reads ({2}); it was written by a newer Customer Canvas"),
                              {std::to_string(v), std::to_string(newest)});
            return false;
        }
        return true;
    }
    bool Default() {
        if (std::exchange(m_versionNext, false)) {
            problem = message(CC_TEMPLATE("field \"cereal_class_version\" is not a version number"));
            return false;
        }
        return true;
    }
    std::string problem;

private:
    bool open(bool list) {
        const bool inList = !m_names.empty() && m_names.back().second;
        m_names.emplace_back(inList ? m_names.back().first : m_key, list);
        return Default();
    }
    bool close() {
        if (!m_names.empty()) m_names.pop_back();
        return true;
    }
    bool m_versionNext = false;
    std::string m_key;
    std::vector<std::pair<std::string, bool>> m_names;  // (name, is a list), outermost first
    const std::uint32_t m_newest = newestVersion();
};

/// Why the text is no readable backup (one line, naming the line and field), or "".
std::string scanProblem(std::string_view text) {
    rapidjson::MemoryStream bytes(text.data(), text.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(bytes);
    BackupScan scan;
    rapidjson::Reader reader;
    const rapidjson::ParseResult r = reader.Parse(in, scan);
    if (r) return {};
    const std::string line = std::to_string(lineOf(text, r.Offset()));
    if (!scan.problem.empty()) return message(CC_TEMPLATE("line {1}: {2}"), {line, scan.problem});
    const std::string field = fieldAt(text, r.Offset());
    if (r.Code() == rapidjson::kParseErrorNumberTooBig || r.Code() == rapidjson::kParseErrorNumberMissFraction ||
        r.Code() == rapidjson::kParseErrorNumberMissExponent) {
        std::size_t end = std::min(r.Offset(), text.size());
        while (end < text.size() && end - r.Offset() < 40 && std::strchr("0123456789+-.eE", text[end])) ++end;
        const std::string number(text.substr(std::min(r.Offset(), text.size()), end - std::min(r.Offset(), text.size())));
        return field.empty() ? message(CC_TEMPLATE("line {1}: the number {2} cannot be read ({3})"), {line, number, rapidjson::GetParseError_En(r.Code())})
                             : message(CC_TEMPLATE("line {1}, field \"{2}\": the number {3} cannot be read ({4})"),
                                       {line, field, number, rapidjson::GetParseError_En(r.Code())});
    }
    return field.empty() ? message(CC_TEMPLATE("line {1}: {2}"), {line, rapidjson::GetParseError_En(r.Code())})
                         : message(CC_TEMPLATE("line {1}, field \"{2}\": {3}"), {line, field, rapidjson::GetParseError_En(r.Code())});
}

/// A value of the wrong kind, in words, from rapidjson's assertion as cereal reports it.
std::string kindProblem(const std::string& assertion) {
    auto has = [&](const char* s) { return assertion.find(s) != std::string::npos; };
    if (has("IntFlag") || has("UintFlag") || has("Int64Flag") || has("Uint64Flag") || has("IsInt") || has("IsUint"))
        return message(CC_TEMPLATE("not a whole number in range"));
    if (has("IsNumber") || has("IsDouble") || has("DoubleFlag")) return message(CC_TEMPLATE("not a number"));
    if (has("IsString")) return message(CC_TEMPLATE("not a text"));
    if (has("IsBool") || has("IsTrue") || has("IsFalse")) return message(CC_TEMPLATE("not true or false"));
    if (has("IsObject") || has("IsArray")) return message(CC_TEMPLATE("not the object or list expected there"));
    return message(CC_TEMPLATE("of the wrong kind"));
}

/// Reads the backup's records; throws BoardError naming the file, and the field when a value is
/// of the wrong kind.
BackupFile readRecords(const std::string& path, const std::string& text) {
    if (const std::string why = scanProblem(text); !why.empty()) fail(path, message(CC_TEMPLATE("not a readable backup ({1})"), {why}));
    BackupFile b;
    std::istringstream s(text);
    std::optional<cereal::JSONInputArchive> ar;
    try {
        ar.emplace(s);
    } catch (const std::exception&) {
        fail(path, message(CC_TEMPLATE("not a backup (the file is not a JSON object)")));
    }
    try {
        (*ar)(cereal::make_nvp("backup", b));
    } catch (const cereal::RapidJSONException& e) {
        const char* field = ar->getNodeName();
        fail(path, field ? message(CC_TEMPLATE("not a readable backup (field \"{1}\" is {2})"), {field, kindProblem(e.what())})
                         : message(CC_TEMPLATE("not a readable backup (a list item is {1})"), {kindProblem(e.what())}));
    } catch (const std::exception& e) {
        fail(path, message(CC_TEMPLATE("not a readable backup ({1})"), {e.what()}));
    }
    return b;
}

Backup checkedBackup(const std::string& path, const SourceKinds& kinds);

}  // namespace

void exportBackup(const Document& doc, const std::vector<LogEntry>& log, const std::string& path) {
    // A backup may replace an older backup, never a board or any other database: `export B --out B`
    // would otherwise swap the board for its JSON and leave the board's -wal and -shm behind.
    {
        std::ifstream existing(path, std::ios::binary);
        char magic[16] = {};
        if (existing && existing.read(magic, sizeof magic) && std::memcmp(magic, "SQLite format 3", 16) == 0)
            fail(path, message(CC_TEMPLATE("is a board (an SQLite database), not a backup; choose another file name")));
    }
    BackupFile b;
    b.board = doc.board();
    for (const Note* n : doc.sortedNotes()) b.notes.push_back(*n);
    for (const Link* l : doc.sortedLinks()) b.links.push_back(*l);
    for (const Insight* i : doc.sortedInsights()) b.insights.push_back(*i);
    for (const auto& e : log) b.changeLog.push_back({e});
    try {
        OutputFile file(path);
        {
            cereal::JSONOutputArchive ar(file.stream());
            ar(cereal::make_nvp("backup", b));
        }
        file.stream() << "\n";
        file.commit();
    } catch (const OutputFileError& e) {
        throw BoardError(e.what());
    }
}

Backup readBackup(const std::string& path, const SourceKinds& kinds) {
    try {
        return checkedBackup(path, kinds);
    } catch (const std::bad_alloc&) {
        fail(path, message(CC_TEMPLATE("too large to read in the memory this computer has")));
    }
}

namespace {

Backup checkedBackup(const std::string& path, const SourceKinds& kinds) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) fail(path, message(CC_TEMPLATE("no such file")));
    if (size > kMaxBackupBytes) fail(path, message(CC_TEMPLATE("larger than 1 GiB, too large for a backup")));
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, message(CC_TEMPLATE("cannot be read")));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!jsonNestingWithin(text, 32)) fail(path, message(CC_TEMPLATE("not a backup (JSON nested deeper than 32 levels)")));
    BackupFile b = readRecords(path, text);
    if (b.format != kFormat) fail(path, message(CC_TEMPLATE("not a Customer Canvas backup (format '{1}')"), {b.format.substr(0, 60)}));

    // A backup is a file anyone can edit: a record that breaks a rule (the same rules the record
    // guard repairs on reading a board) refuses the whole backup, as nothing is restored halfway.
    Backup out;
    out.document = std::make_unique<Document>(b.board, kinds);
    try {
        out.document->validateBoard(b.board);
        for (const auto& n : b.notes) out.document->validateNote(n);
        for (const auto& l : b.links) out.document->validateLink(l);
        for (const auto& i : b.insights) out.document->validateInsight(i);
    } catch (const ChangeError& e) {
        fail(path, message(CC_TEMPLATE("invalid backup: {1}"), {e.what()}));
    }
    const std::size_t noteCount = b.notes.size(), linkCount = b.links.size(), insightCount = b.insights.size();
    out.document->loadRecords(std::move(b.notes), std::move(b.links), std::move(b.insights));
    if (out.document->insights().size() != insightCount) fail(path, message(CC_TEMPLATE("invalid backup: an insight id appears twice")));
    if (out.document->notes().size() != noteCount) fail(path, message(CC_TEMPLATE("invalid backup: a note id appears twice")));
    if (out.document->links().size() != linkCount) fail(path, message(CC_TEMPLATE("invalid backup: a link id appears twice")));
    auto problems = out.document->checkInvariants();
    if (!problems.empty()) fail(path, message(CC_TEMPLATE("invalid backup: {1}"), {problems.front()}));
    std::int64_t lastSeq = 0;
    for (auto& e : b.changeLog) {
        if (e.e.seq <= lastSeq) fail(path, message(CC_TEMPLATE("invalid backup: change log out of order at {1}"), {std::to_string(e.e.seq)}));
        lastSeq = e.e.seq;
        try {
            changeSetFromJson(e.e.payload);  // bounds size and nesting too
        } catch (const std::exception& ex) {
            fail(path, message(CC_TEMPLATE("invalid backup: change {1} is not a change set ({2})"), {std::to_string(e.e.seq), ex.what()}));
        }
        out.log.push_back(std::move(e.e));
    }
    return out;
}

}  // namespace

void restoreBackup(const std::string& backupPath, const std::string& address, const std::string& boardName,
                   const PasswordPrompt& askPassword) {
    Backup b = readBackup(backupPath);
    fillNewBoard(address, boardName, *b.document, b.log, "restore", askPassword);
}

}  // namespace cc
