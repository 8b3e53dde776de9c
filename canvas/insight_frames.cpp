#include "canvas/insight_frames.h"

#include <algorithm>
#include <unordered_set>

namespace cc {

double frameBandHeight(double px) { return std::max(40.0, 26 * px); }

std::optional<InsightFrame> insightFrame(const Document& doc, const Insight& i, double band, const NotePlace& place) {
    InsightFrame f;
    f.insight = &i;
    std::optional<Rect> around;
    for (const auto& id : i.notes) {
        const Note* n = doc.note(id);
        if (!n || n->state != NoteState::Pinned) continue;
        const Rect r = place ? place(*n) : noteRect(*n);
        around = around ? around->united(r) : r;
        f.notes.push_back(id);
    }
    if (!around) return std::nullopt;
    f.box = {around->x - kFramePad, around->y - kFramePad - band, std::max(around->w + 2 * kFramePad, kMinFrameWidth),
             around->h + 2 * kFramePad + band};
    f.band = {f.box.x, f.box.y, f.box.w, band};
    return f;
}

std::vector<InsightFrame> insightFrames(const Document& doc, double band, const NotePlace& place) {
    std::vector<InsightFrame> out;
    for (const Insight* i : doc.sortedInsights())
        if (auto f = insightFrame(doc, *i, band, place)) out.push_back(std::move(*f));
    return out;
}

const InsightFrame* frameBandAt(const std::vector<InsightFrame>& frames, double x, double y) {
    for (auto it = frames.rbegin(); it != frames.rend(); ++it)
        if (it->band.contains(x, y)) return &*it;
    return nullptr;
}

std::vector<Insight> evidenceAfterMove(const Document& doc, const std::vector<InsightFrame>& before,
                                       const std::vector<std::string>& moved, double dx, double dy) {
    std::vector<Insight> out;
    if (dx == 0 && dy == 0) return out;
    const std::unordered_set<std::string> movedSet(moved.begin(), moved.end());
    const auto centre = [&](const Note& n) { return std::make_pair(n.x + dx + n.w / 2, n.y + dy + n.h / 2); };
    // A frame that moves with all its notes takes none in and lets none go.
    std::vector<bool> moving(before.size());
    for (std::size_t k = 0; k < before.size(); ++k)
        moving[k] = std::all_of(before[k].notes.begin(), before[k].notes.end(),
                                [&](const auto& id) { return movedSet.count(id) > 0; });
    // The frame a note joins: the topmost that holds its centre now.
    const auto joins = [&](const Note& n) -> std::optional<std::size_t> {
        const auto [x, y] = centre(n);
        for (std::size_t k = before.size(); k-- > 0;)
            if (!moving[k] && before[k].box.contains(x, y)) return k;
        return std::nullopt;
    };
    for (std::size_t k = 0; k < before.size(); ++k) {
        const InsightFrame& f = before[k];
        if (moving[k]) continue;
        Insight after = *f.insight;
        const std::unordered_set<std::string> cited(after.notes.begin(), after.notes.end());
        bool changed = false;
        for (const auto& id : moved) {
            const Note* n = doc.note(id);
            if (!n || n->state != NoteState::Pinned) continue;
            const auto [x, y] = centre(*n);
            if (cited.count(id) && !f.box.contains(x, y)) {
                after.notes.erase(std::find(after.notes.begin(), after.notes.end(), id));
                changed = true;
            } else if (!cited.count(id) && joins(*n) == k &&
                       !f.box.contains(n->x + n->w / 2, n->y + n->h / 2)) {  // it came in from outside
                after.notes.push_back(id);
                changed = true;
            }
        }
        if (changed) out.push_back(std::move(after));
    }
    return out;
}

}  // namespace cc
