#include "serialize.h"

#include <cereal/archives/json.hpp>
#include <sstream>

namespace cc {

std::string changeSetToJson(const ChangeSet& cs) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(out, cereal::JSONOutputArchive::Options::NoIndent());
        ar(cereal::make_nvp("changeSet", cs));
    }
    return out.str();
}

ChangeSet changeSetFromJson(const std::string& json) {
    ChangeSet cs;
    try {
        std::istringstream in(json);
        cereal::JSONInputArchive ar(in);
        ar(cereal::make_nvp("changeSet", cs));
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("malformed change set: ") + e.what());
    }
    return cs;
}

}  // namespace cc
