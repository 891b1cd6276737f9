#!/usr/bin/env bash
# Fuzzes one GridBot input surface with AFL++ and SharpFuzz: fuzz/run.sh <target> [minutes] (default 10).
# Targets: wecom-json wecom-xml wecom-decrypt activity-json command place import-json import-csv import-xlsx.
# Findings go to fuzz/findings/<target>/ (gitignored); see docs/FUZZING.md for reproducing and fixing a crash.
set -euo pipefail

target="${1:?usage: fuzz/run.sh <target> [minutes]}"
minutes="${2:-10}"
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/fuzz/corpus/$target"
findings="$root/fuzz/findings/$target"
out="${FUZZ_OUT:-${TMPDIR:-/tmp}/gridbot-fuzz-$target}"
# AFL's per-input limit, which is also what it calls a hang. import-xlsx gets more: SharpFuzz restarts its child after
# every timeout, so a first input that pays for ClosedXML's cold start (JIT, Open XML SDK) over the limit on a loaded
# machine times out again on every seed, and a dry run in which every seed times out ends the run.
case "$target" in
  import-xlsx) timeout_ms="${FUZZ_TIMEOUT_MS:-30000}" ;;
  *) timeout_ms="${FUZZ_TIMEOUT_MS:-5000}" ;;
esac

if [[ ! -d "$corpus" ]]; then
  echo "no seed corpus at $corpus" >&2
  exit 2
fi

if ! command -v afl-fuzz >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq afl++
fi

cd "$root"
dotnet tool restore >/dev/null

# One publish (serialised: two runs may start together and share obj/), then a copy per target, instrumented in
# place: sharpfuzz rewrites the DLLs, and a running fuzzer must not see its DLLs replaced by the next run.
publish="${TMPDIR:-/tmp}/gridbot-fuzz-publish"
(
  flock 9
  nice -n 19 dotnet publish fuzz/GridBot.Fuzz/GridBot.Fuzz.csproj -c Release -o "$publish" --nologo -v quiet
  rm -rf "$out"
  cp -r "$publish" "$out"
) 9>"${TMPDIR:-/tmp}/gridbot-fuzz-publish.lock"
for assembly in GridBot.Host.dll GridBot.Dialogs.dll GridBot.Store.dll; do
  dotnet sharpfuzz "$out/$assembly"
done

# afl-fuzz runs `dotnet`, which carries no AFL instrumentation of its own: SharpFuzz puts it in the managed DLLs.
# No CPU pinning: the machine is shared with builds, and a pinned run refuses to start once every core has one.
export AFL_NO_AFFINITY=1 AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
# A fresh run each time: the numbers docs/FUZZING.md reports are per run, not summed over resumed runs.
rm -rf "$findings"
mkdir -p "$findings"
nice -n 19 afl-fuzz -i "$corpus" -o "$findings" -t "$timeout_ms" -m none -V $((minutes * 60)) -- dotnet "$out/GridBot.Fuzz.dll" "$target" \
  > "$findings/afl.log" 2>&1 || { tail -n 40 "$findings/afl.log" >&2; exit 1; }

stats="$findings/default/fuzzer_stats"
echo "== $target =="
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|stability|bitmap_cvg) ' "$stats"
for kind in crashes hangs; do
  found=$(find "$findings/default/$kind" -type f -name 'id:*' 2>/dev/null | wc -l)
  if [[ "$found" -gt 0 ]]; then
    echo "$kind: $found input(s) in $findings/default/$kind (replay: dotnet $out/GridBot.Fuzz.dll $target < FILE)"
  fi
done
