#pragma once

#include <stdexcept>
#include <string>

namespace cc {

/// A board file (or backup) that cannot be opened, read or written. The message is one line
/// that names the file and the reason.
class BoardError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace cc
