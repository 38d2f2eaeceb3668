#!/usr/bin/env bash
# `make fuzz`: runs each fuzz target for SECONDS (default 60) with cargo-fuzz (libFuzzer), then
# copies every crash it found into fuzz/regressions/<target>/, where tests/fuzz_regressions.rs
# (part of `make unit`) feeds it to the parsers for good. Fails when any target crashed.
#
# cargo-fuzz needs nightly compiler flags (-Zsanitizer=address); only the stable toolchain is
# installed, so RUSTC_BOOTSTRAP=1 unlocks them. cargo-fuzz itself is installed here when missing
# (not in scripts/setup.sh: `make test` never needs it).
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-60}"
TARGETS=(storage_decode embed_config import_file post_message hash_route interview_numbers)
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz 0.13.2"
  cargo install cargo-fuzz --version 0.13.2 --locked || exit 1
fi

cargo fuzz build || exit 1

# Extra seeds besides fuzz/regressions/<target>: the app's own stored-record fixtures.
seeds() {
  case "$1" in
    storage_decode) echo src/interview/fixtures src/storage/fixtures ;;
    interview_numbers) echo fuzz/regressions/storage_decode ;;
    *) ;;
  esac
}

status=0
summary=()
for target in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target" "fuzz/regressions/$target"
  echo "fuzz: $target for ${SECONDS_EACH}s"
  # shellcheck disable=SC2046
  cargo fuzz run "$target" "fuzz/corpus/$target" "fuzz/regressions/$target" $(seeds "$target") -- \
    -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 2>&1 | tee "fuzz/artifacts/$target.log" | grep -E '^(#[0-9]+\s+DONE|Done|==[0-9]+==ERROR|SUMMARY|stat::number_of_executed_units|stat::peak_rss_mb)' 
  result=${PIPESTATUS[0]}
  runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "fuzz/artifacts/$target.log" | grep -oE '[0-9]+$' | tail -1)
  found=0
  for crash in "fuzz/artifacts/$target"/*; do
    [ -f "$crash" ] || continue
    name=$(basename "$crash")
    if [ ! -f "fuzz/regressions/$target/$name" ]; then
      cp "$crash" "fuzz/regressions/$target/$name"
      found=$((found + 1))
    fi
  done
  if [ "$result" -ne 0 ] || [ "$found" -gt 0 ]; then
    status=1
    summary+=("$target: CRASH (exit $result), $found new input(s) copied to fuzz/regressions/$target/ after ${runs:-?} runs")
  else
    summary+=("$target: no crash in ${SECONDS_EACH}s, ${runs:-?} runs, corpus $(ls "fuzz/corpus/$target" | wc -l) inputs")
  fi
done

echo
printf 'fuzz: %s\n' "${summary[@]}"
exit "$status"
