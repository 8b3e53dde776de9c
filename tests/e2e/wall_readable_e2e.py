#!/usr/bin/env python3
"""The wall in a room, end to end on the sample board under Xvfb:

  screenshots (the wall alone) at fit wall (1920x1080, 1024x700, 800x600, English and Chinese) show
  the four quadrants; at 1920x1080 OCR reads the notes' titles, drawn at least 12 pixels high
  F5 presents: full screen, no menu bar, Right steps to quadrant 1 alone, Page Down on round
  to the whole wall, F5 leaves and the menu bar is back (and Escape)
  dragging a selected note's bottom-right corner resizes it, saved in the board
  typing a long line into a new note wraps it: its first and last words stay in sight
usage: wall_readable_e2e.py CUSTOMER_CANVAS_BINARY SAMPLE_BOARD_SCRIPT [FOLDER_TO_KEEP_THE_PICTURES]"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (QUADRANT_FILLS, SELECTION, Checks, Display, Failure, WallMapping, board_json, count_in_box,
                     decode_png, find_boxes, stop, wait_for)

BIN, SAMPLE = sys.argv[1], sys.argv[2]
KEEP = sys.argv[3] if len(sys.argv) > 3 else None
ASCENDING = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bdfhklt")
DESCENDING = set("gjpqy")


def share_of(raw, colour, width=1920, step=4):
    """The share of the screen in this exact colour (every step-th pixel of every step-th row)."""
    c = bytes(colour)
    seen = hits = 0
    for y in range(0, len(raw) // (width * 3), step):
        row = raw[y * width * 3:(y + 1) * width * 3]
        for x in range(0, width * 3, step * 3):
            seen += 1
            hits += row[x:x + 3] == c
    return hits / seen


def ocr_words(png, work, crop, scale=2):
    """Words tesseract reads in a part (WxH+X+Y) of a picture, enlarged: (text, x, y, height) in
    pixels of the picture."""
    part = os.path.join(work, "ocr.png")
    subprocess.run(["convert", png, "-crop", crop, "+repage", "-resize", f"{scale * 100}%", part], check=True)
    tsv = subprocess.run(["tesseract", part, "-", "-l", "eng", "--psm", "11", "tsv"], capture_output=True,
                         text=True).stdout
    x0, y0 = (int(v) for v in crop.split("+")[1:3])
    words = []
    for line in tsv.splitlines()[1:]:
        f = line.split("\t")
        if len(f) == 12 and f[11].strip():
            words.append((f[11].strip(), x0 + int(f[6]) / scale, y0 + int(f[7]) / scale, int(f[9]) / scale))
    return words


def main():
    work = tempfile.mkdtemp(prefix="cc-readable-")
    display = Display(1920, 1080)
    check = Checks(work, display)
    env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config"), LANG="C.UTF-8", LC_ALL="", LANGUAGE="")
    sample = os.path.join(work, "sample.ccboard")
    app = None
    pictures = {}

    def shoot(language, size):
        subprocess.run([BIN, "config", "language", language], env=env, check=True, capture_output=True)
        out = os.path.join(work, f"fit-{language}-{size}.png")
        r = subprocess.run([BIN, "screenshot", sample, "--out", out, "--size", size], env=env, capture_output=True,
                           timeout=120)
        if r.returncode != 0:
            raise Failure(f"screenshot failed: {r.stderr.decode()}")
        if KEEP:
            os.makedirs(KEEP, exist_ok=True)
            shutil.copy(out, KEEP)
        pictures[(language, size)] = out
        return out

    try:
        subprocess.run(["bash", SAMPLE, BIN, sample], check=True, capture_output=True, timeout=120)
        doc = board_json(BIN, sample)
        titles = [n["text"].split("\n")[0] for n in doc["notes"] if n["state"] == "pinned"]
        title_words = {w.lower() for t in titles for w in re.findall(r"[A-Za-z]{5,}", t)}

        for language in ("en", "zh"):
            for size in ("1920x1080", "1024x700", "800x600"):
                def picture(language=language, size=size):
                    raw, w, h = decode_png(shoot(language, size))
                    if f"{w}x{h}" != size:
                        raise Failure(f"picture is {w}x{h}")
                    if len(find_boxes(raw, w, h, QUADRANT_FILLS)) != 4:
                        raise Failure("the four quadrants are not all in the picture")
                check(f"fit wall in {language} at {size} shows the four quadrants", picture)

        def titles_readable():
            png = pictures[("en", "1920x1080")]
            raw, w, h = decode_png(png)
            wall = WallMapping(find_boxes(raw, w, h, QUADRANT_FILLS), doc["board"])
            cards = [wall.box(n["x"], n["y"], n["w"], n["h"], margin=0) for n in doc["notes"] if n["state"] == "pinned"]
            # Words read on the notes (not the quadrants' titles and descriptions) that are words of their titles.
            read = [(text, height) for text, x, y, height in ocr_words(png, work, "1920x1080+0+0")
                    if any(l <= x <= r and t <= y <= b for l, t, r, b in cards)
                    and {v.lower() for v in re.findall(r"[A-Za-z]{5,}", text)} & title_words]
            print(f"OCR read {len(read)} words of the titles on the notes")
            if len(read) < 12:
                raise Failure(f"OCR reads only {len(read)} words of the titles on the notes: {read}")

        def titles_high_enough():
            # Measured in the pixels: the first two lines of ink in each card are a line of type
            # apart, 1.18 times the type's size (text_layout); OCR's word boxes are too rough for it.
            raw, w, h = decode_png(pictures[("en", "1920x1080")])
            wall = WallMapping(find_boxes(raw, w, h, QUADRANT_FILLS), doc["board"])
            pitches = []
            for n in doc["notes"]:
                l, t, r, b = wall.box(n["x"], n["y"], n["w"], n["h"], margin=0)
                inked = []
                for y in range(max(t + 3, 0), min(b - 3, h)):
                    row = raw[(y * w + l + 4) * 3:(y * w + r - 4) * 3]
                    inked.append(any(row[i] + row[i + 1] + row[i + 2] < 330 for i in range(0, len(row), 3)))
                starts = [i for i, ink in enumerate(inked) if ink and (i == 0 or not inked[i - 1])]
                if len(starts) >= 2:
                    pitches.append(starts[1] - starts[0])
            if len(pitches) < 20:
                raise Failure(f"only {len(pitches)} cards show two lines")
            size = statistics.median(pitches) / 1.18
            print(f"titles drawn at about {size:.1f} px (line pitch {statistics.median(pitches)} px over {len(pitches)} cards)")
            if size < 12:
                raise Failure(f"the titles are drawn at about {size:.1f} px, under 12")
        check("at fit on 1920x1080 the titles are drawn at least 12 px high", titles_high_enough)

        if shutil.which("tesseract"):
            check("at fit on 1920x1080, OCR reads the note titles", titles_readable)
        else:
            print("skip OCR: tesseract is not installed")

        # The window, driven as a person would.
        subprocess.run([BIN, "config", "language", "en"], env=env, check=True, capture_output=True)
        app = subprocess.Popen([BIN, "open", sample], env=env, stdout=subprocess.DEVNULL,
                               stderr=open(os.path.join(work, "program.log"), "a"))
        wid = wait_for("the window", lambda: display.run("xdotool", "search", "--name", "Customer Canvas",
                                                        check=False).stdout.decode().split())[0]
        display.focus(wid)
        display.xdo("windowsize", wid, 1600, 1000)

        def wall_mapping():
            return WallMapping(wait_for("the four quadrants on the screen", lambda: (lambda bx: bx if len(bx) == 4 else None)(
                find_boxes(display.pixels(), display.width, display.height, QUADRANT_FILLS))), doc["board"])
        wall_mapping()
        menu_colour = display.pixel(300, 8)

        def present():
            display.xdo("key", "F5")
            wait_for("the window to fill the screen", lambda: display.xdo("getwindowgeometry", wid).find("1920x1080") >= 0)
            wait_for("the menu bar gone", lambda: display.pixel(300, 8) != menu_colour and
                     len(find_boxes(display.pixels(), 1920, 1080, QUADRANT_FILLS)) == 4)

            def alone(q):
                # The quadrant fills the screen: its colour takes far more of it than any other's.
                raw = display.pixels()
                shares = {k: share_of(raw, c) for k, c in QUADRANT_FILLS.items()}
                others = max(v for k, v in shares.items() if k != q)
                return shares[q] > 0.25 and shares[q] > 4 * others
            display.xdo("key", "Right")
            wait_for("quadrant 1 alone", lambda: alone(1))
            for q in (2, 3, 4):
                display.xdo("key", "Next")  # Page Down, as a presenter's clicker sends
                wait_for(f"quadrant {q} alone", lambda q=q: alone(q))
            display.xdo("key", "Next")
            wait_for("the whole wall again", lambda: len(find_boxes(display.pixels(), 1920, 1080, QUADRANT_FILLS)) == 4)
            display.xdo("key", "F5")  # F5 leaves as well (and does not present again)
            wait_for("the window back to its size", lambda: display.xdo("getwindowgeometry", wid).find("1600x1000") >= 0)
            wait_for("the menu bar back", lambda: display.pixel(300, 8) == menu_colour)
            display.xdo("key", "F5")
            wait_for("presenting again", lambda: display.pixel(300, 8) != menu_colour)
            display.xdo("key", "Escape")
            wait_for("Escape: the menu bar back", lambda: display.pixel(300, 8) == menu_colour)
        check("F5 presents full screen without menus, Right and Page Down step, F5 or Escape leaves", present)

        def resize():
            wall = wall_mapping()
            n = next(n for n in board_json(BIN, sample)["notes"] if n["quadrant"] == 1)
            cx, cy = wall.note_centre(n)
            display.xdo("mousemove", cx, cy, "click", "1")
            wait_for("the note selected", lambda: count_in_box(display.pixels(), display.width,
                                                                wall.box(n["x"], n["y"], n["w"], n["h"]), SELECTION) > 20)
            gx, gy = wall.screen(n["x"] + n["w"], n["y"] + n["h"])
            gx, gy = gx - 3, gy - 3
            display.xdo("mousemove", gx, gy, "mousedown", "1")
            for i in range(1, 11):
                display.xdo("mousemove", gx + 8 * i, gy + 5 * i)
            display.xdo("mouseup", "1")
            grown = wait_for("the new size saved in the board", lambda: (lambda m: m if m["w"] > n["w"] + 60 else None)(
                next(m for m in board_json(BIN, sample)["notes"] if m["id"] == n["id"])))
            if (grown["x"], grown["y"]) != (n["x"], n["y"]) or grown["h"] <= n["h"] + 30:
                raise Failure(f"resized to {grown['w']}x{grown['h']} at {grown['x']},{grown['y']}")
            display.xdo("key", "--clearmodifiers", "ctrl+z")
            wait_for("Ctrl+Z: the old size", lambda: next(m for m in board_json(BIN, sample)["notes"]
                                                           if m["id"] == n["id"])["w"] == n["w"])
        check("drag a selected note's bottom-right corner: resized and saved, Ctrl+Z takes it back", resize)

        def wraps():
            wall = wall_mapping()
            before = {n["id"] for n in board_json(BIN, sample)["notes"]}
            x, y = wall.screen(-900, -300)  # empty wall in quadrant 1, below its notes
            display.xdo("mousemove", x, y, "click", "--repeat", "2", "--delay", "60", "1")
            new = wait_for("a new note", lambda: [n for n in board_json(BIN, sample)["notes"] if n["id"] not in before])[0]
            line = "Alpha customers wanted one single place where every transfer and every fee is shown before paying omega"
            display.xdo("type", "--delay", "15", line)
            shot = os.path.join(work, "typing.png")
            l, t, r, b = wall.box(new["x"], new["y"], new["w"], new["h"], margin=0)
            crop = f"{max(300, r - l)}x{max(200, b - t)}+{l}+{t}"

            def both_ends_in_sight():
                display.run("import", "-window", "root", shot)
                read = " ".join(w[0] for w in ocr_words(shot, work, crop))
                # The caret sits right after the last word; the reader sometimes takes "omega|" for
                # "omeg:", so the word's start is enough.
                if "Alpha" in read and "omeg" in read:
                    return read
                raise Failure(f"the editor shows {read!r}")
            wait_for("the first and the last word in sight while typing", both_ends_in_sight, timeout=30, interval=0.5)
            if KEEP:
                shutil.copy(shot, KEEP)
            display.xdo("key", "Escape")
            wait_for("the text saved as typed, without line breaks",
                     lambda: next(n for n in board_json(BIN, sample)["notes"] if n["id"] == new["id"])["text"] == line)
        if shutil.which("tesseract"):
            check("a long line typed into a new note wraps: both ends stay in sight, the text has no breaks", wraps)
    except Exception as e:
        check.fail("setup", e)
    finally:
        stop(app)
        display.close()
    check.report()


main()
