#include "storage/summary/summary_source.h"

#include "canvas/replay.h"

namespace cc::summary {

MonthlySummary summaryOfBoard(BoardStore& file, const Month& month, Millis now) {
    std::vector<ChangeSet> log;
    for (LogChange& e : file.changes()) {
        if (!e.change)
            throw BoardError(message(CC_TEMPLATE("{1}: change {2} of the history cannot be read ({3})"),
                                     {file.address(), std::to_string(e.seq), e.problem}));
        log.push_back(std::move(*e.change));
    }
    try {
        auto atEnd = boardAt(log, month.end());
        auto atPreviousEnd = boardAt(log, month.previous().end());
        std::vector<ChangeSet> inMonth;
        for (const auto& cs : log)
            if (cs.time >= month.start() && cs.time < month.end()) inMonth.push_back(cs);
        return summarise(*atEnd, *atPreviousEnd, month, inMonth, now);
    } catch (const ChangeError& e) {
        throw BoardError(message(CC_TEMPLATE("{1}: the history does not replay ({2})"), {file.address(), e.what()}));
    }
}

}  // namespace cc::summary
