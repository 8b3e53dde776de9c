#!/usr/bin/env python3
"""Chinese typed through a real input method: Xvfb, a session bus of its own and fcitx5 with its
Pinyin engine; the window opened with XMODIFIERS=@im=fcitx (X input method, as GLFW uses it); a
person presses Ctrl+Space, types pinyin with xdotool and commits the first candidate with Space.
Checked in the board file: a note typed on the wall, then the inspector's Text and Tags fields,
hold the Chinese words. Without fcitx5 and its Pinyin engine (scripts/deps.sh installs them) the
test is skipped (exit 77).
usage: fcitx_e2e.py CUSTOMER_CANVAS_BINARY"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (Checks, Display, Failure, WallMapping, board_json, find_boxes, inspector_field, QUADRANT_FILLS,
                     stop, wait_for)

BIN = sys.argv[1]
# The inspector's Text and Tags fields in the 1400x900 window at scale 1 (as in workshop_e2e.py).

# One input method group: the US keyboard and Pinyin, Pinyin the one Ctrl+Space switches to.
PROFILE = """[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
"""
# Addons that would reach the network or a desktop that is not there.
DISABLED = "cloudpinyin,notificationitem,kimpanel,wayland,waylandim,luaaddonloader"


class InputMethod:
    """A session bus and fcitx5 serving the display's X input method."""

    def __init__(self, display, work):
        self.display, self.work = display, work
        config = os.path.join(work, "config")
        os.makedirs(os.path.join(config, "fcitx5"), exist_ok=True)
        with open(os.path.join(config, "fcitx5", "profile"), "w") as f:
            f.write(PROFILE)
        self.bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=display.env)
        address = self.bus.stdout.readline().decode().strip()
        if not address:
            raise Failure("the session bus did not start")
        self.env = dict(display.env, DBUS_SESSION_BUS_ADDRESS=address, XDG_CONFIG_HOME=config,
                        XDG_DATA_HOME=os.path.join(work, "data"), HOME=work)
        self.log = open(os.path.join(work, "fcitx5.log"), "w")
        self.proc = subprocess.Popen(["fcitx5", f"--disable={DISABLED}"], env=self.env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        # Ready when it owns its bus name and has told the X server it serves input (asking the
        # bus whether the name has an owner does not start a second fcitx5 by bus activation).
        wait_for("fcitx5 on the session bus", lambda: self._alive() and "true" in self._bus(
            "org.freedesktop.DBus.NameHasOwner", "string:org.fcitx.Fcitx5"), timeout=30)
        wait_for("fcitx5 serving the X input method", lambda: "@server=fcitx" in display.run(
            "xprop", "-root", "XIM_SERVERS", check=False).stdout.decode() or "fcitx" in display.run(
            "xprop", "-root", check=False).stdout.decode().lower(), timeout=30)

    def _alive(self):
        if self.proc.poll() is not None:
            raise Failure(f"fcitx5 ended: {open(self.log.name).read()[-500:]}")
        return True

    def _bus(self, method, *args):
        return subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                               "/org/freedesktop/DBus", method, *args], env=self.env, capture_output=True,
                              timeout=10).stdout.decode()

    def state(self):
        """fcitx5-remote: 0 closed, 1 inactive (typing goes through as Latin), 2 active (Pinyin)."""
        out = subprocess.run(["fcitx5-remote"], env=self.env, capture_output=True, timeout=10).stdout.decode()
        return int(out.strip() or -1)

    def switch_on(self):
        """Ctrl+Space, as a person switches to Pinyin, until fcitx5 says Pinyin is on for the
        focused field."""
        def on():
            if self.state() != 2:
                self.display.xdo("key", "--clearmodifiers", "ctrl+space")
            return self.state() == 2
        wait_for("Pinyin switched on", on, interval=0.5)

    def candidates_shown(self):
        """fcitx5's own window of candidates ("Fcitx5 Input Window") is on the screen."""
        return bool(self.display.run("xdotool", "search", "--onlyvisible", "--class", "fcitx",
                                     check=False).stdout.split())

    def type_pinyin(self, pinyin):
        """Types the syllables, waits for the candidates as a person looks for them, commits the
        first with Space and waits for the candidates to go (the words are then on their way to
        the window, ahead of any key typed after)."""
        self.display.xdo("type", "--delay", "60", pinyin)
        wait_for(f"the candidates for {pinyin}", self.candidates_shown)
        self.display.xdo("key", "space")
        wait_for("the candidates gone", lambda: not self.candidates_shown())

    def close(self):
        stop(self.proc)
        stop(self.bus)
        self.log.close()


