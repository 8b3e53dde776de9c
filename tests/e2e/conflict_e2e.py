#!/usr/bin/env python3
"""End to end: nobody's text is silently lost. Two real windows on one board file:
- Tom is editing a note when Wang Fang changes its text in her window: Tom's later text wins,
  the change log says it replaced hers, Wang Fang's window tells her, and her button puts her text back.
- Tom is editing a note when someone deletes it from the command line: his window tells him, and
  its button brings the note back with what he typed and with its link.
usage: conflict_e2e.py CUSTOMER_CANVAS_BINARY [--server]
With --server the board lives on the team server at $CC_TEST_PG (scripts/test.sh starts one);
without that variable the run is skipped (exit 77)."""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import QUADRANT_FILLS, Checks, server_board, Display, Failure, WallMapping, board_json, find_boxes_in, stop, wait_for

BIN = sys.argv[1]
SERVER = "--server" in sys.argv[2:]
NOTICE = (255, 244, 214)  # the background of a notice (app/gui/window.cpp)
HALF = 1400


def main():
    work = tempfile.mkdtemp(prefix="cc-conflict-")
    if SERVER:
        board = server_board("conflict-e2e")
        board_name = board.rsplit("board=", 1)[1]
    else:
        board = os.path.join(work, "workshop.ccboard")

    def cli(*args, author="Carl"):
        return subprocess.run([BIN, "--author", author, *args], check=True, capture_output=True, text=True).stdout.strip()

    cli("new", board, "--title", "Conflicts 冲突")
    shared = cli("add", board, "--text", "Original text", "--source", "survey", "--x", "-1500", "--y", "-1000")
    doomed = cli("add", board, "--text", "Will be deleted", "--source", "survey", "--x", "300", "--y", "300")
    friend = cli("add", board, "--text", "Its friend", "--source", "complaint", "--x", "900", "--y", "300")
    link = cli("link", board, friend, doomed, "--kind", "supports")

    display = Display(2 * HALF, 900)
    check = Checks(work, display)
    apps = []

    def open_window(x, name):
        env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config-" + name))
        p, wid = display.open_window([BIN, "--author", name, "open", board], env, os.path.join(work, "program.log"), x)
        apps.append(p)
        boxes = wait_for("the wall", lambda: (lambda b: b if len(b) == 4 else None)(
            find_boxes_in(display.pixels(), display.width, display.height, x, HALF, QUADRANT_FILLS)))
        return wid, WallMapping(boxes, board_json(BIN, board)["board"])

    def note(note_id):
        return next((n for n in board_json(BIN, board)["notes"] if n["id"] == note_id), None)

    def editing(name):
        """What the window of `name` announces it is editing (the presence beside the board)."""
        if SERVER:
            # psql quotes the values itself (:'name'); variables are only read from a script.
            out = subprocess.run(["psql", os.environ["CC_TEST_PG"], "-At", "-v", "board=" + board_name, "-v", "name=" + name],
                                 input="SELECT editing FROM customer_canvas.presence WHERE board = :'board' AND name = :'name';",
                                 check=True, capture_output=True, text=True).stdout.strip()
            return out.splitlines()[0] if out else None
        with sqlite3.connect(f"file:{board}?mode=ro", uri=True) as db:
            row = db.execute("SELECT editing FROM presence WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def orange_in(x0):
        """Pixels of a strong orange in one window's half: the warning's antialiased text."""
        raw, n = display.pixels(), 0
        for y in range(0, display.height):
            row = raw[(y * display.width + x0) * 3:(y * display.width + x0 + HALF) * 3]
            for i in range(0, len(row), 3):
                if row[i] - row[i + 1] >= 60 and row[i + 1] - row[i + 2] >= 40:
                    n += 1
        return n

    def notice_in(x0):
        boxes = find_boxes_in(display.pixels(), display.width, display.height, x0, HALF, {"notice": NOTICE})
        b = boxes.get("notice")
        return b if b and b[2] - b[0] > 100 and b[3] - b[1] > 30 else None

    def press_first_button(x0):
        """The notice's first button (its action) sits at the left of its last row."""
        b = wait_for("a notice", lambda: notice_in(x0))
        if os.environ.get("CC_E2E_SHOTS"):  # to look at it
            display.run("import", "-window", "root", os.path.join(os.environ["CC_E2E_SHOTS"], f"notice-{x0}.png"))
        display.xdo("mousemove", b[0] + 40, b[3] - 13, "click", "1")

    def start_editing(wid, wall, n, name):
        display.focus(wid)
        sx, sy = wall.note_centre(n)
        display.xdo("mousemove", sx, sy, "click", "--repeat", "2", "--delay", "60", "1")
        wait_for(f"{name} to be editing", lambda: editing(name) == n["id"], timeout=10)

    def last_change():
        out = os.path.join(work, "log.json")
        if os.path.exists(out):
            os.remove(out)
        cli("export", board, "--out", out)
        with open(out, encoding="utf-8") as f:
            log = json.load(f)["backup"]["changeLog"]
        return json.loads(log[-1]["payload"])["changeSet"]

    try:
        wa, wall_a = open_window(0, "Wang Fang")
        wb, wall_b = open_window(HALF, "Tom Baker")

        def text_replaced_while_editing():
            n = note(shared)
            start_editing(wb, wall_b, n, "Tom Baker")
            display.xdo("type", "--delay", "30", " and Tom")
            # Meanwhile Wang Fang changes the same note in her window and finishes first.
            start_editing(wa, wall_a, n, "Wang Fang")
            display.xdo("type", "--delay", "30", " and Wang")
            ex, ey = wall_a.screen(1500, -1000)
            display.xdo("mousemove", ex, ey, "click", "1")
            wait_for("Wang Fang's text in the file",  # (what is there instead, when it times out)
                     lambda: note(shared)["text"] == "Original text and Wang" or Failure(note(shared)["text"]))
            # Tom's window must have her text before he finishes (it warns him while he types).
            wait_for("Tom's window to warn him while he types",
                     lambda: orange_in(HALF) > 40)
            display.focus(wb)
            display.xdo("key", "--clearmodifiers", "ctrl+Return")
            wait_for("Tom's later text in the file", lambda: note(shared)["text"] == "Original text and Tom")
            change = last_change()
            if change.get("overwrote") != [shared] or change["author"] != "Tom Baker":
                raise Failure(f"the log does not say Tom's change replaced a text: {change}")
            wait_for("Wang Fang's window to tell her", lambda: notice_in(0))
            display.focus(wa)
            press_first_button(0)
            wait_for("her text back", lambda: note(shared)["text"] == "Original text and Wang")

        check("a text replaced while someone typed: later wins, the other is told and can put hers back",
              text_replaced_while_editing)

        def deleted_while_editing():
            n = note(doomed)
            start_editing(wb, wall_b, n, "Tom Baker")
            display.xdo("type", "--delay", "30", " but Tom keeps it")
            cli("delete", board, doomed)
            wait_for("Tom's window to tell him", lambda: notice_in(HALF))
            press_first_button(HALF)
            back = wait_for("the note back", lambda: note(doomed))
            if back["text"] != "Will be deleted but Tom keeps it":
                raise Failure(f"the note came back without what Tom typed: {back['text']!r}")
            links = board_json(BIN, board)["links"]
            if not any(l["id"] == link for l in links):
                raise Failure("the note came back without its link")

        check("a note deleted while someone edits it comes back with their text and its link", deleted_while_editing)
        check("the file is sound", lambda: cli("check", board))
    except Exception as e:
        check.fail("setup", e)
    finally:
        for p in apps:
            stop(p)
        display.close()
    check.report()


main()
