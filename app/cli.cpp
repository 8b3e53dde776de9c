#include "app/cli.h"

#include <CLI/CLI.hpp>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <optional>
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
#include "canvas/queries.h"
#include "canvas/record_guard.h"
#include "app/settings.h"
#include "storage/text_escape.h"
#include "app/window_launch.h"

namespace cc {

namespace {

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
        throw Refusal("unknown source kind '" + key + "' (see 'customer-canvas sources')");
    return key;
}

std::string checkedDate(const std::string& date) {
    if (!isValidDate(date)) throw Refusal("'" + date + "' is not a date (YYYY-MM-DD)");
    return date;
}

std::string checkedText(const std::string& text) {
    if (trim(text).empty()) throw Refusal("the note text is empty");
    if (auto why = unsafeTextReason(text); !why.empty()) throw Refusal("the note text " + why);
    if (text.size() > limits::kTextBytes) throw Refusal("the note text is longer than 64 KiB");
    return text;
}

/// An author name as `config author` keeps it: one line of valid UTF-8 that fits a record's field.
void checkedAuthor(const std::string& author) {
    if (trim(author).empty()) throw Refusal("the author is empty");
    if (const std::string why = Settings::valueProblem(author); !why.empty()) throw Refusal("the author " + why);
    if (author.size() > limits::kShortBytes)
        throw Refusal("the author is longer than " + std::to_string(limits::kShortBytes) + " bytes");
}

std::uint32_t checkedColour(const std::string& s) {
    if (s.size() != 7 || s[0] != '#' || s.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos)
        throw Refusal("'" + s + "' is not a colour (#RRGGBB)");
    return static_cast<std::uint32_t>(std::stoul(s.substr(1), nullptr, 16));
}

/// What the record guard repaired on reading, one line each naming the board (at most 20).
void printRepairs(const std::string& address, const std::vector<std::string>& repairs) {
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < repairs.size() && i < kShown; ++i)
        std::cerr << address << ": " << repairs[i] << " (repaired on reading, not saved)\n";
    if (repairs.size() > kShown)
        std::cerr << address << ": ... and " << repairs.size() - kShown << " more repaired on reading (see check)\n";
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
        cmd->add_option("--text", text, "the note's text: a first line that reads as a title, then the body");
        cmd->add_option("--source", source, "source-kind key (see 'sources')");
        cmd->add_option("--quadrant", quadrant, "put the note on the wall in quadrant 1-4")->check(CLI::Range(1, 4));
        cmd->add_option("--date", date, "date the evidence was gathered, YYYY-MM-DD");
        cmd->add_option("--tag", tags, "a tag (repeat for more)")->allow_extra_args(false);
        cmd->add_option("--segment", segment, "customer segment");
        cmd->add_option("--votes", votes, "votes")->check(CLI::Range(0, limits::kMaxVotes));
        cmd->add_option("--data", data, "quantitative or qualitative (default: from the source kind)")
            ->check(CLI::IsMember({"quantitative", "qualitative"}));
        cmd->add_option("--customer-initiated", customerInitiated, "yes if the customer started the contact")
            ->check(CLI::IsMember({"yes", "no"}));
        cmd->add_option("--colour", colour, "note colour #RRGGBB (default: the source kind's)");
        cmd->add_option("--x", x, "wall x of the note's top-left corner (with --y)");
        cmd->add_option("--y", y, "wall y of the note's top-left corner (with --x)");
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
                if (tt.empty()) throw Refusal("a tag is empty");
                if (!isValidUtf8(tt) || tt.size() > limits::kShortBytes) throw Refusal("tag '" + tt.substr(0, 40) + "' is not valid");
                n.tags.push_back(tt);
            }
            normaliseTags(n.tags);
        }
        if (segment) n.segment = trim(*segment);
        if (votes) n.votes = *votes;
        if (colour) n.colour = checkedColour(*colour);
        if (state) {
            auto s = noteStateFromString(*state);
            if (!s) throw Refusal("'" + *state + "' is not a state (tray, pinned or archived)");
            n.state = *s;
        }
        if (x.has_value() != y.has_value()) throw Refusal("--x and --y go together");
        if (x && (std::fabs(*x) > limits::kMaxCoordinate || std::fabs(*y) > limits::kMaxCoordinate))
            throw Refusal("the position is outside the wall");
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
            if (e.kind == PlacementError::Kind::NeedsAPlace) throw Refusal("a note leaving the tray needs a place: give --quadrant N");
            throw Refusal("--x/--y place the note in quadrant " + std::to_string(e.placedIn) + ", not " + std::to_string(e.quadrant));
        }
    }
};

