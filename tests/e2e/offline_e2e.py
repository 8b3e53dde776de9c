#!/usr/bin/env python3
"""End to end: a window on a team-server board while the server goes away. The status bar says
so, a note made meanwhile is drawn and kept on the local disk, and when the server is back the
note reaches it (sent by the window) and the status bar stops saying so.
usage: offline_e2e.py CUSTOMER_CANVAS_BINARY PG_CLUSTER_SCRIPT
Needs CC_TEST_PG and CC_TEST_PG_DIR (scripts/test.sh starts a cluster); skipped (77) without."""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (QUADRANT_FILLS, Checks, Display, WallMapping, board_json, count_in_box, find_boxes_in, server_board,
                     stop, wait_for)

BIN, CLUSTER = sys.argv[1], sys.argv[2]
OTHER = (242, 242, 242)      # the note colour of source kind "other"
OFFLINE = (204, 115, 13)     # the status bar's connection line (window.cpp: 0.80, 0.45, 0.05)


def cluster(what):
    subprocess.run(["/bin/bash", CLUSTER, what, os.environ["CC_TEST_PG_DIR"]], check=True,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    board = server_board("offline-e2e", "CC_TEST_PG_DIR")
    work = tempfile.mkdtemp(prefix="cc-offline-")
    subprocess.run([BIN, "new", board, "--title", "Offline 离线"], check=True, capture_output=True)
    display = Display(1400, 900)
    check = Checks(work, display)
    app = None
    try:
        # The window keeps its local copy in the test's folder; the command line used to look at
        # the server has none, so only the window can send what waited.
        env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config"), XDG_STATE_HOME=os.path.join(work, "state"))
        app, wid = display.open_window([BIN, "--author", "Wang Fang", "open", board], env, os.path.join(work, "program.log"))
        boxes = wait_for("the wall", lambda: (lambda b: b if len(b) == 4 else None)(
            find_boxes_in(display.pixels(), display.width, display.height, 0, 1400, QUADRANT_FILLS)))
        wall = WallMapping(boxes, board_json(BIN, board)["board"])
        status_bar = (0, display.height - 40, display.width, display.height)

        def offline_shown():
            # Text is anti-aliased: count pixels near the line's orange, not only exact ones.
            raw, n = display.pixels(), 0
            left, top, right, bottom = status_bar
            for y in range(top, bottom):
                row = raw[y * display.width * 3:(y + 1) * display.width * 3]
                for x in range(left, right):
                    r, g, b = row[x * 3], row[x * 3 + 1], row[x * 3 + 2]
                    if abs(r - OFFLINE[0]) < 40 and abs(g - OFFLINE[1]) < 40 and b < OFFLINE[2] + 60 and r > g + 50:
                        n += 1
            return n > 20

        def says_offline():
            if offline_shown():
                raise AssertionError("the status bar says offline while the server is there")
            cluster("pause")
            wait_for("the status bar to say the server is away", offline_shown)

        check("the status bar says when the server goes away", says_offline)

        def keeps_working():
            display.focus(wid)
            sx, sy = wall.screen(600, -500)
            around = (sx - 60, sy - 60, sx + 260, sy + 160)
            before = count_in_box(display.pixels(), display.width, around, OTHER)
            display.xdo("mousemove", sx, sy, "click", "--repeat", "2", "--delay", "60", "1")
            display.xdo("type", "--delay", "30", "Made offline")
            ex, ey = wall.screen(-1500, 950)
            display.xdo("mousemove", ex, ey, "click", "1")
            wait_for("the new note drawn", lambda: count_in_box(display.pixels(), display.width, around, OTHER) > before + 500)

        check("a note made while the server is away is drawn", keeps_working)

        def sent_when_back():
            cluster("resume")
            wait_for("the note on the server",
                     lambda: [n for n in board_json(BIN, board)["notes"] if n["text"] == "Made offline"], timeout=30)
            wait_for("the status bar to stop saying the server is away", lambda: not offline_shown(), timeout=30)
            notes = [n for n in board_json(BIN, board)["notes"] if n["text"] == "Made offline"]
            if len(notes) != 1:
                raise AssertionError(f"{len(notes)} copies of the note on the server")

        check("when the server is back the note reaches it once", sent_when_back)
    finally:
        cluster("resume")
        if app:
            stop(app)
        display.close()
    check.report()


if __name__ == "__main__":
    main()