def skip_without_fcitx5():
    missing = [t for t in ("fcitx5", "fcitx5-remote", "dbus-daemon", "dbus-send", "xprop") if not shutil.which(t)]
    if not os.path.exists("/usr/share/fcitx5/inputmethod/pinyin.conf"):
        missing.append("fcitx5-chinese-addons (Pinyin)")
    if missing:
        print(f"skipped: not installed: {', '.join(missing)} (scripts/deps.sh installs them)")
        sys.exit(77)


def main():
    skip_without_fcitx5()
    work = tempfile.mkdtemp(prefix="cc-fcitx-")
    board = os.path.join(work, "pinyin.ccboard")
    subprocess.run([BIN, "new", board, "--title", "Pinyin"], check=True, capture_output=True, timeout=30)
    display = Display()
    check = Checks(work, display)
    im = proc = None
    try:
        im = InputMethod(display, work)
        env = dict(im.env, XMODIFIERS="@im=fcitx", LANG="C.UTF-8", LC_ALL="")
        env.pop("GTK_IM_MODULE", None)
        proc, wid = display.open_window([BIN, "open", board], env, os.path.join(work, "program.log"))
        display.focus(wid)
        wall = WallMapping(wait_for("the four quadrants", lambda: (lambda b: b if len(b) == 4 else None)(
            find_boxes(display.pixels(), display.width, display.height, QUADRANT_FILLS))), board_json(BIN, board)["board"])

        def alive():
            if proc.poll() is not None:
                raise Failure(f"the program ended ({proc.returncode})")

        def notes():
            return board_json(BIN, board)["notes"]

        def on_the_wall():
            x, y = wall.screen(600, -500)
            display.xdo("mousemove", x, y, "click", "--repeat", "2", "--delay", "60", "1")
            new = wait_for("a new note", notes)
            im.switch_on()
            im.type_pinyin("kehu")
            im.type_pinyin("xuqiu")
            display.xdo("key", "--clearmodifiers", "Escape")
            wait_for("the Chinese words in the note", lambda: notes()[0]["text"] == "客户需求")
            alive()
            return new[0]["id"]
        check("pinyin typed on the wall: 客户需求 in the board file", on_the_wall)

        def in_the_inspector(label, pinyin, field, expected):
            n = notes()[0]
            display.xdo("mousemove", *wall.note_centre(n), "click", "1")
            display.xdo("mousemove", *inspector_field(display, work, label), "click", "1")
            display.xdo("key", "--clearmodifiers", "ctrl+End")
            im.switch_on()
            im.type_pinyin(pinyin)
            display.xdo("mousemove", *wall.screen(-1500, 900), "click", "1")  # focus leaves: saved
            wait_for(f"the {field} saved", lambda: expected(notes()[0]))
            alive()
        check("pinyin typed in the inspector's Text: added to the note",
              lambda: in_the_inspector("Text", "manyidu", "text", lambda n: n["text"] == "客户需求满意度"))
        check("pinyin typed in the inspector's Tags: a Chinese tag",
              lambda: in_the_inspector("Tags", "jiage", "tags", lambda n: n["tags"] == ["价格"]))
    except Exception as e:
        check.fail("the input method session", e)
    finally:
        stop(proc)
        if im:
            im.close()
        display.close()
    check.report()


if __name__ == "__main__":
    main()
