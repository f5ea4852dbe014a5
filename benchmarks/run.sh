#!/usr/bin/env bash
# Runs the JMH suite and regenerates docs/PERFORMANCE.md from its JSON result.
#
#   benchmarks/run.sh                 full suite, under 10 minutes on 2 cores; rewrites docs/PERFORMANCE.md
#   benchmarks/run.sh --quick         short check, about 2-3 minutes; rougher numbers, 20,000-update ingest
#   benchmarks/run.sh -- REGEX...     only the benchmarks matching REGEX (any JMH options may follow --)
#   --report FILE                     where the report goes; a quick or partial run writes
#                                     benchmarks/target/PERFORMANCE.md, so the committed page keeps a full run
#   --no-report                       run only
#
# Builds benchmarks/target/benchmarks.jar first when it is missing or older than a source file (MVN_ARGS adds
# Maven options, e.g. MVN_ARGS=-o). Run it on a quiet machine: it prints the load average before starting, and
# the report records it. The JSON result stays in benchmarks/target/jmh-result.json, JMH's output in
# benchmarks/target/jmh-output.txt.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=benchmarks/target/benchmarks.jar
result=benchmarks/target/jmh-result.json
report=
mode=full
write_report=true
jmh_args=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) mode=quick; shift ;;
    --no-report) write_report=false; shift ;;
    --report) report=${2:?--report needs a file}; shift 2 ;;
    --) shift; jmh_args+=("$@"); break ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# The annotations hold the full run's settings (1 fork, 2 for the Storage-vs-direct reads; 2 warmup and 3 to 5
# measured iterations of 2 s; the ingest is a single shot per iteration); the quick mode shortens them.
if [[ $mode == quick ]]; then
  settings=(-f 1 -wi 1 -w 1s -i 2 -r 1s -p updates=20000)
else
  settings=()
fi
if [[ -z $report ]]; then
  if [[ $mode == full && ${#jmh_args[@]} -eq 0 ]]; then report=docs/PERFORMANCE.md; else report=benchmarks/target/PERFORMANCE.md; fi
fi

stale=$( [[ -f $jar ]] && find storage-api/src storage-testkit/src storage-routing/src storage-sqlite-plugin/src \
  bot-host/src benchmarks/src benchmarks/pom.xml pom.xml -newer "$jar" -type f -print -quit 2>/dev/null || echo missing)
if [[ -n $stale ]]; then
  echo "Building $jar (${stale})"
  # shellcheck disable=SC2086
  mvn -B -q -ntp ${MVN_ARGS:-} -pl benchmarks -am -DskipTests package
fi

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
echo "Load average before the run: $load (nproc $(nproc)); numbers are only comparable on a quiet machine."

command=(java -jar "$jar" -rf json -rff "$result" "${settings[@]}" "${jmh_args[@]}")
echo "${command[*]}"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
"${command[@]}" 2>&1 | tee benchmarks/target/jmh-output.txt
status=${PIPESTATUS[0]}
if [[ $status -ne 0 ]]; then
  echo "JMH failed with status $status; $report left unchanged" >&2
  exit "$status"
fi

if [[ $write_report == true ]]; then
  shown="benchmarks/run.sh"
  [[ $mode == quick ]] && shown+=" --quick"
  [[ ${#jmh_args[@]} -gt 0 ]] && shown+=" -- ${jmh_args[*]}"
  java -cp "$jar" dev.chatstore.benchmarks.PerformanceReport --result "$result" --output "$report" \
    --command "$shown" --jmh "${command[*]}" --load "$load" --date "$started"
fi
