#!/usr/bin/env bash
# The published badge list at the size of an imported data dir: publish
# (snapshot, no change, delta), sync through nginx (first, delta) and a
# 1,000-number address book checked offline, each beside a baseline taken
# in the same run. Figures go to BENCHMARKS.md ("The badge list").
#
#   cargo build --release --bin bizseal --example gen --example badge_changes
#   target/release/examples/gen 960000 /tmp/gen            # ~1M badged numbers
#   target/release/bizseal --data-dir /tmp/data import /tmp/gen/businesses.jsonl
#   scripts/badges_bench.sh /tmp/data /tmp/gen /tmp/badges-bench
#
# It revokes CHANGES (1000) numbers of the data dir: run it on a copy you
# may change. Needs nginx (apt nginx-light), curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:?data dir}; GEN=${2:?gen dir}; OUT=${3:?output dir}
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${BIN:-$TARGET/release/bizseal}
CHANGES_BIN=${CHANGES_BIN:-$TARGET/release/examples/badge_changes}
CHANGES=${CHANGES:-1000}
NGINX=${NGINX:-/usr/sbin/nginx}
export BIZSEAL_LOG=${BIZSEAL_LOG:-warn}

mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
PUB="$OUT/published"; rm -rf "$PUB" "$OUT"/client* "$OUT/copy" "$OUT/nginx"
REPORT="$OUT/report.txt"; : >"$REPORT"
log() { echo "$*" | tee -a "$REPORT"; }
# Seconds a command takes (its stdout goes to $1).
timed() { local out=$1; shift; local s e; s=$(date +%s%N); "$@" >"$out"; e=$(date +%s%N)
          python3 -c "print(f'{($e - $s) / 1e9:.3f}')"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

log "== $(date -u +%FT%TZ) $(git rev-parse --short HEAD) data=$DATA"
t=$(timed "$OUT/publish-snapshot.json" "$BIN" --data-dir "$DATA" publish --to "$PUB")
copy=$(timed /dev/null cp -r "$PUB" "$OUT/copy")
log "publish, first (snapshot + every bucket): ${t}s; cp -r of the tree it wrote: ${copy}s (ratio $(ratio "$t" "$copy"))"
log "  $(cat "$OUT/publish-snapshot.json")"
log "  tree: $(du -sh "$PUB" | cut -f1), $(find "$PUB" -type f | wc -l) files"
t=$(timed "$OUT/publish-again.json" "$BIN" --data-dir "$DATA" publish --to "$PUB")
log "publish, nothing changed: ${t}s  $(cat "$OUT/publish-again.json")"

# nginx on the tree (deploy/nginx.conf, static part; no bizseal behind it).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$OUT/nginx"
sed -e "s#/srv/bizseal/published#$PUB#" -e "s#/var/cache/nginx#$OUT/nginx#" \
    -e "s#listen 8081;#listen 127.0.0.1:$port;#" deploy/nginx.conf >"$OUT/nginx/nginx.conf"
user=""; [ "$(id -u)" = 0 ] && user="user root;"
"$NGINX" -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -e "$OUT/nginx/error.log" \
    -g "daemon off; $user pid $OUT/nginx/nginx.pid; error_log $OUT/nginx/error.log;" &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/badges/manifest.jws" >/dev/null && break; sleep 0.1; done
URL="http://127.0.0.1:$port"

# An address book: 950 personal numbers, 50 businesses (past the ones revoked below).
{ head -950 "$GEN/unlisted.txt"; tail -50 "$GEN/verified.txt"; } >"$OUT/book.txt"
snapshot=$(python3 -c "import json; print(json.load(open('$OUT/publish-snapshot.json'))['snapshot_bytes'])")
snap_path=$(ls "$PUB/badges/snapshot" | head -1)
curl_t=$(timed /dev/null curl -s -o /dev/null "$URL/badges/snapshot/$snap_path")
t=$(timed "$OUT/sync-first.json" "$BIN" client sync "$URL" "$OUT/client" --numbers "$OUT/book.txt")
log "first sync through nginx (keys, manifest, ${snapshot}-byte snapshot, the book's buckets): ${t}s; curl of the snapshot alone: ${curl_t}s (ratio $(ratio "$t" "$curl_t"))"
log "  $(cat "$OUT/sync-first.json")"

t=$(timed /dev/null "$CHANGES_BIN" "$DATA" "$GEN/verified.txt" "$CHANGES")
log "revoked $CHANGES numbers: ${t}s"
t=$(timed "$OUT/publish-delta.json" "$BIN" --data-dir "$DATA" publish --to "$PUB")
log "publish of $CHANGES changes (delta + buckets): ${t}s  $(cat "$OUT/publish-delta.json")"
curl_t=$(timed /dev/null curl -s -o /dev/null "$URL/badges/manifest.jws")
t=$(timed "$OUT/sync-delta.json" "$BIN" client sync "$URL" "$OUT/client")
log "delta sync through nginx: ${t}s; curl of the manifest alone: ${curl_t}s (ratio $(ratio "$t" "$curl_t"))"
log "  $(cat "$OUT/sync-delta.json")"

mapfile -t book <"$OUT/book.txt"
version_t=$(timed /dev/null "$BIN" --version)
t=$(timed "$OUT/check.jsonl" "$BIN" client check "$OUT/client" "${book[@]}")
badges=$(grep -c '"badge":true' "$OUT/check.jsonl" || true)
log "client check of the ${#book[@]}-number book (a process: load the list, parse, check): ${t}s, $badges badges; bizseal --version: ${version_t}s"
