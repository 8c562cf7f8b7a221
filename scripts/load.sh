#!/usr/bin/env bash
# Load test for issue 6 ("fast enough for a billion address books").
#
#   scripts/load.sh                       # sizes 100000 and 1000000
#   SIZES=100000 ROUNDS=2 DURATION=5 scripts/load.sh
#
# For each size it generates the businesses (examples/gen.rs), imports them
# and, alternating with the import, inserts the same encoded records into a
# fresh redb (examples/raw_insert.rs); then measures the disk size, the cold
# start to the first good answer, the server's resident memory, and runs
# wrk from a second process on loopback in alternating rounds: /healthz
# against GET /v1/numbers/{verified number}, a 1000-number batch, and
# POST /v1/attestations/verify (one token, and 100 to a request on
# /v1/attestations/verify/batch) against raw ring verify (examples/
# ring_verify.rs). Speed is printed as ratios against the baseline of the
# same round, with absolute figures beside them: the machine is shared.
#
# Needs: cargo, wrk, curl, jq, GNU time (/usr/bin/time), python3 (only to
# drop the database file from the page cache before a cold start).
# Everything it writes goes under $OUT (default target/load); the server
# it starts listens on 127.0.0.1 only and is stopped on exit.
set -euo pipefail
# /metrics needs a token; this run makes its own.
METRICS_TOKEN=${METRICS_TOKEN:-load-$RANDOM$RANDOM$RANDOM}

SIZES=${SIZES:-"100000 1000000"}
ROUNDS=${ROUNDS:-3}            # alternating wrk rounds per comparison
DURATION=${DURATION:-10}       # seconds per wrk run
CONNS=${CONNS:-16}             # wrk connections for single lookups
PORT=${PORT:-18080}
OUT=${OUT:-target/load}
# Import and raw insert alternate this many times (default: 2 below one
# million businesses, 1 from there, as one 1M import takes minutes).
IMPORT_ROUNDS=${IMPORT_ROUNDS:-}
# REUSE_DATA=1 keeps an already imported data dir and skips the import
# figures (for working on the HTTP rounds only).
REUSE_DATA=${REUSE_DATA:-}

