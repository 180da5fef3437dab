#!/usr/bin/env bash
# Runs every libFuzzer harness of tests/fuzz for SECONDS each (default 60), two at a time
# (OPBOX_FUZZ_JOBS), after building them in the sanitizer build (build-asan/, the asan preset).
# Each harness starts from its committed seeds (tests/fuzz/corpus/<name>/) plus what earlier runs
# found (build-asan/fuzz/<name>/corpus/, never committed). Prints executions per second and the
# coverage (cov: edges, ft: features) at the start and at the end; a crash, a leak, a sanitizer
# report or a timeout fails the run, with the input saved under build-asan/fuzz/<name>/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
seconds="${1:-60}"
jobs="${OPBOX_FUZZ_JOBS:-2}"
dir=build-asan

export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=true
if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake --preset asan >/dev/null
fi
cmake --build "$dir" -j"${OPBOX_JOBS:-2}" --target opbox_fuzzers

# halt_on_error: the first sanitizer report is the crash libFuzzer records. libFuzzer checks each
# input for leaks itself; the check at exit is off because the API harness keeps its engine open
# until the process ends (Qt's global state is gone by the time exit handlers could close it).
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:leak_check_at_exit=0"
export LSAN_OPTIONS="suppressions=$here/cmake/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export QT_QPA_PLATFORM=offscreen OPBOX_TEST=1 TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8

harnesses=()
for corpus in tests/fuzz/corpus/*/; do
  harnesses+=("$(basename "$corpus")")
done

run_one() {
  local name="$1" out="$dir/fuzz/$1"
  mkdir -p "$out/corpus"
  local dict=()
  [ -f "tests/fuzz/$name.dict" ] && dict=(-dict="tests/fuzz/$name.dict")
  # -timeout: an input that takes this long is a hang; -rss_limit_mb: one input may not run away.
  "$dir/bin/fuzz_$name" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$out/" "${dict[@]}" "$out/corpus" "tests/fuzz/corpus/$name" >"$out/log.txt" 2>&1
}

pids=()
names=()
for name in "${harnesses[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
    wait -n || true
  done
  echo "fuzz: $name for ${seconds}s"
  run_one "$name" &
  pids+=($!)
  names+=("$name")
done

failed=0
status=()
for i in "${!pids[@]}"; do
  if wait "${pids[$i]}"; then status[$i]=ok; else status[$i]=FAILED; failed=1; fi
done

printf '\n%-18s %10s %9s %15s %15s  %s\n' harness execs "exec/s" "cov start→end" "ft start→end" result
for i in "${!names[@]}"; do
  name="${names[$i]}" log="$dir/fuzz/${names[$i]}/log.txt"
  inited=$(grep -m1 -E '^#[0-9]+[[:space:]]+INITED' "$log" || true)
  last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|NEW|REDUCE|pulse|INITED)' "$log" | tail -1 || true)
  field() { sed -n "s/.* $1: \([0-9]*\).*/\1/p" <<<"$2"; }
  execs=$(sed -n 's/^stat::number_of_executed_units: //p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: //p' "$log")
  printf '%-18s %10s %9s %15s %15s  %s\n' "$name" "${execs:-?}" "${rate:-?}" \
    "$(field cov "$inited")→$(field cov "$last")" "$(field ft "$inited")→$(field ft "$last")" "${status[$i]}"
done
for i in "${!names[@]}"; do
  if [ "${status[$i]}" != ok ]; then
    echo
    echo "fuzz: ${names[$i]} failed; the end of $dir/fuzz/${names[$i]}/log.txt:"
    tail -n 60 "$dir/fuzz/${names[$i]}/log.txt"
  fi
done
exit "$failed"
