#!/usr/bin/env python3
"""Crash-safety test ("Loses nothing"): SIGKILL the server under write load.

    scripts/crash.py                              # 50 cycles, target/release/bizseal
    scripts/crash.py --cycles 200 --seed 7 --binary /tmp/bizseal --keep

Starts `bizseal serve --demo` on a fresh temporary data dir and a free port
(rate limits lifted, a reviewer token, the master key in a file outside the
data dir, domain checks allowed to reach a challenge site this script runs
on loopback). Then, for each cycle:

1. Several client threads write: registrations, numbers added (a one-time
   code is sent) and confirmed with the code read from the reviewer outbox,
   domain challenges started and checked, submissions, approvals, number
   revocations (of approved businesses' numbers: only a held number can
   be revoked) and spam reports. Every write answered 2xx is recorded with
   what it must leave behind; a write that got no answer (the kill) is
   "in flight": either outcome is allowed, and whatever the restarted
   server shows is what it must keep from then on.
2. At a random moment (uniform in --kill-after, default 0.2-2 s) the server
   gets SIGKILL (with --graceful-every N, every Nth cycle SIGTERM instead:
   a graceful stop, which saves the filter of known numbers). While it is down, `bizseal import` loads a few verified
   businesses (redb holds an exclusive lock, so an import beside a running
   server is refused: checked once at the start).
3. The server restarts on the same data dir and fills its filter of known
   numbers (from the copy a graceful stop or the import saved, if no number
   was written after it, else from the tables; the script waits for that
   log line and counts which, so the lookups below go through the filter).
   Once /healthz answers, the checks follow the trust rules (README, "What
   a badge means"): public = reviewed. A business nobody approved is not
   public: its profile answers 404, lookups of its numbers answer
   `unknown` without naming it, search does not find it; its state is read
   through its own status view (its API key) and the reviewer API (audit
   trail). A reviewed business (an acknowledged approval, or an import) is
   public, and each number it proved is attested: a token, level A with a
   proven domain (or an import), else B. So: every approved business must
   become findable by name through /v1/search within --search-timeout
   seconds (the index is derived and catches up from redb) and no other
   may be found; then every acknowledged write is checked against the
   server's records (status view, audit trail; the public API for an
   import, which has no key), and the public answers against those records
   (profile, lookups of every number, token verification). Half-written
   states are what the rules never allow together: a proven number of an
   approved business without a token, an attested number of a business
   not approved, a level that does not match the domain proof, a public
   answer for a business not reviewed, a verified number without a token,
   a token that does not verify, a revoked number that still hands out a
   token, ...

The code-send limits (per number, business, client address and country
calling code) and the report limit (per client address) live in the
database and cannot be switched off, so each request comes from its own
loopback address (127.x.y.z), and numbers are spread over several countries.

Webhook events are counted too. Every business the writers register sets
its webhook to a sink this script runs on loopback, which checks each
delivery's Standard Webhooks signature (HMAC-SHA256 with the business's
secret) and records its `webhook-id`. After each restart: every
acknowledged write that must cause an event (a number proven, a
submission, an approval, a revocation) has its event in the business's
committed outbox (none lost); every event the sink ever received is in a
committed outbox (none sent whose change did not commit); and every
committed event reaches the sink (at least once; repeats are counted).

Prints one line per cycle and a summary; exit code 1 if any acknowledged
write was lost, 2 if nothing was lost but another problem was seen
(half-written state, search not converging, a failed import), 3 if the
server could not be (re)started. The data dir is removed at the end unless
--keep is given or something went wrong. Needs only python3 (stdlib).
"""

import argparse
import base64
import hashlib
import hmac
import http.client
import http.server
import json
import os
import random
import re
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

REVIEWER = "crash-" + os.urandom(8).hex()
# Valid mobile ranges (checked against the server's phone metadata): the
# per-country code-send limit (500 an hour) is spread over several.
NUMBER_PATTERNS = [
    ("ES", "+346", 8), ("DE", "+49151", 8), ("BE", "+3247", 7), ("AT", "+43664", 7),
    ("PL", "+485", 8), ("CH", "+4179", 7), ("NO", "+4790", 6), ("GB", "+4475", 8),
    ("IT", "+3934", 8), ("SE", "+4670", 7), ("FI", "+35840", 7), ("NL", "+3161", 7),
    ("IE", "+35387", 7), ("PT", "+35191", 7), ("HU", "+3630", 7), ("GR", "+3069", 8),
    ("MX", "+5255", 8),
]
LANG = {"ES": "es", "DE": "de", "BE": "nl", "AT": "de", "PL": "pl", "CH": "de", "NO": "nb",
        "GB": "en", "IT": "it", "SE": "sv", "FI": "fi", "NL": "nl", "IE": "en", "PT": "pt",
        "HU": "hu", "GR": "el", "MX": "es"}
WORDS = ["Panadería", "Ferretería", "Café", "Bäckerei", "Óptica", "Zapatería", "Floristería",
         "Librería", "Taller", "Apotheke", "Cukiernia", "Frisør", "Ótica", "Garage"]


class ConnLost(Exception):
    """No answer: the server died (or never answered) during the request."""


class Fatal(Exception):
    """The test cannot go on (the server does not start, ...)."""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def now():
    return time.monotonic()


def jwt_claims(token):
    try:
        part = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except (IndexError, ValueError):
        return {}


def ulid_like(rng):
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    return "b_0" + "".join(rng.choice(alphabet) for _ in range(25))


# --------------------------------------------------------------------------
# HTTP

class Client:
    """A tiny JSON client. `fresh=True`: a new connection per request, each
    from its own random loopback address (the code-send and report limits
    count per client address). Otherwise one keep-alive connection."""

    def __init__(self, port, rng=None, fresh=False, timeout=15):
        self.port, self.rng, self.fresh, self.timeout = port, rng, fresh, timeout
        self.conn = None

    def _connect(self):
        if self.fresh:
            r = self.rng
            src = "127.%d.%d.%d" % (r.randint(1, 254), r.randint(0, 255), r.randint(1, 254))
            return http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout,
                                              source_address=(src, 0))
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)

    def call(self, method, path, body=None, bearer=None, read=None):
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["content-type"] = "application/json"
        if bearer:
            headers["authorization"] = "Bearer " + bearer
        for attempt in (0, 1):
            conn = self.conn if (self.conn and not self.fresh) else self._connect()
            try:
                conn.request(method, path, body=data, headers=headers)
                resp = conn.getresponse()
                raw = resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                self.conn = None
                # A reused keep-alive connection may have been closed by the
                # server: one retry, for reads only.
                if attempt == 0 and not self.fresh and (read if read is not None
                                                        else method == "GET"):
                    continue
                raise ConnLost(f"{method} {path}: {e!r}") from None
            if self.fresh:
                conn.close()
            else:
                self.conn = conn
            try:
                parsed = json.loads(raw) if raw else None
            except ValueError:
                parsed = raw.decode("utf-8", "replace")
            return status, parsed
        raise AssertionError("unreachable")

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None


