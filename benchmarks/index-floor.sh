#!/usr/bin/env bash
# Issue 18's schema cost: /work/shared/bench/per_message_floor.py (or FLOOR=path) on Chatstore's schema
# (--indexes all) against the same script with the original bot's indexes only (--indexes original), alternating
# in one run, on this machine's python3.
#
#   benchmarks/index-floor.sh [--updates N] [--rounds R] [--work DIR]
#     --updates N  messages (default 5000: issue 18's shape, 100 chats, 500 users, 5 members per chat)
#     --rounds R   all/original pairs (default 3)
#
# EMPTY_MIGRATED.db is made by this build of Chatstore (ChatstoreIngest --create-empty), so the index set measured
# is the one `migrate` gives today. Prints each run's messages/s and the ratio all/original per round.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=benchmarks/target/benchmarks.jar
floor=${FLOOR:-/work/shared/bench/per_message_floor.py}
updates=5000
rounds=3
work=benchmarks/target/index-floor
while [[ $# -gt 0 ]]; do
  case "$1" in
    --updates) updates=${2//_/}; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -f $jar ]] || mvn -B -q -ntp ${MVN_ARGS:-} -pl benchmarks -am -DskipTests package
mkdir -p "$work"
input=$work/updates-$updates.jsonl
java -cp "$jar" dev.chatstore.benchmarks.ManyMemberUpdates "$input" "$updates" 100 500 5
empty=$work/empty-migrated.db
rm -f "$empty"
java -cp "$jar" dev.chatstore.benchmarks.ChatstoreIngest --create-empty "$empty"
echo "indexes on the four written tables: $(python3 -c "import sqlite3,sys; print(', '.join(r[0] for r in sqlite3.connect(sys.argv[1]).execute(\"select name from sqlite_master where type='index' and sql is not null and tbl_name in ('chat_messages','chat_users','chat_stats','chat_user_stats') order by name\")))" "$empty")"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc)); python3 $(python3 -c 'import sqlite3; print("sqlite", sqlite3.sqlite_version)')"
for ((r = 1; r <= rounds; r++)); do
  all=$(python3 "$floor" "$empty" "$input" --indexes all)
  original=$(python3 "$floor" "$empty" "$input" --indexes original)
  awk -v a="$all" -v o="$original" -v r="$r" \
    'BEGIN { printf "round %d: --indexes all %d/s, --indexes original %d/s, ratio %.2f\n", r, a, o, a / o }'
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
