#!/usr/bin/env python3
"""The Chinese catalogue is complete and current.

Extracts the messages from the sources (scripts/i18n_extract.sh, xgettext), and fails when
assets/po/customer-canvas.pot is not what the sources give, when zh_CN.po lacks a message or has
it empty or fuzzy, when it holds a message the sources no longer have (stale), or when msgfmt
--check finds a fault (a format directive that differs from the original, a bad header).
Usage: check_catalogue.py SOURCE_ROOT
"""
import pathlib
import re
import subprocess
import sys
import tempfile


def entries(path):
    """msgid (or (msgid, msgid_plural)) -> (translations, fuzzy), obsolete entries left out."""
    out = {}
    text = pathlib.Path(path).read_text(encoding="utf-8")
    for block in re.split(r"\n\s*\n", text):
        lines = [l for l in block.strip().split("\n") if l and not l.startswith("#~")]
        if not any(l.startswith("msgid ") for l in lines):
            continue
        fuzzy = any(l.startswith("#,") and "fuzzy" in l for l in lines)
        fields, key = {}, None
        for l in lines:
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', l)
            if m:
                key = m.group(1)
                fields[key] = ""
                l = m.group(2)
            elif not l.startswith('"'):
                continue
            fields[key] += "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', l))
        mid = fields.get("msgid", "")
        if mid == "":
            continue  # the header
        k = (mid, fields["msgid_plural"]) if "msgid_plural" in fields else mid
        out[k] = ([v for f, v in fields.items() if f.startswith("msgstr")], fuzzy)
    return out


def main():
    root = pathlib.Path(sys.argv[1])
    po_dir = root / "assets" / "po"
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = pathlib.Path(tmp) / "fresh.pot"
        subprocess.run([str(root / "scripts" / "i18n_extract.sh"), str(fresh)], check=True, stderr=subprocess.DEVNULL)
        wanted = entries(fresh)
    if not wanted:
        failures.append("no messages extracted from the sources")
    committed = entries(po_dir / "customer-canvas.pot")
    if set(committed) != set(wanted):
        for k in sorted(set(wanted) - set(committed), key=str):
            failures.append(f"customer-canvas.pot lacks {k!r} (run scripts/i18n_extract.sh)")
        for k in sorted(set(committed) - set(wanted), key=str):
            failures.append(f"customer-canvas.pot has {k!r}, which the sources no longer use (run scripts/i18n_extract.sh)")
    for po in sorted(po_dir.glob("*.po")):
        have = entries(po)
        for k in sorted(wanted, key=str):
            if k not in have:
                failures.append(f"{po.name}: missing {k!r}")
                continue
            strs, fuzzy = have[k]
            if fuzzy:
                failures.append(f"{po.name}: fuzzy {k!r}")
            if not strs or any(s == "" for s in strs):
                failures.append(f"{po.name}: untranslated {k!r}")
        for k in sorted(set(have) - set(wanted), key=str):
            failures.append(f"{po.name}: stale {k!r} (no longer in the sources)")
        r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True)
        print(f"{po.name}: {r.stderr.strip()}")
        if r.returncode != 0:
            failures.append(f"{po.name}: msgfmt --check failed: {r.stderr.strip()}")
        if "untranslated" in r.stderr or "fuzzy" in r.stderr:
            failures.append(f"{po.name}: msgfmt reports {r.stderr.strip()}")
    for f in failures:
        print(f)
    if failures:
        return 1
    print(f"{len(wanted)} messages, every catalogue complete and current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
