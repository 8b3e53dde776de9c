#!/usr/bin/env bash
# Writes the message template (assets/po/customer-canvas.pot, or $1) from the sources: every
# _("…"), N_("…"), P_("…", "…", n) and L_("…", id) in app/, the activity sentences' templates
# in canvas/activity.cpp (worded through a Wording), and every CC_TEMPLATE("…") in canvas/ and
# storage/ (the summary's labels, and the messages of errors made there with message()), and the
# plural templates of messageCount("…", "…", n).
# The catalogue test runs this too.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/assets/po/customer-canvas.pot}"
cd "$root"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
common=(--from-code=UTF-8 --language=C++ --package-name=customer-canvas --no-location --sort-output)
xgettext "${common[@]}" --keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=L_:1 -o "$tmp/app.pot" \
  $(find app -name '*.cpp' -o -name '*.h' | LC_ALL=C sort)
xgettext "${common[@]}" --keyword=word --keyword=words:1,2 --keyword=counted:3,4 --keyword=fill:1 --keyword=CC_TEMPLATE \
  -o "$tmp/canvas.pot" canvas/activity.cpp canvas/evidence_strength.cpp storage/summary/summary_text.cpp
xgettext "${common[@]}" -k --keyword=CC_TEMPLATE --flag=CC_TEMPLATE:1:no-c-format --keyword=messageCount:1,2 \
  --flag=messageCount:1:no-c-format --flag=messageCount:2:no-c-format -o "$tmp/lower.pot" \
  $(find canvas storage app \( -name '*.cpp' -o -name '*.h' \) | LC_ALL=C sort)
# Non-ASCII msgids (“…”, …) are intended: the sources are UTF-8, and so is the catalogue.
msgcat --use-first --sort-output --to-code=UTF-8 -o "$out" "$tmp/app.pot" "$tmp/canvas.pot" "$tmp/lower.pot"
