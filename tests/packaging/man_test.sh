#!/usr/bin/env bash
# man_test.sh SNAPKEY MAN_PAGE: the man page renders without a warning (groff -ww), and its
# synopsis names every subcommand `SNAPKEY --help` lists, each with exactly the options of
# `SNAPKEY SUBCOMMAND --help` and at least the values of its --format, and has a section for it,
# so that the page cannot drift from the CLI. Its version is the CLI's.
set -uo pipefail
SNAPKEY=$1
page=$2
source "$(dirname "$0")/cli_help.sh"

command -v groff >/dev/null || { echo "groff is missing: run scripts/install-deps.sh" >&2; exit 1; }
warnings=$(groff -man -ww -z "$page" 2>&1) || fail "groff -man -ww -z failed"
[[ -z $warnings ]] || fail "groff warns:"$'\n'"$warnings"

# The roff source with the escapes that matter here undone: \- is -, fonts and \& go.
text=$(sed -E 's/\\-/-/g; s/\\f[BIRP]//g; s/\\&//g; s/\\c$//; s/\\~/ /g' "$page")

version=$("$SNAPKEY" --version | awk '{print $2}')
grep -qE "^\.TH SNAPKEY 1 [0-9-]+ \"snapkey $version\"" <<<"$text" ||
  fail "the .TH line does not say snapkey $version"

# synopsis SUB: the .SY block of `snapkey SUB`, up to its .YS.
synopsis() {
  awk -v sub_="$1" '
    /^\.SY snapkey$/ { block = ""; n = 0; keep = 0; inside = 1; next }
    inside && /^\.YS$/ { if (keep) printf "%s", block; inside = 0; next }
    inside { n++; if (n == 1 && $0 == ".B " sub_) keep = 1; block = block $0 "\n" }
  ' <<<"$text"
}
# The placement options: the paragraph "PLACEMENT OPTIONS are ..." after the synopses.
placement=$(sed -n '/^\.I PLACEMENT OPTIONS$/,/^\.SH /p' <<<"$text" | grep -oE -- '--[a-z][a-z0-9-]*')
[[ -n $placement ]] || fail "no PLACEMENT OPTIONS paragraph"

subcommands=$(cli_subcommands)
[[ -n $subcommands ]] || fail "no subcommands in $SNAPKEY --help"
for sub in $subcommands; do
  block=$(synopsis "$sub")
  if [[ -z $block ]]; then
    fail "no synopsis for '$sub'"
    continue
  fi
  grep -qxF ".SS $sub" <<<"$text" || fail "no .SS section for '$sub'"
  documented=$(grep -oE -- '--[a-z][a-z0-9-]*' <<<"$block")
  grep -q 'PLACEMENT' <<<"$block" && documented+=$'\n'"$placement"
  options=$(cli_options "$sub" | grep -vxE -- '-h|--help')
  missing_from "$options" "$documented" "synopsis of '$sub' (an option of $SNAPKEY $sub --help)"
  missing_from "$documented" "$options" "$SNAPKEY $sub --help (an option the synopsis of '$sub' names)"
  formats=$(grep -oE -- '^\.OP --format .*' <<<"$block" | sed 's/^\.OP --format //' | tr '|' '\n')
  missing_from "$(cli_formats "$sub")" "$formats" "--format values in the synopsis of '$sub'"
done
finish
