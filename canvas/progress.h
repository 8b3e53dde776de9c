#pragma once
// A long action's progress, told to whoever waits for it, and its way to be stopped: the
// action calls a ProgressFn now and then with the share done (0..1); the function answers false
// to ask it to stop, and the action then throws Cancelled having written nothing.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <stdexcept>

namespace cc {

/// Told the share done (0..1); returns false to stop the action.
using ProgressFn = std::function<bool(double)>;

/// A long action stopped because its ProgressFn asked it to; nothing was written.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

/// One stage of a long action, from `from` to `to` of the whole: reports its own steps in
/// that range and throws Cancelled when told to stop. Does nothing without a ProgressFn.
class ProgressStage {
public:
    ProgressStage(const ProgressFn& fn, double from, double to) : m_fn(fn), m_from(from), m_to(to) {}
    /// Reports `done` of `total` steps of this stage, every `every` steps (and at the last).
    void step(std::size_t done, std::size_t total, std::size_t every = 256) const {
        if (m_fn && (done % every == 0 || done == total))
            report(total ? static_cast<double>(done) / static_cast<double>(total) : 1.0);
    }
    /// Reports the share (0..1) of this stage done.
    void report(double share) const {
        if (m_fn && !m_fn(m_from + (m_to - m_from) * std::clamp(share, 0.0, 1.0))) throw Cancelled();
    }

private:
    const ProgressFn& m_fn;
    double m_from, m_to;
};

}  // namespace cc
