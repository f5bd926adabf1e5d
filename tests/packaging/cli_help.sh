# What `snapkey --help` says, for the tests that keep the man page and the completion scripts in
# step with the CLI (man_test.sh, completion_test.sh). Sourced; $SNAPKEY is the CLI to ask.

# The subcommands, one a line, in the order --help lists them.
cli_subcommands() {
  "$SNAPKEY" --help | sed -n '/^Subcommands:/,$s/^  \([a-z][a-z0-9-]*\) .*/\1/p'
}

# The options of subcommand $1, one a line (-h and --help included).
cli_options() {
  "$SNAPKEY" "$1" --help | grep -oE '^  (-[a-zA-Z],)?--[a-z][a-z0-9-]*' |
    sed -E 's/^  //; s/,/\n/'
}

# The values subcommand $1's --format takes, one a line; nothing if it has no --format.
cli_formats() {
  "$SNAPKEY" "$1" --help | grep -oE -- '--format [A-Z]+:\{[^}]*\}' | sed -E 's/.*\{//; s/\}//' |
    tr , '\n'
}

# fail MESSAGE: reports a failure and remembers it; the test ends with `finish`.
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# missing_from WANTED HAVE WHAT: every line of WANTED is a line of HAVE, or a failure naming it.
missing_from() {
  local line
  while IFS= read -r line; do
    [[ -z $line ]] && continue
    [[ $'\n'$2$'\n' == *$'\n'"$line"$'\n'* ]] || fail "$3: '$line' is missing"
  done <<<"$1"
}

finish() {
  if [[ $failures -gt 0 ]]; then
    echo "$failures failure(s)" >&2
    exit 1
  fi
  echo "all passed"
}
