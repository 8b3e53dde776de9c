// cereal's JSON header first: it decides how rapidjson reports errors (see json_listing.cpp).
#include <cereal/archives/json.hpp>

#include "app/cli.h"

#include <CLI/CLI.hpp>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <regex>
#include <sstream>

#include "storage/backup.h"
#include "storage/board_copy.h"
#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "storage/import/import_pipeline.h"
#include "storage/summary/summary_export.h"
#include "storage/summary/summary_source.h"
#include "storage/json_listing.h"
#include "storage/pg/pg_address.h"
#include "storage/pg/pg_board.h"
#include "canvas/evidence_strength.h"
#include "canvas/queries.h"
#include "canvas/record_guard.h"
#include "canvas/similarity.h"
#include "app/i18n.h"
#include "app/settings.h"
#include "storage/text_escape.h"
#include "app/window_launch.h"

namespace cc {

namespace {

/// Ctrl+C (or a closed terminal, or `kill`) during a long action: asks it to stop (it then
/// leaves nothing half-written) instead of ending the program at once. The usual handling comes
/// back when this goes.
class CancelOnInterrupt {
public:
    CancelOnInterrupt() {
        s_requested = 0;
        struct sigaction sa {};
        sa.sa_handler = [](int) { s_requested = 1; };
        sigemptyset(&sa.sa_mask);
        for (std::size_t i = 0; i < std::size(kSignals); ++i) ::sigaction(kSignals[i], &sa, &m_previous[i]);
    }
    ~CancelOnInterrupt() {
        for (std::size_t i = 0; i < std::size(kSignals); ++i) ::sigaction(kSignals[i], &m_previous[i], nullptr);
    }
    CancelOnInterrupt(const CancelOnInterrupt&) = delete;
    CancelOnInterrupt& operator=(const CancelOnInterrupt&) = delete;
    bool requested() const { return s_requested != 0; }

private:
    static constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
    static inline volatile std::sig_atomic_t s_requested = 0;
    struct sigaction m_previous[std::size(kSignals)] {};
};

/// "copying… 45 %" on one line of the terminal, rewritten as it moves; nothing when standard
/// error is not a terminal (a script reads only the last line).
class TerminalProgress {
public:
    explicit TerminalProgress(std::string what) : m_what(std::move(what)), m_tty(::isatty(2) != 0) {}
    void show(double share) const {
        const int percent = static_cast<int>(share * 100);
        if (!m_tty || percent == m_last) return;
        m_last = percent;
        std::cerr << "\r" << m_what << "… " << percent << " %" << std::flush;
    }
    void clear() const {
        if (m_tty && m_last >= 0) std::cerr << "\r\033[K" << std::flush;
    }

private:
    std::string m_what;
    bool m_tty;
    mutable int m_last = -1;
};


/// A refusal: printed as one line, exit status 1.
struct Refusal : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string checkedSource(const std::string& key) {
    if (!SourceKinds::builtin().contains(key))
        throw Refusal(i18n::fill(_("unknown source kind '{1}' (see 'customer-canvas sources')"), {key}));
    return key;
}

std::string checkedDate(const std::string& date) {
    if (!isValidDate(date)) throw Refusal(i18n::fill(_("'{1}' is not a date (YYYY-MM-DD)"), {date}));
    return date;
}

std::string checkedText(const std::string& text) {
    if (trim(text).empty()) throw Refusal(_("the note text is empty"));
    if (auto why = unsafeTextReason(text); !why.empty()) throw Refusal(i18n::fill(_("the note text {1}"), {why}));
    if (text.size() > limits::kTextBytes) throw Refusal(_("the note text is longer than 64 KiB"));
    return text;
}

/// An author name as `config author` keeps it: one line of valid UTF-8 that fits a record's field.
void checkedAuthor(const std::string& author) {
    if (trim(author).empty()) throw Refusal(_("the author is empty"));
    if (const std::string why = Settings::valueProblem(author); !why.empty()) throw Refusal(i18n::fill(_("the author {1}"), {why}));
    if (author.size() > limits::kShortBytes)
        throw Refusal(i18n::fill(_("the author is longer than {1} bytes"), {std::to_string(limits::kShortBytes)}));
}

std::uint32_t checkedColour(const std::string& s) {
    if (s.size() != 7 || s[0] != '#' || s.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos)
        throw Refusal(i18n::fill(_("'{1}' is not a colour (#RRGGBB)"), {s}));
    return static_cast<std::uint32_t>(std::stoul(s.substr(1), nullptr, 16));
}

std::string checkedInsightTitle(const std::string& title) {
    const std::string t = trim(title);
    if (t.empty()) throw Refusal(_("the insight's title is empty"));
    if (auto why = unsafeTextReason(t); !why.empty() || t.find('\n') != std::string::npos)
        throw Refusal(i18n::fill(_("the insight's title {1}"), {why.empty() ? _("contains a line break") : why}));
    if (t.size() > limits::kShortBytes)
        throw Refusal(i18n::fill(_("the insight's title is longer than {1} bytes"), {std::to_string(limits::kShortBytes)}));
    return t;
}

std::string checkedStatement(const std::string& statement) {
    const std::string s = trim(statement);
    if (auto why = unsafeTextReason(s); !why.empty()) throw Refusal(i18n::fill(_("the insight's statement {1}"), {why}));
    if (s.size() > limits::kStatementBytes)
        throw Refusal(i18n::fill(_("the insight's statement is longer than {1} bytes"), {std::to_string(limits::kStatementBytes)}));
    return s;
}

/// What the record guard repaired on reading, one line each naming the board (at most 20).
void printRepairs(const std::string& address, const std::vector<std::string>& repairs) {
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < repairs.size() && i < kShown; ++i)
        std::cerr << i18n::fill(_("{1}: {2} (repaired on reading, not saved)"), {address, repairs[i]}) << "\n";
    if (repairs.size() > kShown)
        std::cerr << i18n::fill(_("{1}: ... and {2} more repaired on reading (see check)"),
                                {address, std::to_string(repairs.size() - kShown)})
                  << "\n";
}

/// An open board: its file, its document with the file attached, and an editor.
struct OpenBoard {
    std::unique_ptr<BoardStore> file;
    std::unique_ptr<Document> doc;
    std::unique_ptr<Editor> editor;

    OpenBoard(const std::string& address, BoardStore::Mode mode, const std::string& author,
              const std::string& boardName, const PasswordPrompt& askPassword, bool quiet = false) {
        file = openBoard(address, mode, boardName, askPassword);
        doc = file->load();
        // Rows another program wrote that broke a rule were repaired in memory only: say so.
        if (!quiet) printRepairs(file->address(), file->repairs());
        if (mode == BoardStore::Mode::ReadWrite) file->attach(*doc);
        editor = std::make_unique<Editor>(*doc, author);
    }
};

/// The options that add and edit share.
struct NoteOptions {
    std::optional<std::string> text, source, date, segment, state, data, colour, customerInitiated;
    std::optional<int> quadrant, votes;
    std::optional<double> x, y;
    std::vector<std::string> tags;

