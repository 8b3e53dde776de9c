#!/usr/bin/env python3
"""View > Language in a live window, by mouse: the window opens in English; a person clicks View,
points at Language and clicks 中文. The menus turn Chinese at once (read back with tesseract), the
`language` setting says zh, and the board is not changed. Then 视图 > 语言 > English takes it back.
Menu items are found on the screen by reading it (tesseract's word boxes), not by fixed places.
Skipped (77) without tesseract and its chi_sim data.
usage: language_e2e.py CUSTOMER_CANVAS_BINARY"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import QUADRANT_FILLS, Checks, Display, Failure, board_json, find_boxes, stop, wait_for

BIN = sys.argv[1]


def words_on_screen(display, work, languages, region=None):
    """tesseract's words with their boxes (screen coordinates), read from the screen enlarged 2x."""
    shot = os.path.join(work, "screen.png")
    display.run("import", "-window", "root", shot)
    x0, y0 = 0, 0
    args = ["convert", shot]
    if region:
        x0, y0, w, h = region
        args += ["-crop", f"{w}x{h}+{x0}+{y0}", "+repage"]
    big = os.path.join(work, "big.png")
    subprocess.run(args + ["-resize", "200%", big], check=True)
    tsv = subprocess.run(["tesseract", big, "-", "-l", languages, "--psm", "11", "tsv"], capture_output=True,
                         text=True).stdout
    words = []
    for line in tsv.splitlines()[1:]:
        f = line.split("\t")
        if len(f) == 12 and f[11].strip():
            left, top, width, height = (int(v) / 2 for v in f[6:10])
            words.append((f[11].strip(), x0 + left + width / 2, y0 + top + height / 2))
    return words


def find_word(display, work, languages, wanted, region=None):
    def found():
        for text, x, y in words_on_screen(display, work, languages, region):
            if wanted in text:
                return int(x), int(y)
        return None
    return wait_for(f"“{wanted}” on the screen", found, timeout=15, interval=0.3)


def main():
    if not shutil.which("tesseract") or "chi_sim" not in subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True).stdout:
        print("skipped: tesseract with chi_sim is not installed")
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="cc-language-")
    board = os.path.join(work, "language.ccboard")
    subprocess.run([BIN, "new", board, "--title", "Language"], check=True, capture_output=True, timeout=30)
    subprocess.run([BIN, "add", board, "--text", "A note", "--quadrant", "1"], check=True, capture_output=True)
    before = board_json(BIN, board)
    display = Display()
    check = Checks(work, display)
    env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config"), LANG="C.UTF-8", LC_ALL="", LANGUAGE="")
    proc = None
    menu_bar = (0, 0, display.width, 30)

    def setting():
        return subprocess.run([BIN, "config", "language"], env=env, capture_output=True, text=True).stdout.strip()

    def open_language_menu(menu, submenu, languages):
        """Clicks the menu, points at its Language submenu; returns where Language is and where English
        is in the submenu."""
        x, y = find_word(display, work, languages, menu, menu_bar)
        display.xdo("mousemove", x, y, "click", "1")
        sx, sy = find_word(display, work, languages, submenu, (0, 20, 600, display.height - 20))
        display.xdo("mousemove", sx, sy)
        return sx, sy, find_word(display, work, "eng", "English", (sx + 40, 20, 600, display.height - 20))

    def choose_chinese():
        # 中文 is the item under English (the reader takes Chinese a character at a time, so the
        # item is found by its neighbour): one row below. A submenu opens with its first row ("As the
        # system") level with the item that opened it, so a row is English's height over Language's.
        sx, sy, (ex, ey) = open_language_menu("View", "Language", "eng")
        display.xdo("mousemove", ex, ey + (ey - sy), "click", "1")

    def choose_english():
        _, _, (ex, ey) = open_language_menu("视", "语", "chi_sim")
        display.xdo("mousemove", ex, ey, "click", "1")

    try:
        proc, wid = display.open_window([BIN, "open", board], env, os.path.join(work, "program.log"))
        display.focus(wid)
        wait_for("the wall", lambda: len(find_boxes(display.pixels(), display.width, display.height, QUADRANT_FILLS)) == 4)

        def to_chinese():
            choose_chinese()
            find_word(display, work, "chi_sim", "视", menu_bar)  # the menu bar in Chinese, at once
            wait_for("the setting saved", lambda: setting() == "zh")
            if proc.poll() is not None:
                raise Failure("the program ended")
        check("View > Language > 中文: the menus turn Chinese at once and the setting is zh", to_chinese)

        def to_english():
            choose_english()
            find_word(display, work, "eng", "View", menu_bar)
            wait_for("the setting saved", lambda: setting() == "en")
        check("视图 > 语言 > English: back to English", to_english)

        def board_unchanged():
            stop(proc)
            after = board_json(BIN, board)
            if after["notes"] != before["notes"] or after["board"] != before["board"]:
                raise Failure("the board changed")
        check("the board is not changed by switching languages", board_unchanged)
    except Exception as e:
        check.fail("setup", e)
    finally:
        stop(proc)
        display.close()
    check.report()


if __name__ == "__main__":
    main()
