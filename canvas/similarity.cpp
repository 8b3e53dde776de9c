#include "canvas/similarity.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numeric>
#include <tuple>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "canvas/document.h"
#include "canvas/source_kinds.h"
#include "canvas/wording.h"

namespace cc::similarity {

namespace {

// Stop words: function words that say nothing about a theme. English in their lower-case form
// before stemming; Chinese as ICU's dictionary segments them.
const std::unordered_set<std::string>& englishStopWords() {
    static const std::unordered_set<std::string> words = {
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "don't", "down", "during",
        "each", "even", "few", "for", "from", "further", "get", "gets", "got", "had", "has", "have", "having", "he",
        "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "just", "let",
        "me", "more", "most", "much", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
        "other", "our", "ours", "out", "over", "own", "per", "same", "she", "should", "so", "some", "still", "such",
        "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through",
        "to", "too", "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "i'm", "we're", "they're",
        "can't", "won't", "didn't", "doesn't", "isn't", "aren't", "wasn't", "there's", "ve", "ll", "re", "s", "t", "d",
        "really", "many", "lot", "lots", "like", "said", "say", "says", "told", "tell", "way", "thing", "things",
    };
    return words;
}

const std::unordered_set<std::string>& chineseStopWords() {
    static const std::unordered_set<std::string> words = {
        "的", "了", "是", "在", "和", "与", "及", "或", "也", "就", "都", "而", "着", "过", "把", "被", "让", "给",
        "对", "从", "向", "到", "为", "以", "于", "这", "那", "这个", "那个", "这些", "那些", "一个", "一些", "有",
        "没有", "我", "你", "他", "她", "它", "我们", "你们", "他们", "她们", "自己", "很", "非常", "太", "还",
        "又", "再", "才", "吗", "呢", "吧", "啊", "呀", "嘛", "哦", "得", "地", "之", "其", "等", "但", "但是",
        "因为", "所以", "如果", "虽然", "而且", "并", "并且", "就是", "还是", "可以", "会", "能", "要", "想", "说",
        "个", "上", "下", "里", "中", "后", "前", "时", "时候", "已经", "比较", "觉得", "什么", "怎么", "一直",
        "每次", "一下", "不", "也是", "都是", "还有", "这样", "那样", "然后", "其实", "也没有", "还没有", "没",
        "就把", "总是", "只能", "只是", "好几", "几次", "一次", "次",
    };
    return words;
}

// Words that begin a source remark ("（来源：问卷）", "- survey 2026"); the source kinds' keys and
// names are added from the table.
const std::vector<std::string>& sourceMarkers() {
    static const std::vector<std::string> markers = [] {
        std::vector<std::string> m = {"来源", "出处", "摘自", "引自", "source", "src", "from", "via", "ref", "per",
                                      "survey", "surveys", "interview", "interviews", "questionnaire",
                                      "问卷", "访谈", "调研", "调查", "客服", "投诉"};
        const icu::Normalizer2* fold = nullptr;
        UErrorCode status = U_ZERO_ERROR;
        fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
        for (const auto& k : SourceKinds::builtin().all()) {
            std::string key = k.key;
            std::replace(key.begin(), key.end(), '_', ' ');
            for (const std::string& s : {key, k.key, k.english, k.chinese}) {
                if (s.empty()) continue;
                std::string out;
                UErrorCode st = U_ZERO_ERROR;
                const icu::UnicodeString folded = U_SUCCESS(status) ? fold->normalize(icu::UnicodeString::fromUTF8(s), st)
                                                                    : icu::UnicodeString::fromUTF8(s);
                folded.toUTF8String(out);
                m.push_back(out);
            }
        }
        return m;
    }();
    return markers;
}

const icu::Normalizer2& foldNormaliser() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || !n) throw std::runtime_error(message(CC_TEMPLATE("the ICU library has no NFKC data: {1}"), {u_errorName(status)}));
    return *n;
}

