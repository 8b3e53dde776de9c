#include "storage/board_copy.h"

#include <cstdio>

#include "storage/pg/pg_board.h"

namespace cc {

void fillNewBoard(const std::string& address, const std::string& boardName, const Document& doc,
                  const std::vector<LogEntry>& log, const std::string& author, const PasswordPrompt& askPassword,
                  const ProgressFn& progress) {
    if (progress && !progress(0)) throw Cancelled();
    auto store = createBoard(address, doc.board(), author, boardName, askPassword);
    try {
        store->writeAll(doc, log, progress);
    } catch (...) {
        if (auto* server = dynamic_cast<PgBoard*>(store.get())) {
            server->dropBoard();
        } else {
            store.reset();
            for (const char* suffix : {"", "-wal", "-shm"}) std::remove((address + suffix).c_str());
        }
        throw;
    }
}

std::size_t copyBoard(const std::string& from, const std::string& fromBoard, const std::string& to,
                      const std::string& toBoard, const PasswordPrompt& askPassword, const ProgressFn& progress) {
    auto source = openBoard(from, BoardStore::Mode::ReadOnly, fromBoard, askPassword);
    // The records and the log must tell the same story: if someone commits between reading the
    // one and the other, read both again.
    std::unique_ptr<Document> doc;
    std::vector<LogEntry> log;
    for (int attempt = 0;; ++attempt) {
        const std::int64_t before = source->lastSequence();
        doc = source->load();
        log = source->changeLog();
        const std::int64_t after = log.empty() ? 0 : log.back().seq;
        if (after == before) break;
        if (attempt == 20) throw BoardError(message(CC_TEMPLATE("{1}: the board changes too often to copy it; try again"), {source->address()}));
    }
    // Reading is a tenth of the work: the whole log comes in one query.
    const ProgressStage reading(progress, 0, 0.1);
    reading.report(1);
    const ProgressFn writing = [&](double share) { return !progress || progress(0.1 + 0.9 * share); };
    fillNewBoard(to, toBoard, *doc, log, log.empty() ? "copy" : log.front().author, askPassword, writing);
    return log.size();
}

}  // namespace cc