    void declare(CLI::App* cmd) {
        cmd->add_option("--text", text, _("the note's text: a first line that reads as a title, then the body"));
        cmd->add_option("--source", source, _("source-kind key (see 'sources')"));
        cmd->add_option("--quadrant", quadrant, _("put the note on the wall in quadrant 1-4"))->check(CLI::Range(1, 4));
        cmd->add_option("--date", date, _("date the evidence was gathered, YYYY-MM-DD"));
        cmd->add_option("--tag", tags, _("a tag (repeat for more)"))->allow_extra_args(false);
        cmd->add_option("--segment", segment, _("customer segment"));
        cmd->add_option("--votes", votes, _("votes"))->check(CLI::Range(0, limits::kMaxVotes));
        cmd->add_option("--data", data, _("quantitative or qualitative (default: from the source kind)"))
            ->check(CLI::IsMember({"quantitative", "qualitative"}));
        cmd->add_option("--customer-initiated", customerInitiated, _("yes if the customer started the contact"))
            ->check(CLI::IsMember({"yes", "no"}));
        cmd->add_option("--colour", colour, _("note colour #RRGGBB (default: the source kind's)"));
        cmd->add_option("--x", x, _("wall x of the note's top-left corner (with --y)"));
        cmd->add_option("--y", y, _("wall y of the note's top-left corner (with --x)"));
    }

    /// Applies the given fields to a note; `fresh` when it is a new note.
    void applyTo(Note& n, const SourceKinds& kinds) const {
        if (text) n.text = checkedText(*text);
        if (source) setSourceKind(n, *kinds.find(checkedSource(*source)));
        if (data) n.data = *dataKindFromString(*data);
        if (customerInitiated) n.customerInitiated = *customerInitiated == "yes";
        if (date) n.dateGathered = checkedDate(*date);
        if (!tags.empty()) {
            n.tags.clear();
            for (const auto& t : tags) {
                std::string tt = trim(t);
                if (tt.empty()) throw Refusal(_("a tag is empty"));
                if (!isValidUtf8(tt) || tt.size() > limits::kShortBytes) throw Refusal(i18n::fill(_("tag '{1}' is not valid"), {tt.substr(0, 40)}));
                n.tags.push_back(tt);
            }
            normaliseTags(n.tags);
        }
        if (segment) n.segment = trim(*segment);
        if (votes) n.votes = *votes;
        if (colour) n.colour = checkedColour(*colour);
        if (state) {
            auto s = noteStateFromString(*state);
            if (!s) throw Refusal(i18n::fill(_("'{1}' is not a state (tray, pinned or archived)"), {*state}));
            n.state = *s;
        }
        if (x.has_value() != y.has_value()) throw Refusal(_("--x and --y go together"));
        if (x && (std::fabs(*x) > limits::kMaxCoordinate || std::fabs(*y) > limits::kMaxCoordinate))
            throw Refusal(_("the position is outside the wall"));
    }

