#pragma once
// Rebuilding the board as it stood at any moment from its change log: every committed change
// set, in order, applied to an empty board.

#include <memory>
#include <vector>

#include "canvas/document.h"
#include "canvas/progress.h"

namespace cc {

/// The board as it stood just before `until` (exclusive): the change sets with time < until,
/// in log order. The first change set of a log creates the board (its board record goes from
/// empty to the new board). Throws ChangeError if the log does not replay; reports the
/// change sets applied to `progress` (throws Cancelled when it says stop).
std::unique_ptr<Document> boardAt(const std::vector<ChangeSet>& log, Millis until,
                                  const SourceKinds& kinds = SourceKinds::builtin(), const ProgressStage* progress = nullptr);

}  // namespace cc
