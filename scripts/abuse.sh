#!/usr/bin/env bash
# Tries issue 20's attacks against a release build with the default limits
# and prints, for each, what held. Loopback only; every loop is bounded.
#
#   scripts/abuse.sh                 # builds if needed, uses a fresh demo data dir
#   BIN=target/release/bizseal PORT=18200 scripts/abuse.sh
#
# Needs curl and python3. Exit code: the number of checks that did not hold.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/bizseal}
PORT=${PORT:-18200}
URL="http://127.0.0.1:$PORT"
[[ -x "$BIN" ]] || cargo build --release --quiet
RUN=$(mktemp -d)
TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
failed=0

cleanup() { [[ -n "${SERVER:-}" ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$RUN"; }
trap cleanup EXIT

BIZSEAL_REVIEWER_TOKEN=$TOKEN BIZSEAL_LOG=warn "$BIN" serve --data-dir "$RUN/data" --addr "127.0.0.1:$PORT" --demo \
  >"$RUN/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do curl -fs "$URL/healthz" >/dev/null && break; sleep 0.2; done

verdict() { # name, held (0/1), detail
  if [[ $2 == 1 ]]; then echo "held    $1: $3"; else echo "FAILED  $1: $3"; failed=$((failed + 1)); fi
}

# 1. 1100 idle or half-sent sockets from one address; another address's
#    lookups, and how soon the server closes them.
out=$(python3 - "$PORT" <<'EOF'
import socket, subprocess, sys, time, selectors, statistics
port = int(sys.argv[1])
t0 = time.time()
socks = []
for i in range(1100):
    s = socket.socket()
    try:
        s.connect(("127.0.0.1", port))
    except OSError:
        continue
    if i % 2:
        s.send(b"GET /healthz HTTP/1.1\r\nhost: x\r\nx-slow: ")
    s.setblocking(False)
    socks.append(s)
lat = []
for _ in range(20):
    t = time.time()
    r = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-m", "5",
                        "--interface", "127.0.0.2", f"http://127.0.0.1:{port}/v1/numbers/+31206499123"],
                       capture_output=True, text=True)
    lat.append((time.time() - t) * 1000 if r.stdout == "200" else 99999)
sel = selectors.DefaultSelector()
for s in socks:
    sel.register(s, selectors.EVENT_READ)
closed = 0
while sel.get_map() and time.time() - t0 < 60:
    for key, _ in sel.select(timeout=1):
        try:
            data = key.fileobj.recv(1)
        except OSError:
            data = b""
        if not data:
            closed += 1
            sel.unregister(key.fileobj)
print(f"{statistics.median(lat):.1f} {max(lat):.1f} {closed} {len(socks)} {time.time() - t0:.1f}")
EOF
)
read -r median worst closed opened seconds <<<"$out"
held=$(awk -v m="$worst" -v c="$closed" -v o="$opened" 'BEGIN {print (m < 1000 && c == o) ? 1 : 0}')
verdict "idle sockets" "$held" "1100 from 127.0.0.1; another client median ${median} ms, max ${worst} ms (curl's start included); ${closed}/${opened} closed by the server within ${seconds} s"

# 2. Guessing reviewer tokens: 12 wrong ones in a row.
codes=$(for _ in $(seq 12); do curl -s -o /dev/null -w "%{http_code} " -H 'authorization: Bearer guess' "$URL/v1/review/queue"; done)
[[ $codes == *429* ]] && held=1 || held=0
verdict "reviewer guessing" "$held" "answers: $codes"
# A weak operator token is refused at start.
weak=$(BIZSEAL_REVIEWER_TOKEN=rev "$BIN" serve --data-dir "$RUN/weak" --addr 127.0.0.1:0 2>&1 || true)
[[ $weak == *"too weak"* ]] && held=1 || held=0
verdict "weak operator token" "$held" "$(tail -1 <<<"$weak" | cut -c1-90)"

# 3. Look-alikes: invisible and direction-changing characters are refused
#    at registration; the look-alike warnings themselves are measured by the
#    impersonation corpus test (53 attempts, 1000 ordinary names).
invisible=$(curl -s -o /dev/null -w "%{http_code}" "$URL/v1/businesses" -H 'content-type: application/json' \
  -d '{"legal_name":"X B.V.","names":{"nl":"K\u200bLM"},"default_lang":"nl","category":"airline","country":"NL"}')
[[ $invisible == 400 ]] && held=1 || held=0
verdict "invisible characters" "$held" "K<zero-width space>LM answered $invisible"
echo "        (look-alike warnings: cargo test --release --test api impersonation -- --nocapture prints the corpus figures)"

# 4. /metrics is not public; batches cost their size.
m=$(curl -s -o /dev/null -w "%{http_code}" --interface 127.0.0.5 "$URL/metrics")
[[ $m == 401 ]] && held=1 || held=0
verdict "metrics" "$held" "/metrics without a token: $m"
book=$(python3 -c 'import json; print(json.dumps({"numbers": ["+3120%07d" % (1000000 + i) for i in range(1000)]}))')
codes=$(for _ in 1 2 3 4; do curl -s -o /dev/null -w "%{http_code} " "$URL/v1/numbers/lookup" -H 'content-type: application/json' --interface 127.0.0.3 -d "$book"; done)
[[ $codes == *429* ]] && held=1 || held=0
verdict "batch cost" "$held" "four 1000-number books in a row: $codes"

# 5. Forwarding headers from an untrusted peer are ignored.
codes=$(python3 - "$PORT" <<'EOF'
import http.client, sys, collections
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), source_address=("127.0.0.4", 0))
seen = collections.Counter()
for i in range(600):
    c.request("GET", "/v1/numbers/+31206499123", headers={"x-forwarded-for": f"198.51.{i // 250}.{i % 250}"})
    r = c.getresponse(); r.read(); seen[r.status] += 1
print(" ".join(f"{n}x{s}" for s, n in sorted(seen.items())))
EOF
)
[[ $codes == *429* ]] && held=1 || held=0
verdict "spoofed X-Forwarded-For" "$held" "600 lookups from one address claiming 600 clients: $codes"

echo
echo "$failed check(s) did not hold"
exit "$failed"
