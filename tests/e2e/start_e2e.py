#!/usr/bin/env python3
"""End to end: the start screen and the built-in file chooser (issue 14), one case per run, in the
real window under Xvfb driven with xdotool, checked in the files the program wrote.

  sample    no board: Open the sample board opens a fresh copy in the person's data folder (the
            shipped board is left as it was), and a second press makes another copy
  newboard  a template on the start screen, a title, Choose where… and the chooser by keyboard
            (Down onto a folder, Enter into it, Enter to save), Create: the board file is there
            with its title and the template's quadrants
  recent    boards opened before are listed newest first; a click opens one; Open board… and the
            chooser by keyboard (typing narrows, Enter opens); a board that is gone does not open
  emptyhint an empty board says how to add the first note, just above the middle of the wall; the hint is
            gone once a note is there (added by a double-click on the wall)
  portal    with a session bus and the desktop portal (xdg-desktop-portal and its GTK backend,
            started by the bus as in a desktop session): Open board… shows the desktop's own chooser (a window of its own); a
            path typed there (Ctrl+L) opens the board. Skipped (77) where the portal is not installed
  shots     the start screen and the chooser at 1920x1080, 1024x700 and 800x600, in English and
            Chinese (written to $CC_SHOTS_DIR, else the test's folder): everything inside the window
usage: start_e2e.py CUSTOMER_CANVAS_BINARY CASE"""

import glob
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import QUADRANT_FILLS, Checks, Display, Failure, board_json, find_boxes, stop, wait_for

BIN, CASE = sys.argv[1], sys.argv[2]
SAMPLE_TITLE = "零售银行客户画布 Retail Banking Customer Canvas 2026"
# Where things are at scale 1 (read off screenshots of the 1400x900 window): the start screen's
# buttons, its template previews and its first recent board; the New board dialog's Choose where…
# and Create.
OPEN_BOARD = (42, 118)
OPEN_SAMPLE = (201, 118)
TEMPLATE_EMPATHY = (446, 240)
FIRST_RECENT = (200, 384)
SECOND_RECENT = (200, 432)
NEW_CHOOSE_WHERE = (352, 554)
NEW_CREATE = (352, 606)
# The chooser (900x600 in the middle of the window): a point of its places list (white, outside
# the New board dialog) and of its first entry (blue when selected).
CHOOSER_PLACES = (300, 600)
CHOOSER_FIRST_ROW = (700, 250)


def cli(*args):
    return subprocess.run([BIN, *args], capture_output=True, check=True, timeout=30).stdout.decode().strip()


class Person:
    """A person's own folders: home, settings and data, all inside the test's folder."""

    def __init__(self, work):
        self.home = os.path.join(work, "home")
        self.config = os.path.join(self.home, ".config")
        self.data = os.path.join(self.home, ".local", "share")
        os.makedirs(self.home, exist_ok=True)

    def env(self, display, **more):
        # CC_FILE_CHOOSER: the built-in chooser even where a desktop portal runs.
        return dict(display.env, HOME=self.home, XDG_CONFIG_HOME=self.config, XDG_DATA_HOME=self.data,
                    CC_FILE_CHOOSER="builtin", **more)

    def settings(self):
        path = os.path.join(self.config, "customer-canvas", "settings.ini")
        return dict(l.split("=", 1) for l in open(path, encoding="utf-8").read().splitlines() if "=" in l and not l.startswith("#"))


class Window:
    def __init__(self, work, display, env, args=()):
        self.work, self.display = work, display
        self.proc, self.wid = display.open_window([BIN, *args], env, os.path.join(work, "program.log"))
        display.focus(self.wid)

    def click(self, x, y):
        self.display.xdo("mousemove", x, y, "click", "1")

    def key(self, *keys):
        for k in keys:
            self.display.xdo("key", "--clearmodifiers", k)

    def title(self):
        return self.display.run("xdotool", "getwindowname", str(self.wid), check=False).stdout.decode().strip()

    def wall(self):
        """Waits for the wall: the four quadrants, each taller than the start screen's previews."""
        def big(boxes):
            return boxes if len(boxes) == 4 and all(b[3] - b[1] > 150 for b in boxes.values()) else None
        return wait_for("the four quadrants on the screen",
                        lambda: big(find_boxes(self.display.pixels(), self.display.width, self.display.height, QUADRANT_FILLS)))

    def start_screen(self):
        """Waits for the start screen: its Open board… button (blue), and no board in the title."""
        def up():
            return self.title() == "Customer Canvas" and bluish_at(self.display, *open_board_at(self.display))
        wait_for("the start screen", up)

    def press_until(self, what, point, condition, timeout=20):
        """Clicks until the condition holds (the first clicks may land before a frame is drawn)."""
        def pressed():
            self.alive()
            if condition():
                return True
            self.click(*point)
            return wait_for(what, condition, timeout=1.5)
        def attempt():
            try:
                return pressed()
            except Failure:
                return False
        wait_for(what, attempt, timeout=timeout, interval=0.2)

    def alive(self):
        if self.proc.poll() is not None:
            log = open(os.path.join(self.work, "program.log")).read()[-600:]
            raise Failure(f"the program ended ({self.proc.returncode}): {log}")

    def close(self):
        stop(self.proc)


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def light_at(display, x, y):
    return min(display.pixel(x, y)) >= 248


