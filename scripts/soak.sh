#!/usr/bin/env bash
# Soak test: a long mixed read/write load against one server, with its
# resident memory sampled, to see that nothing grows without bound.
#
#   scripts/soak.sh                                 # 10 minutes, fresh demo data
#   DURATION=30 scripts/soak.sh                     # a quick try
#   BIN=/tmp/bizseal DATA=target/load/100000/data \
#     VERIFIED=target/load/100000/verified.txt UNLISTED=target/load/100000/unlisted.txt \
#     scripts/soak.sh                               # on data imported by scripts/load.sh
#
# Reads, each with wrk on loopback for DURATION seconds, all at once, with
# the project's wrk scripts (scripts/wrk/): single lookups of listed numbers
# (lookup.lua), 1000-number address books with BATCH_LISTED of them listed
# (batch.lua), token checks (verify.lua). Writes, at a modest fixed rate
# from a python3 loop: registrations (POST /v1/businesses, REG_RATE a
# second) and spam reports (POST /v1/reports, REPORT_RATE a second, half on
# listed numbers, half on unlisted ones).
#
# Rate limits: like scripts/load.sh, the server runs with --rate-limit 0 (the
# load comes from one address) and also --registrations-per-hour 0. Reports
# are limited per client address inside the service (10 an hour, not
# configurable), so each report comes from its own loopback address
# (127.x.y.z); a 429 in the summary means a limit was not lifted.
#
# Every SAMPLE seconds (default 10) the server's VmRSS, VmHWM, thread count
# and open files go to $OUT/rss-*.csv. At the end it prints requests per
# kind, non-2xx answers and socket errors per kind, the server's own count
# of 429 and 5xx answers (from /metrics), and RSS first/last/max with the
# slope over the second half (least squares, MiB per minute). Exit code 1 if
# any request failed or was answered non-2xx.
#
# Needs: wrk, curl, python3. DATA (optional) is used in place, so it must
# not be in use by another server; without it a fresh data dir with the
# demo data goes under $OUT and is removed at the end (KEEP=1 keeps it).
set -euo pipefail

DURATION=${DURATION:-600}
SAMPLE=${SAMPLE:-10}
PORT=${PORT:-18090}
OUT=${OUT:-target/soak}
DATA=${DATA:-}
VERIFIED=${VERIFIED:-}
UNLISTED=${UNLISTED:-}
LOOKUP_CONNS=${LOOKUP_CONNS:-4}
BATCH_CONNS=${BATCH_CONNS:-1}
BATCH_LISTED=${BATCH_LISTED:-100}  # listed numbers in each book of 1000
VERIFY_CONNS=${VERIFY_CONNS:-2}
REG_RATE=${REG_RATE:-1}            # registrations a second
REPORT_RATE=${REPORT_RATE:-4}      # reports a second
KEEP=${KEEP:-}

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${BIN:-$ROOT/target/release/bizseal}
LUA=$ROOT/scripts/wrk
STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
RUN=$OUT/run-$STAMP
mkdir -p "$RUN"
CSV=$OUT/rss-$STAMP.csv
URL=http://127.0.0.1:$PORT
SERVER_PID=
PIDS=()

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "soak.sh needs $tool" >&2; exit 1; }
done
[[ -x "$BIN" ]] || { echo "soak.sh: $BIN is not an executable (build it, or set BIN)" >&2; exit 1; }
((DURATION >= SAMPLE)) || { echo "soak.sh: DURATION must be at least SAMPLE ($SAMPLE s)" >&2; exit 1; }

cleanup() {
  local p
  for p in "${PIDS[@]}"; do
    kill -0 "$p" 2>/dev/null && kill -TERM "$p" 2>/dev/null
  done
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    for _ in $(seq 100); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
  if [[ -z "$DATA" && -z "$KEEP" ]]; then
    rm -rf "$RUN/data"
  fi
}
trap cleanup EXIT

# The server: a fresh demo data dir unless DATA names one.
data=${DATA:-$RUN/data}
demo=()
[[ -n "$DATA" ]] || demo=(--demo)
METRICS_TOKEN=${METRICS_TOKEN:-soak-$RANDOM$RANDOM$RANDOM}
BIZSEAL_METRICS_TOKEN=$METRICS_TOKEN BIZSEAL_LOG=${BIZSEAL_LOG:-warn} "$BIN" serve --data-dir "$data" --addr "127.0.0.1:$PORT" "${demo[@]}" \
  --rate-limit 0 --registrations-per-hour 0 --max-connections 10000 --max-connections-per-network 10000 >"$RUN/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 600); do
  curl -fsS -o /dev/null "$URL/healthz" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server exited:" >&2; tail -5 "$RUN/server.log" >&2; exit 1; }
  sleep 0.1
done
curl -fsS -o /dev/null "$URL/healthz" || { echo "the server did not answer /healthz in 60 s" >&2; exit 1; }

