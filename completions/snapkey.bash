# bash completion for snapkey(1)                                           -*- shell-script -*-
#
# Installed as share/bash-completion/completions/snapkey, which bash-completion loads the first
# time `snapkey` is completed; it also works sourced on its own (without bash-completion's
# helpers it completes files more simply). Completes the subcommands, each subcommand's options,
# the values of --format (per subcommand) and --fail-on, files and directories, and for
# `snapkey explain` the recovery points that the inputs already given produce.
# tests/packaging/completion_test.sh checks it against `snapkey --help`.

# The options of each subcommand, and the values of its --format.
_snapkey_options() {
  local placement="--region --account --stack --terraform-plan --parameter --var --var-file
                   --terraform-source"
  case $1 in
    predict | verify) echo "--format --as-of --output $placement" ;;
    explain) echo "--as-of --output $placement" ;;
    check) echo "--policy --format --fail-on --today --as-of --output $placement" ;;
    graph) echo "--format --as-of --output $placement" ;;
    export-scenario) echo "--output $placement" ;;
    rules | checks | errors) echo "--format --output" ;;
  esac
}

_snapkey_formats() {
  case $1 in
    predict | verify) echo "table json markdown" ;;
    check) echo "text json sarif junit markdown html" ;;
    graph) echo "dot mermaid svg" ;;
    rules | checks | errors) echo "table markdown json" ;;
  esac
}

# Files and directories (with -d, directories only).
_snapkey_files() {
  if declare -F _filedir >/dev/null; then
    _filedir "$@"
    return
  fi
  compopt -o filenames 2>/dev/null
  local IFS=$'\n'
  if [[ ${1-} == -d ]]; then
    COMPREPLY=($(compgen -d -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}

# snapkey explain INPUT... RECOVERY-POINT: the recovery points `snapkey predict` finds in the
# words given so far (the inputs and their placement options), from its table's first column.
_snapkey_recovery_points() {
  local snapkey=$1
  shift
  [[ $# -gt 0 ]] || return
  NO_COLOR=1 command "$snapkey" predict "$@" 2>/dev/null |
    while IFS=' ' read -r first _; do
      [[ $first == *@* ]] && printf '%s\n' "$first"
    done
}

_snapkey() {
  local cur prev words cword split=false
  if declare -F _init_completion >/dev/null; then
    _init_completion -s || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    # --option=value, split by bash at the '=' (COMP_WORDBREAKS) or not.
    if [[ $cur == = ]]; then
      cur=
      split=true
    elif [[ $prev == = && $cword -ge 3 ]]; then
      prev=${words[cword - 2]}
      split=true
    elif [[ $cur == --*=* ]]; then
      prev=${cur%%=*}
      cur=${cur#*=}
      split=true
    fi
  fi

  # The subcommand: the first word that is not an option (only --help and --version, which take
  # no value, come before it).
  local command= i
  for ((i = 1; i < cword; i++)); do
    if [[ ${words[i]} != -* && ${words[i]} != = ]]; then
      command=${words[i]}
      break
    fi
  done

  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "-h --help --version" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "predict explain verify check graph export-scenario rules checks
                              errors" -- "$cur"))
    fi
    return
  fi

  case $prev in
    --format)
      COMPREPLY=($(compgen -W "$(_snapkey_formats "$command")" -- "$cur"))
      return
      ;;
    --fail-on)
      COMPREPLY=($(compgen -W "error warning info never" -- "$cur"))
      return
      ;;
    --policy | --var-file | --stack | --terraform-plan | --output)
      _snapkey_files
      return
      ;;
    --terraform-source)
      _snapkey_files -d
      return
      ;;
    --as-of | --today | --region | --account | --parameter | --var)
      return
      ;;
  esac
  $split && return

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "-h --help $(_snapkey_options "$command")" -- "$cur"))
    return
  fi

  case $command in
    predict | explain | verify | check | graph | export-scenario)
      _snapkey_files
      if [[ $command == explain ]]; then
        local IFS=$'\n'
        COMPREPLY+=($(compgen -W "$(_snapkey_recovery_points "${words[0]}" \
          "${words[@]:i+1:cword-i-1}")" -- "$cur"))
      fi
      ;;
  esac
} &&
  complete -F _snapkey snapkey

# ex: filetype=sh