    /// The note placed as --quadrant and --x/--y ask (the editor's placement rules), the
    /// editor's refusals worded with these options.
    Note placed(const Editor& editor, const Note& n, const Note* before) const {
        Placement where;
        where.quadrant = quadrant;
        if (x) where.at = std::make_pair(*x, *y);
        try {
            return editor.placed(n, before, where);
        } catch (const PlacementError& e) {
            if (e.kind == PlacementError::Kind::NeedsAPlace) throw Refusal(_("a note leaving the tray needs a place: give --quadrant N"));
            throw Refusal(i18n::fill(_("--x/--y place the note in quadrant {1}, not {2}"), {std::to_string(e.placedIn), std::to_string(e.quadrant)}));
        }
    }
};

/// A command-line parser's error in the interface language. CLI11 words its errors in English
/// only; the ones a person meets are recognised by their form and said again through the
/// catalogue, with the names and values they carry. Any other keeps CLI11's sentence.
std::string parseErrorText(const CLI::ParseError& e) {
    const std::string what = e.what();
    std::smatch m;
    static const std::regex notExpected(R"(^The following arguments? (?:was|were) not expected: (.*)$)");
    static const std::regex required(R"(^(\S+) is required$)");
    static const std::regex missing(R"(^(\S+): \d+ required .* missing$)");
    static const std::regex notIn(R"(^(\S+): (.*) not in \{(.*)\}$)");
    static const std::regex range(R"(^(\S+): Value (.*) not in range (\S+) to (\S+)$)");
    if (std::regex_match(what, m, notExpected)) return i18n::fill(_("not expected here: {1}"), {m[1].str()});
    // Only `insight` asks for a subcommand of its own.
    if (what == "A subcommand is required") return _("insight needs a command after it: add, edit or delete");
    if (std::regex_match(what, m, required)) return i18n::fill(_("{1} is needed"), {m[1].str()});
    if (std::regex_match(what, m, missing)) return i18n::fill(_("{1} needs a value"), {m[1].str()});
    if (std::regex_match(what, m, range))
        return i18n::fill(_("{1}: “{2}” is not a number from {3} to {4}"), {m[1].str(), m[2].str(), m[3].str(), m[4].str()});
    if (std::regex_match(what, m, notIn))
        return i18n::fill(_("{1}: “{2}” is not one of {3}"), {m[1].str(), m[2].str(), m[3].str()});
    return what;
}

/// How many terminal columns a text takes: a wide (CJK) character two, any other one.
std::size_t displayWidth(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : c & (0x7F >> len);
        for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        i += static_cast<std::size_t>(len);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                          (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                          (cp >= 0x20000 && cp <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

/// A table cell: the text and spaces up to `width` columns (at least one space after it).
std::string cell(std::string_view text, std::size_t width) {
    const std::size_t w = displayWidth(text);
    return std::string(text) + std::string(w < width ? width - w : 1, ' ');
}

// `list` is read on a terminal (or later through one, from a file or a pager), so every piece of
// board text goes through terminalText: an escape sequence in a note is shown, never acted on.
// A program that wants the exact text reads `list --json`.

/// The widths of the note lines' columns, the same in every section of the board so they line up
/// in a terminal (by display width: a Chinese character takes two columns).
struct NoteColumns {
    std::size_t id = 0, source = 0, title = 0;
    /// A title wider than this is not padded: the rest of its line follows it.
    static constexpr std::size_t kMaxTitle = 48;
};

NoteColumns noteColumns(const Document& doc) {
    NoteColumns w;
    for (const auto& [id, n] : doc.notes()) {
        w.id = std::max(w.id, displayWidth(terminalText(n.id)));
        w.source = std::max(w.source, displayWidth(terminalText(n.source)));
        const std::size_t title = displayWidth(terminalText(noteTitle(n)));
        if (title <= NoteColumns::kMaxTitle) w.title = std::max(w.title, title);
    }
    return w;
}

void printNoteLine(const Document& doc, const Note& n, const NoteColumns& w) {
    std::string rest;
    if (n.votes) rest += "  [" + i18n::fill(P_("{1} vote", "{1} votes", n.votes), {std::to_string(n.votes)}) + "]";
    for (const auto& t : n.tags) rest += "  #" + terminalText(t);
    if (!n.segment.empty()) rest += "  (" + terminalText(n.segment) + ")";
    if (isCorroborated(doc, n.id)) rest += std::string("  [") + _("corroborated") + "]";
    if (isContested(doc, n.id)) rest += std::string("  [") + _("contested") + "]";
    const std::string title = terminalText(noteTitle(n));
    std::cout << "  " << cell(terminalText(n.id), w.id + 2) << cell(terminalText(n.source), w.source + 2)
              << cell(n.dateGathered.empty() ? "----------" : terminalText(n.dateGathered), 12);
    // Padded only where something follows, so that no line ends in spaces.
    if (rest.empty()) std::cout << title;
    else std::cout << (displayWidth(title) < w.title ? cell(title, w.title) : title) << rest;
    std::cout << "\n";
}

/// The insights, strongest first: id, grade and score, title, quadrant, state and evidence, then
/// the reasons for the grade on a line of their own; columns aligned by display width.
void printInsights(const Document& doc) {
    const auto all = doc.sortedInsights();
    if (all.empty()) return;
    const std::string today = todayDate();
    std::vector<std::pair<const Insight*, EvidenceStrength>> rows;
    for (const Insight* i : all) rows.emplace_back(i, evidenceStrength(doc, *i, today, i18n::wording()));
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.score > b.second.score; });
    std::size_t idWidth = 0, gradeWidth = 0, titleWidth = 0;
    for (const auto& [i, s] : rows) {
        idWidth = std::max(idWidth, displayWidth(terminalText(i->id)));
        gradeWidth = std::max(gradeWidth, displayWidth(gradeWord(s.grade) + " " + std::to_string(s.score)));
        const std::size_t t = displayWidth(terminalText(i->title));
        if (t <= NoteColumns::kMaxTitle) titleWidth = std::max(titleWidth, t);
    }
    std::cout << "\n" << _("Insights") << "  (" << rows.size() << ")\n";
    for (const auto& [i, s] : rows) {
        const std::string title = terminalText(i->title);
        std::cout << "  " << cell(terminalText(i->id), idWidth + 2)
                  << cell(gradeWord(s.grade) + " " + std::to_string(s.score), gradeWidth + 2)
                  << (displayWidth(title) < titleWidth ? cell(title, titleWidth + 2) : title + "  ");
        if (i->quadrant) std::cout << i18n::fill(_("quadrant {1}"), {std::to_string(i->quadrant)}) << "  ";
        std::cout << insightStateWord(i->state) << "  "
                  << i18n::fill(P_("{1} note", "{1} notes", i->notes.size()), {std::to_string(i->notes.size())});
        for (std::size_t k = 0; k < i->notes.size(); ++k) std::cout << (k ? " " : _(": ")) << terminalText(i->notes[k]);
        std::cout << "\n";
        std::string reasons;
        for (const auto& r : s.reasons) reasons += (reasons.empty() ? "" : _("; ")) + r;
        std::cout << std::string(idWidth + 4, ' ') << terminalText(reasons) << "\n";
        if (!i->statement.empty()) std::cout << std::string(idWidth + 4, ' ') << terminalText(i->statement) << "\n";
    }
}

void printBoard(const Document& doc) {
    const BoardInfo& b = doc.board();
    const BoardCounts c = countBoard(doc);
    const auto n = [](auto v) { return std::to_string(v); };
    std::cout << terminalText(b.title) << "  (" << i18n::fill(_("{1} template"), {terminalText(b.templateKey)}) << ")\n"
              << i18n::fill(_("{1} notes on the wall, {2} in the tray, {3} archived; {4} links ({5} supports, {6} conflicts, "
                     "{7} relates); {8} corroborated, {9} contested"),
                    {n(c.onWall), n(c.inTray), n(c.archived), n(c.links), n(c.supports), n(c.conflicts), n(c.relates),
                     n(c.corroborated), n(c.contested)})
              << "\n";
    const auto notes = doc.sortedNotes();
    const NoteColumns widths = noteColumns(doc);
    for (const auto& q : b.quadrants) {
        std::cout << "\n" << q.index << "  " << terminalText(q.title) << "  (" << c.byQuadrant[q.index] << ")\n";
        for (const Note* n : notes)
            if (n->state == NoteState::Pinned && n->quadrant == q.index) printNoteLine(doc, *n, widths);
    }
    auto section = [&](NoteState s, const char* name, int count) {
        if (!count) return;
        std::cout << "\n" << name << "  (" << count << ")\n";
        for (const Note* n : notes)
            if (n->state == s) printNoteLine(doc, *n, widths);
    };
    section(NoteState::Tray, _("Tray"), c.inTray);
    section(NoteState::Archived, _("Archived"), c.archived);
    if (c.links) {
        std::cout << "\n" << _("Links") << "  (" << c.links << ")\n";
        for (const Link* l : doc.sortedLinks()) {
            std::cout << "  " << terminalText(l->id) << "  " << terminalText(l->from) << " " << toString(l->kind) << " "
                      << terminalText(l->to);
            if (!l->label.empty()) std::cout << "  \"" << terminalText(l->label) << "\"";
            std::cout << "\n";
        }
    }
    printInsights(doc);
}

// `similar`, `duplicates` and `suggest`: sorting candidates (canvas/similarity.h). Their JSON is
// written with rapidjson, their lines aligned by display width like `list`'s.

/// A JSON writer on a string, pretty like `list --json`.
struct JsonOut {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w{buffer};
    void string(std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
    void print() { std::cout << buffer.GetString() << "\n"; }
};

/// A note's title for a terminal line (its id when the note has none).
std::string shownTitle(const Document& doc, const std::string& id) {
    const Note* n = doc.note(id);
    return terminalText(n ? noteTitle(*n) : id);
}

void printSimilar(const Document& doc, const std::string& id, const std::vector<similarity::Scored>& found, bool json) {
    if (json) {
        JsonOut j;
        j.w.StartObject();
        j.w.Key("similar");
        j.w.StartArray();
        for (const auto& s : found) {
            j.w.StartObject();
            j.w.Key("id");
            j.string(s.id);
            j.w.Key("score");
            j.w.Double(std::round(s.score * 1000) / 1000);
            j.w.EndObject();
        }
        j.w.EndArray();
        j.w.EndObject();
        j.print();
        return;
    }
    std::cout << i18n::fill(_("Notes like {1} “{2}”"), {terminalText(id), shownTitle(doc, id)}) << "  (" << found.size() << ")\n";
    if (found.empty()) {
        std::cout << "  " << _("no note shares a word with it") << "\n";
        return;
    }
    std::size_t idWidth = 0;
    for (const auto& s : found) idWidth = std::max(idWidth, displayWidth(terminalText(s.id)));
    for (const auto& s : found) {
        char score[16];
        std::snprintf(score, sizeof score, "%.2f", s.score);
        std::cout << "  " << cell(terminalText(s.id), idWidth + 2) << cell(score, 6) << shownTitle(doc, s.id) << "\n";
    }
}

void printDuplicates(const Document& doc, const std::vector<std::pair<std::string, std::string>>& pairs, bool json) {
    if (json) {
        JsonOut j;
        j.w.StartObject();
        j.w.Key("pairs");
        j.w.StartArray();
        for (const auto& [a, b] : pairs) {
            j.w.StartArray();
            j.string(a);
            j.string(b);
            j.w.EndArray();
        }
        j.w.EndArray();
        j.w.EndObject();
        j.print();
        return;
    }
    if (pairs.empty()) {
        std::cout << _("no near-duplicates") << "\n";
        return;
    }
    std::cout << i18n::fill(P_("{1} pair of near-duplicates", "{1} pairs of near-duplicates", pairs.size()), {std::to_string(pairs.size())})
              << "\n";
    std::size_t aWidth = 0, bWidth = 0;
    for (const auto& [a, b] : pairs) {
        aWidth = std::max(aWidth, displayWidth(terminalText(a)));
        bWidth = std::max(bWidth, displayWidth(terminalText(b)));
    }
    for (const auto& [a, b] : pairs)
        std::cout << "  " << cell(terminalText(a), aWidth + 2) << cell(terminalText(b), bWidth + 2) << shownTitle(doc, a) << "\n";
}

void printGroups(const Document& doc, const std::vector<similarity::Group>& groups, bool json, bool wholeBoard) {
    if (json) {
        JsonOut j;
        j.w.StartObject();
        j.w.Key("groups");
        j.w.StartArray();
        for (const auto& g : groups) {
            j.w.StartObject();
            j.w.Key("title");
            j.string(g.title);
            j.w.Key("notes");
            j.w.StartArray();
            for (const auto& id : g.notes) j.string(id);
            j.w.EndArray();
            j.w.EndObject();
        }
        j.w.EndArray();
        j.w.EndObject();
        j.print();
        return;
    }
    if (groups.empty()) {
        std::cout << (wholeBoard ? _("no groups to suggest: no two notes on the board are alike enough")
                                 : _("no groups to suggest: no two notes in the tray are alike enough (--all groups the whole board)"))
                  << "\n";
        return;
    }
    std::size_t idWidth = 0;
    for (const auto& g : groups)
        for (const auto& id : g.notes) idWidth = std::max(idWidth, displayWidth(terminalText(id)));
    for (std::size_t k = 0; k < groups.size(); ++k) {
        const auto& g = groups[k];
        std::cout << (k ? "\n" : "") << terminalText(g.title) << "  ("
                  << i18n::fill(P_("{1} note", "{1} notes", g.notes.size()), {std::to_string(g.notes.size())}) << ")\n";
        for (const auto& id : g.notes) std::cout << "  " << cell(terminalText(id), idWidth + 2) << shownTitle(doc, id) << "\n";
    }
}

/// How an address is shown: a server address without its password.
std::string shown(const std::string& address) {
    return isServerAddress(address) ? pg::withoutPassword(address) : address;
}

/// The address with the board's name in it (for the window, which takes one address).
std::string withBoard(const std::string& address, const std::string& boardName) {
    if (boardName.empty() || !isServerAddress(address)) return address;
    std::string encoded;
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : boardName) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c >= 0x80) encoded += static_cast<char>(c);
        else encoded += std::string("%") + hex[c >> 4] + hex[c & 15];
    }
    return address + (address.find('?') == std::string::npos ? "?" : "&") + "board=" + encoded;
}

