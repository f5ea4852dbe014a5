#!/usr/bin/env bash
# Issue 18's layer cost: Chatstore's single-message path (LayerCost: updateChatUser when a member is new, then
# addChatMessage, through Storage) against /work/shared/bench/per_message_floor.py (or FLOOR=path) with
# --indexes all on the same empty migrated file and the same updates, alternating in one run. Each arm is a fresh
# process: "cold" is 5,000 messages (the JVM's warm-up inside the timed loop), "warm" 50,000. A third arm runs
# LayerCost again with the JVM flags the README recommends to bots (--flags, default C1 only:
# -XX:TieredStopAtLevel=1), so every round shows Chatstore with and without them; --flags "" leaves that arm out.
#
#   benchmarks/layer-cost.sh [--rounds R] [--sizes "5000 50000"] [--flags "JVM FLAGS"] [--work DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=benchmarks/target/benchmarks.jar
floor=${FLOOR:-/work/shared/bench/per_message_floor.py}
rounds=3
sizes="5000 50000"
work=benchmarks/target/layer-cost
flags="-XX:TieredStopAtLevel=1"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --flags) flags=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -f $jar ]] || mvn -B -q -ntp ${MVN_ARGS:-} -pl benchmarks -am -DskipTests package
mkdir -p "$work"
empty=$work/empty-migrated.db
rm -f "$empty"
java -cp "$jar" dev.chatstore.benchmarks.ChatstoreIngest --create-empty "$empty"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc)); $(java -version 2>&1 | head -1)"
results=$work/rounds.txt
: > "$results"
for size in $sizes; do
  input=$work/updates-$size.jsonl
  [[ -f $input ]] || java -cp "$jar" dev.chatstore.benchmarks.ManyMemberUpdates "$input" "$size" 100 500 5
  for ((r = 1; r <= rounds; r++)); do
    f=$(python3 "$floor" "$empty" "$input" --indexes all 2>/dev/null)
    c=$(java -cp "$jar" dev.chatstore.benchmarks.LayerCost "$empty" "$input" "$work/chatstore.db" 2>/dev/null)
    g=0
    if [[ -n $flags ]]; then
      # shellcheck disable=SC2086 # the flags are words
      g=$(java $flags -cp "$jar" dev.chatstore.benchmarks.LayerCost "$empty" "$input" "$work/chatstore.db" 2>/dev/null)
    fi
    echo "$size $f $c $g" >> "$results"
    awk -v s="$size" -v f="$f" -v c="$c" -v g="$g" -v r="$r" -v fl="$flags" 'BEGIN { printf "%d messages, round %d: '\
'floor %d/s, Chatstore %d/s, ratio %.2f", s, r, f, c, c / f; if (fl != "") printf "; with %s %d/s, ratio %.2f", fl, g, '\
'g / f; printf "\n" }'
  done
done
python3 - "$results" "$flags" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
flags = sys.argv[2]
for line in open(sys.argv[1]):
    size, f, c, g = map(int, line.split())
    rows[size].append((f, c, g))
for size, xs in rows.items():
    f = statistics.median(x[0] for x in xs); c = statistics.median(x[1] for x in xs)
    print("%d messages, median over %d rounds: floor %d/s, Chatstore %d/s; ratio of the medians %.2f, median of the "
          "per-round ratios %.2f" % (size, len(xs), f, c, c / f, statistics.median(x[1] / x[0] for x in xs)))
    if flags:
        g = statistics.median(x[2] for x in xs)
        print("%d messages, with %s: Chatstore %d/s; ratio of the medians %.2f, median of the per-round ratios %.2f"
              % (size, flags, g, g / f, statistics.median(x[2] / x[0] for x in xs)))
PY
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
