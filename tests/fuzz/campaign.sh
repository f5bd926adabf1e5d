#!/usr/bin/env bash
# A long fuzzing campaign (README.md): each target in turn for SECONDS, in libFuzzer's fork mode,
# which keeps going past a crash, a leak or a timeout and saves each failing input.
#   tests/fuzz/campaign.sh BUILD_DIR WORK_DIR SECONDS [JOBS [TARGET...]]
# WORK_DIR/TARGET/ is the corpus the campaign grows (seeded from tests/fuzz/corpus/TARGET/, and
# kept between campaigns), WORK_DIR/TARGET-* the failing inputs, WORK_DIR/TARGET.log the log.
# JOBS (default 1) fuzzing processes run at once; the default TARGETs are all of them. At the end
# it prints a line per target: executions, coverage (cov: edges, ft: features), corpus size, time
# and failures.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 BUILD_DIR WORK_DIR SECONDS [JOBS [TARGET...]]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
mkdir -p "$2"
work=$(cd "$2" && pwd)
seconds=$3
jobs=${4:-1}
shift $(($# < 4 ? $# : 4))
here=$(cd "$(dirname "$0")" && pwd)

declare -A max_len=([scenario]=16384 [policy]=4096 [aws_cli]=16384 [terraform_plan]=65536
  [terraform_source]=16384 [terraform_json]=8192 [cloudformation_json]=16384
  [cloudformation_yaml]=16384 [engine]=1024)
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(scenario policy aws_cli terraform_plan terraform_source
  terraform_json cloudformation_json cloudformation_yaml engine)

cd "$work"
for target in "${targets[@]}"; do
  options=(-fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -timeout=10
    -rss_limit_mb=2048 -max_len="${max_len[$target]}" -max_total_time="$seconds"
    -artifact_prefix="$work/$target-")
  [[ -f $here/dict/$target.dict ]] && options+=(-dict="$here/dict/$target.dict")
  mkdir -p "$work/$target"
  echo "campaign: fuzz_$target for $seconds s, $jobs job(s)"
  "$build/tests/fuzz/fuzz_$target" "${options[@]}" "$work/$target" "$here/corpus/$target" \
    >>"$work/$target.log" 2>&1 || true
done

echo "target executions cov ft corpus seconds failures"
for target in "${targets[@]}"; do
  # Fork mode's progress lines: "#EXECS: cov: N ft: N corp: N exec/s: N oom/timeout/crash: ..."
  last=$(grep -E '^#[0-9]+: cov:' "$work/$target.log" | tail -n 1 || true)
  failures=$(ls "$work" | grep -c "^$target-" || true)
  echo "$target $(echo "$last" | sed -E 's/^#([0-9]+): cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+).* time: ([0-9]+)s.*/\1 \2 \3 \4 \5/') $failures"
done
