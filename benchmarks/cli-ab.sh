#!/usr/bin/env bash
# A/B of whole host runs between builds, for start-up changes whose effect is smaller than this machine's drift:
# each saved build runs the same command in turn, round after round, so a slower minute slows every arm alike.
#
#   benchmarks/cli-ab.sh save NAME        copy the current build (bot-host jar, lib/, plugin zips) as arm NAME
#   benchmarks/cli-ab.sh run N COMMAND..  run bin/chatstore --config ARM/bot.toml COMMAND.. N times per arm,
#                                         alternating; prints each arm's wall and CPU seconds in run order
#   benchmarks/cli-ab.sh clear            forget every arm
#
# Every arm reads the same file: the 5,000-message file of benchmarks/quick-cli.sh (run that first). Each arm keeps
# its own class data archive beside its jar, recorded before the rounds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
arms=$root/benchmarks/target/cli-ab
db=$root/benchmarks/target/quick-cli/read/bot.db
case ${1:-} in
  save)
    [[ -n ${2:-} ]] || { echo "save needs a NAME" >&2; exit 2; }
    [[ -f $db ]] || { echo "Run benchmarks/quick-cli.sh first: it writes $db" >&2; exit 2; }
    arm=$arms/$2
    rm -rf "$arm"
    mkdir -p "$arm/target" "$arm/plugins"
    cp -r "$root/bot-host/target/bot-host.jar" "$root/bot-host/target/lib" "$arm/target/"
    cp "$root"/plugins/*.zip "$arm/plugins/"
    printf '[plugins]\ndir = "%s"\n\n[database]\ndefault = "primary"\n\n[database.sources.primary]\npath = "%s"\n' \
      "$arm/plugins" "$db" > "$arm/bot.toml"
    echo "saved $arm" ;;
  run)
    [[ ${2:-} =~ ^[0-9]+$ && $# -ge 3 ]] || { echo "run needs N and a command" >&2; exit 2; }
    n=$2
    shift 2
    times=$(mktemp)
    # The launcher compares its archive with the checkout's plugins/*.zip: record each arm's, then keep it newer.
    for arm in "$arms"/*/; do
      CHATSTORE_JAR=$arm/target/bot-host.jar "$root/bin/chatstore" --config "$arm/bot.toml" "$@" > /dev/null 2>&1 || true
    done
    touch "$arms"/*/target/*.jsa
    for ((round = 0; round < n; round++)); do
      for arm in "$arms"/*/; do
        /usr/bin/time -f "$(basename "$arm") %e %U %S" -a -o "$times" env CHATSTORE_JAR="$arm/target/bot-host.jar" \
          "$root/bin/chatstore" --config "$arm/bot.toml" "$@" > /dev/null 2>&1
      done
    done
    awk '{wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " ($3 + $4)}
         END {for (arm in wall) print arm, "wall:" wall[arm], " cpu:" cpu[arm]}' "$times" | sort
    rm -f "$times"
    echo "load average $(cut -d' ' -f1-3 /proc/loadavg)" ;;
  clear) rm -rf "$arms" ;;
  *) sed -n '2,11p' "$0"; exit 2 ;;
esac
