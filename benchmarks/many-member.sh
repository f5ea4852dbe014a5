#!/usr/bin/env bash
# Issue 19's many-member ingest side by side with its same-rows floor, alternating, each run in a fresh JVM on a
# fresh copy of an empty file migrated by Chatstore.
#
#   benchmarks/many-member.sh [--updates N] [--rounds R] [--segment S] [--work DIR] [--chatstore "OPTIONS"]
#                             [-- FLOOR_OPTIONS...]
#     --updates N   updates to ingest (default 100000; the issue's acceptance shape is 1000000)
#     --rounds R    floor/Chatstore pairs, alternating (default 2)
#     --segment S   rate reported per S updates (default N/10): first vs last segment is the flatness ratio
#     --work DIR    where the JSONL, the empty file and the runs' files go (default benchmarks/target/many-member);
#                   the JSONL is reused when it has the right line count
#     --chatstore   options for ChatstoreIngest, one word list: the source's --cache-size KIB and --mmap-size BYTES
#                   (absent: the plugin's defaults)
#     FLOOR_OPTIONS passed to IngestFloor, e.g. --cache-size 131072 --mmap-size 268435456
#
# Prints one JSON line per run (rate, rate per segment, last/first segment ratio, peak RSS of the JVM) and the ratio
# Chatstore/floor per round. The shape: 200 supergroups, 2,000 users, 50 members per chat, a random member per
# message, one second apart (ManyMemberUpdates). Builds benchmarks/target/benchmarks.jar when it is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=benchmarks/target/benchmarks.jar
updates=100000
rounds=2
segment=
work=benchmarks/target/many-member
floor_options=()
chatstore_options=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --updates) updates=${2//_/}; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --segment) segment=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --chatstore) read -r -a chatstore_options <<<"$2"; shift 2 ;;
    --) shift; floor_options=("$@"); break ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
segment=${segment:-$((updates / 10))}
[[ -f $jar ]] || mvn -B -q -ntp ${MVN_ARGS:-} -pl benchmarks -am -DskipTests package
mkdir -p "$work"
input=$work/updates-$updates.jsonl
if [[ ! -f $input ]] || [[ $(wc -l < "$input") -ne $updates ]]; then
  java -cp "$jar" dev.chatstore.benchmarks.ManyMemberUpdates "$input" "$updates"
fi
empty=$work/empty-migrated.db
rm -f "$empty"
java -cp "$jar" dev.chatstore.benchmarks.ChatstoreIngest --create-empty "$empty"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"

run() { # label main-class extra-args...
  local label=$1 main=$2; shift 2
  local db=$work/$label.db
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$empty" "$db"
  java -cp "$jar" "dev.chatstore.benchmarks.$main" "$db" "$input" --segment "$segment" "$@"
  rm -f "$db" "$db-wal" "$db-shm"
}
for ((r = 1; r <= rounds; r++)); do
  floor=$(run floor IngestFloor "${floor_options[@]}")
  echo "$floor"
  chatstore=$(run chatstore ChatstoreIngest "${chatstore_options[@]}")
  echo "$chatstore"
  rate() { sed -E 's/.*"per_second":([0-9]+).*/\1/' <<<"$1"; }
  awk -v c="$(rate "$chatstore")" -v f="$(rate "$floor")" -v r="$r" \
    'BEGIN { printf "round %d: Chatstore %d/s, floor %d/s, ratio %.2f\n", r, c, f, c / f }'
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