/// The text NFKC-normalised and case-folded, cut to the model's longest note text.
icu::UnicodeString folded(std::string_view text) {
    if (text.size() > limits::kTextBytes) text = text.substr(0, limits::kTextBytes);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = foldNormaliser().normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), status);
    if (U_FAILURE(status)) return {};
    return out;
}

/// A word break iterator for Chinese (its dictionary) and everything else, one per thread.
icu::BreakIterator& wordBreaker() {
    thread_local std::unique_ptr<icu::BreakIterator> it = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
        if (U_FAILURE(status) || !b) throw std::runtime_error(message(CC_TEMPLATE("the ICU library has no word break data: {1}"), {u_errorName(status)}));
        return b;
    }();
    return *it;
}

/// Snowball's English stemmer, one per thread.
struct Stemmer {
    sb_stemmer* s = sb_stemmer_new("english", "UTF_8");
    ~Stemmer() {
        if (s) sb_stemmer_delete(s);
    }
    std::string stem(const std::string& w) const {
        if (!s) return w;
        const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(w.data()), static_cast<int>(w.size()));
        if (!out) return w;
        return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s)));
    }
};

const Stemmer& stemmer() {
    thread_local Stemmer s;
    return s;
}

/// A word as the index uses it (`term`) and as it was written (`surface`, for titles).
struct Word {
    std::string term;
    std::string surface;
    bool chinese = false;
};

bool isHan(UChar32 c) { return u_getIntPropertyValue(c, UCHAR_SCRIPT) == USCRIPT_HAN; }

std::vector<Word> words(std::string_view text) {
    std::vector<Word> out;
    const icu::UnicodeString u = folded(text);
    if (u.isEmpty()) return out;
    icu::BreakIterator& bi = wordBreaker();
    bi.setText(u);
    // Single Chinese characters in a row (a word the dictionary does not know, "退|货") give
    // their bigrams instead ("退货"); a single character on its own stays a word.
    std::vector<std::pair<std::string, bool>> run;  // the current row of single characters (text, stop word)
    const auto endRun = [&] {
        if (run.size() == 1 && !run[0].second) out.push_back({run[0].first, run[0].first, true});
        for (std::size_t i = 1; i < run.size(); ++i) {
            if (run[i - 1].second || run[i].second) continue;  // "的货" says nothing
            const std::string bigram = run[i - 1].first + run[i].first;
            out.push_back({bigram, bigram, true});
        }
        run.clear();
    };
    int32_t runEnd = -1;
    for (int32_t start = bi.first(), end = bi.next(); end != icu::BreakIterator::DONE && out.size() < kMaxWordsPerNote;
         start = end, end = bi.next()) {
        const int32_t status = bi.getRuleStatus();
        if (status < UBRK_WORD_LETTER) {  // spaces, punctuation, numbers
            endRun();
            continue;
        }
        std::string w;
        u.tempSubStringBetween(start, end).toUTF8String(w);
        const bool ideo = status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT;
        if (ideo || isHan(u.char32At(start))) {
            const bool stop = chineseStopWords().count(w) != 0;
            if (u.countChar32(start, end - start) == 1) {
                if (runEnd != start) endRun();
                run.emplace_back(w, stop);
                runEnd = end;
                continue;
            }
            endRun();
            if (!stop) out.push_back({w, w, true});
            continue;
        }
        endRun();
        if (englishStopWords().count(w)) continue;
        // Letters of any other script are kept as they are; Latin words are stemmed.
        std::string term = stemmer().stem(w);
        if (term.size() < 2) continue;
        out.push_back({std::move(term), std::move(w), false});
    }
    endRun();
    return out;
}

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// True when `remark` (folded) begins with a source word.
bool isSourceRemark(const icu::UnicodeString& remark) {
    if (remark.countChar32() > static_cast<int32_t>(kRemarkChars) || remark.indexOf(u'\n') >= 0 || remark.indexOf(u'\r') >= 0)
        return false;
    // Leading spaces and punctuation (": ", "：") are not part of the word.
    int32_t i = 0;
    while (i < remark.length()) {
        const UChar32 c = remark.char32At(i);
        if (!(U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK))) i += U16_LENGTH(c);
        else break;
    }
    std::string r;
    remark.tempSubString(i).toUTF8String(r);
    if (r.empty()) return false;
    for (const auto& m : sourceMarkers()) {
        if (r.compare(0, m.size(), m) != 0) continue;
        // An English marker is a whole word: "from" does not begin "fromage".
        if (isAsciiLetter(m.back()) && r.size() > m.size() && isAsciiLetter(r[m.size()])) continue;
        return true;
    }
    return false;
}

