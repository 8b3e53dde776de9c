#include "canvas/evidence_strength.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace cc {

std::string_view toString(StrengthGrade g) {
    switch (g) {
        case StrengthGrade::Weak: return "weak";
        case StrengthGrade::Moderate: return "moderate";
        case StrengthGrade::Strong: return "strong";
    }
    return "weak";
}

std::string gradeWord(StrengthGrade g) {
    switch (g) {
        case StrengthGrade::Strong: return message(CC_TEMPLATE("strong"));
        case StrengthGrade::Moderate: return message(CC_TEMPLATE("moderate"));
        case StrengthGrade::Weak: break;
    }
    return message(CC_TEMPLATE("weak"));
}

namespace {

/// How far a channel is trusted (DOMAIN.md: direct more than indirect, the team's own least).
/// A kind that may be either ("other") counts as indirect.
double channelTrust(Channel c) {
    switch (c) {
        case Channel::Direct: return 1.0;
        case Channel::Indirect: return 0.5;
        case Channel::Internal: return 0.2;
        case Channel::Either: return 0.5;
    }
    return 0.5;
}

int kindPoints(std::size_t kinds) {
    if (kinds >= 4) return 30;
    if (kinds == 3) return 25;
    if (kinds == 2) return 15;
    return 0;
}

/// Months from YYYY-MM of `from` to YYYY-MM of `to` (both valid dates).
int monthsBetween(std::string_view from, std::string_view to) {
    auto months = [](std::string_view d) { return std::stoi(std::string(d.substr(0, 4))) * 12 + std::stoi(std::string(d.substr(5, 2))); };
    return months(to) - months(from);
}

}  // namespace

EvidenceStrength evidenceStrength(const Document& doc, const Insight& insight, std::string_view today, const Wording& w) {
    const auto fill = [&w](const char* templ, std::initializer_list<std::string_view> args) {
        return fillTemplate(w.word(templ), args);
    };
    const auto number = [](const std::string& templ, std::size_t n) { return fillTemplate(templ, {std::to_string(n)}); };
    EvidenceStrength out;
    std::vector<const Note*> notes;
    for (const auto& id : insight.notes)
        if (const Note* n = doc.note(id)) notes.push_back(n);
    if (notes.empty()) {
        out.reasons.push_back(w.word("no evidence"));
        return out;
    }

    std::set<std::string> kinds;
    std::size_t direct = 0, internal = 0, customer = 0, quantitative = 0, qualitative = 0, contested = 0;
    double trust = 0;
    std::string newest;
    for (const Note* n : notes) {
        kinds.insert(n->source);
        const SourceKind* kind = doc.sourceKinds().find(n->source);
        const Channel channel = kind ? kind->channel : Channel::Either;
        trust += channelTrust(channel);
        direct += channel == Channel::Direct;
        internal += channel == Channel::Internal;
        customer += n->customerInitiated;
        (n->data == DataKind::Quantitative ? quantitative : qualitative) += 1;
        if (!n->dateGathered.empty() && isValidDate(n->dateGathered)) newest = std::max(newest, n->dateGathered);
        for (const auto& linkId : doc.linksOf(n->id))
            if (const Link* l = doc.link(linkId); l && l->kind == LinkKind::Conflicts) {
                ++contested;
                break;
            }
    }

    int score = kindPoints(kinds.size());
    score += static_cast<int>(std::lround(25.0 * trust / static_cast<double>(notes.size())));
    score += customer >= 2 ? 15 : customer == 1 ? 10 : 0;
    if (quantitative && qualitative) score += 15;
    if (!newest.empty() && isValidDate(today)) {
        const int age = monthsBetween(newest, today);
        score += age <= 6 ? 15 : age <= 12 ? 8 : 0;
    }
    score -= std::min(strength::kMaxConflictPenalty, static_cast<int>(contested) * strength::kConflictPenalty);
    out.score = std::clamp(score, 0, 100);
    out.grade = out.score >= strength::kStrongFrom     ? StrengthGrade::Strong
                : out.score >= strength::kModerateFrom ? StrengthGrade::Moderate
                                                       : StrengthGrade::Weak;

    out.reasons.push_back(fill("{1}, {2} direct", {number(w.words("{1} source kind", "{1} source kinds", kinds.size()), kinds.size()), std::to_string(direct)}));
    if (internal) out.reasons.push_back(number(w.words("{1} from the team's own knowledge", "{1} from the team's own knowledge", internal), internal));
    if (customer) out.reasons.push_back(number(w.words("{1} started by the customer", "{1} started by the customer", customer), customer));
    if (quantitative && qualitative) out.reasons.push_back(w.word("quantitative and qualitative"));
    else out.reasons.push_back(w.word(quantitative ? CC_TEMPLATE("only quantitative") : CC_TEMPLATE("only qualitative")));
    out.reasons.push_back(newest.empty() ? w.word("no dates gathered") : fill("newest {1}", {newest.substr(0, 7)}));
    if (contested) out.reasons.push_back(number(w.words("{1} conflicting note", "{1} conflicting notes", contested), contested));
    // One note is an observation, not yet an insight: weak whatever it scores.
    if (notes.size() < 2) {
        out.grade = StrengthGrade::Weak;
        out.reasons.push_back(w.word("only 1 note"));
    }
    return out;
}

}  // namespace cc