// `list` is read on a terminal (or later through one, from a file or a pager), so every piece of
// board text goes through terminalText: an escape sequence in a note is shown, never acted on.
// A program that wants the exact text reads `list --json`.

void printNoteLine(const Document& doc, const Note& n) {
    std::cout << "  " << terminalText(n.id) << "  " << terminalText(n.source) << "  "
              << (n.dateGathered.empty() ? "----------" : terminalText(n.dateGathered)) << "  " << terminalText(noteTitle(n));
    if (n.votes) std::cout << "  [" << n.votes << (n.votes == 1 ? " vote]" : " votes]");
    for (const auto& t : n.tags) std::cout << "  #" << terminalText(t);
    if (!n.segment.empty()) std::cout << "  (" << terminalText(n.segment) << ")";
    if (isCorroborated(doc, n.id)) std::cout << "  [corroborated]";
    if (isContested(doc, n.id)) std::cout << "  [contested]";
    std::cout << "\n";
}

void printBoard(const Document& doc) {
    const BoardInfo& b = doc.board();
    const BoardCounts c = countBoard(doc);
    std::cout << terminalText(b.title) << "  (" << terminalText(b.templateKey) << " template)\n"
              << c.onWall << " notes on the wall, " << c.inTray << " in the tray, " << c.archived << " archived; "
              << c.links << " links (" << c.supports << " supports, " << c.conflicts << " conflicts, " << c.relates
              << " relates); " << c.corroborated << " corroborated, " << c.contested << " contested\n";
    const auto notes = doc.sortedNotes();
    for (const auto& q : b.quadrants) {
        std::cout << "\n" << q.index << "  " << terminalText(q.title) << "  (" << c.byQuadrant[q.index] << ")\n";
        for (const Note* n : notes)
            if (n->state == NoteState::Pinned && n->quadrant == q.index) printNoteLine(doc, *n);
    }
    auto section = [&](NoteState s, const char* name, int count) {
        if (!count) return;
        std::cout << "\n" << name << "  (" << count << ")\n";
        for (const Note* n : notes)
            if (n->state == s) printNoteLine(doc, *n);
    };
    section(NoteState::Tray, "Tray", c.inTray);
    section(NoteState::Archived, "Archived", c.archived);
    if (c.links) {
        std::cout << "\nLinks  (" << c.links << ")\n";
        for (const Link* l : doc.sortedLinks()) {
            std::cout << "  " << terminalText(l->id) << "  " << terminalText(l->from) << " " << toString(l->kind) << " "
                      << terminalText(l->to);
            if (!l->label.empty()) std::cout << "  \"" << terminalText(l->label) << "\"";
            std::cout << "\n";
        }
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
    std::cerr << "Password for " << address << ": " << std::flush;
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (tty) ::tcsetattr(0, TCSANOW, &old);
    std::cerr << "\n";
    if (!got || line.empty()) return std::nullopt;
    return line;
}

void printSources() {
    std::printf("%-20s %-30s %-10s %-13s %-9s %s\n", "key", "English", "", "data", "channel", "customer-initiated");
    for (const auto& k : SourceKinds::builtin().all()) {
        std::string data = k.eitherData ? "either" : std::string(toString(k.data));
        std::cout << k.key << std::string(k.key.size() < 21 ? 21 - k.key.size() : 1, ' ') << k.english
                  << std::string(k.english.size() < 31 ? 31 - k.english.size() : 1, ' ') << k.chinese << "  " << data
                  << std::string(data.size() < 13 ? 13 - data.size() : 1, ' ') << toString(k.channel)
                  << std::string(toString(k.channel).size() < 10 ? 10 - toString(k.channel).size() : 1, ' ')
                  << (k.customerInitiated ? "yes" : "no") << "\n";
    }
}

}  // namespace

