# zsh -f zsh_complete.zsh COMPLETIONS_DIR LINE...: what zsh's completion offers for each LINE
# followed by a TAB, typed into an interactive zsh (on a pseudo-terminal, zsh/zpty) whose $fpath
# starts with COMPLETIONS_DIR. Prints, for each line, the matches one a line, then "<done>".
# compadd is wrapped to write the matches it is given to a file; nothing is parsed off the screen.
emulate -L zsh
zmodload zsh/zpty || exit 2
local dir=$1 out=$(mktemp)
shift
zpty z zsh -f -i
zpty -w z "PROMPT= RPROMPT=; bindkey -e; fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -D -u"
zpty -w z "zstyle ':completion:*' insert-tab false; out=${(q)out}"
# compadd -O, -A and -D only compute matches for the caller: those are not offered yet.
zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a hits; builtin compadd -A hits "$@"; (( $#hits )) && print -rl -- $hits >> $out; builtin compadd "$@"; }'
# TAB completes, then marks the end of what it offered.
zpty -w z 'complete-and-mark() { zle complete-word; print -r -- "<done>" >> $out; }; zle -N complete-and-mark; bindkey "^I" complete-and-mark'
local line i n=0 code=0
for line in "$@"; do
  (( n++ ))
  zpty -w -n z "$line"$'\t'
  for i in {1..200}; do
    (( $(grep -c '^<done>$' $out) >= n )) && break
    sleep 0.05
  done
  if (( $(grep -c '^<done>$' $out) < n )); then
    print -u2 "zsh offered no completion for: $line"
    code=1
    break
  fi
  zpty -w -n z $'\C-u'  # kill the line (with what the completion inserted)
done
zpty -d z
cat $out
rm -f $out
exit $code
