#!/usr/bin/env python3
"""End to end: a board on the team server whose password is in no password file and no
environment variable. The window asks for it in its board dialog; typed there, the board opens,
and the password is written nowhere (settings, replica, logs).
usage: server_password_e2e.py CUSTOMER_CANVAS_BINARY   (needs $CC_TEST_PG and $CC_TEST_PG_PASSWORD;
skipped, exit 77, without them)"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import QUADRANT_FILLS, Checks, server_board, Display, Failure, find_boxes, stop, wait_for

BIN = sys.argv[1]


def main():
    board = server_board("password-e2e", "CC_TEST_PG_PASSWORD")
    password = os.environ["CC_TEST_PG_PASSWORD"]
    work = tempfile.mkdtemp(prefix="cc-password-")
    # Made with the password file, as an administrator would.
    subprocess.run([BIN, "new", board, "--title", "Password 密码"], check=True, capture_output=True)

    display = Display()
    check = Checks(work, display)
    # The window finds the password nowhere: no password file, no PGPASSWORD, a fresh home.
    env = {k: v for k, v in display.env.items() if k not in ("PGPASSFILE", "PGPASSWORD")}
    env.update(HOME=os.path.join(work, "home"), XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_STATE_HOME=os.path.join(work, "state"), XDG_CACHE_HOME=os.path.join(work, "cache"))
    os.makedirs(env["HOME"])
    log = os.path.join(work, "program.log")
    app, wid = None, None
    try:
        app, wid = display.open_window([BIN, "--author", "Pat", "open", board], env, log)

        def asks_then_opens():
            display.focus(wid)
            # The dialog's password field has the keyboard: type the password and press Enter
            # until the board is open (the wall's quadrants show).
            def opened():
                if len(find_boxes(display.pixels(), display.width, display.height, QUADRANT_FILLS)) == 4:
                    return True
                display.xdo("key", "--clearmodifiers", "ctrl+a", "BackSpace")
                display.xdo("type", "--delay", "20", password)
                display.xdo("key", "Return")
                return False
            wait_for("the board open after typing the password", opened, timeout=30, interval=1.0)
            title = display.run("xdotool", "getwindowname", wid).stdout.decode()
            if "Password" not in title:
                raise Failure(f"the window shows another board: {title!r}")

        check("the window asks for the server's password and opens the board", asks_then_opens)

        def written_nowhere():
            stop(app)
            for root in (work,):
                for dirpath, _, files in os.walk(root):
                    for f in files:
                        path = os.path.join(dirpath, f)
                        if path.endswith(".png"):
                            continue
                        with open(path, "rb") as fh:
                            if password.encode() in fh.read():
                                raise Failure(f"the password is written in {path}")

        check("the password is in no file the program wrote (settings, replica, log)", written_nowhere)
    except Exception as e:
        check.fail("setup", e)
    finally:
        if app:
            stop(app)
        display.close()
    check.report()


main()