int runCli(int argc, char** argv) {
    CLI::App app{"Customer Canvas: the four-quadrant customer canvas for insight teams.\n"
                 "With no command, or 'open BOARD', it opens the window."};
    app.set_help_all_flag("--help-all", "all commands and their options");
    app.require_subcommand(0, 1);
    app.fallthrough();  // --author may come after the subcommand
    Settings settings = Settings::load();
    std::string author;
    app.add_option("--author", author, "who makes the changes (default: the 'author' setting, else the OS user)");
    std::string boardName;
    app.add_option("--board", boardName,
                   "the board's name when BOARD is a team server (postgresql://user@host/db), like ?board=NAME");

    std::string board, other, out;
    std::string title, templ = "canvas";
    bool json = false;
    NoteOptions opt;
    std::string kind, label;

    auto* open = app.add_subcommand("open", "open a board in the window");
    open->add_option("BOARD", board, "board file (.ccboard) or team server address (postgresql://...)")->required();

    WindowOptions win;
    std::string size = "1600x1000", zoom = "fit";
    auto* shot = app.add_subcommand("screenshot", "open the board in a window, fit the wall, write a PNG, exit");
    shot->add_option("BOARD", board)->required();
    shot->add_option("--out", win.out, "the PNG file to write")->required();
    shot->add_option("--size", size, "window size WxH (default 1600x1000)");
    shot->add_option("--zoom", zoom, "fit (the whole wall, default) or 100 (the centre at 100 %)")
        ->check(CLI::IsMember({"fit", "100"}));
    auto* frames = app.add_subcommand("frames", "time frames while panning the wall (vsync off); prints median and p90");
    frames->add_option("BOARD", board)->required();
    frames->add_option("--frames", win.frames, "how many frames (default 300)")->check(CLI::Range(10, 100000));
    frames->add_option("--size", size, "window size WxH (default 1600x1000)");
    frames->add_option("--zoom", zoom, "fit or 100")->check(CLI::IsMember({"fit", "100"}));

    auto* cmdNew = app.add_subcommand("new", "create a new, empty board file");
    cmdNew->add_option("BOARD", board, "board file to create (.ccboard), or a team server address with --board NAME")->required();
    cmdNew->add_option("--title", title, "board title (default: the file name or the board's name)");
    cmdNew->add_option("--template", templ, "quadrant template")->check(CLI::IsMember({"canvas", "empathy", "custom"}));

    auto* add = app.add_subcommand("add", "add a note; prints its id");
    add->add_option("BOARD", board)->required();
    opt.declare(add);
    add->get_option("--text")->required();

    auto* edit = app.add_subcommand("edit", "change a note");
    edit->add_option("BOARD", board)->required();
    edit->add_option("ID", other, "note id")->required();
    opt.declare(edit);
    edit->add_option("--state", opt.state, "tray, pinned or archived");

    auto* link = app.add_subcommand("link", "link two notes; prints the link's id");
    std::string from, to;
    link->add_option("BOARD", board)->required();
    link->add_option("FROM_ID", from)->required();
    link->add_option("TO_ID", to)->required();
    link->add_option("--kind", kind, "supports, conflicts or relates")
        ->required()
        ->check(CLI::IsMember({"supports", "conflicts", "relates"}));
    link->add_option("--label", label, "a short label shown on the link");

    auto* del = app.add_subcommand("delete", "delete a note (with its links) or a link");
    del->add_option("BOARD", board)->required();
    del->add_option("ID", other, "note or link id")->required();

    auto* list = app.add_subcommand("list", "print the board");
    list->add_option("BOARD", board)->required();
    list->add_flag("--json", json, "one JSON object: board, quadrants, notes, links");

    app.add_subcommand("sources", "print the source-kind table");

    auto* check = app.add_subcommand("check", "check the file's integrity and the board's invariants");
    check->add_option("BOARD", board)->required();

    auto* exp = app.add_subcommand("export", "write the whole board and its history as a JSON backup");
    exp->add_option("BOARD", board)->required();
    exp->add_option("--out", out, "backup file (.json)")->required();

    auto* restore = app.add_subcommand("restore", "restore a JSON backup into a new board file");
    restore->add_option("FILE", other, "backup file (.json)")->required();
    restore->add_option("BOARD", board, "board file to create, or a team server address with --board NAME")->required();

    auto* copy = app.add_subcommand("copy", "copy a whole board with its history: file or server to file or server");
    std::string target;
    copy->add_option("SRC", board, "the board to copy (file, or server address)")->required();
    copy->add_option("DST", target, "the new board (file, or server address; --board or ?board= names it)")->required();

    auto* imp = app.add_subcommand("import", "turn documents into candidate notes (tray, or --pin N)");
    std::vector<std::string> files;
    import::ImportOptions io;
    std::string importDate;
    int pin = 0;
    imp->add_option("BOARD", board)->required();
    imp->add_option("FILE", files, "Markdown, text, PDF, DOCX, CSV, TSV or JSON Canvas files")->required();
    imp->add_option("--source", io.source, "source-kind key (default: survey for CSV/TSV, else other)");
    imp->add_option("--date", importDate, "date gathered, YYYY-MM-DD (default: a date column, else the file's date)");
    imp->add_option("--pin", pin, "pin the notes to quadrant 1-4 instead of the tray")->check(CLI::Range(1, 4));
    imp->add_option("--tag", io.tags, "a tag for every note (repeat for more)")->allow_extra_args(false);
    imp->add_option("--text-column", io.parse.textColumns, "CSV: a free-text column (repeat for more; default: detected)")
        ->allow_extra_args(false);
    imp->add_option("--id-column", io.parse.idColumn, "CSV: the respondent id column");
    imp->add_option("--date-column", io.parse.dateColumn, "CSV: the date column");
    imp->add_option("--segment-column", io.parse.segmentColumn, "CSV: the customer segment column");

    auto* sum = app.add_subcommand("summary", "write the monthly board summary (PDF, HTML, Markdown, CSV or JSON)");
    std::string month, lang = "en";
    sum->add_option("BOARD", board)->required();
    sum->add_option("--month", month, "the month, YYYY-MM")->required();
    sum->add_option("--out", out, "FILE.pdf, .html, .md, .csv or .json")->required();
    sum->add_option("--lang", lang, "en or zh: the language of headings and labels")->check(CLI::IsMember({"en", "zh"}));

    auto* config = app.add_subcommand("config", "show or change a setting (author, colour #RRGGBB)");
    std::string key, value;
    bool unset = false;
    config->add_option("KEY", key)->check(CLI::IsMember({"author", "colour"}));
    config->add_option("VALUE", value);
    config->add_flag("--unset", unset, "remove the setting");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string what = e.what();
        std::cerr << "customer-canvas: " << what << " (see 'customer-canvas --help')\n";
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
                throw Refusal("--size '" + size + "' is not a window size like 1600x1000");
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
            if (!unsafeTextReason(t).empty() || t.size() > limits::kShortBytes) throw Refusal("the title is not valid");
            auto created = createBoard(board, makeBoard(t, templ), author, boardName, prompt);
            std::cout << "created " << created->address() << "\n";
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
            if (!before) throw Refusal("no note with id '" + other + "' in " + ob.file->address());
            Note n = *before;
            opt.applyTo(n, ob.doc->sourceKinds());
            ob.editor->updateNote(opt.placed(*ob.editor, n, before));
            std::cout << "updated " << other << "\n";
            return 0;
        }
        if (app.got_subcommand(link)) {
            OpenBoard ob(board, BoardStore::Mode::ReadWrite, author, boardName, prompt);
            for (const auto& id : {from, to})
                if (!ob.doc->note(id)) throw Refusal("no note with id '" + id + "' in " + ob.file->address());
            if (!unsafeTextReason(label).empty() || label.size() > limits::kShortBytes) throw Refusal("the label is not valid");
            std::cout << ob.editor->addLink(from, to, *linkKindFromString(kind), trim(label)) << "\n";
            return 0;
        }
        if (app.got_subcommand(del)) {
            OpenBoard ob(board, BoardStore::Mode::ReadWrite, author, boardName, prompt);
            if (ob.doc->note(other)) {
                std::size_t links = ob.doc->linksOf(other).size();
                ob.editor->deleteNotes({other});
                std::cout << "deleted note " << other;
                if (links) std::cout << " and its " << links << (links == 1 ? " link" : " links");
                std::cout << "\n";
            } else if (ob.doc->link(other)) {
                ob.editor->deleteLinks({other});
                std::cout << "deleted link " << other << "\n";
            } else {
                throw Refusal("no note or link with id '" + other + "' in " + ob.file->address());
            }
            return 0;
        }
        if (app.got_subcommand(list)) {
            OpenBoard ob(board, BoardStore::Mode::ReadOnly, author, boardName, prompt);
            if (json) std::cout << boardToJson(*ob.doc) << "\n";
            else printBoard(*ob.doc);
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
            std::cout << ob.file->address() << ": ok (" << ob.doc->notes().size() << " notes, " << ob.doc->links().size()
                      << " links, " << ob.file->lastSequence() << " changes in the log)\n";
            return 0;
        }
        if (app.got_subcommand(exp)) {
            OpenBoard ob(board, BoardStore::Mode::ReadOnly, author, boardName, prompt);
            exportBackup(*ob.doc, ob.file->changeLog(), out);
            std::cout << "exported " << ob.doc->notes().size() << " notes and " << ob.doc->links().size()
                      << " links to " << out << "\n";
            return 0;
        }
        if (app.got_subcommand(restore)) {
            restoreBackup(other, board, boardName, prompt);
            std::cout << "restored " << other << " into " << shown(withBoard(board, boardName)) << "\n";
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
            const std::size_t copied = copyBoard(board, nameFor(board), target, nameFor(target), prompt);
            std::cout << "copied " << shown(withBoard(board, nameFor(board))) << " to "
                      << shown(withBoard(target, nameFor(target))) << " (" << copied
                      << (copied == 1 ? " change" : " changes") << " in the log)\n";
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
                    std::cout << r.file << ": " << remarks.substr(2) << ", nothing added" << kind << "\n";
                    continue;
                }
                std::cout << r.file << ": " << r.added << (r.added == 1 ? " candidate" : " candidates") << " added";
                if (r.duplicates) std::cout << ", " << r.duplicates << (r.duplicates == 1 ? " duplicate" : " duplicates") << " skipped";
                if (r.links) std::cout << ", " << r.links << (r.links == 1 ? " link" : " links");
                std::cout << kind << (pin ? " pinned to quadrant " + std::to_string(pin) : " into the tray") << remarks << "\n";
            }
            return 0;
        }
        if (app.got_subcommand(sum)) {
            const auto m = Month::parse(month);
            if (!m) throw Refusal("'" + month + "' is not a month (YYYY-MM)");
            const auto format = summary::formatFromPath(out);
            if (!format) throw Refusal(out + ": unknown format (use .pdf, .html, .md, .csv or .json)");
            OpenBoard ob(board, BoardStore::Mode::ReadOnly, author, boardName, prompt);
            const MonthlySummary s = summary::summaryOfBoard(*ob.file, *m, nowMillis());
            summary::exportSummary(s, out, *format, *summary::langFromString(lang));
            std::cout << "wrote the summary of " << m->str() << " to " << out
                      << (s.empty ? " (no data for that month)" : "") << "\n";
            return 0;
        }
        if (app.got_subcommand(config)) {
            if (key.empty()) {
                std::cout << "settings file: " << Settings::path() << "\n";
                std::cout << "author=" << defaultAuthor(settings) << (settings.get("author") ? "" : "  (from the OS user)")
                          << "\n";
            } else if (unset) {
                settings.unset(key);
                settings.save();
            } else if (value.empty()) {
                std::cout << (key == "author" ? defaultAuthor(settings) : settings.get(key).value_or("")) << "\n";
            } else {
                if (key == "colour") checkedColour(value);
                if (key == "author") checkedAuthor(value);
                settings.set(key, value);
                settings.save();
            }
            return 0;
        }
    } catch (const std::bad_alloc&) {
        // Out of memory deep inside a library: at least say which board or file it was about.
        std::cerr << "customer-canvas: " << shown(board.empty() ? other : board) << ": not enough memory for this\n";
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
