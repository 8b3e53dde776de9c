#include "canvas/replay.h"
#include "canvas/wording.h"

namespace cc {

std::unique_ptr<Document> boardAt(const std::vector<ChangeSet>& log, Millis until, const SourceKinds& kinds,
                                  const ProgressStage* progress) {
    std::unique_ptr<Document> doc;
    std::size_t index = 0;
    for (const ChangeSet& cs : log) {
        ++index;
        if (progress) progress->step(index, log.size());
        if (cs.time >= until) break;  // the log is in commit order, which is time order per board
        if (!doc) {
            if (!cs.board) throw ChangeError(message(CC_TEMPLATE("the change log does not start with the board's creation")));
            doc = std::make_unique<Document>(cs.board->second, kinds);
            ChangeSet rest = cs;
            rest.board.reset();
            if (!rest.empty()) doc->apply(rest);
            continue;
        }
        try {
            doc->apply(cs);
        } catch (const ChangeError& e) {
            throw ChangeError(message(CC_TEMPLATE("change {1} of the log does not replay: {2}"), {std::to_string(index), e.what()}));
        }
    }
    if (progress) progress->report(1);  // the rest of the log is after `until`
    if (!doc) {
        // The board did not exist yet: an empty board with the first record's quadrants.
        if (!log.empty() && log.front().board) {
            BoardInfo b = log.front().board->second;
            doc = std::make_unique<Document>(b, kinds);
        } else {
            throw ChangeError(message(CC_TEMPLATE("the change log is empty")));
        }
    }
    return doc;
}

}  // namespace cc