class ChallengeSite:
    """Publishes any domain challenge token it is asked for (the server
    fetches http://localhost:PORT/.well-known/bizseal-challenge/TOKEN)."""

    def __init__(self):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                token = self.path.rsplit("/", 1)[-1].encode()
                self.send_response(200)
                self.send_header("content-type", "text/plain")
                self.send_header("content-length", str(len(token)))
                self.end_headers()
                self.wfile.write(token)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class WebhookSink:
    """Receives the businesses' webhook events: checks each signature with
    the business's secret (`secrets`, business id -> whsec_...) and counts
    deliveries by `webhook-id`."""

    def __init__(self, secrets):
        self.lock = threading.Lock()
        self.received = {}            # msg id -> [type, business, count]
        self.bad_signatures = []
        self.unverifiable = 0         # a business whose secret we never learned
        sink = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                msg_id = self.headers.get("webhook-id", "")
                ts = self.headers.get("webhook-timestamp", "")
                sigs = self.headers.get("webhook-signature", "").split(" ")
                try:
                    event = json.loads(body)
                    business = event["data"].get("business", "")
                    kind = event["type"]
                except (ValueError, KeyError, AttributeError):
                    event, business, kind = None, "", "?"
                secret = secrets.get(business)
                with sink.lock:
                    if secret is None:
                        sink.unverifiable += 1
                    else:
                        key = base64.b64decode(secret[len("whsec_"):])
                        signed = f"{msg_id}.{ts}.".encode() + body
                        want = "v1," + base64.b64encode(
                            hmac.new(key, signed, hashlib.sha256).digest()).decode()
                        if not any(hmac.compare_digest(want, s) for s in sigs):
                            sink.bad_signatures.append(msg_id)
                    entry = sink.received.setdefault(msg_id, [kind, business, 0])
                    entry[2] += 1
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        # A backlog for the delivery worker's parallel connects (the
        # default, 5, makes the extra ones wait a second for a SYN again).
        server_class = type("Server", (http.server.ThreadingHTTPServer,),
                            {"request_queue_size": 256})
        self.server = server_class(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def ids_of(self, business):
        with self.lock:
            return {m for m, (_, b, _) in self.received.items() if b == business}

    def has(self, msg_id):
        with self.lock:
            return msg_id in self.received

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


# --------------------------------------------------------------------------
# What the acknowledged writes must leave behind

class Num:
    def __init__(self, e164, biz):
        self.e164 = e164
        self.biz = biz
        self.state = "requested"      # acknowledged: requested | proven | revoked
        self.adds = 0                 # acknowledged code requests (audit code_sent)
        self.code = None              # (incarnation, code) of the last code sent
        self.confirm_tried = False    # a confirm was sent since the last code
        self.token = None             # last token that verified
        self.revoked_tokens = []      # tokens whose serial must stay revoked
        self.uncertain = set()        # ops without an answer: request | confirm | revoke
        self.new_uncertain = False    # the unanswered code request was its first
        self.pending_revoked_token = None


class Biz:
    def __init__(self, bid, key, tag, name, country, origin, cycle):
        self.id, self.key, self.tag, self.name = bid, key, tag, name
        self.country, self.origin, self.cycle = country, origin, cycle
        self.numbers = {}
        self.approved = origin == "import"
        self.submitted = False
        self.domain = None            # None | challenged | proven
        self.uncertain = set()        # submit | approve | domain_start | domain_check
        self.searched = False         # found by search once already (approved)
        self.absent_checked = False   # not found by search once already (not approved)
        self.hook = None              # None | set | uncertain (its PUT got no answer)
        self.expect = Counter()       # (event type, number or "") -> acknowledged causes


class Model:
    def __init__(self):
        self.lock = threading.Lock()
        self.businesses = {}          # id -> Biz
        self.reports = {}             # e164 -> [acknowledged, in flight]
        self.acked = Counter()        # kind -> acknowledged writes
        self.inflight = Counter()     # kind -> writes without an answer
        self.refused = Counter()      # kind:status -> refused (4xx)
        self.lost = {}                # key -> description (first time seen)
        self.half = {}                # key -> description
        self.other = {}               # key -> description (search, import)
        self.numbers_taken = set()
        self.cycle_acked = 0
        self.orphans = []             # registrations without an answer: (tag, name, country, cycle)
        self.orphans_landed = 0
        self.secrets = {}             # business id -> its webhook secret
        self.hook_url = None          # the sink
        self.events = Counter()       # committed, delivered, repeats, phantom, missing

    def ack(self, kind, n=1):
        with self.lock:
            self.acked[kind] += n
            self.cycle_acked += n

    def in_flight(self, kind):
        with self.lock:
            self.inflight[kind] += 1

    def refuse(self, kind, status, answer):
        detail = answer.get("detail", "") if isinstance(answer, dict) else ""
        with self.lock:
            self.refused[f"{kind} {status} ({detail})" if detail else f"{kind} {status}"] += 1

    def new_number(self, rng, country=None):
        with self.lock:
            while True:
                c, prefix, digits = (rng.choice(NUMBER_PATTERNS) if country is None
                                     else next(p for p in NUMBER_PATTERNS if p[0] == country))
                n = prefix + "".join(rng.choice(string.digits) for _ in range(digits))
                if n not in self.numbers_taken:
                    self.numbers_taken.add(n)
                    return n


# --------------------------------------------------------------------------
# The writers

class Worker(threading.Thread):
    def __init__(self, idx, model, port, seed, cycle, incarnation, stop, businesses, pace):
        super().__init__(name=f"writer-{idx}", daemon=True)
        self.idx, self.m, self.cycle, self.inc, self.stop = idx, model, cycle, incarnation, stop
        self.rng = random.Random(seed)
        self.http = Client(port, rng=self.rng, fresh=True)
        self.mine = businesses        # list of Biz owned by this worker (shared across cycles)
        self.error = None
        self.pace = pace

    def run(self):
        try:
            while not self.stop.is_set():
                if not self.step():
                    return
                if self.pace:
                    self.stop.wait(self.rng.expovariate(1 / self.pace))
        except ConnLost:
            return
        except Exception as e:  # a bug in this script: report it, do not hide it
            self.error = e
            import traceback
            traceback.print_exc()

    # One write; returns (status, body). No answer: marks the op in flight
    # (on the entity, via `on_lost`) and raises ConnLost.
    def write(self, kind, method, path, body=None, bearer=None, on_lost=None):
        try:
            status, answer = self.http.call(method, path, body, bearer)
        except ConnLost:
            self.m.in_flight(kind)
            if on_lost:
                on_lost()
            raise
        if 200 <= status < 300:
            self.m.ack(kind)
        elif status >= 500:
            # Answered, but not acknowledged: the work may or may not have
            # been done (a 503 after the time limit drops it half way).
            self.m.in_flight(kind)
            if on_lost:
                on_lost()
        else:
            self.m.refuse(kind, status, answer)
        return status, answer

    def step(self):
        rng = self.rng
        live = [b for b in self.mine if not b.uncertain]
        nums = [n for b in live for n in b.numbers.values() if not n.uncertain]
        choices = []
        choices.append((6 if len(live) < 2 else 1, self.register, None))
        for b in live:
            if len(b.numbers) < 3 and b.origin == "api":
                choices.append((3 / len(live), self.add_number, b))
            if b.origin == "api" and b.domain is None:
                choices.append((0.6 / len(live), self.start_domain, b))
            if b.domain == "challenged":
                choices.append((1.0 / len(live), self.check_domain, b))
            if (not b.submitted and not b.approved
                    and any(n.state == "proven" for n in b.numbers.values())):
                choices.append((3 / len(live), self.submit, b))
            if b.submitted and not b.approved:
                choices.append((3 / len(live), self.approve, b))
        requested = [n for n in nums if n.state == "requested"]
        for n in requested:
            if n.code and n.code[0] == self.inc and not n.confirm_tried:
                choices.append((5 / len(requested), self.confirm, n))
            else:  # its code went with a crash (the outbox is in memory)
                choices.append((1 / len(requested), self.resend, n))
        # Only a held number (an approved business's) can be revoked; a
        # proven claim of a business not reviewed is refused with 409.
        proven = [n for n in nums if n.state == "proven" and n.biz.approved]
        for n in proven:
            choices.append((0.6 / len(proven), self.revoke, n))
        choices.append((2, self.report, None))
        total = sum(w for w, _, _ in choices)
        pick = rng.uniform(0, total)
        for w, fn, arg in choices:
            pick -= w
            if pick <= 0:
                break
        return fn(arg) if arg is not None else fn()

    def register(self):
        rng = self.rng
        country = rng.choice(NUMBER_PATTERNS)[0]
        tag = "".join(rng.choice(string.ascii_lowercase) for _ in range(9))
        name = f"{rng.choice(WORDS)} {tag.capitalize()}"
        lang = LANG[country]
        body = {"legal_name": f"{name} S.L.", "names": {lang: name, "en": name},
                "default_lang": lang, "category": "retail", "country": country,
                "city": "Crashville"}
        def lost():
            with self.m.lock:
                self.m.orphans.append((tag, name, country, self.cycle))
        status, answer = self.write("register", "POST", "/v1/businesses", body, on_lost=lost)
        if status == 201:
            b = Biz(answer["business"]["id"], answer["api_key"], tag, name, country, "api",
                    self.cycle)
            with self.m.lock:
                self.m.businesses[b.id] = b
            self.mine.append(b)
            self.set_webhook(b)
        return True

    def set_webhook(self, b):
        def lost():
            b.hook = "uncertain"
        status, answer = self.write("webhook", "PUT", f"/v1/businesses/{b.id}/webhook",
                                    {"url": self.m.hook_url}, b.key, on_lost=lost)
        if status == 200:
            with self.m.lock:
                self.m.secrets[b.id] = answer["secret"]
            b.hook = "set"

    def expect(self, b, kind, number=""):
        """An acknowledged write that must have put this event in the outbox."""
        if b.hook == "set":
            b.expect[(kind, number)] += 1

    def add_number(self, b):
        n = Num(self.m.new_number(self.rng, b.country if self.rng.random() < 0.5 else None), b)
        return self._request_code(b, n, new=True)

    def resend(self, n):
        return self._request_code(n.biz, n, new=False)

    def _request_code(self, b, n, new):
        def lost():
            n.uncertain.add("request")
            if new:
                n.new_uncertain = True
                b.numbers[n.e164] = n
        status, _ = self.write("add_number", "POST", f"/v1/businesses/{b.id}/numbers",
                               {"number": n.e164}, b.key, on_lost=lost)
        if status == 202:
            b.numbers[n.e164] = n
            n.adds += 1
            n.confirm_tried = False
            # The code, from the operator outbox (newest last).
            st, box = self.http.call("GET", "/v1/review/outbox", bearer=REVIEWER)
            if st == 200:
                codes = [c["code"] for c in box["codes"] if c["number"] == n.e164]
                n.code = (self.inc, codes[-1]) if codes else None
            if self.rng.random() < 0.8 and n.code:
                return self.confirm(n)
        return True

    def confirm(self, n):
        b = n.biz
        n.confirm_tried = True
        status, answer = self.write(
            "confirm", "POST", f"/v1/businesses/{b.id}/numbers/{n.e164}/confirm",
            {"code": n.code[1]}, b.key, on_lost=lambda: n.uncertain.add("confirm"))
        if status == 200:
            n.state = "proven"
            self.expect(b, "number.proven", n.e164)
        return True

    def start_domain(self, b):
        status, _ = self.write("domain_start", "POST", f"/v1/businesses/{b.id}/domain",
                               {"domain": "localhost"}, b.key,
                               on_lost=lambda: b.uncertain.add("domain_start"))
        if status == 200:
            b.domain = "challenged"
        return True

    def check_domain(self, b):
        status, answer = self.write("domain_check", "POST",
                                    f"/v1/businesses/{b.id}/domain/check", {}, b.key,
                                    on_lost=lambda: b.uncertain.add("domain_check"))
        if status == 200 and answer.get("verified"):
            b.domain = "proven"
        return True

    def submit(self, b):
        status, _ = self.write("submit", "POST", f"/v1/businesses/{b.id}/submit", {}, b.key,
                               on_lost=lambda: b.uncertain.add("submit"))
        if status == 202:
            b.submitted = True
            self.expect(b, "business.submitted")
        return True

    def approve(self, b):
        status, _ = self.write("approve", "POST", f"/v1/review/{b.id}/approve",
                               {"note": f"crash test cycle {self.cycle}"}, REVIEWER,
                               on_lost=lambda: b.uncertain.add("approve"))
        if status == 200:
            b.approved = True
            self.expect(b, "business.approved")
        return True

    def revoke(self, n):
        # The token handed out now must be dead after the revocation.
        st, look = self.http.call("GET", f"/v1/numbers/{n.e164}")
        token = look.get("attestation") if st == 200 else None

        def lost():
            n.uncertain.add("revoke")
            if token:
                n.pending_revoked_token = token
        status, _ = self.write("revoke", "POST", f"/v1/review/numbers/{n.e164}/revoke",
                               {"reason": f"crash test cycle {self.cycle}"}, REVIEWER,
                               on_lost=lost)
        if status == 200:
            n.state = "revoked"
            if token:
                n.revoked_tokens.append(token)
            self.expect(n.biz, "number.revoked", n.e164)
        return True

    def report(self):
        rng = self.rng
        own = [n for b in self.mine for n in b.numbers.values()]
        if own and rng.random() < 0.7:
            number = rng.choice(own).e164
        else:  # a number nobody listed: reports count for it too
            number = self.m.new_number(rng)
        with self.m.lock:
            entry = self.m.reports.setdefault(number, [0, 0])

        def lost():
            with self.m.lock:
                entry[1] += 1
        body = {"number": number, "reason": rng.choice(["spam", "scam", "impersonation"]),
                "comment": f"crash cycle {self.cycle}"}
        status, _ = self.write("report", "POST", "/v1/reports", body, on_lost=lost)
        if status == 202:
            with self.m.lock:
                entry[0] += 1
        return True


# --------------------------------------------------------------------------
# The server

class Server:
    def __init__(self, binary, root, port, challenge_port, log):
        self.binary, self.root, self.port = binary, root, port
        self.data = os.path.join(root, "data")
        self.key_file = os.path.join(root, "master.key")
        with open(self.key_file, "w") as f:
            f.write(os.urandom(32).hex())
        os.chmod(self.key_file, 0o600)
        self.challenge_port = challenge_port
        self.log = log
        self.proc = None
        self.env = dict(os.environ, BIZSEAL_REVIEWER_TOKEN=REVIEWER,
                        BIZSEAL_MASTER_KEY_FILE=self.key_file, BIZSEAL_LOG="info")
        for k in ("BIZSEAL_DATA_DIR", "BIZSEAL_ADDR", "BIZSEAL_MASTER_KEY"):
            self.env.pop(k, None)

    def start(self, timeout=60):
        t0 = now()
        self.log_from = os.path.getsize(self.log) if os.path.exists(self.log) else 0
        logf = open(self.log, "ab")
        logf.write(f"\n==== start at {time.strftime('%H:%M:%S')}\n".encode())
        logf.flush()
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--demo", "--data-dir", self.data,
             "--addr", f"127.0.0.1:{self.port}", "--rate-limit", "0",
             "--registrations-per-hour", "0", "--allow-private-targets",
             "--webhook-retry-base-ms", "100",
             "--challenge-port", str(self.challenge_port)],
            env=self.env, stdout=logf, stderr=logf, stdin=subprocess.DEVNULL)
        logf.close()
        probe = Client(self.port, timeout=2)
        while now() - t0 < timeout:
            if self.proc.poll() is not None:
                raise Fatal(f"the server exited with {self.proc.returncode} on start; "
                            f"see {self.log}:\n{tail(self.log)}")
            try:
                if probe.call("GET", "/healthz")[0] == 200:
                    return now() - t0
            except ConnLost:
                pass
            time.sleep(0.02)
        raise Fatal(f"/healthz did not answer within {timeout} s; see {self.log}")

    def known_numbers_source(self, timeout=60):
        """Waits for this start's fill of the filter of known numbers;
        returns where it came from: "copy" or "tables"."""
        t0 = now()
        while now() - t0 < timeout:
            with open(self.log, "rb") as f:
                f.seek(self.log_from)
                text = ANSI.sub("", f.read().decode("utf-8", "replace"))
            m = re.search(r"learned the known numbers from (their saved filter|the tables)", text)
            if m:
                return "copy" if m.group(1).startswith("their") else "tables"
            time.sleep(0.02)
        raise Fatal(f"the server did not fill its filter of known numbers within {timeout} s; "
                    f"see {self.log}")

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        if self.proc:
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.send_signal(signal.SIGKILL)
                self.proc.wait()

    def import_file(self, path):
        return subprocess.run(
            [self.binary, "import", "--data-dir", self.data, path],
            env=self.env, capture_output=True, text=True, timeout=120)


