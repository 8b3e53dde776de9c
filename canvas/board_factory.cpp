#include "canvas/board_factory.h"

#include "canvas/geometry.h"
#include "canvas/templates.h"

namespace cc {

BoardInfo makeBoard(std::string title, const std::string& templateKey) {
    BoardInfo b;
    b.quadrants = templateQuadrants(templateKey);
    b.id = newId("b");
    b.title = std::move(title);
    b.templateKey = templateKey;
    b.created = nowMillis();
    b.wallWidth = kDefaultWallWidth;
    b.wallHeight = kDefaultWallHeight;
    return b;
}

}  // namespace cc