def bluish_at(display, x, y):
    r, g, b = display.pixel(x, y)
    return b > r + 30


def open_board_at(display):
    """The left edge of the Open board… button (its padding, blue in every language): the start
    screen's margin is 4 % of the window's width, at most 40 px."""
    return min(40, int(display.width * 0.04)) + 2, OPEN_BOARD[1]


def chooser_up(display):
    return light_at(display, *CHOOSER_PLACES)


def main():
    work = tempfile.mkdtemp(prefix="cc-start-")
    person = Person(work)
    display = Display(*((1920, 1080) if CASE == "shots" else (1400, 900)))
    check = Checks(work, display)
    w = None
    bus_pids = []
    try:
        if CASE == "sample":
            shipped = os.path.join(os.path.dirname(os.path.abspath(BIN)), "sample.ccboard")
            before = sha(shipped)

            def opens_a_fresh_copy():
                nonlocal w
                w = Window(work, display, person.env(display))
                w.start_screen()
                copies = lambda: glob.glob(os.path.join(person.data, "customer-canvas", "*.ccboard"))
                w.press_until("the sample board open", OPEN_SAMPLE, lambda: SAMPLE_TITLE in w.title())
                w.wall()
                found = copies()
                if len(found) != 1:
                    raise Failure(f"expected one copy of the sample, found {found}")
                board = board_json(BIN, found[0])
                if board["board"]["title"] != SAMPLE_TITLE or len(board["notes"]) != 50:
                    raise Failure(f"the copy is not the sample board: {board['board']['title']}, {len(board['notes'])} notes")
                if person.settings().get("recent_1_path") != found[0]:
                    raise Failure(f"the copy is not the first recent board: {person.settings()}")
                # The copy is the person's: the command line can add to it.
                cli("add", found[0], "--text", "mine", "--quadrant", "1")
                w.close()
                if sha(shipped) != before:
                    raise Failure("the shipped sample board changed")
                # Again: another fresh copy, the first one kept as the person left it.
                w = Window(work, display, person.env(display))
                w.start_screen()
                w.press_until("the second copy open", OPEN_SAMPLE, lambda: len(copies()) == 2 and SAMPLE_TITLE in w.title())
                fresh = [c for c in copies() if c != found[0]][0]
                if len(board_json(BIN, fresh)["notes"]) != 50 or len(board_json(BIN, found[0])["notes"]) != 51:
                    raise Failure("the second copy is not fresh, or the first was overwritten")
            check("Open the sample board: a fresh copy of its own each time, the shipped board untouched", opens_a_fresh_copy)
        elif CASE == "newboard":
            os.makedirs(os.path.join(person.home, "boards", "2026"))
            made = os.path.join(person.home, "boards", "Quarterly review.ccboard")

            def new_board_by_chooser():
                nonlocal w
                w = Window(work, display, person.env(display))
                w.start_screen()
                # The Empathy map preview: the New board dialog with its title field focused.
                w.press_until("the New board dialog", TEMPLATE_EMPATHY, lambda: bluish_at(display, *NEW_CREATE))
                display.xdo("type", "--delay", "30", "Quarterly review")
                w.press_until("the chooser", NEW_CHOOSE_WHERE, lambda: chooser_up(display))
                # The keyboard: Down onto boards/ (the first entry), Enter into it, Enter saves.
                w.key("Down")
                wait_for("boards/ selected", lambda: bluish_at(display, *CHOOSER_FIRST_ROW))
                w.key("Return")
                wait_for("the chooser in boards/ (nothing selected)", lambda: not bluish_at(display, *CHOOSER_FIRST_ROW))
                w.key("Return")
                wait_for("the chooser closed", lambda: not chooser_up(display))
                w.press_until("the new board file", NEW_CREATE, lambda: os.path.exists(made))
                board = wait_for("the board readable", lambda: board_json(BIN, made))
                if board["board"]["title"] != "Quarterly review":
                    raise Failure(f"title {board['board']['title']!r}")
                if board["board"]["template"] != "empathy":
                    raise Failure(f"not the empathy map: {board['board']['template']}")
                wait_for("the new board in the window", lambda: "Quarterly review" in w.title())
            check("New board from a template, its place chosen with the keyboard in the chooser", new_board_by_chooser)
        elif CASE == "recent":
            folder = os.path.join(work, "boards")
            os.makedirs(folder)
            a, b, gone = (os.path.join(folder, n) for n in ("alpha.ccboard", "beta.ccboard", "gone.ccboard"))
            cli("new", a, "--title", "Alpha 甲")
            cli("new", b, "--title", "Beta 乙")
            cli("new", gone, "--title", "Gone")

            def opened(path, title):
                nonlocal w
                w = Window(work, display, person.env(display), ["open", path])
                wait_for(f"{title} open", lambda: title in w.title())
                w.close()

            def listed_newest_first_and_opened_by_a_click():
                nonlocal w
                for path, title in ((gone, "Gone"), (a, "Alpha"), (b, "Beta")):
                    opened(path, title)
                s = person.settings()
                if [s.get(f"recent_{i}_path") for i in (1, 2, 3)] != [b, a, gone] or s.get("recent_1_title") != "Beta 乙":
                    raise Failure(f"recent boards: {s}")
                w = Window(work, display, person.env(display))
                w.start_screen()
                w.press_until("the second recent board (Alpha) open", SECOND_RECENT, lambda: "Alpha" in w.title())
                wait_for("Alpha first in the recent boards now",
                         lambda: [person.settings().get(f"recent_{i}_path") for i in (1, 2, 3)] == [a, b, gone])
                w.close()
            check("recent boards: newest first, with titles, and a click opens one", listed_newest_first_and_opened_by_a_click)

            def chooser_by_keyboard():
                nonlocal w
                w = Window(work, display, person.env(display))
                w.start_screen()
                # Open board…: the chooser starts in the folder of the latest board; typing "bet"
                # leaves beta.ccboard, selected; Enter opens it.
                w.press_until("the chooser", OPEN_BOARD, lambda: chooser_up(display))
                display.xdo("type", "--delay", "40", "bet")
                w.key("Return")
                wait_for("Beta open from the chooser", lambda: "Beta" in w.title())
                w.close()
            check("Open board…: typing narrows the chooser, Enter opens the board", chooser_by_keyboard)

            def gone_board_not_opened():
                nonlocal w
                os.remove(gone)
                w = Window(work, display, person.env(display))
                w.start_screen()
                # Gone is third in the list now, greyed: a click does nothing.
                w.click(200, 480)
                w.press_until("the first recent board open", FIRST_RECENT, lambda: "—" in w.title())
                if "Gone" in w.title() or os.path.exists(gone):
                    raise Failure("the board that is gone was opened or made again")
            check("a recent board that is gone is shown greyed and does not open", gone_board_not_opened)
        elif CASE == "emptyhint":
            board = os.path.join(work, "empty.ccboard")
            cli("new", board, "--title", "Empty")

            def hint_then_gone():
                nonlocal w
                w = Window(work, display, person.env(display), ["open", board])
                boxes = w.wall()
                cx, cy = boxes[1][2], boxes[1][3]  # where the four quadrants meet
                fills = {bytes(c) for c in QUADRANT_FILLS.values()}

                def unlike_the_wall():
                    # Pixels around the middle that are neither a quadrant's fill nor a border line.
                    raw, n = display.pixels(), 0
                    for y in range(cy - 60, cy - 40):
                        for x in range(cx - 150, cx + 150):
                            if abs(x - cx) > 3:
                                at = (y * display.width + x) * 3
                                n += raw[at:at + 3] not in fills
                    return n
                wait_for("the hint in the middle of the empty wall", lambda: unlike_the_wall() > 4000)
                # A double-click far from the middle adds a note; typing and Escape keep it.
                x, y = boxes[1][0] + 60, boxes[1][1] + 60
                display.xdo("mousemove", x, y, "click", "--repeat", "2", "--delay", "80", "1")
                display.xdo("type", "--delay", "30", "first")
                w.key("Escape")
                wait_for("the note in the board", lambda: len(board_json(BIN, board)["notes"]) == 1)
                wait_for("the hint gone", lambda: unlike_the_wall() < 300)
            check("an empty wall says how to add the first note, and stops once there is one", hint_then_gone)
        elif CASE == "portal":
            if not shutil.which("dbus-daemon") or not os.path.exists("/usr/libexec/xdg-desktop-portal"):
                print("skipped: no dbus-daemon or xdg-desktop-portal here")
                sys.exit(77)
            board = os.path.join(work, "portal.ccboard")
            cli("new", board, "--title", "Through the portal 门户")

            def desktop_chooser_opens_the_board():
                nonlocal w
                env = person.env(display)
                env.pop("CC_FILE_CHOOSER")
                env.pop("DBUS_SESSION_BUS_ADDRESS", None)
                # A session bus of the test's own, as a desktop session has; the portal is started
                # by it when the program first asks. Stopped at the end, and the portal with it.
                started = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
                                         env=env, capture_output=True, check=True, timeout=30).stdout.decode().split()
                bus_pids.append(int(started[1]))
                env["DBUS_SESSION_BUS_ADDRESS"] = started[0]
                w = Window(work, display, env)
                w.start_screen()

                def portal_window():
                    found = display.run("xdotool", "search", "--name", "^Open a board$", check=False).stdout.decode().split()
                    return found[0] if found else None

                def pressed():
                    w.alive()
                    if portal_window():
                        return True
                    w.click(*open_board_at(display))
                    try:
                        return wait_for("the desktop's chooser", portal_window, timeout=10)
                    except Failure:
                        return False
                wait_for("the desktop's chooser window", pressed, timeout=60, interval=0.5)
                chooser = portal_window()

                def chosen():
                    # GTK's location field (Ctrl+L) takes the path; a busy machine may drop the
                    # first keys while it appears, or its completion take the Return: until the
                    # chooser is gone, the whole path is typed again and Select (bottom right) pressed.
                    if not portal_window():
                        return True
                    display.focus(chooser)
                    w.key("ctrl+l", "ctrl+a")
                    display.xdo("type", "--delay", "20", board)
                    w.key("Return")
                    if portal_window():
                        geo = dict(l.split("=") for l in display.run("xdotool", "getwindowgeometry", "--shell", chooser)
                                   .stdout.decode().split() if "=" in l)
                        display.xdo("mousemove", int(geo["X"]) + int(geo["WIDTH"]) - 40, int(geo["Y"]) + int(geo["HEIGHT"]) - 25,
                                    "click", "1")
                    return False
                wait_for("the desktop's chooser closed", chosen, timeout=90, interval=1.0)
                wait_for("the board open from the desktop's chooser", lambda: "Through the portal" in w.title(), timeout=30)
            check("Open board… with a desktop portal: the desktop's chooser, and the board it chose opens",
                  desktop_chooser_opens_the_board)
        elif CASE == "shots":
            shots = os.environ.get("CC_SHOTS_DIR") or os.path.join(work, "shots")
            os.makedirs(shots, exist_ok=True)
            folder = os.path.join(person.home, "Workshops")
            os.makedirs(folder)
            # Two boards opened lately (written as the program keeps them) for the list.
            recent = [(os.path.join(folder, "retail-2026.ccboard"), "零售银行客户画布 Retail Banking 2026"),
                      (os.path.join(folder, "onboarding.ccboard"), "Onboarding journey 开户旅程")]
            lines = []
            for i, (path, title) in enumerate(recent):
                cli("new", path, "--title", title)
                lines += [f"recent_{i + 1}_path={path}", f"recent_{i + 1}_title={title}", f"recent_{i + 1}_opened={1796200000000 - i * 86400000}"]
            os.makedirs(os.path.join(person.config, "customer-canvas"))
            display.close()
            for width, height in ((1920, 1080), (1024, 700), (800, 600)):
                for lang in ("en", "zh"):
                    with open(os.path.join(person.config, "customer-canvas", "settings.ini"), "w") as f:
                        f.write("\n".join(lines + [f"language={lang}"]) + "\n")

                    def start_and_chooser():
                        nonlocal w, display
                        display = Display(width, height)
                        check.display = display
                        try:
                            w = Window(work, display, person.env(display))
                            display.xdo("windowsize", w.wid, width, height)
                            w.start_screen()
                            display.run("import", "-window", "root", os.path.join(shots, f"start-{width}x{height}-{lang}.png"))
                            # The chooser is inside the window: its places list a little in from its left edge.
                            cw = min(900, width - 24)
                            places = ((width - cw) // 2 + 20, height // 2)
                            w.press_until("the chooser", open_board_at(display), lambda: light_at(display, *places))
                            display.run("import", "-window", "root", os.path.join(shots, f"chooser-{width}x{height}-{lang}.png"))
                            w.key("Escape")
                            w.start_screen()
                        finally:
                            if w:
                                w.close()
                                w = None
                            display.close()
                    check(f"start screen and chooser at {width}x{height} in {lang}", start_and_chooser)
            print(f"screenshots in {shots}")
        else:
            raise Failure(f"unknown case {CASE}")
    except Failure as e:
        check.fail(CASE, e)
    finally:
        if w:
            w.close()
        for pid in bus_pids:
            os.kill(pid, signal.SIGTERM)
        display.close()
    check.report()


if __name__ == "__main__":
    main()