/// Asks for the server's password on the terminal, without echo. Only when standard input is
/// one: a script gets libpq's own message instead of a prompt it cannot answer.
std::optional<std::string> askPassword(const std::string& address) {
    // Echo goes off before the prompt shows, and nothing typed is thrown away: a password typed
    // (or pasted) the moment the prompt appears is neither shown nor lost.
    termios old{};
    const bool tty = ::tcgetattr(0, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(0, TCSANOW, &quiet);
    }
    std::cerr << i18n::fill(_("Password for {1}: "), {address}) << std::flush;
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (tty) ::tcsetattr(0, TCSANOW, &old);
    std::cerr << "\n";
    if (!got || line.empty()) return std::nullopt;
    return line;
}

/// CLI11's own words in the help (its labels and group names) in the interface language.
/// CLI11's help with the labels' colons in the language's own form ("用法：", "选项：").
class HelpFormatter : public CLI::Formatter {
public:
    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
        std::string help = CLI::Formatter::make_help(app, std::move(name), mode);
        const std::string colon = _(": ");
        if (colon == ": ") return help;
        const std::string mark = colon.substr(0, colon.find_last_not_of(' ') + 1);  // "："
        const auto replaceFirst = [&](const std::string& from, const std::string& to) {
            if (const auto at = help.find(from); at != std::string::npos) help.replace(at, from.size(), to);
        };
        replaceFirst(std::string(_("Usage")) + ": ", std::string(_("Usage")) + mark);
        for (std::size_t at = help.find(":\n"); at != std::string::npos; at = help.find(":\n", at + mark.size()))
            help.replace(at, 1, mark);
        return help;
    }
};

/// Every option of every subcommand in the translated "Options" group, and every subcommand in the
/// translated "Subcommands" group (CLI11's group names stay English otherwise).
void translateGroups(CLI::App& app) {
    for (CLI::Option* o : app.get_options([](const CLI::Option*) { return true; }))
        if (o->get_group() == "Options") o->group(_("Options"));
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        if (sub->get_group() == "Subcommands") sub->group(_("Subcommands"));
        translateGroups(*sub);
    }
}

void translateHelp(CLI::App& app) {
    app.formatter(std::make_shared<HelpFormatter>());
    auto f = app.get_formatter();
    for (const char* key : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("Subcommands"), N_("Positionals"), N_("REQUIRED"),
                            N_("TEXT"), N_("INT"), N_("FLOAT"), N_("UINT"), N_("Needs"), N_("Excludes")})
        f->label(key, _(key));
    app.option_defaults()->group(_("Options"));
}

void printSources() {
    // Keys and the data and channel words are what --source and --data take: never translated.
    std::cout << cell(_("key"), 21) << cell(_("English"), 31) << cell(_("Chinese"), 17) << cell(_("data"), 14)
              << cell(_("channel"), 10) << _("customer-initiated") << "\n";
    for (const auto& k : SourceKinds::builtin().all()) {
        const std::string data = k.eitherData ? "either" : std::string(toString(k.data));
        std::cout << cell(k.key, 21) << cell(k.english, 31) << cell(k.chinese, 17) << cell(data, 14)
                  << cell(toString(k.channel), 10) << (k.customerInitiated ? _("yes") : _("no")) << "\n";
    }
}

}  // namespace

