#!/usr/bin/env python3
"""The screenshot command in a real window under Xvfb: the picture shows the four quadrants in
their places and the notes in their source colours (checked by pixels).
usage: screenshot_test.py CUSTOMER_CANVAS_BINARY SAMPLE_BOARD_SCRIPT"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import QUADRANT_FILLS, Checks, Display, decode_png, find_boxes

BIN, SAMPLE = sys.argv[1], sys.argv[2]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def source_colours():
    colours = {}
    for line in open(os.path.join(ROOT, "assets", "source_kinds.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cells = line.rstrip("\n").split("\t")
        h = cells[6].lstrip("#")
        colours[cells[0]] = tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))
    return colours


def main():
    work = tempfile.mkdtemp(prefix="cc-shot-")
    display = Display(1000, 700)
    env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config"))
    check = Checks(work)


    def shoot(board, out, *extra):
        r = subprocess.run([BIN, "screenshot", board, "--out", out, "--size", "900x600", *extra], env=env,
                           capture_output=True, timeout=120)
        if r.returncode != 0:
            raise AssertionError(f"screenshot failed: {r.stderr.decode()}")
        return decode_png(out)

    try:
        sample = os.path.join(work, "sample.ccboard")
        subprocess.run(["bash", SAMPLE, BIN, sample], check=True, capture_output=True, timeout=120)

        def sample_picture():
            raw, w, h = shoot(sample, os.path.join(work, "sample.png"))
            if (w, h) != (900, 600):
                raise AssertionError(f"picture is {w}x{h}, not 900x600")
            boxes = find_boxes(raw, w, h, QUADRANT_FILLS, step=1)
            if len(boxes) != 4:
                raise AssertionError(f"{len(boxes)} quadrants in the picture")
            centre = {k: ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for k, b in boxes.items()}
            if not (centre[1][0] < centre[2][0] and centre[3][0] < centre[4][0] and
                    centre[1][1] < centre[3][1] and centre[2][1] < centre[4][1]):
                raise AssertionError(f"quadrants out of place: {centre}")
            # The notes: their source colours cover real areas of the picture.
            counts = {}
            for key, c in source_colours().items():
                target = bytes(c)
                counts[key] = sum(1 for i in range(0, len(raw), 3) if raw[i:i + 3] == target)
            shown = [k for k, n in counts.items() if n >= 300]
            if len(shown) < 10:
                raise AssertionError(f"only {len(shown)} source colours show as notes: {counts}")

        check("the sample board's picture shows four quadrants in place and notes of 10+ source kinds",
              sample_picture)

        def empty_board():
            board = os.path.join(work, "empty.ccboard")
            subprocess.run([BIN, "new", board], check=True, capture_output=True)
            raw, w, h = shoot(board, os.path.join(work, "empty.png"))
            if len(find_boxes(raw, w, h, QUADRANT_FILLS)) != 4:
                raise AssertionError("an empty board does not show its four quadrants")
            survey = bytes(source_colours()["survey"])
            if any(raw[i:i + 3] == survey for i in range(0, len(raw), 3)):
                raise AssertionError("an empty board shows note colours")

        check("an empty board shows its quadrants and no notes", empty_board)

        def planted_link():
            # The picture used to go to OUT.tmp first: a link planted there (and one at OUT itself)
            # must not carry the write to someone else's file.
            victim = os.path.join(work, "victim.txt")
            with open(victim, "w") as f:
                f.write("precious\n")
            out = os.path.join(work, "linked.png")
            os.symlink(victim, out + ".tmp")
            os.symlink(victim, out)
            raw, w, h = shoot(os.path.join(work, "empty.ccboard"), out)
            if open(victim).read() != "precious\n":
                raise AssertionError("the picture was written through a planted link")
            if os.path.islink(out) or (w, h) != (900, 600):
                raise AssertionError("the picture is not a new file of its own")

        check("a link planted at the picture's temporary name or at the picture is never written through",
              planted_link)

        def bad_board():
            r = subprocess.run([BIN, "screenshot", os.path.join(work, "missing.ccboard"), "--out",
                                os.path.join(work, "x.png")], env=env, capture_output=True, timeout=60)
            lines = r.stderr.decode().strip().splitlines()
            if r.returncode != 1 or len(lines) != 1 or "missing.ccboard" not in lines[0]:
                raise AssertionError(f"status {r.returncode}, stderr {lines}")
            if os.path.exists(os.path.join(work, "x.png")):
                raise AssertionError("a picture was written for a board that does not exist")

        check("a missing board: one clear error line and no picture", bad_board)
    finally:
        display.close()
    check.report()


main()
