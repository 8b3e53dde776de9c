#include "storage/summary/summary_source.h"

#include <algorithm>

#include "canvas/replay.h"
#include "storage/summary/summary_text.h"

namespace cc::summary {

namespace {
// Rows of the history read at a time (a step of the progress bar).
constexpr std::size_t kChunk = 2000;
}  // namespace

MonthlySummary summaryOfBoard(BoardStore& file, const Month& month, Millis now, const ProgressFn& progress) {
    // Reading the history is most of the work of a big board, then replaying it twice.
    const ProgressStage reading(progress, 0, 0.5), replayEnd(progress, 0.5, 0.75), replayBefore(progress, 0.75, 1);
    const auto total = static_cast<std::size_t>(std::max<std::int64_t>(file.lastSequence(), 1));
    reading.report(0);
    std::vector<ChangeSet> log;
    for (std::int64_t after = 0;;) {
        std::vector<LogChange> rows = file.changes(after, kChunk);
        for (LogChange& e : rows) {
            if (!e.change)
                throw BoardError(message(CC_TEMPLATE("{1}: change {2} of the history cannot be read ({3})"),
                                         {file.address(), std::to_string(e.seq), e.problem}));
            log.push_back(std::move(*e.change));
        }
        reading.step(std::min(log.size(), total), total, 1);
        if (rows.size() < kChunk) break;
        after = rows.back().seq;
    }
    try {
        auto atEnd = boardAt(log, month.end(), SourceKinds::builtin(), &replayEnd);
        auto atPreviousEnd = boardAt(log, month.previous().end(), SourceKinds::builtin(), &replayBefore);
        std::vector<ChangeSet> inMonth;
        for (const auto& cs : log)
            if (cs.time >= month.start() && cs.time < month.end()) inMonth.push_back(cs);
        return summarise(*atEnd, *atPreviousEnd, month, inMonth, now, reasonWordings());
    } catch (const ChangeError& e) {
        throw BoardError(message(CC_TEMPLATE("{1}: the history does not replay ({2})"), {file.address(), e.what()}));
    }
}

}  // namespace cc::summary
