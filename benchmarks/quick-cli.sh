#!/usr/bin/env bash
# Issue 18's quick CLI: wall and CPU time of whole host runs, JVM start included, each command N times; prints
# the medians (and the wall min/max) per command and way of starting it. The arms alternate inside each round, so a
# busy machine slows them alike; the load average is printed before and after.
#
#   benchmarks/quick-cli.sh [--runs N] [--updates N] [--work DIR] [--arms "jar launcher ..."]
#     --runs N     runs per command and arm (default 7)
#     --updates N  text messages in the file the read commands read and `ingest` writes (default 5000: 100 chats,
#                  500 users)
#     --arms LIST  jar: java -jar bot-host/target/bot-host.jar, as the README's second line used to;
#                  launcher: bin/chatstore (class data sharing archive, C1 only, serial GC);
#                  version: java -version, the JVM's own start (reference);
#                  base: java -jar on another build, BASE_ROOT=checkout (its bot-host jar and plugins/), e.g. the
#                  commit before issue 18's startup work
#
# Needs the built host and plugins (mvn -B -q package -DskipTests). The read commands run against a current file
# written once by `ingest` of the same updates; each `ingest` run writes a fresh copy of an empty folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=7
updates=5000
work=benchmarks/target/quick-cli
arms="version jar launcher"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --updates) updates=${2//_/}; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --arms) arms=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
jar=bot-host/target/bot-host.jar
[[ -f $jar && -f plugins/storage-sqlite-plugin.zip ]] || { echo "Build first: mvn -B -q package -DskipTests" >&2; exit 2; }
mkdir -p "$work"
work=$(cd "$work" && pwd)
input=$work/updates-$updates.jsonl
python3 "$root/benchmarks/cli-updates.py" "$input" "$updates"
# A config per run folder: the plugins of the checkout, one file source.
config() { # folder [plugins-root] [db-path]
  mkdir -p "$1"
  printf '[plugins]\ndir = "%s"\n\n[database]\ndefault = "primary"\n\n[database.sources.primary]\npath = "%s"\n' \
    "${2:-$root}/plugins" "${3:-bot.db}" > "$1/bot.toml"
}
read_dir=$work/read
rm -rf "$read_dir"
config "$read_dir"
java -jar "$jar" --config "$read_dir/bot.toml" ingest "$input" > /dev/null 2>&1
chat=-1001000000000
if [[ " $arms " == *" base "* ]]; then
  [[ -n ${BASE_ROOT:-} && -f $BASE_ROOT/bot-host/target/bot-host.jar ]] || { echo "base needs BASE_ROOT" >&2; exit 2; }
  config "$work/read-base" "$BASE_ROOT" "$read_dir/bot.db"
  java -jar "$BASE_ROOT/bot-host/target/bot-host.jar" --config "$work/read-base/bot.toml" sources > /dev/null 2>&1
fi
# Warm both ways of starting once (the launcher records an archive per kind of command on its first run of the
# kind; the file cache fills).
bin/chatstore --config "$read_dir/bot.toml" sources > /dev/null 2>&1
java -jar "$jar" --config "$read_dir/bot.toml" sources > /dev/null 2>&1
rm -rf "$work/ingest-warm-up"
config "$work/ingest-warm-up"
bin/chatstore --config "$work/ingest-warm-up/bot.toml" ingest "$input" > /dev/null 2>&1

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc)); $(java -version 2>&1 | head -1)"
results=$work/times.txt
: > "$results"
# Wall and CPU (user + system) milliseconds of one run; the CPU time suffers less from a busy machine.
run_arm() { # arm command-name args...
  local arm=$1 name=$2; shift 2
  local cmd
  case $arm in
    version) cmd=(java -version) ;;
    jar) cmd=(java -jar "$jar" "$@") ;;
    base) cmd=(java -jar "$BASE_ROOT/bot-host/target/bot-host.jar" "$@") ;;
    launcher) cmd=(bin/chatstore "$@") ;;
  esac
  /usr/bin/time -f "%e %U %S" -o "$work/last.time" "${cmd[@]}" > /dev/null 2>"$work/last.err" \
    || { cat "$work/last.err" >&2; exit 1; }
  read -r wall user sys < "$work/last.time"
  echo "$arm $name $(awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { printf "%d %d", w * 1000, (u + s) * 1000 }')" \
    >> "$results"
}
for ((r = 1; r <= runs; r++)); do
  for arm in $arms; do
    if [[ $arm == version ]]; then run_arm version java-version; continue; fi
    read_config=$read_dir/bot.toml
    [[ $arm == base ]] && read_config=$work/read-base/bot.toml
    run_arm "$arm" sources --config "$read_config" sources
    run_arm "$arm" chats --config "$read_config" chats
    run_arm "$arm" messages --config "$read_config" messages --chat "$chat"
    ingest_dir=$work/ingest-$arm
    rm -rf "$ingest_dir"
    if [[ $arm == base ]]; then config "$ingest_dir" "$BASE_ROOT"; else config "$ingest_dir"; fi
    run_arm "$arm" "ingest-$updates" --config "$ingest_dir/bot.toml" ingest "$input"
  done
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" "$runs" <<'PY'
import collections, statistics, sys
times = collections.defaultdict(list)
cpu = collections.defaultdict(list)
for line in open(sys.argv[1]):
    arm, name, ms, cpu_ms = line.split()
    times[(name, arm)].append(int(ms))
    cpu[(name, arm)].append(int(cpu_ms))
print("%-14s %-9s %8s %8s %8s %10s  (ms; %s runs each)" % ("command", "arm", "wall med", "min", "max", "cpu med",
                                                          sys.argv[2]))
for (name, arm), xs in sorted(times.items()):
    print("%-14s %-9s %8d %8d %8d %10d" % (name, arm, statistics.median(xs), min(xs), max(xs),
                                           statistics.median(cpu[(name, arm)])))
PY
