// Placeholder until the parser lands; replaced by the real one.
#include "candidate.h"
namespace cc::import {
ParseResult parsePlainText(std::string_view, const std::string& name, const ParseOptions&) {
    throw ImportError(name + ": this format cannot be imported yet");
}
}  // namespace cc::import
