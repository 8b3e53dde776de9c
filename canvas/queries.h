#pragma once
// Facts derived from the document, computed on demand: never stored, so never stale.

#include <array>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "canvas/document.h"

namespace cc {

/// A note counts in derived facts while it is on the wall (pinned).
inline bool onWall(const Note& n) { return n.state == NoteState::Pinned; }

/// The notes on the wall that support this one (links of kind supports, either direction).
std::vector<const Note*> supporters(const Document& doc, const std::string& noteId);
/// The notes on the wall that conflict with this one.
std::vector<const Note*> conflicting(const Document& doc, const std::string& noteId);
/// Corroborated: supporting notes from at least two different source kinds (triangulation).
bool isCorroborated(const Document& doc, const std::string& noteId);
/// Contested: at least one conflicts link to another note on the wall.
bool isContested(const Document& doc, const std::string& noteId);

/// Counts over the notes on the wall.
struct BoardCounts {
    int onWall = 0, inTray = 0, archived = 0;
    std::array<int, 5> byQuadrant{};          ///< [1..4]; [0] unused
    std::map<std::string, int> bySource;      ///< source key -> notes
    int quantitative = 0, qualitative = 0;
    int direct = 0, indirect = 0, internal = 0, eitherChannel = 0;
    int customerInitiated = 0;
    int corroborated = 0, contested = 0;
    int links = 0, supports = 0, conflicts = 0, relates = 0;
    /// Source kinds with at least one note on the wall.
    int sourceKindsUsed() const { return static_cast<int>(bySource.size()); }
};

/// Counts the board; when given, fills the ids of the corroborated and contested notes on the way
/// (so a view pays for the link walk once).
BoardCounts countBoard(const Document& doc, std::unordered_set<std::string>* corroborated = nullptr,
                       std::unordered_set<std::string>* contested = nullptr);

}  // namespace cc