icu::UnicodeString trimmedEnd(const icu::UnicodeString& s) {
    int32_t end = s.length();
    while (end > 0) {
        const UChar32 c = s.char32At(end - 1);
        if (!u_isUWhiteSpace(c)) break;
        end -= U16_LENGTH(c);
    }
    return icu::UnicodeString(s, 0, end);
}

/// The text without one trailing source remark (rule 2 in similarity.h).
icu::UnicodeString withoutSourceRemark(const icu::UnicodeString& text) {
    const icu::UnicodeString t = trimmedEnd(text);
    if (t.isEmpty()) return t;
    // A bracketed remark at the very end.
    static const std::pair<char16_t, char16_t> brackets[] = {{u'(', u')'}, {u'[', u']'}, {u'【', u'】'}, {u'（', u'）'}};
    const char16_t last = t.charAt(t.length() - 1);
    for (const auto& [open, close] : brackets) {
        if (last != close) continue;
        const int32_t at = t.lastIndexOf(open);
        if (at <= 0) break;
        if (isSourceRemark(t.tempSubStringBetween(at + 1, t.length() - 1))) return trimmedEnd(icu::UnicodeString(t, 0, at));
        break;
    }
    // A remark after a dash at the end: the last separator in the text.
    static const char16_t* separators[] = {u" - ", u" – ", u" — ", u"——", u" -- ", u" —", u"— "};
    int32_t best = -1, bestLen = 0;
    for (const char16_t* sep : separators) {
        const icu::UnicodeString s(sep);
        const int32_t at = t.lastIndexOf(s);
        if (at > best) {
            best = at;
            bestLen = s.length();
        }
    }
    if (best > 0 && isSourceRemark(t.tempSubString(best + bestLen))) return trimmedEnd(icu::UnicodeString(t, 0, best));
    return t;
}

using TermId = std::uint32_t;
using Vector = std::vector<std::pair<TermId, float>>;  // sorted by term, length 1

double dot(const Vector& a, const Vector& b) {
    double s = 0;
    auto i = a.begin(), j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (i->first < j->first) ++i;
        else if (j->first < i->first) ++j;
        else {
            s += static_cast<double>(i->second) * j->second;
            ++i;
            ++j;
        }
    }
    return s;
}

}  // namespace

std::vector<std::string> tokenize(std::string_view text) {
    std::vector<std::string> out;
    for (auto& w : words(text)) out.push_back(std::move(w.term));
    return out;
}

std::string duplicateKey(std::string_view text) {
    const icu::UnicodeString t = withoutSourceRemark(folded(text));
    icu::UnicodeString kept;
    for (int32_t i = 0; i < t.length();) {
        const UChar32 c = t.char32At(i);
        if (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) kept.append(c);
        i += U16_LENGTH(c);
    }
    std::string out;
    kept.toUTF8String(out);
    return out;
}

std::vector<Item> itemsOf(const Document& doc, Scope scope) {
    std::vector<Item> items;
    for (const Note* n : doc.sortedNotes()) {
        if (n->state == NoteState::Archived) continue;
        if (scope == Scope::Tray && n->state != NoteState::Tray) continue;
        items.push_back({n->id, n->text});
    }
    return items;
}

