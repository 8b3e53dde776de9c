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
        x, y = display.find_word(work, menu, languages, menu_bar)
        display.xdo("mousemove", x, y, "click", "1")
        sx, sy = display.find_word(work, submenu, languages, (0, 20, 600, display.height - 20))
        display.xdo("mousemove", sx, sy)
        return sx, sy, display.find_word(work, "English", "eng", (sx + 40, 20, 600, display.height - 20))

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
            display.find_word(work, "视", "chi_sim", menu_bar)  # the menu bar in Chinese, at once
            wait_for("the setting saved", lambda: setting() == "zh")
            if proc.poll() is not None:
                raise Failure("the program ended")
        check("View > Language > 中文: the menus turn Chinese at once and the setting is zh", to_chinese)

        def to_english():
            choose_english()
            display.find_word(work, "View", "eng", menu_bar)
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
