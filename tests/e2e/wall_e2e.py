#!/usr/bin/env python3
"""End to end: the real program in a real window under Xvfb, driven with xdotool as a person
would, checked in the board file afterwards.

  double-click in quadrant 2, type Chinese and English text, click outside -> a note in quadrant 2
  drag it into quadrant 3 -> re-filed; Ctrl+Z -> back in quadrant 2
  select two notes and press L, or drag from a note's link handle onto another -> a link
  close the window and open the board again -> everything is still there
usage: wall_e2e.py CUSTOMER_CANVAS_BINARY"""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (QUADRANT_FILLS, SELECTION, Display, Failure, WallMapping, board_json, count_in_box,
                     find_boxes, Checks, stop, wait_for)

BIN = sys.argv[1]
CHINESE = "客户说转账太慢"
ENGLISH = " and the app times out"


def cli(*args):
    return subprocess.run([BIN, *args], capture_output=True, check=True, timeout=30).stdout.decode().strip()


def main():
    work = tempfile.mkdtemp(prefix="cc-e2e-")
    board = os.path.join(work, "workshop.ccboard")
    cli("new", board, "--title", "Workshop 工作坊")
    a = cli("add", board, "--text", "Survey: 81% satisfied with transfers", "--source", "survey", "--quadrant", "1")
    b = cli("add", board, "--text", "神秘购物：四成跨行转账失败", "--source", "mystery_shopping", "--quadrant", "4")

    display = Display()
    env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config"))
    check = Checks(work, display)
    app = None

    def start():
        p = subprocess.Popen([BIN, "open", board], env=env, stdout=subprocess.DEVNULL,
                             stderr=open(os.path.join(work, "program.log"), "a"))
        wid = wait_for("the window", lambda: display.run("xdotool", "search", "--name", "Customer Canvas",
                                                        check=False).stdout.decode().split())[0]
        display.focus(wid)
        # The wall is drawn once all four quadrants are on the screen.
        boxes = wait_for("the four quadrants on the screen",
                         lambda: (lambda bx: bx if len(bx) == 4 else None)(
                             find_boxes(display.pixels(), display.width, display.height, QUADRANT_FILLS)))
        return p, wid, WallMapping(boxes, board_json(BIN, board)["board"])

    def note(doc, note_id):
        return next((n for n in doc["notes"] if n["id"] == note_id), None)

    def shows_selection(x, y, w, h):
        """Waits until the screen shows the selection colour around a wall rectangle: the program
        has seen the press (a person waits to see the note picked up, too)."""
        box = wall.box(x, y, w, h)
        wait_for("the selection on the screen",
                 lambda: count_in_box(display.pixels(), display.width, box, SELECTION) > 20)

    def drag(sx, sy, tx, ty, shown_at, picked_up=None):
        """Presses, moves in steps and releases, waiting to see the drag arrive before letting go."""
        display.xdo("mousemove", sx, sy, "mousedown", "1")
        if picked_up:
            picked_up()
        for i in range(1, 13):
            display.xdo("mousemove", sx + (tx - sx) * i // 12, sy + (ty - sy) * i // 12)
        shown_at()
        display.xdo("mouseup", "1")


    try:
        app, wid, wall = start()
        state = {}

        def create_note():
            # Double-click on empty wall in quadrant 2, below its title.
            x, y = wall.screen(600, -500)
            display.xdo("mousemove", x, y, "click", "--repeat", "2", "--delay", "60", "1")
            new = wait_for("a new note in the board file",
                           lambda: [n for n in board_json(BIN, board)["notes"] if n["id"] not in (a, b)])
            state["id"] = new[0]["id"]
            # Chinese arrives the way it does from another program or an input method: pasted.
            owner = display.set_clipboard(CHINESE)
            display.xdo("key", "--clearmodifiers", "ctrl+v")
            display.xdo("type", "--delay", "40", ENGLISH)
            # Typing appears in the editor; a click outside ends editing and commits.
            ox, oy = wall.screen(-1500, 900)
            display.xdo("mousemove", ox, oy, "click", "1")
            def typed():
                n = note(board_json(BIN, board), state["id"])
                if n and n["text"] == CHINESE + ENGLISH:
                    return n
                raise Failure(f"the note says {n['text'] if n else None!r}")
            got = wait_for("the typed text in the board file", typed)
            owner.kill()
            if got["quadrant"] != 2:
                raise Failure(f"the note is in quadrant {got['quadrant']}, not 2")

        check("double-click in quadrant 2 and type Chinese and English: the note is saved in quadrant 2", create_note)

        def drag_to_3():
            n = note(board_json(BIN, board), state["id"])
            state["before"] = (n["x"], n["y"])
            sx, sy = wall.note_centre(n)
            dx, dy = -900 - (n["x"] + n["w"] / 2), 700 - (n["y"] + n["h"] / 2)
            tx, ty = wall.screen(-900, 700)
            # Pressing on the note picks it up (selects it); a person sees that, then drags.
            drag(sx, sy, tx, ty, lambda: shows_selection(n["x"] + dx, n["y"] + dy, n["w"], n["h"]),
                 picked_up=lambda: shows_selection(n["x"], n["y"], n["w"], n["h"]))
            wait_for("the note re-filed in quadrant 3",
                     lambda: note(board_json(BIN, board), state["id"])["quadrant"] == 3)

        check("drag it into quadrant 3: re-filed", drag_to_3)

        def undo():
            display.xdo("key", "--clearmodifiers", "ctrl+z")
            n = wait_for("the note back in quadrant 2",
                         lambda: (lambda n: n if n["quadrant"] == 2 else None)(note(board_json(BIN, board), state["id"])))
            if (n["x"], n["y"]) != state["before"]:
                raise Failure(f"undo put it at {(n['x'], n['y'])}, not {state['before']}")

        check("Ctrl+Z: back where it was, in quadrant 2", undo)

        def link_with_l():
            doc = board_json(BIN, board)
            ax, ay = wall.note_centre(note(doc, a))
            bx, by = wall.note_centre(note(doc, b))
            display.xdo("mousemove", ax, ay, "click", "1")
            display.xdo("mousemove", bx, by, "keydown", "shift", "click", "1", "keyup", "shift")
            display.xdo("key", "l")
            display.xdo("key", "c")
            wait_for("a conflicts link between the two notes",
                     lambda: [l for l in board_json(BIN, board)["links"]
                              if {l["from"], l["to"]} == {a, b} and l["kind"] == "conflicts"])

        check("select two notes, press L, choose conflicts: linked", link_with_l)

        def link_by_handle():
            doc = board_json(BIN, board)
            n = note(doc, state["id"])
            cx, cy = wall.note_centre(n)
            display.xdo("mousemove", cx, cy, "click", "1")
            shows_selection(n["x"], n["y"], n["w"], n["h"])  # a selected note shows its link handle
            hx, hy = wall.screen(n["x"] + n["w"], n["y"] + n["h"] / 2)
            nb = note(doc, b)
            tx, ty = wall.note_centre(nb)
            # While linking, a line in the handle's colour follows the pointer onto the target.
            drag(hx, hy, tx, ty, lambda: shows_selection(nb["x"] + nb["w"] / 2 - 20, nb["y"] + nb["h"] / 2 - 20, 40, 40))
            display.xdo("key", "s")
            wait_for("a supports link from the new note",
                     lambda: [l for l in board_json(BIN, board)["links"]
                              if l["from"] == state["id"] and l["to"] == b and l["kind"] == "supports"])

        check("drag from the link handle onto another note, choose supports: linked", link_by_handle)

        def close_and_reopen():
            nonlocal app
            before = board_json(BIN, board)
            display.xdo("key", "--clearmodifiers", "ctrl+q")
            wait_for("the program to exit", lambda: app.poll() is not None)
            if app.returncode != 0:
                raise Failure(f"exit status {app.returncode}: {open(os.path.join(work, 'program.log')).read()}")
            checked = subprocess.run([BIN, "check", board], capture_output=True, timeout=30)
            if checked.returncode != 0:
                raise Failure("check failed: " + checked.stderr.decode())
            app, _, _ = start()
            after = board_json(BIN, board)
            if before["notes"] != after["notes"] or before["links"] != after["links"]:
                raise Failure("the board changed across close and reopen")
            if len(after["notes"]) != 3 or len(after["links"]) != 2:
                raise Failure(f"{len(after['notes'])} notes and {len(after['links'])} links after reopening")

        check("close the window and reopen: nothing lost", close_and_reopen)

        def fast_typist():
            # Typing at full speed with Escape straight after: the last letters and Escape reach the
            # window together, and every letter must be in the note (an input method's committed
            # words arrive the same way, a moment late, just before the Escape typed after them).
            before = {n["id"] for n in board_json(BIN, board)["notes"]}
            x, y = wall.screen(-600, 500)
            display.xdo("mousemove", x, y, "click", "--repeat", "2", "--delay", "60", "1")
            new = wait_for("a new note", lambda: [n for n in board_json(BIN, board)["notes"] if n["id"] not in before])
            display.run("sh", "-c", "xdotool type --delay 0 'Typed at full speed'; xdotool key Escape")
            wait_for("every letter in the note", lambda: note(board_json(BIN, board), new[0]["id"])["text"] ==
                     "Typed at full speed")

        check("a fast typist's last letters and Escape arrive together: nothing lost", fast_typist)
    except Exception as e:
        check.fail("setup", e)
    finally:
        stop(app)
        display.close()
    check.report()


main()
