// A writer for the fault test: `storage_offline_writer ADDRESS TAG EDITS`. Adds EDITS notes with
// the texts "TAG 0", "TAG 1", ... one every 10 ms, as a window would, pulling the others' commits
// in between; after each one says "edit I" (or "edit I offline" when the server was away and the
// change was kept on the local disk). Then it keeps pulling until the server is there and every
// kept change is sent and its view equals the board as stored (60 seconds at most) and says "synced".
#include <chrono>
#include <iostream>
#include <thread>

#include "canvas/editor.h"
#include "storage/json_listing.h"
#include "storage/pg/pg_board.h"

using namespace cc;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: storage_offline_writer ADDRESS TAG EDITS\n";
        return 2;
    }
    const std::string tag = argv[2];
    const int edits = std::stoi(argv[3]);
    try {
        auto store = openBoard(argv[1]);
        auto* server = dynamic_cast<PgBoard*>(store.get());
        auto doc = store->load();
        store->attach(*doc);
        Editor ed(*doc, tag);
        for (int i = 0; i < edits; ++i) {
            try {
                store->pullRemote(*doc);
            } catch (const BoardError&) {
                // The server went away in the middle of a pull: the next one reads again.
            }
            ed.addNoteInQuadrant(ed.makeNote(tag + " " + std::to_string(i), "survey"), 1 + i % 4);
            std::cout << "edit " << i << (store->online() ? "" : " offline") << std::endl;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (std::chrono::steady_clock::now() < deadline) {
            try {
                store->pullRemote(*doc);
            } catch (const BoardError&) {
            }
            if (store->online() && (!server || server->pendingChanges() == 0)) {
                // Everything sent: this window's view must come to equal the board as stored
                // (the other writer's edits, sent by whichever of us came back first, included).
                std::string view;
                while (std::chrono::steady_clock::now() < deadline) {
                    store->pullRemote(*doc);
                    view = boardToJson(*doc);
                    if (view == boardToJson(*openBoard(argv[1], BoardStore::Mode::ReadOnly)->load())) {
                        std::cout << "synced" << std::endl;
                        return 0;
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
                std::cout << "the view differs from the board as stored" << std::endl;
                return 5;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        std::cout << "not synced: " << store->connectionStatus() << std::endl;
        return 4;
    } catch (const std::exception& e) {
        std::cout << "error: " << e.what() << std::endl;
        return 3;
    }
}
