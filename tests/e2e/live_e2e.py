#!/usr/bin/env python3
"""End to end: two real windows (two processes) on one board file. A note made in one appears in
the other; a move in the other comes back; undo in one takes back only its own change.
usage: live_e2e.py CUSTOMER_CANVAS_BINARY"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (QUADRANT_FILLS, SELECTION, Checks, Display, Failure, WallMapping, board_json, count_in_box,
                     find_boxes_in, stop, wait_for)

BIN = sys.argv[1]
OTHER = (242, 242, 242)  # the note colour of source kind "other" (assets/source_kinds.tsv)


def main():
    work = tempfile.mkdtemp(prefix="cc-live-")
    board = os.path.join(work, "workshop.ccboard")
    subprocess.run([BIN, "new", board, "--title", "Workshop 工作坊"], check=True, capture_output=True)
    display = Display(2800, 900)
    check = Checks(work, display)
    env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config"))
    apps = []

    def open_window(x):
        before = set(display.run("xdotool", "search", "--name", "Customer Canvas", check=False).stdout.decode().split())
        apps.append(subprocess.Popen([BIN, "open", board], env=env, stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(work, "program.log"), "a")))
        wid = wait_for("the window", lambda: [w for w in display.run("xdotool", "search", "--name", "Customer Canvas",
                                                                    check=False).stdout.decode().split()
                                              if w not in before])[0]
        display.xdo("windowmove", wid, x, 0)
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
        display.run("xdotool", "windowfocus", wid, check=False)
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
        wa, wall_a = open_window(0)
        wb, wall_b = open_window(1400)

        def appears_in_other():
            state["a"] = make_note(wa, wall_a, 600, -500, "Made in window A")
            n = note(board_json(BIN, board), state["a"])
            if n["quadrant"] != 2:
                raise Failure(f"quadrant {n['quadrant']}")
            wait_for("window B to show A's note", lambda: shows(wall_b, n, OTHER))

        check("a note made in window A appears in window B", appears_in_other)

        def move_comes_back():
            n = note(board_json(BIN, board), state["a"])
            display.run("xdotool", "windowfocus", wb, check=False)
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
            display.run("xdotool", "windowfocus", wa, check=False)
            mx, my = wall_a.screen(-1500, 950)
            display.xdo("mousemove", mx, my)
            display.xdo("key", "--clearmodifiers", "ctrl+z")
            wait_for("A's own note undone", lambda: note(board_json(BIN, board), state["a"]) is None)
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
        check("the file is sound", lambda: subprocess.run([BIN, "check", board], check=True, capture_output=True))
    except Exception as e:
        check.fail("setup", e)
    finally:
        for p in apps:
            stop(p)
        display.close()
    check.report()


main()
