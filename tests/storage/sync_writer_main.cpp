// A writer for the collaboration stress test: `storage_sync_writer BOARD SEED EDITS EXPECTED VIEW`
// (BOARD: a board file or a team-server address).
// Makes EDITS mixed edits (adds, moves, text edits, links, deletes) through its own connection,
// pulling the other writers' commits as a window does; edits and deletes only touch its own notes.
// Then it writes the state it expects of its own notes to EXPECTED, says "edits done", waits for
// a line on stdin (all writers are done), pulls once more and writes its whole view to VIEW.
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <random>
#include <thread>

#include "storage/board_store.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "storage/json_listing.h"

using namespace cc;

int main(int argc, char** argv) {
    if (argc != 6) {
        std::cerr << "usage: storage_sync_writer BOARD SEED EDITS EXPECTED VIEW\n";
        return 2;
    }
    const std::string board = argv[1];
    const unsigned seed = static_cast<unsigned>(std::stoul(argv[2]));
    const int edits = std::stoi(argv[3]);
    auto file = openBoard(board);
    auto doc = file->load();
    file->attach(*doc);
    Editor ed(*doc, "writer-" + std::to_string(seed));
    std::mt19937 rng(seed);
    std::vector<std::string> mine;
    std::map<std::string, Note> expected;  // my notes as I last committed them
    for (int i = 0; i < edits; ++i) {
        file->pullRemote(*doc);
        const int op = static_cast<int>(rng() % 10);
        try {
            if (mine.empty() || op < 3) {
                Note n = ed.makeNote("writer " + std::to_string(seed) + " note " + std::to_string(i) + " 写入", "survey");
                const std::string id = ed.addNoteInQuadrant(n, 1 + static_cast<int>(rng() % 4));
                mine.push_back(id);
            } else if (op < 5) {
                // Moves by thousandths (no double holds most of them exactly), so that the
                // coordinates stored need all 17 digits of a double to come back the same.
                const std::string& id = mine[rng() % mine.size()];
                ed.moveNotes({id}, static_cast<double>(rng() % 600000) / 1000 - 300,
                             static_cast<double>(rng() % 400000) / 1000 - 200);
            } else if (op < 7) {
                const std::string& id = mine[rng() % mine.size()];
                Note n = *doc->note(id);
                n.text = "writer " + std::to_string(seed) + " edit " + std::to_string(i) + " 修改";
                ed.updateNote(n);
            } else if (op < 9) {
                // Link one of mine to any note on the board (another writer's, too).
                std::vector<std::string> all;
                for (const auto& [id, n] : doc->notes()) all.push_back(id);
                const std::string& from = mine[rng() % mine.size()];
                const std::string& to = all[rng() % all.size()];
                if (from != to) ed.addLink(from, to, static_cast<LinkKind>(rng() % 3));
            } else {
                const std::size_t k = rng() % mine.size();
                ed.deleteNotes({mine[k]});
                expected.erase(mine[k]);
                mine.erase(mine.begin() + static_cast<long>(k));
            }
        } catch (const ChangeError&) {
            // A duplicate link, or a note someone else's delete took away meanwhile: refused, as
            // in a window; nothing was committed.
        } catch (const BoardError& e) {
            // A link to a note that another writer deleted after our last pull: the file refuses
            // it (its foreign keys), the document takes it back, and nothing was committed.
            if (std::string(e.what()).find("deleted by someone else") == std::string::npos) throw;
        }
        for (const auto& id : mine)
            if (const Note* n = doc->note(id)) expected[id] = *n;
    }
    {
        // Every digit of the coordinates (a stream's default 6 would round -3547.4375 to -3547.44).
        std::ofstream out(argv[4]);
        out << std::setprecision(std::numeric_limits<double>::max_digits10);
        for (const auto& [id, n] : expected)
            out << id << '\t' << n.text << '\t' << n.x << '\t' << n.y << '\t' << n.quadrant << '\n';
    }
    std::cout << "edits done" << std::endl;
    std::string line;
    std::getline(std::cin, line);
    // A server's last notifications may still be on their way: pull until the view equals the
    // board as stored, for ten seconds at most (the test then reports the difference).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    std::string view;
    do {
        file->pullRemote(*doc);
        view = boardToJson(*doc);
        if (view == boardToJson(*openBoard(board, BoardStore::Mode::ReadOnly)->load())) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() < deadline);
    std::ofstream(argv[5]) << view;
    return 0;
}