struct Index::Impl {
    std::vector<Item> items;
    std::unordered_map<std::string, std::size_t> byId;
    std::vector<std::string> keys;                 // duplicate keys
    std::vector<Vector> vectors;                   // TF-IDF, normalised
    std::vector<std::string> terms;                // by TermId
    std::vector<bool> chinese;                     // by TermId
    std::vector<std::unordered_map<std::string, int>> surfaces;  // by TermId
    std::vector<double> idf;                       // by TermId
    std::vector<std::vector<std::pair<std::uint32_t, float>>> postings;  // TermId -> (document, weight)
    std::vector<std::vector<TermId>> sequence;     // each document's words in the order first written

    /// The documents most like document d with a score ≥ minScore, best first, at most k.
    std::vector<std::pair<std::uint32_t, double>> neighbours(std::size_t d, std::size_t k, double minScore,
                                                             std::vector<float>& acc, std::vector<std::uint32_t>& touched) const {
        const Vector& v = vectors[d];
        std::vector<std::pair<std::uint32_t, double>> out;
        if (v.empty() || k == 0) return out;
        // Candidates from the rarer words (a frequent word weighs little and would touch every
        // document); at least the three rarest words are always used.
        const std::size_t n = vectors.size();
        const std::size_t cap = std::max<std::size_t>(200, n / 20);
        std::vector<std::pair<std::size_t, TermId>> byDf;
        for (const auto& [t, w] : v) byDf.emplace_back(postings[t].size(), t);
        std::sort(byDf.begin(), byDf.end());
        std::vector<TermId> skipped;
        for (std::size_t i = 0; i < byDf.size(); ++i) {
            const TermId t = byDf[i].second;
            if (i >= 3 && byDf[i].first > cap) {
                skipped.push_back(t);
                continue;
            }
            const float w = std::lower_bound(v.begin(), v.end(), std::make_pair(t, 0.0f),
                                             [](const auto& a, const auto& b) { return a.first < b.first; })->second;
            for (const auto& [other, ow] : postings[t]) {
                if (other == d) continue;
                if (acc[other] == 0) touched.push_back(other);
                acc[other] += w * ow;
            }
        }
        std::vector<std::pair<std::uint32_t, double>> cands;
        cands.reserve(touched.size());
        for (std::uint32_t o : touched) {
            // Without skipped words the sums are the exact cosines: those below minScore go now.
            if (!skipped.empty() || acc[o] >= minScore) cands.emplace_back(o, acc[o]);
            acc[o] = 0;
        }
        touched.clear();
        const auto better = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
        const auto best = [&](std::size_t count) {
            count = std::min(count, cands.size());
            std::partial_sort(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(count), cands.end(), better);
            cands.resize(count);
        };
        if (!skipped.empty()) {
            // The skipped words' share for the best candidates: their exact cosine.
            best(std::max<std::size_t>(4 * k, 50));
            for (auto& c : cands) c.second = dot(v, vectors[c.first]);
        }
        best(k);
        for (const auto& c : cands) {
            if (out.size() >= k || c.second < minScore) break;
            if (c.second > 0) out.emplace_back(c.first, std::min(1.0, c.second));
        }
        return out;
    }
};

