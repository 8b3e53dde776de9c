#!/usr/bin/env python3
"""End to end: the paths a workshop uses most (issue 14, "Broken today"), one per run, in the real
window under Xvfb driven with xdotool, checked in the board file (or the files written) afterwards.

  summary    File > Export monthly summary…, Export: the program lives and writes the PDF
  inspector  typing in the inspector's Text, Tags and Segment is saved when another note or the
             wall is clicked
  rare       typing in a note holding characters beyond U+FFFF (𠀀, 😀) keeps them, in the board
             and in the summary and backup
  follow     a note typed on the wall shows its text in the inspector at once, and typing there
             edits that text, not an empty buffer
  newboard   the start screen's New board dialog follows the mouse: a click on a template, a click
             in the title field, typing, a click on Create (the board goes into the home folder)
  noarg      no argument: the start screen, not the board from last time; screenshot does not
             make a board "last"
  refit      the wall is fitted again when the window grows and when the filters open, until the
             person moves the camera
usage: workshop_e2e.py CUSTOMER_CANVAS_BINARY CASE"""

import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (QUADRANT_FILLS, SELECTION, Checks, Display, Failure, WallMapping, board_json, count_in_box,
                     find_boxes, inspector_field, stop, wait_for)

BIN, CASE = sys.argv[1], sys.argv[2]
# Where things are in the 1400x900 window at scale 1 (read off screenshots): the start
# screen's Open board… button and first template, and the New board dialog's title field and Create button.
START_OPEN_BOARD = (80, 118)
START_TEMPLATE = (169, 240)
NEW_BOARD_TITLE = (600, 311)
NEW_BOARD_CREATE = (352, 606)


def field_value(n, field):
    return ", ".join(n["tags"]) if field == "tags" else n[field]


def cli(*args):
    return subprocess.run([BIN, *args], capture_output=True, check=True, timeout=30).stdout.decode().strip()


def note(board, note_id):
    return next((n for n in board_json(BIN, board)["notes"] if n["id"] == note_id), None)


class Session:
    def __init__(self, work, display, board=None, args=None):
        self.work, self.display = work, display
        self.env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config"), HOME=os.path.join(work, "home"))
        os.makedirs(os.path.join(work, "home"), exist_ok=True)
        args = args if args is not None else ["open", board]
        self.proc, self.wid = display.open_window([BIN, *args], self.env, os.path.join(work, "program.log"))
        display.focus(self.wid)

    def quadrants(self):
        return wait_for("the four quadrants on the screen", lambda: (lambda bx: bx if len(bx) == 4 else None)(
            find_boxes(self.display.pixels(), self.display.width, self.display.height, QUADRANT_FILLS)))

    def alive(self):
        if self.proc.poll() is not None:
            log = open(os.path.join(self.work, "program.log")).read()[-600:]
            raise Failure(f"the program ended ({self.proc.returncode}): {log}")

    def click(self, x, y):
        self.display.xdo("mousemove", x, y, "click", "1")


def selected(display, wall, n):
    box = wall.box(n["x"], n["y"], n["w"], n["h"])
    wait_for("the selection on the screen", lambda: count_in_box(display.pixels(), display.width, box, SELECTION) > 20)


