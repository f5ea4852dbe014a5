#!/usr/bin/env bash
# Issue 19's bounded memory: peak RSS and wall time of the README's ingest command
# (`java FLAGS -jar bot-host/target/bot-host.jar --config CFG ingest FILE`) into a fresh SQLite file, per set of JVM
# flags, the sets alternating in each round. Target: peak RSS under 300 MB on the 1M many-member input.
#
#   benchmarks/cli-memory.sh [--updates N] [--rounds R] [--work DIR] [FLAGS...]
#     --updates N   first N lines of the many-member input (default 1000000; written by ManyMemberUpdates if missing)
#     --rounds R    rounds (default 1)
#     FLAGS         one quoted word list per arm (default: "" "-XX:+UseSerialGC -Xmx128m" "-Xmx128m")
# Prints one line per run: label, wall, peak RSS (GNU time's %M), load average. Needs /usr/bin/time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
updates=1000000
rounds=1
work=benchmarks/target/cli-memory
arms=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --updates) updates=${2//_/}; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) arms+=("$1"); shift ;;
  esac
done
((${#arms[@]})) || arms=("" "-XX:+UseSerialGC -Xmx128m" "-Xmx128m")
jar=benchmarks/target/benchmarks.jar
host=bot-host/target/bot-host.jar
if [[ ! -f $jar || ! -f $host || ! -f plugins/storage-sqlite-plugin.zip ]]; then
  mvn -B -q -ntp ${MVN_ARGS:-} -pl benchmarks,bot-host,storage-sqlite-plugin -am -DskipTests package
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)
input=$work/updates-$updates.jsonl
if [[ ! -f $input ]] || [[ $(wc -l < "$input") -ne $updates ]]; then
  java -cp "$jar" dev.chatstore.benchmarks.ManyMemberUpdates "$input" "$updates"
fi
config=$work/cli-memory.toml
cat > "$config" <<EOC
[plugins]
dir = "$root/plugins"

[database]
default = "primary"

[database.sources.primary]
path = "$work/ingest.db"
EOC
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"
for ((r = 1; r <= rounds; r++)); do
  for flags in "${arms[@]}"; do
    rm -f "$work/ingest.db" "$work/ingest.db-wal" "$work/ingest.db-shm"
    s=$(date +%s%N)
    # shellcheck disable=SC2086
    /usr/bin/time -f %M -o "$work/rss" java $flags -jar "$host" --config "$config" ingest "$input" > /dev/null 2>&1
    e=$(date +%s%N)
    printf 'round %d [%s]: %d updates in %.1f s, peak RSS %d MB, load %s\n' "$r" "${flags:-no flags}" "$updates" \
      "$(((e - s) / 1000000))e-3" "$(($(tail -1 "$work/rss") / 1024))" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
rm -f "$work/ingest.db" "$work/ingest.db-wal" "$work/ingest.db-shm"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
