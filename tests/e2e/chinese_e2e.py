#!/usr/bin/env python3
"""The window in Chinese: with `config language zh` (on a machine with no zh_CN locale generated),
screenshots of the whole window (--window) at 1600x1000 and 1024x700 show the wall with Chinese
menus and status bar. Where
tesseract with chi_sim is installed, OCR of the menu bar and the status bar finds no English
interface word in Chinese, while the same strips in English do show them (so the reading works).
usage: chinese_e2e.py CUSTOMER_CANVAS_BINARY SAMPLE_BOARD_SCRIPT [FOLDER_TO_KEEP_THE_PICTURES]"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import QUADRANT_FILLS, Checks, Display, decode_png, find_boxes

BIN, SAMPLE = sys.argv[1], sys.argv[2]
KEEP = sys.argv[3] if len(sys.argv) > 3 else None

# Words of the interface (menus, status bar) that must not show in Chinese.
ENGLISH_WORDS = ["File", "Edit", "View", "Help", "saved", "zoom", "tray", "corroborated", "contested", "notes", "links"]


def main():
    work = tempfile.mkdtemp(prefix="cc-zh-")
    display = Display(1600, 1000)
    check = Checks(work)
    env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config"), LANG="C.UTF-8", LC_ALL="", LANGUAGE="")
    pictures = {}

    def shoot(language, size):
        subprocess.run([BIN, "config", "language", language], env=env, check=True, capture_output=True)
        out = os.path.join(work, f"{language}-{size}.png")
        r = subprocess.run([BIN, "screenshot", sample, "--out", out, "--size", size, "--window"], env=env, capture_output=True,
                           timeout=120)
        if r.returncode != 0:
            raise AssertionError(f"screenshot failed: {r.stderr.decode()}")
        if KEEP:
            os.makedirs(KEEP, exist_ok=True)
            shutil.copy(out, KEEP)
        pictures[(language, size)] = out
        return out

    ocr = shutil.which("tesseract") is not None and "chi_sim" in subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True).stdout

    def strips_text(png, languages):
        """OCR of the menu bar and the status bar, enlarged for the reader."""
        raw, w, h = decode_png(png)
        text = ""
        for name, geometry in (("menu", f"{w}x34+0+0"), ("status", f"{w}x40+0+{h - 40}")):
            strip = os.path.join(work, f"{os.path.basename(png)}-{name}.png")
            subprocess.run(["convert", png, "-crop", geometry, "+repage", "-resize", "300%", strip], check=True)
            text += subprocess.run(["tesseract", strip, "-", "-l", languages, "--psm", "6"], capture_output=True,
                                   text=True).stdout
        return text

    try:
        sample = os.path.join(work, "sample.ccboard")
        subprocess.run(["bash", SAMPLE, BIN, sample], check=True, capture_output=True, timeout=120)

        for size in ("1600x1000", "1024x700"):
            def chinese_picture(size=size):
                raw, w, h = decode_png(shoot("zh", size))
                if f"{w}x{h}" != size:
                    raise AssertionError(f"picture is {w}x{h}")
                if len(find_boxes(raw, w, h, QUADRANT_FILLS)) != 4:
                    raise AssertionError("the wall's four quadrants are not all in the picture")
            check(f"the window in Chinese at {size} shows the wall", chinese_picture)

            if not ocr:
                print(f"skip OCR at {size}: tesseract with chi_sim is not installed")
                continue

            def no_english(size=size):
                english = strips_text(shoot("en", size), "eng")
                seen_in_english = [w for w in ENGLISH_WORDS if re.search(rf"\b{w}\b", english)]
                if len(seen_in_english) < 3:
                    raise AssertionError(f"OCR does not read the English interface either: {english!r}")
                chinese = strips_text(pictures[("zh", size)], "chi_sim+eng")
                left = [w for w in ENGLISH_WORDS if re.search(rf"\b{w}\b", chinese)]
                if left:
                    raise AssertionError(f"English interface words in Chinese: {left} in {chinese!r}")
                compact = re.sub(r"\s+", "", chinese)
                found = [w for w in ("文件", "编辑", "视图", "帮助", "已保存", "缩放") if w in compact]
                if len(found) < 3:
                    raise AssertionError(f"few Chinese menu or status words read: {found} in {chinese!r}")
            check(f"OCR at {size}: no English menu or status word in Chinese, Chinese ones instead", no_english)
    finally:
        display.close()
    check.report()


main()