def main():
    work = tempfile.mkdtemp(prefix="cc-workshop-")
    board = os.path.join(work, "workshop.ccboard")
    cli("new", board, "--title", "Workshop")
    a = cli("add", board, "--text", "Survey: transfers are slow", "--source", "survey", "--quadrant", "1")
    b = cli("add", board, "--text", "Branch visit: queues at noon", "--quadrant", "2")
    display = Display()
    check = Checks(work, display)
    s = None
    try:
        if CASE == "summary":
            s = Session(work, display, board)
            s.quadrants()

            def export():
                # The menu, its item and the dialog's button are found by reading the screen.
                s.click(*display.find_word(work, "File", region=(0, 0, 300, 30)))
                s.click(*display.find_word(work, "monthly", region=(0, 20, 400, 400)))

                def export_button():
                    # The dialog's Export button, beside its Close (the menu item says "Export" too).
                    words = display.words(work)
                    found = [(y, x) for w, x, y in words if w == "Export"]
                    up = any(w == "Close" for w, _, _ in words)
                    return (int(max(found)[1]), int(max(found)[0])) if found and up else None
                button = wait_for("the dialog's Export button", export_button, interval=0.3)
                # The dialog suggests a PDF next to the board; Export is pressed until the file
                # is there.

                def written():
                    s.alive()
                    files = [f for f in os.listdir(work) if "-summary-" in f and f.endswith(".pdf")]
                    if not files:
                        s.click(*button)
                    return files
                files = wait_for("the summary file", written, interval=0.5)
                path = os.path.join(work, files[0])
                wait_for("the PDF complete", lambda: open(path, "rb").read(5) == b"%PDF-" and
                         open(path, "rb").read().rstrip().endswith(b"%%EOF"))
                s.alive()
            check("File > Export monthly summary…, Export: the PDF is written and the program lives on", export)
        elif CASE == "inspector":
            s = Session(work, display, board)
            wall = WallMapping(s.quadrants(), board_json(BIN, board)["board"])

            def typed_then_clicked_away(label, words, field, to_wall):
                na, nb = note(board, a), note(board, b)
                s.click(*wall.note_centre(na))
                selected(display, wall, na)
                x, y = inspector_field(display, work, label)
                s.click(x, y)
                display.xdo("key", "--clearmodifiers", "ctrl+a")
                display.xdo("type", "--delay", "30", words)
                # The words are in the field before the click away (so a failure below is the
                # saving's, not the typing's). The text cursor after the last letter reads as a
                # letter, so that letter is not asked for.
                wait_for(f"“{words}” in the {label} field",
                         lambda: words.split()[-1][:-1] in display.reads(work, (display.width - 360, y - 40, 360, 56)), interval=0.3)
                if to_wall:
                    s.click(*wall.screen(-1500, 900))
                else:
                    s.click(*wall.note_centre(nb))
                try:
                    wait_for(f"the {field} saved", lambda: field_value(note(board, a), field) == words)
                except Failure:
                    raise Failure(f"the note's {field} is {field_value(note(board, a), field)!r}, not {words!r}")
                s.alive()
            check("Text typed in the inspector is saved when another note is clicked",
                  lambda: typed_then_clicked_away("Text", "Inspector words", "text", False))
            check("Tags typed in the inspector are saved when the wall is clicked",
                  lambda: typed_then_clicked_away("Tags", "app, pricing", "tags", True))
            check("Segment typed in the inspector is saved when another note is clicked",
                  lambda: typed_then_clicked_away("Segment", "students", "segment", False))
        elif CASE == "rare":
            # 𠀀 and 𪚥 (CJK extension B) and 😀 are beyond U+FFFF, where the window's text fields
            # keep 16-bit characters; the window shows □ for them and keeps them whole.
            rare = "客户\U00020000说\U00026AA5很好\U0001F600"
            c = cli("add", board, "--text", rare, "--tag", "\U0001F600", "--quadrant", "3")
            s = Session(work, display, board)
            wall = WallMapping(s.quadrants(), board_json(BIN, board)["board"])

            def edited_in_the_inspector():
                n = note(board, c)
                s.click(*wall.note_centre(n))
                selected(display, wall, n)
                s.click(*inspector_field(display, work, "Text"))
                display.xdo("key", "--clearmodifiers", "ctrl+End")
                display.xdo("type", "--delay", "30", " more")
                s.click(*inspector_field(display, work, "Tags"))
                # Leaving the text saves it; the tags field has the keyboard once that is done.
                wait_for("the text saved", lambda: note(board, c)["text"].endswith(" more"))
                s.click(*inspector_field(display, work, "Tags"))
                display.xdo("key", "--clearmodifiers", "End")
                display.xdo("type", "--delay", "30", ", app")
                s.click(*wall.screen(-1500, 900))
                wait_for("the typing saved", lambda: note(board, c)["text"].endswith(" more") and
                         "app" in note(board, c)["tags"])
                got = note(board, c)
                if got["text"] != rare + " more" or sorted(got["tags"]) != sorted(["\U0001F600", "app"]):
                    raise Failure(f"the note now says {got['text']!r} with tags {got['tags']!r}")
            check("typing in a note with characters beyond U+FFFF keeps them", edited_in_the_inspector)

            def exports_keep_them():
                month = note(board, c)["date"][:7]
                for kind in ("md", "html", "csv", "json"):
                    out = os.path.join(work, f"summary.{kind}")
                    cli("summary", board, "--month", month, "--out", out)
                    if rare not in open(out, encoding="utf-8").read():
                        raise Failure(f"the {kind} summary lost them")
                out = os.path.join(work, "backup.json")
                cli("export", board, "--out", out)
                if rare.encode("unicode_escape").decode() not in open(out, encoding="utf-8").read() and \
                        rare not in open(out, encoding="utf-8").read():
                    raise Failure("the backup lost them")
            check("the summary and the backup keep them", exports_keep_them)
        elif CASE == "follow":
            s = Session(work, display, board)
            wall = WallMapping(s.quadrants(), board_json(BIN, board)["board"])

            def follow():
                x, y = wall.screen(600, -500)
                display.xdo("mousemove", x, y, "click", "--repeat", "2", "--delay", "60", "1")
                new = wait_for("a new note", lambda: [n for n in board_json(BIN, board)["notes"] if n["id"] not in (a, b)])
                nid = new[0]["id"]
                display.xdo("type", "--delay", "30", "Wall words")
                display.xdo("key", "--clearmodifiers", "Escape")
                wait_for("the note's text saved", lambda: note(board, nid)["text"] == "Wall words")
                # The inspector shows the note as it is now: clicking at the end of its text and
                # typing adds to that text (an empty, stale buffer would replace it).
                s.click(*inspector_field(display, work, "Text"))
                display.xdo("key", "--clearmodifiers", "ctrl+End")
                display.xdo("type", "--delay", "30", " more")
                s.click(*wall.screen(-1500, 900))
                wait_for("the inspector's typing added to the note",
                         lambda: note(board, nid)["text"] == "Wall words more")
            check("a note typed on the wall is in the inspector, and typing there adds to it", follow)
        elif CASE == "newboard":
            s = Session(work, display, args=[])

            def create():
                # A template on the start screen, the title field, Create: all by mouse. The
                # template is pressed until the dialog's Create button is up (blue).
                made = os.path.join(work, "home", "Mouse board.ccboard")

                def dialog_up():
                    s.click(*START_TEMPLATE)
                    return wait_for("the dialog", lambda: (lambda p: p[2] > p[0] + 30)(display.pixel(*NEW_BOARD_CREATE)), timeout=2)
                wait_for("the New board dialog", dialog_up)
                s.click(*NEW_BOARD_TITLE)
                display.xdo("type", "--delay", "30", "Mouse board")
                s.click(*NEW_BOARD_CREATE)
                wait_for("the new board file", lambda: os.path.exists(made) and board_json(BIN, made)["board"]["title"] == "Mouse board")
            check("New board on the start screen, by mouse: title typed, Create pressed", create)
        elif CASE == "noarg":
            def remembered_board_not_reopened():
                first = Session(work, display, board)
                first.quadrants()
                stop(first.proc)
                wait_for("the window gone", lambda: first.proc.poll() is not None)
                again = Session(work, display, args=[])
                try:
                    # The start screen: its Open board… button (the button colour) and no wall.
                    def start_screen():
                        raw = display.pixels()
                        # The start screen's template previews use the quadrant colours too, smaller.
                        if any(b[3] - b[1] > 150 for b in find_boxes(raw, display.width, display.height, QUADRANT_FILLS).values()):
                            raise Failure("a wall is shown, not the start screen")
                        at = (START_OPEN_BOARD[1] * display.width + START_OPEN_BOARD[0]) * 3
                        return raw[at + 2] > raw[at] + 30  # the button's blue, not the grey behind
                    wait_for("the start screen", start_screen)
                finally:
                    stop(again.proc)
            check("no argument: the start screen, not the last board", remembered_board_not_reopened)

            def screenshot_not_last():
                env = dict(display.env, XDG_CONFIG_HOME=os.path.join(work, "config2"))
                subprocess.run([BIN, "screenshot", board, "--out", os.path.join(work, "shot.png")], env=env,
                               check=True, capture_output=True, timeout=60)
                settings = os.path.join(work, "config2")
                kept = "".join(open(os.path.join(r, f)).read() for r, _, fs in os.walk(settings) for f in fs)
                if "last_board" in kept or "recent_" in kept:
                    raise Failure(f"screenshot remembered the board: {kept!r}")
            check("screenshot does not change which board is last", screenshot_not_last)
        elif CASE == "refit":
            s = Session(work, display, board)

            def filters_open():
                s.quadrants()
                display.xdo("key", "--clearmodifiers", "ctrl+f")

                def refitted():
                    q = find_boxes(display.pixels(), display.width, display.height, QUADRANT_FILLS)
                    # The filters take the left 320 pixels and the inspector the right 340: the
                    # whole wall is seen between them, not cut off by them.
                    return q if len(q) == 4 and q[1][0] > 324 and q[4][2] < display.width - 344 else None
                wait_for("the wall fitted beside the filters", refitted)
            check("the wall is fitted again when the filters open", filters_open)

            def resized():
                display.xdo("windowsize", s.wid, 1000, 700)

                def refitted():
                    q = find_boxes(display.pixels(), display.width, display.height, QUADRANT_FILLS)
                    # Both panels give way on a smaller window: each at most 30 % of it (300
                    # pixels), the inspector's edge strip 12 more.
                    return q if len(q) == 4 and q[4][3] < 700 and q[4][2] < 1000 - 312 else None
                wait_for("the wall fitted to the smaller window", refitted)
            check("the wall is fitted again when the window is made smaller", resized)

            def kept_zoom():
                # Once the person zooms, a change of size keeps their zoom. (A click on the wall
                # takes the keyboard from the search field first.)
                wall = WallMapping(s.quadrants(), board_json(BIN, board)["board"])
                s.click(500, 400)
                display.xdo("key", "--clearmodifiers", "ctrl+minus")
                zoomed = wait_for("the zoom", lambda: (lambda q: q if len(q) == 4 and WallMapping(
                    q, board_json(BIN, board)["board"]).k < wall.k * 0.9 else None)(
                    find_boxes(display.pixels(), display.width, display.height, QUADRANT_FILLS)))
                k = WallMapping(zoomed, board_json(BIN, board)["board"]).k
                display.xdo("windowsize", s.wid, 1400, 900)
                wait_for("the window larger", lambda: "WIDTH=1400" in display.xdo("getwindowgeometry", "--shell", s.wid))
                wait_for("the wall redrawn", lambda: len(find_boxes(display.pixels(), display.width, display.height,
                                                                    QUADRANT_FILLS)) == 4)
                after = WallMapping(s.quadrants(), board_json(BIN, board)["board"]).k
                if abs(after - k) > k * 0.03:
                    raise Failure(f"the zoom changed from {k:.4f} to {after:.4f}")
            check("a zoom the person chose is kept when the window changes size", kept_zoom)
        else:
            raise Failure(f"no case {CASE}")
    except Exception as e:
        check.fail("setup", e)
    finally:
        if s:
            stop(s.proc)
        display.close()
    check.report()


main()