def tail(path, lines=15):
    try:
        with open(path, "rb") as f:
            return "\n".join(f.read().decode("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return ""


# --------------------------------------------------------------------------
# Checking

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Checker:
    def __init__(self, model, port, cycle):
        self.m, self.cycle = model, cycle
        self.http = Client(port)
        self.counts = Counter()

    def get(self, path, bearer=None):
        try:
            return self.http.call("GET", path, bearer=bearer)
        except ConnLost as e:
            raise Fatal(f"the server stopped answering during the check: {e}") from None

    def post(self, path, body):
        try:
            return self.http.call("POST", path, body, read=True)
        except ConnLost as e:
            raise Fatal(f"the server stopped answering during the check: {e}") from None

    def lost(self, key, what):
        if key not in self.m.lost:
            self.m.lost[key] = f"cycle {self.cycle}: {what}"
            self.counts["lost"] += 1

    def half(self, key, what):
        if key not in self.m.half:
            self.m.half[key] = f"cycle {self.cycle}: {what}"
            self.counts["half"] += 1

    def other(self, key, what):
        if key not in self.m.other:
            self.m.other[key] = f"cycle {self.cycle}: {what}"
            self.counts["other"] += 1

    # -- search ------------------------------------------------------------

    def search_converges(self, ready_at, timeout, everything=False):
        """Every approved business (an acknowledged approval or an import)
        not yet found, plus a sample of the others, must be found by its
        unique name within `timeout` seconds of the restart. Returns the
        slowest time. A business not approved must never be found (public
        = reviewed): each once, plus a sample (all with `everything`)."""
        bs = list(self.m.businesses.values())
        rng = random.Random(self.cycle)
        shown = [b for b in bs if b.approved]
        todo = [b for b in shown if not b.searched or everything]
        done = [b for b in shown if b.searched and not everything]
        todo += rng.sample(done, min(10, len(done)))
        slowest = 0.0
        for b in todo:
            while True:
                st, ans = self.get(f"/v1/search?q={b.tag}&limit=50")
                hit = st == 200 and any(h["business"]["id"] == b.id for h in ans.get("hits", []))
                waited = now() - ready_at
                if hit:
                    b.searched = True
                    slowest = max(slowest, waited)
                    break
                if waited > timeout:
                    self.other(f"search:{b.id}:{self.cycle}",
                               f"{b.id} ({b.name!r}, {b.origin}, since cycle {b.cycle}) not "
                               f"found by /v1/search?q={b.tag} {timeout:.0f} s after the restart "
                               f"(last answer {st})")
                    slowest = max(slowest, waited)
                    break
                time.sleep(0.05)
        hidden = [b for b in bs if not b.approved]
        absent = [b for b in hidden if not b.absent_checked or everything]
        seen = [b for b in hidden if b.absent_checked and not everything]
        absent += rng.sample(seen, min(10, len(seen)))
        for b in absent:
            st, ans = self.get(f"/v1/search?q={b.tag}&limit=50")
            if st != 200:
                self.other(f"search-answer:{b.id}:{st}", f"/v1/search?q={b.tag} answered {st}")
                continue
            if any(h["business"]["id"] == b.id for h in ans.get("hits", [])):
                self.half(f"search-unreviewed:{b.id}",
                          f"{b.id} ({b.name!r}, since cycle {b.cycle}) was never approved, "
                          f"/v1/search?q={b.tag} finds it")
            b.absent_checked = True
        self.counts["searched"] = len(todo) + len(absent)
        return slowest

    # -- in-flight writes: whatever the restarted server shows, it keeps ----

    def resolve_pending(self):
        """Before the search: which unanswered writes of the businesses
        happened, read from their status views (an approval decides whether
        the business may be found), and which unanswered registrations
        landed, read from the reviewer's audit trail (a business not
        reviewed is not public, so search cannot tell)."""
        for b in list(self.m.businesses.values()):
            if b.uncertain and b.key:
                st, view = self.get(f"/v1/businesses/{b.id}/status", bearer=b.key)
                if st == 200:
                    self.resolve(b, view)
        if not self.m.orphans:
            return
        # Newest first; nothing was written after the kill but the import.
        st, audit = self.get("/v1/review/audit?limit=500", bearer=REVIEWER)
        if st != 200:
            self.other(f"audit-all:{self.cycle}:{st}", f"the audit trail answered {st}")
            return
        registered = {e["detail"]: e["business"] for e in audit["entries"]
                      if e["action"] == "registered" and e.get("business")}
        for tag, name, country, cycle in self.m.orphans:
            bid = registered.get(name)
            if bid and bid not in self.m.businesses:
                # Its API key is unknown: no status view; its record is
                # checked through the audit trail, its absence in public.
                b = Biz(bid, None, tag, name, country, "api", cycle)
                self.m.businesses[b.id] = b
                self.m.orphans_landed += 1
        self.m.orphans.clear()

    def resolve(self, b, status_view):
        if status_view:
            if "approve" in b.uncertain:
                b.approved = (status_view["status"] == "verified"
                              and status_view["review"]["state"] == "approved")
            if "submit" in b.uncertain or "approve" in b.uncertain:
                b.submitted = status_view["review"]["state"] in ("submitted", "approved")
            if "domain_start" in b.uncertain or "domain_check" in b.uncertain:
                d = status_view.get("domain")
                if d and d["domain"] == "localhost":
                    b.domain = "proven" if d["verified"] else "challenged"
        b.uncertain.clear()

    def resolve_number(self, n, answer, own, has_view):
        """`own`: the number in its business's status view (None: not
        there); `has_view`: whether there is a status view at all."""
        if "request" in n.uncertain:
            if own is None and has_view:   # the code request did not happen
                n.biz.numbers.pop(n.e164, None)
                n.uncertain.clear()
                return False
            if n.new_uncertain:  # it is listed, so its first code request happened
                n.adds += 1
            n.new_uncertain = False
            n.code = None
        if "confirm" in n.uncertain and own and own["state"] in ("proven", "attested"):
            n.state = "proven"
        if "revoke" in n.uncertain and (
                (own and own["state"] == "revoked")
                or (not has_view and answer and answer.get("status") == "revoked")):
            n.state = "revoked"
            if n.pending_revoked_token:
                n.revoked_tokens.append(n.pending_revoked_token)
        n.pending_revoked_token = None
        n.uncertain.clear()
        return True

    # -- everything ----------------------------------------------------------

    def check_all(self):
        bs = list(self.m.businesses.values())
        # One lookup answer per number, in batches of 1000.
        numbers = [n.e164 for b in bs for n in b.numbers.values()] + list(self.m.reports)
        numbers = list(dict.fromkeys(numbers))
        answers = {}
        for i in range(0, len(numbers), 1000):
            chunk = numbers[i:i + 1000]
            st, ans = self.post("/v1/numbers/lookup", {"numbers": chunk})
            if st != 200:
                raise Fatal(f"batch lookup answered {st}: {ans}")
            for n, a in zip(chunk, ans["results"]):
                answers[n] = a
        for b in bs:
            self.check_business(b, answers)
        # Reports: the acknowledged count, and at most the in-flight ones more.
        for number, (acked, flying) in self.m.reports.items():
            seen = answers[number].get("reputation", {}).get("reports_30d")
            if seen is None or seen < acked:
                self.lost(f"report:{number}:{acked}",
                          f"{acked} reports of {number} acknowledged, lookup counts {seen}")
            elif seen > acked + flying:
                self.other(f"report-extra:{number}:{seen}",
                           f"{number}: {seen} reports counted, only {acked} acknowledged "
                           f"and {flying} in flight")
            else:
                # In-flight reports that landed are now part of the count.
                entry = self.m.reports[number]
                entry[0], entry[1] = seen, 0
            self.counts["reports"] += 1

    # -- webhook events ----------------------------------------------------

    def committed_events(self, b):
        """The business's events in the committed outbox: msg id -> (type,
        number, state)."""
        out, before = {}, None
        while True:
            path = f"/v1/businesses/{b.id}/webhook/deliveries?limit=100"
            if before is not None:
                path += f"&before={before}"
            st, ans = self.get(path, bearer=b.key)
            if st != 200:
                raise Fatal(f"deliveries of {b.id} answered {st}: {ans}")
            page = ans["deliveries"]
            for d in page:
                data = d["payload"].get("data", {}) if isinstance(d["payload"], dict) else {}
                out[d["msg_id"]] = (d["type"], data.get("number", ""), d["state"])
            if len(page) < 100:
                return out
            before = page[-1]["id"]

    def check_events(self, sink, timeout):
        """None lost, none phantom, every committed event delivered."""
        hooked = [b for b in self.m.businesses.values() if b.hook]
        committed = {}
        for b in hooked:
            events = self.committed_events(b)
            committed[b.id] = events
            have = Counter((t, n) for t, n, _ in events.values())
            for (kind, number), want in b.expect.items():
                got = have[(kind, number)] + (have[(kind, "")] if number else 0)
                if got < want:
                    self.lost(f"event:{b.id}:{kind}:{number}:{want}",
                              f"{b.id}: {want} acknowledged write(s) must have made "
                              f"{kind} {number}, the outbox holds {got}")
            for msg_id in sink.ids_of(b.id):
                if msg_id not in events:
                    self.other(f"phantom:{msg_id}",
                               f"{b.id}: the sink received {msg_id}, which no committed "
                               f"write made")
                    self.m.events["phantom"] += 1
        # Every committed event reaches the sink (after the restart, what a
        # kill interrupted is sent again).
        t0 = now()
        waiting = {m for evs in committed.values() for m in evs if not sink.has(m)}
        while waiting and now() - t0 < timeout:
            time.sleep(0.05)
            waiting = {m for m in waiting if not sink.has(m)}
        for m in waiting:
            self.lost(f"undelivered:{m}", f"event {m} is committed but never reached the sink "
                      f"within {timeout:.0f} s")
        self.m.events["committed"] = sum(len(e) for e in committed.values())
        with sink.lock:
            self.m.events["delivered"] = len(sink.received)
            self.m.events["repeats"] = sum(c - 1 for _, _, c in sink.received.values())
            bad = list(sink.bad_signatures)
        for m in bad:
            self.other(f"signature:{m}", f"event {m} carries no valid v1 signature")
        self.counts["events"] = self.m.events["committed"]

    def check_business(self, b, answers):
        """The business's acknowledged writes against the server's records
        (its status view; the public API only for an import, which is
        public and has no key), then the public answers against those
        records under the trust rules."""
        self.counts["businesses"] += 1
        st_p, profile = self.get(f"/v1/businesses/{b.id}")
        status_view = None
        if b.key:
            st, status_view = self.get(f"/v1/businesses/{b.id}/status", bearer=b.key)
            if st != 200:
                if not self.audit_entries(b):
                    self.lost(f"register:{b.id}", f"{b.origin} business {b.id} ({b.name!r}, "
                              f"cycle {b.cycle}): its status view answers {st}, the audit "
                              f"trail knows nothing of it")
                else:
                    self.lost(f"apikey:{b.id}", f"the API key of {b.id} (registered cycle "
                              f"{b.cycle}) no longer opens its status view: {st}")
                return
            verified = status_view["status"] == "verified"
        elif b.approved:   # an import: public, and no key
            if st_p != 200:
                self.lost(f"register:{b.id}", f"{b.origin} business {b.id} ({b.name!r}, cycle "
                          f"{b.cycle}): GET /v1/businesses/{b.id} answered {st_p}")
                return
            verified = profile["status"] == "verified"
        else:   # a registration without an answer that landed: never reviewed
            verified = False
        self.resolve(b, status_view)
        if verified:
            self.counts["public"] += 1

        # The review: what was acknowledged must be in the records.
        if b.approved and not verified:
            self.lost(f"status:{b.id}:verified",
                      f"{b.id}: approval acknowledged, the business is "
                      f"{status_view['status'] if status_view else profile['status']!r}")
        elif verified and not b.approved:
            self.other(f"unacknowledged-approval:{b.id}",
                       f"{b.id}: verified, no approval was acknowledged or in flight")
        if status_view:
            state = status_view["review"]["state"]
            if b.approved and state != "approved":
                self.lost(f"review:{b.id}:approved", f"{b.id}: approved, review state {state!r}")
            elif b.submitted and state not in ("submitted", "approved"):
                self.lost(f"review:{b.id}:submitted",
                          f"{b.id}: submission acknowledged, review state {state!r}")
            if verified != (state == "approved"):
                self.half(f"review-vs-status:{b.id}", f"{b.id}: status "
                          f"{status_view['status']!r} with review state {state!r}")
            d = status_view.get("domain")
            if b.domain and not (d and d["domain"] == "localhost"):
                self.lost(f"domain:{b.id}", f"{b.id}: domain challenge acknowledged, "
                          f"status view shows {d}")
            elif b.domain == "proven" and not d["verified"]:
                self.lost(f"domain-proven:{b.id}",
                          f"{b.id}: domain proof acknowledged, status view shows {d}")
            domain_proven = bool(d and d["verified"])
        else:
            domain_proven = b.origin == "import"   # imported at level A

        # What the public sees: the profile of a reviewed business, and
        # nothing of any other.
        if verified:
            if st_p != 200:
                self.half(f"profile-missing:{b.id}", f"{b.id} is verified, its public "
                          f"profile answers {st_p}")
                profile = None
            else:
                if profile["names"].get("en", profile["names"].get(LANG[b.country])) != b.name:
                    self.lost(f"name:{b.id}", f"{b.id}: names {profile['names']} lack {b.name!r}")
                if profile["status"] != "verified":
                    self.half(f"profile-status:{b.id}", f"{b.id} is verified, its public "
                              f"profile says {profile['status']!r}")
        else:
            if st_p != 404:
                self.half(f"profile-unreviewed:{b.id}",
                          f"{b.id} has not passed review, its public profile answers {st_p}"
                          + (f" (status {profile.get('status')!r})"
                             if isinstance(profile, dict) else ""))
            profile = None

        listed = {n["number"]: n for n in profile["numbers"]} if profile else {}
        own = {n["number"]: n for n in status_view["numbers"]} if status_view else None
        for n in list(b.numbers.values()):
            a = answers.get(n.e164)
            mine = own.get(n.e164) if own is not None else None
            if n.uncertain and not self.resolve_number(n, a, mine, own is not None):
                continue
            self.check_number(b, n, a, listed, own, verified, domain_proven)
        for number in set(listed) | set(own or {}):
            if number not in b.numbers:
                self.other(f"extra:{b.id}:{number}",
                           f"{b.id} lists {number}, which was never added")

        self.check_audit(b)

    def check_number(self, b, n, a, listed, own, verified, domain_proven):
        """`own`: the business's own numbers (None without a key: an
        import, whose record is what the public sees); `verified`: the
        business's review holds in the server's records; `domain_proven`:
        its numbers are held at level A."""
        self.counts["numbers"] += 1
        where = f"{n.e164} of {b.id}"
        a = a or {}
        status, level, token = a.get("status"), a.get("level"), a.get("attestation")
        named = (a.get("business") or {}).get("id")
        if own is not None:
            mine = own.get(n.e164)
            rec = mine["state"] if mine else None
            rec_level = mine.get("level") if mine else None
        else:
            mine = None
            rec = {"verified": "attested", "revoked": "revoked"}.get(status)
            rec_level = level
        seen = f"{'status view' if own is not None else 'lookup'} says {rec or 'nothing'}"

        # What the acknowledged writes must have left in the records.
        if n.state == "requested":
            if rec is None:
                self.lost(f"add:{n.e164}", f"{where}: code request acknowledged, {seen}")
                return
            if rec in ("proven", "attested", "revoked", "on_hold"):
                self.other(f"unacknowledged:{n.e164}:{rec}",
                           f"{where}: only a code was sent, {seen}")
            elif mine is not None and not mine["code_pending"] and not n.confirm_tried:
                self.lost(f"code:{n.e164}:{n.adds}", f"{where}: code request acknowledged, "
                          f"no code pending")
        elif n.state == "proven":
            if rec is None:
                self.lost(f"add:{n.e164}", f"{where}: {'confirmation' if b.key else 'import'} "
                          f"acknowledged, {seen}")
                return
            if rec in ("unproven", "locked"):
                self.lost(f"confirm:{n.e164}", f"{where}: confirmation acknowledged, {seen}")
            elif rec == "revoked":
                self.other(f"unacknowledged:{n.e164}:{rec}",
                           f"{where}: no revocation acknowledged or in flight, {seen}")
        else:  # revoked
            if rec != "revoked":
                self.lost(f"revoke:{n.e164}", f"{where}: revocation acknowledged, {seen} "
                          f"(lookup {status}, level {level}, token {bool(token)})")
            for t in n.revoked_tokens:
                st, v = self.post("/v1/attestations/verify", {"token": t, "number": n.e164})
                if st != 200 or v.get("valid") or v.get("reason") != "revoked":
                    self.lost(f"revoked-token:{n.e164}:{t[-12:]}",
                              f"{where}: revoked token (jti {jwt_claims(t).get('jti')}) "
                              f"verifies as {v}")
                self.counts["tokens"] += 1

        # The records under the trust rules: a reviewed business holds each
        # number it proved (attested), at A with a proven domain, else B; a
        # business not reviewed holds nothing.
        if rec in ("attested", "on_hold", "revoked") and not verified:
            self.half(f"held-unreviewed:{n.e164}", f"{where}: the business has not passed "
                      f"review, its number is {rec}")
        if rec == "proven" and verified:
            self.half(f"proven-not-attested:{n.e164}", f"{where}: the business is verified, "
                      f"its proven number is not attested (no token)")
        want_level = "A" if domain_proven else "B"
        if rec == "attested" and rec_level != want_level:
            self.half(f"level:{n.e164}:{rec_level}",
                      f"{where}: attested at level {rec_level}, the domain is "
                      f"{'' if domain_proven else 'not '}proven (expected {want_level})")

        # What the public is told, from those records: only a reviewed
        # business's held number is more than `unknown`.
        if rec == "attested" and verified:
            want = ("verified", rec_level, True, b.id)
        elif rec == "revoked" and verified:
            want = ("revoked", None, False, b.id)
        else:
            want = ("unknown", None, False, None)
        got = (status, level, bool(token), named)
        if got != want:
            self.half(f"public:{n.e164}:{status}",
                      f"{where}: {seen} (business {'verified' if verified else 'not reviewed'}), "
                      f"lookup says {status}/{level}, token {bool(token)}, business {named} "
                      f"(expected {want[0]}/{want[1]}, token {want[2]}, business {want[3]})")
        # Whatever the records say, these never go together.
        if status == "verified" and not (token and level):
            self.half(f"verified-no-token:{n.e164}", f"{where}: verified, level {level}, "
                      f"token {bool(token)}")
        if token and (status != "verified" or not level):
            self.half(f"token-not-verified:{n.e164}", f"{where}: a token with status "
                      f"{status!r}, level {level}")
        if status == "revoked" and (token or not a.get("revocation")):
            self.half(f"revoked:{n.e164}", f"{where}: revoked, token={bool(token)}, "
                      f"revocation={a.get('revocation')}")
        if status in ("unknown", None) and (named or level or token):
            self.half(f"unknown-says:{n.e164}", f"{where}: unknown, yet names {named}, "
                      f"level {level}, token {bool(token)}")
        # The public profile lists exactly the numbers a lookup names it for.
        if verified and want[0] != "unknown":
            entry = listed.get(n.e164)
            if entry is None:
                self.half(f"profile-lacks:{n.e164}", f"{where}: lookup says {status}, the "
                          f"profile does not list it")
            elif entry["status"] != status or entry.get("level") != level:
                self.half(f"profile-vs-lookup:{n.e164}", f"{where}: profile says "
                          f"{entry['status']}/{entry.get('level')}, lookup {status}/{level}")
        elif n.e164 in listed:
            self.half(f"profile-lists:{n.e164}", f"{where}: {seen}, the profile lists it as "
                      f"{listed[n.e164]['status']}")
        if status == "verified" and token and token != n.token:
            self.check_token(b, n, token, level, "verified")

    def check_token(self, b, n, token, level, status):
        self.counts["tokens"] += 1
        st, v = self.post("/v1/attestations/verify", {"token": token, "number": n.e164})
        claims = (v or {}).get("claims") or {}
        ok = (st == 200 and v.get("valid") and v.get("reason") == "ok"
              and claims.get("sub") == n.e164 and claims.get("biz") == b.id
              and claims.get("lvl") == level and v.get("status") == status)
        if ok:
            n.token = token
        else:
            self.half(f"token:{n.e164}:{token[-12:]}",
                      f"{n.e164} of {b.id}: the token handed out does not check: "
                      f"{st} {json.dumps(v)[:300]}")

    def audit_entries(self, b):
        """The reviewer's audit trail of the business ([] if none)."""
        st, audit = self.get(f"/v1/review/audit?business={b.id}", bearer=REVIEWER)
        return audit["entries"] if st == 200 else []

    def check_audit(self, b):
        st, audit = self.get(f"/v1/review/audit?business={b.id}", bearer=REVIEWER)
        if st != 200:
            self.other(f"audit:{b.id}:{st}", f"audit of {b.id} answered {st}")
            return
        # The registration's name, as the reviewers see it (for a business
        # not reviewed, nothing public shows it).
        names = [e["detail"] for e in audit["entries"] if e["action"] == "registered"]
        if b.origin == "api" and names and b.name not in names:
            self.lost(f"name:{b.id}", f"{b.id}: registered as {names}, not {b.name!r}")
        actions = Counter(e["action"] for e in audit["entries"])
        details = Counter((e["action"], e.get("detail", "").split(":")[0])
                          for e in audit["entries"])
        expect = [("registered", 1)] if b.origin == "api" else []
        if b.submitted:
            expect.append(("submitted", 1))
        if b.approved and b.origin == "api":
            expect.append(("approved", 1))
        if b.domain:
            expect.append(("domain_challenge", 1))
        if b.domain == "proven":
            expect.append(("domain_proven", 1))
        for action, count in expect:
            if actions[action] < count:
                self.lost(f"audit:{b.id}:{action}",
                          f"{b.id}: audit trail lacks {action!r} ({dict(actions)})")
        for n in b.numbers.values():
            wants = [("code_sent", n.adds)]
            if n.state in ("proven", "revoked") and b.origin == "api":
                wants.append(("number_proven", 1))
            if n.state == "revoked":
                wants.append(("number_revoked", 1))
            for action, count in wants:
                if details[(action, n.e164)] < count:
                    self.lost(f"audit:{n.e164}:{action}:{count}",
                              f"{n.e164} of {b.id}: audit trail has "
                              f"{details[(action, n.e164)]} {action!r}, expected {count}")


# --------------------------------------------------------------------------
# Imports while the server is down

def run_import(server, model, rng, cycle, root, owned):
    count = rng.randint(1, 4)
    lines, made = [], []
    for _ in range(count):
        country = rng.choice(NUMBER_PATTERNS)[0]
        tag = "".join(rng.choice(string.ascii_lowercase) for _ in range(9))
        name = f"{rng.choice(WORDS)} {tag.capitalize()}"
        lang = LANG[country]
        bid = ulid_like(rng)
        nums = [model.new_number(rng, country) for _ in range(rng.randint(1, 2))]
        lines.append(json.dumps({
            "id": bid, "legal_name": f"{name} GmbH", "names": {lang: name, "en": name},
            "default_lang": lang, "category": "retail", "country": country,
            "city": "Importstadt", "status": "verified",
            "numbers": [{"number": x, "level": "A"} for x in nums]}))
        made.append((bid, tag, name, country, nums))
    path = os.path.join(root, f"import-{cycle}.jsonl")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    result = server.import_file(path)
    if result.returncode != 0:
        return 0, result
    for i, (bid, tag, name, country, nums) in enumerate(made):
        b = Biz(bid, None, tag, name, country, "import", cycle)
        for x in nums:
            n = Num(x, b)
            n.state = "proven"
            b.numbers[x] = n
        model.businesses[bid] = b
        # A writer may revoke its numbers and report them later.
        owned[(cycle + i) % len(owned)].append(b)
    model.ack("import", count)
    return count, result


# --------------------------------------------------------------------------

def self_test(model, port, rng, server):
    """Records acknowledgements the server never gave, one of each kind the
    check knows, and shows that each is reported lost."""
    bs = [b for b in model.businesses.values() if b.origin == "api"]
    faults = []
    fake = Biz(ulid_like(rng), None, "zqxjfaketag", "Fake Zqxjfaketag", "ES", "import", 0)
    model.businesses[fake.id] = fake
    faults.append(f"register:{fake.id}")
    b = next(b for b in bs if not b.approved and not b.uncertain and b.key)
    b.approved = True
    faults.append(f"status:{b.id}:verified")
    proven = [n for x in bs for n in x.numbers.values() if n.state == "proven" and not n.uncertain]
    requested = [n for x in bs for n in x.numbers.values()
                 if n.state == "requested" and not n.uncertain]
    if proven:
        proven[0].state = "revoked"
        faults.append(f"revoke:{proven[0].e164}")
    if requested:
        requested[0].state = "proven"
        faults.append(f"confirm:{requested[0].e164}")
    ghost = Num(model.new_number(rng, b.country), b)
    b.numbers[ghost.e164] = ghost
    ghost.adds = 1
    faults.append(f"add:{ghost.e164}")
    number, entry = next(iter(model.reports.items()))
    entry[0] += 1
    faults.append(f"report:{number}:{entry[0]}")
    checker = Checker(model, port, "self-test")
    checker.check_all()
    server.stop()
    caught = [f for f in faults if f in model.lost]
    print(f"\nself-test: {len(caught)} of {len(faults)} made-up acknowledgements reported lost")
    for key in faults:
        print(f"  {'caught' if key in model.lost else 'MISSED'} {key}: {model.lost.get(key, '')}")
    others = {k: v for k, v in model.lost.items() if not any(k.startswith(f) for f in faults)}
    print(f"  (and {len(others) + len(model.half)} follow-on findings)")
    return 0 if len(caught) == len(faults) else 2


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cycles", type=int, default=50, help="kill and restart cycles (default 50)")
    ap.add_argument("--seed", type=int, default=None,
                    help="random seed (default: a new one, printed; the timing of a kill is "
                    "not reproducible, the choice of writes and kill moments is)")
    ap.add_argument("--binary", default=os.path.join(here, "..", "target", "release", "bizseal"),
                    help="the bizseal binary (default target/release/bizseal)")
    ap.add_argument("--keep", action="store_true", help="keep the data dir")
    ap.add_argument("--workers", type=int, default=4, help="client threads (default 4)")
    ap.add_argument("--kill-after", type=float, nargs=2, default=(0.2, 2.0),
                    metavar=("MIN", "MAX"), help="seconds into a cycle (default 0.2 2.0)")
    ap.add_argument("--search-timeout", type=float, default=10.0,
                    help="seconds a business may take to become findable after a restart")
    ap.add_argument("--pace", type=float, default=0.01,
                    help="mean pause of a writer between steps, seconds (default 0.01)")
    ap.add_argument("--no-import", action="store_true", help="no imports while down")
    ap.add_argument("--graceful-every", type=int, default=0, metavar="N",
                    help="stop every Nth cycle with SIGTERM instead of SIGKILL (default never)")
    ap.add_argument("--self-test", action="store_true",
                    help="after one cycle, pretend some writes were acknowledged that never "
                    "happened and show that the check calls each of them lost")
    args = ap.parse_args()

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"crash.py: {binary} is not an executable (build it, or pass --binary)")
    root = tempfile.mkdtemp(prefix="bizseal-crash-")
    site = ChallengeSite()
    model = Model()
    sink = WebhookSink(model.secrets)
    model.hook_url = sink.url
    port = free_port()
    server = Server(binary, root, port, site.port, os.path.join(root, "server.log"))
    print(f"crash.py: seed {seed}, {args.cycles} cycles, {args.workers} writers, "
          f"binary {binary}, data {server.data}, port {port}", flush=True)

    def model_other(key, what):
        model.other.setdefault(key, what)

    owned = [[] for _ in range(args.workers)]
    restart_max = search_max = 0.0
    fills = {"copy": 0, "tables": 0}
    cycles_run = 0
    fatal = None
    import_refused = None
    t_start = now()
    try:
        ready = server.start()
        # An import beside the running server must be refused, not wait or corrupt.
        probe = os.path.join(root, "probe.jsonl")
        with open(probe, "w") as f:
            f.write(json.dumps({"legal_name": "Probe S.L.", "names": {"es": "Probe"},
                                "default_lang": "es", "category": "retail",
                                "country": "ES"}) + "\n")
        r = server.import_file(probe)
        import_refused = r.returncode != 0 and "in use" in r.stderr
        if not import_refused:
            model_other("import-beside-server", f"an import beside the running server was not "
                        f"refused: exit {r.returncode}, {r.stdout.strip()} {r.stderr.strip()}")
        ready_at = now()
        for cycle in range(1, args.cycles + 1):
            cycles_run = cycle
            model.cycle_acked = 0
            inflight_before = sum(model.inflight.values())
            stop = threading.Event()
            workers = [Worker(i, model, port, rng.randrange(1 << 30), cycle, cycle, stop, owned[i],
                              args.pace)
                       for i in range(args.workers)]
            for w in workers:
                w.start()
            kill_at = rng.uniform(*args.kill_after)
            time.sleep(kill_at)
            graceful = args.graceful_every > 0 and cycle % args.graceful_every == 0
            if graceful:
                server.stop()
            else:
                server.kill()
            stop.set()
            for w in workers:
                w.join(timeout=30)
                if w.is_alive():
                    raise Fatal(f"{w.name} did not stop")
                if w.error:
                    raise Fatal(f"{w.name} failed: {w.error!r}")
            flying = sum(model.inflight.values()) - inflight_before
            imported = 0
            if not args.no_import:
                imported, result = run_import(server, model, rng, cycle, root, owned)
                if result.returncode != 0:
                    model_other(f"import:{cycle}", f"cycle {cycle}: import failed "
                                f"({result.returncode}): "
                                f"{ANSI.sub('', result.stderr.strip())[-400:]}")
            took = server.start()
            restart_max = max(restart_max, took)
            source = server.known_numbers_source()
            fills[source] += 1
            ready_at = now()
            checker = Checker(model, port, cycle)
            checker.resolve_pending()
            slowest = checker.search_converges(ready_at, args.search_timeout)
            search_max = max(search_max, slowest)
            checker.check_all()
            checker.check_events(sink, args.search_timeout)
            checker.http.close()
            c = checker.counts
            print(f"cycle {cycle:3}: {'stopped' if graceful else 'killed'} at {kill_at:4.2f}s, "
                  f"{model.cycle_acked:3} writes "
                  f"acknowledged ({sum(model.acked.values())} in all), {flying} in flight, "
                  f"{imported} imported; restart {took:.2f}s, filter from the {source}; "
                  f"search {slowest:.2f}s "
                  f"({c['searched']} names); checked {c['businesses']} businesses "
                  f"({c['public']} public), "
                  f"{c['numbers']} numbers, {c['tokens']} tokens, {c['reports']} report counts, "
                  f"{c['events']} events: "
                  f"lost {c['lost']}, half-written {c['half']}, other {c['other']}",
                  flush=True)
            if args.self_test:
                break
        if args.self_test:
            result = self_test(model, port, rng, server)
            shutil.rmtree(root, ignore_errors=True)
            return result
        # Finally every business by name, after one more graceful restart.
        server.stop()
        server.start()
        fills[server.known_numbers_source()] += 1
        checker = Checker(model, port, "final")
        checker.resolve_pending()
        search_max = max(search_max, checker.search_converges(now(), args.search_timeout, True))
        checker.check_all()
        checker.check_events(sink, args.search_timeout)
        checker.http.close()
    except Fatal as e:
        fatal = str(e)
    except KeyboardInterrupt:
        fatal = "interrupted"
    finally:
        server.stop()
        site.stop()
        sink.stop()

    acked = sum(model.acked.values())
    print()
    print(f"== summary (seed {seed}, {now() - t_start:.0f} s)")
    print(f"cycles run:              {cycles_run} of {args.cycles}")
    print(f"writes acknowledged:     {acked} ({', '.join(f'{k} {v}' for k, v in sorted(model.acked.items()))})")
    print(f"writes in flight at kill:{sum(model.inflight.values()):>4} ({', '.join(f'{k} {v}' for k, v in sorted(model.inflight.items()))})")
    print(f"writes refused (4xx):    {sum(model.refused.values())}")
    for k, v in sorted(model.refused.items()):
        print(f"  {v:5} {k}")
    print(f"businesses checked:      {len(model.businesses)} "
          f"({sum(b.approved for b in model.businesses.values())} approved, so public), numbers "
          f"{sum(len(b.numbers) for b in model.businesses.values())} (of the registrations "
          f"in flight, {model.orphans_landed} landed and were checked too)")
    print(f"import beside server:    {'refused, as it must be' if import_refused else 'NOT refused' if import_refused is False else 'not tried'}")
    print(f"restart to /healthz max: {restart_max:.2f} s")
    print(f"known-numbers filter:    filled {fills['copy']} times from a saved copy, "
          f"{fills['tables']} from the tables")
    print(f"search convergence max:  {search_max:.2f} s (timeout {args.search_timeout:.0f} s)")
    ev = model.events
    print(f"webhook events:          {ev['committed']} committed, {ev['delivered']} received by "
          f"the sink ({ev['repeats']} repeats: at least once), {ev['phantom']} without a "
          f"committed change, {len(sink.bad_signatures)} bad signatures, "
          f"{sink.unverifiable} from a business whose secret was in flight")
    print(f"writes lost:             {len(model.lost)}")
    for k, v in sorted(model.lost.items())[:40]:
        print(f"  LOST {v}")
    print(f"half-written states:     {len(model.half)}")
    for k, v in sorted(model.half.items())[:40]:
        print(f"  HALF {v}")
    print(f"other problems:          {len(model.other)}")
    for k, v in sorted(model.other.items())[:40]:
        print(f"  OTHER {v}")
    if fatal:
        print(f"FATAL: {fatal}")
    bad = fatal or model.lost or model.half or model.other
    if args.keep or bad:
        print(f"data dir kept: {root} (server log: {server.log})")
    else:
        shutil.rmtree(root, ignore_errors=True)
    if fatal and not model.lost:
        return 3
    if model.lost:
        return 1
    return 2 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
