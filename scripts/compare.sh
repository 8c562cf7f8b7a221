#!/usr/bin/env bash
# Compares two bizseal binaries on the same imported data, in alternating
# rounds: single lookups, 1000-number batches (all listed, and 100 listed
# in 1000) and token checks, each with wrk on loopback.
#
#   scripts/compare.sh OLD_BIN NEW_BIN LOAD_DIR      # LOAD_DIR from load.sh, e.g. target/load/1000000
#
# Both binaries must read the data dir's format. Prints requests/s of each
# and NEW/OLD per round. Bounded: ROUNDS (default 3) x 4 runs of DURATION
# (default 10) seconds per binary; every server it starts is stopped.
set -euo pipefail

OLD=$1 NEW=$2 DIR=$3
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
PORT=${PORT:-18081}
LUA=$(cd "$(dirname "$0")" && pwd)/wrk
SERVER_PID=

stop() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap stop EXIT

start() {
  "$1" serve --data-dir "$DIR/data" --addr "127.0.0.1:$PORT" >/dev/null 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 500); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && return 0
    sleep 0.02
  done
  echo "server did not start" >&2
  exit 1
}

# rps CONNS LUA_SCRIPT ARGS...: requests/s of one bounded wrk run.
rps() {
  local conns=$1 script=$2
  shift 2
  timeout $((DURATION + 30)) wrk -t1 -c"$conns" -d"${DURATION}s" -s "$LUA/$script" \
    "http://127.0.0.1:$PORT/" -- "$@" | awk '/^Requests\/sec/ {print $2}'
}

measure() {
  start "$1"
  rps 16 lookup.lua "$DIR/verified.txt" >/dev/null # warm-up
  echo "$(rps 16 lookup.lua "$DIR/verified.txt") $(rps 1 batch.lua "$DIR/verified.txt" "$DIR/unlisted.txt" 1000) $(rps 1 batch.lua "$DIR/verified.txt" "$DIR/unlisted.txt" 100) $(rps 16 verify.lua "$DIR/tokens.txt")"
  stop
}

echo "round: lookup, batch of 1000 listed, batch of 100 listed in 1000, verify (req/s): old | new | new/old"
for r in $(seq "$ROUNDS"); do
  read -r a b c d <<<"$(measure "$OLD")"
  read -r e f g h <<<"$(measure "$NEW")"
  printf '%s: %s %s %s %s | %s %s %s %s | %s\n' "$r" "$a" "$b" "$c" "$d" "$e" "$f" "$g" "$h" \
    "$(awk -v a="$a" -v b="$b" -v c="$c" -v d="$d" -v e="$e" -v f="$f" -v g="$g" -v h="$h" \
      'BEGIN {printf "%.2f %.2f %.2f %.2f", e / a, f / b, g / c, h / d}')"
done
