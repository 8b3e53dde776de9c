#!/usr/bin/env python3
"""End to end: copy notes in one window and paste them into another (two processes, two boards),
and paste plain text from another program as one note per paragraph.
usage: clipboard_e2e.py CUSTOMER_CANVAS_BINARY"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import QUADRANT_FILLS, Display, Failure, WallMapping, board_json, find_boxes_in, Checks, stop, wait_for

BIN = sys.argv[1]


def cli(*args):
    return subprocess.run([BIN, *args], capture_output=True, check=True, timeout=30).stdout.decode().strip()


def main():
    work = tempfile.mkdtemp(prefix="cc-clip-")
    source, target = os.path.join(work, "source.ccboard"), os.path.join(work, "target.ccboard")
    cli("new", source, "--title", "Source")
    cli("new", target, "--title", "Target")
    a = cli("add", source, "--text", "网点排队平均 23 分钟", "--source", "mystery_shopping", "--quadrant", "2")
    b = cli("add", source, "--text", "Queues are the top complaint", "--source", "complaint", "--quadrant", "3")
    cli("link", source, a, b, "--kind", "supports")

    display = Display(2800, 900)
    env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config"))
    check = Checks(work, display)
    apps = []

    def open_window(board, x):
        p, wid = display.open_window([BIN, "open", board], env, os.path.join(work, "program.log"), x)
        apps.append(p)
        return wid

    def region_boxes(x0):
        boxes = find_boxes_in(display.pixels(), display.width, display.height, x0, 1400, QUADRANT_FILLS)
        return boxes if len(boxes) == 4 else None


    try:
        wa = open_window(source, 0)
        wall_a = WallMapping(wait_for("the source wall", lambda: region_boxes(0)), board_json(BIN, source)["board"])
        wb = open_window(target, 1400)
        wall_b = WallMapping(wait_for("the target wall", lambda: region_boxes(1400)), board_json(BIN, target)["board"])

        def copy_between_windows():
            x, y = wall_a.screen(-1500, 900)  # empty wall in the source window
            display.xdo("mousemove", x, y, "click", "1")
            display.focus(wa)
            display.xdo("key", "--clearmodifiers", "ctrl+a")
            display.xdo("key", "--clearmodifiers", "ctrl+c")
            wait_for("notes on the clipboard", lambda: display.run("xclip", "-o", "-selection", "clipboard",
                                                                   check=False).stdout.decode().startswith("customer-canvas/notes"))
            tx, ty = wall_b.screen(900, 600)  # quadrant 4 of the target window
            display.xdo("mousemove", tx, ty, "click", "1")
            display.focus(wb)
            display.xdo("key", "--clearmodifiers", "ctrl+v")
            doc = wait_for("two pasted notes and their link in the target board",
                           lambda: (lambda d: d if len(d["notes"]) == 2 and len(d["links"]) == 1 else None)(
                               board_json(BIN, target)))
            texts = sorted(n["text"] for n in doc["notes"])
            if texts != sorted(["网点排队平均 23 分钟", "Queues are the top complaint"]):
                raise Failure(f"pasted {texts}")
            if {n["quadrant"] for n in doc["notes"]} != {4}:
                raise Failure(f"pasted into quadrants {[n['quadrant'] for n in doc['notes']]}, not where the pointer was")
            if {n["id"] for n in doc["notes"]} & {a, b}:
                raise Failure("pasted notes kept their old ids")

        check("select all and copy in one window, paste in another: the notes and their link", copy_between_windows)

        def paste_plain_text():
            owner = display.set_clipboard("第一段：客户希望手续费透明。\n\nSecond paragraph: show fees before confirming.\n\n")
            tx, ty = wall_b.screen(-900, -600)  # quadrant 1
            display.xdo("mousemove", tx, ty, "click", "1")
            display.xdo("key", "--clearmodifiers", "ctrl+v")
            doc = wait_for("two notes from the pasted paragraphs",
                           lambda: (lambda d: d if len(d["notes"]) == 4 else None)(board_json(BIN, target)))
            owner.kill()
            new = [n for n in doc["notes"] if n["quadrant"] == 1]
            if sorted(n["text"] for n in new) != sorted(["第一段：客户希望手续费透明。",
                                                         "Second paragraph: show fees before confirming."]):
                raise Failure(f"pasted {[n['text'] for n in new]}")

        check("paste plain text from another program: a note per paragraph where the pointer is", paste_plain_text)
    except Exception as e:
        check.fail("setup", e)
    finally:
        for p in apps:
            stop(p)
        display.close()
    check.report()


main()
