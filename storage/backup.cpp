#include "backup.h"
#include "board_copy.h"

#include <cereal/archives/json.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "json_guard.h"
#include "serialize.h"

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

/// The archive's top level. Version 1.
struct BackupFile {
    std::string format = kFormat;
    BoardInfo board;
    std::vector<Note> notes;
    std::vector<Link> links;
    std::vector<BackupLogEntry> changeLog;

    template <class A>
    void serialize(A& ar, const std::uint32_t /*version*/) {
        ar(cereal::make_nvp("format", format), cereal::make_nvp("board", board), cereal::make_nvp("notes", notes),
           cereal::make_nvp("links", links), cereal::make_nvp("changeLog", changeLog));
    }
};

}  // namespace cc::backup_detail

CEREAL_CLASS_VERSION(cc::backup_detail::BackupFile, 1);
CEREAL_CLASS_VERSION(cc::backup_detail::BackupLogEntry, 1);

namespace cc {

namespace {
using namespace backup_detail;

[[noreturn]] void fail(const std::string& path, const std::string& reason) { throw BoardError(path + ": " + reason); }

}  // namespace

void exportBackup(const Document& doc, const std::vector<LogEntry>& log, const std::string& path) {
    // A backup may replace an older backup, never a board or any other database: `export B --out B`
    // would otherwise swap the board for its JSON and leave the board's -wal and -shm behind.
    {
        std::ifstream existing(path, std::ios::binary);
        char magic[16] = {};
        if (existing && existing.read(magic, sizeof magic) && std::memcmp(magic, "SQLite format 3", 16) == 0)
            fail(path, "is a board (an SQLite database), not a backup; choose another file name");
    }
    BackupFile b;
    b.board = doc.board();
    for (const Note* n : doc.sortedNotes()) b.notes.push_back(*n);
    for (const Link* l : doc.sortedLinks()) b.links.push_back(*l);
    for (const auto& e : log) b.changeLog.push_back({e});
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) fail(path, "cannot be written (no such folder or no permission)");
        {
            cereal::JSONOutputArchive ar(out);
            ar(cereal::make_nvp("backup", b));
        }
        out << "\n";
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            fail(path, "writing failed (disk full?)");
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        fail(path, "cannot be written");
    }
}

Backup readBackup(const std::string& path, const SourceKinds& kinds) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) fail(path, "no such file");
    if (size > kMaxBackupBytes) fail(path, "larger than 1 GiB, too large for a backup");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot be read");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!jsonNestingWithin(text, 32)) fail(path, "not a backup (JSON nested deeper than 32 levels)");
    BackupFile b;
    try {
        std::istringstream s(text);
        cereal::JSONInputArchive ar(s);
        ar(cereal::make_nvp("backup", b));
    } catch (const std::exception& e) {
        fail(path, std::string("not a readable backup (") + e.what() + ")");
    }
    if (b.format != kFormat) fail(path, "not a Customer Canvas backup (format '" + b.format.substr(0, 60) + "')");

    // A backup is a file anyone can edit: a record that breaks a rule (the same rules the record
    // guard repairs on reading a board) refuses the whole backup, as nothing is restored halfway.
    Backup out;
    out.document = std::make_unique<Document>(b.board, kinds);
    try {
        out.document->validateBoard(b.board);
        for (const auto& n : b.notes) out.document->validateNote(n);
        for (const auto& l : b.links) out.document->validateLink(l);
    } catch (const ChangeError& e) {
        fail(path, std::string("invalid backup: ") + e.what());
    }
    const std::size_t noteCount = b.notes.size(), linkCount = b.links.size();
    out.document->loadRecords(std::move(b.notes), std::move(b.links));
    if (out.document->notes().size() != noteCount) fail(path, "invalid backup: a note id appears twice");
    if (out.document->links().size() != linkCount) fail(path, "invalid backup: a link id appears twice");
    auto problems = out.document->checkInvariants();
    if (!problems.empty()) fail(path, "invalid backup: " + problems.front());
    std::int64_t lastSeq = 0;
    for (auto& e : b.changeLog) {
        if (e.e.seq <= lastSeq) fail(path, "invalid backup: change log out of order at " + std::to_string(e.e.seq));
        lastSeq = e.e.seq;
        try {
            changeSetFromJson(e.e.payload);  // bounds size and nesting too
        } catch (const std::exception& ex) {
            fail(path, "invalid backup: change " + std::to_string(e.e.seq) + " is not a change set (" + ex.what() + ")");
        }
        out.log.push_back(std::move(e.e));
    }
    return out;
}

void restoreBackup(const std::string& backupPath, const std::string& address, const std::string& boardName) {
    Backup b = readBackup(backupPath);
    fillNewBoard(address, boardName, *b.document, b.log, "restore");
}

}  // namespace cc
