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
# is the one `migrate` gives today; a third arm, "before", is the same file with the index set Chatstore had before
# V5 (V2/V3's five indexes). Prints each round's messages/s and ratios, then the medians over the rounds.
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
before=$work/empty-before-v5.db
cp "$empty" "$before"
python3 - "$before" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
for (name,) in db.execute("select name from sqlite_master where type='index' and sql is not null and name like "
                          "'chatstore_chat_%' and tbl_name in ('chat_messages','chat_users')").fetchall():
    db.execute(f'DROP INDEX "{name}"')
db.executescript("""
CREATE INDEX chatstore_chat_messages_chat_date ON chat_messages (chat_id, date);
CREATE INDEX chatstore_chat_messages_chat_user_date ON chat_messages (chat_id, user_id, date);
CREATE INDEX chatstore_chat_messages_chat_root ON chat_messages (chat_id, root_message_id);
CREATE INDEX chatstore_chat_users_chat_updated ON chat_users (chat_id, updated_at);
CREATE INDEX chatstore_chat_users_user ON chat_users (user_id);""")
PY
results=$work/rounds.txt
: > "$results"
for ((r = 1; r <= rounds; r++)); do
  b=$(python3 "$floor" "$before" "$input" --indexes all 2>/dev/null)
  a=$(python3 "$floor" "$empty" "$input" --indexes all 2>/dev/null)
  o=$(python3 "$floor" "$empty" "$input" --indexes original 2>/dev/null)
  echo "$b $a $o" >> "$results"
  awk -v b="$b" -v a="$a" -v o="$o" -v r="$r" 'BEGIN { printf "round %d: before V5 %d/s, this build %d/s, '\
'original indexes %d/s; ratio before %.2f, now %.2f\n", r, b, a, o, b / o, a / o }'
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [list(map(int, line.split())) for line in open(sys.argv[1]) if line.strip()]
med = lambda xs: statistics.median(xs)
print("median over %d rounds: before V5 %d/s, this build %d/s, original indexes %d/s; ratio of the medians before "
      "%.2f, now %.2f; median of the per-round ratios before %.2f, now %.2f" % (len(rows),
      med([r[0] for r in rows]), med([r[1] for r in rows]), med([r[2] for r in rows]),
      med([r[0] for r in rows]) / med([r[2] for r in rows]), med([r[1] for r in rows]) / med([r[2] for r in rows]),
      med([r[0] / r[2] for r in rows]), med([r[1] / r[2] for r in rows])))
PY
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
