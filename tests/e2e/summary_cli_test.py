#!/usr/bin/env python3
"""The monthly summary through the command line, on a board whose months are known: notes are
added and changed under faketime, then every format is exported and its content checked.
usage: summary_cli_test.py CUSTOMER_CANVAS_BINARY"""

import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Checks

BIN = sys.argv[1]
HOSTILE = '<script>alert(1)</script> & "quotes"'


def at(when, *args, check=True):
    """Runs the program with the system clock set to `when` (faketime)."""
    r = subprocess.run(["faketime", when, BIN, *args], capture_output=True, timeout=120)
    if check and r.returncode != 0:
        raise AssertionError(f"{args[0]} failed: {r.stderr.decode()}")
    return r.stdout.decode().strip()


def main():
    work = tempfile.mkdtemp(prefix="cc-summary-")
    board = os.path.join(work, "bank.ccboard")
    check = Checks(work)


    # August: the board. September: two notes and a contradiction. October: two more, a support
    # link, an edit, a move and a deletion.
    at("2026-08-20 10:00:00", "new", board, "--title", "零售银行 Retail bank")
    s1 = at("2026-09-03 10:00:00", "add", board, "--text", "App 满意度 81%\n年度调查", "--source", "survey",
            "--quadrant", "3", "--date", "2026-09-01", "--votes", "2")
    m1 = at("2026-09-04 10:00:00", "add", board, "--text", "Mystery shoppers: 4 of 10 transfers fail", "--source",
            "mystery_shopping", "--quadrant", "2", "--date", "2026-09-02")
    gone = at("2026-09-05 10:00:00", "add", board, "--text", "Branch leaflet test", "--source", "events",
              "--quadrant", "4", "--date", "2026-09-05")
    at("2026-09-06 10:00:00", "link", board, s1, m1, "--kind", "conflicts", "--label", "survey vs observation")
    c1 = at("2026-10-05 10:00:00", "add", board, "--text", "十月转账投诉环比增长 48%", "--source", "complaint",
            "--quadrant", "2", "--date", "2026-10-04", "--votes", "5")
    h1 = at("2026-10-06 10:00:00", "add", board, "--text", HOSTILE, "--source", "focus_group", "--quadrant", "3",
            "--date", "2026-10-05")
    at("2026-10-07 10:00:00", "link", board, c1, m1, "--kind", "supports")
    at("2026-10-07 11:00:00", "link", board, h1, m1, "--kind", "supports")
    at("2026-10-08 10:00:00", "edit", board, s1, "--votes", "4")
    at("2026-10-09 10:00:00", "edit", board, s1, "--quadrant", "4")
    at("2026-10-10 10:00:00", "delete", board, gone)

    def export(fmt, lang="en", month="2026-10"):
        out = os.path.join(work, f"summary-{month}-{lang}.{fmt}")
        at("2026-11-02 09:00:00", "summary", board, "--month", month, "--out", out, "--lang", lang)
        return out

    def json_figures():
        data = json.load(open(export("json"), encoding="utf-8"))
        text = json.dumps(data, ensure_ascii=False)
        # The figures are somewhere in the document; look them up by their meaning.
        def find(key):
            stack = [data]
            while stack:
                d = stack.pop()
                if isinstance(d, dict):
                    if key in d:
                        return d[key]
                    stack.extend(d.values())
                elif isinstance(d, list):
                    stack.extend(d)
            raise AssertionError(f"no '{key}' in the JSON")
        on_wall = find("notesOnWall")
        value = on_wall["value"] if isinstance(on_wall, dict) else on_wall
        if value != 4:
            raise AssertionError(f"notes on the wall: {on_wall}")
        if isinstance(on_wall, dict) and on_wall.get("previous") != 3:
            raise AssertionError(f"notes on the wall at the end of September: {on_wall}")
        for needle in ["十月转账投诉环比增长 48%", "2026-10"]:
            if needle not in text:
                raise AssertionError(f"'{needle}' missing from the JSON")

    check("JSON: the figures of October against September", json_figures)

    def csv_appendix():
        raw = open(export("csv"), "rb").read()
        if not raw.startswith(b"\xef\xbb\xbf"):
            raise AssertionError("no byte-order mark")
        rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
        header, body = rows[0], rows[1:]
        texts = [" ".join(r) for r in body]
        # October's new and changed notes: c1, h1 (new), s1 (changed): three rows.
        if len(body) != 3:
            raise AssertionError(f"{len(body)} rows: {body}")
        if not any("十月转账投诉环比增长 48%" in t for t in texts) or not any(HOSTILE in t for t in texts):
            raise AssertionError(f"rows: {texts}")

    check("CSV: the appendix rows, with a BOM and proper quoting", csv_appendix)

    def html_escaped():
        html = open(export("html"), encoding="utf-8").read()
        if "<script" in html.lower():
            raise AssertionError("a <script> in the HTML")
        if "&lt;script&gt;alert(1)&lt;/script&gt;" not in html:
            raise AssertionError("the hostile note is not shown escaped")
        if re.search(r'(src|href)\s*=\s*"(https?:)?//', html):
            raise AssertionError("the HTML refers to something outside itself")
        if "十月转账投诉环比增长 48%" not in html:
            raise AssertionError("Chinese note text missing")

    check("HTML: self-contained, hostile text escaped", html_escaped)

    def pdf_text():
        pdf = export("pdf")
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, check=True).stdout.decode()
        for needle in ["零售银行 Retail bank", "2026-10", "十月转账投诉环比增长 48%"]:
            if needle not in text:
                raise AssertionError(f"'{needle}' not in the PDF's text")
        fonts = subprocess.run(["pdffonts", pdf], capture_output=True, check=True).stdout.decode()
        # Columns from the right: emb sub uni object-number generation.
        embedded = [line.split()[-5] for line in fonts.splitlines()[2:] if len(line.split()) >= 5]
        if not embedded or "no" in embedded:
            raise AssertionError(f"fonts not embedded:\n{fonts}")

    check("PDF: the board, the month and Chinese note text, fonts embedded", pdf_text)

    def chinese_headings():
        md = open(export("md", "zh"), encoding="utf-8").read()
        if not re.search(r"[\u4e00-\u9fff]", "".join(l for l in md.splitlines() if l.startswith("#"))):
            raise AssertionError("no Chinese headings with --lang zh")

    check("--lang zh: Chinese headings", chinese_headings)

    def empty_month():
        out = export("md", month="2026-03")
        if os.path.getsize(out) == 0:
            raise AssertionError("empty file for a month with no data")

    check("a month with no data: a short summary, not an error", empty_month)

    def bad_input():
        r = subprocess.run([BIN, "summary", board, "--month", "2026-13", "--out", os.path.join(work, "x.pdf")],
                           capture_output=True)
        if r.returncode != 1 or len(r.stderr.decode().strip().splitlines()) != 1:
            raise AssertionError(f"bad month: status {r.returncode}, {r.stderr.decode()}")
        r = subprocess.run([BIN, "summary", board, "--month", "2026-10", "--out", os.path.join(work, "no", "x.pdf")],
                           capture_output=True)
        if r.returncode != 1 or "no such folder" not in r.stderr.decode():
            raise AssertionError(f"unwritable path: status {r.returncode}, {r.stderr.decode()}")
        leftovers = [f for f in os.listdir(work) if ".tmp" in f or f == "x.pdf"]
        if leftovers:
            raise AssertionError(f"partial files left: {leftovers}")

    check("a wrong month or an unwritable path: one error line, no partial file", bad_input)
    check.report()


main()
