#!/usr/bin/env bash
# Issue 19's "reads at 10M" harness (outside mvn verify): a 10M-message and a 100k-message SQLite file of the same
# shape (BigFile: 200 chats, 2,000 users, 50 members per chat, written by INSERT ... SELECT, reused when present),
# then on both files, alternating in one JVM, latest-50 of a chat, a point read and the fan-out reads (BigFileReads,
# target: 10M within 2x of 100k), then on the 10M file GET /health of a running `serve` (target under 50 ms) and the
# wall time of the `messages` and `chats` commands, JVM start included (target under 0.5 s).
#
#   benchmarks/big-file.sh [--messages N] [--small N] [--work DIR] [--calls N] [--skip-reads]
#     --messages N  messages in the big file (default 10000000)
#     --small N     messages in the small file (default 100000)
#     --work DIR    where the files go (default benchmarks/target/big-file; about 210 bytes a message)
#     --calls N     /health requests (default 20); each CLI command runs (N+3)/4 times per file
#     --skip-reads  only /health and the CLI
# JAVA_OPTS is passed to the CLI and to serve (e.g. JAVA_OPTS="-XX:+UseSerialGC -Xmx128m"). Needs curl.
# Builds benchmarks/target/benchmarks.jar and bot-host/target/bot-host.jar (with plugins/) when missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=benchmarks/target/benchmarks.jar
host=bot-host/target/bot-host.jar
messages=10000000
small=100000
work=benchmarks/target/big-file
calls=20
reads=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --messages) messages=${2//_/}; shift 2 ;;
    --small) small=${2//_/}; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --calls) calls=$2; shift 2 ;;
    --skip-reads) reads=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [[ ! -f $jar || ! -f $host || ! -f plugins/storage-sqlite-plugin.zip ]]; then
  mvn -B -q -ntp ${MVN_ARGS:-} -pl benchmarks,bot-host,storage-sqlite-plugin -am -DskipTests package
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)
generate() { # messages -> path
  local db=$work/big-$1.db
  if [[ ! -f $db ]]; then
    java -cp "$jar" dev.chatstore.benchmarks.BigFile "$db.tmp" "$1" >&2
    mv "$db.tmp" "$db"
  fi
  echo "$db"
}
small_db=$(generate "$small")
big_db=$(generate "$messages")
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"
if ((reads)); then
  java -cp "$jar" dev.chatstore.benchmarks.BigFileReads "$small_db" "$big_db" 3
fi

write_config() { # file db
  cat > "$1" <<EOF
[plugins]
dir = "$root/plugins"

[database]
default = "big"

[database.sources.big]
path = "$2"
EOF
}
config=$work/big.toml
small_config=$work/small.toml
write_config "$config" "$big_db"
write_config "$small_config" "$small_db"
chat=$(sqlite3 -readonly "$big_db" 'SELECT chat_id FROM chat_info ORDER BY chat_id LIMIT 1' 2>/dev/null \
  || echo -1001000000200)

# GET /health on a running serve: a fresh connection per request, as a load balancer's probe.
log=$work/serve.log
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$host" --config "$config" serve --port 0 > "$log" 2> "$work/serve.err" &
serve=$!
trap 'kill "$serve" 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  grep -q 'Listening on' "$log" && break
  sleep 0.1
done
url=$(sed -nE 's/.*Listening on (http[^ ]+).*/\1/p' "$log" | head -1)
[[ -n $url ]] || { echo "serve did not start: $(cat "$work/serve.err")" >&2; exit 1; }
times=()
for _ in $(seq "$calls"); do
  times+=("$(curl -s -o /dev/null -w '%{time_total}' "$url/health")")
done
kill "$serve"
wait "$serve" 2>/dev/null || true
trap - EXIT
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$calls" '{ t[NR] = $1 * 1000 } END {
  printf "GET /health on %s messages: p50 %.1f ms, max %.1f ms over %d requests (target < 50 ms)\n",
    "'"$messages"'", t[int((n + 1) / 2)], t[n], n }'

# The operator commands, JVM start included, on the big and (alternating, for scale) the small file.
wall() { # config args... -> ms
  local config=$1 s e
  shift
  s=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$host" --config "$config" "$@" > /dev/null 2>&1
  e=$(date +%s%N)
  echo "$(((e - s) / 1000000))"
}
summary() { # label ms...
  local label=$1
  shift
  printf '%s\n' "$@" | sort -n | awk -v label="$label" '{ t[NR] = $1 } END {
    printf "%s: median %d ms, min %d ms, max %d ms over %d runs (target < 500 ms)\n", label, t[int((NR + 1) / 2)],
      t[1], t[NR], NR }'
}
cli() { # label args...
  local label=$1
  shift
  local big=() little=()
  for _ in $(seq $(((calls + 3) / 4))); do
    big+=("$(wall "$config" "$@")")
    little+=("$(wall "$small_config" "$@")")
  done
  summary "$label on $messages messages" "${big[@]}"
  summary "$label on $small messages" "${little[@]}"
}
cli "messages --chat $chat --limit 50" messages --chat "$chat" --limit 50
cli "chats" chats
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
