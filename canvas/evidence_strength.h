#pragma once
// How strong an insight's evidence is: computed from its notes, never typed in. The rule is
// written out in the README ("Evidence strength"), so that a team can explain a grade to its
// board; keep the two in step.

#include <string>
#include <string_view>
#include <vector>

#include "canvas/document.h"
#include "canvas/wording.h"

namespace cc {

enum class StrengthGrade { Weak, Moderate, Strong };
std::string_view toString(StrengthGrade g);
/// The grade in words ("strong"), in the language of the message wording.
std::string gradeWord(StrengthGrade g);

struct EvidenceStrength {
    StrengthGrade grade = StrengthGrade::Weak;
    int score = 0;                     ///< 0-100
    std::vector<std::string> reasons;  ///< in words, in the wording's language
};

/// Points of the rule (see the README's table).
namespace strength {
inline constexpr int kStrongFrom = 70;    ///< a score from here up is strong
inline constexpr int kModerateFrom = 40;  ///< from here up moderate, below weak
inline constexpr int kConflictPenalty = 10;
inline constexpr int kMaxConflictPenalty = 30;
}  // namespace strength

/// The strength of insight `i` on board `doc`, with `today` (YYYY-MM-DD) for the recency of its
/// evidence. Pure: the same board, insight and day give the same result.
EvidenceStrength evidenceStrength(const Document& doc, const Insight& i, std::string_view today,
                                  const Wording& wording = Wording());

}  // namespace cc
