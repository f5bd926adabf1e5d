#!/usr/bin/env bash
# The fuzz smoke step (README.md): replays every target's checked-in corpus (the seeds and every
# regression input), then fuzzes each target for SECONDS (default 20) from it. Fails on the first
# crash, sanitizer report, leak, timeout (10 s for one input) or input that takes more than 2 GB.
#   tests/fuzz/smoke.sh BUILD_DIR [SECONDS]
# BUILD_DIR is a build configured with -DSNAPKEY_FUZZ=ON. New inputs the run finds go to a
# temporary directory, never into the checked-in corpus; a failing input is kept there, and its
# path printed.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 BUILD_DIR [SECONDS]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
seconds=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)

# TARGET and the largest input it is fuzzed with: above its largest seed where that is small,
# about its size where it is large (a Terraform plan of 40 KB), so that each run stays fast.
targets=(
  "scenario 16384"
  "policy 4096"
  "aws_cli 16384"
  "terraform_plan 65536"
  "terraform_source 16384"
  "terraform_json 8192"
  "cloudformation_json 16384"
  "cloudformation_yaml 16384"
  "engine 1024"
)

work=$(mktemp -d "${TMPDIR:-/tmp}/snapkey-fuzz-smoke.XXXXXX")
failed=""
# Runs in the scratch directory: a reader that looks next to its input finds nothing there.
cd "$work"

for entry in "${targets[@]}"; do
  read -r target max_len <<<"$entry"
  binary=$build/tests/fuzz/fuzz_$target
  corpus=$here/corpus/$target
  if [[ ! -x $binary ]]; then
    echo "smoke: $binary is missing: build $build with -DSNAPKEY_FUZZ=ON" >&2
    exit 2
  fi
  options=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/$target-")
  [[ -f $here/dict/$target.dict ]] && options+=(-dict="$here/dict/$target.dict")
  mkdir -p "$work/$target"
  started=$SECONDS
  # The corpus once, each input whole (no -max_len: a regression input may be larger), then
  # SECONDS of fuzzing from it.
  if ! "$binary" "${options[@]}" -runs=0 "$corpus" >"$work/$target-replay.log" 2>&1 ||
    ! "$binary" "${options[@]}" -max_len="$max_len" -max_total_time="$seconds" \
      "$work/$target" "$corpus" >"$work/$target.log" 2>&1; then
    log=$work/$target.log
    [[ -f $log ]] || log=$work/$target-replay.log
    tail -n 40 "$log" >&2
    echo "smoke: fuzz_$target FAILED (log: $log; inputs: $work/$target-*)" >&2
    failed="$failed $target"
    continue
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$work/$target.log" | grep -o '[0-9]*$' || true)
  cov=$(grep -o 'cov: [0-9]*' "$work/$target.log" | tail -n 1 | grep -o '[0-9]*$' || true)
  echo "smoke: fuzz_$target ok: $(ls "$corpus" | wc -l) corpus inputs replayed, ${runs:-?} runs," \
    "cov ${cov:-?}, $((SECONDS - started)) s"
done

if [[ -n $failed ]]; then
  echo "smoke: failed:$failed" >&2
  exit 1
fi
rm -rf "$work"
echo "smoke: every target ok"
