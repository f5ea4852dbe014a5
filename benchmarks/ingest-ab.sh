#!/usr/bin/env bash
# Issue 12: the many-member ingest side by side, alternating in fresh JVMs on fresh copies of one empty migrated file:
# the same-rows floor (IngestFloor), Chatstore's ingest (ChatstoreIngest) of this build, optionally of an earlier
# build's benchmarks jar (--before JAR), and the CLI end to end (`bot-host.jar --db F ingest FILE`, JVM start and
# plugin loading included, timed from outside).
#
#   benchmarks/ingest-ab.sh [--updates N] [--rounds R] [--before JAR]
# Needs benchmarks/target/benchmarks.jar, bot-host/target/bot-host.jar and plugins/storage-sqlite-plugin.zip
# (mvn -B -q package -DskipTests). Prints one JSON line per run and the ratios to the floor per round.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=benchmarks/target/benchmarks.jar
updates=100000
rounds=1
before=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --updates) updates=${2//_/}; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
work=benchmarks/target/many-member
mkdir -p "$work" "$work/plugins"
cp plugins/storage-sqlite-plugin.zip "$work/plugins/"
input=$work/updates-$updates.jsonl
if [[ ! -f $input ]] || [[ $(wc -l < "$input") -ne $updates ]]; then
  java -cp "$jar" dev.chatstore.benchmarks.ManyMemberUpdates "$input" "$updates"
fi
empty=$work/empty-migrated.db
rm -f "$empty"
java -cp "$jar" dev.chatstore.benchmarks.ChatstoreIngest --create-empty "$empty"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"
fresh() { rm -f "$1" "$1-wal" "$1-shm"; cp "$empty" "$1"; }
rate() { sed -E 's/.*"per_second":([0-9]+).*/\1/' <<<"$1"; }
for ((r = 1; r <= rounds; r++)); do
  db=$work/run.db
  fresh "$db"; floor=$(java -cp "$jar" dev.chatstore.benchmarks.IngestFloor "$db" "$input" --segment "$updates"); echo "$floor"
  if [[ -n $before ]]; then
    fresh "$db"; old=$(java -cp "$before" dev.chatstore.benchmarks.ChatstoreIngest "$db" "$input" --segment "$updates")
    echo "before: $old"
  fi
  fresh "$db"; now=$(java -cp "$jar" dev.chatstore.benchmarks.ChatstoreIngest "$db" "$input" --segment "$updates"); echo "$now"
  fresh "$db"
  start=$(date +%s.%N)
  java -jar bot-host/target/bot-host.jar --db "$db" --plugins "$work/plugins" ingest "$input" >/dev/null
  cli=$(awk -v s="$start" -v e="$(date +%s.%N)" -v n="$updates" 'BEGIN { printf "%d", n / (e - s) }')
  echo "{\"run\":\"cli\",\"updates\":$updates,\"per_second\":$cli}"
  awk -v f="$(rate "$floor")" -v c="$(rate "$now")" -v o="${old:+$(rate "$old")}" -v l="$cli" -v r="$r" 'BEGIN {
    printf "round %d: floor %d/s; Chatstore %d/s = %.2f of it", r, f, c, c / f
    if (o != "") printf "; before %d/s = %.2f", o, o / f
    printf "; CLI end to end %d/s = %.2f\n", l, l / f }'
  rm -f "$db" "$db-wal" "$db-shm"
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
