#include "canvas/board_factory.h"

#include "canvas/geometry.h"
#include "canvas/templates.h"

namespace cc {

BoardInfo makeBoard(std::string title, const std::string& templateKey, TemplateLanguage lang) {
    BoardInfo b;
    b.quadrants = templateQuadrants(templateKey, lang);
    b.id = newId("b");
    b.title = std::move(title);
    b.templateKey = templateKey;
    b.created = nowMillis();
    b.wallWidth = kDefaultWallWidth;
    b.wallHeight = kDefaultWallHeight;
    return b;
}

}  // namespace cc
