#!/usr/bin/env python3
"""Fails when a text shown to people in app/ is not marked for translation, or when an error made in
storage/, canvas/ or app/ is worded by an unmarked literal.

It reads every app/**/*.cpp, finds each string literal, and decides from where it stands whether a
person reads it: an argument of a Dear ImGui call that draws text or a labelled widget, a command-line
refusal or help string, a status or notice text, or a piece of std::cout/std::cerr output. Such a
literal with words in it must sit inside _(), N_(), P_() or L_(); the few that are shown as they are
stand in ALLOWED below, each with its reason.

The errors: every `throw X(...)` in storage/, canvas/ and app/ (and the calls there that throw for
their caller: fail(path, "..."), bad("..."), ...) whose literal with words is not inside CC_TEMPLATE
(worded through message()) or _() is refused; the few that never reach a person stand in
ALLOWED_THROWS, each with its reason.
Usage: check_marked.py SOURCE_ROOT
"""
import pathlib
import re
import sys

MARKERS = {"_", "N_", "P_", "L_", "CC_TEMPLATE"}
# Calls whose literal arguments a person reads (after the first argument for the option declarers,
# whose first is the option's name).
SHOWN_CALLS = {
    "Text", "TextUnformatted", "TextDisabled", "TextWrapped", "TextColored", "LabelText", "BulletText",
    "Button", "SmallButton", "MenuItem", "BeginMenu", "Checkbox", "RadioButton", "Selectable",
    "CollapsingHeader", "BeginTabItem", "SetTooltip", "BeginCombo", "Combo", "InputTextWithHint",
    "InputText", "InputTextMultiline", "OpenPopup", "BeginPopupModal", "BeginPopup", "Begin", "ProgressBar",
    "SetDragDropPayload", "Refusal", "say", "fail", "explainWindowUnavailable", "offlineLine", "label",
    "checklist", "mapped", "figure", "toggle", "section", "printf",
}
FIRST_ARG_IS_NAME = {"add_option", "add_flag", "add_subcommand", "set_help_flag", "set_help_all_flag"}
ASSIGNED = re.compile(r"(\.label|\.menu|\.text|actionLabel|m_error|m_message|repaired|notice\.text)\s*=\s*$")

# (file, literal): why it is shown as it is.
ALLOWED = {
    ("app/gui/start_screen.cpp", "Customer Canvas"): "the program's name",
    ("app/gui/board_dialog.cpp", "postgresql://host/db?board=NAME"): "an example address in an empty field",
    ("app/gui/window.cpp", "fit"): "part of the frame benchmark's line",
    ("app/gui/tray_panel.cpp", "tray"): "a drag-and-drop payload's type, never drawn",
    ("app/gui/window.cpp", "frames: %d at %dx%d, zoom %s: median %.2f ms, p90 %.2f ms per frame (input to swapped buffer); "
     "%d notes visible, %d links drawn\n"): "the frame benchmark's line, read by the benchmark scripts",
    ("app/gui/window.cpp", "100 %"): "part of the frame benchmark's line",
    ("app/cli.cpp", "author="): "a setting shown as key=value, as it is typed",
    ("app/cli.cpp", "language="): "a setting shown as key=value, as it is typed",
    ("app/window_launch.cpp", "  customer-canvas list "): "an example command, typed as it is",
    ("app/window_launch.cpp", "  customer-canvas add "): "an example command, typed as it is",
    ("app/window_launch.cpp", " --text \"...\" --source survey --quadrant 3\n"): "an example command, typed as it is",
    ("app/window_launch.cpp", "  customer-canvas --help\n"): "an example command, typed as it is",
}
PROGRAM_PREFIX = "customer-canvas: "
# Shown as they are in every language: a date's format as it is typed.
ALLOWED_ANYWHERE = {"YYYY-MM-DD": "the date format, typed as it is"}

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def has_words(text):
    if text.startswith("##"):
        return False
    if re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", text):  # an action id
        return False
    text = re.sub(r"%[-+ #0-9.]*(zu|d|s|f|%|\.\*s)", "", text)
    return re.search(r"[A-Za-z]{2,}", text) is not None


def strip_comments(src):
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif src[i] == '"':
            m = LITERAL.match(src, i)
            j = m.end() if m else i + 1
            out.append(src[i:j])
            i = j
        elif src[i] == "'":
            m = re.compile(r"'(?:[^'\\\n]|\\.)*'").match(src, i)
            j = m.end() if m else i + 1
            out.append(" " * (j - i))
            i = j
        else:
            out.append(src[i])
            i += 1
    return "".join(out)


