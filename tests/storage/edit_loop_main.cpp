// storage_edit_loop BOARD SEED: the child process of the crash test (kill_test.cpp).
//
// Opens an existing board as the program does (open, load, attach), then edits it through the
// Editor in an endless loop: adds (English and Chinese text), moves across quadrants, text and
// tag edits, links, link deletions and note deletions, mixed by a seeded RNG. After each edit
// has returned, i.e. its transaction is committed, it writes one line to stdout and flushes it:
//
//   add <id> <x> <y> <quadrant> <text>
//   move <id> <x> <y> <quadrant>
//   edit <id> <tags joined by ',' or '-' for none> <text>
//   link <id> <from> <to> <kind>
//   unlink <id>
//   delete <id>            (the note and every link that touches it)
//
// Text never holds a newline, so the text is the rest of the line. Every edit is exactly one
// change set (one change-log row): the parent relies on that to account for the one edit that
// may be committed but not yet reported when it is killed.

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"

namespace {

/// Writes the whole line with write(2): nothing stays in a stdio buffer when the kill comes.
void report(const std::string& line) {
    std::string s = line + "\n";
    const char* p = s.data();
    std::size_t left = s.size();
    while (left > 0) {
        ssize_t n = ::write(1, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::_Exit(3);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

std::string fmt(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

const std::vector<std::string> kWords{
    "转账失败", "客户反馈", "Young professionals", "fees", "手续费", "网点排队", "mobile app",
    "退休客户", "trust", "跨境家庭", "survey says", "神秘购物", "loan in 3 days", "确认感", "NPS +12",
};
const std::vector<std::string> kTags{"mobile", "fees", "年轻客户", "退休客户", "transfers", "品牌", "sme"};
const std::vector<std::string> kSources{"survey", "complaint", "focus_group", "transaction_db", "intuition",
                                        "census", "mystery_shopping", "voice_of_customer", "other"};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: storage_edit_loop BOARD SEED\n");
        return 2;
    }
    try {
        const std::uint64_t seed = std::strtoull(argv[2], nullptr, 10);
        std::mt19937_64 rng(seed);
        auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
        auto range = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)); };

        auto file = cc::BoardFile::open(argv[1]);
        auto doc = file->load();
        file->attach(*doc);
        cc::Editor editor(*doc, "edit-loop");

        auto text = [&](std::uint64_t i) {
            std::string t = kWords[pick(kWords.size())] + " " + kWords[pick(kWords.size())];
            return t + " #" + std::to_string(seed) + "." + std::to_string(i);
        };
        for (std::uint64_t i = 0;; ++i) {
            const auto notes = doc->sortedNotes();
            const auto links = doc->sortedLinks();
            const std::size_t n = notes.size();
            // Keep the board between about 10 and 60 notes.
            int roll = range(0, 99);
            if (n < 10) roll = 0;
            else if (n > 60 && roll < 30) roll = 90;

            if (roll < 22) {  // add
                cc::Note note = editor.makeNote(text(i), kSources[pick(kSources.size())]);
                std::string id;
                if (range(0, 1) == 0) {
                    id = editor.addNoteInQuadrant(note, range(1, 4));
                } else {
                    note.x = range(-2600, 2400);
                    note.y = range(-1700, 1550);
                    id = editor.addNote(note);
                }
                const cc::Note* added = doc->note(id);
                report("add " + id + " " + fmt(added->x) + " " + fmt(added->y) + " " +
                       std::to_string(added->quadrant) + " " + added->text);
            } else if (roll < 52) {  // move, often across the centre lines
                const cc::Note* target = notes[pick(n)];
                double tx = range(-2600, 2400), ty = range(-1700, 1550);
                if (tx == target->x && ty == target->y) tx += 1;
                const std::string id = target->id;
                editor.moveNotes({id}, tx - target->x, ty - target->y);
                const cc::Note* moved = doc->note(id);
                report("move " + id + " " + fmt(moved->x) + " " + fmt(moved->y) + " " +
                       std::to_string(moved->quadrant));
            } else if (roll < 70) {  // text and tags
                cc::Note after = *notes[pick(n)];
                after.text = text(i);
                after.tags.clear();
                for (int t = range(0, 3); t > 0; --t) after.tags.push_back(kTags[pick(kTags.size())]);
                cc::normaliseTags(after.tags);
                editor.updateNote(after);
                std::string tags;
                for (const auto& t : after.tags) tags += (tags.empty() ? "" : ",") + t;
                report("edit " + after.id + " " + (tags.empty() ? "-" : tags) + " " + after.text);
            } else if (roll < 85) {  // link
                const cc::Note* a = notes[pick(n)];
                const cc::Note* b = notes[pick(n)];
                if (a == b) continue;
                const auto kind = static_cast<cc::LinkKind>(pick(3));
                bool exists = false;
                for (const auto& lid : doc->linksOf(a->id)) {
                    const cc::Link* l = doc->link(lid);
                    if (l->kind == kind && (l->from == b->id || l->to == b->id)) exists = true;
                }
                if (exists) continue;
                const std::string from = a->id, to = b->id;
                const std::string id = editor.addLink(from, to, kind, "标签 " + std::to_string(i));
                report("link " + id + " " + from + " " + to + " " + std::string(cc::toString(kind)));
            } else if (roll < 90) {  // delete a link
                if (links.empty()) continue;
                const std::string id = links[pick(links.size())]->id;
                editor.deleteLinks({id});
                report("unlink " + id);
            } else {  // delete a note with its links
                const std::string id = notes[pick(n)]->id;
                editor.deleteNotes({id});
                report("delete " + id);
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "storage_edit_loop: %s\n", e.what());
        return 1;
    }
}