cd "$(dirname "$0")/.."
ROOT=$(pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET/release/bizseal
EX=$TARGET/release/examples
LUA=$ROOT/scripts/wrk
HZ=$(getconf CLK_TCK)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
REPORT=$OUT/report-$(date +%Y%m%d-%H%M%S).txt
SERVER_PID=

log() { printf '%s\n' "$*" | tee -a "$REPORT" >&2; }

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    # Bounded wait for the graceful shutdown, then give up on it.
    for _ in $(seq 100); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap stop_server EXIT

for tool in wrk curl jq python3; do
  command -v "$tool" >/dev/null || { echo "load.sh needs $tool" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "load.sh needs GNU time (apt-get install time)" >&2; exit 1; }

# Machine and build.
log "== bizseal load test $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD)"
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
log "settings: SIZES='$SIZES' ROUNDS=$ROUNDS DURATION=${DURATION}s CONNS=$CONNS"
cargo build --release --bin bizseal --example gen --example raw_insert --example ring_verify >&2
# The run uses its own copies: a build during the run (tests, benches)
# must not change the binaries halfway through it.
mkdir -p "$OUT/bin"
cp "$BIN" "$OUT/bin/bizseal"
for example in gen raw_insert ring_verify; do cp "$EX/$example" "$OUT/bin/$example"; done
BIN=$OUT/bin/bizseal
EX=$OUT/bin

# CPU time (user + system) of a process, in seconds.
cpu_s() { awk -v hz="$HZ" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$1/stat"; }

# Converts wrk's "1.23ms" / "850.00us" / "1.02s" to milliseconds.
to_ms() {
  awk '{v = $1; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)}
        else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; printf "%.3f", v}'
}

# wrk_run NAME CONNS PATH [LUA_SCRIPT [script args...]]: one bounded wrk
# run; sets RPS, P99 (ms), MEAN (ms), REQS, ERRS and CPU (server
# CPU-seconds used during the run).
wrk_run() {
  local name=$1 conns=$2 path=$3 before after out script=()
  shift 3
  if (($# > 0)); then
    script=(-s "$1")
    shift
  fi
  before=$(cpu_s "$SERVER_PID")
  out=$(timeout $((DURATION + 30)) wrk -t1 -c"$conns" -d"${DURATION}s" --timeout 5s --latency \
    "${script[@]}" "http://127.0.0.1:$PORT$path" -- "$@")
  after=$(cpu_s "$SERVER_PID")
  RPS=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  REQS=$(awk '/requests in/ {print $1}' <<<"$out")
  P99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
  MEAN=$(awk '$1 == "Latency" {print $2; exit}' <<<"$out" | to_ms)
  ERRS=$(awk '/Non-2xx/ {print $5} /Socket errors/ {print}' <<<"$out" | head -1)
  CPU=$(awk -v a="$after" -v b="$before" 'BEGIN {printf "%.2f", a - b}')
  printf '%s\n' "$out" >>"$OUT/wrk.log"
  [[ -z "$ERRS" ]] || log "  $name: errors: $ERRS"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }
per_cpu() { awk -v r="$1" -v c="$2" 'BEGIN {if (c > 0) printf "%.0f", r / c; else print "n/a"}'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

start_server() {
  local data=$1
  # The load comes from one address: lift the per-client rate limit.
  LOG_FROM=$(($(stat -c %s "$OUT/server.log" 2>/dev/null || echo 0) + 1))
  # Limits off: wrk's connections all come from one address, and the
  # figures are the server's, not its limits'.
  BIZSEAL_METRICS_TOKEN=$METRICS_TOKEN NO_COLOR=1 "$BIN" serve --data-dir "$data" --addr "127.0.0.1:$PORT" --rate-limit 0 \
    --max-connections 10000 --max-connections-per-network 10000 >>"$OUT/server.log" 2>&1 &
  SERVER_PID=$!
}

# How the server started last learned the known numbers (from the filter
# a graceful stop or an import saved, or from the tables) and how long it
# took: waits up to 60 s for its log line.
known_numbers_fill() {
  local line
  for _ in $(seq 600); do
    line=$(tail -c +"$LOG_FROM" "$OUT/server.log" | grep -m1 'learned the known numbers' || true)
    if [[ -n "$line" ]]; then
      sed -E 's/.*learned the known numbers (from [a-z ]+[a-z]) [a-z]+=.* seconds=([0-9.]+).*/\1 in \2 s/' <<<"$line"
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "not within 60 s"
}

# Polls until /healthz and a lookup of $1 both answer 200; bounded to
# 3000 tries and 60 s. Prints the seconds since $2 (date +%s%N).
wait_ready() {
  local number=$1 t0=$2 deadline=$((SECONDS + 60))
  for _ in $(seq 3000); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null &&
      curl -fsS -o /dev/null "http://127.0.0.1:$PORT/v1/numbers/$number" 2>/dev/null; then
      awk -v a="$(date +%s%N)" -v b="$t0" 'BEGIN {printf "%.3f", (a - b) / 1e9}'
      return 0
    fi
    ((SECONDS < deadline)) || break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.01
  done
  echo "the server did not answer" >&2
  return 1
}

# The first start after an import builds the search index from the store
# (one thread, ~30 s at a million businesses): waits until it has caught up
# (bounded to 600 s), so that it does not share the cores with the
# measured rounds.
wait_indexed() {
  local t0=$SECONDS
  for _ in $(seq 1200); do
    if curl -fsS -H "authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$PORT/metrics" 2>/dev/null |
      awk '$1 == "bizseal_search_indexed_seq" {s = $2} $1 == "bizseal_search_index_lag" {l = $2}
           END {exit !(s > 0 && l == 0)}'; then
      log "search index caught up $((SECONDS - t0)) s after the start"
      return 0
    fi
    sleep 0.5
  done
  log "the search index did not catch up within 600 s"
}

# Drops the database file's pages from the page cache (only this file),
# so a cold start really reads from disk.
evict() {
  python3 -c 'import os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
os.fsync(fd)
os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$1"
}

rss_mib() { awk -v k="$2" '$1 == k":" {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

for N in $SIZES; do
  dir=$OUT/$N
  data=$dir/data
  jsonl=$dir/businesses.jsonl
  rounds=$IMPORT_ROUNDS
  [[ -n "$rounds" ]] || { ((N >= 1000000)) && rounds=1 || rounds=2; }
  log ""
  log "== $N businesses"
  if [[ ! -s "$jsonl" || "$(wc -l <"$jsonl")" -ne "$N" ]]; then
    "$EX/gen" "$N" "$dir" 2>>"$REPORT"
  fi
  log "input: $(wc -c <"$jsonl" | awk '{printf "%.0f MiB", $1 / 1048576}'), $(wc -l <"$dir/verified.txt") verified numbers"

  # Import and raw insert of the same records, alternating.
  imports=() raws=()
  [[ -n "$REUSE_DATA" && -s "$data/bizseal.redb" ]] && rounds=0 && log "reusing $data: no import figures"
  for r in $(seq "$rounds"); do
    rm -rf "$data" "$dir/raw"
    /usr/bin/time -v "$BIN" import --data-dir "$data" "$jsonl" >"$dir/import.out" 2>"$dir/import.err" ||
      { log "import failed:"; tail -5 "$dir/import.err" | tee -a "$REPORT" >&2; exit 1; }
    summary=$(grep 'lines:' "$dir/import.out")
    rate=$(sed -E 's/.*\(([0-9]+) lines\/s\).*/\1/' <<<"$summary")
    peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$dir/import.err")
    raw=$("$EX/raw_insert" "$data" "$jsonl" "$dir/raw")
    raw_rate=$(sed -E 's/.* ([0-9]+) businesses\/s/\1/' <<<"$raw")
    log "import round $r: $summary; peak RSS $peak MiB"
    log "raw    round $r: $raw"
    log "  import / raw = $(ratio "$rate" "$raw_rate")"
    imports+=("$rate") raws+=("$raw_rate")
  done
  rm -rf "$dir/raw"
  ((rounds == 0)) || log "import: median $(echo "${imports[*]}" | median) businesses/s, raw median $(echo "${raws[*]}" | median)/s"
  log "disk: $(stat -c %s "$data/bizseal.redb" | awk '{printf "%.0f MiB", $1 / 1048576}') database file ($(du -k "$data/bizseal.redb" | awk '{printf "%.0f MiB", $1 / 1024}') allocated)"
  # What a lookup reads, against the cache it is read through.
  "$BIN" --data-dir "$data" stats >"$dir/stats.txt" 2>>"$OUT/server.log" &&
    log "tables: $(awk '$1 == "answers" {printf "answers %s rows in %s MiB of pages (%s full); ", $2, $7, $8} /% of the cache/ {print $0}' "$dir/stats.txt")"

  # Cold start: database file out of the page cache, then with it cached.
  first=$(head -1 "$dir/verified.txt")
  for cache in evicted cached; do
    [[ $cache == evicted ]] && evict "$data/bizseal.redb"
    t0=$(date +%s%N)
    start_server "$data"
    took=$(wait_ready "$first" "$t0")
    log "cold start ($cache page cache): first good lookup after $took s; RSS $(rss_mib "$SERVER_PID" VmRSS) MiB; known numbers learned $(known_numbers_fill)"
    [[ $cache == evicted ]] && stop_server
  done

  # The rounds measure the steady state, not the disk: the cold start
  # above dropped the database file from the page cache, and with it cold,
  # uniform lookups over the 1M file (~6 GB) waited on random disk reads
  # (measured: 1,400 lookups/s, p99 400 ms, for minutes). A server in
  # service has its hot pages cached; reading the file once, in order,
  # gets there in seconds (it fits this machine's page cache).
  t0=$SECONDS
  cat "$data/bizseal.redb" >/dev/null
  log "page cache: read the database file in $((SECONDS - t0)) s"

  wait_indexed

  # Warm-up over every verified number (so that redb's cache holds what
  # the rounds read: at 1M a 10 s warm-up covered two thirds of them and
  # the first round still missed), then resident memory. Long enough for
  # one pass at 25,000 lookups/s, and never shorter than a round.
  verified=$(wc -l <"$dir/verified.txt")
  warm=$((verified / 25000 + 1))
  ((warm > DURATION)) || warm=$DURATION
  DURATION=$warm wrk_run warmup "$CONNS" / "$LUA/lookup.lua" "$dir/verified.txt"
  ((REQS >= verified)) || log "  warm-up: only $REQS lookups for $verified verified numbers"
  log "after warm-up ($REQS lookups in $warm s): VmRSS $(rss_mib "$SERVER_PID" VmRSS) MiB, VmHWM $(rss_mib "$SERVER_PID" VmHWM) MiB"

  # Single lookups against /healthz, alternating.
  ratios=() p99s=() cpu_ratios=() zipf=()
  for r in $(seq "$ROUNDS"); do
    wrk_run healthz "$CONNS" /healthz
    h_rps=$RPS h_p99=$P99 h_eff=$(per_cpu "$REQS" "$CPU")
    wrk_run lookup "$CONNS" / "$LUA/lookup.lua" "$dir/verified.txt"
    l_rps=$RPS l_p99=$P99 l_eff=$(per_cpu "$REQS" "$CPU")
    log "round $r: healthz $h_rps req/s (p99 $h_p99 ms, $h_eff per server CPU-s) | lookup $l_rps req/s (p99 $l_p99 ms, $l_eff per server CPU-s) | ratio $(ratio "$l_rps" "$h_rps"), per CPU-s $(ratio "$l_eff" "$h_eff")"
    ratios+=("$(ratio "$l_rps" "$h_rps")") p99s+=("$l_p99") cpu_ratios+=("$(ratio "$l_eff" "$h_eff")")
    # The same lookups with a popularity skew (Zipf, s = 1), as real
    # traffic has: reported beside the uniform figure, not instead of it.
    wrk_run lookup-zipf "$CONNS" / "$LUA/lookup_zipf.lua" "$dir/verified.txt"
    log "round $r: skewed lookup $RPS req/s (p99 $P99 ms) | ratio to healthz $(ratio "$RPS" "$h_rps"), per CPU-s $(ratio "$(per_cpu "$REQS" "$CPU")" "$h_eff")"
    zipf+=("$(ratio "$RPS" "$h_rps")")
  done
  log "lookup / healthz: median ratio $(echo "${ratios[*]}" | median) (per server CPU-second $(echo "${cpu_ratios[*]}" | median)); lookup p99 median $(echo "${p99s[*]}" | median) ms; skewed lookups: median ratio $(echo "${zipf[*]}" | median)"

  # Batches of 1000 on one connection: all listed, then a realistic
  # address book (100 listed, 900 unlisted valid numbers).
  for per in 1000 100; do
    means=() rates=() cpus=()
    for r in $(seq "$ROUNDS"); do
      wrk_run "batch-$per" 1 / "$LUA/batch.lua" "$dir/verified.txt" "$dir/unlisted.txt" "$per"
      means+=("$MEAN") rates+=("$(awk -v r="$RPS" 'BEGIN {printf "%.0f", r * 1000}')")
      cpus+=("$(awk -v c="$CPU" -v n="$REQS" 'BEGIN {printf "%.2f", c * 1000 / n}')")
      log "batch ($per listed of 1000) round $r: $RPS req/s, mean $MEAN ms, p99 $P99 ms, server CPU $(awk -v c="$CPU" -v n="$REQS" 'BEGIN {printf "%.2f", c * 1000 / n}') ms per batch"
    done
    log "batch ($per listed of 1000): median round trip $(echo "${means[*]}" | median) ms, server CPU $(echo "${cpus[*]}" | median) ms per batch, $(echo "${rates[*]}" | median) numbers/s on one connection"
  done

  # Token checks against raw ring verify, alternating.
  tokens=$dir/tokens.txt
  : >"$tokens"
  while read -r number; do
    t=$(curl -fsS "http://127.0.0.1:$PORT/v1/numbers/$number" | jq -r .attestation)
    echo "$number $t" >>"$tokens"
  done < <(awk 'NR % 97 == 1' "$dir/verified.txt" | head -64)
  vr=() vcpu=()
  for r in $(seq "$ROUNDS"); do
    ring=$("$EX/ring_verify" 3)
    ring_cpu=$(sed -E 's/.*, ([0-9]+) per CPU-second/\1/' <<<"$ring")
    wrk_run verify "$CONNS" / "$LUA/verify.lua" "$tokens"
    eff=$(per_cpu "$REQS" "$CPU")
    log "round $r: $ring | verify endpoint $RPS req/s (p99 $P99 ms), $eff per server CPU-s | ratio per CPU-s $(ratio "$eff" "$ring_cpu")"
    vr+=("$(ratio "$eff" "$ring_cpu")") vcpu+=("$RPS")
  done
  log "verify / raw ring verify per CPU-second: median $(echo "${vr[*]}" | median); endpoint median $(echo "${vcpu[*]}" | median) req/s on $(nproc) shared cores"

  # The same checks 100 to a request (POST /v1/attestations/verify/batch):
  # what a client checking a chat list's badges sends; the HTTP cost is
  # paid once per 100 signatures.
  vr=() vtok=()
  for r in $(seq "$ROUNDS"); do
    ring=$("$EX/ring_verify" 3)
    ring_cpu=$(sed -E 's/.*, ([0-9]+) per CPU-second/\1/' <<<"$ring")
    wrk_run verify-batch 4 / "$LUA/verify_batch.lua" "$tokens" 100
    eff=$(awk -v n="$REQS" -v c="$CPU" 'BEGIN {if (c > 0) printf "%.0f", n * 100 / c; else print "n/a"}')
    log "round $r: $ring | batch verify $RPS req/s of 100 tokens (p99 $P99 ms), $eff tokens per server CPU-s | ratio per CPU-s $(ratio "$eff" "$ring_cpu")"
    vr+=("$(ratio "$eff" "$ring_cpu")") vtok+=("$(awk -v r="$RPS" 'BEGIN {printf "%.0f", r * 100}')")
  done
  log "batch verify / raw ring verify per CPU-second: median $(echo "${vr[*]}" | median); median $(echo "${vtok[*]}" | median) tokens/s"

  log "after the rounds: VmRSS $(rss_mib "$SERVER_PID" VmRSS) MiB, VmHWM $(rss_mib "$SERVER_PID" VmHWM) MiB"
  stop_server
done
log ""
log "report: $REPORT"