Index::Index(std::vector<Item> items) : m(std::make_unique<Impl>()) {
    if (items.size() > kMaxNotes) items.resize(kMaxNotes);
    m->items = std::move(items);
    const std::size_t n = m->items.size();
    m->keys.resize(n);
    m->vectors.resize(n);
    m->sequence.resize(n);
    std::unordered_map<std::string, TermId> vocabulary;
    std::vector<std::vector<std::pair<TermId, int>>> counts(n);
    for (std::size_t d = 0; d < n; ++d) {
        const Item& it = m->items[d];
        m->byId.emplace(it.id, d);
        m->keys[d] = duplicateKey(it.text);
        std::unordered_map<TermId, int> tf;
        for (auto& w : words(it.text)) {
            auto [pos, fresh] = vocabulary.emplace(w.term, static_cast<TermId>(m->terms.size()));
            if (fresh) {
                m->terms.push_back(w.term);
                m->chinese.push_back(w.chinese);
                m->surfaces.emplace_back();
            }
            ++m->surfaces[pos->second][w.surface];
            if (++tf[pos->second] == 1) m->sequence[d].push_back(pos->second);
        }
        counts[d].assign(tf.begin(), tf.end());
        std::sort(counts[d].begin(), counts[d].end());
    }
    std::vector<std::size_t> df(m->terms.size(), 0);
    for (std::size_t d = 0; d < n; ++d)
        for (const auto& [t, c] : counts[d]) ++df[t];
    m->idf.resize(m->terms.size());
    for (std::size_t t = 0; t < m->terms.size(); ++t)
        m->idf[t] = std::log(1.0 + static_cast<double>(n) / static_cast<double>(df[t]));
    for (std::size_t d = 0; d < n; ++d) {
        Vector& v = m->vectors[d];
        double norm = 0;
        for (const auto& [t, c] : counts[d]) {
            const double w = (1.0 + std::log(static_cast<double>(c))) * m->idf[t];
            v.emplace_back(t, static_cast<float>(w));
            norm += w * w;
        }
        norm = std::sqrt(norm);
        if (norm > 0)
            for (auto& p : v) p.second = static_cast<float>(p.second / norm);
    }
    m->postings.resize(m->terms.size());
    for (std::size_t t = 0; t < m->terms.size(); ++t) m->postings[t].reserve(df[t]);
    for (std::size_t d = 0; d < n; ++d)
        for (const auto& [t, w] : m->vectors[d]) m->postings[t].emplace_back(static_cast<std::uint32_t>(d), w);
}

Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

std::size_t Index::size() const { return m->items.size(); }

bool Index::contains(std::string_view id) const { return m->byId.count(std::string(id)) != 0; }

std::vector<Scored> Index::similar(std::string_view id, std::size_t limit) const {
    std::vector<Scored> out;
    const auto it = m->byId.find(std::string(id));
    if (it == m->byId.end()) return out;
    std::vector<float> acc(m->items.size(), 0);
    std::vector<std::uint32_t> touched;
    for (const auto& [d, s] : m->neighbours(it->second, std::min(limit, kMaxLimit), 1e-9, acc, touched))
        out.push_back({m->items[d].id, s});
    return out;
}

std::vector<std::pair<std::string, std::string>> Index::duplicates() const {
    std::unordered_map<std::string_view, std::size_t> first;
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t d = 0; d < m->items.size(); ++d) {
        if (m->keys[d].empty()) continue;
        auto [pos, fresh] = first.emplace(m->keys[d], d);
        if (!fresh) out.emplace_back(m->items[pos->second].id, m->items[d].id);
    }
    return out;
}

