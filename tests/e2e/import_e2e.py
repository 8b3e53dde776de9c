#!/usr/bin/env python3
"""End to end: File > Import… in the real window (Ctrl+I, the path typed, Ctrl+Enter to preview
and Ctrl+Enter to import): the candidates land in the tray of the board file, the same ones the
command line makes, and one undo takes the whole import back.
usage: import_e2e.py CUSTOMER_CANVAS_BINARY FIXTURES_DIR"""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xdnd import drop_files
from harness import QUADRANT_FILLS, Display, Failure, board_json, find_boxes, find_boxes_in, Checks, stop, wait_for

BIN, FIXTURES = sys.argv[1], sys.argv[2]
SURVEY = (0xFF, 0xF1, 0xA8)  # the survey colour (assets/source_kinds.tsv)


def main():
    work = tempfile.mkdtemp(prefix="cc-import-")
    board, reference = os.path.join(work, "board.ccboard"), os.path.join(work, "reference.ccboard")
    source = os.path.join(FIXTURES, "md-research-report.md")
    for b in (board, reference):
        subprocess.run([BIN, "new", b], check=True, capture_output=True)
    subprocess.run([BIN, "import", reference, source], check=True, capture_output=True)
    expected = sorted(n["text"] for n in board_json(BIN, reference)["notes"])

    display = Display()
    env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config"))
    app = subprocess.Popen([BIN, "open", board], env=env, stdout=subprocess.DEVNULL,
                           stderr=open(os.path.join(work, "program.log"), "a"))
    check = Checks(work, display)


    try:
        wid = wait_for("the window", lambda: display.run("xdotool", "search", "--name", "Customer Canvas",
                                                        check=False).stdout.decode().split())[0]
        display.focus(wid)
        wait_for("the wall", lambda: len(find_boxes(display.pixels(), display.width, display.height, QUADRANT_FILLS)) == 4)

        def import_in_window():
            # The path comes from the clipboard, as from a file manager's "copy path".
            owner = display.set_clipboard(source)
            display.xdo("key", "--clearmodifiers", "ctrl+i")
            display.xdo("key", "--clearmodifiers", "ctrl+v")
            # Ctrl+Enter previews (on a worker thread), Ctrl+Enter again imports: press until the
            # tray holds the candidates.
            def imported():
                display.xdo("key", "--clearmodifiers", "ctrl+Return")
                doc = board_json(BIN, board)
                return doc if doc["notes"] else None
            doc = wait_for("the candidates in the board file", imported, interval=0.3)
            owner.kill()
            texts = sorted(n["text"] for n in doc["notes"])
            if texts != expected:
                raise Failure(f"the window imported {len(texts)} candidates, the command line {len(expected)}")
            if {n["state"] for n in doc["notes"]} != {"tray"}:
                raise Failure("imported candidates are not in the tray")
            if not all(n["provenance"]["file"] == "md-research-report.md" and n["provenance"]["location"]
                       for n in doc["notes"]):
                raise Failure("provenance missing")

        check("File > Import…: the candidates land in the tray with their provenance", import_in_window)

        def undo_all():
            x, y = display.width // 2, display.height // 2
            display.xdo("mousemove", x, y)
            display.xdo("key", "--clearmodifiers", "ctrl+z")
            wait_for("the import undone in one step", lambda: not board_json(BIN, board)["notes"])

        check("one undo takes the whole import back", undo_all)

        def dropped_on_window():
            # A file dragged from a file manager and dropped on the wall opens the import with it.
            geo = display.run("xdotool", "getwindowgeometry", "--shell", wid).stdout.decode()
            g = dict(line.split("=") for line in geo.split())
            x, y = int(g["X"]) + int(g["WIDTH"]) // 2, int(g["Y"]) + int(g["HEIGHT"]) // 2
            drop_files(display.name, wid, x, y, [source])
            display.focus(wid)

            def imported():
                display.xdo("key", "--clearmodifiers", "ctrl+Return")
                doc = board_json(BIN, board)
                return doc if doc["notes"] else None
            doc = wait_for("the dropped file's candidates in the board file", imported, interval=0.3)
            texts = sorted(n["text"] for n in doc["notes"])
            if texts != expected:
                raise Failure(f"the drop imported {len(texts)} candidates, the command line {len(expected)}")

        check("a file dropped on the window is imported into the tray", dropped_on_window)

        def dragged_from_tray():
            # Survey answers imported elsewhere arrive in this window's tray with the survey
            # colour at the left of their rows; one is dragged onto quadrant 2 and pinned there.
            subprocess.run([BIN, "import", board, os.path.join(FIXTURES, "csv-european-semicolon.csv")], check=True,
                           capture_output=True)
            # The tray panel is the left 330 pixels; the swatches are its only survey yellow.
            swatch = wait_for("the survey rows in the tray", lambda: find_boxes_in(
                display.pixels(), display.width, display.height, 0, 330, {"survey": SURVEY}).get("survey"))
            quads = find_boxes(display.pixels(), display.width, display.height, QUADRANT_FILLS)
            q2 = quads[2]
            # The minimap repeats the quadrant colours lower down: aim near quadrant 2's top.
            tx, ty = (q2[0] + q2[2]) // 2, q2[1] + 120
            sx, sy = swatch[0] + 80, swatch[1] + 8
            before = {n["id"] for n in board_json(BIN, board)["notes"] if n["state"] == "pinned"}
            # Dear ImGui 1.86 follows the pointer only while the window has the keyboard focus.
            display.focus(wid)
            display.xdo("mousemove", sx, sy)
            # Lit means the hover colour (a clear blue) between the swatch and the text. Comparing
            # with a pixel read after the move raced with a frame drawn before the read.
            gap = (swatch[2] + 6, sy)

            def lit():
                r, g, b = display.pixel(*gap)
                return b > r + 80
            wait_for("the row to light up under the pointer", lit, timeout=5)
            display.xdo("mousedown", "1")
            for i in range(1, 16):
                display.xdo("mousemove", sx + (tx - sx) * i // 15, sy + (ty - sy) * i // 15)
            display.xdo("mouseup", "1")
            pinned = wait_for("a survey note pinned from the tray", lambda: [
                n for n in board_json(BIN, board)["notes"] if n["state"] == "pinned" and n["id"] not in before])
            if len(pinned) != 1 or pinned[0]["source"] != "survey" or pinned[0]["quadrant"] != 2:
                raise Failure(f"expected one survey note in quadrant 2, got {pinned}")

        check("a candidate dragged from the tray onto quadrant 2 is pinned there", dragged_from_tray)
    except Exception as e:
        check.fail("setup", e)
    finally:
        stop(app)
        display.close()
    check.report()


main()
