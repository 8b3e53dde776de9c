#pragma once
// Benchmarks measure and report; they never fail on a number. Each row is one JSON line on
// stdout, gathered into a table by scripts/bench.sh.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace cc::bench {

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = p / 100.0 * (v.size() - 1);
    const auto lo = static_cast<std::size_t>(pos);
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

inline double median(const std::vector<double>& v) { return percentile(v, 50); }

/// Milliseconds since an arbitrary start, from a steady clock.
inline double nowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

/// Peak resident memory of this process so far, in MB (VmHWM).
inline double peakRssMb() {
    std::ifstream in("/proc/self/status");
    std::string key;
    while (in >> key) {
        if (key == "VmHWM:") {
            double kb = 0;
            in >> kb;
            return kb / 1024.0;
        }
        std::getline(in, key);
    }
    return 0;
}

/// One row: what was measured, its value, the target, and (optionally) the floor measured in
/// the same run and the ratio to it.
inline void row(const std::string& name, double value, const std::string& unit, const std::string& target,
                double floor = 0, const std::string& floorName = "", const std::string& detail = "") {
    std::printf("{\"name\": \"%s\", \"value\": %.3f, \"unit\": \"%s\", \"target\": \"%s\"", name.c_str(), value,
                unit.c_str(), target.c_str());
    if (floor > 0)
        std::printf(", \"floor\": %.3f, \"floor_name\": \"%s\", \"ratio\": %.2f", floor, floorName.c_str(), value / floor);
    if (!detail.empty()) std::printf(", \"detail\": \"%s\"", detail.c_str());
    std::printf("}\n");
    std::fflush(stdout);
}

}  // namespace cc::bench
