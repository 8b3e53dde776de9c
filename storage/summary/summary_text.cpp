#include "storage/summary/summary_text.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

#include "storage/output_file.h"
#include "canvas/source_kinds.h"
#include "canvas/wording.h"

namespace cc::summary {

namespace {

Labels makeLabels(const Wording& w) {
    Labels l;
    l.title = w.word(CC_TEMPLATE("Monthly board summary"));
    l.board = w.word(CC_TEMPLATE("Board"));
    l.month = w.word(CC_TEMPLATE("Month"));
    l.generated = w.word(CC_TEMPLATE("Generated"));
    l.noData = w.word(CC_TEMPLATE("No data for this month"));
    l.noDataDetail = w.word(CC_TEMPLATE("The board had no notes at the end of this month and nothing changed during it."));
    l.sections = {w.word(CC_TEMPLATE("1. Headline figures")), w.word(CC_TEMPLATE("2. The canvas")),
                  w.word(CC_TEMPLATE("3. Insights by evidence strength")), w.word(CC_TEMPLATE("4. Open questions")),
                  w.word(CC_TEMPLATE("5. Source coverage")), w.word(CC_TEMPLATE("6. What changed")),
                  w.word(CC_TEMPLATE("7. Appendix: new and changed notes")), {}};
    l.notesOnWall = w.word(CC_TEMPLATE("Notes on the wall"));
    l.newNotes = w.word(CC_TEMPLATE("New this month"));
    l.changedNotes = w.word(CC_TEMPLATE("Changed this month"));
    l.sourceKindsUsed = w.word(CC_TEMPLATE("Source kinds used"));
    l.corroboratedInsights = w.word(CC_TEMPLATE("Corroborated insights"));
    l.openContradictions = w.word(CC_TEMPLATE("Open contradictions"));
    l.figure = w.word(CC_TEMPLATE("Figure"));
    l.value = w.word(CC_TEMPLATE("Value"));
    l.previous = w.word(CC_TEMPLATE("Last month"));
    l.change = w.word(CC_TEMPLATE("Change"));
    l.vsLastMonth = w.word(CC_TEMPLATE("vs. last month"));
    l.legendNew = w.word(CC_TEMPLATE("New this month"));
    l.corroborated = w.word(CC_TEMPLATE("Corroborated"));
    l.contested = w.word(CC_TEMPLATE("Contested"));
    l.quadrant = w.word(CC_TEMPLATE("Quadrant"));
    l.notesCount = w.word(CC_TEMPLATE("notes"));
    l.noNotes = w.word(CC_TEMPLATE("No notes."));
    l.source = w.word(CC_TEMPLATE("Source"));
    l.date = w.word(CC_TEMPLATE("Date"));
    l.provenance = w.word(CC_TEMPLATE("Provenance"));
    l.votes = w.word(CC_TEMPLATE("Votes"));
    l.author = w.word(CC_TEMPLATE("Author"));
    l.segment = w.word(CC_TEMPLATE("Segment"));
    l.score = w.word(CC_TEMPLATE("Score"));
    l.sideA = w.word(CC_TEMPLATE("One side"));
    l.sideB = w.word(CC_TEMPLATE("The other side"));
    l.suggestedResearch = w.word(CC_TEMPLATE("Suggested research"));
    l.noQuestions = w.word(CC_TEMPLATE("No open contradictions."));
    l.question = w.word(CC_TEMPLATE("Question"));
    l.bySource = w.word(CC_TEMPLATE("Notes by source kind"));
    l.dataKind = w.word(CC_TEMPLATE("Quantitative vs. qualitative"));
    l.channel = w.word(CC_TEMPLATE("Direct vs. indirect"));
    l.quantitative = w.word(CC_TEMPLATE("Quantitative"));
    l.qualitative = w.word(CC_TEMPLATE("Qualitative"));
    l.direct = w.word(CC_TEMPLATE("Direct"));
    l.indirect = w.word(CC_TEMPLATE("Indirect"));
    l.internal = w.word(CC_TEMPLATE("Internal"));
    l.either = w.word(CC_TEMPLATE("Either channel"));
    l.byQuadrant = w.word(CC_TEMPLATE("Notes by quadrant"));
    l.unusedThisMonth = w.word(CC_TEMPLATE("Source kinds unused this month"));
    l.unusedThreeMonths = w.word(CC_TEMPLATE("Source kinds unused in three months"));
    l.thinQuadrants = w.word(CC_TEMPLATE("Thin quadrants"));
    l.oneSidedQuadrants = w.word(CC_TEMPLATE("One-sided quadrants"));
    l.none = w.word(CC_TEMPLATE("None"));
    l.added = w.word(CC_TEMPLATE("Added"));
    l.archived = w.word(CC_TEMPLATE("Archived"));
    l.deleted = w.word(CC_TEMPLATE("Deleted"));
    l.moved = w.word(CC_TEMPLATE("Moved between quadrants"));
    l.linksAdded = w.word(CC_TEMPLATE("Links added"));
    l.linksRemoved = w.word(CC_TEMPLATE("Links removed"));
    l.nothingChanged = w.word(CC_TEMPLATE("Nothing changed since last month."));
    l.from = w.word(CC_TEMPLATE("from"));
    l.to = w.word(CC_TEMPLATE("to"));
    l.link = w.word(CC_TEMPLATE("Link"));
    l.isNew = w.word(CC_TEMPLATE("new"));
    l.isChanged = w.word(CC_TEMPLATE("changed"));
    l.yes = w.word(CC_TEMPLATE("yes"));
    l.no = w.word(CC_TEMPLATE("no"));
    l.noAppendix = w.word(CC_TEMPLATE("No notes were added or changed this month."));
    l.columns = {w.word(CC_TEMPLATE("id")), w.word(CC_TEMPLATE("quadrant")), w.word(CC_TEMPLATE("title")),
                 w.word(CC_TEMPLATE("text")), w.word(CC_TEMPLATE("source")),
                 w.word(CC_TEMPLATE("source name")), w.word(CC_TEMPLATE("date gathered")),
                 w.word(CC_TEMPLATE("author")), w.word(CC_TEMPLATE("segment")),
                 w.word(CC_TEMPLATE("votes")), w.word(CC_TEMPLATE("new or changed")),
                 w.word(CC_TEMPLATE("corroborated")), w.word(CC_TEMPLATE("contested")),
                 w.word(CC_TEMPLATE("provenance file")), w.word(CC_TEMPLATE("provenance location")),
                 w.word(CC_TEMPLATE("provenance excerpt"))};
    l.kind = w.word(CC_TEMPLATE("Kind"));
    l.count = w.word(CC_TEMPLATE("Notes"));
    l.more = w.word(CC_TEMPLATE("… and {1} more (the full list is in the CSV and JSON exports)"));
    l.page = w.word(CC_TEMPLATE("Page {1} of {2}"));
    l.quadrantShort = w.word(CC_TEMPLATE("Q{1} {2}"));
    l.supports = w.word(CC_TEMPLATE("supports"));
    l.conflicts = w.word(CC_TEMPLATE("conflicts"));
    l.relates = w.word(CC_TEMPLATE("relates"));
    l.sections[7] = w.word(CC_TEMPLATE("8. Appendix: notes not in any insight"));
    l.unplacedInsights = w.word(CC_TEMPLATE("Insights not yet in a quadrant"));
    l.noInsights = w.word(CC_TEMPLATE("No insights."));
    l.statement = w.word(CC_TEMPLATE("Statement"));
    l.strength = w.word(CC_TEMPLATE("Evidence strength"));
    l.evidenceNotes = w.word(CC_TEMPLATE("Evidence"));
    l.noEvidence = w.word(CC_TEMPLATE("No evidence notes."));
    l.insightState = w.word(CC_TEMPLATE("State"));
    l.strong = w.word(CC_TEMPLATE("strong"));
    l.moderate = w.word(CC_TEMPLATE("moderate"));
    l.weak = w.word(CC_TEMPLATE("weak"));
    l.draft = w.word(CC_TEMPLATE("draft"));
    l.agreed = w.word(CC_TEMPLATE("agreed"));
    l.singleNotesIntro = w.word(CC_TEMPLATE("The strongest notes per quadrant that no insight cites yet: candidates for a new insight."));
    l.insightColumns = {w.word(CC_TEMPLATE("record")), w.word(CC_TEMPLATE("state")), w.word(CC_TEMPLATE("grade")),
                        w.word(CC_TEMPLATE("score")), w.word(CC_TEMPLATE("reasons")), w.word(CC_TEMPLATE("evidence note ids")),
                        w.word(CC_TEMPLATE("insight ids"))};
    l.recordInsight = w.word(CC_TEMPLATE("insight"));
    l.recordNote = w.word(CC_TEMPLATE("note"));
    l.colon = w.word(CC_TEMPLATE(": "));
    l.colonMark = w.word(CC_TEMPLATE(":"));
    l.listSep = w.word(CC_TEMPLATE(", "));
    l.clauseSep = w.word(CC_TEMPLATE("; "));
    l.parenOpen = w.word(CC_TEMPLATE(" ("));
    l.parenClose = w.word(CC_TEMPLATE(")"));
    return l;
}

/// The templates of the evidence strength rule (canvas/evidence_strength.cpp words its reasons
/// through them), looked up in one language once: a summary is written in either language
/// whatever the interface's, as the labels are. A template missing here stays English (the
/// summary test of the Chinese reasons says so).
class StrengthWording : public Wording {
public:
    explicit StrengthWording(const Wording& from) {
        for (const char* e : {CC_TEMPLATE("no evidence"), CC_TEMPLATE("{1}, {2} direct"), CC_TEMPLATE("quantitative and qualitative"),
                              CC_TEMPLATE("only quantitative"), CC_TEMPLATE("only qualitative"), CC_TEMPLATE("no dates gathered"),
                              CC_TEMPLATE("newest {1}"), CC_TEMPLATE("only 1 note")})
            m_word[e] = from.word(e);
        // (The catalogue has these from evidence_strength.cpp, as singular and plural.)
        const std::pair<const char*, const char*> counted[] = {
            {"{1} source kind", "{1} source kinds"},
            {"{1} from the team's own knowledge", "{1} from the team's own knowledge"},
            {"{1} started by the customer", "{1} started by the customer"},
            {"{1} conflicting note", "{1} conflicting notes"}};
        for (const auto& [one, many] : counted) m_words[key(one, many)] = {from.words(one, many, 1), from.words(one, many, 2)};
    }
    std::string word(const char* english) const override {
        auto it = m_word.find(english);
        return it == m_word.end() ? english : it->second;
    }
    std::string words(const char* one, const char* many, std::size_t n) const override {
        auto it = m_words.find(key(one, many));
        if (it == m_words.end()) return n == 1 ? one : many;
        return n == 1 ? it->second.first : it->second.second;
    }

private:
    static std::string key(const char* one, const char* many) { return std::string(one) + '\x1f' + many; }
    std::map<std::string, std::string> m_word;
    std::map<std::string, std::pair<std::string, std::string>> m_words;
};

// The labels of each language, looked up once (setLabelWording) while nothing else runs; English
// until the edge passes its catalogue.
std::mutex g_lock;
std::array<std::unique_ptr<const Labels>, 2> g_labels;
std::array<std::unique_ptr<const StrengthWording>, 2> g_strength;



}  // namespace

void setLabelWording(Lang lang, const Wording& wording) {
    auto made = std::make_unique<const Labels>(makeLabels(wording));
    auto strength = std::make_unique<const StrengthWording>(wording);
    std::lock_guard<std::mutex> guard(g_lock);
    g_labels[lang == Lang::Zh ? 1 : 0] = std::move(made);
    g_strength[lang == Lang::Zh ? 1 : 0] = std::move(strength);
}

std::vector<const Wording*> reasonWordings() {
    static const StrengthWording english{Wording{}};
    std::lock_guard<std::mutex> guard(g_lock);
    std::vector<const Wording*> out;
    for (const auto& w : g_strength) out.push_back(w ? w.get() : &english);  // a wording once set stays
    return out;
}

std::string gradeName(const std::string& grade, Lang lang) {
    const Labels& L = labels(lang);
    if (grade == "strong") return L.strong;
    if (grade == "moderate") return L.moderate;
    if (grade == "weak") return L.weak;
    return grade;
}

std::string stateName(const std::string& state, Lang lang) {
    const Labels& L = labels(lang);
    if (state == "draft") return L.draft;
    if (state == "agreed") return L.agreed;
    return state;
}

const std::vector<std::string>& reasonsFor(const CitedInsight& i, Lang lang) {
    static const std::vector<std::string> none;
    const std::size_t k = lang == Lang::Zh ? 1 : 0;
    if (k < i.reasons.size()) return i.reasons[k];
    return i.reasons.empty() ? none : i.reasons.front();
}

std::string reasonsLine(const CitedInsight& i, Lang lang) {
    std::string out;
    for (const auto& r : reasonsFor(i, lang)) {
        if (!out.empty()) out += labels(lang).clauseSep;
        out += r;
    }
    return out;
}

std::string strengthLine(const CitedInsight& i, Lang lang) {
    const Labels& L = labels(lang);
    return gradeName(i.grade, lang) + L.parenOpen + std::to_string(i.score) + L.parenClose;
}

std::string insightGroupTitle(const MonthlySummary& s, int q, Lang lang) {
    return q >= 1 && q <= 4 ? quadrantLabel(s, q, lang) : labels(lang).unplacedInsights;
}

const Labels& labels(Lang lang) {
    static const Labels english = makeLabels(Wording{});
    std::lock_guard<std::mutex> guard(g_lock);
    const auto& set = g_labels[lang == Lang::Zh ? 1 : 0];
    return set ? *set : english;  // a table once set stays until the process ends
}

std::string signedChange(int change) {
    if (change > 0) return "+" + std::to_string(change);
    if (change < 0) return "\u2212" + std::to_string(-static_cast<long long>(change));
    return "\u00B10";
}

std::string moreLabel(Lang lang, std::size_t n) { return fillTemplate(labels(lang).more, {std::to_string(n)}); }

std::string pageLabel(Lang lang, int page, int pages) {
    return fillTemplate(labels(lang).page, {std::to_string(page), std::to_string(pages)});
}

std::string sourceName(std::string_view key, Lang lang) {
    if (const SourceKind* k = SourceKinds::builtin().find(key)) return lang == Lang::Zh ? k->chinese : k->english;
    return std::string(key);
}

std::string sourceName(const CitedNote& n, Lang lang) {
    const std::string& name = lang == Lang::Zh ? n.sourceNameZh : n.sourceName;
    if (!name.empty()) return name;
    return sourceName(n.source, lang);
}

std::string quadrantTitle(const MonthlySummary& s, int q, Lang lang) {
    if (q >= 1 && q <= 4 && !s.quadrants[static_cast<std::size_t>(q - 1)].title.empty())
        return s.quadrants[static_cast<std::size_t>(q - 1)].title;
    if (q >= 1 && q <= 4) return labels(lang).quadrant + " " + std::to_string(q);
    return "\u2014";
}

std::string quadrantLabel(const MonthlySummary& s, int q, Lang lang) {
    if (q < 1 || q > 4) return "\u2014";
    return fillTemplate(labels(lang).quadrantShort, {std::to_string(q), quadrantTitle(s, q, lang)});
}

std::string truncateUtf8(std::string_view s, std::size_t maxChars) {
    std::size_t chars = 0, i = 0;
    while (i < s.size()) {
        if (chars == maxChars) return std::string(s.substr(0, i)) + "\u2026";
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        i += len;
        ++chars;
    }
    return std::string(s);
}

std::string noteHeadline(const CitedNote& n, std::size_t maxChars) {
    std::string t = n.title.empty() ? n.text : n.title;
    for (char& c : t)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return truncateUtf8(t, maxChars);
}

std::uint32_t sourceColour(std::string_view key) {
    if (const SourceKind* k = SourceKinds::builtin().find(key)) return k->colour;
    return 0xF2F2F2;
}

std::string hexColour(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buf;
}

std::string linkKindName(const std::string& kind, Lang lang) {
    const Labels& L = labels(lang);
    if (kind == "supports") return L.supports;
    if (kind == "conflicts") return L.conflicts;
    if (kind == "relates") return L.relates;
    return kind;
}

std::string joinSources(const std::vector<std::string>& keys, Lang lang, std::string_view sep) {
    if (keys.empty()) return labels(lang).none;
    if (sep.empty()) sep = labels(lang).listSep;
    std::string out;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i) out += sep;
        out += sourceName(keys[i], lang);
    }
    return out;
}

