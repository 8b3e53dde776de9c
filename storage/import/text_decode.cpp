// Placeholder until the decoder lands; replaced by the real one.
#include "candidate.h"
namespace cc::import {
std::string decodeText(std::string_view bytes, const std::string& name, std::string* encoding) {
    if (encoding) *encoding = "UTF-8";
    if (!isValidUtf8(bytes)) throw ImportError(name + ": not UTF-8 text");
    return std::string(bytes);
}
}  // namespace cc::import