# Inputs: listed numbers (verified ones found through search unless given),
# unlisted valid numbers, and "number token" pairs for verify.lua.
python3 - "$URL" "$RUN" "$VERIFIED" "$UNLISTED" <<'PY'
import json, random, sys, urllib.request
url, run, verified_file, unlisted_file = sys.argv[1:5]
def get(path):
    with urllib.request.urlopen(url + path, timeout=30) as r:
        return json.load(r)
if verified_file:
    numbers = [l.strip() for l in open(verified_file) if l.strip()]
else:
    numbers, offset = [], 0
    while offset <= 1000:
        page = get(f"/v1/search?verified=true&limit=50&offset={offset}")
        for hit in page["hits"]:
            numbers += [n["number"] for n in hit["numbers"] if n["status"] == "verified"]
        if len(page["hits"]) < 50:
            break
        offset += 50
if not numbers:
    sys.exit("no verified numbers to read: give VERIFIED=file")
if unlisted_file:
    unlisted = [l.strip() for l in open(unlisted_file) if l.strip()]
else:
    rng = random.Random(1)
    # Spanish mobiles nobody listed (the lookup answers "unknown").
    unlisted = sorted({"+346%08d" % rng.randrange(10**8) for _ in range(5000)})
tokens = []
for n in numbers[:200]:
    token = get("/v1/numbers/" + n).get("attestation")
    if token:
        tokens.append(f"{n} {token}")
if not tokens:
    sys.exit("no listed number has a token")
open(f"{run}/verified.txt", "w").write("\n".join(numbers) + "\n")
open(f"{run}/unlisted.txt", "w").write("\n".join(unlisted) + "\n")
open(f"{run}/tokens.txt", "w").write("\n".join(tokens) + "\n")
print(f"inputs: {len(numbers)} listed numbers, {len(unlisted)} unlisted, {len(tokens)} tokens",
      file=sys.stderr)
PY

# The writer: registrations and reports at fixed rates, each request from
# its own loopback address; counts by answer go to writes.json.
cat >"$RUN/writer.py" <<'PY'
import http.client, json, random, string, sys, time
from collections import Counter
port, duration, reg_rate, report_rate, verified, out = sys.argv[1:7]
port, duration = int(port), float(duration)
reg_rate, report_rate = float(reg_rate), float(report_rate)
listed = [l.strip() for l in open(verified) if l.strip()]
rng = random.Random()
counts = {"register": Counter(), "report": Counter()}

def post(path, body):
    src = "127.%d.%d.%d" % (rng.randint(1, 254), rng.randint(0, 255), rng.randint(1, 254))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(src, 0))
    try:
        conn.request("POST", path, json.dumps(body), {"content-type": "application/json"})
        resp = conn.getresponse()
        resp.read()
        return str(resp.status)
    except (OSError, http.client.HTTPException) as e:
        return "error:" + type(e).__name__
    finally:
        conn.close()

def register():
    word = "".join(rng.choice(string.ascii_lowercase) for _ in range(8)).capitalize()
    return post("/v1/businesses", {
        "legal_name": f"Soak {word} S.L.", "names": {"es": f"Soak {word}"},
        "default_lang": "es", "category": "retail", "country": "ES", "city": "Madrid"})

def report():
    number = rng.choice(listed) if rng.random() < 0.5 else "+346%08d" % rng.randrange(10**8)
    return post("/v1/reports", {"number": number, "reason": rng.choice(["spam", "scam"]),
                                "comment": "soak test"})

start = time.monotonic()
due = {"register": start, "report": start}
rate = {"register": reg_rate, "report": report_rate}
act = {"register": register, "report": report}
while True:
    kind = min((k for k in due if rate[k] > 0), key=lambda k: due[k], default=None)
    if kind is None or due[kind] - start >= duration:
        break
    pause = due[kind] - time.monotonic()
    if pause > 0:
        time.sleep(pause)
    counts[kind][act[kind]()] += 1
    due[kind] += 1 / rate[kind]
json.dump({k: dict(v) for k, v in counts.items()}, open(out, "w"))
PY
python3 "$RUN/writer.py" "$PORT" "$DURATION" "$REG_RATE" "$REPORT_RATE" "$RUN/verified.txt" \
  "$RUN/writes.json" 2>"$RUN/writer.err" &
PIDS+=($!)
WRITER_PID=$!

wrk_bg() { # NAME CONNS LUA ARGS...: one wrk run in the background, output in $RUN/NAME.wrk
  local name=$1 conns=$2 script=$3
  shift 3
  timeout $((DURATION + 60)) wrk -t1 -c"$conns" -d"${DURATION}s" --timeout 5s \
    -s "$LUA/$script" "$URL" -- "$@" >"$RUN/$name.wrk" 2>&1 &
  PIDS+=($!)
}
wrk_bg lookup "$LOOKUP_CONNS" lookup.lua "$RUN/verified.txt"
wrk_bg batch "$BATCH_CONNS" batch.lua "$RUN/verified.txt" "$RUN/unlisted.txt" "$BATCH_LISTED"
wrk_bg verify "$VERIFY_CONNS" verify.lua "$RUN/tokens.txt"
echo "soak: $DURATION s against pid $SERVER_PID on port $PORT; lookups x$LOOKUP_CONNS, batches x$BATCH_CONNS ($BATCH_LISTED listed of 1000), verify x$VERIFY_CONNS, $REG_RATE registrations/s, $REPORT_RATE reports/s; samples in $CSV" >&2

