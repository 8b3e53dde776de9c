#pragma once
// Where the wall is seen from: the wall point at the centre of the view and the zoom
// (screen pixels per wall unit).

#include <imgui.h>

#include <algorithm>

#include "canvas/geometry.h"

namespace cc::gui {

struct Camera {
    double cx = 0, cy = 0;
    double zoom = 0.25;

    static constexpr double kMinZoom = 0.002;
    static constexpr double kMaxZoom = 8.0;

    ImVec2 toScreen(double x, double y, const ImVec2& centre) const {
        return {static_cast<float>(centre.x + (x - cx) * zoom), static_cast<float>(centre.y + (y - cy) * zoom)};
    }
    void toWall(const ImVec2& p, const ImVec2& centre, double& x, double& y) const {
        x = cx + (p.x - centre.x) / zoom;
        y = cy + (p.y - centre.y) / zoom;
    }
    /// The wall rectangle a view of this size shows.
    Rect visible(const ImVec2& size) const {
        return {cx - size.x / 2 / zoom, cy - size.y / 2 / zoom, size.x / zoom, size.y / zoom};
    }
    /// Shows all of `r` with a small margin.
    void fit(const Rect& r, const ImVec2& size) {
        const double margin = 1.06;
        zoom = std::clamp(std::min(size.x / (r.w * margin), size.y / (r.h * margin)), kMinZoom, kMaxZoom);
        cx = r.x + r.w / 2;
        cy = r.y + r.h / 2;
    }
    /// Zooms by a factor keeping the wall point under `p` where it is.
    void zoomAround(double factor, const ImVec2& p, const ImVec2& centre) {
        double wx, wy;
        toWall(p, centre, wx, wy);
        zoom = std::clamp(zoom * factor, kMinZoom, kMaxZoom);
        cx = wx - (p.x - centre.x) / zoom;
        cy = wy - (p.y - centre.y) / zoom;
    }
};

}  // namespace cc::gui
