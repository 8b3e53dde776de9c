#pragma once
// The monthly summary of a board: its change log replayed to the end of the month and of
// the month before (so the comparison works even when no summary was exported then).

#include "storage/board_store.h"
#include "canvas/progress.h"
#include "canvas/summary.h"

namespace cc::summary {

/// Computes the summary of `month` for a board file. Throws BoardError for an unreadable log.
/// Reports its progress to `progress` (its stage of a longer action) and throws Cancelled
/// when that says stop.
MonthlySummary summaryOfBoard(BoardStore& file, const Month& month, Millis now, const ProgressFn& progress = {});

}  // namespace cc::summary