# Samples, every SAMPLE seconds from the start to the end of the load.
echo "elapsed_s,rss_kib,hwm_kib,threads,open_files" >"$CSV"
sample() {
  local t=$1
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server died at ${t}s:" >&2; tail -5 "$RUN/server.log" >&2; exit 1; }
  awk -v t="$t" -v fds="$(ls "/proc/$SERVER_PID/fd" | wc -l)" '
    $1 == "VmRSS:" {rss = $2} $1 == "VmHWM:" {hwm = $2} $1 == "Threads:" {th = $2}
    END {printf "%d,%d,%d,%d,%d\n", t, rss, hwm, th, fds}' "/proc/$SERVER_PID/status" >>"$CSV"
}
t0=$(date +%s%N)
next=0
while ((next <= DURATION)); do
  now_ms=$((($(date +%s%N) - t0) / 1000000))
  wait_ms=$((next * 1000 - now_ms))
  ((wait_ms <= 0)) || sleep "$(awk -v m="$wait_ms" 'BEGIN {printf "%.3f", m / 1000}')"
  sample "$next"
  ((next % 60 != 0 || next == 0)) || echo "  ${next}s: $(tail -1 "$CSV")" >&2
  next=$((next + SAMPLE))
done

# Let the load finish (wrk stops at DURATION; the writer at its last slot).
for p in "${PIDS[@]}"; do
  wait "$p" || echo "a load process ($p) exited non-zero" >&2
done
PIDS=()
curl -fsS -H "authorization: Bearer $METRICS_TOKEN" "$URL/metrics" >"$RUN/metrics.txt" || echo "could not read /metrics" >&2

# The summary.
failed=0
echo
echo "== soak summary ($(date -u +%Y-%m-%dT%H:%M:%SZ), ${DURATION}s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-10s %10s %10s %9s %s\n' kind requests "req/s" non-2xx "socket errors"
for name in lookup batch verify; do
  f=$RUN/$name.wrk
  reqs=$(awk '/requests in/ {print $1}' "$f")
  rps=$(awk '/^Requests\/sec/ {print $2}' "$f")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$f")
  sock=$(awk -F'Socket errors: ' '/Socket errors/ {print $2}' "$f")
  [[ -n "$reqs" ]] || { echo "$name: wrk gave no result:"; cat "$f"; failed=1; continue; }
  printf '%-10s %10s %10s %9s %s\n' "$name" "$reqs" "$rps" "${non2xx:-0}" "${sock:-none}"
  [[ -z "$non2xx$sock" ]] || failed=1
done
python3 - "$RUN/writes.json" "$DURATION" <<'PY' || failed=1
import json, sys
counts, duration = json.load(open(sys.argv[1])), float(sys.argv[2])
bad = 0
for kind in ("register", "report"):
    c = counts.get(kind, {})
    total = sum(c.values())
    ok = sum(v for k, v in c.items() if k.startswith("2"))
    other = {k: v for k, v in c.items() if not k.startswith("2")}
    bad += sum(other.values())
    print(f"{kind:<10} {total:>10} {total / duration:>10.2f} {sum(v for k, v in other.items() if not k.startswith('error')):>9} "
          f"{', '.join(f'{k}: {v}' for k, v in sorted(other.items())) or 'none'}")
sys.exit(1 if bad else 0)
PY
awk '
  /^bizseal_http_requests_total\{/ || /^bizseal_requests_total\{/ {
    match($0, /status="[0-9]+"/); s = substr($0, RSTART + 8, 3)
    if (s == "429") r429 += $NF; else if (s ~ /^5/) r5xx += $NF; total += $NF
  }
  END {printf "server (from /metrics): %d requests answered, %d with 429, %d with 5xx\n", total, r429, r5xx}' \
  "$RUN/metrics.txt"
if grep -qE '^bizseal_(http_)?requests_total\{[^}]*status="(429|5[0-9][0-9])"' "$RUN/metrics.txt"; then
  failed=1
fi
awk -F, -v d="$DURATION" '
  NR == 1 {next}
  {n++; t[n] = $1; r[n] = $2 / 1024; if (r[n] > max) max = r[n]}
  END {
    for (i = 1; i <= n; i++) if (t[i] >= d / 2) {k++; sx += t[i]; sy += r[i]; sxx += t[i] * t[i]; sxy += t[i] * r[i]}
    slope = (k > 1 && k * sxx - sx * sx != 0) ? (k * sxy - sx * sy) / (k * sxx - sx * sx) * 60 : 0
    printf "RSS: first %.1f MiB, last %.1f MiB, max %.1f MiB; slope over the second half %+.2f MiB/min (%d samples)\n", r[1], r[n], max, slope, k
  }' "$CSV"
echo "samples: $CSV; wrk output, writer counts, /metrics and server log: $RUN"
exit $failed