def problems(path, rel):
    src = strip_comments(path.read_text(encoding="utf-8"))
    found = []
    stack = []  # (call name, comma count at its level)
    i = 0
    statement_start = 0
    while i < len(src):
        c = src[i]
        if c == "#" and (i == 0 or src[i - 1] == "\n"):  # a preprocessor line
            j = src.find("\n", i)
            i = len(src) if j < 0 else j
            continue
        if c == "(" or c == "{" or c == "[":
            m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)\s*$", src[max(0, i - 80):i]) if c == "(" else None
            stack.append([m.group(1) if m else "", 0])
        elif c in ")}]":
            if stack:
                stack.pop()
        elif c == ",":
            if stack:
                stack[-1][1] += 1
        elif c == ";":
            statement_start = i + 1
        elif c == '"':
            m = LITERAL.match(src, i)
            # adjacent literals form one string
            j = m.end()
            text = m.group(1)
            while True:
                m2 = re.compile(r'\s*"((?:[^"\\\n]|\\.)*)"').match(src, j)
                if not m2:
                    break
                text += m2.group(1)
                j = m2.end()
            text = bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8") if "\\" in text else text
            names = [s[0] for s in stack]
            compared = re.search(r"[=!]=\s*$", src[max(0, i - 10):i]) is not None  # key == "author"
            if not compared and not any(n in MARKERS for n in names) and has_words(text):
                shown = False
                for name, commas in stack:
                    if name in SHOWN_CALLS:
                        shown = True
                    if name in FIRST_ARG_IS_NAME and commas >= 1:
                        shown = True
                before = src[statement_start:i]
                # In output, a literal is shown unless it is an argument of a call that is not shown
                # (settings.get("author") looks a setting up).
                innermost = stack[-1][0] if stack else ""
                if re.search(r"std::(cout|cerr)\s*<<", before) and (innermost == "" or innermost in SHOWN_CALLS):
                    shown = True
                if ASSIGNED.search(src[max(0, i - 60):i]):
                    shown = True
                if shown and text != PROGRAM_PREFIX and (rel, text) not in ALLOWED and text not in ALLOWED_ANYWHERE:
                    line = src.count("\n", 0, i) + 1
                    found.append(f"{rel}:{line}: \"{text}\" is shown to people but not marked for translation")
            i = j
            continue
        i += 1
    return found


# Calls that throw for their caller, a message built from their arguments.
THROWING_CALLS = {"fail", "failRead", "bad", "unreadable", "bomb", "stop", "notText", "require"}
# (file, literal): why the message of this throw never reaches a person as it is.
ALLOWED_THROWS = {
    ("canvas/source_kinds.cpp", "bad colour '"): "the built-in source-kind table, compiled into the program",
    ("canvas/source_kinds.cpp", "source-kind row '"): "the built-in source-kind table, compiled into the program",
    ("canvas/source_kinds.cpp", "' needs 7 columns"): "the built-in source-kind table, compiled into the program",
    ("canvas/source_kinds.cpp", "source kind '"): "the built-in source-kind table, compiled into the program",
    ("canvas/source_kinds.cpp", "': bad data kind '"): "the built-in source-kind table, compiled into the program",
    ("canvas/source_kinds.cpp", "': bad channel '"): "the built-in source-kind table, compiled into the program",
    ("canvas/source_kinds.cpp", "' twice"): "the built-in source-kind table, compiled into the program",
    ("canvas/source_kinds.cpp", "empty source-kind table"): "the built-in source-kind table, compiled into the program",
    ("canvas/templates.cpp", "template row with quadrant "): "the built-in template table, compiled into the program",
    ("app/gui/actions.cpp", "action "): "a programming error (an action registered twice), found by the tests",
    ("app/gui/actions.cpp", " is registered twice"): "a programming error (an action registered twice), found by the tests",
    ("app/gui/actions.cpp", "the help names an unknown action "): "a programming error in the help table, found by the tests",
    # Left for the window's owner (app/gui is not this check's author's to change): these are shown
    # when the window cannot start, and are to be marked with _() there.
}
THROW = re.compile(r"\bthrow\s+[A-Za-z_:][A-Za-z0-9_:<>]*\s*[({]")
CALL = re.compile(r"\b(" + "|".join(sorted(THROWING_CALLS)) + r")\s*\(")


def unmarked_literals(src, start):
    """The unmarked literals with words in the call or braces opening at src[start] (its '(' or '{')."""
    out = []
    stack = []
    i = start
    while i < len(src):
        c = src[i]
        if c in "({[":
            m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)\s*$", src[max(0, i - 80):i]) if c == "(" else None
            stack.append(m.group(1) if m else "")
        elif c in ")}]":
            stack.pop()
            if not stack:
                break
        elif c == '"':
            m = LITERAL.match(src, i)
            if not any(n in MARKERS for n in stack) and has_words(m.group(1)):
                out.append((i, m.group(1)))
            i = m.end()
            continue
        i += 1
    return out


def throw_problems(path, rel):
    src = strip_comments(path.read_text(encoding="utf-8"))
    found = []
    for pattern in (THROW, CALL):
        for m in pattern.finditer(src):
            if pattern is CALL and re.search(r"(void|auto|bool)\s*(\w+::)?$", src[max(0, m.start() - 40):m.start()].rstrip()):
                continue  # the declaration of the call, not a call
            for at, text in unmarked_literals(src, m.end() - 1):
                if (rel, text) in ALLOWED_THROWS:
                    continue
                line = src.count("\n", 0, at) + 1
                found.append(f"{rel}:{line}: \"{text}\" words an error but is not marked "
                             "(use message(CC_TEMPLATE(\"...\"), {...}), or _() in app/)")
    return found


def main():
    root = pathlib.Path(sys.argv[1])
    found = []
    for path in sorted((root / "app").rglob("*.cpp")):
        found += problems(path, str(path.relative_to(root)))
    for folder in ("storage", "canvas", "app"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".cpp", ".h"):
                found += throw_problems(path, str(path.relative_to(root)))
    for p in found:
        print(p)
    if found:
        print(f"{len(found)} unmarked texts (mark them with _(), or add them to ALLOWED with a reason)")
        return 1
    print("every shown text in app/, and every error's wording in storage/, canvas/ and app/, is marked for translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
