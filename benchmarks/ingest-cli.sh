#!/usr/bin/env bash
# Issue 18's "ingest of 5,000 updates end to end under 1.5 s": wall and CPU time of whole `bin/chatstore ingest`
# runs into a fresh folder, JVM start included (the same updates as benchmarks/quick-cli.sh: 100 chats, 500 users).
# Arms alternate inside each round; `java -version` runs as the JVM's own start for reference. Prints the medians.
#
#   benchmarks/ingest-cli.sh [--runs N] [--updates N] [--work DIR] [--arms "version launcher ..."]
#     --arms LIST  launcher: bin/chatstore as it is; version: java -version;
#                  opts:NAME: bin/chatstore with CHATSTORE_JAVA_OPTS from the variable OPTS_NAME (e.g.
#                  OPTS_c1="-XX:TieredStopAtLevel=1" --arms "launcher opts:c1"), to measure a JVM flag;
#                  base: bin/chatstore of another build, BASE_ROOT=checkout (its jar, its plugins/)
#
# Needs the built host and plugins (mvn -B -q package -DskipTests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=5
updates=5000
work=benchmarks/target/ingest-cli
arms="version launcher"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --updates) updates=${2//_/}; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --arms) arms=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -f bot-host/target/bot-host.jar && -f plugins/storage-sqlite-plugin.zip ]] \
  || { echo "Build first: mvn -B -q package -DskipTests" >&2; exit 2; }
mkdir -p "$work"
work=$(cd "$work" && pwd)
input=$work/updates-$updates.jsonl
# The same updates as benchmarks/quick-cli.sh.
python3 "$root/benchmarks/cli-updates.py" "$input" "$updates"
config() { # folder plugins-root
  rm -rf "$1"
  mkdir -p "$1"
  printf '[plugins]\ndir = "%s"\n\n[database]\ndefault = "primary"\n\n[database.sources.primary]\npath = "bot.db"\n' \
    "$2/plugins" > "$1/bot.toml"
}
launcher_of() { # arm
  case $1 in base) echo "$BASE_ROOT/bin/chatstore" ;; *) echo "$root/bin/chatstore" ;; esac
}
# One untimed run per arm: the launcher records its class data sharing archive; the file cache fills.
for arm in $arms; do
  [[ $arm == version ]] && continue
  [[ $arm == base && -z ${BASE_ROOT:-} ]] && { echo "base needs BASE_ROOT" >&2; exit 2; }
  plugins_root=$root; [[ $arm == base ]] && plugins_root=$BASE_ROOT
  config "$work/warm" "$plugins_root"
  "$(launcher_of "$arm")" --config "$work/warm/bot.toml" ingest "$input" > /dev/null 2>&1
done
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc)); $(java -version 2>&1 | head -1)"
results=$work/times.txt
: > "$results"
for ((r = 1; r <= runs; r++)); do
  for arm in $arms; do
    opts=
    if [[ $arm == version ]]; then
      cmd=(java -version)
    else
      plugins_root=$root; [[ $arm == base ]] && plugins_root=$BASE_ROOT
      config "$work/run" "$plugins_root"
      if [[ $arm == opts:* ]]; then var=OPTS_${arm#opts:}; opts=${!var}; fi
      cmd=("$(launcher_of "$arm")" --config "$work/run/bot.toml" ingest "$input")
    fi
    CHATSTORE_JAVA_OPTS=$opts /usr/bin/time -f "%e %U %S" -o "$work/last.time" "${cmd[@]}" > /dev/null \
      2> "$work/last.err" || { cat "$work/last.err" >&2; exit 1; }
    read -r wall user sys < "$work/last.time"
    echo "$arm $(awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { printf "%d %d", w * 1000, (u + s) * 1000 }')" \
      >> "$results"
  done
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" "$runs" "$updates" <<'PY'
import collections, statistics, sys
times, cpu = collections.defaultdict(list), collections.defaultdict(list)
for line in open(sys.argv[1]):
    arm, ms, cpu_ms = line.split()
    times[arm].append(int(ms))
    cpu[arm].append(int(cpu_ms))
print("%-16s %8s %8s %8s %10s  (ms; ingest of %s updates; %s runs each)" % ("arm", "wall med", "min", "max",
                                                                           "cpu med", sys.argv[3], sys.argv[2]))
for arm, xs in times.items():
    print("%-16s %8d %8d %8d %10d" % (arm, statistics.median(xs), min(xs), max(xs), statistics.median(cpu[arm])))
PY
