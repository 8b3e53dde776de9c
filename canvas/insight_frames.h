#pragma once
// Insights on the wall: each is a frame around its evidence notes on the wall, with a band on
// top for its title. The frame is not stored; it follows the notes (grows when one is added,
// moves when they move). Dropping notes into a frame adds them to its evidence; dragging one
// out of it takes it out. The one home of that geometry and that rule, for the renderer, the
// wall tool and the tests.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "canvas/document.h"
#include "canvas/geometry.h"

namespace cc {

/// Room between a frame and its notes, in wall units (half the gap between notes).
inline constexpr double kFramePad = kNoteGap / 2;
/// The narrowest a frame is (two notes wide), so that its title can be read: a frame around a
/// single note reaches to the right of it.
inline constexpr double kMinFrameWidth = 2 * kNoteWidth + kNoteGap + 2 * kFramePad;

/// The height of a frame's title band, in wall units, when one screen pixel is `px` wall units:
/// never smaller than 26 pixels on screen (a title read from afar), 40 wall units close up.
double frameBandHeight(double px);

struct InsightFrame {
    const Insight* insight = nullptr;
    Rect box;   ///< the whole frame, its title band included
    Rect band;  ///< the title band at the frame's top
    std::vector<std::string> notes;  ///< its evidence notes on the wall
};

/// Where a note is drawn (the renderer's drag preview); plain noteRect by default.
using NotePlace = std::function<Rect(const Note&)>;

/// The frame of insight `i`, or none when no note of its evidence is on the wall.
std::optional<InsightFrame> insightFrame(const Document& doc, const Insight& i, double band,
                                         const NotePlace& place = {});
/// The frames of the board's insights, in the document's order (the oldest drawn first).
std::vector<InsightFrame> insightFrames(const Document& doc, double band, const NotePlace& place = {});
/// The insight whose title band is at (x, y): the newest one on top; null when none.
const InsightFrame* frameBandAt(const std::vector<InsightFrame>& frames, double x, double y);

/// The insights changed by moving notes `moved` by (dx, dy), judged on the frames as they stood
/// before the move: a note whose centre comes into a frame it is not in from outside joins that
/// insight's evidence (the topmost such frame's, when frames overlap there; a note that was
/// already inside, between its notes, stays out); an evidence note whose centre lands outside its frame leaves it. An insight all of
/// whose notes on the wall move together moves with them, unchanged.
std::vector<Insight> evidenceAfterMove(const Document& doc, const std::vector<InsightFrame>& before,
                                       const std::vector<std::string>& moved, double dx, double dy);

}  // namespace cc