std::string joinQuadrants(const MonthlySummary& s, const std::vector<int>& qs, Lang lang, std::string_view sep) {
    if (qs.empty()) return labels(lang).none;
    if (sep.empty()) sep = labels(lang).listSep;
    std::string out;
    for (std::size_t i = 0; i < qs.size(); ++i) {
        if (i) out += sep;
        out += quadrantLabel(s, qs[i], lang);
    }
    return out;
}

std::vector<std::string> appendixRow(const MonthlySummary& s, const CitedNote& n, Lang lang) {
    const Labels& L = labels(lang);
    return {n.id, quadrantLabel(s, n.quadrant, lang), n.title, n.text, n.source, sourceName(n, lang), n.date,
            n.author, n.segment, std::to_string(n.votes), n.newInMonth ? L.isNew : L.isChanged,
            n.corroborated ? L.yes : L.no, n.contested ? L.yes : L.no, n.provenanceFile, n.provenanceLocation,
            n.provenanceExcerpt};
}

std::string provenanceLine(const CitedNote& n) {
    if (n.provenanceFile.empty() && n.provenanceLocation.empty()) return "\u2014";
    if (n.provenanceLocation.empty()) return n.provenanceFile;
    if (n.provenanceFile.empty()) return n.provenanceLocation;
    return n.provenanceFile + " \u00B7 " + n.provenanceLocation;
}

void writeWholeFile(const std::string& path, std::string_view bytes) {
    try {
        writeOutputFile(path, bytes);
    } catch (const OutputFileError& e) {
        throw SummaryError(e.what());
    }
}

}  // namespace cc::summary
