#!/usr/bin/env python3
"""End to end: two real windows (two processes) on one board. A note made in one appears in
the other; a move in the other comes back; undo in one takes back only its own change.
usage: live_e2e.py CUSTOMER_CANVAS_BINARY [--server]
With --server the board lives on the team server at $CC_TEST_PG (scripts/test.sh starts one);
without that variable the run is skipped (exit 77)."""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (QUADRANT_FILLS, SELECTION, Checks, Display, Failure, WallMapping, board_json, count_in_box,
                     find_boxes_in, server_board, stop, wait_for)

BIN = sys.argv[1]
SERVER = "--server" in sys.argv[2:]
OTHER = (242, 242, 242)  # the note colour of source kind "other" (assets/source_kinds.tsv)
PALETTE = [0xE0533D, 0x3B82F6, 0x16A34A, 0xD97706, 0x9333EA, 0x0891B2, 0xDB2777, 0x65A30D, 0x4F46E5, 0xB45309]


def colour_for(name):
    """The colour a user gets from their name (canvas/presence.cpp: FNV-1a into a palette)."""
    h = 2166136261
    for c in name.encode():
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    v = PALETTE[h % len(PALETTE)]
    return (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF


def main():
    work = tempfile.mkdtemp(prefix="cc-live-")
    if SERVER:
        board = server_board("live-e2e")
    else:
        board = os.path.join(work, "workshop.ccboard")
    subprocess.run([BIN, "new", board, "--title", "Workshop 工作坊"], check=True, capture_output=True)
    display = Display(2800, 900)
    check = Checks(work, display)
    apps = []

    def open_window(x, name):
        env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config-" + name))
        p, wid = display.open_window([BIN, "--author", name, "open", board], env, os.path.join(work, "program.log"), x)
        apps.append(p)
        boxes = wait_for("the wall", lambda: (lambda b: b if len(b) == 4 else None)(
            find_boxes_in(display.pixels(), display.width, display.height, x, 1400, QUADRANT_FILLS)))
        return wid, WallMapping(boxes, board_json(BIN, board)["board"])

    def shows(wall, note, colour, at=None):
        """The note's colour fills most of where the window should draw it."""
        x, y = at if at else (note["x"], note["y"])
        box = wall.box(x, y, note["w"], note["h"], margin=-3)
        area = (box[2] - box[0]) * (box[3] - box[1])
        return count_in_box(display.pixels(), display.width, box, colour) > area // 3

    def note(doc, note_id):
        return next((n for n in doc["notes"] if n["id"] == note_id), None)

    def make_note(wid, wall, x, y, text):
        display.focus(wid)
        sx, sy = wall.screen(x, y)
        before = {n["id"] for n in board_json(BIN, board)["notes"]}
        display.xdo("mousemove", sx, sy, "click", "--repeat", "2", "--delay", "60", "1")
        new = wait_for("the new note in the file",
                       lambda: [n for n in board_json(BIN, board)["notes"] if n["id"] not in before])[0]
        display.xdo("type", "--delay", "30", text)
        ex, ey = wall.screen(-1500, 950)
        display.xdo("mousemove", ex, ey, "click", "1")
        wait_for("the text in the file", lambda: note(board_json(BIN, board), new["id"])["text"] == text)
        return new["id"]

    state = {}
    try:
        wa, wall_a = open_window(0, "Wang Fang")
        wb, wall_b = open_window(1400, "Tom Baker")

        def appears_in_other():
            state["a"] = make_note(wa, wall_a, 600, -500, "Made in window A")
            n = note(board_json(BIN, board), state["a"])
            if n["quadrant"] != 2:
                raise Failure(f"quadrant {n['quadrant']}")
            wait_for("window B to show A's note", lambda: shows(wall_b, n, OTHER))

        check("a note made in window A appears in window B", appears_in_other)

        def insight_appears_framed():
            n = note(board_json(BIN, board), state["a"])
            display.focus(wa)
            display.xdo("mousemove", *wall_a.note_centre(n), "click", "1")
            box = wall_a.box(n["x"], n["y"], n["w"], n["h"])
            wait_for("A's note selected", lambda: count_in_box(display.pixels(), display.width, box, SELECTION) > 20)
            display.xdo("key", "g")  # Group as insight: its title is open for typing on the frame
            made = wait_for("the insight in the file", lambda: board_json(BIN, board)["insights"])[0]
            display.xdo("type", "--delay", "30", "Transfers frame")
            display.xdo("key", "Return")
            wait_for("its title in the file", lambda: board_json(BIN, board)["insights"][0]["title"] == "Transfers frame")
            if made["notes"] != [state["a"]]:
                raise Failure(f"the insight cites {made['notes']}")
            display.xdo("mousemove", *wall_a.screen(-1500, 950), "click", "1")  # A looks elsewhere
            # Window B draws the frame with its title over the note.
            left, top, right, bottom = wall_b.box(n["x"], n["y"], n["w"], n["h"])
            region = (left - 20, max(top - 80, 0), right - left + 200, bottom - top + 100)
            display.find_word(work, "Transfers", region=region, timeout=20)

        check("an insight made in window A (select, G, type its title) appears framed in window B", insight_appears_framed)

        def move_comes_back():
            n = note(board_json(BIN, board), state["a"])
            display.focus(wb)
            sx, sy = wall_b.note_centre(n)
            tx, ty = wall_b.screen(-900, 700)
            dx, dy = -900 - (n["x"] + n["w"] / 2), 700 - (n["y"] + n["h"] / 2)
            display.xdo("mousemove", sx, sy, "mousedown", "1")
            box = wall_b.box(n["x"], n["y"], n["w"], n["h"])
            wait_for("B to pick the note up", lambda: count_in_box(display.pixels(), display.width, box, SELECTION) > 20)
            for i in range(1, 13):
                display.xdo("mousemove", sx + (tx - sx) * i // 12, sy + (ty - sy) * i // 12)
            moved = wall_b.box(n["x"] + dx, n["y"] + dy, n["w"], n["h"])
            wait_for("the drag in B", lambda: count_in_box(display.pixels(), display.width, moved, SELECTION) > 20)
            display.xdo("mouseup", "1")
            wait_for("the move in the file", lambda: note(board_json(BIN, board), state["a"])["quadrant"] == 3)
            after = note(board_json(BIN, board), state["a"])
            wait_for("window A to show the note where B put it", lambda: shows(wall_a, after, OTHER))

        check("a move in window B comes back to window A", move_comes_back)

        def undo_only_own():
            state["b"] = make_note(wb, wall_b, 900, 700, "Made in window B")
            b_note = note(board_json(BIN, board), state["b"])
            wait_for("window A to show B's note", lambda: shows(wall_a, b_note, OTHER))
            mx, my = wall_a.screen(-1500, 950)
            display.xdo("mousemove", mx, my)

            def undone():
                # Without a window manager the keyboard goes where it was last sent: focus A and
                # press again until the undo shows (A has one step to undo; more presses do nothing).
                display.focus(wa)
                display.xdo("key", "--clearmodifiers", "ctrl+z")
                return note(board_json(BIN, board), state["a"]) is None
            wait_for("A's own note undone", undone, interval=1.0)
            doc = board_json(BIN, board)
            if note(doc, state["b"]) is None:
                raise Failure("undo in window A removed window B's note")
            wait_for("window B to see A's undo", lambda: not shows(wall_b, note_of_a_last, OTHER))

        note_of_a_last = None

        def remember():
            nonlocal note_of_a_last
            note_of_a_last = note(board_json(BIN, board), state["a"])

        remember()
        check("undo in window A takes back A's note, not B's", undo_only_own)

        def presence():
            n = note(board_json(BIN, board), state["b"])
            display.focus(wb)
            bx, by = wall_b.note_centre(n)
            display.xdo("mousemove", bx, by, "click", "1")  # Tom selects his note in window B
            box = wall_a.box(n["x"], n["y"], n["w"], n["h"], margin=10)
            tom = colour_for("Tom Baker")
            wait_for("window A to show Tom's selection in his colour",
                     lambda: count_in_box(display.pixels(), display.width, box, tom) > 30)
            apps[1].kill()  # window B's process dies without a word
            wait_for("Tom's mark to go within seconds",
                     lambda: count_in_box(display.pixels(), display.width, box, tom) == 0, timeout=15)

        check("who is here: B's selection shows in A in B's colour, and goes when B's process dies", presence)
        check("the file is sound", lambda: subprocess.run([BIN, "check", board], check=True, capture_output=True))
    except Exception as e:
        check.fail("setup", e)
    finally:
        for p in apps:
            stop(p)
        display.close()
    check.report()


main()
