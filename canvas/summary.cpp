#include "canvas/summary.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>

#include "canvas/evidence_strength.h"
#include "canvas/geometry.h"

namespace cc {

std::optional<Month> Month::parse(std::string_view s) {
    if (s.size() != 7 || s[4] != '-') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    Month m;
    m.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m.month = (s[5] - '0') * 10 + (s[6] - '0');
    if (m.year < 1900 || m.month < 1 || m.month > 12) return std::nullopt;
    return m;
}

std::string Month::str() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

Month Month::previous() const { return month == 1 ? Month{year - 1, 12} : Month{year, month - 1}; }

Millis Month::start() const {
    using namespace std::chrono;
    const sys_days d = year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}, day{1}};
    return duration_cast<milliseconds>(d.time_since_epoch()).count();
}

Millis Month::end() const { return (month == 12 ? Month{year + 1, 1} : Month{year, month + 1}).start(); }

bool Month::contains(const std::string& date) const { return date.size() == 10 && date.compare(0, 7, str()) == 0; }

namespace {

bool inMonth(Millis t, const Month& m) { return t >= m.start() && t < m.end(); }

/// Trust of a source: customer-initiated contact and direct channels weigh more.
double trust(const Note& n, const SourceKinds& kinds) {
    double t = 0;
    if (n.customerInitiated) t += 2;
    if (const SourceKind* k = kinds.find(n.source)) {
        if (k->channel == Channel::Direct) t += 1;
        if (k->channel == Channel::Internal) t -= 1;
    }
    return t;
}

int supportKinds(const Document& doc, const std::string& id) {
    std::set<std::string> kinds;
    for (const Note* s : supporters(doc, id)) kinds.insert(s->source);
    return static_cast<int>(kinds.size());
}

CitedNote cite(const Document& doc, const Note& n, const Month& m) {
    const SourceKinds& kinds = doc.sourceKinds();
    CitedNote c;
    c.id = n.id;
    c.title = noteTitle(n);
    c.text = n.text;
    c.source = n.source;
    if (const SourceKind* k = kinds.find(n.source)) {
        c.sourceName = k->english;
        c.sourceNameZh = k->chinese;
    }
    c.date = n.dateGathered;
    c.author = n.author;
    c.segment = n.segment;
    c.provenanceFile = n.provenance.file;
    c.provenanceLocation = n.provenance.location;
    c.provenanceExcerpt = n.provenance.excerpt;
    c.quadrant = n.quadrant;
    c.votes = n.votes;
    c.customerInitiated = n.customerInitiated;
    c.corroborated = isCorroborated(doc, n.id);
    c.contested = isContested(doc, n.id);
    c.newInMonth = inMonth(n.created, m);
    c.supportKinds = supportKinds(doc, n.id);
    // Corroboration first (each supporting source kind, and a bonus for triangulation), then the
    // team's votes (capped, so a popular hunch does not outrank evidence), then trust of the source.
    c.score = 5.0 * c.supportKinds + (c.corroborated ? 5.0 : 0.0) + std::min(n.votes, 10) + trust(n, kinds) -
              (c.contested ? 1.0 : 0.0);
    return c;
}

struct Headline {
    int onWall = 0, added = 0, changed = 0, kinds = 0, corroborated = 0, contradictions = 0;
};

Headline headline(const Document& doc, const Month& m) {
    Headline h;
    const BoardCounts c = countBoard(doc);
    h.onWall = c.onWall;
    h.kinds = c.sourceKindsUsed();
    h.corroborated = c.corroborated;
    for (const auto& [id, n] : doc.notes()) {
        if (!onWall(n)) continue;
        if (inMonth(n.created, m)) ++h.added;
        else if (inMonth(n.updated, m)) ++h.changed;
    }
    for (const auto& [id, l] : doc.links()) {
        if (l.kind != LinkKind::Conflicts) continue;
        const Note* a = doc.note(l.from);
        const Note* b = doc.note(l.to);
        if (a && b && onWall(*a) && onWall(*b)) ++h.contradictions;
    }
    return h;
}

std::string nowText(Millis now) {
    std::time_t t = static_cast<std::time_t>(now / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

/// YYYY-MM-DD of a UTC time.
std::string dayOf(Millis t) {
    std::time_t secs = static_cast<std::time_t>(t / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

/// The draft and agreed insights of the board at the end of the month, each with its strength
/// (as of `today`) and evidence, strongest first: by score, then votes, then title (then id, so
/// that equal insights keep one order).
std::array<std::vector<CitedInsight>, 5> citeInsights(const Document& doc, const Month& m, const std::string& today,
                                                      const std::vector<const Wording*>& wordings) {
    static const Wording english;
    const std::vector<const Wording*> ws = wordings.empty() ? std::vector<const Wording*>{&english} : wordings;
    std::array<std::vector<CitedInsight>, 5> out;
    for (const Insight* i : doc.sortedInsights()) {
        if (i->state == InsightState::Retired) continue;
        CitedInsight c;
        c.id = i->id;
        c.title = i->title;
        c.statement = i->statement;
        c.author = i->author;
        c.state = std::string(toString(i->state));
        c.quadrant = i->quadrant >= 1 && i->quadrant <= 4 ? i->quadrant : 0;
        c.votes = i->votes;
        c.newInMonth = inMonth(i->created, m);
        for (std::size_t k = 0; k < ws.size(); ++k) {
            const EvidenceStrength st = evidenceStrength(doc, *i, today, *ws[k]);
            if (k == 0) {
                c.grade = std::string(toString(st.grade));
                c.score = st.score;
            }
            c.reasons.push_back(st.reasons);
        }
        for (const auto& id : i->notes)
            if (const Note* n = doc.note(id)) c.evidence.push_back(cite(doc, *n, m));
        out[static_cast<std::size_t>(c.quadrant)].push_back(std::move(c));
    }
    for (auto& v : out)
        std::sort(v.begin(), v.end(), [](const CitedInsight& a, const CitedInsight& b) {
            if (a.score != b.score) return a.score > b.score;
            if (a.votes != b.votes) return a.votes > b.votes;
            if (a.title != b.title) return a.title < b.title;
            return a.id < b.id;
        });
    return out;
}

/// Research methods to suggest for a contradiction, most useful first: the ones that go to the
/// customer directly and can explain a "why".
const std::vector<std::string> kSuggestionOrder{"focus_group", "deep_immersion", "customer_panel", "mystery_shopping",
                                                "survey", "voice_of_customer", "transaction_db", "web_callcenter",
                                                "complaint", "feedback", "omnibus_survey", "external_analysis"};

}  // namespace

MonthlySummary summarise(const Document& atEnd, const Document& atPreviousEnd, const Month& month,
                         const std::vector<ChangeSet>& monthChanges, Millis now, const std::vector<const Wording*>& reasonWordings) {
    const SourceKinds& kinds = atEnd.sourceKinds();
    MonthlySummary s;
    s.boardTitle = atEnd.board().title;
    s.boardTemplate = atEnd.board().templateKey;
    s.month = month;
    s.generated = nowText(now);
    s.quadrants = atEnd.board().quadrants;
    const BoardInfo wall = grownWall(atEnd);  // as the wall stands, every note inside it
    s.wallWidth = wall.wallWidth;
    s.wallHeight = wall.wallHeight;

    // 1. Headline figures, each against the end of the month before.
    const Headline h = headline(atEnd, month), p = headline(atPreviousEnd, month.previous());
    s.notesOnWall = {h.onWall, p.onWall};
    s.newNotes = {h.added, p.added};
    s.changedNotes = {h.changed, p.changed};
    s.sourceKindsUsed = {h.kinds, p.kinds};
    s.corroborated = {h.corroborated, p.corroborated};
    s.openContradictions = {h.contradictions, p.contradictions};

    // 3. The insights per quadrant, their strength as of the month's last day (today, when the
    // month has not ended yet).
    s.insights = citeInsights(atEnd, month, std::min(dayOf(month.end() - 1), dayOf(now)), reasonWordings);
    std::set<std::string> inAnInsight;
    for (const auto& v : s.insights)
        for (const auto& i : v)
            for (const auto& e : i.evidence) inAnInsight.insert(e.id);

    // 2. The picture, and 8. the strongest single notes per quadrant that no insight holds.
    std::array<std::vector<CitedNote>, 4> all;
    for (const Note* n : atEnd.sortedNotes()) {
        if (!onWall(*n)) continue;
        CitedNote c = cite(atEnd, *n, month);
        s.picture.push_back({n->x, n->y, n->w, n->h, noteColour(*n, kinds), c.title, c.newInMonth, c.corroborated, c.contested});
        if (n->quadrant >= 1 && n->quadrant <= 4) {
            ++s.notesByQuadrant[static_cast<std::size_t>(n->quadrant - 1)];
            if (!inAnInsight.count(n->id)) all[static_cast<std::size_t>(n->quadrant - 1)].push_back(std::move(c));
        }
    }
    for (int q = 0; q < 4; ++q) {
        auto& v = all[static_cast<std::size_t>(q)];
        std::stable_sort(v.begin(), v.end(), [](const CitedNote& a, const CitedNote& b) {
            if (a.score != b.score) return a.score > b.score;
            return a.date > b.date;  // newer evidence first among equals
        });
        v.resize(std::min(v.size(), kStrongestPerQuadrant));
        s.strongest[static_cast<std::size_t>(q)] = std::move(v);
    }

    // 4. Contradictions as open questions, with research that neither side used.
    for (const Link* l : atEnd.sortedLinks()) {
        if (l->kind != LinkKind::Conflicts) continue;
        const Note* a = atEnd.note(l->from);
        const Note* b = atEnd.note(l->to);
        if (!a || !b || !onWall(*a) || !onWall(*b)) continue;
        OpenQuestion q;
        q.linkId = l->id;
        q.label = l->label;
        q.a = cite(atEnd, *a, month);
        q.b = cite(atEnd, *b, month);
        std::set<std::string> used{a->source, b->source};
        for (const Note* side : {a, b})
            for (const Note* sup : supporters(atEnd, side->id)) used.insert(sup->source);
        for (const auto& k : kSuggestionOrder)
            if (!used.count(k) && q.suggestedSources.size() < 3) q.suggestedSources.push_back(k);
        s.questions.push_back(std::move(q));
    }

    // 5. Source coverage.
    const BoardCounts c = countBoard(atEnd);
    for (const auto& k : kinds.all()) {
        auto it = c.bySource.find(k.key);
        s.bySource.emplace_back(k.key, it == c.bySource.end() ? 0 : it->second);
    }
    s.quantitative = c.quantitative;
    s.qualitative = c.qualitative;
    s.direct = c.direct;
    s.indirect = c.indirect;
    s.internal = c.internal;
    s.eitherChannel = c.eitherChannel;
    std::set<std::string> usedMonth, usedThree;
    const Month m1 = month.previous(), m2 = m1.previous();
    for (const auto& [id, n] : atEnd.notes()) {
        const bool gatheredThisMonth = month.contains(n.dateGathered) || (n.dateGathered.empty() && inMonth(n.created, month));
        const bool gatheredBefore = m1.contains(n.dateGathered) || m2.contains(n.dateGathered) ||
                                    (n.dateGathered.empty() && (inMonth(n.created, m1) || inMonth(n.created, m2)));
        if (gatheredThisMonth) usedMonth.insert(n.source);
        if (gatheredThisMonth || gatheredBefore) usedThree.insert(n.source);
    }
    for (const auto& k : kinds.all()) {
        if (k.key == "other") continue;
        if (!usedMonth.count(k.key)) s.unusedThisMonth.push_back(k.key);
        if (!usedThree.count(k.key)) s.unusedThreeMonths.push_back(k.key);
    }
    for (int q = 1; q <= 4; ++q) {
        if (c.byQuadrant[q] < kThinQuadrant) s.thinQuadrants.push_back(q);
        int quant = 0, qual = 0;
        for (const auto& [id, n] : atEnd.notes())
            if (onWall(n) && n.quadrant == q) (n.data == DataKind::Quantitative ? quant : qual)++;
        if ((quant == 0) != (qual == 0)) s.oneSidedQuadrants.push_back(q);
    }

    // 6. What changed since the end of the month before.
    for (const Note* n : atEnd.sortedNotes()) {
        const Note* before = atPreviousEnd.note(n->id);
        if (!before) {
            if (n->state != NoteState::Tray) s.changes.added.push_back(cite(atEnd, *n, month));
            continue;
        }
        if (n->state == NoteState::Archived && before->state != NoteState::Archived)
            s.changes.archived.push_back(cite(atEnd, *n, month));
        if (onWall(*n) && onWall(*before) && n->quadrant != before->quadrant)
            s.changes.moved.push_back({cite(atEnd, *n, month), before->quadrant, n->quadrant});
    }
    for (const Note* n : atPreviousEnd.sortedNotes())
        if (!atEnd.note(n->id) && n->state != NoteState::Tray) s.changes.deleted.push_back(cite(atPreviousEnd, *n, month));
    auto linkChange = [](const Document& d, const Link& l) {
        MonthChanges::LinkChange lc{l.id, std::string(toString(l.kind)), l.label, "", ""};
        if (const Note* a = d.note(l.from)) lc.fromTitle = noteTitle(*a);
        if (const Note* b = d.note(l.to)) lc.toTitle = noteTitle(*b);
        return lc;
    };
    for (const Link* l : atEnd.sortedLinks())
        if (!atPreviousEnd.link(l->id)) s.changes.linksAdded.push_back(linkChange(atEnd, *l));
    for (const Link* l : atPreviousEnd.sortedLinks())
        if (!atEnd.link(l->id)) s.changes.linksRemoved.push_back(linkChange(atPreviousEnd, *l));

    // 7. Appendix: the month's new and changed notes on the board, oldest first, each with the
    // insights that cite it.
    std::map<std::string, std::vector<std::string>> citedBy;
    for (const auto& v : s.insights)
        for (const auto& i : v)
            for (const auto& e : i.evidence) citedBy[e.id].push_back(i.id);
    for (const Note* n : atEnd.sortedNotes())
        if (n->state != NoteState::Tray && (inMonth(n->created, month) || inMonth(n->updated, month))) {
            s.appendix.push_back(cite(atEnd, *n, month));
            if (auto it = citedBy.find(n->id); it != citedBy.end()) s.appendix.back().insights = it->second;
        }

    s.empty = s.notesOnWall.value == 0 && monthChanges.empty() && s.changes.deleted.empty();
    return s;
}

}  // namespace cc