int runCli(int argc, char** argv) {
    Settings settings = Settings::load();
    // The language setting (else the system's) before any message is worded.
    i18n::init(i18n::fromSetting(settings.get("language").value_or("auto")).value_or(i18n::systemLanguage()));
    CLI::App app{_("Customer Canvas: the four-quadrant customer canvas for insight teams.\n"
                   "With no command, or 'open BOARD', it opens the window.")};
    translateHelp(app);
    app.set_help_all_flag("--help-all", _("all commands and their options"));
    app.require_subcommand(0, 1);
    app.fallthrough();  // --author may come after the subcommand
    std::string author;
    app.add_option("--author", author, _("who makes the changes (default: the 'author' setting, else the OS user)"));
    std::string boardName;
    app.add_option("--board", boardName,
                   _("the board's name when BOARD is a team server (postgresql://user@host/db), like ?board=NAME"));

    std::string board, other, out;
    std::string title, templ = "canvas";
    bool json = false;
    NoteOptions opt;
    std::string kind, label;

    auto* open = app.add_subcommand("open", _("open a board in the window"));
    open->add_option("BOARD", board, _("board file (.ccboard) or team server address (postgresql://...)"))->required();

    WindowOptions win;
    std::string size = "1600x1000", zoom = "fit";
    auto* shot = app.add_subcommand("screenshot", _("open the board in a window, draw the wall alone (the whole window with --window), write a PNG, exit"));
    shot->add_option("BOARD", board)->required();
    shot->add_option("--out", win.out, _("the PNG file to write"))->required();
    shot->add_option("--size", size, _("window size WxH (default 1600x1000)"));
    shot->add_option("--zoom", zoom, _("fit (the whole wall, default) or 100 (100 %, centred on the notes)"))
        ->check(CLI::IsMember({"fit", "100"}));
    shot->add_flag("--window", win.wholeWindow, _("draw the whole window: menu bar, side panels and status bar"));
    auto* frames = app.add_subcommand("frames", _("time frames while panning the wall (vsync off); prints median and p90"));
    frames->add_option("BOARD", board)->required();
    frames->add_option("--frames", win.frames, _("how many frames (default 300)"))->check(CLI::Range(10, 100000));
    frames->add_option("--size", size, _("window size WxH (default 1600x1000)"));
    frames->add_option("--zoom", zoom, _("fit or 100"))->check(CLI::IsMember({"fit", "100"}));

    auto* cmdNew = app.add_subcommand("new", _("create a new, empty board file"));
    cmdNew->add_option("BOARD", board, _("board file to create (.ccboard), or a team server address with --board NAME"))->required();
    cmdNew->add_option("--title", title, _("board title (default: the file name or the board's name)"));
    cmdNew->add_option("--template", templ, _("quadrant template"))->check(CLI::IsMember({"canvas", "empathy", "custom"}));
    std::string boardLang;
    cmdNew->add_option("--lang", boardLang, _("en, zh or both: the language of the quadrant titles (default: the interface language)"))
        ->check(CLI::IsMember({"en", "zh", "both"}));

    auto* add = app.add_subcommand("add", _("add a note; prints its id"));
    add->add_option("BOARD", board)->required();
    opt.declare(add);
    add->get_option("--text")->required();

    auto* edit = app.add_subcommand("edit", _("change a note"));
    edit->add_option("BOARD", board)->required();
    edit->add_option("ID", other, _("note id"))->required();
    opt.declare(edit);
    edit->add_option("--state", opt.state, _("tray, pinned or archived"));

    auto* link = app.add_subcommand("link", _("link two notes; prints the link's id"));
    std::string from, to;
    link->add_option("BOARD", board)->required();
    link->add_option("FROM_ID", from)->required();
    link->add_option("TO_ID", to)->required();
    link->add_option("--kind", kind, _("supports, conflicts or relates"))
        ->required()
        ->check(CLI::IsMember({"supports", "conflicts", "relates"}));
    link->add_option("--label", label, _("a short label shown on the link"));

    auto* del = app.add_subcommand("delete", _("delete a note (with its links) or a link"));
    del->add_option("BOARD", board)->required();
    del->add_option("ID", other, _("note or link id"))->required();

    auto* list = app.add_subcommand("list", _("print the board"));
    list->add_option("BOARD", board)->required();
    list->add_flag("--json", json, _("one JSON object: board, quadrants, notes, links, insights"));

    auto* insight = app.add_subcommand("insight", _("group notes as an insight that cites them as evidence"));
    insight->require_subcommand(1);
    insight->fallthrough();
    std::string insightTitle, statement, insightState;
    std::optional<std::string> newTitle, newStatement;
    std::optional<int> insightQuadrant;
    std::vector<std::string> evidence, addEvidence, removeEvidence;
    auto* insAdd = insight->add_subcommand("add", _("make an insight from notes; prints its id"));
    insAdd->add_option("BOARD", board)->required();
    insAdd->add_option("NOTE_ID", evidence, _("the notes that are its evidence"))->required();
    insAdd->add_option("--title", insightTitle, _("the insight's title"))->required();
    insAdd->add_option("--statement", statement, _("the insight in a sentence or two"));
    insAdd->add_option("--quadrant", insightQuadrant, _("the quadrant 1-4 it belongs to (default: where most of its notes are)"))
        ->check(CLI::Range(1, 4));
    auto* insEdit = insight->add_subcommand("edit", _("change an insight or its evidence"));
    insEdit->add_option("BOARD", board)->required();
    insEdit->add_option("ID", other, _("insight id"))->required();
    insEdit->add_option("--title", newTitle, _("the insight's title"));
    insEdit->add_option("--statement", newStatement, _("the insight in a sentence or two"));
    insEdit->add_option("--quadrant", insightQuadrant, _("the quadrant 1-4 it belongs to"))->check(CLI::Range(1, 4));
    insEdit->add_option("--add", addEvidence, _("a note to add to its evidence (repeat for more)"))->allow_extra_args(false);
    insEdit->add_option("--remove", removeEvidence, _("a note to take out of its evidence (repeat for more)"))->allow_extra_args(false);
    insEdit->add_option("--state", insightState, _("draft, agreed or retired"))
        ->check(CLI::IsMember({"draft", "agreed", "retired"}));
    auto* insDel = insight->add_subcommand("delete", _("delete an insight; its notes stay"));
    insDel->add_option("BOARD", board)->required();
    insDel->add_option("ID", other, _("insight id"))->required();

    auto* similar = app.add_subcommand("similar", _("the notes most like a note (tray and wall), most similar first"));
    int similarLimit = 10;
    similar->add_option("BOARD", board)->required();
    similar->add_option("NOTE_ID", other, _("note id"))->required();
    similar->add_option("--limit", similarLimit, _("how many notes at most, 1-100 (default 10)"))
        ->check(CLI::Range(1, static_cast<int>(similarity::kMaxLimit)));
    similar->add_flag("--json", json, _("one JSON object: {\"similar\": [{\"id\", \"score\"}]}"));
    auto* duplicates = app.add_subcommand("duplicates", _("pairs of near-duplicate notes (tray and wall)"));
    duplicates->add_option("BOARD", board)->required();
    duplicates->add_flag("--json", json, _("one JSON object: {\"pairs\": [[id, id], ...]}"));
    auto* suggest = app.add_subcommand("suggest", _("suggested groups of the tray's candidates, each with a proposed title"));
    bool suggestAll = false;
    suggest->add_option("BOARD", board)->required();
    suggest->add_flag("--all", suggestAll, _("group the whole board (tray and wall), not only the tray"));
    suggest->add_flag("--json", json, _("one JSON object: {\"groups\": [{\"title\", \"notes\": [ids]}]}"));

    app.add_subcommand("sources", _("print the source-kind table"));

    auto* check = app.add_subcommand("check", _("check the file's integrity and the board's invariants"));
    check->add_option("BOARD", board)->required();

    auto* exp = app.add_subcommand("export", _("write the whole board and its history as a JSON backup"));
    exp->add_option("BOARD", board)->required();
    exp->add_option("--out", out, _("backup file (.json)"))->required();

    auto* restore = app.add_subcommand("restore", _("restore a JSON backup into a new board file"));
    restore->add_option("FILE", other, _("backup file (.json)"))->required();
    restore->add_option("BOARD", board, _("board file to create, or a team server address with --board NAME"))->required();

    auto* copy = app.add_subcommand("copy", _("copy a whole board with its history: file or server to file or server"));
    std::string target;
    copy->add_option("SRC", board, _("the board to copy (file, or server address)"))->required();
    copy->add_option("DST", target, _("the new board (file, or server address; --board or ?board= names it)"))->required();

    auto* imp = app.add_subcommand("import", _("turn documents into candidate notes (tray, or --pin N)"));
    std::vector<std::string> files;
    import::ImportOptions io;
    std::string importDate;
    int pin = 0;
    imp->add_option("BOARD", board)->required();
    imp->add_option("FILE", files, _("Markdown, text, PDF, DOCX, CSV, TSV or JSON Canvas files"))->required();
    imp->add_option("--source", io.source, _("source-kind key (default: survey for CSV/TSV, else other)"));
    imp->add_option("--date", importDate, _("date gathered, YYYY-MM-DD (default: a date column, else the file's date)"));
    imp->add_option("--pin", pin, _("pin the notes to quadrant 1-4 instead of the tray"))->check(CLI::Range(1, 4));
    imp->add_option("--tag", io.tags, _("a tag for every note (repeat for more)"))->allow_extra_args(false);
    imp->add_option("--text-column", io.parse.textColumns, _("CSV: a free-text column (repeat for more; default: detected)"))
        ->allow_extra_args(false);
    imp->add_option("--id-column", io.parse.idColumn, _("CSV: the respondent id column"));
    imp->add_option("--date-column", io.parse.dateColumn, _("CSV: the date column"));
    imp->add_option("--segment-column", io.parse.segmentColumn, _("CSV: the customer segment column"));

    auto* sum = app.add_subcommand("summary", _("write the monthly board summary (PDF, HTML, Markdown, CSV or JSON)"));
    std::string month, lang = "en";
    sum->add_option("BOARD", board)->required();
    sum->add_option("--month", month, _("the month, YYYY-MM"))->required();
    sum->add_option("--out", out, _("FILE.pdf, .html, .md, .csv or .json"))->required();
    sum->add_option("--lang", lang, _("en or zh: the language of headings and labels"))->check(CLI::IsMember({"en", "zh"}));

    auto* config = app.add_subcommand("config", _("show or change a setting (author, colour #RRGGBB, language zh|en|auto)"));
    std::string key, value;
    bool unset = false;
    config->add_option("KEY", key)->check(CLI::IsMember({"author", "colour", "language"}));
    config->add_option("VALUE", value);
    config->add_flag("--unset", unset, _("remove the setting"));

    app.set_help_flag("-h,--help", _("Print this help message and exit"));
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        sub->group(_("Subcommands"));
        sub->set_help_flag("-h,--help", _("Print this help message and exit"));
    }

    try {
        translateGroups(app);
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "customer-canvas: " << parseErrorText(e) << _(" (see 'customer-canvas --help')") << "\n";
        return 2;
    }
    if (author.empty()) author = defaultAuthor(settings);
    // A team server that wants a password asks for it on the terminal, if there is one.
    const PasswordPrompt prompt = ::isatty(0) ? PasswordPrompt(askPassword) : PasswordPrompt();

    try {
        // A server address in any accepted form (a keyword/value string, POSTGRESQL://) as the
        // one URI form the rest of the program shows and extends with ?board=.
        for (std::string* address : {&board, &target})
            if (isServerAddress(*address)) *address = pg::canonicalUri(*address);
        win.author = author;
        if (app.got_subcommand(shot) || app.got_subcommand(frames)) {
            int w = 0, h = 0;
            char x = 0;
            std::istringstream in(size);
            if (!(in >> w >> x >> h) || x != 'x' || w < 200 || h < 150 || w > 8192 || h > 8192)
                throw Refusal(i18n::fill(_("--size '{1}' is not a window size like 1600x1000"), {size}));
            win.width = w;
            win.height = h;
            win.board = withBoard(board, boardName);
            win.zoom100 = zoom == "100";
            win.mode = app.got_subcommand(shot) ? WindowOptions::Mode::Screenshot : WindowOptions::Mode::Frames;
            return openWindow(win);
        }
        if (app.got_subcommand(open) || app.get_subcommands().empty()) {
            win.board = withBoard(board, boardName);
            return openWindow(win);
        }

        if (app.got_subcommand(cmdNew)) {
            std::string t = title;
            if (t.empty())
                t = isServerAddress(board) ? pg::parseServerAddress(board, boardName).board
                                           : std::filesystem::path(board).stem().string();
            if (!unsafeTextReason(t).empty() || t.size() > limits::kShortBytes) throw Refusal(_("the title is not valid"));
            const TemplateLanguage lang = boardLang == "both" ? TemplateLanguage::Both
                                          : boardLang == "zh"   ? TemplateLanguage::Chinese
                                          : boardLang == "en"   ? TemplateLanguage::English
                                                                : i18n::boardLanguage();
            auto created = createBoard(board, makeBoard(t, templ, lang), author, boardName, prompt);
            std::cout << i18n::fill(_("created {1}"), {created->address()}) << "\n";
            return 0;
        }
        if (app.got_subcommand(add)) {
            OpenBoard ob(board, BoardStore::Mode::ReadWrite, author, boardName, prompt);
            Note n = ob.editor->makeNote("", opt.source.value_or("other"));
            if (!opt.source) checkedSource("other");
            n.state = NoteState::Tray;  // until a quadrant or a place pins it
            opt.applyTo(n, ob.doc->sourceKinds());
            const std::string id = ob.editor->addNote(opt.placed(*ob.editor, n, nullptr));
            std::cout << id << "\n";
            return 0;
        }
        if (app.got_subcommand(edit)) {
            OpenBoard ob(board, BoardStore::Mode::ReadWrite, author, boardName, prompt);
            const Note* before = ob.doc->note(other);
            if (!before) throw Refusal(i18n::fill(_("no note with id '{1}' in {2}"), {other, ob.file->address()}));
            Note n = *before;
            opt.applyTo(n, ob.doc->sourceKinds());
            ob.editor->updateNote(opt.placed(*ob.editor, n, before));
            std::cout << i18n::fill(_("updated {1}"), {other}) << "\n";
            return 0;
        }
        if (app.got_subcommand(link)) {
            OpenBoard ob(board, BoardStore::Mode::ReadWrite, author, boardName, prompt);
            for (const auto& id : {from, to})
                if (!ob.doc->note(id)) throw Refusal(i18n::fill(_("no note with id '{1}' in {2}"), {id, ob.file->address()}));
            if (!unsafeTextReason(label).empty() || label.size() > limits::kShortBytes) throw Refusal(_("the label is not valid"));
            std::cout << ob.editor->addLink(from, to, *linkKindFromString(kind), trim(label)) << "\n";
            return 0;
        }
        if (app.got_subcommand(del)) {
            OpenBoard ob(board, BoardStore::Mode::ReadWrite, author, boardName, prompt);
            if (ob.doc->note(other)) {
                std::size_t links = ob.doc->linksOf(other).size();
                ob.editor->deleteNotes({other});
                if (links)
                    std::cout << i18n::fill(P_("deleted note {1} and its {2} link", "deleted note {1} and its {2} links", links),
                                            {other, std::to_string(links)});
                else
                    std::cout << i18n::fill(_("deleted note {1}"), {other});
                std::cout << "\n";
            } else if (ob.doc->link(other)) {
                ob.editor->deleteLinks({other});
                std::cout << i18n::fill(_("deleted link {1}"), {other}) << "\n";
            } else {
                throw Refusal(i18n::fill(_("no note or link with id '{1}' in {2}"), {other, ob.file->address()}));
            }
            return 0;
        }
        if (app.got_subcommand(list)) {
            OpenBoard ob(board, BoardStore::Mode::ReadOnly, author, boardName, prompt);
            if (json) std::cout << boardToJson(*ob.doc) << "\n";
            else printBoard(*ob.doc);
            return 0;
        }
        if (app.got_subcommand(insight)) {
            OpenBoard ob(board, BoardStore::Mode::ReadWrite, author, boardName, prompt);
            const auto needNote = [&](const std::string& id) {
                if (!ob.doc->note(id)) throw Refusal(i18n::fill(_("no note with id '{1}' in {2}"), {id, ob.file->address()}));
            };
            if (insight->got_subcommand(insAdd)) {
                const std::string t = checkedInsightTitle(insightTitle);
                for (const auto& id : evidence) needNote(id);
                Insight i = ob.editor->makeInsight(t, evidence);
                i.statement = checkedStatement(statement);
                if (insightQuadrant) i.quadrant = *insightQuadrant;
                std::cout << ob.editor->addInsight(std::move(i)) << "\n";
                return 0;
            }
            const Insight* before = ob.doc->insight(other);
            if (!before) throw Refusal(i18n::fill(_("no insight with id '{1}' in {2}"), {other, ob.file->address()}));
            if (insight->got_subcommand(insDel)) {
                ob.editor->deleteInsights({other});
                std::cout << i18n::fill(_("deleted insight {1}; its notes stay"), {other}) << "\n";
                return 0;
            }
            Insight i = *before;
            if (newTitle) i.title = checkedInsightTitle(*newTitle);
            if (newStatement) i.statement = checkedStatement(*newStatement);
            if (insightQuadrant) i.quadrant = *insightQuadrant;
            if (!insightState.empty()) i.state = *insightStateFromString(insightState);
            for (const auto& id : removeEvidence) {
                auto it = std::find(i.notes.begin(), i.notes.end(), id);
                if (it == i.notes.end())
                    throw Refusal(i18n::fill(_("note '{1}' is not evidence of insight {2}"), {id, other}));
                i.notes.erase(it);
            }
            for (const auto& id : addEvidence) {
                needNote(id);
                if (std::find(i.notes.begin(), i.notes.end(), id) == i.notes.end()) i.notes.push_back(id);
            }
            if (i.notes.size() > limits::kEvidencePerInsight)
                throw Refusal(i18n::fill(_("an insight cites at most {1} notes"), {std::to_string(limits::kEvidencePerInsight)}));
            ob.editor->updateInsight(std::move(i));
            std::cout << i18n::fill(_("updated {1}"), {other}) << "\n";
            return 0;
        }
        if (app.got_subcommand(similar)) {
            OpenBoard ob(board, BoardStore::Mode::ReadOnly, author, boardName, prompt);
            const Note* n = ob.doc->note(other);
            if (!n) throw Refusal(i18n::fill(_("no note with id '{1}' in {2}"), {other, ob.file->address()}));
            if (n->state == NoteState::Archived)
                throw Refusal(i18n::fill(_("note '{1}' is archived: similar compares the notes in the tray and on the wall"), {other}));
            const similarity::Index index(similarity::itemsOf(*ob.doc, similarity::Scope::Board));
            printSimilar(*ob.doc, other, index.similar(other, static_cast<std::size_t>(similarLimit)), json);
            return 0;
        }
        if (app.got_subcommand(duplicates)) {
            OpenBoard ob(board, BoardStore::Mode::ReadOnly, author, boardName, prompt);
            const similarity::Index index(similarity::itemsOf(*ob.doc, similarity::Scope::Board));
            printDuplicates(*ob.doc, index.duplicates(), json);
            return 0;
        }
        if (app.got_subcommand(suggest)) {
            OpenBoard ob(board, BoardStore::Mode::ReadOnly, author, boardName, prompt);
            const similarity::Index index(
                similarity::itemsOf(*ob.doc, suggestAll ? similarity::Scope::Board : similarity::Scope::Tray));
            printGroups(*ob.doc, index.suggest(), json, suggestAll);
            return 0;
        }
        if (app.got_subcommand("sources")) {
            printSources();
            return 0;
        }
        if (app.got_subcommand(check)) {
            OpenBoard ob(board, BoardStore::Mode::ReadOnly, author, boardName, prompt, true);
            const auto problems = ob.file->checkBoard(*ob.doc);
            if (!problems.empty()) {
                for (const auto& p : problems) std::cerr << ob.file->address() << ": " << p << "\n";
                return 1;
            }
            std::cout << ob.file->address() << ": "
                      << i18n::fill(_("ok ({1} notes, {2} links, {3} changes in the log)"),
                                    {std::to_string(ob.doc->notes().size()), std::to_string(ob.doc->links().size()),
                                     std::to_string(ob.file->lastSequence())})
                      << "\n";
            return 0;
        }
        if (app.got_subcommand(exp)) {
            OpenBoard ob(board, BoardStore::Mode::ReadOnly, author, boardName, prompt);
            exportBackup(*ob.doc, ob.file->changeLog(), out);
            std::cout << i18n::fill(_("exported {1} notes and {2} links to {3}"),
                                    {std::to_string(ob.doc->notes().size()), std::to_string(ob.doc->links().size()), out})
                      << "\n";
            return 0;
        }
        if (app.got_subcommand(restore)) {
            restoreBackup(other, board, boardName, prompt);
            std::cout << i18n::fill(_("restored {1} into {2}"), {other, shown(withBoard(board, boardName))}) << "\n";
            return 0;
        }
        if (app.got_subcommand(copy)) {
            // --board names the board on whichever side is a server without its own board=.
            auto nameFor = [&](const std::string& address) -> std::string {
                if (!isServerAddress(address)) return {};
                if (address.find("?board=") != std::string::npos || address.find("&board=") != std::string::npos)
                    return {};
                return boardName;
            };
            // A copy of a big board takes a while: its progress on the terminal, and Ctrl+C stops it
            // with no new board left behind.
            const CancelOnInterrupt interrupt;
            const TerminalProgress shown_(_("copying"));
            std::size_t copied = 0;
            try {
                copied = copyBoard(board, nameFor(board), target, nameFor(target), prompt,
                                   [&](double share) { shown_.show(share); return !interrupt.requested(); });
            } catch (const Cancelled&) {
                shown_.clear();
                std::cerr << "customer-canvas: " << i18n::fill(_("copying {1} was stopped: no new board was made"), {shown(withBoard(target, nameFor(target)))}) << "\n";
                return 130;
            }
            shown_.clear();
            std::cout << i18n::fill(P_("copied {1} to {2} ({3} change in the log)", "copied {1} to {2} ({3} changes in the log)", copied),
                                    {shown(withBoard(board, nameFor(board))), shown(withBoard(target, nameFor(target))),
                                     std::to_string(copied)})
                      << "\n";
            return 0;
        }
        if (app.got_subcommand(imp)) {
            OpenBoard ob(board, BoardStore::Mode::ReadWrite, author, boardName, prompt);
            io.date = importDate;
            io.pinQuadrant = pin;
            const auto reports = import::importFiles(*ob.editor, files, io);
            for (const auto& r : reports) {
                const std::string kind = " (" + r.format + (r.encoding.empty() ? "" : ", " + r.encoding) + ")";
                std::string remarks;
                for (const auto& m : r.remarks) remarks += "; " + m;
                if (r.added == 0 && r.duplicates == 0 && !r.remarks.empty()) {
                    // "no text nodes", not "0 candidates added": say why nothing came.
                    std::cout << r.file << ": " << remarks.substr(2) << _(", nothing added") << kind << "\n";
                    continue;
                }
                std::cout << r.file << ": " << i18n::fill(P_("{1} candidate added", "{1} candidates added", r.added), {std::to_string(r.added)});
                if (r.duplicates) std::cout << i18n::fill(P_(", {1} duplicate skipped", ", {1} duplicates skipped", r.duplicates), {std::to_string(r.duplicates)});
                if (r.links) std::cout << i18n::fill(P_(", {1} link", ", {1} links", r.links), {std::to_string(r.links)});
                std::cout << kind << (pin ? i18n::fill(_(" pinned to quadrant {1}"), {std::to_string(pin)}) : std::string(_(" into the tray"))) << remarks << "\n";
            }
            return 0;
        }
        if (app.got_subcommand(sum)) {
            const auto m = Month::parse(month);
            if (!m) throw Refusal(i18n::fill(_("'{1}' is not a month (YYYY-MM)"), {month}));
            const auto format = summary::formatFromPath(out);
            if (!format) throw Refusal(i18n::fill(_("{1}: unknown format (use .pdf, .html, .md, .csv or .json)"), {out}));
            OpenBoard ob(board, BoardStore::Mode::ReadOnly, author, boardName, prompt);
            // Reading a long history takes a while: its progress on the terminal; Ctrl+C stops it
            // before anything is written.
            const CancelOnInterrupt interrupt;
            const TerminalProgress reading(_("reading the board's history"));
            std::optional<MonthlySummary> computed;
            try {
                computed = summary::summaryOfBoard(*ob.file, *m, nowMillis(), [&](double share) {
                    reading.show(share);
                    return !interrupt.requested();
                });
            } catch (const Cancelled&) {
                reading.clear();
                std::cerr << "customer-canvas: " << i18n::fill(_("the summary was stopped: {1} was not written"), {out}) << "\n";
                return 130;
            }
            reading.clear();
            const MonthlySummary& s = *computed;
            summary::exportSummary(s, out, *format, *summary::langFromString(lang));
            std::cout << i18n::fill(s.empty ? _("wrote the summary of {1} to {2} (no data for that month)") : _("wrote the summary of {1} to {2}"),
                                    {m->str(), out})
                      << "\n";
            return 0;
        }
        if (app.got_subcommand(config)) {
            if (key.empty()) {
                std::cout << i18n::fill(_("settings file: {1}"), {Settings::path()}) << "\n";
                std::cout << "author=" << defaultAuthor(settings) << (settings.get("author") ? "" : _("  (from the OS user)")) << "\n";
                std::cout << "language=" << settings.get("language").value_or("auto")
                          << (settings.get("language") ? "" : _("  (from the system locale)")) << "\n";
            } else if (unset) {
                settings.unset(key);
                settings.save();
            } else if (value.empty()) {
                std::cout << (key == "author" ? defaultAuthor(settings) : settings.get(key).value_or(key == "language" ? "auto" : "")) << "\n";
            } else {
                if (key == "colour") checkedColour(value);
                if (key == "author") checkedAuthor(value);
                if (key == "language" && !i18n::fromSetting(value)) throw Refusal(i18n::fill(_("'{1}' is not a language (zh, en or auto)"), {value}));
                settings.set(key, value);
                settings.save();
            }
            return 0;
        }
    } catch (const std::bad_alloc&) {
        // Out of memory deep inside a library: at least say which board or file it was about.
        std::cerr << "customer-canvas: " << shown(board.empty() ? other : board) << _(": not enough memory for this") << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::string msg = e.what();
        for (char& c : msg)
            if (c == '\n') c = ' ';
        // Messages quote board content and file names: shown, never acted on by the terminal.
        std::cerr << "customer-canvas: " << terminalText(msg) << "\n";
        return 1;
    }
    return 0;
}

}  // namespace cc
