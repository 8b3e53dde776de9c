#pragma once

#include <stdexcept>
#include <string>

#include "canvas/wording.h"  // message(): the line is worded in the interface language

namespace cc {

/// A board file (or backup) that cannot be opened, read or written. The message is one line
/// that names the file and the reason, made with message() so that it reads in the interface language.
class BoardError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace cc
