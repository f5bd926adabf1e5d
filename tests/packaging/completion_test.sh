#!/usr/bin/env bash
# completion_test.sh SNAPKEY SOURCE_DIR: the bash completion (completions/snapkey.bash), run as
# bash runs it (COMP_WORDS, COMP_CWORD, then COMPREPLY), completes what `SNAPKEY --help` lists:
# every subcommand, exactly each subcommand's options, at least the values of each --format.
# Run twice: with bash-completion's helpers loaded (as installed) and on its own (sourced from
# a .bashrc). Then the zsh completion (completions/_snapkey), the same way in an interactive zsh
# where zsh is installed.
set -uo pipefail
SNAPKEY=$(realpath "$1")
source_dir=$2
source "$(dirname "$0")/cli_help.sh"
cd "$source_dir" || exit 1

# complete WORD...: COMPREPLY for the command line WORD... (the last word is being completed),
# sorted, one a line. A word "=" stands for an option's '=' that bash splits off.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  # The line as typed: no blanks around a "=" word.
  local word previous=
  COMP_LINE=
  for word in "$@"; do
    [[ -n $COMP_LINE && $word != = && $previous != = ]] && COMP_LINE+=" "
    COMP_LINE+=$word
    previous=$word
  done
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _snapkey snapkey "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  [[ ${#COMPREPLY[@]} -gt 0 ]] && printf '%s\n' "${COMPREPLY[@]}" | sort -u
}

# expect WHAT EXPECTED WORD...: COMPREPLY is exactly EXPECTED (words separated by spaces).
expect() {
  local what=$1 expected got
  expected=$(tr ' ' '\n' <<<"$2" | sed '/^$/d' | sort -u)
  shift 2
  got=$(complete_words "$@")
  [[ $got == "$expected" ]] || fail "$mode: $what: expected [${expected//$'\n'/ }], got [${got//$'\n'/ }]"
}

run_bash_tests() {
  # The subcommands snapkey has, and those it is getting (graph, export-scenario).
  expect "subcommands" "predict explain verify check graph export-scenario rules checks errors" \
    snapkey ""
  expect "subcommands starting with ch" "check checks" snapkey ch
  expect "options before the subcommand" "-h --help --version" snapkey -
  expect "check --format" "text json sarif junit markdown html" snapkey check --format ""
  expect "check --format j" "json junit" snapkey check --format j
  expect "check --format=" "text json sarif junit markdown html" snapkey check --format = ""
  expect "graph --format" "dot mermaid svg" snapkey graph --format ""
  expect "check --fail-on" "error warning info never" snapkey check --fail-on ""
  expect "rules --format, after another option" "table markdown json" \
    snapkey --help rules --format ""
  expect "--as-of takes a date: nothing to complete" "" snapkey predict --as-of ""
  expect "an input" "examples" snapkey predict exa
  expect "a policy file" "CMakeLists.txt" snapkey check --policy CMakeL
  expect "--terraform-source takes a directory" "" snapkey check --terraform-source CMakeL
  expect "--terraform-source" "examples" snapkey check --terraform-source exa
  expect "explain: the recovery points of the inputs" \
    "aurora@tokyo-default aurora@virginia-default" \
    "$SNAPKEY" explain examples/article/1-mrk-default-vault.yaml aur
  expect "rules takes no input" "" snapkey rules exa

  # Against the CLI itself: every subcommand, its options, its --format values.
  local sub options formats
  missing_from "$(cli_subcommands)" "$(complete_words snapkey "")" "$mode: subcommands"
  for sub in $(cli_subcommands); do
    options=$(cli_options "$sub")
    missing_from "$options" "$(complete_words snapkey "$sub" -)" "$mode: options of $sub"
    missing_from "$(complete_words snapkey "$sub" -)" "$options" \
      "$mode: $SNAPKEY $sub --help (an option the completion offers)"
    formats=$(cli_formats "$sub")
    [[ -n $formats ]] &&
      missing_from "$formats" "$(complete_words snapkey "$sub" --format "")" \
        "$mode: --format values of $sub"
  done
}

