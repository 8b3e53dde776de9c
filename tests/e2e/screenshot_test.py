#!/usr/bin/env python3
"""The screenshot command in a real window under Xvfb: the picture shows the four quadrants in
their places and the notes in their source colours; it is the wall alone (no menu bar, status bar
or panels) unless --window asks for the whole window; --zoom 100 centres on the notes, not on the
wall's empty middle (all checked by pixels).
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

        def wall_alone():
            # Candidates in the tray: the whole window shows the tray beside the wall.
            for i in range(2):
                subprocess.run([BIN, "add", sample, "--text", f"candidate {i}", "--source", "survey"], check=True,
                               capture_output=True)
            raw, w, h = shoot(sample, os.path.join(work, "wall.png"))
            whole, ww, wh = shoot(sample, os.path.join(work, "window.png"), "--window")
            if (ww, wh) != (w, h):
                raise AssertionError(f"--window picture is {ww}x{wh}, the wall's {w}x{h}")
            # The menu bar's and the status bar's colours, read off the whole window's right end
            # (no words there).
            def commonest(picture, y):
                row = [picture[(y * w + x) * 3:(y * w + x) * 3 + 3] for x in range(w)]
                return max(set(row), key=row.count)
            menu, status = commonest(whole, 4), commonest(whole, h - 4)

            def bar_rows(picture, rows, colour):
                """How many of these rows are mostly in this colour."""
                return sum(1 for y in rows
                           if sum(picture[(y * w + x) * 3:(y * w + x) * 3 + 3] == colour for x in range(0, w, 3)) > w // 3 * 0.6)
            if bar_rows(whole, range(0, 12), menu) < 5 or bar_rows(whole, range(h - 12, h), status) < 5:
                raise AssertionError("the --window picture shows no menu bar at its top or no status bar at its foot")
            if bar_rows(raw, range(0, 12), menu) or bar_rows(raw, range(h - 12, h), status):
                raise AssertionError("the wall's picture shows a menu bar or a status bar")

            def wall_area(picture):
                boxes = find_boxes(picture, w, h, QUADRANT_FILLS, step=1)
                if len(boxes) != 4:
                    raise AssertionError(f"{len(boxes)} quadrants in a picture")
                return ((max(b[2] for b in boxes.values()) - min(b[0] for b in boxes.values())) *
                        (max(b[3] for b in boxes.values()) - min(b[1] for b in boxes.values())))
            alone, windowed = wall_area(raw), wall_area(whole)
            # The sample board has candidates: the whole window shows the tray beside a smaller wall.
            if alone < windowed * 1.2:
                raise AssertionError(f"the wall alone covers {alone} px, in the window {windowed} px")

        check("screenshot draws the wall alone, --window the whole window with its menu bar and tray", wall_alone)

        def zoom_centres_on_notes():
            # Three notes in quadrant 4's far corner, a long way from the wall's middle.
            board = os.path.join(work, "corner.ccboard")
            subprocess.run([BIN, "new", board], check=True, capture_output=True)
            for i, (x, y) in enumerate(((1300, 640), (1300, 830), (1000, 830))):
                subprocess.run([BIN, "add", board, "--text", f"corner note {i}", "--source", "survey", "--x", str(x),
                                "--y", str(y)], check=True, capture_output=True)
            raw, w, h = shoot(board, os.path.join(work, "zoom100.png"), "--zoom", "100")
            survey = bytes(source_colours()["survey"])
            xs, ys = [], []
            for i in range(0, len(raw), 3):
                if raw[i:i + 3] == survey:
                    xs.append((i // 3) % w)
                    ys.append((i // 3) // w)
            if len(xs) < 3000:
                raise AssertionError(f"the notes barely show at 100 % ({len(xs)} pixels of their colour)")
            # The middle of the notes' bounding box (not of their pixels: they stand in an L).
            cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
            if abs(cx - w / 2) > 20 or abs(cy - h / 2) > 20:
                raise AssertionError(f"the notes' middle is at {cx:.0f},{cy:.0f}, not the picture's {w // 2},{h // 2}")

        check("--zoom 100 centres on the middle of the notes, not on the wall's middle", zoom_centres_on_notes)

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