std::vector<Group> Index::suggest() const {
    const std::size_t n = m->items.size();
    constexpr std::size_t kNeighbours = 15;
    std::vector<float> acc(n, 0);
    std::vector<std::uint32_t> touched;
    std::vector<std::vector<std::pair<std::uint32_t, double>>> nbrs(n);
    std::vector<double> density(n, 0);
    for (std::size_t d = 0; d < n; ++d) {
        nbrs[d] = m->neighbours(d, kNeighbours, kGroupThreshold, acc, touched);
        for (const auto& [o, s] : nbrs[d]) density[d] += s;
    }
    // Leaders: the most connected notes first, each taking its neighbours not yet taken.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return density[a] > density[b]; });
    constexpr int kNone = -1;
    std::vector<int> group(n, kNone);
    int groups = 0;
    for (std::size_t d : order) {
        if (group[d] != kNone || nbrs[d].empty()) continue;
        const int g = groups++;
        group[d] = g;
        for (const auto& [o, s] : nbrs[d])
            if (group[o] == kNone) group[o] = g;
    }
    // Refinement, a few rounds: groups whose centroids are close merge (the closest pairs first,
    // each group once a round), then every note goes to the centroid it is nearest, when that is
    // close enough (spherical k-means); a grouped note near no centroid leaves its group.
    std::vector<std::unordered_map<TermId, double>> centroid;
    std::unordered_map<TermId, std::vector<std::pair<int, double>>> byTerm;
    auto computeCentroids = [&] {
        // Renumber the groups that still have notes 0..groups-1.
        std::vector<int> renumber(static_cast<std::size_t>(groups), kNone);
        int live = 0;
        for (std::size_t d = 0; d < n; ++d)
            if (group[d] != kNone) {
                int& r = renumber[static_cast<std::size_t>(group[d])];
                if (r == kNone) r = live++;
                group[d] = r;
            }
        groups = live;
        centroid.assign(static_cast<std::size_t>(groups), {});
        for (std::size_t d = 0; d < n; ++d)
            if (group[d] != kNone)
                for (const auto& [t, w] : m->vectors[d]) centroid[static_cast<std::size_t>(group[d])][t] += w;
        for (auto& c : centroid) {
            double norm = 0;
            for (const auto& [t, w] : c) norm += w * w;
            norm = std::sqrt(norm);
            if (norm > 0)
                for (auto& [t, w] : c) w /= norm;
        }
        byTerm.clear();
        for (int g = 0; g < groups; ++g)
            for (const auto& [t, w] : centroid[static_cast<std::size_t>(g)]) byTerm[t].emplace_back(g, w);
    };
    std::vector<double> score;
    std::vector<int> hit;
    /// The centroid nearest to a weighted word list, and its score.
    auto nearest = [&](const auto& words, int skip) {
        score.assign(static_cast<std::size_t>(groups), 0);
        for (const auto& [t, w] : words) {
            const auto it = byTerm.find(t);
            if (it == byTerm.end()) continue;
            for (const auto& [g, cw] : it->second) {
                if (g == skip) continue;
                if (score[static_cast<std::size_t>(g)] == 0) hit.push_back(g);
                score[static_cast<std::size_t>(g)] += w * cw;
            }
        }
        int best = kNone;
        double bestScore = 0;
        for (int g : hit)
            if (score[static_cast<std::size_t>(g)] > bestScore || (score[static_cast<std::size_t>(g)] == bestScore && g < best)) {
                best = g;
                bestScore = score[static_cast<std::size_t>(g)];
            }
        hit.clear();
        return std::make_pair(best, bestScore);
    };
    for (int round = 0; round < 4 && groups > 0; ++round) {
        bool changed = false;
        computeCentroids();
        std::vector<std::tuple<double, int, int>> close;
        for (int g = 0; g < groups; ++g) {
            const auto [h, s] = nearest(centroid[static_cast<std::size_t>(g)], g);
            if (h != kNone && s >= kMergeThreshold) close.emplace_back(-s, std::min(g, h), std::max(g, h));
        }
        std::sort(close.begin(), close.end());
        std::vector<int> into(static_cast<std::size_t>(groups), kNone);
        for (const auto& [s, g, h] : close) {
            if (into[static_cast<std::size_t>(g)] != kNone || into[static_cast<std::size_t>(h)] != kNone) continue;
            into[static_cast<std::size_t>(g)] = g;
            into[static_cast<std::size_t>(h)] = g;
            changed = true;
        }
        for (std::size_t d = 0; d < n; ++d)
            if (group[d] != kNone && into[static_cast<std::size_t>(group[d])] != kNone) group[d] = into[static_cast<std::size_t>(group[d])];
        computeCentroids();
        for (std::size_t d = 0; d < n; ++d) {
            const auto [best, s] = nearest(m->vectors[d], kNone);
            const int to = best != kNone && s >= kAttachThreshold ? best : kNone;
            if (to != group[d] && (to != kNone || group[d] != kNone)) {
                group[d] = to;
                changed = true;
            }
        }
        if (!changed) break;
    }
    computeCentroids();
    // Groups of two or more, largest first; members nearest the centroid first.
    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(groups));
    for (std::size_t d = 0; d < n; ++d)
        if (group[d] != kNone) members[static_cast<std::size_t>(group[d])].push_back(d);
    std::vector<int> kept;
    for (int g = 0; g < groups; ++g)
        if (members[static_cast<std::size_t>(g)].size() >= 2) kept.push_back(g);
    std::stable_sort(kept.begin(), kept.end(), [&](int a, int b) {
        const auto& ma = members[static_cast<std::size_t>(a)];
        const auto& mb = members[static_cast<std::size_t>(b)];
        return ma.size() != mb.size() ? ma.size() > mb.size() : m->items[ma.front()].id < m->items[mb.front()].id;
    });
    if (kept.size() > kMaxGroups) kept.resize(kMaxGroups);
    std::vector<Group> out;
    for (int g : kept) {
        auto& mem = members[static_cast<std::size_t>(g)];
        const auto& c = centroid[static_cast<std::size_t>(g)];
        auto closeness = [&](std::size_t d) {
            double s = 0;
            for (const auto& [t, w] : m->vectors[d])
                if (auto it = c.find(t); it != c.end()) s += w * it->second;
            return s;
        };
        std::vector<std::pair<double, std::size_t>> ranked;
        for (std::size_t d : mem) ranked.emplace_back(-closeness(d), d);
        std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : m->items[a.second].id < m->items[b.second].id;
        });
        Group out1;
        for (const auto& [s, d] : ranked) out1.notes.push_back(m->items[d].id);
        // The title: the words most members hold, rare words weighing more.
        std::unordered_map<TermId, double> weight;
        for (std::size_t d : mem)
            for (const auto& [t, w] : m->vectors[d]) weight[t] += m->idf[t];
        std::vector<std::pair<double, TermId>> top;
        for (const auto& [t, w] : weight) top.emplace_back(w, t);
        std::sort(top.begin(), top.end(), [&](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : m->terms[a.second] < m->terms[b.second];
        });
        struct Chosen {
            std::string text;
            bool chinese;
            TermId term;
        };
        std::vector<Chosen> chosen;
        for (const auto& [w, t] : top) {
            if (chosen.size() >= kTitleWords) break;
            const auto& sf = m->surfaces[t];
            std::string best;
            int bestCount = -1;
            for (const auto& [s, cnt] : sf)
                if (cnt > bestCount || (cnt == bestCount && s < best)) {
                    best = s;
                    bestCount = cnt;
                }
            // A single character reads as no title; a word inside one already chosen (or
            // holding one) adds nothing: 退货 and 退货慢.
            if (icu::UnicodeString::fromUTF8(best).countChar32() < 2) continue;
            bool overlaps = false;
            for (const auto& c : chosen)
                if (c.text.find(best) != std::string::npos || best.find(c.text) != std::string::npos) overlaps = true;
            if (!overlaps) chosen.push_back({best, m->chinese[t], t});
        }
        // In the order the members write them: each word's average place in their texts.
        std::unordered_map<TermId, double> place;
        for (const auto& c : chosen) {
            double sum = 0;
            int count = 0;
            for (std::size_t d : mem) {
                const auto& seq = m->sequence[d];
                const auto it = std::find(seq.begin(), seq.end(), c.term);
                if (it == seq.end()) continue;
                sum += static_cast<double>(it - seq.begin()) / static_cast<double>(seq.size());
                ++count;
            }
            place[c.term] = count ? sum / count : 1;
        }
        std::stable_sort(chosen.begin(), chosen.end(), [&](const Chosen& a, const Chosen& b) { return place[a.term] < place[b.term]; });
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            if (i > 0 && !(chosen[i - 1].chinese && chosen[i].chinese)) out1.title += ' ';
            out1.title += chosen[i].text;
        }
        out.push_back(std::move(out1));
    }
    return out;
}

}  // namespace cc::similarity