# With bash-completion, as installed: it loads completions/snapkey on demand; here, sourced.
bash_completion=/usr/share/bash-completion/bash_completion
if [[ -f $bash_completion ]]; then
  (
    mode="bash, with bash-completion"
    source "$bash_completion"
    source completions/snapkey.bash
    declare -F _filedir >/dev/null || fail "$mode: _filedir is not defined"
    run_bash_tests
    exit "$failures"
  )
  failures=$((failures + $?))
else
  fail "bash-completion is missing ($bash_completion): run scripts/install-deps.sh"
fi
# On its own.
(
  mode="bash, on its own"
  source completions/snapkey.bash
  run_bash_tests
  expect "--format=js, one word" "json" snapkey check --format=js
  exit "$failures"
)
failures=$((failures + $?))

# zsh: the same, typed into an interactive zsh (zsh_complete.zsh). Without zsh, only that
# _snapkey names every subcommand, option and format value.
if command -v zsh >/dev/null; then
  zsh -n completions/_snapkey || fail "zsh -n completions/_snapkey"
  # The lines to complete, each with what zsh must offer: exactly (=) or at least (>=).
  lines=() wanted=() how=()
  want() { how+=("$1") wanted+=("$2") lines+=("$3"); }
  want = "predict explain verify check graph export-scenario rules checks errors" "snapkey "
  want = "check checks" "snapkey ch"
  want = "-h --help --version" "snapkey -"
  want = "text json sarif junit markdown html" "snapkey check --format "
  want = "json junit" "snapkey check --format=j"
  want = "dot mermaid svg" "snapkey graph --format "
  want = "error warning info never" "snapkey check --fail-on "
  want = "examples" "snapkey predict exa"
  want = "examples" "snapkey check --terraform-source exa"
  want = "aurora@tokyo-default aurora@virginia-default" \
    "snapkey explain examples/article/1-mrk-default-vault.yaml aur"
  want ">=" "$(cli_subcommands)" "snapkey "
  for sub in $(cli_subcommands); do
    want = "$(cli_options "$sub")" "snapkey $sub -"
    formats=$(cli_formats "$sub")
    [[ -n $formats ]] && want ">=" "$formats" "snapkey $sub --format "
  done
  offered=() group=
  while IFS= read -r match; do
    if [[ $match == "<done>" ]]; then
      offered+=("$group")
      group=
    else
      group+=$match$'\n'
    fi
  done < <(PATH="$(dirname "$SNAPKEY"):$PATH" zsh -f "$(dirname "$0")/zsh_complete.zsh" \
             "$PWD/completions" "${lines[@]}")
  for i in "${!lines[@]}"; do
    expected=$(tr ' ' '\n' <<<"${wanted[i]}" | sed '/^$/d' | sort -u)
    got=$(sed '/^$/d' <<<"${offered[i]-}" | sort -u)
    if [[ ${how[i]} == = ]]; then
      [[ $got == "$expected" ]] ||
        fail "zsh: '${lines[i]}': expected [${expected//$'\n'/ }], got [${got//$'\n'/ }]"
    else
      missing_from "$expected" "$got" "zsh: '${lines[i]}'"
    fi
  done
else
  echo "zsh is not installed: _snapkey is only read, not run"
  zsh_script=$(<completions/_snapkey)
  for sub in $(cli_subcommands); do
    grep -qE "^ +'$sub:" <<<"$zsh_script" || fail "zsh: subcommand '$sub' is missing"
    for option in $(cli_options "$sub"); do
      grep -qE -- "[^a-z-]$option[^a-z-]" <<<"$zsh_script" || fail "zsh: option '$option' is missing"
    done
    for format in $(cli_formats "$sub"); do
      grep -qE "[( ]$format[ )]" <<<"$zsh_script" || fail "zsh: --format value '$format' is missing"
    done
  done
fi
finish
