#pragma once
// The wall: the four quadrants and their notes and links, drawn into an ImGui draw list
// through a camera (pan and zoom).

#include <imgui.h>

#include "document.h"
#include "geometry.h"

namespace cc::gui {

class Fonts;

/// Where the wall is looked at from: the wall point at the centre of the view, and pixels per
/// wall unit.
struct Camera {
    double cx = 0, cy = 0;
    double zoom = 0.2;

    ImVec2 toScreen(double x, double y, const ImVec2& viewCentre) const {
        return {static_cast<float>(viewCentre.x + (x - cx) * zoom), static_cast<float>(viewCentre.y + (y - cy) * zoom)};
    }
    void toWall(const ImVec2& p, const ImVec2& viewCentre, double& x, double& y) const {
        x = cx + (p.x - viewCentre.x) / zoom;
        y = cy + (p.y - viewCentre.y) / zoom;
    }
};

class WallView {
public:
    explicit WallView(const Fonts& fonts) : m_fonts(fonts) {}

    /// Fits the whole wall into the view.
    void fitWall(const Document& doc);
    /// 100 %: one wall unit per pixel, around the view's centre.
    void zoomActual() { m_camera.zoom = 1.0; }
    /// Draws the wall into the current window's content region and handles pan and zoom.
    void draw(const Document& doc);
    const Camera& camera() const { return m_camera; }

private:
    void handleInput(const ImVec2& centre);

    const Fonts& m_fonts;
    Camera m_camera;
    ImVec2 m_viewSize{1, 1};
    bool m_fitPending = true;
    Rect m_fitTarget;
};

}  // namespace cc::gui
