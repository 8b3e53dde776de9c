"""Drives the real program under Xvfb as a person would: xdotool for the mouse and keys, xclip
for the clipboard, ImageMagick's import to look at the screen. Every wait is for a condition,
with a deadline; nothing sleeps a fixed time to synchronise."""

import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib

# The light theme's quadrant fills (app/gui/theme.cpp).
QUADRANT_FILLS = {1: (251, 249, 242), 2: (244, 248, 253), 3: (246, 251, 245), 4: (253, 246, 246)}


class Failure(Exception):
    pass


def wait_for(what, condition, timeout=20.0, interval=0.05):
    """Polls condition() until it returns something truthy; fails with `what` after the deadline."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition()
        except Exception as e:  # the file may be mid-write; try again
            last = e
        if last and not isinstance(last, Exception):
            return last
        time.sleep(interval)
    raise Failure(f"timed out waiting for {what} (last: {last!r})")


class Display:
    """A private Xvfb server for one test run."""

    def __init__(self, width=1400, height=900):
        r, w = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(w), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(w)
        number = b""
        deadline = time.monotonic() + 20
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(r, 16)
            if not chunk:
                break
            number += chunk
        os.close(r)
        if not number.strip():
            raise Failure("Xvfb did not start")
        self.name = ":" + number.decode().strip()
        self.env = dict(os.environ, DISPLAY=self.name)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.width, self.height = width, height

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def run(self, *args, check=True, input=None):
        return subprocess.run(list(args), env=self.env, check=check, capture_output=True, input=input, timeout=60)

    def xdo(self, *args):
        return self.run("xdotool", *[str(a) for a in args]).stdout.decode()

    def pixels(self):
        """The screen as rows of RGB bytes."""
        raw = self.run("import", "-window", "root", "-depth", "8", "rgb:-").stdout
        if len(raw) != self.width * self.height * 3:
            raise Failure(f"screen grab has {len(raw)} bytes")
        return raw

    def pixel(self, x, y):
        """The colour (r, g, b) at a point of the screen."""
        at = (y * self.width + x) * 3
        return tuple(self.pixels()[at:at + 3])

    def open_window(self, args, env, log, x=0, name="Customer Canvas"):
        """Starts a program and waits for its new window (by title), moved to x. Returns the
        process and the window id."""
        def windows():
            return self.run("xdotool", "search", "--name", name, check=False).stdout.decode().split()
        before = set(windows())
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=open(log, "a"))
        wid = wait_for("the window", lambda: [w for w in windows() if w not in before])[0]
        self.xdo("windowmove", wid, x, 0)
        return proc, wid

    def focus(self, wid):
        """Gives a window the keyboard and waits until X says it has it (there is no window
        manager to do it, and a focus request can be lost while windows are still appearing)."""
        def focused():
            self.run("xdotool", "windowfocus", str(wid), check=False)
            return self.run("xdotool", "getwindowfocus", check=False).stdout.decode().strip() == str(wid)
        wait_for(f"window {wid} to have the keyboard", focused, interval=0.2)

    def words(self, work, languages="eng", region=None):
        """tesseract's words on the screen with their centres (screen coordinates), read from the
        screen (or the region x, y, w, h of it) enlarged 2x. work is a folder for the images."""
        shot = os.path.join(work, "screen.png")
        self.run("import", "-window", "root", shot)
        x0, y0 = 0, 0
        args = ["convert", shot]
        if region:
            x0, y0, w, h = region
            args += ["-crop", f"{w}x{h}+{x0}+{y0}", "+repage"]
        big = os.path.join(work, "big.png")
        subprocess.run(args + ["-resize", "200%", big], check=True)
        tsv = subprocess.run(["tesseract", big, "-", "-l", languages, "--psm", "11", "tsv"], capture_output=True,
                             text=True).stdout
        found = []
        for line in tsv.splitlines()[1:]:
            f = line.split("\t")
            if len(f) == 12 and f[11].strip():
                left, top, width, height = (int(v) / 2 for v in f[6:10])
                found.append((f[11].strip(), x0 + left + width / 2, y0 + top + height / 2))
        return found

    def find_word(self, work, wanted, languages="eng", region=None, timeout=15):
        """Where a word (or a part of one) is on the screen, read by tesseract: waits for it."""
        def found():
            for text, x, y in self.words(work, languages, region):
                if wanted in text:
                    return int(x), int(y)
            return None
        return wait_for(f"“{wanted}” on the screen", found, timeout=timeout, interval=0.3)

    def reads(self, work, region=None, languages="eng"):
        """All the words read in a region, in reading order, joined by spaces."""
        return " ".join(w for w, _, _ in sorted(self.words(work, languages, region), key=lambda t: (round(t[2] / 8), t[1])))

    def set_clipboard(self, text):
        # xclip stays in the foreground (-quiet) as the selection owner; the caller ends it.
        p = subprocess.Popen(["xclip", "-quiet", "-selection", "clipboard"], env=self.env,
                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        p.stdin.write(text.encode())
        p.stdin.close()
        wait_for("the clipboard to hold the text",
                 lambda: self.run("xclip", "-o", "-selection", "clipboard", check=False).stdout.decode() == text)
        return p


def find_boxes(raw, width, height, colours, step=2):
    """Bounding boxes (left, top, right, bottom) of the pixels of each exact colour."""
    wanted = {bytes(c): k for k, c in colours.items()}
    boxes = {}
    for y in range(0, height, step):
        row = raw[y * width * 3:(y + 1) * width * 3]
        for x in range(0, width, step):
            k = wanted.get(row[x * 3:x * 3 + 3])
            if k is None:
                continue
            b = boxes.get(k)
            if b is None:
                boxes[k] = [x, y, x, y]
            else:
                b[0] = min(b[0], x); b[1] = min(b[1], y); b[2] = max(b[2], x); b[3] = max(b[3], y)
    return boxes


def find_boxes_in(raw, width, height, x0, w, colours, step=2):
    """find_boxes over the columns x0..x0+w of the screen (one of several windows side by side),
    in screen coordinates."""
    part = bytearray()
    for y in range(height):
        part += raw[(y * width + x0) * 3:(y * width + x0 + w) * 3]
    boxes = find_boxes(bytes(part), w, height, colours, step)
    return {k: [b[0] + x0, b[1], b[2] + x0, b[3]] for k, b in boxes.items()}


def count_colour(raw, colour):
    """How many pixels have exactly this colour."""
    c = bytes(colour)
    return sum(1 for i in range(0, len(raw), 3) if raw[i:i + 3] == c)


# The light theme's selection outline and link handle (app/gui/theme.cpp).
SELECTION = (37, 99, 235)


def count_in_box(raw, width, box, colour):
    """How many pixels of exactly this colour lie in box = (left, top, right, bottom)."""
    c = bytes(colour)
    left, top, right, bottom = (int(v) for v in box)
    n = 0
    for y in range(max(top, 0), bottom):
        row = raw[y * width * 3:(y + 1) * width * 3]
        for x in range(max(left, 0), min(right, width)):
            if row[x * 3:x * 3 + 3] == c:
                n += 1
    return n


class WallMapping:
    """Wall units to screen pixels, read off the quadrants on the screen."""

    def __init__(self, boxes, board):
        if len(boxes) != 4:
            raise Failure(f"found {len(boxes)} quadrants on the screen, not 4: {boxes}")
        left, top = boxes[1][0], boxes[1][1]
        right, bottom = boxes[4][2], boxes[4][3]
        w, h = board["wallWidth"], board["wallHeight"]
        # Fit wall shows the whole width and the top of the wall, not always its bottom (the
        # quadrants below their notes): the scale comes from the width, the centre from the top.
        self.k = (right - left) / w
        self.cx = (left + right) / 2
        self.cy = top + h / 2 * self.k

    def screen(self, x, y):
        return int(round(self.cx + x * self.k)), int(round(self.cy + y * self.k))

    def note_centre(self, note):
        return self.screen(note["x"] + note["w"] / 2, note["y"] + note["h"] / 2)

    def box(self, x, y, w, h, margin=6):
        """The screen box of a wall rectangle, with a margin."""
        l, t = self.screen(x, y)
        r, b = self.screen(x + w, y + h)
        return (l - margin, t - margin, r + margin, b + margin)


def server_board(name, *needed):
    """The address of a board called `name` (made unique per run) on the test cluster that
    scripts/test.sh starts; without it (or without the other variables `needed`) the test is
    skipped: exit 77, which ctest counts as skipped."""
    missing = [v for v in ("CC_TEST_PG",) + needed if not os.environ.get(v)]
    if missing:
        print(f"skipped: {', '.join(missing)} not set (scripts/test.sh starts a PostgreSQL cluster)")
        sys.exit(77)
    server = os.environ["CC_TEST_PG"]
    return server + ("&" if "?" in server else "?") + f"board={name}-{os.getpid()}"


def board_json(binary, board):
    out = subprocess.run([binary, "list", board, "--json"], capture_output=True, check=True, timeout=30)
    return json.loads(out.stdout)


def decode_png(path):
    """RGBA rows of an 8-bit, non-interlaced PNG (as the program writes them)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise Failure(f"{path} is not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise Failure(f"unexpected PNG format {depth}/{colour}")
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1: line[i] = (line[i] + a) & 0xFF
            elif f == 2: line[i] = (line[i] + b) & 0xFF
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    # Back to packed RGB.
    rgb = bytearray()
    for r in rows:
        for x in range(width):
            rgb += r[x * channels:x * channels + 3]
    return bytes(rgb), width, height


def inspector_field(display, work, label):
    """Where to click to type into one of the inspector's fields, found by reading its label on the
    screen (the inspector is the panel at the window's right; the Text label stands above its box,
    the others to the left of theirs)."""
    x0 = display.width - 360
    _, y = display.find_word(work, label, region=(x0, 24, 140, display.height - 60))
    return display.width - 120, y + (40 if label == "Text" else 0)


def report(passed, failed):
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)


class Checks:
    """Runs named steps, prints ok/FAIL for each (keeping a screenshot of a failure when there is a
    display), and ends with the 'N passed, N failed' line."""

    def __init__(self, work, display=None):
        self.work, self.display = work, display
        self.passed = self.failed = 0

    def __call__(self, name, fn):
        try:
            fn()
            print(f"ok   {name}")
            self.passed += 1
        except Exception as e:  # one failed step is reported; the rest still run where they can
            where = ""
            if self.display:
                shot = os.path.join(self.work, f"failed-{self.passed + self.failed}.png")
                self.display.run("import", "-window", "root", shot, check=False)
                where = f" (screen: {shot}{self.screen_reads()})"
            print(f"FAIL {name}: {e}{where}")
            self.failed += 1

    def screen_reads(self):
        """What the screen says (tesseract, English), for a failure seen only in a log."""
        try:
            text = self.display.reads(self.work)
            return f"; it reads: {text[:500]}" if text else ""
        except Exception:  # no tesseract, or nothing to read: the screenshot is still there
            return ""

    def fail(self, what, e):
        print(f"FAIL {what}: {e}")
        self.failed += 1

    def report(self):
        report(self.passed, self.failed)


def stop(proc):
    """Ends a program that is still running, politely first."""
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
