// libFuzzer target: rows another program wrote into a real board file (any text bytes, any
// doubles, any integers, links between any notes, any change-log payload). The board must
// open, load and `check`; a change arriving while it is open must pull; every record must keep
// the document's rules; and (in a build with the window) the wall must draw headless.
//
// Input: a sequence of records, each starting with a tag byte (0-3 a note, 4 a link, 5 a
// change-log payload, 6 the board's wall size), followed by its fields taken from the bytes.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>

#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "storage/serialize.h"

#ifdef CC_FUZZ_RENDER
#include <imgui.h>

#include "canvas/derived_facts.h"
#include "app/gui/fonts.h"
#include "canvas/geometry.h"
#include "canvas/note_filter.h"
#include "canvas/selection.h"
#include "canvas/spatial_index.h"
#include "app/gui/wall_renderer.h"
#endif

namespace {

/// Reads fields from the fuzzer's bytes; past the end everything is zero or empty.
struct Bytes {
    std::string_view s;
    std::size_t at = 0;
    bool done() const { return at >= s.size(); }
    std::uint8_t byte() { return at < s.size() ? static_cast<std::uint8_t>(s[at++]) : 0; }
    std::uint64_t u64() {
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v = (v << 8) | byte();
        return v;
    }
    double real() {
        const std::uint64_t bits = u64();
        double v;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }
    /// A length byte (0-255, times 64 when its top bit is set), then that many bytes.
    std::string text() {
        std::size_t n = byte();
        if (n & 0x80) n = (n & 0x7F) * 64;
        n = std::min(n, s.size() - std::min(at, s.size()));
        std::string out(s.substr(std::min(at, s.size()), n));
        at += n;
        return out;
    }
};

void fail(const char* why) {
    std::fprintf(stderr, "fuzz_hostile_rows: %s\n", why);
    __builtin_trap();
}

/// An empty board made once; each input starts from a copy of it.
const std::string& templateBoard(const std::string& dir) {
    static const std::string path = [&] {
        const std::string p = dir + "/template.ccboard";
        std::filesystem::remove(p);
        cc::BoardFile::create(p, cc::makeBoard("Fuzz"), "fuzz");  // closed again at once
        return p;
    }();
    return path;
}

/// Runs a prepared statement once (a row the schema refuses is simply not there).
void step(sqlite3_stmt* st) {
    if (sqlite3_step(st) != SQLITE_DONE && std::getenv("CC_FUZZ_VERBOSE"))
        std::fprintf(stderr, "row refused: %s\n", sqlite3_errmsg(sqlite3_db_handle(st)));
    sqlite3_reset(st);
}

void bindText(sqlite3_stmt* st, int i, const std::string& s) {
    sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

#ifdef CC_FUZZ_RENDER
void render(const cc::Document& constDoc) {
    static cc::gui::Fonts* fonts = [] {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        return new cc::gui::Fonts;
    }();
    auto& doc = const_cast<cc::Document&>(constDoc);
    for (const auto& [id, n] : doc.notes()) fonts->addText(n.text.substr(0, 4096) + n.author);
    if (fonts->dirty()) {
        fonts->build(1.0f);
        unsigned char* pixels;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    cc::SpatialIndex index(doc);
    cc::DerivedFacts facts;
    facts.update(doc);
    cc::Selection selection;
    cc::NoteFilter filter;
    cc::gui::WallRenderer renderer;
    cc::gui::WallScene scene;
    scene.doc = &doc;
    scene.index = &index;
    scene.facts = &facts;
    scene.fonts = fonts;
    scene.palette = &cc::gui::palette(cc::gui::ThemeKind::Light);
    scene.selection = &selection;
    scene.filter = &filter;
    scene.size = {1280, 800};
    auto frame = [&] {
        ImGui::GetIO().DisplaySize = scene.size;
        ImGui::GetIO().DeltaTime = 1.0f / 60;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(scene.size);
        ImGui::Begin("wall", nullptr, ImGuiWindowFlags_NoDecoration);
        const auto stats = renderer.draw(ImGui::GetWindowDrawList(), scene);
        if (std::getenv("CC_FUZZ_VERBOSE")) std::fprintf(stderr, "drew %d notes, %d links\n", stats.visible, stats.links);
        ImGui::End();
        ImGui::Render();
    };
    scene.camera.fit(cc::wallBounds(doc), scene.size);
    frame();
    for (const cc::Note* n : doc.sortedNotes()) {
        scene.camera.zoom = 1;
        scene.camera.cx = n->x;
        scene.camera.cy = n->y;
        frame();
        break;
    }
}
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > (1u << 20)) return 0;
    static const std::string dir = [] {
        const std::string d =
            (std::filesystem::temp_directory_path() / ("cc-fuzz-rows-" + std::to_string(::getpid()))).string();
        std::filesystem::create_directories(d);
        return d;
    }();
    const std::string path = dir + "/board.ccboard";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    std::filesystem::copy_file(templateBoard(dir), path);

    // A window has the board open before the rows arrive.
    auto window = cc::BoardFile::open(path);
    auto windowDoc = window->load();

    Bytes in{std::string_view(reinterpret_cast<const char*>(data), size)};
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) fail("cannot open the copy");
    sqlite3_busy_timeout(db, 10000);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *note = nullptr, *tag = nullptr, *link = nullptr, *log = nullptr, *wall = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT OR REPLACE INTO note (id, text, source, data, customer_initiated, date_gathered, author, "
                       "created, updated, segment, prov_file, prov_location, prov_excerpt, colour, votes, state, quadrant, "
                       "x, y, w, h) VALUES (?, ?, ?, 'qualitative', ?, ?, ?, ?, ?, '', '', '', '', ?, ?, ?, ?, ?, ?, ?, ?)",
                       -1, &note, nullptr);
    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO note_tag (note_id, tag) VALUES (?, ?)", -1, &tag, nullptr);
    sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO link (id, from_id, to_id, kind, label, author, created) VALUES (?, ?, ?, 'supports', ?, '', ?)",
                       -1, &link, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO change_log (author, time, source, payload) VALUES ('fuzz', 0, 'user', ?)", -1,
                       &log, nullptr);
    sqlite3_prepare_v2(db, "UPDATE board SET wall_width = ?, wall_height = ?, title = ?", -1, &wall, nullptr);
    static const char* kStates[] = {"tray", "pinned", "archived"};
    cc::ChangeSet touched;  // what the change-log row the window pulls names
    int records = 0;
    while (!in.done() && records++ < 64) {
        const std::uint8_t kind = in.byte() % 7;
        if (kind <= 3) {
            const std::string id = "n" + std::to_string(in.byte() % 8);
            bindText(note, 1, id);
            bindText(note, 2, in.text());
            bindText(note, 3, in.byte() % 2 ? "survey" : in.text());
            sqlite3_bind_int64(note, 4, static_cast<std::int64_t>(in.u64()));
            bindText(note, 5, in.text());
            bindText(note, 6, in.text());
            sqlite3_bind_int64(note, 7, static_cast<std::int64_t>(in.u64()));
            sqlite3_bind_int64(note, 8, static_cast<std::int64_t>(in.u64()));
            sqlite3_bind_int64(note, 9, static_cast<std::int64_t>(in.u64()));
            if (in.byte() % 2) sqlite3_bind_int64(note, 10, static_cast<std::int64_t>(in.u64()));
            else bindText(note, 10, in.text());  // votes = 'abc'
            bindText(note, 11, kStates[in.byte() % 3]);
            sqlite3_bind_int64(note, 12, in.byte() % 5);
            for (int col = 13; col <= 16; ++col) sqlite3_bind_double(note, col, in.real());
            step(note);
            for (int t = in.byte() % 4; t > 0; --t) {
                bindText(tag, 1, id);
                bindText(tag, 2, in.text());
                step(tag);
            }
            cc::Note named;
            named.id = id;
            touched.notes.added.push_back(named);
        } else if (kind == 4) {
            // Foreign keys are off in this connection, as in `sqlite3`: a link may point anywhere.
            const std::string id = "l" + std::to_string(in.byte() % 8);
            bindText(link, 1, id);
            bindText(link, 2, "n" + std::to_string(in.byte() % 10));
            bindText(link, 3, "n" + std::to_string(in.byte() % 10));
            bindText(link, 4, in.text());
            sqlite3_bind_int64(link, 5, static_cast<std::int64_t>(in.u64()));
            step(link);
            cc::Link named;
            named.id = id;
            touched.links.added.push_back(named);
        } else if (kind == 5) {
            bindText(log, 1, in.text());
            step(log);
        } else {
            sqlite3_bind_double(wall, 1, in.real());
            sqlite3_bind_double(wall, 2, in.real());
            bindText(wall, 3, in.text());
            step(wall);
        }
    }
    // The row that makes an open window look at what was written.
    bindText(log, 1, cc::changeSetToJson(touched));
    step(log);
    for (sqlite3_stmt* st : {note, tag, link, log, wall}) sqlite3_finalize(st);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);

    try {
        window->pullRemote(*windowDoc);
    } catch (const cc::BoardError& e) {
        if (std::getenv("CC_FUZZ_VERBOSE")) std::fprintf(stderr, "pull refused: %s\n", e.what());
        // A pull may be refused with a reason (say, a link to a note removed meanwhile); it
        // must not crash and must leave the document sound.
    }
    if (!windowDoc->checkInvariants().empty()) fail(windowDoc->checkInvariants().front().c_str());
    try {
        auto reader = cc::BoardFile::open(path, cc::BoardStore::Mode::ReadOnly);
        auto doc = reader->load();
        if (!doc->checkInvariants().empty()) fail(doc->checkInvariants().front().c_str());
        const auto problems = reader->checkBoard(*doc);
        if (std::getenv("CC_FUZZ_VERBOSE"))
            std::fprintf(stderr, "%zu notes, %zu links, %zu problems, %zu pulled notes\n", doc->notes().size(),
                         doc->links().size(), problems.size(), windowDoc->notes().size());
#ifdef CC_FUZZ_RENDER
        render(*doc);
        render(*windowDoc);
#endif
    } catch (const cc::BoardError& e) {
        // Refusing a board with a reason is allowed (a quadrant row missing, say).
        if (std::getenv("CC_FUZZ_VERBOSE")) std::fprintf(stderr, "refused: %s\n", e.what());
    }
    return 0;
}
